#include "emulatorprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace Cloudcraft::Test {

namespace {
constexpr int kStartTimeoutMs = 10000;
} // namespace

EmulatorProcess::EmulatorProcess() = default;

EmulatorProcess::~EmulatorProcess()
{
    stop();
}

QString EmulatorProcess::caFile() const
{
    return testCertDir() + QStringLiteral("/ca.pem");
}

QUrl EmulatorProcess::url(const QString &pathAndQuery) const
{
    QUrl result = m_url;
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    result.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0)
        result.setQuery(pathAndQuery.mid(question + 1));
    return result;
}

bool EmulatorProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool EmulatorProcess::readKeys(const QString &workspace)
{
    QFile file(workspace);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read workspace %1: %2").arg(workspace, file.errorString());
        return false;
    }
    m_readWriteKey.clear();
    m_readOnlyKey.clear();
    const QJsonArray keys = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("keys")).toArray();
    for (const QJsonValue &value : keys) {
        const QJsonObject key = value.toObject();
        const QString access = key.value(QStringLiteral("access")).toString();
        if (access == QLatin1String("read-write") && m_readWriteKey.isEmpty())
            m_readWriteKey = key.value(QStringLiteral("key")).toString();
        else if (access == QLatin1String("read") && m_readOnlyKey.isEmpty())
            m_readOnlyKey = key.value(QStringLiteral("key")).toString();
    }
    return true;
}

bool EmulatorProcess::start()
{
    return start(Options{});
}

bool EmulatorProcess::start(const Options &options)
{
    stop();
    m_error.clear();
    m_workspace = options.workspace.isEmpty() ? demoWorkspacePath() : options.workspace;
    if (!readKeys(m_workspace))
        return false;

    m_tempDir = std::make_unique<QTemporaryDir>();
    const QString certDir = testCertDir();
    QStringList arguments{QStringLiteral("--workspace"), m_workspace,
                          QStringLiteral("--port"), QString::number(options.port),
                          QStringLiteral("--foreign-port"), QStringLiteral("0"),
                          QStringLiteral("--plain-port"), QStringLiteral("0"),
                          QStringLiteral("--cert"), certDir + QStringLiteral("/server.pem"),
                          QStringLiteral("--key"), certDir + QStringLiteral("/server.key"),
                          QStringLiteral("--snapshot-pending"), QString::number(options.snapshotPending)};
    if (!options.rateLimits)
        arguments << QStringLiteral("--no-rate-limit");
    if (!options.rateGeneral.isEmpty())
        arguments << QStringLiteral("--rate-general") << options.rateGeneral;
    if (!options.rateExport.isEmpty())
        arguments << QStringLiteral("--rate-export") << options.rateExport;
    if (options.scenarioStep >= 0)
        arguments << QStringLiteral("--scenario-step") << QString::number(options.scenarioStep);
    if (!options.requestLog.isEmpty())
        arguments << QStringLiteral("--request-log") << options.requestLog;
    arguments << options.extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(CLOUDCRAFT_EMULATOR_BINARY));
    m_process->setArguments(arguments);
    // stderr goes to a file: an unread pipe would fill up and stall the emulator.
    m_process->setStandardErrorFile(m_tempDir->filePath(QStringLiteral("emulator.stderr")));
    m_process->start();
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(m_process->program(), m_process->errorString());
        m_process.reset();
        return false;
    }

    QDeadlineTimer deadline(kStartTimeoutMs);
    QByteArray line;
    while (!m_process->canReadLine()) {
        if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
            m_process->waitForFinished(100);
            m_error = QStringLiteral("the emulator did not report ready (exit code %1): %2")
                          .arg(m_process->exitCode())
                          .arg(stderrText().trimmed());
            stop();
            return false;
        }
        m_process->waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(200, deadline.remainingTime()))));
    }
    line = m_process->readLine();
    const QJsonObject ready = QJsonDocument::fromJson(line).object();
    m_url = QUrl(ready.value(QStringLiteral("url")).toString());
    m_foreignUrl = QUrl(ready.value(QStringLiteral("foreignUrl")).toString());
    m_plainUrl = QUrl(ready.value(QStringLiteral("plainUrl")).toString());
    m_pid = ready.value(QStringLiteral("pid")).toInteger();
    if (!m_url.isValid() || m_url.port() <= 0) {
        m_error = QStringLiteral("unexpected first line from the emulator: %1").arg(QString::fromUtf8(line));
        stop();
        return false;
    }
    m_http = std::make_unique<TestHttpClient>(10000);
    return true;
}

void EmulatorProcess::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(2000);
            }
        }
        m_process.reset();
    }
    m_http.reset();
    m_url = QUrl();
}

QString EmulatorProcess::stderrText() const
{
    if (!m_tempDir)
        return {};
    QFile file(m_tempDir->filePath(QStringLiteral("emulator.stderr")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool EmulatorProcess::admin(const QByteArray &method, const QString &route, const QJsonObject &body) const
{
    if (!m_http)
        return false;
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const HttpResult result = m_http->send(method, url(QStringLiteral("/__admin") + route), {}, payload);
    return result.status == 200;
}

QList<QJsonObject> EmulatorProcess::adminList(const QString &route) const
{
    QList<QJsonObject> entries;
    if (!m_http)
        return entries;
    const HttpResult result = m_http->get(url(QStringLiteral("/__admin") + route));
    for (const QJsonValue &value : result.jsonArray())
        entries.append(value.toObject());
    return entries;
}

bool EmulatorProcess::addFault(const QString &method, const QString &pathRegex, const QString &fault)
{
    return admin("POST", QStringLiteral("/faults"),
                 QJsonObject{{QStringLiteral("method"), method},
                             {QStringLiteral("path"), pathRegex},
                             {QStringLiteral("fault"), fault}});
}

bool EmulatorProcess::clearFaults()
{
    return admin("DELETE", QStringLiteral("/faults"));
}

bool EmulatorProcess::advanceScenario()
{
    return admin("POST", QStringLiteral("/scenario/advance"));
}

bool EmulatorProcess::setRateLimits(bool enabled)
{
    return admin("POST", QStringLiteral("/rate-limit"), QJsonObject{{QStringLiteral("enabled"), enabled}});
}

bool EmulatorProcess::setRateWindows(const QString &general, const QString &exportWindow)
{
    QJsonObject body;
    if (!general.isEmpty())
        body.insert(QStringLiteral("general"), general);
    if (!exportWindow.isEmpty())
        body.insert(QStringLiteral("export"), exportWindow);
    return admin("POST", QStringLiteral("/rate-limit"), body);
}

bool EmulatorProcess::reset()
{
    return admin("POST", QStringLiteral("/reset"));
}

QList<QJsonObject> EmulatorProcess::requests() const
{
    return adminList(QStringLiteral("/requests"));
}

QList<QJsonObject> EmulatorProcess::foreignRequests() const
{
    return adminList(QStringLiteral("/foreign-requests"));
}

bool EmulatorProcess::clearRequests()
{
    return admin("DELETE", QStringLiteral("/requests"));
}

} // namespace Cloudcraft::Test
