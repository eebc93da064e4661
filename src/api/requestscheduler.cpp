#include "api/requestscheduler.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>

namespace Cloudcraft::Core {

using std::chrono::milliseconds;

namespace {
// A timer armed for "0 ms" after the earliest slot frees keeps the queue moving without busy loops.
constexpr milliseconds kTimerSlack{5};
} // namespace

RequestScheduler::RequestScheduler(QObject *parent)
    : QObject(parent)
    , m_general{RateBudget{20, std::chrono::seconds(60)}, {}}
    , m_export{RateBudget{5, std::chrono::seconds(60)}, {}}
    , m_random(QRandomGenerator::system()->generate64())
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return milliseconds(elapsed->elapsed()); };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RequestScheduler::dispatch);
}

RequestScheduler::~RequestScheduler() = default;

void RequestScheduler::setBudget(RateRoute route, RateBudget budget)
{
    budget.requests = std::max(1, budget.requests);
    window(route).budget = budget;
    scheduleDispatch();
}

RateBudget RequestScheduler::budget(RateRoute route) const
{
    return window(route).budget;
}

void RequestScheduler::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

milliseconds RequestScheduler::now() const
{
    return m_clock();
}

RequestScheduler::Ticket RequestScheduler::submit(RateRoute route, Priority priority, std::function<void()> start)
{
    const Ticket ticket = m_nextTicket++;
    m_queue.append(Pending{ticket, route, priority, m_nextSequence++, std::move(start)});
    scheduleDispatch();
    Q_EMIT queueChanged();
    return ticket;
}

bool RequestScheduler::cancel(Ticket ticket)
{
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [ticket](const Pending &p) { return p.ticket == ticket; });
    if (it == m_queue.end())
        return false;
    m_queue.erase(it);
    Q_EMIT queueChanged();
    return true;
}

void RequestScheduler::markDone(Ticket ticket)
{
    const milliseconds t = now();
    bool changed = false;
    for (Window *w : {&m_general, &m_export}) {
        for (Slot &slot : w->slots) {
            if (slot.ticket == ticket && !slot.done) {
                slot.done = true;
                slot.time = t;
                changed = true;
            }
        }
        // Keep the deque ordered by time so the oldest slot is always in front.
        std::stable_sort(w->slots.begin(), w->slots.end(), [](const Slot &a, const Slot &b) {
            if (a.done != b.done)
                return a.done; // running slots (time unknown) sort last
            return a.time < b.time;
        });
    }
    if (changed) {
        scheduleDispatch();
        Q_EMIT queueChanged();
    }
}

void RequestScheduler::pauseFor(milliseconds duration)
{
    m_pausedUntil = std::max(m_pausedUntil, now() + duration);
    scheduleDispatch();
    Q_EMIT queueChanged();
}

milliseconds RequestScheduler::nextSlotIn(RateRoute route) const
{
    return waitForRoute(route, now());
}

int RequestScheduler::queuedCount() const
{
    return int(m_queue.size());
}

int RequestScheduler::runningCount() const
{
    return int(std::count_if(m_general.slots.begin(), m_general.slots.end(), [](const Slot &s) { return !s.done; }));
}

milliseconds RequestScheduler::backoffDelay(int retryIndex, milliseconds base, milliseconds cap)
{
    const int shift = std::clamp(retryIndex, 0, 30);
    const qint64 ceiling = std::min<qint64>(cap.count(), base.count() * (qint64(1) << shift));
    if (ceiling <= 0)
        return milliseconds(0);
    std::uniform_int_distribution<qint64> distribution(0, ceiling);
    return milliseconds(distribution(m_random));
}

void RequestScheduler::setRandomSeed(quint64 seed)
{
    m_random.seed(seed);
}

RequestScheduler::Window &RequestScheduler::window(RateRoute route)
{
    return route == RateRoute::Export ? m_export : m_general;
}

const RequestScheduler::Window &RequestScheduler::window(RateRoute route) const
{
    return route == RateRoute::Export ? m_export : m_general;
}

milliseconds RequestScheduler::waitFor(const Window &w, milliseconds t) const
{
    // Slots that finished longer than a window ago no longer count; running ones always do.
    int used = 0;
    for (const Slot &slot : w.slots) {
        if (!slot.done || slot.time + w.budget.window > t)
            ++used;
    }
    if (used < w.budget.requests)
        return milliseconds(0);
    // Full: the earliest finished slot in the window frees the next place. If all are still running, wait for one
    // to finish (markDone() dispatches again); report a window as the estimate.
    const int excess = used - w.budget.requests; // how many must age out beyond the first
    int seen = 0;
    for (const Slot &slot : w.slots) {
        if (slot.done && slot.time + w.budget.window > t) {
            if (seen == excess)
                return slot.time + w.budget.window - t;
            ++seen;
        }
    }
    return w.budget.window;
}

milliseconds RequestScheduler::waitForRoute(RateRoute route, milliseconds t) const
{
    milliseconds wait = std::max(milliseconds(0), m_pausedUntil - t);
    wait = std::max(wait, waitFor(m_general, t));
    if (route == RateRoute::Export)
        wait = std::max(wait, waitFor(m_export, t));
    return wait;
}

void RequestScheduler::prune(milliseconds t)
{
    for (Window *w : {&m_general, &m_export}) {
        while (!w->slots.empty() && w->slots.front().done && w->slots.front().time + w->budget.window <= t)
            w->slots.pop_front();
    }
}

void RequestScheduler::scheduleDispatch()
{
    // Always from the event loop: a start callback must never run inside submit() or markDone().
    if (m_dispatchQueued)
        return;
    m_dispatchQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_dispatchQueued = false;
        dispatch();
    }, Qt::QueuedConnection);
}

void RequestScheduler::dispatch()
{
    bool started = false;
    for (;;) {
        const milliseconds t = now();
        prune(t);
        // Best waiting request whose budget allows it now: lowest priority value, then FIFO. A full export budget
        // does not hold back general requests queued behind an export.
        qsizetype best = -1;
        milliseconds soonest = milliseconds::max();
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            const Pending &p = m_queue.at(i);
            const milliseconds wait = waitForRoute(p.route, t);
            if (wait.count() > 0) {
                soonest = std::min(soonest, wait);
                continue;
            }
            if (best < 0 || p.priority < m_queue.at(best).priority
                || (p.priority == m_queue.at(best).priority && p.sequence < m_queue.at(best).sequence))
                best = i;
        }
        if (best < 0) {
            if (soonest != milliseconds::max())
                m_timer.start(int(std::min<qint64>(soonest.count() + kTimerSlack.count(), 24 * 3600 * 1000)));
            break;
        }
        Pending pending = m_queue.takeAt(best);
        m_general.slots.push_back(Slot{pending.ticket, false, t});
        if (pending.route == RateRoute::Export)
            m_export.slots.push_back(Slot{pending.ticket, false, t});
        started = true;
        pending.start();
    }
    if (started)
        Q_EMIT queueChanged();
}

} // namespace Cloudcraft::Core
