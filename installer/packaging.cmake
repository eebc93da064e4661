# Install rules and CPack packaging (included from the top-level CMakeLists.txt after every target exists).
# Linux: DEB and TGZ; Windows: NSIS; macOS: DragNDrop.
include(GNUInstallDirs)

set(CLOUDCRAFT_INSTALLER_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CLOUDCRAFT_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/${CLOUDCRAFT_APP_ID}.svg)
set(CLOUDCRAFT_ICON_BUILD_DIR ${CMAKE_BINARY_DIR}/icons)

install(TARGETS cloudcraft-desktop RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desktop)
if(TARGET cloudcraft-cli)
    install(TARGETS cloudcraft-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()

if(UNIX AND NOT APPLE)
    install(FILES ${CLOUDCRAFT_INSTALLER_DIR}/${CLOUDCRAFT_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
    install(FILES ${CLOUDCRAFT_INSTALLER_DIR}/${CLOUDCRAFT_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT desktop)

    # hicolor icons: the SVG as is, PNGs rendered from it at build time with rsvg-convert.
    set(_icon_outputs ${CLOUDCRAFT_ICON_BUILD_DIR}/hicolor/scalable/apps/${CLOUDCRAFT_APP_ID}.svg)
    set(_icon_commands COMMAND ${CMAKE_COMMAND} -E make_directory ${CLOUDCRAFT_ICON_BUILD_DIR}/hicolor/scalable/apps
                       COMMAND ${CMAKE_COMMAND} -E copy ${CLOUDCRAFT_ICON_SVG}
                               ${CLOUDCRAFT_ICON_BUILD_DIR}/hicolor/scalable/apps/${CLOUDCRAFT_APP_ID}.svg)
    find_program(CLOUDCRAFT_RSVG_CONVERT rsvg-convert)
    if(CLOUDCRAFT_RSVG_CONVERT)
        foreach(size 48 128 256)
            set(_dir ${CLOUDCRAFT_ICON_BUILD_DIR}/hicolor/${size}x${size}/apps)
            list(APPEND _icon_outputs ${_dir}/${CLOUDCRAFT_APP_ID}.png)
            list(APPEND _icon_commands COMMAND ${CMAKE_COMMAND} -E make_directory ${_dir}
                 COMMAND ${CLOUDCRAFT_RSVG_CONVERT} -w ${size} -h ${size} -o ${_dir}/${CLOUDCRAFT_APP_ID}.png
                         ${CLOUDCRAFT_ICON_SVG})
        endforeach()
    else()
        message(WARNING "rsvg-convert not found: only the scalable icon is installed (apt-get install librsvg2-bin)")
    endif()
    add_custom_command(OUTPUT ${_icon_outputs} ${_icon_commands} DEPENDS ${CLOUDCRAFT_ICON_SVG}
                       COMMENT "Rendering the application icons")
    add_custom_target(cloudcraft_icons ALL DEPENDS ${_icon_outputs})
    install(DIRECTORY ${CLOUDCRAFT_ICON_BUILD_DIR}/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
            COMPONENT desktop)

    add_test(NAME tst_packaging
             COMMAND ${CLOUDCRAFT_INSTALLER_DIR}/validate-metadata.sh
                     ${CLOUDCRAFT_INSTALLER_DIR}/${CLOUDCRAFT_APP_ID}.desktop
                     ${CLOUDCRAFT_INSTALLER_DIR}/${CLOUDCRAFT_APP_ID}.metainfo.xml
                     ${CLOUDCRAFT_ICON_BUILD_DIR})
    set_tests_properties(tst_packaging PROPERTIES LABELS packaging TIMEOUT 60)
endif()

set(CPACK_PACKAGE_NAME "cloudcraft-desktop")
set(CPACK_PACKAGE_VENDOR "Cloudcraft Desktop developers")
set(CPACK_PACKAGE_CONTACT "Cloudcraft Desktop developers <desktop@cloudcraft.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Browse, inspect and present Cloudcraft architecture diagrams")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Cloudcraft Desktop")
set(CPACK_PACKAGE_EXECUTABLES "cloudcraft-desktop;Cloudcraft Desktop")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/;/\\\\.git/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "Cloudcraft Desktop")
    set(CPACK_NSIS_PACKAGE_NAME "Cloudcraft Desktop")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_CREATE_ICONS_EXTRA
        "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Cloudcraft Desktop.lnk' '$INSTDIR\\\\bin\\\\cloudcraft-desktop.exe'")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Cloudcraft Desktop")
    set(CPACK_DMG_FORMAT "UDZO")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # Loaded at run time, so dpkg-shlibdeps cannot see them: platform plugins, the SQLite driver, the SVG icon engine.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, fonts-open-sans, fonts-inconsolata")
endif()

include(CPack)
