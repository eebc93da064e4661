// Composition root of Cloudcraft Desktop: builds the services once, injects them, shows the main window.

#include "cachesettingspage.h"
#include "inspectorpanel.h"
#include "comparelauncher.h"
#include "mainwindow.h"
#include "previewcontroller.h"
#include "prompter.h"
#include "sessioncontroller.h"
#include "themeswitcher.h"
#include "translations.h"
#include "uiresources.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "cache/rendercache.h"
#include "history/snapshotstore.h"
#include "settings/appsettings.h"

#include <cloudcraft/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <memory>

using namespace Cloudcraft;

namespace {

struct Options
{
    QString profile;
    QUrl apiUrl;
    QString caFile;
    QString screenshot;
    QString language;
};

/// Parses the command line; exits for --help, --version and usage errors.
Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Browse, inspect and present your Cloudcraft architecture diagrams."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QCoreApplication::translate("main", "Use the profile <name>."),
                                     QStringLiteral("name"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
                                    QCoreApplication::translate("main", "Talk to the API at <url> (https only)."),
                                    QStringLiteral("url"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QCoreApplication::translate("main", "Also trust the CA certificates in <file>."),
                                    QStringLiteral("file"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the main window to <file> once the first preview is shown, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Show the user interface in <language> (\"de\", \"en\"); default: the "
                                            "language chosen in Settings, else the system's."),
        QStringLiteral("language"));
    parser.addOptions({profile, apiUrl, caFile, screenshot, language});
    parser.process(app);

    Options options{parser.value(profile), {}, {}, parser.value(screenshot), parser.value(language)};
    if (parser.isSet(apiUrl)) {
        options.apiUrl = QUrl(parser.value(apiUrl));
        if (const auto error = Core::ProfileStore::validateApiUrl(options.apiUrl)) {
            std::fprintf(stderr, "cloudcraft-desktop: %s\n", qPrintable(*error));
            std::exit(2);
        }
    }
    if (parser.isSet(caFile)) {
        const QFileInfo info(parser.value(caFile));
        if (!info.isReadable()) {
            std::fprintf(stderr, "cloudcraft-desktop: the CA file %s cannot be read\n", qPrintable(info.filePath()));
            std::exit(2);
        }
        options.caFile = info.absoluteFilePath();
    }
    if (!options.profile.isEmpty() && !Core::ProfileStore::isValidName(options.profile)) {
        std::fprintf(stderr, "cloudcraft-desktop: \"%s\" is not a valid profile name\n", qPrintable(options.profile));
        std::exit(2);
    }
    return options;
}

/// Saves the window once the first preview is on screen (or after a deadline) and quits; for docs and checks.
void arrangeScreenshot(QApplication &app, Ui::MainWindow &window, const QString &file)
{
    auto save = [&app, &window, file](int exitCode) {
        // Let the last layout and paint happen before grabbing.
        QTimer::singleShot(400, &window, [&app, &window, file, exitCode] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "cloudcraft-desktop: could not write %s\n", qPrintable(file));
            app.exit(saved ? exitCode : 1);
        });
    };
    // The picture is ready when both the preview and the inspector's resource counts (fetched separately) are in.
    auto *inspector = window.findChild<Ui::InspectorPanel *>(QStringLiteral("inspectorPanel"));
    auto previewShown = std::make_shared<bool>(false);
    auto saveWhenComplete = [save, inspector, previewShown] {
        if (*previewShown && (!inspector || inspector->hasResources()))
            save(0);
    };
    if (inspector)
        QObject::connect(inspector, &Ui::InspectorPanel::resourcesLoaded, &window, saveWhenComplete,
                         Qt::SingleShotConnection);
    QObject::connect(window.previewController(), &Ui::PreviewController::previewLoaded, &window,
                     [saveWhenComplete, previewShown](const QString &) {
                         *previewShown = true;
                         saveWhenComplete();
                     }, Qt::SingleShotConnection);
    QObject::connect(window.previewController(), &Ui::PreviewController::previewFailed, &window,
                     [save](const QString &, const QString &) { save(1); }, Qt::SingleShotConnection);
    // Not signed in (no saved key): the welcome dialog is what the user sees, so grab the screen with it.
    QTimer::singleShot(6000, &window, [&app, &window, file] {
        if (!QApplication::activeModalWidget())
            return;
        QScreen *screen = window.screen();
        const bool saved = screen && screen->grabWindow(0).save(file, "PNG");
        app.exit(saved ? 0 : 1);
    });
    QTimer::singleShot(90000, &window, [save] { save(1); });
}

/// CLOUDCRAFT_EXIT_WHEN_READY=1 (bench/bench_coldstart.sh): once the main window is exposed and the event loop has
/// worked through what start-up queued, print the wall-clock time ("ready <ms since epoch>") and quit.
void arrangeReadyProbe(QApplication &app, QWidget &window)
{
    if (qEnvironmentVariableIsEmpty("CLOUDCRAFT_EXIT_WHEN_READY"))
        return;
    auto check = std::make_shared<std::function<void()>>();
    *check = [&app, &window, check] {
        if (!window.windowHandle() || !window.windowHandle()->isExposed())
            return QTimer::singleShot(1, &window, *check);
        QTimer::singleShot(0, &window, [&app] {
            std::printf("ready %lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            app.exit(0);
        });
    };
    QTimer::singleShot(0, &window, *check);
}

/// --help and --version need no display: answer them before a GUI application exists.
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kAppName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kAppVersion));
    QCoreApplication::setOrganizationDomain(QStringLiteral("cloudcraft.co"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        parseOptions(core); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setApplicationNames();
    cloudcraftInitUiResources();
    QApplication::setApplicationDisplayName(QStringLiteral("Cloudcraft Desktop"));
    QApplication::setDesktopFileName(QString::fromLatin1(kAppId));
    QApplication::setWindowIcon(QIcon::fromTheme(QString::fromLatin1(kAppId),
                                                 QIcon(QStringLiteral(":/icons/co.cloudcraft.Desktop.svg"))));
    // `cloudcraft-desktop compare A B` and cloudcraft-desktop://compare links open the compare window on its own.
    if (Ui::CompareLauncher::isCompareInvocation(QCoreApplication::arguments()))
        return Ui::CompareLauncher::run(app, QCoreApplication::arguments());
    const Options options = parseOptions(app);

    // The services, one of each for the whole application.
    QNetworkAccessManager network;
    Core::RequestScheduler scheduler;
    Core::ProfileStore profiles;
    Core::KeychainSecretStore keychain;
    Core::KeyService keys(profiles, keychain);
    Ui::WidgetPrompter prompter;
    const QString settingsPath =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/cloudcraft-desktop");
    QDir().mkpath(settingsPath);
    QSettings settings(settingsPath + QStringLiteral("/desktop.ini"), QSettings::IniFormat);
    Core::AppSettings preferences(settings);

    // Language and theme before the first widget exists, so everything is built translated and in the right colours.
    Ui::Translations::install(app, options.language.isEmpty() ? preferences.language() : options.language);
    Ui::ThemeSwitcher theme;
    theme.apply(preferences.theme());

    Ui::SessionController session({&network, &profiles, &keys, &scheduler, &prompter});
    session.setEndpointOverride(options.apiUrl, options.caFile);

    // Renders and lists on disk, one directory per profile and API origin (opened once signed in).
    Core::RenderCache cache;
    cache.setMaxBytes(Ui::CacheSettingsPage::savedLimit(settings));

    // The local snapshot history, shared with the CLI; declared before the window, which uses it until it closes.
    Core::SnapshotStore history(Core::SnapshotStore::defaultRoot());
    const Core::HistoryError historyProblem = history.open();

    Ui::MainWindow window(session, prompter, &scheduler, settings);
    if (historyProblem) // the app works without history; the timeline and the status bar say why
        window.setSnapshotStoreProblem(
            QCoreApplication::translate("main", "Snapshots are unavailable: %1").arg(historyProblem.message));
    else
        window.setSnapshotStore(&history);
    window.setCache(&cache, Core::RenderCache::defaultRoot());
    window.setThemeSwitcher(&theme);
    window.restoreState();
    if (!options.screenshot.isEmpty())
        arrangeScreenshot(app, window, options.screenshot);
    window.show();
    arrangeReadyProbe(app, window);
    session.start(options.profile);
    return app.exec();
}
