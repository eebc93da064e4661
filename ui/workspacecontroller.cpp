#include "workspacecontroller.h"

#include "connectivitymonitor.h"
#include "errortext.h"
#include "sessioncontroller.h"

#include "api/apiclient.h"
#include "api/apiparse.h"
#include "cache/cachekeys.h"
#include "cache/rendercache.h"
#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
const QString kBlueprints = QStringLiteral("blueprints");
const QString kTeams = QStringLiteral("teams");
const QString kAws = QStringLiteral("aws");
const QString kAzure = QStringLiteral("azure");
} // namespace

WorkspaceController::WorkspaceController(SessionController &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_blueprintModel(new BlueprintTreeModel(this))
    , m_accountModel(new AccountTreeModel(this))
{
    connect(&m_session, &SessionController::signedIn, this, &WorkspaceController::reload);
    connect(&m_session, &SessionController::signedOut, this, &WorkspaceController::clear);
}

WorkspaceController::~WorkspaceController() = default;

void WorkspaceController::setCache(RenderCache *cache, const QString &root)
{
    m_cache = cache;
    m_cacheRoot = root;
}

void WorkspaceController::openCacheScope()
{
    if (!m_cache)
        return;
    const Profile &profile = m_session.profile();
    m_cache->open(RenderCache::scopeDirectory(m_cacheRoot, profile.name, profile.apiUrl));
}

bool WorkspaceController::showCachedLists()
{
    if (!m_cache || !m_cache->isOpen())
        return false;
    // The body of a cached list, remembered as "on show" so an identical fresh answer changes nothing.
    auto cached = [this](const QString &name) -> std::optional<QJsonValue> {
        const auto entry = m_cache->find(CacheKeys::list(name));
        if (!entry)
            return std::nullopt;
        const ApiResult<QJsonValue> json = ApiParse::decodeJson(entry->data);
        if (!json.ok()) {
            m_cache->remove(CacheKeys::list(name));
            return std::nullopt;
        }
        m_shownLists.insert(name, entry->data);
        return json.value;
    };
    if (const auto json = cached(kTeams)) {
        if (const auto teams = ApiParse::teams(*json); teams.ok())
            m_teams = teams.value;
    }
    if (const auto json = cached(kAws)) {
        if (const auto accounts = ApiParse::awsAccounts(*json); accounts.ok())
            m_aws = accounts.value;
    }
    if (const auto json = cached(kAzure)) {
        if (const auto accounts = ApiParse::azureAccounts(*json); accounts.ok())
            m_azure = accounts.value;
    }
    if (!m_aws.isEmpty() || !m_azure.isEmpty())
        m_accountModel->setAccounts(m_aws, m_azure);
    if (const auto json = cached(kBlueprints)) {
        if (const auto blueprints = ApiParse::blueprintList(*json); blueprints.ok()) {
            applyBlueprints(blueprints.value);
            return true;
        }
        m_shownLists.remove(kBlueprints);
    }
    return false;
}

bool WorkspaceController::isNewList(const QString &name, const QByteArray &body)
{
    const auto shown = m_shownLists.constFind(name);
    if (shown != m_shownLists.cend() && *shown == body)
        return false;
    m_shownLists.insert(name, body);
    if (m_cache && m_cache->isOpen()) // pinned: the size limit never takes what makes the app usable offline
        m_cache->insert(CacheKeys::list(name), body, QStringLiteral("application/json"), true);
    return true;
}

const BlueprintSummary *WorkspaceController::blueprint(const QString &id) const
{
    for (const BlueprintSummary &summary : m_blueprints) {
        if (summary.id == id)
            return &summary;
    }
    return nullptr;
}

QHash<QString, QString> WorkspaceController::names() const
{
    QHash<QString, QString> names;
    for (const Team &team : m_teams) {
        names.insert(team.id, team.name);
        for (const TeamMember &member : team.members) {
            if (!member.userId.isEmpty() && !member.name.isEmpty())
                names.insert(member.userId, member.name);
        }
    }
    const User &me = m_session.user();
    if (!me.id.isEmpty())
        names.insert(me.id, me.name);
    return names;
}

void WorkspaceController::clear()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    ++m_generation;
    ++m_treeGeneration;
    m_shownLists.clear();
    const bool wasLoading = isLoading();
    m_pending = 0;
    m_blueprints.clear();
    m_teams.clear();
    m_aws.clear();
    m_azure.clear();
    m_blueprintModel->clear();
    m_accountModel->setAccounts({}, {});
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void WorkspaceController::reload()
{
    ApiClient *client = m_session.client();
    if (!client)
        return;
    clear();
    openCacheScope();
    m_reported = false;
    m_pending = 4;
    Q_EMIT loadingChanged(true);
    // What was fetched last time, at once (and all there is while offline); the answers below update it.
    if (showCachedLists())
        Q_EMIT loaded();
    track(client->teams(Priority::Interactive), &WorkspaceController::onTeams);
    // Decoded on the worker with the parse (parseBlueprints): not in ApiCall on the UI thread.
    track(client->listBlueprints(Priority::Interactive, false), &WorkspaceController::onBlueprints);
    track(client->listAwsAccounts(Priority::Normal), &WorkspaceController::onAwsAccounts);
    track(client->listAzureAccounts(Priority::Normal), &WorkspaceController::onAzureAccounts);
}

void WorkspaceController::track(ApiCall *call, void (WorkspaceController::*handler)(ApiCall &))
{
    m_calls.append(call);
    connect(call, &ApiCall::finished, this, [this, call, handler] {
        call->deleteLater();
        m_calls.removeAll(call);
        if (call->error().kind() == ApiError::Kind::Cancelled)
            return;
        (this->*handler)(*call);
        finishOne();
    });
}

void WorkspaceController::report(const ApiError &error)
{
    const bool offline = ConnectivityMonitor::isNetworkFailure(error);
    m_session.reportReachable(!offline);
    if (offline && !m_shownLists.isEmpty()) // the offline banner says it; the cached lists stay on show
        return;
    if (m_reported) // one sentence per reload is enough
        return;
    m_reported = true;
    Q_EMIT failed(ErrorText::forApi(error, m_session.profile().apiUrl));
}

void WorkspaceController::onBlueprints(ApiCall &call)
{
    if (call.error().isError())
        return report(call.error());
    // The same bytes as on show parsed fine before and would change nothing.
    const auto shown = m_shownLists.constFind(kBlueprints);
    if (shown != m_shownLists.cend() && *shown == call.body())
        return m_session.reportReachable(true);
    parseBlueprints(call);
}

void WorkspaceController::parseBlueprints(const ApiCall &call)
{
    // The list parsed, grouped and ranked on the worker: the UI thread only swaps the prepared rows in.
    struct Parsed
    {
        ApiResult<QList<BlueprintSummary>> list;
        std::shared_ptr<BlueprintTreeModel::PreparedTree> tree;
    };
    ++m_pending; // track() finishes the call itself; this answer counts until it is applied
    ++m_treeGeneration;
    auto *watcher = new QFutureWatcher<Parsed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation = m_generation, treeGeneration = m_treeGeneration, body = call.body()] {
                watcher->deleteLater();
                if (generation != m_generation) // cleared or reloaded meanwhile: clear() reset the count
                    return;
                const Parsed parsed = watcher->result();
                if (!parsed.list.ok()) {
                    report(parsed.list.error);
                } else {
                    m_session.reportReachable(true);
                    if (isNewList(kBlueprints, body)) {
                        m_blueprints = parsed.list.value;
                        // Teams that arrived meanwhile (or a newer tree request) need another pass on the worker.
                        if (treeGeneration == m_treeGeneration)
                            m_blueprintModel->setPrepared(parsed.tree);
                        else
                            showBlueprintsPrepared();
                    }
                }
                finishOne();
            });
    // The body is shared read-only with the worker (the call may be deleted before it is done); a body that is not
    // JSON is reported like ApiCall reports it for calls that decode themselves.
    const int maxDepth = m_session.client()->endpoint().limits.maxJsonDepth;
    watcher->setFuture(QtConcurrent::run([body = call.body(), maxDepth, status = call.statusCode(), teams = m_teams,
                                          grouping = m_blueprintModel->grouping(),
                                          limit = m_blueprintModel->recentLimit()]() -> Parsed {
        const ApiResult<QJsonValue> json = ApiParse::decodeJson(body, maxDepth);
        if (!json.ok())
            return {{{}, ApiError(ApiError::Kind::InvalidResponse, status, {}, json.error.detail())}, nullptr};
        Parsed parsed{ApiParse::blueprintList(json.value), nullptr};
        if (parsed.list.ok())
            parsed.tree = BlueprintTreeModel::prepare(parsed.list.value, teams, grouping, limit);
        return parsed;
    }));
}

void WorkspaceController::showBlueprintsPrepared()
{
    ++m_pending; // the tree counts as loading until it is shown
    const quint64 treeGeneration = ++m_treeGeneration;
    using Tree = std::shared_ptr<BlueprintTreeModel::PreparedTree>;
    auto *watcher = new QFutureWatcher<Tree>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = m_generation, treeGeneration] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        if (treeGeneration == m_treeGeneration)
            m_blueprintModel->setPrepared(watcher->result());
        finishOne();
    });
    watcher->setFuture(QtConcurrent::run([blueprints = m_blueprints, teams = m_teams,
                                          grouping = m_blueprintModel->grouping(),
                                          limit = m_blueprintModel->recentLimit()] {
        return BlueprintTreeModel::prepare(blueprints, teams, grouping, limit);
    }));
}

void WorkspaceController::applyBlueprints(const QList<BlueprintSummary> &blueprints)
{
    m_blueprints = blueprints;
    m_blueprintModel->setBlueprints(m_blueprints, m_teams);
}

void WorkspaceController::onTeams(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::teams);
    if (!result.ok()) // blueprints still show, with team ids instead of names
        return report(result.error);
    if (!isNewList(kTeams, call.body()))
        return;
    m_teams = result.value;
    ++m_treeGeneration; // a list being parsed with the old names is regrouped when it arrives
    if (!m_blueprints.isEmpty())
        showBlueprintsPrepared();
}

void WorkspaceController::onAwsAccounts(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::awsAccounts);
    if (!result.ok())
        return report(result.error);
    if (!isNewList(kAws, call.body()))
        return;
    m_aws = result.value;
    m_accountModel->setAccounts(m_aws, m_azure);
}

void WorkspaceController::onAzureAccounts(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::azureAccounts);
    if (!result.ok())
        return report(result.error);
    if (!isNewList(kAzure, call.body()))
        return;
    m_azure = result.value;
    m_accountModel->setAccounts(m_aws, m_azure);
}

void WorkspaceController::finishOne()
{
    if (m_pending == 0)
        return;
    if (--m_pending == 0) {
        Q_EMIT loadingChanged(false);
        Q_EMIT loaded();
    }
}

} // namespace Cloudcraft::Ui
