#pragma once

#include "api/apitypes.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <random>

namespace Cloudcraft::Core {

/// Rate budget kinds. Exports (GET /blueprint/{id}/{format}) have their own, stricter budget and also count
/// against the general one.
enum class RateRoute { General, Export };

/// At most `requests` requests in any rolling `window`.
struct RateBudget {
    int requests = 20;
    std::chrono::milliseconds window = std::chrono::seconds(60);
};

/// Client-side traffic control shared by all calls of an application: rolling-window rate budgets per route (so a
/// batch never triggers a 429), a priority queue (Interactive before Normal before Batch, FIFO within a priority),
/// a global pause after a 429, and the jittered backoff used for retries.
///
/// A slot is counted from the moment a request is started until its answer arrives (markDone()), and the window
/// runs from the answer: the server's receipt time always lies in between, so the server never sees more than the
/// budget in any window, however long the TLS handshake or the request took.
class RequestScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestScheduler)

public:
    using Ticket = quint64;
    using Clock = std::function<std::chrono::milliseconds()>; ///< monotonic time

    explicit RequestScheduler(QObject *parent = nullptr);
    ~RequestScheduler() override;

    /// Defaults: general 20 per 60 s, exports 5 per 60 s (the stricter variant of cloudcraft-api.md §1.5).
    void setBudget(RateRoute route, RateBudget budget);
    RateBudget budget(RateRoute route) const;
    /// Replaces the monotonic clock (tests). Timers still run on the event loop.
    void setClock(Clock clock);
    std::chrono::milliseconds now() const;

    /// Queues `start` to run once `route` (and, for exports, the general budget) has a free slot and no pause is
    /// active. `start` runs from the event loop, never inside submit(). The slot stays taken until markDone(ticket).
    Ticket submit(RateRoute route, Priority priority, std::function<void()> start);
    /// Removes a queued request; returns false when it already started (or is unknown).
    bool cancel(Ticket ticket);
    /// The request of `ticket` got its answer (or failed): its slot now ages out of the window from this moment.
    void markDone(Ticket ticket);

    /// Nothing leaves the queue for `duration` (a 429 with Retry-After applies to the whole key).
    void pauseFor(std::chrono::milliseconds duration);
    /// How long until a new request on `route` could start, ignoring the queue ahead of it (0 = now).
    std::chrono::milliseconds nextSlotIn(RateRoute route) const;
    int queuedCount() const;
    int runningCount() const;

    /// Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^retryIndex)], retryIndex from 0.
    std::chrono::milliseconds backoffDelay(int retryIndex, std::chrono::milliseconds base,
                                           std::chrono::milliseconds cap);
    /// Makes backoff reproducible (tests). The default seed comes from the system's random source.
    void setRandomSeed(quint64 seed);

Q_SIGNALS:
    /// The queue or the budgets changed; UIs refresh "next export in N s" from nextSlotIn().
    void queueChanged();

private:
    struct Pending {
        Ticket ticket;
        RateRoute route;
        Priority priority;
        quint64 sequence;
        std::function<void()> start;
    };
    struct Slot {
        Ticket ticket;
        bool done;
        std::chrono::milliseconds time; ///< answer time once done
    };
    struct Window {
        RateBudget budget;
        std::deque<Slot> slots;
    };

    Window &window(RateRoute route);
    const Window &window(RateRoute route) const;
    std::chrono::milliseconds waitFor(const Window &window, std::chrono::milliseconds now) const;
    std::chrono::milliseconds waitForRoute(RateRoute route, std::chrono::milliseconds now) const;
    void prune(std::chrono::milliseconds now);
    void scheduleDispatch();
    void dispatch();

    Window m_general;
    Window m_export;
    QList<Pending> m_queue;
    Clock m_clock;
    std::chrono::milliseconds m_pausedUntil{0};
    Ticket m_nextTicket = 1;
    quint64 m_nextSequence = 0;
    QTimer m_timer;
    bool m_dispatchQueued = false;
    std::mt19937_64 m_random;
};

} // namespace Cloudcraft::Core
