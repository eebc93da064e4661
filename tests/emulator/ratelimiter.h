#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Cloudcraft::Emulator {

/// "N requests per S seconds" over a rolling window.
struct RateWindow
{
    int limit = 20;
    int seconds = 60;
    /// Parses "N/SECONDS" (e.g. "20/60"); nullopt when malformed.
    static std::optional<RateWindow> parse(const QString &text);
};

/// Per-key rolling-window limits: a general budget for every API call and a stricter one for image exports.
/// A throttled request is not counted (the real server does not process it either).
class RateLimiter final
{
public:
    RateLimiter();

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setGeneral(RateWindow window) { m_general = window; }
    void setExport(RateWindow window) { m_export = window; }
    RateWindow general() const { return m_general; }
    RateWindow exportWindow() const { return m_export; }
    void clear() { m_history.clear(); }

    /// Counts the request if it fits; otherwise returns the whole seconds until a slot frees (>= 1).
    std::optional<int> admit(const QString &keyId, bool isExport);

private:
    struct History
    {
        QList<qint64> general;
        QList<qint64> exports;
    };

    static void expire(QList<qint64> &times, qint64 now, const RateWindow &window);
    static int secondsUntilFree(const QList<qint64> &times, qint64 now, const RateWindow &window);

    bool m_enabled = true;
    RateWindow m_general{20, 60};
    RateWindow m_export{5, 60};
    QHash<QString, History> m_history;
    QElapsedTimer m_clock;
};

} // namespace Cloudcraft::Emulator
