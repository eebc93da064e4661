#pragma once

#include "api/apicall.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Cloudcraft::Ui {

class SessionController;

/// Offline mode. The session goes offline when a request fails for want of a network (connection refused, host not
/// found, timeout: see isNetworkFailure()); from then on this monitor probes the server with the cheapest call
/// (GET /user/me) after 2 s, 4 s, 8 s... up to 30 s between tries, and sooner when the system says the network is
/// back (QNetworkInformation, when a backend is available) or the user asks (probeNow()). The first answer of any
/// kind from the server brings the session back online, and reconnected() tells the controllers to refresh.
class ConnectivityMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectivityMonitor)

public:
    explicit ConnectivityMonitor(SessionController &session, QObject *parent = nullptr);
    ~ConnectivityMonitor() override;

    /// Signed in, and the last request found no network.
    bool isOffline() const { return m_offline; }
    bool isProbing() const { return m_probe != nullptr; }
    /// When the next automatic probe starts (expired while probing or online).
    QDeadlineTimer nextProbe() const { return m_nextProbe; }
    /// The first and the longest wait between probes (2 s and 30 s by default).
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds longest);

    /// A failure that means "no network" rather than "the server said no": offline mode starts on these.
    static bool isNetworkFailure(const Core::ApiError &error);

public Q_SLOTS:
    /// Probes at once and starts the backoff over.
    void probeNow();

Q_SIGNALS:
    void offlineChanged(bool offline);
    /// A probe starts or ends; nextProbe() changed.
    void probeStateChanged();
    /// Back online after being offline: refresh what was shown from the cache.
    void reconnected();

private:
    void onOnlineChanged(bool online);
    void enterOffline();
    void leaveOffline();
    void scheduleProbe();
    void probe();
    void onProbeFinished(Core::ApiCall *call);
    void watchSystemNetwork();

    SessionController &m_session;
    QTimer m_timer;
    QDeadlineTimer m_nextProbe;
    QPointer<Core::ApiCall> m_probe;
    std::chrono::milliseconds m_first{2000};
    std::chrono::milliseconds m_longest{30000};
    std::chrono::milliseconds m_delay{2000};
    bool m_offline = false;
};

} // namespace Cloudcraft::Ui
