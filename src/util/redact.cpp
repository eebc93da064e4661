#include "util/redact.h"

#include <QUrl>

namespace Cloudcraft::Core {

namespace {
constexpr qsizetype kShownTail = 4;
constexpr qsizetype kMinLengthToShowTail = 9;
const QChar kEllipsis(0x2026);
} // namespace

QString maskSecret(QStringView secret)
{
    if (secret.size() < kMinLengthToShowTail)
        return QString(kEllipsis);
    return kEllipsis + secret.right(kShownTail).toString();
}

QString scrubSecret(QString text, QStringView secret)
{
    if (secret.isEmpty())
        return text;
    const QString mask = maskSecret(secret);
    text.replace(secret.toString(), mask);
    // A key in a URL or a logged header is percent-encoded ('+' '/' '=' of base64 keys).
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret.toString()));
    if (encoded != secret)
        text.replace(encoded, mask, Qt::CaseInsensitive);
    return text;
}

QByteArray scrubSecret(QByteArray text, QStringView secret)
{
    if (secret.isEmpty())
        return text;
    const QByteArray mask = maskSecret(secret).toUtf8();
    const QByteArray plain = secret.toUtf8();
    text.replace(plain, mask);
    const QByteArray encoded = QUrl::toPercentEncoding(secret.toString());
    if (encoded != plain)
        text.replace(encoded, mask);
    return text;
}

QString sanitizeServerText(QStringView text, qsizetype maxLength)
{
    QString out;
    out.reserve(qMin(text.size(), maxLength + 1));
    bool lastWasSpace = true; // also trims leading whitespace
    for (const QChar c : text) {
        const bool space = c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        if (space) {
            if (!lastWasSpace)
                out.append(u' ');
            lastWasSpace = true;
        } else {
            out.append(c);
            lastWasSpace = false;
        }
        if (out.size() > maxLength)
            break;
    }
    while (out.endsWith(u' '))
        out.chop(1);
    if (out.size() > maxLength) {
        out.truncate(maxLength);
        out.append(kEllipsis);
    }
    return out;
}

} // namespace Cloudcraft::Core
