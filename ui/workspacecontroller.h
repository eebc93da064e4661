#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Cloudcraft::Core {
class AccountTreeModel;
class ApiCall;
class BlueprintTreeModel;
class RenderCache;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

class SessionController;

/// Loads what the signed-in user can see (blueprints, teams, AWS and Azure accounts) through the session's
/// ApiClient and feeds the tree models. Keeps the lists for lookups by id.
///
/// With a cache (setCache()), each reload first shows the lists fetched last time, so the trees are there at once
/// and stay browsable offline, then fetches them again and updates only what changed. The cache is switched to the
/// signed-in profile and API origin on every reload, so two accounts never share entries.
class WorkspaceController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceController)

public:
    explicit WorkspaceController(SessionController &session, QObject *parent = nullptr);
    ~WorkspaceController() override;

    /// Caches lists (and lets the other controllers cache renders) in `cache`, scoped under `root` per profile and
    /// API origin. `cache` must outlive this controller; nullptr turns caching off.
    void setCache(Core::RenderCache *cache, const QString &root);
    Core::RenderCache *cache() const { return m_cache; }

    Core::BlueprintTreeModel *blueprintModel() const { return m_blueprintModel; }
    Core::AccountTreeModel *accountModel() const { return m_accountModel; }

    bool isLoading() const { return m_pending > 0; }
    const Core::BlueprintSummary *blueprint(const QString &id) const;
    const QList<Core::BlueprintSummary> &blueprints() const { return m_blueprints; }
    const QList<Core::AwsAccount> &awsAccounts() const { return m_aws; }
    const QList<Core::AzureAccount> &azureAccounts() const { return m_azure; }
    /// Team ids and user ids → display names (from /team members and /user/me).
    QHash<QString, QString> names() const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    /// A list could not be loaded; one sentence for the user.
    void failed(const QString &message);

private:
    void openCacheScope();
    bool showCachedLists();
    /// Whether `body` (a list answer) is new: not what is on show already. Saves new bodies in the cache.
    bool isNewList(const QString &name, const QByteArray &body);
    void track(Core::ApiCall *call, void (WorkspaceController::*handler)(Core::ApiCall &));
    void applyBlueprints(const QList<Core::BlueprintSummary> &blueprints);
    /// Groups m_blueprints (with m_teams' names) into the model's rows on a worker thread and swaps them in when
    /// done, so the UI thread only pays for the model reset; the newest request wins.
    void showBlueprintsPrepared();
    void onBlueprints(Core::ApiCall &call);
    /// Turns a fresh blueprint list answer into summaries on a worker thread (5,000 blueprints take tens of ms)
    /// and applies them back on this thread; one more pending answer until then.
    void parseBlueprints(const Core::ApiCall &call);
    void onTeams(Core::ApiCall &call);
    void onAwsAccounts(Core::ApiCall &call);
    void onAzureAccounts(Core::ApiCall &call);
    void report(const Core::ApiError &error);
    void finishOne();

    SessionController &m_session;
    Core::BlueprintTreeModel *m_blueprintModel;
    Core::AccountTreeModel *m_accountModel;
    QList<Core::BlueprintSummary> m_blueprints;
    QList<Core::Team> m_teams;
    QList<Core::AwsAccount> m_aws;
    QList<Core::AzureAccount> m_azure;
    QList<QPointer<Core::ApiCall>> m_calls;
    Core::RenderCache *m_cache = nullptr;
    QString m_cacheRoot;
    QHash<QString, QByteArray> m_shownLists; ///< list name → the body its model shows
    int m_pending = 0;
    quint64 m_generation = 0; ///< bumped by clear(): parses started before it are dropped
    quint64 m_treeGeneration = 0; ///< bumped per tree request (and by clear()): only the newest is shown
    bool m_reported = false;
};

} // namespace Cloudcraft::Ui
