#include "api/apicall.h"

#include "api/apiattempt.h"
#include "api/apiparse.h"
#include "api/apisession.h"
#include "api/retryafter.h"
#include "util/redact.h"

#include <QLoggingCategory>

namespace Cloudcraft::Core {

Q_LOGGING_CATEGORY(lcApiCall, "cloudcraft.api", QtInfoMsg)

using Kind = ApiError::Kind;
using std::chrono::milliseconds;

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 502 || status == 503 || status == 504;
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && effectivePort(a) == effectivePort(b);
}

QString hostText(const QUrl &url)
{
    const int port = url.port();
    return port > 0 ? url.host() + u':' + QString::number(port) : url.host();
}

ApiError statusError(int status, const QByteArray &body)
{
    const QString message = ApiParse::errorMessage(body);
    Kind kind = Kind::BadRequest;
    QString detail;
    switch (status) {
    case 400: kind = Kind::BadRequest; break;
    case 401: kind = Kind::Auth; break;
    case 403: kind = Kind::Forbidden; break;
    case 404: kind = Kind::NotFound; break;
    case 409:
    case 412: kind = Kind::Conflict; break;
    case 408:
        kind = Kind::Timeout;
        detail = QStringLiteral("the server gave up waiting for the request (408)");
        break;
    case 413:
        kind = Kind::TooLarge;
        detail = QStringLiteral("the server refused the request body as too large (413)");
        break;
    case 429: kind = Kind::RateLimited; break;
    default:
        if (status >= 500) {
            kind = Kind::Server;
        } else if (status >= 400) {
            kind = Kind::BadRequest;
        } else {
            kind = Kind::InvalidResponse;
            detail = QStringLiteral("unexpected HTTP status %1").arg(status);
        }
    }
    return ApiError(kind, status, message, detail);
}

} // namespace

ApiCall::ApiCall(ApiRequest request, std::shared_ptr<const ApiSession> session, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_session(std::move(session))
    , m_method(m_request.method)
{
    m_waitTimer.setSingleShot(true);
    m_waitTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_waitTimer, &QTimer::timeout, this, &ApiCall::enqueue);
}

ApiCall::~ApiCall()
{
    if (m_state == State::Queued && m_ticket != 0 && m_session->scheduler)
        m_session->scheduler->cancel(m_ticket);
    if (m_attempt) {
        m_attempt->disconnect(this);
        delete m_attempt;
        m_attempt = nullptr;
    }
    releaseSlot();
}

void ApiCall::start()
{
    if (m_session->configurationError.isError()) {
        failLater(m_session->configurationError);
        return;
    }
    if (!m_session->network || !m_session->scheduler) {
        failLater(ApiError(Kind::Network, 0, {}, QStringLiteral("the network service is not available")));
        return;
    }
    enqueue();
}

void ApiCall::failLater(const ApiError &error)
{
    finish(error); // finish() emits through the event loop
}

QUrl ApiCall::currentUrl() const
{
    if (m_redirectUrl.isValid())
        return m_redirectUrl;
    QUrl url = m_session->endpoint.baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + m_request.encodedPath(), QUrl::TolerantMode);
    const QString query = m_request.encodedQuery();
    if (query.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(query, QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

void ApiCall::enqueue()
{
    if (isFinished())
        return;
    if (!m_session->scheduler) {
        finish(ApiError(Kind::Network, 0, {}, QStringLiteral("the request scheduler is gone")));
        return;
    }
    setState(State::Queued);
    QPointer<ApiCall> self(this);
    m_ticket = m_session->scheduler->submit(m_request.route, m_request.priority, [self] {
        if (self)
            self->runAttempt();
    });
}

void ApiCall::runAttempt()
{
    if (isFinished())
        return;
    m_slotHeld = true;
    if (!m_session->network) {
        finish(ApiError(Kind::Network, 0, {}, QStringLiteral("the network service is not available")));
        return;
    }
    m_key = m_session->keyProvider ? m_session->keyProvider() : QString();
    if (m_key.isEmpty()) {
        finish(ApiError(Kind::Auth));
        return;
    }
    const QUrl url = currentUrl();
    if (url.scheme() != QLatin1String("https")) { // checked at configuration and on redirects; kept as a last line
        finish(ApiError(Kind::InsecureUrl, 0, {}, QStringLiteral("%1 is not an https:// address").arg(hostText(url))));
        return;
    }
    const ApiEndpoint &endpoint = m_session->endpoint;
    ApiRequest effective = m_request;
    effective.method = m_method;
    if (m_method != m_request.method)
        effective.body.clear();
    const QNetworkRequest networkRequest = makeNetworkRequest(url, effective, m_key, m_session->userAgent,
                                                              m_session->ssl, endpoint.timeouts.inactivity);
    const qint64 maxBytes = m_request.responseKind == ResponseKind::Binary ? endpoint.limits.maxBinaryBytes
                                                                           : endpoint.limits.maxJsonBytes;
    const milliseconds deadline = m_request.longPoll ? endpoint.timeouts.snapshotDeadline : endpoint.timeouts.deadline;
    ++m_attempts;
    setState(State::Running);
    qCDebug(lcApiCall) << "attempt" << m_attempts << m_request.operation << httpMethodName(m_method)
                       << url.path(QUrl::FullyEncoded);
    m_attempt = new ApiAttempt(m_session->network, networkRequest, m_method, effective.body, maxBytes, deadline, this);
    connect(m_attempt, &ApiAttempt::done, this, &ApiCall::onAttemptDone);
    connect(m_attempt, &ApiAttempt::progress, this, &ApiCall::progress);
    m_attempt->start();
}

void ApiCall::onAttemptDone(const ApiAttemptResult &result)
{
    if (m_attempt) {
        m_attempt->disconnect(this);
        m_attempt->deleteLater();
        m_attempt = nullptr;
    }
    releaseSlot();
    if (isFinished())
        return;
    m_statusCode = result.status;
    m_body = result.body;
    m_contentType = result.contentType;
    m_etag = result.etag;
    const RetryPolicy &policy = m_session->endpoint.retry;
    qCDebug(lcApiCall) << "answer" << m_request.operation << "status" << result.status
                       << ApiError::kindName(result.error.kind());

    if (result.error.isError()) {
        if (result.error.kind() == Kind::Network && m_request.isIdempotent() && m_retries < policy.maxRetries) {
            const milliseconds delay = m_session->scheduler->backoffDelay(m_retries++, policy.backoffBase, policy.backoffCap);
            waitAndRequeue(WaitReason::Backoff, delay);
            return;
        }
        ApiError error = result.error;
        if (result.status > 0)
            error = ApiError(error.kind(), result.status, {}, error.detail());
        finish(error);
        return;
    }

    const int status = result.status;
    if (isRedirect(status)) {
        handleRedirect(result);
        return;
    }
    if (status == 202 && m_request.longPoll) {
        const milliseconds now = m_session->scheduler->now();
        if (m_polls == 0)
            m_firstPollAt = now;
        if (m_polls >= policy.maxPolls || now - m_firstPollAt >= policy.maxPollDuration) {
            const auto minutes = std::chrono::duration_cast<std::chrono::seconds>(now - m_firstPollAt).count() / 60.0;
            finish(ApiError(Kind::StillProcessing, status, ApiParse::errorMessage(m_body),
                            QStringLiteral("not finished after %1 checks in %2 min").arg(m_polls + 1).arg(minutes, 0, 'f', 1)));
            return;
        }
        ++m_polls;
        waitAndRequeue(WaitReason::StillProcessing, policy.pollDelay);
        return;
    }
    if (status >= 200 && status < 300) {
        if (m_request.responseKind == ResponseKind::Json && m_request.decodeJson) {
            auto decoded = ApiParse::decodeJson(m_body, m_session->endpoint.limits.maxJsonDepth);
            if (!decoded.ok()) {
                finish(ApiError(Kind::InvalidResponse, status, {}, decoded.error.detail()));
                return;
            }
            m_json = decoded.value;
        }
        finish(ApiError());
        return;
    }
    if (status == 429 && m_rateLimitRetries < policy.maxRateLimitRetries) {
        const auto parsed = parseRetryAfter(result.retryAfter, QDateTime::currentDateTimeUtc());
        const milliseconds wait = parsed.value_or(policy.defaultRetryAfter);
        if (wait <= policy.maxRetryAfter) {
            ++m_rateLimitRetries;
            m_session->scheduler->pauseFor(wait); // the limit is per key: everybody waits
            waitAndRequeue(WaitReason::RateLimited, wait);
            return;
        }
        ApiError error = statusError(status, m_body);
        error.setRetryAfter(wait);
        finish(error);
        return;
    }
    if (isRetryableStatus(status) && m_request.isIdempotent() && m_retries < policy.maxRetries) {
        const milliseconds delay = m_session->scheduler->backoffDelay(m_retries++, policy.backoffBase, policy.backoffCap);
        waitAndRequeue(WaitReason::Backoff, delay);
        return;
    }
    ApiError error = statusError(status, m_body);
    if (status == 429)
        error.setRetryAfter(parseRetryAfter(result.retryAfter, QDateTime::currentDateTimeUtc()).value_or(policy.defaultRetryAfter));
    finish(error);
}

void ApiCall::handleRedirect(const ApiAttemptResult &result)
{
    const QUrl from = currentUrl();
    if (result.location.isEmpty()) {
        finish(ApiError(Kind::InvalidResponse, result.status, {}, QStringLiteral("a redirect without a Location")));
        return;
    }
    const QUrl target = from.resolved(QUrl::fromEncoded(result.location.trimmed()));
    if (!target.isValid() || target.host().isEmpty()) {
        finish(ApiError(Kind::InvalidResponse, result.status, {}, QStringLiteral("a redirect to an invalid address")));
        return;
    }
    if (target.scheme() != QLatin1String("https")) {
        finish(ApiError(Kind::InsecureUrl, result.status, {},
                        QStringLiteral("the server redirected (%1) to the unencrypted address %2://%3")
                            .arg(result.status)
                            .arg(target.scheme(), hostText(target))));
        return;
    }
    if (!sameOrigin(from, target)) {
        finish(ApiError(Kind::Redirect, result.status, {},
                        QStringLiteral("the server redirected (%1) to another site, %2")
                            .arg(result.status)
                            .arg(hostText(target))));
        return;
    }
    if (m_redirects >= m_session->endpoint.retry.maxRedirects) {
        finish(ApiError(Kind::Redirect, result.status, {},
                        QStringLiteral("the server redirected more than %1 times").arg(m_session->endpoint.retry.maxRedirects)));
        return;
    }
    ++m_redirects;
    m_redirectUrl = target;
    if (result.status == 303)
        m_method = HttpMethod::Get;
    enqueue();
}

void ApiCall::waitAndRequeue(WaitReason reason, milliseconds delay)
{
    setState(State::Waiting);
    Q_EMIT waiting(reason, delay.count());
    m_waitTimer.start(int(std::max<qint64>(0, delay.count())));
}

void ApiCall::cancel()
{
    if (isFinished())
        return;
    if (m_attempt) {
        m_attempt->abort(ApiError(Kind::Cancelled)); // onAttemptDone() finishes the call
        if (isFinished())
            return;
    }
    finish(ApiError(Kind::Cancelled));
}

void ApiCall::finish(const ApiError &error)
{
    if (isFinished())
        return;
    if (m_state == State::Queued && m_ticket != 0 && m_session->scheduler)
        m_session->scheduler->cancel(m_ticket);
    m_waitTimer.stop();
    if (m_attempt) {
        m_attempt->disconnect(this);
        m_attempt->deleteLater();
        m_attempt = nullptr;
    }
    releaseSlot();
    m_error = scrubbed(error);
    if (m_error.isError())
        qCDebug(lcApiCall) << "failed" << m_request.operation << ApiError::kindName(m_error.kind()) << m_error.httpStatus();
    setState(State::Finished);
    QMetaObject::invokeMethod(this, &ApiCall::finished, Qt::QueuedConnection);
}

void ApiCall::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ApiCall::releaseSlot()
{
    if (m_slotHeld && m_session->scheduler)
        m_session->scheduler->markDone(m_ticket);
    m_slotHeld = false;
}

ApiError ApiCall::scrubbed(ApiError error) const
{
    if (m_key.isEmpty())
        return error;
    ApiError clean(error.kind(), error.httpStatus(), scrubSecret(error.serverMessage(), m_key),
                   scrubSecret(error.detail(), m_key));
    clean.setRetryAfter(error.retryAfter());
    return clean;
}

} // namespace Cloudcraft::Core
