#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Emulator {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One parsed HTTP/1.1 request. Header names are stored in lower case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;   // raw request target as sent (path + query)
    QString path;        // percent-decoded path
    QByteArray rawQuery; // query string without the '?'
    HeaderList headers;
    QByteArray body;
    QDateTime receivedAt; // when the request was complete (UTC)

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// Header names only (lower case, in arrival order, no duplicates): the log never sees values.
    QStringList headerNames() const;
    QString queryItem(const QString &name) const;
    bool hasQueryItem(const QString &name) const;
    bool wantsClose() const;
};

/// How the connection puts a response on the wire; everything but Normal is a fault.
enum class Delivery {
    Normal,   // head + body with Content-Length
    Silent,   // never answer; the connection stays open
    Drip,     // head, then one body byte every 500 ms
    Truncate, // head with the full Content-Length, half the body, then close
    Chunked,  // head without Content-Length, body in chunked encoding
};

/// A generated body (too large to keep in memory): prefix, fillSize copies of fill, suffix.
struct GeneratedBody
{
    QByteArray prefix;
    char fill = 'x';
    qint64 fillSize = 0;
    QByteArray suffix;
    qint64 size() const { return prefix.size() + fillSize + suffix.size(); }
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    GeneratedBody generated; // used instead of body when useGenerated is true
    bool useGenerated = false;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0;
    bool closeAfter = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QJsonValue &value);
    static HttpResponse error(int status, const QString &message);
    static HttpResponse noContent();
    static HttpResponse bytes(int status, const QByteArray &contentType, const QByteArray &body);
};

QByteArray reasonPhrase(int status);

} // namespace Cloudcraft::Emulator
