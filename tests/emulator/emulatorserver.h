#pragma once

#include "accountapi.h"
#include "apirouter.h"
#include "faultinjector.h"
#include "httpmessage.h"
#include "ratelimiter.h"
#include "requestlog.h"
#include "workspace.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QSslServer;
class QTcpServer;

namespace Cloudcraft::Emulator {

class HttpConnection;

struct EmulatorConfig
{
    QString workspacePath;
    QString certFile;
    QString keyFile;
    quint16 port = 0;
    quint16 foreignPort = 0;
    quint16 plainPort = 0;
    bool rateLimits = true;
    RateWindow general{20, 60};
    RateWindow exports{5, 60};
    int snapshotPending = 0;
    std::optional<int> scenarioStep;
    QList<FaultRule> faults;
    QString requestLogPath;
    bool save = false;
};

/// The emulated api.cloudcraft.co: the TLS API listener on 127.0.0.1 (API + /__admin/ routes), the "foreign" TLS
/// listener on 127.0.0.2 and the plain-HTTP listener, which only record what reaches them.
class EmulatorServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorServer)

public:
    explicit EmulatorServer(EmulatorConfig config, QObject *parent = nullptr);
    ~EmulatorServer() override;

    bool start(QString *errorMessage);
    QUrl url() const;
    QUrl foreignUrl() const;
    QUrl plainUrl() const;

private:
    void accept(QTcpServer *server, const QString &listener);
    void handleApi(HttpConnection *connection, const HttpRequest &request);
    void handleRecorder(HttpConnection *connection, const HttpRequest &request);
    HttpResponse handleAdmin(const HttpRequest &request);
    /// A fault that replaces the answer; nullopt when the request proceeds (possibly with a delivery fault).
    std::optional<HttpResponse> applyFault(const FaultAction &action, const HttpRequest &request);
    HttpResponse process(const HttpRequest &request);
    void finish(HttpConnection *connection, const HttpRequest &request, HttpResponse response);
    bool resetState(QString *errorMessage);

    EmulatorConfig m_config;
    Workspace m_workspace;
    ScanState m_scan;
    ApiRouter m_router;
    RateLimiter m_rateLimiter;
    FaultInjector m_faults;
    RequestLog m_log;
    RequestLog m_foreignLog;
    QSslServer *m_apiServer = nullptr;
    QSslServer *m_foreignServer = nullptr;
    QTcpServer *m_plainServer = nullptr;
};

} // namespace Cloudcraft::Emulator
