#include "mainwindow.h"

#include "accountcontroller.h"
#include "cachesettingspage.h"
#include "connectivitymonitor.h"
#include "exportcontroller.h"
#include "exportdefaultspage.h"
#include "helpdialogs.h"
#include "inspectorpanel.h"
#include "navigatorpanel.h"
#include "offlinebanner.h"
#include "previewcontroller.h"
#include "previewview.h"
#include "prompter.h"
#include "generalsettingspage.h"
#include "profilessettingspage.h"
#include "sessioncontroller.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "themeswitcher.h"
#include "workspacecontroller.h"
#include "importing/importcontroller.h"
#include "timeline/snapshotcompareopener.h"
#include "timeline/snapshotcontroller.h"
#include "timeline/snapshotprogressview.h"
#include "timeline/timelinestrip.h"

#include "settings/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QIcon>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using namespace Core;

MainWindow::MainWindow(SessionController &session, Prompter &prompter, RequestScheduler *scheduler,
                       QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_settings(settings)
    , m_appSettings(std::make_unique<AppSettings>(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Cloudcraft Desktop"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/co.cloudcraft.Desktop.svg")));

    m_workspace = new WorkspaceController(session, this);
    m_navigator = new NavigatorPanel(m_workspace->blueprintModel(), m_workspace->accountModel(), this);
    m_preview = new PreviewView(this);
    m_inspector = new InspectorPanel(this);
    m_previewController = new PreviewController(session, *m_workspace, m_preview, m_inspector, this);
    m_accounts = new AccountController(session, *m_workspace, m_inspector, settings, this);
    m_export = new ExportController(session, *m_workspace, m_navigator, m_preview, m_previewController, settings, this);
    m_import = new ImportController(session, *m_workspace, m_navigator, prompter, this);
    connect(m_export, &ExportController::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });

    m_snapshots = new SnapshotController(session, *m_workspace, *m_appSettings, this);
    m_timeline = new TimelineStrip(prompter, this);
    m_timeline->setTakeAction(m_snapshots->takeAction());
    m_previewSplitter = new QSplitter(Qt::Vertical, this);
    m_previewSplitter->setObjectName(QStringLiteral("previewSplitter"));
    m_previewSplitter->setAccessibleName(tr("Preview and timeline"));
    m_previewSplitter->addWidget(m_preview);
    m_previewSplitter->addWidget(m_timeline);
    m_previewSplitter->setStretchFactor(0, 1);
    m_previewSplitter->setStretchFactor(1, 0);
    m_previewSplitter->setCollapsible(0, false);
    m_previewSplitter->setSizes({640, 200});

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setAccessibleName(tr("Main areas"));
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_previewSplitter);
    m_splitter->addWidget(m_inspector);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({330, 800, 300});
    // The offline banner sits above the three areas, across the whole window.
    m_offlineBanner = new OfflineBanner(this);
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offlineBanner);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_status = new StatusPanel(statusBar(), session, scheduler, this);
    statusBar()->addPermanentWidget(new SnapshotProgressView(m_snapshots, statusBar()));
    m_connectivity = new ConnectivityMonitor(session, this);
    connect(m_connectivity, &ConnectivityMonitor::offlineChanged, m_offlineBanner, &OfflineBanner::setOffline);
    connect(m_connectivity, &ConnectivityMonitor::probeStateChanged, this, [this] {
        m_offlineBanner->setProbeState(m_connectivity->isProbing(), m_connectivity->nextProbe());
    });
    connect(m_offlineBanner, &OfflineBanner::retryRequested, m_connectivity, &ConnectivityMonitor::probeNow);
    connect(m_connectivity, &ConnectivityMonitor::reconnected, m_workspace, &WorkspaceController::reload);
    buildMenus();
    updateTitle();

    connect(m_navigator, &NavigatorPanel::blueprintSelected, this, &MainWindow::onBlueprintSelected);
    connect(m_navigator, &NavigatorPanel::accountSelected, m_accounts, &AccountController::select);
    connect(m_workspace, &WorkspaceController::loaded, this, &MainWindow::onWorkspaceLoaded);
    connect(m_navigator, &NavigatorPanel::blueprintSelected, m_snapshots, &SnapshotController::selectBlueprint);
    connect(m_navigator, &NavigatorPanel::accountSelected, m_snapshots, &SnapshotController::selectAccountRow);
    connect(m_navigator, &NavigatorPanel::nothingSelected, m_snapshots, &SnapshotController::clearSelection);
    connect(m_snapshots, &SnapshotController::currentSourceChanged, m_timeline,
            [this] { m_timeline->setSource(m_snapshots->currentSource()); });
    connect(m_snapshots, &SnapshotController::snapshotsChanged, m_timeline, &TimelineStrip::reload);
    connect(m_timeline, &TimelineStrip::snapshotsChanged, m_snapshots, &SnapshotController::refreshTrees);
    connect(m_previewController, &PreviewController::previewLoaded, m_snapshots,
            &SnapshotController::onPreviewLoaded);
    connect(m_timeline, &TimelineStrip::compareRequested, this, &MainWindow::compareRequested);
    m_compareOpener = new SnapshotCompareOpener(session, settings, this);
    connect(m_timeline, &TimelineStrip::compareRequested, m_compareOpener, &SnapshotCompareOpener::open);
    const auto showSnapshotMessage = [this](const QString &text) { statusBar()->showMessage(text, 8000); };
    connect(m_snapshots, &SnapshotController::message, this, showSnapshotMessage);
    connect(m_timeline, &TimelineStrip::message, this, showSnapshotMessage);
    connect(m_workspace, &WorkspaceController::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_workspace, &WorkspaceController::loadingChanged, this, [this](bool loading) {
        if (loading)
            statusBar()->showMessage(tr("Loading your blueprints and accounts…"));
        else
            statusBar()->clearMessage();
    });
    connect(m_previewController, &PreviewController::previewFailed, this,
            [this](const QString &, const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(&m_session, &SessionController::signedIn, this, &MainWindow::updateTitle);
    connect(&m_session, &SessionController::signedOut, this, &MainWindow::updateTitle);
    connect(&m_session, &SessionController::notice, this, [this](const QString &text) {
        if (m_connectivity->isOffline()) { // the offline banner explains; no box to dismiss at every start offline
            statusBar()->showMessage(text, 15000);
            return;
        }
        m_prompter.message(this, Prompter::Severity::Warning, tr("Cloudcraft Desktop"), text);
    });
    m_session.setDialogParent(this);
}

MainWindow::~MainWindow() = default;

void MainWindow::setCache(RenderCache *cache, const QString &root)
{
    m_cache = cache;
    m_workspace->setCache(cache, root);
}

QAction *MainWindow::addAction(QMenu *menu, const QString &text, const char *name, const QKeySequence &shortcut,
                               const QString &iconName)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(QString::fromLatin1(name));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        m_shortcutActions.append(action);
    }
    if (!iconName.isEmpty())
        action->setIcon(QIcon::fromTheme(iconName));
    QMainWindow::addAction(action); // shortcuts keep working in full screen, with the menu bar hidden
    return action;
}

void MainWindow::buildMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    connect(addAction(file, tr("&Reload"), "reloadAction", QKeySequence::Refresh, QStringLiteral("view-refresh")),
            &QAction::triggered, m_workspace, &WorkspaceController::reload);
    addControllerAction(file, m_import->importAction());
    addControllerAction(file, m_export->exportAction());
    file->addSeparator();
    connect(addAction(file, tr("&Quit"), "quitAction", QKeySequence::Quit, QStringLiteral("application-exit")),
            &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    addControllerAction(edit, m_export->copyImageAction());
    edit->addSeparator();
    connect(addAction(edit, tr("&Settings…"), "settingsAction", QKeySequence(tr("Ctrl+,")),
                      QStringLiteral("preferences-system")),
            &QAction::triggered, this, &MainWindow::openSettings);

    m_profilesMenu = menuBar()->addMenu(tr("&Profiles"));
    m_profilesMenu->setObjectName(QStringLiteral("profilesMenu"));
    m_switchMenu = m_profilesMenu->addMenu(tr("&Switch to"));
    m_switchMenu->setObjectName(QStringLiteral("switchProfileMenu"));
    connect(m_switchMenu, &QMenu::aboutToShow, this, &MainWindow::fillProfilesMenu);
    connect(addAction(m_profilesMenu, tr("&Add profile…"), "addProfileAction", {}, QStringLiteral("list-add")),
            &QAction::triggered, this, &MainWindow::addProfile);
    connect(addAction(m_profilesMenu, tr("&Replace API key…"), "replaceKeyAction", {}),
            &QAction::triggered, this, [this] { m_session.openWelcome(); });
    m_profilesMenu->addSeparator();
    connect(addAction(m_profilesMenu, tr("Sign &out"), "signOutAction", {}, QStringLiteral("system-log-out")),
            &QAction::triggered, this, [this] {
                m_prompter.confirm(this, tr("Sign out"),
                                   tr("Sign out of profile \"%1\" and remove its API key from this computer?")
                                       .arg(m_session.profile().name),
                                   tr("Sign out"), [this](bool yes) {
                                       if (yes)
                                           m_session.signOut();
                                   });
            });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *zoomIn = addAction(view, tr("Zoom &in"), "zoomInAction", QKeySequence::ZoomIn, QStringLiteral("zoom-in"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    connect(zoomIn, &QAction::triggered, m_preview, &PreviewView::zoomIn);
    connect(addAction(view, tr("Zoom &out"), "zoomOutAction", QKeySequence::ZoomOut, QStringLiteral("zoom-out")),
            &QAction::triggered, m_preview, &PreviewView::zoomOut);
    connect(addAction(view, tr("&Fit to window"), "fitAction", QKeySequence(tr("Ctrl+0")),
                      QStringLiteral("zoom-fit-best")),
            &QAction::triggered, m_preview, &PreviewView::fitToView);
    connect(addAction(view, tr("&Actual size (100 %)"), "actualSizeAction", QKeySequence(tr("Ctrl+1")),
                      QStringLiteral("zoom-original")),
            &QAction::triggered, m_preview, &PreviewView::actualSize);
    view->addSeparator();
    // PNG is what the API renders fastest; SVG stays sharp at any zoom (re-rasterised by the view).
    auto *formats = new QActionGroup(this);
    formats->setExclusive(true);
    QAction *png = addAction(view, tr("Preview as &PNG"), "previewFormatPng", {});
    QAction *svg = addAction(view, tr("Preview as S&VG"), "previewFormatSvg", {});
    for (QAction *action : {png, svg}) {
        action->setCheckable(true);
        formats->addAction(action);
    }
    png->setChecked(true);
    connect(png, &QAction::triggered, m_previewController,
            [this] { m_previewController->setFormat(Core::ExportFormat::Png); });
    connect(svg, &QAction::triggered, m_previewController,
            [this] { m_previewController->setFormat(Core::ExportFormat::Svg); });
    connect(svg, &QAction::toggled, this, [this](bool on) { m_appSettings->setPreviewAsSvg(on); });
    if (m_appSettings->previewAsSvg())
        svg->trigger();
    view->addSeparator();
    QAction *inspector = addAction(view, tr("Show &inspector"), "toggleInspectorAction", QKeySequence(tr("Ctrl+I")));
    inspector->setCheckable(true);
    inspector->setChecked(true);
    connect(inspector, &QAction::toggled, m_inspector, &QWidget::setVisible);
    connect(addAction(view, tr("F&ull screen"), "fullScreenAction", QKeySequence(Qt::Key_F11),
                      QStringLiteral("view-fullscreen")),
            &QAction::triggered, this, &MainWindow::toggleFullScreen);
    connect(addAction(view, tr("Find…"), "focusFilterAction", QKeySequence::Find, QStringLiteral("edit-find")),
            &QAction::triggered, this, [this] {
                m_navigator->filterField()->setFocus();
                m_navigator->filterField()->selectAll();
            });

    QMenu *snapshot = menuBar()->addMenu(tr("&Snapshot"));
    snapshot->setObjectName(QStringLiteral("snapshotMenu"));
    addControllerAction(snapshot, m_snapshots->takeAction());

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->setObjectName(QStringLiteral("accountMenu"));
    QAction *downloadInventory = addAction(account, tr("&Download inventory…"), "downloadInventoryAction", {});
    connect(downloadInventory, &QAction::triggered, m_accounts, &AccountController::downloadInventory);
    // The same actions on the account tree's context menu (right-click or the Menu key on an account or region).
    QTreeView *accountTree = m_navigator->accountTree();
    if (accountTree->contextMenuPolicy() == Qt::DefaultContextMenu)
        accountTree->setContextMenuPolicy(Qt::ActionsContextMenu);
    accountTree->addAction(m_snapshots->takeAction());
    accountTree->addAction(downloadInventory);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = addAction(help, tr("&Keyboard shortcuts"), "shortcutsAction", QKeySequence(tr("?")));
    shortcuts->setShortcuts({QKeySequence(tr("?")), QKeySequence(QKeySequence::HelpContents)});
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(addAction(help, tr("&About Cloudcraft Desktop"), "aboutAction", {}, QStringLiteral("help-about")),
            &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::fillProfilesMenu()
{
    m_switchMenu->clear();
    for (const QString &name : m_session.profileNames()) {
        QAction *action = m_switchMenu->addAction(name);
        action->setObjectName(QStringLiteral("profile_") + name);
        action->setCheckable(true);
        action->setChecked(name == m_session.profile().name && m_session.isSignedIn());
        connect(action, &QAction::triggered, this, [this, name] { m_session.switchProfile(name); });
    }
}

void MainWindow::addProfile()
{
    m_prompter.askText(this, tr("Add profile"), tr("Name of the new profile (letters, digits, dots, dashes):"),
                       [this](const QString &name) { m_session.openWelcome(name); });
}

void MainWindow::updateTitle()
{
    if (m_session.isSignedIn() && !m_session.user().name.isEmpty())
        setWindowTitle(tr("Cloudcraft Desktop — %1").arg(m_session.profile().name));
    else
        setWindowTitle(tr("Cloudcraft Desktop"));
}

SettingsDialog *MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return m_settingsDialog;
    }
    if (!m_theme) {
        m_ownTheme = std::make_unique<ThemeSwitcher>();
        m_theme = m_ownTheme.get();
    }
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addPage(tr("General"), QIcon::fromTheme(QStringLiteral("preferences-desktop")),
                    new GeneralSettingsPage(*m_appSettings, *m_theme));
    dialog->addPage(tr("Profiles"), QIcon::fromTheme(QStringLiteral("system-users")),
                    new ProfilesSettingsPage(m_session, m_prompter));
    if (m_cache)
        dialog->addPage(tr("Cache"), QIcon::fromTheme(QStringLiteral("drive-harddisk")),
                        new CacheSettingsPage(*m_cache, m_settings));
    dialog->addPage(tr("Export"), QIcon::fromTheme(QStringLiteral("document-export")),
                    new ExportDefaultsPage(m_settings, m_session.profile().name));
    m_settingsDialog = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::onWorkspaceLoaded()
{
    if (m_appSettings->restoreWindowState())
        m_navigator->setExpansionState(m_appSettings->treeExpansion(m_session.profile().name));
    m_navigator->expandGroups();
    if (m_appSettings->restoreWindowState())
        m_lastBlueprint = m_appSettings->lastBlueprint(m_session.profile().name);
    if (!m_lastBlueprint.isEmpty() && m_navigator->selectBlueprint(m_lastBlueprint))
        return;
    // First start: show something right away rather than an empty canvas.
    if (m_previewController->currentBlueprint().isEmpty())
        m_navigator->selectFirstBlueprint();
    m_navigator->blueprintTree()->setFocus();
}

void MainWindow::onBlueprintSelected(const QString &id)
{
    m_lastBlueprint = id;
    m_appSettings->setLastBlueprint(m_session.profile().name, id);
    m_previewController->showBlueprint(id);
}

void MainWindow::setSnapshotStore(SnapshotStore *store)
{
    m_snapshots->setStore(store);
    m_timeline->setStore(store);
    m_compareOpener->setStore(store);
}

void MainWindow::setSnapshotStoreProblem(const QString &sentence)
{
    m_snapshots->setUnavailable(sentence);
    m_timeline->setUnavailable(sentence);
    statusBar()->showMessage(sentence, 30000);
}

void MainWindow::addControllerAction(QMenu *menu, QAction *action)
{
    menu->addAction(action);
    if (!action->shortcut().isEmpty())
        m_shortcutActions.append(action);
    QMainWindow::addAction(action); // shortcuts keep working in full screen, with the menu bar hidden
}

void MainWindow::toggleFullScreen()
{
    if (isFullScreen()) {
        showNormal();
        menuBar()->show();
    } else {
        showFullScreen();
    }
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_shortcutActions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::restoreState()
{
    const AppSettings &saved = *m_appSettings;
    if (!saved.restoreWindowState() || !restoreGeometry(saved.windowGeometry()))
        resize(1400, 860);
    if (!saved.restoreWindowState())
        return;
    QMainWindow::restoreState(saved.windowState());
    if (const QByteArray sizes = saved.splitterState(); !sizes.isEmpty())
        m_splitter->restoreState(sizes);
    if (const QByteArray sizes = saved.timelineSplitterState(); !sizes.isEmpty())
        m_previewSplitter->restoreState(sizes);
    if (auto *inspector = findChild<QAction *>(QStringLiteral("toggleInspectorAction")))
        inspector->setChecked(saved.inspectorVisible());
    m_navigator->setGroupingIndex(saved.treeGrouping());
    m_navigator->setSortIndex(saved.treeSort());
}

void MainWindow::saveState()
{
    AppSettings &saved = *m_appSettings;
    saved.setWindowGeometry(saveGeometry());
    saved.setWindowState(QMainWindow::saveState());
    saved.setSplitterState(m_splitter->saveState());
    saved.setTimelineSplitterState(m_previewSplitter->saveState());
    if (const auto *inspector = findChild<QAction *>(QStringLiteral("toggleInspectorAction")))
        saved.setInspectorVisible(inspector->isChecked());
    saved.setTreeGrouping(m_navigator->groupingIndex());
    saved.setTreeSort(m_navigator->sortIndex());
    saved.setTreeExpansion(m_session.profile().name, m_navigator->expansionState());
    saved.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace Cloudcraft::Ui
