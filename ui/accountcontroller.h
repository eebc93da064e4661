#pragma once

#include <QModelIndex>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QSettings;

namespace Cloudcraft::Core {
class ApiCall;
}

namespace Cloudcraft::Ui {

class InspectorPanel;
class SessionController;
class WorkspaceController;

/// Linked accounts: shows an account's facts, runs a live scan (JSON snapshot) of a region the user picks and
/// shows its inventory by type. The API lists no regions, so the regions scanned before are remembered per account
/// (in settings, never anything secret) and shown under it in the tree.
///
/// Scans go through the workspace's disk cache (CacheKeys::snapshot): selecting a region in the tree shows the scan
/// of the current time bucket if there is one, the Scan button always scans live, and offline the newest scan of the
/// region is shown.
class AccountController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountController)

public:
    AccountController(SessionController &session, WorkspaceController &workspace, InspectorPanel *inspector,
                      QSettings &settings, QObject *parent = nullptr);
    ~AccountController() override;

public Q_SLOTS:
    /// A row of the account tree (source model index) was selected.
    void select(const QModelIndex &sourceIndex);
    /// Live scan of `region` of the account shown (the inspector's Scan button).
    void scan(const QString &region);
    /// "Download inventory…" of the account shown: regions, folder, progress, cancel, summary; the result's counts
    /// then show in the inspector.
    void downloadInventory();

Q_SIGNALS:
    void inventoryLoaded(const QString &accountId, const QString &region);

private:
    void load(const QString &region, bool live);
    bool showCached(const QString &accountId, const QString &region, bool anyAge);
    bool showSnapshot(const QString &accountId, const QString &region, const QByteArray &body);
    QString provider() const;
    void restoreRegions();
    void remember(const QString &accountId, const QString &region);
    QString accountName(const QString &accountId) const;

    SessionController &m_session;
    WorkspaceController &m_workspace;
    InspectorPanel *m_inspector;
    QSettings &m_settings;
    QString m_accountId;
    bool m_azure = false;
    QPointer<Core::ApiCall> m_call;
    QPointer<QWidget> m_inventoryDialog;
};

} // namespace Cloudcraft::Ui
