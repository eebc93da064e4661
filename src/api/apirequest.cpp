#include "api/apirequest.h"

#include <QUrl>

namespace Cloudcraft::Core {

QString httpMethodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return QStringLiteral("GET");
    case HttpMethod::Post: return QStringLiteral("POST");
    case HttpMethod::Put: return QStringLiteral("PUT");
    case HttpMethod::Delete: return QStringLiteral("DELETE");
    }
    return {};
}

QString ApiRequest::encodedPath() const
{
    QString path;
    for (const QString &segment : pathSegments)
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return path;
}

QString ApiRequest::encodedQuery() const
{
    QString encoded;
    for (const auto &[key, value] : query) {
        if (!encoded.isEmpty())
            encoded += u'&';
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key)) + u'='
                   + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return encoded;
}

} // namespace Cloudcraft::Core
