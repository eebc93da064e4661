#include "api/retryafter.h"

#include <QLocale>
#include <QTimeZone>

namespace Cloudcraft::Core {

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = true;
    for (const char c : text)
        isNumber = isNumber && c >= '0' && c <= '9';
    if (isNumber) {
        bool ok = false;
        const qint64 seconds = text.size() <= 9 ? text.toLongLong(&ok) : 0;
        if (!ok)
            return std::nullopt; // absurdly long numbers are not a delay we would honour
        return std::chrono::milliseconds(seconds * 1000);
    }
    // The weekday is redundant and Qt rejects a date whose weekday does not match (as with RFC 850's two-digit
    // years before the century fix below), so it is dropped before parsing.
    QString date = QString::fromLatin1(text).simplified();
    const qsizetype firstSpace = date.indexOf(u' ');
    if (firstSpace < 0)
        return std::nullopt;
    date = date.mid(firstSpace + 1);
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const QString &format : {QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"), // IMF-fixdate
                                  QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"),   // RFC 850
                                  QStringLiteral("MMM d HH:mm:ss yyyy")}) {     // asctime
        when = c.toDateTime(date, format);
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    if (when.date().year() < 1970)
        when = when.addYears(100); // RFC 850 two-digit years
    const qint64 delta = now.toUTC().msecsTo(when);
    return std::chrono::milliseconds(std::max<qint64>(0, delta));
}

} // namespace Cloudcraft::Core
