#pragma once

#include "httpmessage.h"
#include "workspace.h"

#include <QHash>

namespace Cloudcraft::Emulator {

/// Scenario clock and long-poll state shared by the live-scan endpoints.
struct ScanState
{
    int step = 0;
    int pendingCalls = 0;                // --snapshot-pending: 202 answers before each result
    QHash<QString, int> pendingByQuery;  // (provider, account, region, format, query) -> 202s already given
};

/// /aws/account and /azure/account endpoints, the IAM helpers and live scans (snapshots).
class AccountApi final
{
public:
    AccountApi(Workspace &workspace, ScanState &scan) : m_workspace(workspace), m_scan(scan) { }

    HttpResponse list(CloudProvider provider) const;
    HttpResponse create(CloudProvider provider, const HttpRequest &request, const ApiKey &key);
    HttpResponse update(CloudProvider provider, const QString &id, const HttpRequest &request);
    HttpResponse remove(CloudProvider provider, const QString &id);
    HttpResponse snapshot(CloudProvider provider, const QString &id, const QString &region, const QString &format,
                          const HttpRequest &request);
    HttpResponse iamParameters() const;
    HttpResponse iamPolicy(const QString &kind) const;

    /// The account as the API shows it: scan data and the Azure client secret are never returned.
    static QJsonObject publicView(const QJsonObject &account);

private:
    qsizetype find(CloudProvider provider, const QString &id, HttpResponse *error) const;
    QJsonObject buildScan(CloudProvider provider, const QJsonObject &account, const QString &region,
                          const QJsonObject &stepData, const HttpRequest &request) const;

    Workspace &m_workspace;
    ScanState &m_scan;
};

} // namespace Cloudcraft::Emulator
