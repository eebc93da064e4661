#include "ratelimiter.h"

namespace Cloudcraft::Emulator {

std::optional<RateWindow> RateWindow::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return std::nullopt;
    bool limitOk = false;
    bool secondsOk = false;
    const int limit = parts.at(0).trimmed().toInt(&limitOk);
    const int seconds = parts.at(1).trimmed().toInt(&secondsOk);
    if (!limitOk || !secondsOk || limit <= 0 || seconds <= 0)
        return std::nullopt;
    return RateWindow{limit, seconds};
}

RateLimiter::RateLimiter()
{
    m_clock.start();
}

void RateLimiter::expire(QList<qint64> &times, qint64 now, const RateWindow &window)
{
    const qint64 span = qint64(window.seconds) * 1000;
    while (!times.isEmpty() && now - times.first() >= span)
        times.removeFirst();
}

int RateLimiter::secondsUntilFree(const QList<qint64> &times, qint64 now, const RateWindow &window)
{
    // The oldest request in the window leaves it first; round up so a client waiting that long always fits.
    const qint64 remainingMs = qint64(window.seconds) * 1000 - (now - times.first());
    return qMax<int>(1, int((remainingMs + 999) / 1000));
}

std::optional<int> RateLimiter::admit(const QString &keyId, bool isExport)
{
    if (!m_enabled)
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    History &history = m_history[keyId];
    expire(history.general, now, m_general);
    expire(history.exports, now, m_export);

    int wait = 0;
    if (history.general.size() >= m_general.limit)
        wait = secondsUntilFree(history.general, now, m_general);
    if (isExport && history.exports.size() >= m_export.limit)
        wait = qMax(wait, secondsUntilFree(history.exports, now, m_export));
    if (wait > 0)
        return wait;

    history.general.append(now);
    if (isExport)
        history.exports.append(now);
    return std::nullopt;
}

} // namespace Cloudcraft::Emulator
