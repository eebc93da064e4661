#include "httpconnection.h"

#include <QDateTime>
#include <QTimer>
#include <QUrl>

namespace Cloudcraft::Emulator {

namespace {
constexpr int kDripIntervalMs = 500;
constexpr qint64 kWriteSlice = 64 * 1024;
constexpr qint64 kMaxQueuedBytes = 256 * 1024;

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, QString listener, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_listener(std::move(listener))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closed;
        if (m_dripTimer)
            m_dripTimer->stop();
        deleteLater();
    });
    // Queued: bytesWritten is emitted from inside the TLS backend's transmit loop, and writing from there again
    // re-enters it; when the peer has gone meanwhile, the nested call frees the SSL object under the outer one.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Writing && m_response.useGenerated)
            pumpGenerated();
    }, Qt::QueuedConnection);
    connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // The peer went away (or TLS failed): stop producing output; disconnected() cleans up.
        if (m_state != State::Closed && m_socket && m_socket->state() != QAbstractSocket::ConnectedState) {
            m_state = State::Closed;
            if (m_dripTimer)
                m_dripTimer->stop();
        }
    });
    // Data may already be buffered by the time the server hands the socket over.
    QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_buffer.append(m_socket->readAll());
    // A silent fault keeps reading (and discarding) so the client sees its request accepted.
    if (m_state == State::Silent) {
        m_buffer.clear();
        return;
    }
    bool progress = true;
    while (progress) {
        switch (m_state) {
        case State::ReadingHead: progress = parseHead(); break;
        case State::ReadingBody: progress = readBody(); break;
        case State::ReadingChunks: progress = readChunks(); break;
        default: progress = false; break;
        }
    }
}

bool HttpConnection::parseHead()
{
    // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kMaxHeaderBytes)
            failRequest(431, QStringLiteral("Request header too large"));
        return false;
    }
    if (end > kMaxHeaderBytes) {
        failRequest(431, QStringLiteral("Request header too large"));
        return false;
    }
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);

    m_request = HttpRequest{};
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        failRequest(400, QStringLiteral("Malformed request line"));
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    const qsizetype question = m_request.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.rawQuery = question < 0 ? QByteArray() : m_request.target.mid(question + 1);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failRequest(400, QStringLiteral("Malformed header line"));
            return false;
        }
        m_request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }

    if (m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");

    if (m_request.header("transfer-encoding").toLower().contains("chunked")) {
        m_state = State::ReadingChunks;
        return true;
    }
    const QByteArray lengthText = m_request.header("content-length");
    bool ok = true;
    m_bodyRemaining = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || m_bodyRemaining < 0) {
        failRequest(400, QStringLiteral("Invalid Content-Length"));
        return false;
    }
    if (m_bodyRemaining > kMaxBodyBytes) {
        failRequest(413, QStringLiteral("Request body too large"));
        return false;
    }
    m_state = State::ReadingBody;
    return true;
}

bool HttpConnection::readBody()
{
    const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
    m_request.body.append(m_buffer.left(take));
    m_buffer.remove(0, take);
    m_bodyRemaining -= take;
    if (m_bodyRemaining > 0)
        return false;
    finishRequest();
    return false;
}

bool HttpConnection::readChunks()
{
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = m_buffer.left(lineEnd);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            failRequest(400, QStringLiteral("Malformed chunk size"));
            return false;
        }
        if (size == 0) {
            // Last chunk: skip optional trailers up to the empty line.
            const qsizetype trailerEnd = m_buffer.indexOf("\r\n\r\n", lineEnd);
            if (trailerEnd < 0)
                return false;
            m_buffer.remove(0, trailerEnd + 4);
            finishRequest();
            return false;
        }
        if (m_request.body.size() + size > kMaxBodyBytes) {
            failRequest(413, QStringLiteral("Request body too large"));
            return false;
        }
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return false;
        m_request.body.append(m_buffer.mid(lineEnd + 2, size));
        m_buffer.remove(0, lineEnd + 2 + size + 2);
    }
}

void HttpConnection::finishRequest()
{
    m_state = State::Handling;
    m_request.receivedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT requestReady(this, m_request);
}

void HttpConnection::failRequest(int status, const QString &message)
{
    m_state = State::Handling;
    HttpResponse response = HttpResponse::error(status, message);
    response.closeAfter = true;
    respond(std::move(response));
}

void HttpConnection::respond(HttpResponse response)
{
    if (m_state != State::Handling)
        return;
    m_response = std::move(response);
    if (m_request.wantsClose())
        m_response.closeAfter = true;
    if (m_response.delivery == Delivery::Silent) {
        m_state = State::Silent;
        m_buffer.clear();
        return;
    }
    m_state = State::Writing;
    if (m_response.delayMs > 0)
        QTimer::singleShot(m_response.delayMs, this, &HttpConnection::startResponse);
    else
        startResponse();
}

void HttpConnection::writeHead(bool withContentLength, qint64 contentLength, bool chunked)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + reasonPhrase(m_response.status)
                      + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    for (const auto &[name, value] : std::as_const(m_response.headers))
        head += name + ": " + value + "\r\n";
    if (withContentLength)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    head += m_response.closeAfter ? QByteArrayLiteral("Connection: close\r\n") : QByteArrayLiteral("Connection: keep-alive\r\n");
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::startResponse()
{
    if (!canWrite() || m_state != State::Writing)
        return;
    const bool noBody = m_response.status == 204 || m_response.status == 304 || m_request.method == "HEAD";
    const qint64 bodySize = m_response.useGenerated ? m_response.generated.size() : m_response.body.size();

    switch (m_response.delivery) {
    case Delivery::Normal:
        writeHead(m_response.status != 204, noBody ? 0 : bodySize, false);
        if (noBody) {
            finishResponse();
        } else if (m_response.useGenerated) {
            m_generatedOffset = 0;
            m_generatedChunked = false;
            pumpGenerated();
        } else {
            m_socket->write(m_response.body);
            finishResponse();
        }
        return;
    case Delivery::Chunked:
        writeHead(false, 0, true);
        m_generatedOffset = 0;
        m_generatedChunked = true;
        if (m_response.useGenerated) {
            pumpGenerated();
        } else {
            if (!m_response.body.isEmpty())
                m_socket->write(QByteArray::number(m_response.body.size(), 16) + "\r\n" + m_response.body + "\r\n");
            m_socket->write("0\r\n\r\n");
            finishResponse();
        }
        return;
    case Delivery::Truncate:
        writeHead(true, bodySize, false);
        m_socket->write(m_response.body.left(qMax<qsizetype>(1, m_response.body.size() / 2)));
        m_response.closeAfter = true;
        finishResponse();
        return;
    case Delivery::Drip:
        writeHead(true, bodySize, false);
        m_pending = m_response.body;
        if (!m_dripTimer) {
            m_dripTimer = new QTimer(this);
            m_dripTimer->setInterval(kDripIntervalMs);
            connect(m_dripTimer, &QTimer::timeout, this, &HttpConnection::dripNext);
        }
        m_socket->flush();
        m_dripTimer->start();
        return;
    case Delivery::Silent:
        return;
    }
}

bool HttpConnection::canWrite() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::pumpGenerated()
{
    if (!canWrite() || m_state != State::Writing)
        return;
    const GeneratedBody &body = m_response.generated;
    const qint64 total = body.size();
    while (canWrite() && m_generatedOffset < total && m_socket->bytesToWrite() < kMaxQueuedBytes) {
        QByteArray slice;
        qint64 offset = m_generatedOffset;
        const qint64 prefixEnd = body.prefix.size();
        const qint64 fillEnd = prefixEnd + body.fillSize;
        while (slice.size() < kWriteSlice && offset < total) {
            if (offset < prefixEnd) {
                slice += body.prefix.mid(offset);
                offset = prefixEnd;
            } else if (offset < fillEnd) {
                const qint64 n = qMin<qint64>(kWriteSlice - slice.size(), fillEnd - offset);
                slice += QByteArray(n, body.fill);
                offset += n;
            } else {
                slice += body.suffix.mid(offset - fillEnd);
                offset = total;
            }
        }
        m_generatedOffset = offset;
        if (m_generatedChunked)
            m_socket->write(QByteArray::number(slice.size(), 16) + "\r\n" + slice + "\r\n");
        else
            m_socket->write(slice);
    }
    if (canWrite() && m_generatedOffset >= total) {
        if (m_generatedChunked)
            m_socket->write("0\r\n\r\n");
        finishResponse();
    }
}

void HttpConnection::dripNext()
{
    if (!canWrite() || m_state != State::Writing) {
        m_dripTimer->stop();
        return;
    }
    if (m_pending.isEmpty()) {
        m_dripTimer->stop();
        finishResponse();
        return;
    }
    m_socket->write(m_pending.left(1));
    m_socket->flush();
    m_pending.remove(0, 1);
}

void HttpConnection::finishResponse()
{
    if (!canWrite())
        return;
    m_socket->flush();
    if (m_response.closeAfter) {
        closeConnection();
        return;
    }
    m_state = State::ReadingHead;
    m_response = HttpResponse{};
    // A pipelined request may already wait in the buffer.
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

void HttpConnection::closeConnection()
{
    m_state = State::Closed;
    if (m_socket)
        m_socket->disconnectFromHost();
}

} // namespace Cloudcraft::Emulator
