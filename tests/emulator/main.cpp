// cloudcraft-emulator: a local stand-in for api.cloudcraft.co used by the tests and the demo.
// Command line and behaviour: docs/contracts.md and docs/emulator.md.

#include "emulatorserver.h"

#include <cloudcraft/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Cloudcraft::Emulator;

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // write() is async-signal-safe; the event loop picks the byte up and quits cleanly.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        app->quit();
    });
    // A client that hangs up mid-answer must not kill the server.
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGTERM, &action, nullptr) == 0 && sigaction(SIGINT, &action, nullptr) == 0;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "cloudcraft-emulator: " << message << Qt::endl;
    return 2;
}

bool parsePort(const QCommandLineParser &parser, const QString &name, quint16 *port)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const uint value = parser.value(name).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    // The renderer draws text with QPainter, which needs a QGuiApplication; headless by default.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cloudcraft-emulator"));
    QCoreApplication::setApplicationVersion(QLatin1String(Cloudcraft::kAppVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local emulator of the Cloudcraft developer API (tests, demo)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString defaultCertDir = QStringLiteral(CLOUDCRAFT_EMULATOR_DEFAULT_CERT_DIR);
    parser.addOptions({
        {QStringLiteral("workspace"), QStringLiteral("Workspace JSON file (keys, blueprints, accounts)."), QStringLiteral("file")},
        {QStringLiteral("port"), QStringLiteral("TLS API port on 127.0.0.1 (0 = any free port)."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("cert"), QStringLiteral("Server certificate (PEM)."), QStringLiteral("file"), defaultCertDir + QStringLiteral("/server.pem")},
        {QStringLiteral("key"), QStringLiteral("Server private key (PEM)."), QStringLiteral("file"), defaultCertDir + QStringLiteral("/server.key")},
        {QStringLiteral("foreign-port"), QStringLiteral("TLS port of the foreign origin on 127.0.0.2."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("plain-port"), QStringLiteral("Plain-HTTP port on 127.0.0.1."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("no-rate-limit"), QStringLiteral("Switch the rate limits off.")},
        {QStringLiteral("rate-general"), QStringLiteral("General budget per key, N/SECONDS (default 20/60)."), QStringLiteral("n/s"), QStringLiteral("20/60")},
        {QStringLiteral("rate-export"), QStringLiteral("Image-export budget per key, N/SECONDS (default 5/60)."), QStringLiteral("n/s"), QStringLiteral("5/60")},
        {QStringLiteral("snapshot-pending"), QStringLiteral("202 answers before each live-scan result."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("scenario-step"), QStringLiteral("Scenario step to start at (default: the workspace's)."), QStringLiteral("n")},
        {QStringLiteral("fault"), QStringLiteral("Fault 'METHOD PATH_REGEX=FAULT' (repeatable)."), QStringLiteral("spec")},
        {QStringLiteral("request-log"), QStringLiteral("Append the request log (JSON lines) to this file."), QStringLiteral("file")},
        {QStringLiteral("save"), QStringLiteral("Write changes back to the workspace file (default: never touch it).")},
    });
    parser.process(app);

    EmulatorConfig config;
    config.workspacePath = parser.value(QStringLiteral("workspace"));
    if (config.workspacePath.isEmpty())
        return fail(QStringLiteral("--workspace is required"));
    config.certFile = parser.value(QStringLiteral("cert"));
    config.keyFile = parser.value(QStringLiteral("key"));
    if (!parsePort(parser, QStringLiteral("port"), &config.port) || !parsePort(parser, QStringLiteral("foreign-port"), &config.foreignPort)
        || !parsePort(parser, QStringLiteral("plain-port"), &config.plainPort))
        return fail(QStringLiteral("invalid port"));
    config.rateLimits = !parser.isSet(QStringLiteral("no-rate-limit"));
    const auto general = RateWindow::parse(parser.value(QStringLiteral("rate-general")));
    const auto exports = RateWindow::parse(parser.value(QStringLiteral("rate-export")));
    if (!general || !exports)
        return fail(QStringLiteral("rate windows must look like N/SECONDS, e.g. 20/60"));
    config.general = *general;
    config.exports = *exports;
    bool ok = false;
    config.snapshotPending = parser.value(QStringLiteral("snapshot-pending")).toInt(&ok);
    if (!ok || config.snapshotPending < 0)
        return fail(QStringLiteral("--snapshot-pending must be a number >= 0"));
    if (parser.isSet(QStringLiteral("scenario-step"))) {
        const int step = parser.value(QStringLiteral("scenario-step")).toInt(&ok);
        if (!ok || step < 0)
            return fail(QStringLiteral("--scenario-step must be a number >= 0"));
        config.scenarioStep = step;
    }
    for (const QString &spec : parser.values(QStringLiteral("fault"))) {
        QString error;
        auto rule = FaultRule::parseCommandLine(spec, &error);
        if (!rule)
            return fail(error);
        config.faults.append(std::move(*rule));
    }
    config.requestLogPath = parser.value(QStringLiteral("request-log"));
    config.save = parser.isSet(QStringLiteral("save"));

    if (!installSignalHandlers(&app))
        return fail(QStringLiteral("cannot install signal handlers"));

    EmulatorServer server(config);
    QString error;
    if (!server.start(&error))
        return fail(error);

    const QJsonObject ready{
        {QStringLiteral("url"), server.url().toString()},
        {QStringLiteral("foreignUrl"), server.foreignUrl().toString()},
        {QStringLiteral("plainUrl"), server.plainUrl().toString()},
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
    };
    QTextStream out(stdout);
    out << QJsonDocument(ready).toJson(QJsonDocument::Compact) << Qt::endl; // endl flushes
    QTextStream(stderr) << "cloudcraft-emulator: listening on " << server.url().toString() << " (workspace "
                        << QDir::toNativeSeparators(QFileInfo(config.workspacePath).absoluteFilePath()) << ")"
                        << Qt::endl;

    const int code = app.exec();
    QTextStream(stderr) << "cloudcraft-emulator: stopped" << Qt::endl;
    return code;
}
