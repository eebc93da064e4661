#pragma once

#include "accountapi.h"
#include "blueprintapi.h"
#include "httpmessage.h"

namespace Cloudcraft::Emulator {

/// Maps the 22 documented endpoints (cloudcraft-api.md §2.0) to their handlers. Authentication, rate limits and
/// faults happen before; this class sees only authenticated requests.
class ApiRouter final
{
public:
    ApiRouter(Workspace &workspace, ScanState &scan)
        : m_workspace(workspace)
        , m_blueprints(workspace)
        , m_accounts(workspace, scan)
    {
    }

    /// GET /blueprint/{id}/{format}: the image export route with its own, stricter rate budget.
    static bool isExport(const HttpRequest &request);
    static bool isWrite(const HttpRequest &request);

    HttpResponse handle(const HttpRequest &request, const ApiKey &key);

private:
    HttpResponse handleBlueprint(const QStringList &segments, const HttpRequest &request, const ApiKey &key);
    HttpResponse handleAccount(CloudProvider provider, const QStringList &segments, const HttpRequest &request,
                               const ApiKey &key);

    Workspace &m_workspace;
    BlueprintApi m_blueprints;
    AccountApi m_accounts;
};

} // namespace Cloudcraft::Emulator
