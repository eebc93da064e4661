#pragma once

#include "testhttpclient.h"
#include "testpaths.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Cloudcraft::Test {

/// Starts the real cloudcraft-emulator binary on free ports and stops it in the destructor. Talks to its admin
/// routes over HTTPS, trusting the test CA. Usage: `EmulatorProcess emu; QVERIFY2(emu.start(), qPrintable(emu.errorString()));`
class EmulatorProcess final
{
public:
    struct Options
    {
        QString workspace;       // default: demoWorkspacePath()
        bool rateLimits = true;
        int snapshotPending = 0;
        QStringList extraArgs;
        QString rateGeneral;     // "N/SECONDS", empty = emulator default (20/60)
        QString rateExport;      // "N/SECONDS", empty = emulator default (5/60)
        int scenarioStep = -1;   // -1 = the workspace's own step
        QString requestLog;      // JSON-lines request log file, empty = none
        int port = 0;            // API listener port, 0 = any free one (a fixed one to restart "the same server")
    };

    EmulatorProcess();
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    bool start();
    bool start(const Options &options);
    QString errorString() const { return m_error; }
    void stop();
    bool isRunning() const;
    qint64 pid() const { return m_pid; }

    QUrl baseUrl() const { return m_url; }
    QUrl foreignUrl() const { return m_foreignUrl; }
    QUrl plainUrl() const { return m_plainUrl; }
    QString caFile() const;
    QString workspacePath() const { return m_workspace; }
    /// URL of a path on the API listener, e.g. url(u"/user/me"_s) or url("/blueprint/x/png?scale=2").
    QUrl url(const QString &pathAndQuery) const;

    QString readWriteKey() const { return m_readWriteKey; } // from the workspace file
    QString readOnlyKey() const { return m_readOnlyKey; }

    bool addFault(const QString &method, const QString &pathRegex, const QString &fault);
    bool clearFaults();
    bool advanceScenario();
    bool setRateLimits(bool enabled);
    /// Changes the rate windows at run time ("N/SECONDS"; empty keeps the current one) and clears the history.
    bool setRateWindows(const QString &general, const QString &exportWindow);
    bool reset();
    QList<QJsonObject> requests() const;
    QList<QJsonObject> foreignRequests() const;
    bool clearRequests();
    /// Everything the emulator wrote to stderr so far (human-readable request lines, errors).
    QString stderrText() const;

private:
    bool admin(const QByteArray &method, const QString &route, const QJsonObject &body = {}) const;
    QList<QJsonObject> adminList(const QString &route) const;
    bool readKeys(const QString &workspace);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    mutable std::unique_ptr<TestHttpClient> m_http;
    QString m_error;
    QString m_workspace;
    QUrl m_url;
    QUrl m_foreignUrl;
    QUrl m_plainUrl;
    qint64 m_pid = 0;
    QString m_readWriteKey;
    QString m_readOnlyKey;
};

} // namespace Cloudcraft::Test
