#pragma once

#include "api/apicall.h"
#include "api/apiendpoint.h"
#include "api/apierror.h"
#include "api/apirequest.h"
#include "api/apitypes.h"
#include "api/requestscheduler.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Cloudcraft::Core {

struct ApiSession;

/// Returns the API key for the next request (from the auth layer; the client never stores it). An empty key
/// makes the call fail with Kind::Auth without sending anything.
using ApiKeyProvider = std::function<QString()>;

/// Typed asynchronous access to the Cloudcraft developer API (cloudcraft-api.md §2.0, all 22 endpoints).
/// Every method returns at once with an ApiCall (parented to this client) whose finished() carries the result;
/// parse its body with the ApiParse functions. Transport rules (RELIABILITY.md): HTTPS only, manual redirects
/// (never off-origin), HTTP/2 off, inactivity timeout plus deadline, size caps, rate budgets and retries.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    /// `network` is the application's one QNetworkAccessManager; `scheduler` may be shared by several clients
    /// (one per API key); when null the client makes its own with the default budgets.
    ApiClient(QNetworkAccessManager *network, ApiEndpoint endpoint, ApiKeyProvider keyProvider,
              RequestScheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~ApiClient() override;

    const ApiEndpoint &endpoint() const;
    RequestScheduler *scheduler() const { return m_scheduler; }
    /// Why this configuration cannot work (http:// base URL, unreadable CA file), Kind::None when fine. Calls made
    /// anyway fail with this error without opening a socket.
    ApiError configurationError() const;
    /// "cloudcraft-desktop/<version> (Qt <version>; <os>)"
    static QByteArray userAgent();

    // Users and teams
    ApiCall *me(Priority priority = Priority::Interactive);
    ApiCall *teams(Priority priority = Priority::Normal);

    // Blueprints
    /// `decodeJson` false: json() stays null and the caller decodes body() (see ApiRequest::decodeJson).
    ApiCall *listBlueprints(Priority priority = Priority::Normal, bool decodeJson = true);
    ApiCall *getBlueprint(const QString &blueprintId, Priority priority = Priority::Normal);
    /// `document` is a blueprint document, at least {"data": {...}}; a snapshot's JSON can be posted unchanged.
    ApiCall *createBlueprint(const QJsonObject &document, Priority priority = Priority::Normal);
    /// Full replace. With a non-empty `etag` (from getBlueprint) the server answers 412 (Kind::Conflict) when the
    /// blueprint changed since; the new ETag is in ApiCall::etag().
    ApiCall *updateBlueprint(const QString &blueprintId, const QJsonObject &document, const QString &etag = {},
                             Priority priority = Priority::Normal);
    ApiCall *deleteBlueprint(const QString &blueprintId, Priority priority = Priority::Normal);
    /// Image / document export; counts against the export budget (5 per minute by default).
    ApiCall *exportBlueprint(const QString &blueprintId, ExportFormat format, const ExportOptions &options = {},
                             Priority priority = Priority::Normal);
    ApiCall *exportBudget(const QString &blueprintId, BudgetFormat format, const BudgetOptions &options = {},
                          Priority priority = Priority::Normal);

    // AWS accounts
    ApiCall *listAwsAccounts(Priority priority = Priority::Normal);
    ApiCall *addAwsAccount(const AwsAccountInput &account, Priority priority = Priority::Normal);
    ApiCall *updateAwsAccount(const QString &accountId, const AwsAccountInput &account,
                              Priority priority = Priority::Normal);
    ApiCall *removeAwsAccount(const QString &accountId, Priority priority = Priority::Normal);
    /// Live scan of one region. 202 STILL_PROCESSING is polled (RetryPolicy::maxPolls); when polls run out the
    /// call fails with Kind::StillProcessing, never succeeds with the 202 body.
    ApiCall *snapshotAwsAccount(const QString &accountId, const QString &region, ExportFormat format,
                                const SnapshotOptions &options = {}, Priority priority = Priority::Normal);
    ApiCall *awsIamParameters(Priority priority = Priority::Normal);
    ApiCall *awsIamPolicy(IamPolicyKind kind, Priority priority = Priority::Normal);

    // Azure accounts
    ApiCall *listAzureAccounts(Priority priority = Priority::Normal);
    ApiCall *addAzureAccount(const AzureAccountInput &account, Priority priority = Priority::Normal);
    ApiCall *updateAzureAccount(const QString &accountId, const AzureAccountInput &account,
                                Priority priority = Priority::Normal);
    ApiCall *removeAzureAccount(const QString &accountId, Priority priority = Priority::Normal);
    ApiCall *snapshotAzureAccount(const QString &accountId, const QString &region, ExportFormat format,
                                  const SnapshotOptions &options = {}, Priority priority = Priority::Normal);

    /// Sends any request through the same transport rules (used by the typed methods).
    ApiCall *send(ApiRequest request);

    /// True for ids, regions and formats that are safe as one URL path segment: 1-128 characters of
    /// [A-Za-z0-9._~-], not "." or "..".
    static bool isSafePathSegment(QStringView segment);

private:
    ApiCall *failed(ApiRequest request, const ApiError &error);
    ApiCall *withIds(ApiRequest request, std::initializer_list<std::pair<QString, QString>> namedSegments);
    ApiCall *snapshot(const QString &provider, const QString &accountId, const QString &region, ExportFormat format,
                      const SnapshotOptions &options, Priority priority);

    std::shared_ptr<ApiSession> m_session;
    RequestScheduler *m_scheduler = nullptr;
};

} // namespace Cloudcraft::Core
