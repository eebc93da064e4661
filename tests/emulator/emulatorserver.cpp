#include "emulatorserver.h"

#include "httpconnection.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTextStream>

namespace Cloudcraft::Emulator {

namespace {
const QHostAddress kForeignAddress(QStringLiteral("127.0.0.2"));

void addStandardHeaders(HttpResponse &response)
{
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache, no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.setHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("deny"));
    response.setHeader(QByteArrayLiteral("X-XSS-Protection"), QByteArrayLiteral("1; mode=block"));
    response.setHeader(QByteArrayLiteral("Strict-Transport-Security"),
                       QByteArrayLiteral("max-age=15552000; includeSubDomains"));
    response.setHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("strict-origin-when-cross-origin"));
    response.setHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
}

QByteArray httpDateIn(int seconds)
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc().addSecs(seconds), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QString bearerToken(const HttpRequest &request)
{
    const QByteArray value = request.header("authorization").trimmed();
    if (!value.startsWith("Bearer ") && !value.startsWith("bearer "))
        return {};
    return QString::fromUtf8(value.mid(7).trimmed());
}

void logLine(const QString &line)
{
    QTextStream(stderr) << line << Qt::endl;
}

bool loadSslConfiguration(const QString &certFile, const QString &keyFile, QSslConfiguration *configuration,
                          QString *errorMessage)
{
    QFile cert(certFile);
    QFile key(keyFile);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        *errorMessage = QStringLiteral("cannot read certificate %1 or key %2").arg(certFile, keyFile);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    const QSslKey privateKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || privateKey.isNull()) {
        *errorMessage = QStringLiteral("invalid certificate %1 or key %2").arg(certFile, keyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(privateKey);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    // HTTP/1.1 only: never negotiate h2 (the client must work without it, RELIABILITY.md row 18).
    config.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    *configuration = config;
    return true;
}
} // namespace

EmulatorServer::EmulatorServer(EmulatorConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_router(m_workspace, m_scan)
{
}

EmulatorServer::~EmulatorServer() = default;

bool EmulatorServer::resetState(QString *errorMessage)
{
    Workspace fresh;
    if (!fresh.load(m_config.workspacePath, errorMessage))
        return false;
    m_workspace = std::move(fresh);
    m_scan.step = m_config.scenarioStep.value_or(m_workspace.initialStep());
    m_scan.pendingCalls = m_config.snapshotPending;
    m_scan.pendingByQuery.clear();
    m_rateLimiter.setEnabled(m_config.rateLimits);
    m_rateLimiter.setGeneral(m_config.general);
    m_rateLimiter.setExport(m_config.exports);
    m_rateLimiter.clear();
    m_faults.clear();
    for (const FaultRule &rule : std::as_const(m_config.faults))
        m_faults.add(rule);
    m_log.clear();
    m_foreignLog.clear();
    return true;
}

bool EmulatorServer::start(QString *errorMessage)
{
    if (!resetState(errorMessage))
        return false;
    if (!m_config.requestLogPath.isEmpty() && !m_log.openFile(m_config.requestLogPath, errorMessage))
        return false;
    QSslConfiguration ssl;
    if (!loadSslConfiguration(m_config.certFile, m_config.keyFile, &ssl, errorMessage))
        return false;

    m_apiServer = new QSslServer(this);
    m_apiServer->setSslConfiguration(ssl);
    m_foreignServer = new QSslServer(this);
    m_foreignServer->setSslConfiguration(ssl);
    m_plainServer = new QTcpServer(this);
    const auto listen = [errorMessage](QTcpServer *server, const QHostAddress &address, quint16 port) {
        if (server->listen(address, port))
            return true;
        *errorMessage = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(server->errorString());
        return false;
    };
    if (!listen(m_apiServer, QHostAddress::LocalHost, m_config.port)
        || !listen(m_foreignServer, kForeignAddress, m_config.foreignPort)
        || !listen(m_plainServer, QHostAddress::LocalHost, m_config.plainPort))
        return false;

    connect(m_apiServer, &QTcpServer::pendingConnectionAvailable, this,
            [this] { accept(m_apiServer, QStringLiteral("api")); });
    connect(m_foreignServer, &QTcpServer::pendingConnectionAvailable, this,
            [this] { accept(m_foreignServer, QStringLiteral("foreign")); });
    connect(m_plainServer, &QTcpServer::pendingConnectionAvailable, this,
            [this] { accept(m_plainServer, QStringLiteral("plain")); });
    return true;
}

QUrl EmulatorServer::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_apiServer->serverPort()));
}

QUrl EmulatorServer::foreignUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.2:%1").arg(m_foreignServer->serverPort()));
}

QUrl EmulatorServer::plainUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_plainServer->serverPort()));
}

void EmulatorServer::accept(QTcpServer *server, const QString &listener)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, listener, this);
        if (listener == QLatin1String("api"))
            connect(connection, &HttpConnection::requestReady, this, &EmulatorServer::handleApi);
        else
            connect(connection, &HttpConnection::requestReady, this, &EmulatorServer::handleRecorder);
    }
}

void EmulatorServer::handleRecorder(HttpConnection *connection, const HttpRequest &request)
{
    // The foreign and plain origins stand for "somewhere else": they record what arrives and answer 200 {}.
    HttpResponse response = HttpResponse::json(200, QJsonObject{});
    m_foreignLog.record(request, connection->listener(), response.status);
    logLine(QStringLiteral("[%1] %2 %3 -> 200").arg(connection->listener(), QString::fromLatin1(request.method), request.path));
    connection->respond(std::move(response));
}

void EmulatorServer::handleApi(HttpConnection *connection, const HttpRequest &request)
{
    if (request.path.startsWith(QLatin1String("/__admin/"))) {
        HttpResponse response = handleAdmin(request);
        addStandardHeaders(response);
        connection->respond(std::move(response));
        return;
    }
    if (const auto action = m_faults.take(request.method, request.path)) {
        if (auto replaced = applyFault(*action, request)) {
            finish(connection, request, std::move(*replaced));
            return;
        }
        HttpResponse response = process(request);
        switch (action->kind) {
        case FaultKind::Delay: response.delayMs = int(action->value); break;
        case FaultKind::Drip: response.delivery = Delivery::Drip; break;
        case FaultKind::Truncate: response.delivery = Delivery::Truncate; break;
        default: break;
        }
        finish(connection, request, std::move(response));
        return;
    }
    finish(connection, request, process(request));
}

std::optional<HttpResponse> EmulatorServer::applyFault(const FaultAction &action, const HttpRequest &request)
{
    HttpResponse response;
    switch (action.kind) {
    case FaultKind::Delay:
    case FaultKind::Drip:
    case FaultKind::Truncate:
        return std::nullopt;
    case FaultKind::Silent:
        response.delivery = Delivery::Silent;
        return response;
    case FaultKind::Status: {
        const StatusStep &step = action.step;
        if (step.status == 200)
            return std::nullopt;
        if (step.status == 202) {
            response = HttpResponse::json(
                202, QJsonObject{{QStringLiteral("code"), QStringLiteral("STILL_PROCESSING")},
                                 {QStringLiteral("message"),
                                  QStringLiteral("Result wait time exceeded. Processing continues in the background, "
                                                 "retry to receive result.")},
                                 {QStringLiteral("retry"), true}});
        } else if (step.status == 204) {
            response = HttpResponse::noContent();
        } else {
            response = HttpResponse::error(step.status, QString::fromLatin1(reasonPhrase(step.status)));
        }
        int retryAfter = step.retryAfter;
        if (retryAfter < 0 && step.status == 429)
            retryAfter = 1;
        if (retryAfter >= 0) {
            response.setHeader(QByteArrayLiteral("Retry-After"),
                               step.retryAfterAsDate ? httpDateIn(retryAfter) : QByteArray::number(retryAfter));
        }
        return response;
    }
    case FaultKind::InvalidJson:
        return HttpResponse::bytes(200, QByteArrayLiteral("application/json; charset=utf-8"),
                                   QByteArrayLiteral("{\"id\": \"b92570ba-8969-4e41\", \"name\": \"trunc"));
    case FaultKind::Oversize:
    case FaultKind::OversizeChunked:
        response = HttpResponse::bytes(200, QByteArrayLiteral("application/json; charset=utf-8"), {});
        response.useGenerated = true;
        response.generated.prefix = QByteArrayLiteral("{\"padding\":\"");
        response.generated.suffix = QByteArrayLiteral("\"}");
        response.generated.fillSize = action.value - response.generated.prefix.size() - response.generated.suffix.size();
        if (action.kind == FaultKind::OversizeChunked)
            response.delivery = Delivery::Chunked;
        return response;
    case FaultKind::GzipBomb:
        response = HttpResponse::bytes(200, QByteArrayLiteral("application/json; charset=utf-8"), m_faults.gzipBomb());
        response.setHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
        return response;
    case FaultKind::RedirectForeign:
    case FaultKind::RedirectPlain:
    case FaultKind::RedirectRelativeForeign: {
        QByteArray location;
        if (action.kind == FaultKind::RedirectForeign)
            location = foreignUrl().toString().toLatin1();
        else if (action.kind == FaultKind::RedirectPlain)
            location = plainUrl().toString().toLatin1();
        else
            location = "//127.0.0.2:" + QByteArray::number(m_foreignServer->serverPort());
        response = HttpResponse::json(int(action.value), QJsonObject{{QStringLiteral("moved"), true}});
        response.setHeader(QByteArrayLiteral("Location"), location + request.target);
        return response;
    }
    }
    return std::nullopt;
}

HttpResponse EmulatorServer::process(const HttpRequest &request)
{
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return HttpResponse::error(401, QStringLiteral("Unauthorized: missing API key"));
    const std::optional<ApiKey> key = m_workspace.findKey(token);
    if (!key)
        return HttpResponse::error(401, QStringLiteral("Unauthorized: invalid API key"));
    if (const auto wait = m_rateLimiter.admit(key->key, ApiRouter::isExport(request))) {
        HttpResponse response = HttpResponse::error(429, QStringLiteral("Too Many Requests"));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*wait));
        return response;
    }
    if (ApiRouter::isWrite(request) && key->access != KeyAccess::ReadWrite)
        return HttpResponse::error(403, QStringLiteral("Forbidden, insufficient privileges"));
    HttpResponse response = m_router.handle(request, *key);
    if (m_config.save && ApiRouter::isWrite(request) && response.status >= 200 && response.status < 300) {
        QString error;
        if (!m_workspace.save(m_config.workspacePath, &error))
            logLine(QStringLiteral("cannot save the workspace: %1").arg(error));
    }
    return response;
}

void EmulatorServer::finish(HttpConnection *connection, const HttpRequest &request, HttpResponse response)
{
    addStandardHeaders(response);
    const int status = response.delivery == Delivery::Silent ? 0 : response.status;
    m_log.record(request, connection->listener(), status);
    logLine(QStringLiteral("[api] %1 %2 -> %3").arg(QString::fromLatin1(request.method), request.path).arg(status));
    connection->respond(std::move(response));
}

HttpResponse EmulatorServer::handleAdmin(const HttpRequest &request)
{
    const QString route = request.path.mid(QStringLiteral("/__admin").size());
    const QByteArray &method = request.method;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const auto ok = [] { return HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}); };

    if (route == QLatin1String("/scenario/advance") && method == "POST") {
        ++m_scan.step;
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("step"), m_scan.step}});
    }
    if (route == QLatin1String("/scenario") && method == "GET")
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("step"), m_scan.step}});
    if (route == QLatin1String("/faults") && method == "POST") {
        QString error;
        auto rule = FaultRule::parse(body.value(QStringLiteral("method")).toString(),
                                     body.value(QStringLiteral("path")).toString(),
                                     body.value(QStringLiteral("fault")).toString(), &error);
        if (!rule)
            return HttpResponse::error(400, error);
        m_faults.add(std::move(*rule));
        return ok();
    }
    if (route == QLatin1String("/faults") && method == "DELETE") {
        m_faults.clear();
        return ok();
    }
    if (route == QLatin1String("/rate-limit") && method == "POST") {
        if (body.contains(QStringLiteral("enabled")))
            m_rateLimiter.setEnabled(body.value(QStringLiteral("enabled")).toBool());
        for (const QString &name : {QStringLiteral("general"), QStringLiteral("export")}) {
            if (!body.contains(name))
                continue;
            const auto window = RateWindow::parse(body.value(name).toString());
            if (!window)
                return HttpResponse::error(400, QStringLiteral("invalid rate window for %1").arg(name));
            if (name == QLatin1String("general"))
                m_rateLimiter.setGeneral(*window);
            else
                m_rateLimiter.setExport(*window);
        }
        m_rateLimiter.clear();
        return ok();
    }
    if (route == QLatin1String("/requests") && method == "GET")
        return HttpResponse::json(200, m_log.entries());
    if (route == QLatin1String("/requests") && method == "DELETE") {
        m_log.clear();
        m_foreignLog.clear();
        return ok();
    }
    if (route == QLatin1String("/foreign-requests") && method == "GET")
        return HttpResponse::json(200, m_foreignLog.entries());
    if (route == QLatin1String("/foreign-requests") && method == "DELETE") {
        m_foreignLog.clear();
        return ok();
    }
    if (route == QLatin1String("/reset") && method == "POST") {
        QString error;
        if (!resetState(&error))
            return HttpResponse::error(500, error);
        return ok();
    }
    return HttpResponse::error(404, QStringLiteral("Unknown admin route"));
}

} // namespace Cloudcraft::Emulator
