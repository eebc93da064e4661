#pragma once

#include "history/snapshotsource.h"
#include "history/snapshotstore.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QAction;
class QModelIndex;

namespace Cloudcraft::Core {
class AppSettings;
class SnapshotTaker;
struct TakeResult;
}

namespace Cloudcraft::Ui {

class SessionController;
class WorkspaceController;

/// Takes snapshots of what is selected (a blueprint, or a region of a linked account) into the local history and
/// shows them in the trees:
/// - "Take Snapshot" (Ctrl+Shift+S) fetches through SnapshotTaker (PNG + JSON; a live account waits through the
///   202 long-poll, with progress and Cancel) and stores on a worker thread with its own SnapshotStore connection;
/// - auto-snapshot (AppSettings::autoSnapshot): when a previewed blueprint's updatedAt is newer than that of its
///   newest snapshot, a new one is taken. A blueprint never snapshotted is not tracked: history starts by hand;
/// - the blueprint and account trees get each source's snapshots (BlueprintTreeModel/AccountTreeModel::setSnapshots).
/// Without a store (history unavailable) the action is disabled and says why.
class SnapshotController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotController)

public:
    SnapshotController(SessionController &session, WorkspaceController &workspace, Core::AppSettings &settings,
                       QObject *parent = nullptr);
    ~SnapshotController() override;

    /// The history (owned by the caller, used on this thread); nullptr = none. Feeds the trees.
    void setStore(Core::SnapshotStore *store);
    Core::SnapshotStore *store() const { return m_store; }
    /// Why there is no history: the action's tooltip says it.
    void setUnavailable(const QString &sentence);

    QAction *takeAction() const { return m_takeAction; }
    /// What Take Snapshot would snapshot now (profile set), nullopt when nothing snapshot-able is selected.
    std::optional<Core::SnapshotSource> currentSource() const { return m_current; }
    bool isTaking() const;

public Q_SLOTS:
    void selectBlueprint(const QString &blueprintId);
    /// A row of the account tree (source index): a region or a snapshot row selects that region.
    void selectAccountRow(const QModelIndex &sourceIndex);
    void clearSelection();
    /// Takes a snapshot of the current source.
    void takeSnapshot();
    void take(const Core::SnapshotSource &source, bool automatic = false);
    void cancel();
    /// A blueprint's preview is on screen: the auto-snapshot check.
    void onPreviewLoaded(const QString &blueprintId);
    /// Shows every snapshot of the signed-in profile in the trees.
    void refreshTrees();

Q_SIGNALS:
    void currentSourceChanged();
    void takingChanged(bool taking);
    /// A sentence while taking ("The scan is still running…").
    void progress(const QString &text);
    /// A sentence for the status bar when a take ends (saved, cancelled, failed).
    void message(const QString &text);
    void snapshotTaken(const Cloudcraft::Core::SnapshotRecord &record, bool automatic);
    void takeFailed(const QString &message);
    /// The history changed (a snapshot added): the timeline reloads.
    void snapshotsChanged();

private:
    void setCurrent(const std::optional<Core::SnapshotSource> &source);
    void onTaken(const Core::TakeResult &result);
    void store(const Core::NewSnapshot &snapshot);
    void finishTaking();
    void updateAction();
    QString profileName() const;

    SessionController &m_session;
    WorkspaceController &m_workspace;
    Core::AppSettings &m_settings;
    Core::SnapshotStore *m_store = nullptr;
    QString m_unavailable;
    QAction *m_takeAction;
    std::optional<Core::SnapshotSource> m_current;
    QPointer<Core::SnapshotTaker> m_taker;
    bool m_storing = false;
    bool m_automatic = false;
    QSet<QString> m_autoTried;    ///< "<blueprint id>@<updatedAt>" checked this session (never twice)
    QSet<QString> m_fedBlueprints; ///< blueprint ids given snapshot rows
    QSet<QString> m_fedRegions;    ///< "<account id>\n<region>" given snapshot rows
};

} // namespace Cloudcraft::Ui
