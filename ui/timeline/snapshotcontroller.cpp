#include "snapshotcontroller.h"

#include "sessioncontroller.h"
#include "workspacecontroller.h"

#include "api/apierror.h"
#include "auth/profilestore.h"
#include "history/snapshottaker.h"
#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"
#include "models/treeroles.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QFutureWatcher>
#include <QIcon>
#include <QModelIndex>
#include <QtConcurrent>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

/// Stores on a worker thread with a connection of its own (Qt Sql connections belong to one thread), so the
/// files' fsync never holds up the UI.
HistoryResult<SnapshotRecord> storeOnWorker(const QString &root, const NewSnapshot &snapshot)
{
    SnapshotStore store(root);
    if (const HistoryError error = store.open())
        return {{}, error};
    return store.add(snapshot);
}

SnapshotEntry entryFor(const SnapshotRecord &record)
{
    return SnapshotEntry{QString::number(record.id), record.takenAt, record.name};
}

} // namespace

SnapshotController::SnapshotController(SessionController &session, WorkspaceController &workspace,
                                       AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_takeAction(new QAction(QIcon::fromTheme(QStringLiteral("camera-photo")), tr("Take &Snapshot"), this))
{
    m_takeAction->setObjectName(QStringLiteral("takeSnapshotAction"));
    m_takeAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(m_takeAction, &QAction::triggered, this, &SnapshotController::takeSnapshot);
    connect(&m_session, &SessionController::signedIn, this, &SnapshotController::refreshTrees);
    connect(&m_session, &SessionController::signedIn, this, &SnapshotController::updateAction);
    connect(&m_session, &SessionController::signedOut, this, [this] {
        cancel();
        clearSelection();
    });
    // The account tree is rebuilt from the lists; regions with snapshots come back through setSnapshots.
    connect(&m_workspace, &WorkspaceController::loaded, this, &SnapshotController::refreshTrees);
    // A reload can bring a newer updatedAt for the blueprint on show without a new preview: check it too.
    connect(&m_workspace, &WorkspaceController::loaded, this, [this] {
        if (m_current && !m_current->isLive())
            onPreviewLoaded(m_current->id);
    });
    updateAction();
}

SnapshotController::~SnapshotController() = default;

void SnapshotController::setStore(SnapshotStore *store)
{
    m_store = store;
    if (store)
        m_unavailable.clear();
    refreshTrees();
    updateAction();
}

void SnapshotController::setUnavailable(const QString &sentence)
{
    m_unavailable = sentence;
    updateAction();
}

bool SnapshotController::isTaking() const
{
    return m_taker || m_storing;
}

QString SnapshotController::profileName() const
{
    return m_session.profile().name;
}

void SnapshotController::selectBlueprint(const QString &blueprintId)
{
    if (blueprintId.isEmpty())
        return setCurrent(std::nullopt);
    SnapshotSource source;
    source.profile = profileName();
    source.kind = SnapshotSource::Kind::Blueprint;
    source.id = blueprintId;
    setCurrent(source);
}

void SnapshotController::selectAccountRow(const QModelIndex &sourceIndex)
{
    const auto kind = TreeNodeKind(sourceIndex.data(KindRole).toInt());
    const QString region = sourceIndex.data(RegionRole).toString();
    if ((kind != TreeNodeKind::Region && kind != TreeNodeKind::Snapshot) || region.isEmpty())
        return setCurrent(std::nullopt); // an account as a whole has no picture: pick a region
    SnapshotSource source;
    source.profile = profileName();
    source.kind = CloudProvider(sourceIndex.data(ProviderRole).toInt()) == CloudProvider::Azure
                      ? SnapshotSource::Kind::Azure
                      : SnapshotSource::Kind::Aws;
    source.id = sourceIndex.data(AccountIdRole).toString();
    source.region = region;
    setCurrent(source);
}

void SnapshotController::clearSelection()
{
    setCurrent(std::nullopt);
}

void SnapshotController::setCurrent(const std::optional<SnapshotSource> &source)
{
    const bool same = source && m_current && source->sameTarget(*m_current) && source->profile == m_current->profile;
    if (same || (!source && !m_current))
        return;
    m_current = source;
    updateAction();
    Q_EMIT currentSourceChanged();
}

void SnapshotController::updateAction()
{
    const bool possible = m_store && m_current && m_session.isSignedIn() && !isTaking();
    m_takeAction->setEnabled(possible);
    if (!m_store && !m_unavailable.isEmpty())
        m_takeAction->setToolTip(m_unavailable);
    else if (!m_current)
        m_takeAction->setToolTip(tr("Select a blueprint or an account region to snapshot it"));
    else
        m_takeAction->setToolTip(tr("Keep this version of %1 in the local history (%2)")
                                     .arg(m_current->reference(), m_takeAction->shortcut().toString(
                                                                      QKeySequence::NativeText)));
}

void SnapshotController::takeSnapshot()
{
    if (m_current)
        take(*m_current);
}

void SnapshotController::take(const SnapshotSource &source, bool automatic)
{
    if (!m_store || isTaking() || !m_session.client())
        return;
    m_automatic = automatic;
    auto *taker = new SnapshotTaker(m_session.client(), this);
    m_taker = taker;
    connect(taker, &SnapshotTaker::progress, this, &SnapshotController::progress);
    connect(taker, &SnapshotTaker::finished, this, [this, taker](const TakeResult &result) {
        taker->deleteLater();
        m_taker = nullptr;
        onTaken(result);
    });
    SnapshotSource withProfile = source;
    withProfile.profile = profileName();
    Q_EMIT takingChanged(true);
    updateAction();
    Q_EMIT progress(automatic ? tr("%1 changed: taking a snapshot…").arg(source.reference())
                            : tr("Taking a snapshot of %1…").arg(source.reference()));
    taker->take(withProfile);
}

void SnapshotController::cancel()
{
    if (m_taker)
        m_taker->cancel();
}

void SnapshotController::onTaken(const TakeResult &result)
{
    if (!result.ok()) {
        const bool cancelled = result.error.kind() == ApiError::Kind::Cancelled;
        const QString text = cancelled ? tr("Snapshot cancelled; nothing was saved.")
                                       : tr("The snapshot could not be taken: %1").arg(result.error.userMessage());
        finishTaking();
        Q_EMIT message(text);
        if (!cancelled)
            Q_EMIT takeFailed(text);
        return;
    }
    store(result.snapshot);
}

void SnapshotController::store(const NewSnapshot &snapshot)
{
    if (!m_store) {
        finishTaking();
        return;
    }
    m_storing = true;
    Q_EMIT progress(tr("Saving the snapshot…"));
    auto *watcher = new QFutureWatcher<HistoryResult<SnapshotRecord>>(this);
    connect(watcher, &QFutureWatcher<HistoryResult<SnapshotRecord>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_storing = false;
        const HistoryResult<SnapshotRecord> added = watcher->result();
        const bool automatic = m_automatic;
        finishTaking();
        if (!added.ok()) {
            Q_EMIT message(added.error.message);
            Q_EMIT takeFailed(added.error.message);
            return;
        }
        refreshTrees();
        Q_EMIT snapshotsChanged();
        Q_EMIT message(automatic ? tr("%1 changed since its last snapshot: snapshot %2 saved.")
                                     .arg(added.value.title.isEmpty() ? added.value.source.reference()
                                                                      : added.value.title)
                                     .arg(added.value.id)
                               : tr("Snapshot %1 saved.").arg(added.value.id));
        Q_EMIT snapshotTaken(added.value, automatic);
    });
    watcher->setFuture(QtConcurrent::run(storeOnWorker, m_store->root(), snapshot));
}

void SnapshotController::finishTaking()
{
    m_automatic = false;
    updateAction();
    Q_EMIT takingChanged(false);
}

void SnapshotController::onPreviewLoaded(const QString &blueprintId)
{
    if (!m_settings.autoSnapshot() || !m_store || !m_session.isSignedIn() || !m_session.isOnline() || isTaking())
        return;
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    if (!summary || !summary->updatedAt.isValid())
        return;
    const QString tried = blueprintId + u'@' + QString::number(summary->updatedAt.toMSecsSinceEpoch());
    if (m_autoTried.contains(tried))
        return;
    m_autoTried.insert(tried);
    SnapshotSource source;
    source.profile = profileName();
    source.id = blueprintId;
    const auto latest = m_store->latest(source);
    if (!latest.ok())
        return; // never snapshotted (not tracked), or the history cannot be read: nothing to compare with
    // Newer only: a list fetched before the last snapshot carries an older updatedAt than the snapshot itself.
    if (latest.value.updatedAt.isValid() && summary->updatedAt > latest.value.updatedAt)
        take(source, true);
}

void SnapshotController::refreshTrees()
{
    QHash<QString, QList<SnapshotEntry>> blueprints;
    QHash<QString, QList<SnapshotEntry>> regions; // "<account>\n<region>"
    if (m_store && m_session.isSignedIn()) {
        const auto listed = m_store->list(std::nullopt, profileName());
        if (!listed.ok())
            Q_EMIT message(listed.error.message);
        for (const SnapshotRecord &record : listed.value) { // newest first, as the trees show them
            if (record.source.isLive())
                regions[record.source.id + u'\n' + record.source.region].append(entryFor(record));
            else
                blueprints[record.source.id].append(entryFor(record));
        }
    }
    BlueprintTreeModel *blueprintModel = m_workspace.blueprintModel();
    for (const QString &id : std::as_const(m_fedBlueprints)) {
        if (!blueprints.contains(id))
            blueprintModel->setSnapshots(id, {});
    }
    for (auto it = blueprints.cbegin(); it != blueprints.cend(); ++it)
        blueprintModel->setSnapshots(it.key(), it.value());
    AccountTreeModel *accountModel = m_workspace.accountModel();
    for (const QString &key : std::as_const(m_fedRegions)) {
        if (!regions.contains(key))
            accountModel->setSnapshots(key.section(u'\n', 0, 0), key.section(u'\n', 1), {});
    }
    for (auto it = regions.cbegin(); it != regions.cend(); ++it)
        accountModel->setSnapshots(it.key().section(u'\n', 0, 0), it.key().section(u'\n', 1), it.value());
    m_fedBlueprints = QSet<QString>(blueprints.keyBegin(), blueprints.keyEnd());
    m_fedRegions = QSet<QString>(regions.keyBegin(), regions.keyEnd());
}

} // namespace Cloudcraft::Ui
