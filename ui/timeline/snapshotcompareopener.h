#pragma once

#include <QObject>

#include <memory>

class QSettings;
class QWidget;

namespace Cloudcraft::Core {
class DiffSourceRegistry;
class IgnoreRegionStore;
class SnapshotStore;
}

namespace Cloudcraft::Ui {

class SessionController;

/// Opens the compare window (engineer D's CompareWindow) for the timeline's Compare and Compare with live: the
/// references resolve as in `cloudcraft-cli diff` (blueprint:, aws:, azure: through the signed-in session's client;
/// snapshot: from the same history the timeline shows). One window per request, deleted when closed.
class SnapshotCompareOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotCompareOpener)

public:
    SnapshotCompareOpener(SessionController &session, QSettings &settings, QWidget *parentWindow);
    ~SnapshotCompareOpener() override;

    /// The history `snapshot:` references read; nullptr = SnapshotStore::defaultRoot().
    void setStore(Core::SnapshotStore *store);

public Q_SLOTS:
    void open(const QString &a, const QString &b);

private:
    SessionController &m_session;
    QSettings &m_settings;
    QWidget *m_parentWindow;
    Core::SnapshotStore *m_store = nullptr;
    std::unique_ptr<Core::DiffSourceRegistry> m_registry;
    /// The ignore regions drawn in the windows it opens, kept in the same history database as the snapshots.
    std::unique_ptr<Core::IgnoreRegionStore> m_ignoreStore;
};

} // namespace Cloudcraft::Ui
