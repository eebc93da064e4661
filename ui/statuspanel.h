#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class QTimer;

namespace Cloudcraft::Core {
class RequestScheduler;
}

namespace Cloudcraft::Ui {

class SessionController;

/// Fills the status bar: who is signed in with which profile, online/offline, and the request queue with
/// "next export in N s" (refreshed every second while something waits).
class StatusPanel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPanel)

public:
    StatusPanel(QStatusBar *bar, SessionController &session, Core::RequestScheduler *scheduler,
                QObject *parent = nullptr);
    ~StatusPanel() override;

    QString userText() const;
    QString connectionText() const;
    QString queueText() const;

public Q_SLOTS:
    void refresh();

private:
    QStatusBar *m_bar;
    SessionController &m_session;
    Core::RequestScheduler *m_scheduler;
    QLabel *m_user;
    QLabel *m_connection;
    QLabel *m_queue;
    QTimer *m_timer;
};

} // namespace Cloudcraft::Ui
