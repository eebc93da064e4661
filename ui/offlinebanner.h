#pragma once

#include <QDeadlineTimer>
#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace Cloudcraft::Ui {

/// The strip across the top of the main window while the app is offline: what is going on, when it tries again,
/// and a Retry now button. Hidden while online. It only shows state; the ConnectivityMonitor does the work.
class OfflineBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineBanner)

public:
    explicit OfflineBanner(QWidget *parent = nullptr);
    ~OfflineBanner() override;

    QString text() const;
    /// "Checking the connection…" or "Next try in 8 s".
    QString detailText() const;

public Q_SLOTS:
    void setOffline(bool offline);
    /// A probe is under way (the button waits) or the next one starts at `next`.
    void setProbeState(bool probing, QDeadlineTimer next);

Q_SIGNALS:
    void retryRequested();

private:
    void updateDetail();

    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_detail;
    QPushButton *m_retry;
    QTimer *m_tick;
    QDeadlineTimer m_next;
    bool m_probing = false;
};

} // namespace Cloudcraft::Ui
