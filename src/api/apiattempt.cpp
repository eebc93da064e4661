#include "api/apiattempt.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>

namespace Cloudcraft::Core {

using Kind = ApiError::Kind;

namespace {

// The reply's own buffer: beyond this Qt stops reading the socket until we drain it, so memory stays bounded.
constexpr qint64 kReadBufferSize = 4 * 1024 * 1024;

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', bytes % (1024 * 1024) ? 1 : 0);
    if (bytes >= 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString secondsText(std::chrono::milliseconds duration)
{
    const double secs = double(duration.count()) / 1000.0;
    return QStringLiteral("%1 s").arg(secs, 0, 'g', 3);
}

} // namespace

QNetworkRequest makeNetworkRequest(const QUrl &url, const ApiRequest &request, const QString &key,
                                   const QByteArray &userAgent, const QSslConfiguration &ssl,
                                   std::chrono::milliseconds inactivity)
{
    QNetworkRequest networkRequest(url);
    // Qt's default policy re-sends every header, Authorization included, to whatever origin a 3xx names.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/2 in Debian's Qt 6.4.2 lacks the HPACK fixes (CVE-2023-51714); the API gains nothing from it.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setTransferTimeout(int(inactivity.count()));
    networkRequest.setSslConfiguration(ssl);
    networkRequest.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + key.toUtf8());
    networkRequest.setRawHeader(QByteArrayLiteral("User-Agent"), userAgent);
    networkRequest.setRawHeader(QByteArrayLiteral("Accept"), request.responseKind == ResponseKind::Json
                                                                 ? QByteArrayLiteral("application/json")
                                                                 : QByteArrayLiteral("*/*"));
    if (!request.body.isEmpty() || request.method == HttpMethod::Post || request.method == HttpMethod::Put)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!request.ifMatch.isEmpty())
        networkRequest.setRawHeader(QByteArrayLiteral("If-Match"), request.ifMatch.toLatin1());
    return networkRequest;
}

ApiAttempt::ApiAttempt(QNetworkAccessManager *network, const QNetworkRequest &request, HttpMethod method,
                       QByteArray body, qint64 maxBytes, std::chrono::milliseconds deadline, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(request)
    , m_method(method)
    , m_requestBody(std::move(body))
    , m_maxBytes(maxBytes)
    , m_deadline(deadline)
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        abort(ApiError(Kind::Timeout, 0, {},
                       QStringLiteral("the server did not finish answering within %1").arg(secondsText(m_deadline))));
    });
}

ApiAttempt::~ApiAttempt()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiAttempt::start()
{
    const QByteArray verb = httpMethodName(m_method).toLatin1();
    if (m_method == HttpMethod::Get)
        m_reply = m_network->get(m_request);
    else
        m_reply = m_network->sendCustomRequest(m_request, verb, m_requestBody);
    m_reply->setReadBufferSize(kReadBufferSize);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiAttempt::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiAttempt::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiAttempt::progress);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors; // recorded for the message; never ignored
    });
    connect(m_reply, &QNetworkReply::finished, this, &ApiAttempt::onFinished);
    if (m_deadline.count() > 0)
        m_deadlineTimer.start(int(m_deadline.count()));
}

void ApiAttempt::abort(const ApiError &reason)
{
    if (m_done || !m_reply)
        return;
    if (!m_abortReason.isError())
        m_abortReason = reason;
    m_reply->abort(); // emits finished → onFinished
}

QString ApiAttempt::tooLargeDetail() const
{
    return QStringLiteral("it is over the %1 limit for this kind of response").arg(sizeText(m_maxBytes));
}

void ApiAttempt::onMetaData()
{
    if (!m_reply)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    bool ok = false;
    const qint64 announced = length.toLongLong(&ok);
    // Decide before the body is read: a Content-Length over the cap is refused at once.
    if (ok && announced > m_maxBytes && m_reply->rawHeader(QByteArrayLiteral("Content-Encoding")).isEmpty())
        abort(ApiError(Kind::TooLarge, 0, {},
                       QStringLiteral("the server announced %1, %2").arg(sizeText(announced), tooLargeDetail())));
    else if (ok && announced > m_maxBytes)
        abort(ApiError(Kind::TooLarge, 0, {},
                       QStringLiteral("the server announced %1 compressed, %2").arg(sizeText(announced), tooLargeDetail())));
}

void ApiAttempt::onReadyRead()
{
    if (!m_reply || m_done)
        return;
    const qint64 room = m_maxBytes - m_body.size();
    const qint64 available = m_reply->bytesAvailable();
    if (available > room) {
        abort(ApiError(Kind::TooLarge, 0, {}, QStringLiteral("the body went past %1; %2").arg(sizeText(m_maxBytes), tooLargeDetail())));
        return;
    }
    m_body += m_reply->read(available);
}

bool ApiAttempt::isDecompressionFailure() const
{
    // Qt reports its gzip/deflate ratio guard (decompressedSafetyCheckThreshold) only through the error text.
    return m_reply && m_reply->errorString().contains(QLatin1String("ecompress"), Qt::CaseInsensitive);
}

ApiError ApiAttempt::classifyNetworkError(QNetworkReply::NetworkError code) const
{
    switch (code) {
    case QNetworkReply::OperationCanceledError:
        // We did not abort it ourselves, so Qt's inactivity timer (transferTimeout) did.
        return ApiError(Kind::Timeout, 0, {},
                        QStringLiteral("no data arrived for %1").arg(secondsText(std::chrono::milliseconds(m_request.transferTimeout()))));
    case QNetworkReply::TimeoutError:
        return ApiError(Kind::Timeout, 0, {}, QStringLiteral("the connection attempt took too long"));
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList problems;
        for (const QSslError &error : m_sslErrors) {
            const QString text = error.errorString();
            if (!problems.contains(text))
                problems.append(text);
        }
        const QString what = problems.isEmpty() ? QStringLiteral("the TLS handshake failed") : problems.join(QStringLiteral("; "));
        return ApiError(Kind::Tls, 0, {}, QStringLiteral("the server's certificate was not accepted (%1)").arg(what));
    }
    case QNetworkReply::ConnectionRefusedError:
        return ApiError(Kind::Network, 0, {}, QStringLiteral("the connection was refused"));
    case QNetworkReply::HostNotFoundError:
        return ApiError(Kind::Network, 0, {}, QStringLiteral("the host name was not found"));
    case QNetworkReply::RemoteHostClosedError:
        if (!m_body.isEmpty() || m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            return ApiError(Kind::InvalidResponse, 0, {},
                            QStringLiteral("the connection closed before the whole body arrived"));
        return ApiError(Kind::Network, 0, {}, QStringLiteral("the server closed the connection"));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return ApiError(Kind::Network, 0, {}, QStringLiteral("the proxy failed (%1)").arg(m_reply->errorString()));
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::ProtocolFailure:
        if (isDecompressionFailure())
            return ApiError(Kind::TooLarge, 0, {},
                            QStringLiteral("the compressed body expands beyond the decompression safety limit "
                                           "(a decompression bomb?)"));
        return ApiError(Kind::InvalidResponse, 0, {},
                        QStringLiteral("the HTTP response could not be read (%1)").arg(m_reply->errorString()));
    default:
        return ApiError(Kind::Network, 0, {}, m_reply->errorString());
    }
}

void ApiAttempt::onFinished()
{
    if (m_done || !m_reply)
        return;
    m_done = true;
    m_deadlineTimer.stop();
    QNetworkReply *reply = m_reply;
    ApiAttemptResult result;
    if (!m_abortReason.isError() && reply->bytesAvailable() > 0)
        onReadyRead();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : 0;
    const QNetworkReply::NetworkError code = reply->error();
    if (m_abortReason.isError()) {
        result.error = m_abortReason;
    } else if (code != QNetworkReply::NoError && result.status == 0) {
        result.error = classifyNetworkError(code);
    } else if (code != QNetworkReply::NoError && (code < QNetworkReply::ContentAccessDenied || isDecompressionFailure())) {
        // A status arrived but the transfer broke afterwards (connection drop, decompression failure, timeout).
        result.error = classifyNetworkError(code);
    }
    result.body = std::move(m_body);
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    result.etag = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("ETag")));
    result.location = reply->rawHeader(QByteArrayLiteral("Location"));
    result.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    Q_EMIT done(result);
}

} // namespace Cloudcraft::Core
