#include "api/apiclient.h"

#include "api/apisession.h"
#include "util/redact.h"

#include <cloudcraft/version.h>

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSysInfo>

namespace Cloudcraft::Core {

using Kind = ApiError::Kind;

namespace {

ApiError checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return ApiError(Kind::InvalidArgument, 0, {}, QStringLiteral("the API address is not a valid URL"));
    if (url.scheme() != QLatin1String("https"))
        return ApiError(Kind::InsecureUrl, 0, {},
                        QStringLiteral("the API address uses %1://").arg(url.scheme().isEmpty() ? QStringLiteral("no scheme") : url.scheme()));
    if (!url.userInfo().isEmpty())
        return ApiError(Kind::InvalidArgument, 0, {}, QStringLiteral("the API address must not contain a user name or password"));
    return {};
}

ApiError loadCaFile(const QString &path, QSslConfiguration &ssl)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError(Kind::Tls, 0, {}, QStringLiteral("cannot read the CA file %1 (%2)").arg(path, file.errorString()));
    const QByteArray pem = file.read(4 * 1024 * 1024);
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return ApiError(Kind::Tls, 0, {}, QStringLiteral("the CA file %1 contains no PEM certificate").arg(path));
    // QSslConfiguration::defaultConfiguration().addCaCertificates() edits a temporary copy and does nothing:
    // the certificates go into our own copy, which every request carries.
    ssl.addCaCertificates(certificates);
    return {};
}

QByteArray asciiHeaderValue(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text)
        out.append(c.unicode() >= 0x20 && c.unicode() < 0x7f ? char(c.unicode()) : '?');
    return out;
}

QString shortForMessage(const QString &text)
{
    return sanitizeServerText(text, 60);
}

ApiRequest makeRequest(const char *operation, HttpMethod method, QStringList segments, Priority priority,
                       ResponseKind kind = ResponseKind::Json)
{
    ApiRequest request;
    request.operation = QLatin1String(operation);
    request.method = method;
    request.pathSegments = std::move(segments);
    request.priority = priority;
    request.responseKind = kind;
    return request;
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *network, ApiEndpoint endpoint, ApiKeyProvider keyProvider,
                     RequestScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_session(std::make_shared<ApiSession>())
    , m_scheduler(scheduler ? scheduler : new RequestScheduler(this))
{
    m_session->network = network;
    m_session->endpoint = std::move(endpoint);
    m_session->keyProvider = std::move(keyProvider);
    m_session->scheduler = m_scheduler;
    m_session->userAgent = userAgent();
    m_session->ssl = QSslConfiguration::defaultConfiguration();
    m_session->ssl.setProtocol(QSsl::TlsV1_2OrLater);
    m_session->configurationError = checkBaseUrl(m_session->endpoint.baseUrl);
    if (!m_session->configurationError.isError() && !m_session->endpoint.caFile.isEmpty())
        m_session->configurationError = loadCaFile(m_session->endpoint.caFile, m_session->ssl);
}

ApiClient::~ApiClient()
{
    // Calls are children; delete them while the scheduler (maybe also a child) still exists.
    const auto calls = findChildren<ApiCall *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(calls);
}

const ApiEndpoint &ApiClient::endpoint() const
{
    return m_session->endpoint;
}

ApiError ApiClient::configurationError() const
{
    return m_session->configurationError;
}

QByteArray ApiClient::userAgent()
{
    return QByteArray(Cloudcraft::kAppName) + '/' + QByteArray(Cloudcraft::kAppVersion) + " (Qt " + qVersion() + "; "
           + asciiHeaderValue(QSysInfo::prettyProductName()) + ')';
}

bool ApiClient::isSafePathSegment(QStringView segment)
{
    if (segment.isEmpty() || segment.size() > 128 || segment == u"." || segment == u"..")
        return false;
    for (const QChar c : segment) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'
                        || u == u'_' || u == u'.' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

ApiCall *ApiClient::send(ApiRequest request)
{
    auto *call = new ApiCall(std::move(request), m_session, this);
    call->start();
    return call;
}

ApiCall *ApiClient::failed(ApiRequest request, const ApiError &error)
{
    auto *call = new ApiCall(std::move(request), m_session, this);
    call->failLater(error);
    return call;
}

ApiCall *ApiClient::withIds(ApiRequest request, std::initializer_list<std::pair<QString, QString>> namedSegments)
{
    for (const auto &[what, value] : namedSegments) {
        if (!isSafePathSegment(value)) {
            const QString detail = value.isEmpty()
                ? QStringLiteral("the %1 is empty").arg(what)
                : QStringLiteral("the %1 \"%2\" is not valid (letters, digits, '-', '_', '.' and '~' only)")
                      .arg(what, shortForMessage(value));
            return failed(std::move(request), ApiError(Kind::InvalidArgument, 0, {}, detail));
        }
    }
    return send(std::move(request));
}

ApiCall *ApiClient::me(Priority priority)
{
    return send(makeRequest("me", HttpMethod::Get, {QStringLiteral("user"), QStringLiteral("me")}, priority));
}

ApiCall *ApiClient::teams(Priority priority)
{
    return send(makeRequest("teams", HttpMethod::Get, {QStringLiteral("team")}, priority));
}

ApiCall *ApiClient::listBlueprints(Priority priority, bool decodeJson)
{
    ApiRequest request = makeRequest("listBlueprints", HttpMethod::Get, {QStringLiteral("blueprint")}, priority);
    request.decodeJson = decodeJson;
    return send(std::move(request));
}

ApiCall *ApiClient::getBlueprint(const QString &blueprintId, Priority priority)
{
    return withIds(makeRequest("getBlueprint", HttpMethod::Get, {QStringLiteral("blueprint"), blueprintId}, priority),
                   {{QStringLiteral("blueprint id"), blueprintId}});
}

ApiCall *ApiClient::createBlueprint(const QJsonObject &document, Priority priority)
{
    ApiRequest request = makeRequest("createBlueprint", HttpMethod::Post, {QStringLiteral("blueprint")}, priority);
    request.body = jsonBody(document);
    return send(std::move(request));
}

ApiCall *ApiClient::updateBlueprint(const QString &blueprintId, const QJsonObject &document, const QString &etag,
                                    Priority priority)
{
    ApiRequest request = makeRequest("updateBlueprint", HttpMethod::Put, {QStringLiteral("blueprint"), blueprintId},
                                     priority, ResponseKind::Empty);
    request.body = jsonBody(document);
    // An ETag is a quoted string that may be weak (W/"..."); anything with control characters is refused.
    for (const QChar c : etag) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return failed(std::move(request),
                          ApiError(Kind::InvalidArgument, 0, {}, QStringLiteral("the ETag contains invalid characters")));
    }
    request.ifMatch = etag;
    return withIds(std::move(request), {{QStringLiteral("blueprint id"), blueprintId}});
}

ApiCall *ApiClient::deleteBlueprint(const QString &blueprintId, Priority priority)
{
    return withIds(makeRequest("deleteBlueprint", HttpMethod::Delete, {QStringLiteral("blueprint"), blueprintId},
                               priority, ResponseKind::Empty),
                   {{QStringLiteral("blueprint id"), blueprintId}});
}

ApiCall *ApiClient::exportBlueprint(const QString &blueprintId, ExportFormat format, const ExportOptions &options,
                                    Priority priority)
{
    ApiRequest request = makeRequest("exportBlueprint", HttpMethod::Get,
                                     {QStringLiteral("blueprint"), blueprintId, exportFormatName(format)}, priority,
                                     format == ExportFormat::Json ? ResponseKind::Json : ResponseKind::Binary);
    request.route = RateRoute::Export;
    options.addTo(request.query);
    return withIds(std::move(request), {{QStringLiteral("blueprint id"), blueprintId}});
}

ApiCall *ApiClient::exportBudget(const QString &blueprintId, BudgetFormat format, const BudgetOptions &options,
                                 Priority priority)
{
    ApiRequest request = makeRequest("exportBudget", HttpMethod::Get,
                                     {QStringLiteral("blueprint"), blueprintId, QStringLiteral("budget"),
                                      budgetFormatName(format)},
                                     priority, ResponseKind::Binary);
    options.addTo(request.query);
    return withIds(std::move(request), {{QStringLiteral("blueprint id"), blueprintId}});
}

ApiCall *ApiClient::listAwsAccounts(Priority priority)
{
    return send(makeRequest("listAwsAccounts", HttpMethod::Get, {QStringLiteral("aws"), QStringLiteral("account")}, priority));
}

ApiCall *ApiClient::addAwsAccount(const AwsAccountInput &account, Priority priority)
{
    ApiRequest request = makeRequest("addAwsAccount", HttpMethod::Post, {QStringLiteral("aws"), QStringLiteral("account")}, priority);
    request.body = jsonBody(account.toJson());
    return send(std::move(request));
}

ApiCall *ApiClient::updateAwsAccount(const QString &accountId, const AwsAccountInput &account, Priority priority)
{
    ApiRequest request = makeRequest("updateAwsAccount", HttpMethod::Put,
                                     {QStringLiteral("aws"), QStringLiteral("account"), accountId}, priority);
    request.body = jsonBody(account.toJson());
    return withIds(std::move(request), {{QStringLiteral("account id"), accountId}});
}

ApiCall *ApiClient::removeAwsAccount(const QString &accountId, Priority priority)
{
    return withIds(makeRequest("removeAwsAccount", HttpMethod::Delete,
                               {QStringLiteral("aws"), QStringLiteral("account"), accountId}, priority, ResponseKind::Empty),
                   {{QStringLiteral("account id"), accountId}});
}

ApiCall *ApiClient::snapshot(const QString &provider, const QString &accountId, const QString &region,
                             ExportFormat format, const SnapshotOptions &options, Priority priority)
{
    const char *operation = provider == QLatin1String("aws") ? "snapshotAwsAccount" : "snapshotAzureAccount";
    ApiRequest request = makeRequest(operation, HttpMethod::Get,
                                     {provider, QStringLiteral("account"), accountId, region, exportFormatName(format)},
                                     priority, format == ExportFormat::Json ? ResponseKind::Json : ResponseKind::Binary);
    request.longPoll = true;
    options.addTo(request.query);
    return withIds(std::move(request), {{QStringLiteral("account id"), accountId}, {QStringLiteral("region"), region}});
}

ApiCall *ApiClient::snapshotAwsAccount(const QString &accountId, const QString &region, ExportFormat format,
                                       const SnapshotOptions &options, Priority priority)
{
    return snapshot(QStringLiteral("aws"), accountId, region, format, options, priority);
}

ApiCall *ApiClient::awsIamParameters(Priority priority)
{
    return send(makeRequest("awsIamParameters", HttpMethod::Get,
                            {QStringLiteral("aws"), QStringLiteral("account"), QStringLiteral("iamParameters")}, priority));
}

ApiCall *ApiClient::awsIamPolicy(IamPolicyKind kind, Priority priority)
{
    return send(makeRequest("awsIamPolicy", HttpMethod::Get,
                            {QStringLiteral("aws"), QStringLiteral("account"), QStringLiteral("iamParameters"),
                             QStringLiteral("policy"),
                             kind == IamPolicyKind::Custom ? QStringLiteral("custom") : QStringLiteral("minimal")},
                            priority));
}

ApiCall *ApiClient::listAzureAccounts(Priority priority)
{
    return send(makeRequest("listAzureAccounts", HttpMethod::Get, {QStringLiteral("azure"), QStringLiteral("account")}, priority));
}

ApiCall *ApiClient::addAzureAccount(const AzureAccountInput &account, Priority priority)
{
    ApiRequest request = makeRequest("addAzureAccount", HttpMethod::Post, {QStringLiteral("azure"), QStringLiteral("account")}, priority);
    request.body = jsonBody(account.toJson());
    return send(std::move(request));
}

ApiCall *ApiClient::updateAzureAccount(const QString &accountId, const AzureAccountInput &account, Priority priority)
{
    ApiRequest request = makeRequest("updateAzureAccount", HttpMethod::Put,
                                     {QStringLiteral("azure"), QStringLiteral("account"), accountId}, priority);
    request.body = jsonBody(account.toJson());
    return withIds(std::move(request), {{QStringLiteral("account id"), accountId}});
}

ApiCall *ApiClient::removeAzureAccount(const QString &accountId, Priority priority)
{
    return withIds(makeRequest("removeAzureAccount", HttpMethod::Delete,
                               {QStringLiteral("azure"), QStringLiteral("account"), accountId}, priority, ResponseKind::Empty),
                   {{QStringLiteral("account id"), accountId}});
}

ApiCall *ApiClient::snapshotAzureAccount(const QString &accountId, const QString &region, ExportFormat format,
                                         const SnapshotOptions &options, Priority priority)
{
    return snapshot(QStringLiteral("azure"), accountId, region, format, options, priority);
}

} // namespace Cloudcraft::Core
