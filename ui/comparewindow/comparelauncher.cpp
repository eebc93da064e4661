#include "comparelauncher.h"

#include "changelistpanel.h"
#include "comparewindow.h"
#include "compare/compareview.h"
#include "prompter.h"
#include "sessioncontroller.h"
#include "themeswitcher.h"
#include "translations.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "compare/ignoreregionstore.h"
#include "diff/apidiffsources.h"
#include "diff/diffsource.h"
#include "history/snapshotdiffsource.h"
#include "settings/appsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace Cloudcraft::Ui::CompareLauncher {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CompareLauncher", text);
}

bool isCompareUrl(const QString &text)
{
    return text.startsWith(QLatin1String(kUrlScheme) + QStringLiteral(":"), Qt::CaseInsensitive);
}

void printError(const QString &sentence)
{
    std::fprintf(stderr, "cloudcraft-desktop: %s\n", qPrintable(sentence));
}

/// The references of `cloudcraft-cli diff`: blueprint:, aws:, azure: through the API, snapshot: from the history.
void registerSources(Core::DiffSourceRegistry &registry, std::function<Core::ApiClient &()> client)
{
    Core::ApiDiffSources::registerAll(registry, std::move(client));
    registry.add(std::make_unique<Core::SnapshotDiffSourceResolver>());
}

} // namespace

bool isCompareInvocation(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"compare" || isCompareUrl(arg))
            return true;
        if (!arg.startsWith(u'-'))
            return false; // the first positional argument decides
        if (!arg.contains(u'=') && (arg == u"--profile" || arg == u"--api-url" || arg == u"--ca-file"
                                    || arg == u"--screenshots" || arg == u"--lang"))
            ++i; // skip the option's value
    }
    return false;
}

ParseResult parseUrl(const QString &text)
{
    ParseResult result;
    result.isCompare = true;
    const auto fail = [&result, &text](const QString &why) {
        result.error = tr("The link %1 cannot be opened: %2.").arg(text, why);
        return result;
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("it is not a valid URL"));
    if (url.scheme().compare(QLatin1String(kUrlScheme), Qt::CaseInsensitive) != 0)
        return fail(tr("it does not start with %1://").arg(QLatin1String(kUrlScheme)));
    if (url.host() != u"compare")
        return fail(tr("only %1://compare links are understood").arg(QLatin1String(kUrlScheme)));
    if (!url.userInfo().isEmpty() || url.port() != -1 || (!url.path().isEmpty() && url.path() != u"/")
        || url.hasFragment())
        return fail(tr("it has parts a compare link never has"));
    if (!url.hasQuery())
        return fail(tr("it does not name the two sides (a= and b=)"));
    const QStringList items = url.query(QUrl::FullyEncoded).split(u'&');
    QString a;
    QString b;
    bool seenA = false;
    bool seenB = false;
    for (const QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals < 0)
            return fail(tr("the parameter \"%1\" has no value").arg(item));
        const QString name = item.left(equals);
        // Form-style '+' for a space is not ours: references are percent-encoded whole.
        const QString value = QUrl::fromPercentEncoding(item.mid(equals + 1).toUtf8());
        if (name == u"a" && !seenA) {
            seenA = true;
            a = value;
        } else if (name == u"b" && !seenB) {
            seenB = true;
            b = value;
        } else {
            return fail(tr("only the parameters a and b are allowed, each once"));
        }
    }
    if (a.trimmed().isEmpty() || b.trimmed().isEmpty())
        return fail(tr("it does not name both sides (a= and b=)"));
    for (const QString &side : {a, b}) {
        if (side.startsWith(u'-'))
            return fail(tr("a side may not start with '-'"));
        for (const QChar c : side) {
            if (c.category() == QChar::Other_Control)
                return fail(tr("a side contains control characters"));
        }
    }
    result.invocation.a = a;
    result.invocation.b = b;
    return result;
}

ParseResult parseArguments(const QStringList &arguments)
{
    ParseResult result;
    result.isCompare = isCompareInvocation(arguments);
    if (!result.isCompare)
        return result;
    QCommandLineParser parser;
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Use the profile <name>."), QStringLiteral("name"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"), tr("Talk to the API at <url> (https only)."),
                                    QStringLiteral("url"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), tr("Also trust the CA certificates in <file>."),
                                    QStringLiteral("file"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        tr("Once the first result is shown, save one PNG per mode in <dir>, then quit."), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("lang"), tr("Show the user interface in <language>."),
                                      QStringLiteral("language"));
    parser.addOptions({profile, apiUrl, caFile, screenshots, language});
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 1 && isCompareUrl(positional.first())) {
        result = parseUrl(positional.first());
    } else if (positional.size() == 3 && positional.first() == u"compare") {
        result.invocation.a = positional.at(1);
        result.invocation.b = positional.at(2);
    } else {
        result.error = tr("Usage: cloudcraft-desktop compare A B [--screenshots DIR], where A and B are files or "
                          "references such as snapshot:<id> or blueprint:<id>.");
        return result;
    }
    if (!result.error.isEmpty())
        return result;
    Invocation &invocation = result.invocation;
    invocation.profile = parser.value(profile);
    invocation.screenshotDir = parser.value(screenshots);
    invocation.caFile = parser.value(caFile);
    if (parser.isSet(apiUrl)) {
        invocation.apiUrl = QUrl(parser.value(apiUrl));
        if (const auto error = Core::ProfileStore::validateApiUrl(invocation.apiUrl)) {
            result.error = *error;
            return result;
        }
    }
    if (!invocation.profile.isEmpty() && !Core::ProfileStore::isValidName(invocation.profile))
        result.error = tr("\"%1\" is not a valid profile name.").arg(invocation.profile);
    return result;
}

QString checkReference(const QString &reference, const Core::DiffSourceRegistry &registry)
{
    if (reference.trimmed().isEmpty())
        return tr("A side of the compare is empty: give a file or a reference such as snapshot:<id>.");
    if (registry.isReference(reference)) {
        const qsizetype colon = reference.indexOf(u':');
        if (reference.mid(colon + 1).trimmed().isEmpty())
            return tr("%1 names no %2: write it as %3.")
                .arg(reference, Core::DiffSourceRegistry::schemeOf(reference),
                     registry.syntaxes().filter(QString(Core::DiffSourceRegistry::schemeOf(reference) + u':')).value(0));
        return {};
    }
    const QFileInfo file(reference);
    if (file.isFile() && file.isReadable())
        return {};
    const QString scheme = Core::DiffSourceRegistry::schemeOf(reference);
    if (!scheme.isEmpty())
        return tr("%1: \"%2:\" is not a kind of reference the compare knows; use a file or %3.")
            .arg(reference, scheme, registry.syntaxes().join(QStringLiteral(", ")));
    if (file.exists())
        return tr("%1 cannot be read.").arg(reference);
    return tr("%1 does not exist.").arg(reference);
}

bool needsApi(const QString &reference, const Core::DiffSourceRegistry &registry)
{
    return registry.isReference(reference) && Core::DiffSourceRegistry::schemeOf(reference) != u"snapshot";
}

namespace {

/// --screenshots: once the first result is on screen, one PNG per mode, then the presentation, then quit.
class ScreenshotRun final : public QObject
{
public:
    ScreenshotRun(QApplication &app, CompareWindow &window, QString dir)
        : m_app(app)
        , m_window(window)
        , m_dir(std::move(dir))
    {
        connect(&window, &CompareWindow::firstResultShown, this, [this] { QTimer::singleShot(500, this, [this] { next(); }); },
                Qt::SingleShotConnection);
    }

private:
    void next()
    {
        static const QList<std::pair<CompareMode, QString>> modes{
            {CompareMode::SideBySide, QStringLiteral("compare-side-by-side.png")},
            {CompareMode::Swipe, QStringLiteral("compare-swipe.png")},
            {CompareMode::Onion, QStringLiteral("compare-onion.png")},
            {CompareMode::Blink, QStringLiteral("compare-blink.png")},
            {CompareMode::Difference, QStringLiteral("compare-difference.png")}};
        if (m_step < modes.size()) {
            const CompareMode mode = modes.at(m_step).first;
            const QString file = modes.at(m_step).second;
            m_window.view()->setMode(mode);
            if (m_step == 0)
                m_window.changeList()->selectNext(); // the largest change zoomed and highlighted, as a reader would start
            QTimer::singleShot(700, this, [this, file] {
                save(file);
                ++m_step;
                next();
            });
            return;
        }
        if (m_step == modes.size()) {
            m_window.view()->setMode(CompareMode::SideBySide);
            m_window.setPresenting(true);
            QTimer::singleShot(1200, this, [this] {
                save(QStringLiteral("compare-presentation.png"));
                ++m_step;
                m_window.setPresenting(false);
                m_app.exit(m_failed ? 1 : 0);
            });
        }
    }

    void save(const QString &file)
    {
        const QString path = QDir(m_dir).filePath(file);
        if (!m_window.grab().save(path, "PNG")) {
            printError(tr("%1 could not be written.").arg(path));
            m_failed = true;
        }
    }

    QApplication &m_app;
    CompareWindow &m_window;
    QString m_dir;
    qsizetype m_step = 0;
    bool m_failed = false;
};

} // namespace

int run(QApplication &app, const QStringList &arguments)
{
    const ParseResult parsed = parseArguments(arguments);
    if (!parsed.ok()) {
        printError(parsed.error);
        return 2;
    }
    const Invocation &invocation = parsed.invocation;
    if (!invocation.screenshotDir.isEmpty() && !QDir().mkpath(invocation.screenshotDir)) {
        printError(tr("The folder %1 cannot be created.").arg(invocation.screenshotDir));
        return 2;
    }

    // The services of the desktop app that a compare needs; the API ones only when a side comes from the API.
    QNetworkAccessManager network;
    Core::RequestScheduler scheduler;
    Core::ProfileStore profiles;
    Core::KeychainSecretStore keychain;
    Core::KeyService keys(profiles, keychain);
    WidgetPrompter prompter;
    SessionController session({&network, &profiles, &keys, &scheduler, &prompter});
    session.setEndpointOverride(invocation.apiUrl, invocation.caFile);

    Core::DiffSourceRegistry registry;
    registerSources(registry, [&session]() -> Core::ApiClient & { return *session.client(); });
    for (const QString &side : {invocation.a, invocation.b}) {
        if (const QString problem = checkReference(side, registry); !problem.isEmpty()) {
            printError(problem);
            return 2;
        }
    }

    const QString settingsPath =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/cloudcraft-desktop");
    QDir().mkpath(settingsPath);
    QSettings settings(settingsPath + QStringLiteral("/desktop.ini"), QSettings::IniFormat);
    Core::AppSettings preferences(settings);
    Translations::install(app, preferences.language());
    ThemeSwitcher theme;
    theme.apply(preferences.theme());

    Core::IgnoreRegionStore ignoreStore;
    CompareWindow window({&registry, &ignoreStore, settings, QString()});
    session.setDialogParent(&window);
    int exitCode = 0;
    QObject::connect(&window, &CompareWindow::loadFailed, &app, [&app, &exitCode](const QString &sentence) {
        printError(sentence);
        exitCode = 2;
        app.exit(2);
    });

    std::unique_ptr<ScreenshotRun> screenshots;
    if (!invocation.screenshotDir.isEmpty()) {
        window.resize(1480, 900);
        screenshots = std::make_unique<ScreenshotRun>(app, window, invocation.screenshotDir);
        QTimer::singleShot(120000, &window, [&app] {
            printError(tr("No compare result within 120 s; no screenshots were written."));
            app.exit(1);
        });
    }
    window.show();

    const bool api = needsApi(invocation.a, registry) || needsApi(invocation.b, registry);
    if (api) {
        QObject::connect(&session, &SessionController::signedIn, &window,
                         [&window, invocation] { window.openReferences(invocation.a, invocation.b); },
                         Qt::SingleShotConnection);
        session.start(invocation.profile);
    } else {
        // From the event loop, so a failure that is known at once can still end it with exit code 2.
        QTimer::singleShot(0, &window, [&window, invocation] { window.openReferences(invocation.a, invocation.b); });
    }
    const int code = app.exec();
    return exitCode != 0 ? exitCode : code;
}

} // namespace Cloudcraft::Ui::CompareLauncher
