#include "statuspanel.h"

#include "sessioncontroller.h"

#include "api/requestscheduler.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

QLabel *statusLabel(QStatusBar *bar, const char *name, const QString &accessible)
{
    auto *label = new QLabel(bar);
    label->setObjectName(QString::fromLatin1(name));
    label->setAccessibleName(accessible);
    label->setContentsMargins(6, 0, 6, 0);
    return label;
}

} // namespace

StatusPanel::StatusPanel(QStatusBar *bar, SessionController &session, RequestScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_session(session)
    , m_scheduler(scheduler)
    , m_user(statusLabel(bar, "statusUser", tr("Signed-in user")))
    , m_connection(statusLabel(bar, "statusConnection", tr("Connection")))
    , m_queue(statusLabel(bar, "statusQueue", tr("Request queue")))
    , m_timer(new QTimer(this))
{
    bar->addPermanentWidget(m_queue);
    bar->addPermanentWidget(m_connection);
    bar->addPermanentWidget(m_user);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &StatusPanel::refresh);
    connect(&m_session, &SessionController::signedIn, this, &StatusPanel::refresh);
    connect(&m_session, &SessionController::signedOut, this, &StatusPanel::refresh);
    connect(&m_session, &SessionController::onlineChanged, this, &StatusPanel::refresh);
    if (m_scheduler)
        connect(m_scheduler, &RequestScheduler::queueChanged, this, &StatusPanel::refresh);
    refresh();
}

StatusPanel::~StatusPanel() = default;

QString StatusPanel::userText() const
{
    return m_user->text();
}

QString StatusPanel::connectionText() const
{
    return m_connection->text();
}

QString StatusPanel::queueText() const
{
    return m_queue->text();
}

void StatusPanel::refresh()
{
    if (!m_session.isSignedIn()) {
        m_user->setText(tr("Not signed in"));
        m_connection->clear();
        m_connection->hide();
    } else {
        const QString who = m_session.user().name.isEmpty() ? tr("Signed in") : m_session.user().name;
        m_user->setText(tr("%1 · profile %2").arg(who, m_session.profile().name));
        m_user->setToolTip(m_session.user().email);
        m_connection->show();
        m_connection->setText(m_session.isOnline() ? tr("● Online") : tr("○ Offline"));
        m_connection->setStyleSheet(m_session.isOnline() ? QStringLiteral("color: #2e7d32;")
                                                         : QStringLiteral("color: #b26a00;"));
    }
    if (!m_scheduler) {
        m_queue->hide();
        return;
    }
    const int queued = m_scheduler->queuedCount();
    const int running = m_scheduler->runningCount();
    const qint64 exportWait = (m_scheduler->nextSlotIn(RateRoute::Export).count() + 999) / 1000;
    QStringList parts;
    if (running + queued > 0)
        parts << tr("%n request(s) in progress", nullptr, running + queued);
    if (exportWait > 0)
        parts << tr("next export in %1 s").arg(exportWait);
    m_queue->setText(parts.join(QStringLiteral(" · ")));
    m_queue->setVisible(!parts.isEmpty());
    // Tick only while something is counting down.
    if (exportWait > 0 || queued > 0) {
        if (!m_timer->isActive())
            m_timer->start();
    } else {
        m_timer->stop();
    }
}

} // namespace Cloudcraft::Ui
