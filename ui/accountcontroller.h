#pragma once

#include <QModelIndex>
#include <QObject>
#include <QPointer>

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
    void scan(const QString &region);

Q_SIGNALS:
    void inventoryLoaded(const QString &accountId, const QString &region);

private:
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
};

} // namespace Cloudcraft::Ui
