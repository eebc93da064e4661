#include "accountcontroller.h"

#include "connectivitymonitor.h"
#include "errortext.h"
#include "inspectorpanel.h"
#include "inventorydialog.h"
#include "sessioncontroller.h"
#include "workspacecontroller.h"

#include "api/apiclient.h"
#include "api/apiparse.h"
#include "cache/cachekeys.h"
#include "cache/rendercache.h"
#include "models/accounttreemodel.h"

#include <QDir>
#include <QJsonObject>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

QStringList awsRegions()
{
    return {QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),    QStringLiteral("us-west-1"),
            QStringLiteral("us-west-2"),      QStringLiteral("eu-west-1"),    QStringLiteral("eu-west-2"),
            QStringLiteral("eu-central-1"),   QStringLiteral("eu-north-1"),   QStringLiteral("ap-southeast-1"),
            QStringLiteral("ap-southeast-2"), QStringLiteral("ap-northeast-1"), QStringLiteral("ap-south-1"),
            QStringLiteral("ca-central-1"),   QStringLiteral("sa-east-1")};
}

QStringList azureRegions()
{
    return {QStringLiteral("eastus"),      QStringLiteral("eastus2"),     QStringLiteral("westus2"),
            QStringLiteral("centralus"),   QStringLiteral("westeurope"),  QStringLiteral("northeurope"),
            QStringLiteral("uksouth"),     QStringLiteral("southeastasia"), QStringLiteral("australiaeast")};
}

QString settingsKey(const QString &accountId)
{
    return QStringLiteral("accounts/") + accountId + QStringLiteral("/regions");
}

} // namespace

AccountController::AccountController(SessionController &session, WorkspaceController &workspace,
                                     InspectorPanel *inspector, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_workspace(workspace)
    , m_inspector(inspector)
    , m_settings(settings)
{
    connect(&m_workspace, &WorkspaceController::loaded, this, &AccountController::restoreRegions);
    connect(m_inspector, &InspectorPanel::scanRequested, this, &AccountController::scan);
}

AccountController::~AccountController() = default;

void AccountController::restoreRegions()
{
    AccountTreeModel *model = m_workspace.accountModel();
    for (const AwsAccount &account : m_workspace.awsAccounts())
        model->setRegions(account.id, m_settings.value(settingsKey(account.id)).toStringList());
    for (const AzureAccount &account : m_workspace.azureAccounts())
        model->setRegions(account.id, m_settings.value(settingsKey(account.id)).toStringList());
}

void AccountController::remember(const QString &accountId, const QString &region)
{
    QStringList regions = m_settings.value(settingsKey(accountId)).toStringList();
    if (regions.contains(region))
        return;
    regions.append(region);
    m_settings.setValue(settingsKey(accountId), regions);
    m_workspace.accountModel()->setRegions(accountId, regions);
}

QString AccountController::accountName(const QString &accountId) const
{
    for (const AwsAccount &account : m_workspace.awsAccounts()) {
        if (account.id == accountId)
            return account.name;
    }
    for (const AzureAccount &account : m_workspace.azureAccounts()) {
        if (account.id == accountId)
            return account.name;
    }
    return accountId;
}

void AccountController::select(const QModelIndex &sourceIndex)
{
    const AccountTreeModel *model = m_workspace.accountModel();
    m_inspector->setNames(m_workspace.names());
    const auto kind = TreeNodeKind(sourceIndex.data(KindRole).toInt());
    if (const AwsAccount *aws = model->awsAccount(sourceIndex)) {
        m_accountId = aws->id;
        m_azure = false;
        m_inspector->showAwsAccount(*aws);
        m_inspector->setScanRegions(awsRegions());
    } else if (const AzureAccount *azure = model->azureAccount(sourceIndex)) {
        m_accountId = azure->id;
        m_azure = true;
        m_inspector->showAzureAccount(*azure);
        m_inspector->setScanRegions(azureRegions());
    } else if (kind == TreeNodeKind::Region || kind == TreeNodeKind::Snapshot) {
        m_accountId = sourceIndex.data(AccountIdRole).toString();
        m_azure = CloudProvider(sourceIndex.data(ProviderRole).toInt()) == CloudProvider::Azure;
        load(sourceIndex.data(RegionRole).toString(), false);
    }
}

void AccountController::scan(const QString &region)
{
    load(region, true);
}

QString AccountController::provider() const
{
    return m_azure ? QStringLiteral("azure") : QStringLiteral("aws");
}

bool AccountController::showSnapshot(const QString &accountId, const QString &region, const QByteArray &body)
{
    const ApiResult<QJsonValue> json = ApiParse::decodeJson(body);
    const ApiResult<QJsonObject> result = json.ok() ? ApiParse::object(json.value) : ApiResult<QJsonObject>{};
    if (!json.ok() || !result.ok())
        return false;
    const QJsonObject document = result.value.contains(QLatin1String("data"))
                                     ? result.value.value(QLatin1String("data")).toObject()
                                     : result.value;
    m_inspector->setBlueprintData(document);
    remember(accountId, region);
    Q_EMIT inventoryLoaded(accountId, region);
    return true;
}

bool AccountController::showCached(const QString &accountId, const QString &region, bool anyAge)
{
    RenderCache *cache = m_workspace.cache();
    if (!cache || !cache->isOpen())
        return false;
    const QString key = CacheKeys::snapshot(provider(), accountId, region, ExportFormat::Json,
                                            QDateTime::currentDateTimeUtc());
    std::optional<CacheEntry> entry = cache->find(key);
    QString used = key;
    if (!entry && anyAge) {
        const QList<CacheEntryInfo> older =
            cache->entriesWithPrefix(CacheKeys::snapshotPrefix(provider(), accountId, region, ExportFormat::Json));
        if (!older.isEmpty()) {
            used = older.first().key;
            entry = cache->find(used);
        }
    }
    if (!entry)
        return false;
    if (showSnapshot(accountId, region, entry->data))
        return true;
    cache->remove(used);
    return false;
}

void AccountController::load(const QString &region, bool live)
{
    ApiClient *client = m_session.client();
    if (!client || m_accountId.isEmpty() || region.isEmpty())
        return;
    if (m_call)
        m_call->cancel();
    const QString accountId = m_accountId;
    m_inspector->showRegion(accountName(accountId), region);
    const bool offline = !m_session.isOnline();
    if ((!live || offline) && showCached(accountId, region, offline))
        return;
    if (offline) {
        m_inspector->setResourcesMessage(
            tr("Not available offline: this region was not scanned before the connection was lost."));
        return;
    }
    ApiCall *call = m_azure ? client->snapshotAzureAccount(accountId, region, ExportFormat::Json, {}, Priority::Interactive)
                            : client->snapshotAwsAccount(accountId, region, ExportFormat::Json, {}, Priority::Interactive);
    m_call = call;
    const QString providerName = provider();
    connect(call, &ApiCall::finished, this, [this, call, accountId, region, providerName] {
        call->deleteLater();
        if (call != m_call)
            return;
        m_call = nullptr;
        const ApiResult<QJsonObject> result = ApiParse::fromCall(*call, &ApiParse::object);
        if (!result.ok()) {
            if (result.error.kind() == ApiError::Kind::Cancelled)
                return;
            if (ConnectivityMonitor::isNetworkFailure(result.error)) {
                m_session.reportReachable(false);
                if (!showCached(accountId, region, true))
                    m_inspector->setResourcesMessage(
                        tr("Not available offline: this region was not scanned before the connection was lost."));
                return;
            }
            m_inspector->setResourcesMessage(ErrorText::forApi(result.error, m_session.profile().apiUrl));
            return;
        }
        if (RenderCache *cache = m_workspace.cache(); cache && cache->isOpen())
            cache->insert(CacheKeys::snapshot(providerName, accountId, region, ExportFormat::Json,
                                              QDateTime::currentDateTimeUtc()),
                          call->body(), QStringLiteral("application/json"));
        showSnapshot(accountId, region, call->body());
    });
}

void AccountController::downloadInventory()
{
    ApiClient *client = m_session.client();
    if (m_accountId.isEmpty() || !client || m_inventoryDialog)
        return;
    // The regions scanned before first, then every other region of the provider (unticked ones are skipped).
    QStringList regions = m_settings.value(settingsKey(m_accountId)).toStringList();
    static const QStringList aws{QStringLiteral("us-east-1"), QStringLiteral("us-east-2"), QStringLiteral("us-west-1"),
                                 QStringLiteral("us-west-2"), QStringLiteral("ca-central-1"), QStringLiteral("eu-west-1"),
                                 QStringLiteral("eu-west-2"), QStringLiteral("eu-west-3"), QStringLiteral("eu-central-1"),
                                 QStringLiteral("eu-north-1"), QStringLiteral("ap-south-1"), QStringLiteral("ap-northeast-1"),
                                 QStringLiteral("ap-northeast-2"), QStringLiteral("ap-southeast-1"),
                                 QStringLiteral("ap-southeast-2"), QStringLiteral("sa-east-1")};
    static const QStringList azure{QStringLiteral("eastus"), QStringLiteral("eastus2"), QStringLiteral("westus2"),
                                   QStringLiteral("centralus"), QStringLiteral("canadacentral"), QStringLiteral("northeurope"),
                                   QStringLiteral("westeurope"), QStringLiteral("uksouth"), QStringLiteral("southeastasia"),
                                   QStringLiteral("australiaeast")};
    const int remembered = int(regions.size());
    for (const QString &region : m_azure ? azure : aws) {
        if (!regions.contains(region))
            regions << region;
    }
    const QString name = accountName(m_accountId);
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .filePath(QStringLiteral("Cloudcraft inventory/") + m_accountId);
    auto *dialog = new InventoryDialog(*client, m_accountId, name, m_azure, regions, folder, m_inspector ? m_inspector->window() : nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Only the regions known to hold something start ticked when there are any.
    if (remembered > 0) {
        if (auto *list = dialog->findChild<QListWidget *>(QStringLiteral("inventoryRegions"))) {
            for (int i = remembered; i < list->count(); ++i)
                list->item(i)->setCheckState(Qt::Unchecked);
        }
    }
    connect(dialog, &InventoryDialog::finished, this, [this, dialog, name](const QJsonObject &summary) {
        if (!m_inspector || summary.value(QLatin1String("countsByRegion")).toObject().isEmpty())
            return;
        m_inspector->showRegion(name, tr("%n region(s) downloaded", nullptr,
                                          int(summary.value(QLatin1String("countsByRegion")).toObject().size())));
        m_inspector->setBlueprintData(dialog->mergedDocument());
    });
    m_inventoryDialog = dialog;
    dialog->open();
}

} // namespace Cloudcraft::Ui
