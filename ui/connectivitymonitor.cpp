#include "connectivitymonitor.h"

#include "sessioncontroller.h"

#include "api/apiclient.h"

#include <QNetworkInformation>

#include <algorithm>

namespace Cloudcraft::Ui {

using namespace Core;

ConnectivityMonitor::ConnectivityMonitor(SessionController &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectivityMonitor::probe);
    connect(&m_session, &SessionController::onlineChanged, this, &ConnectivityMonitor::onOnlineChanged);
    connect(&m_session, &SessionController::signedIn, this, [this] {
        if (!m_session.isOnline())
            enterOffline();
    });
    connect(&m_session, &SessionController::signedOut, this, &ConnectivityMonitor::leaveOffline);
    watchSystemNetwork();
}

ConnectivityMonitor::~ConnectivityMonitor()
{
    if (m_probe)
        m_probe->cancel();
}

bool ConnectivityMonitor::isNetworkFailure(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout;
}

void ConnectivityMonitor::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds longest)
{
    m_first = std::max(first, std::chrono::milliseconds(1));
    m_longest = std::max(longest, m_first);
    m_delay = m_first;
}

void ConnectivityMonitor::watchSystemNetwork()
{
    // Only a hint to probe sooner: the system's idea of "online" is never trusted to declare us offline (a VPN, a
    // proxy or the emulator on loopback work without it).
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    connect(info, &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
        if (m_offline && r == QNetworkInformation::Reachability::Online)
            probeNow();
    });
}

void ConnectivityMonitor::onOnlineChanged(bool online)
{
    if (online)
        leaveOffline();
    else if (m_session.isSignedIn()) // signing out also reports "not reachable"
        enterOffline();
}

void ConnectivityMonitor::enterOffline()
{
    if (m_offline)
        return;
    m_offline = true;
    m_delay = m_first;
    scheduleProbe();
    Q_EMIT offlineChanged(true);
}

void ConnectivityMonitor::leaveOffline()
{
    m_timer.stop();
    m_nextProbe = QDeadlineTimer();
    if (!m_offline)
        return;
    m_offline = false;
    Q_EMIT offlineChanged(false);
    if (m_session.isSignedIn())
        Q_EMIT reconnected();
}

void ConnectivityMonitor::scheduleProbe()
{
    m_timer.start(m_delay);
    m_nextProbe = QDeadlineTimer(m_delay);
    Q_EMIT probeStateChanged();
}

void ConnectivityMonitor::probeNow()
{
    if (!m_offline)
        return;
    m_timer.stop();
    m_delay = m_first;
    probe();
}

void ConnectivityMonitor::probe()
{
    ApiClient *client = m_session.client();
    if (!m_offline || m_probe || !client)
        return;
    m_nextProbe = QDeadlineTimer();
    ApiCall *call = client->me(Priority::Interactive);
    m_probe = call;
    connect(call, &ApiCall::finished, this, [this, call] { onProbeFinished(call); });
    Q_EMIT probeStateChanged();
}

void ConnectivityMonitor::onProbeFinished(ApiCall *call)
{
    call->deleteLater();
    if (call != m_probe)
        return;
    m_probe = nullptr;
    if (!m_offline)
        return;
    const ApiError &error = call->error();
    if (error.kind() == ApiError::Kind::Cancelled || isNetworkFailure(error)) {
        m_delay = std::min(m_delay * 2, m_longest);
        scheduleProbe();
        return;
    }
    // Any answer at all (even "wrong key") means the server is reachable again; the controllers' refresh will
    // report what is wrong, if anything.
    m_session.reportReachable(true);
}

} // namespace Cloudcraft::Ui
