#pragma once

#include "api/apierror.h"
#include "api/apirequest.h"

#include <QByteArray>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

namespace Cloudcraft::Core {

class ApiAttempt;
struct ApiAttemptResult;
struct ApiSession;

/// One logical API request, including its queueing, retries, 429 waits, same-origin redirects and 202 polls.
/// Returned by every ApiClient method. It is parented to the ApiClient; delete it (deleteLater()) once you have
/// read the result. `finished()` is emitted exactly once, always from the event loop (never inside the ApiClient
/// method that created it), also for errors found before sending.
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    enum class State { Queued, Waiting, Running, Finished };
    enum class WaitReason { RateLimited, Backoff, StillProcessing };
    Q_ENUM(State)
    Q_ENUM(WaitReason)

    ~ApiCall() override;

    const ApiRequest &request() const { return m_request; }
    QString operation() const { return m_request.operation; }
    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Finished; }

    /// Kind::None on success. Valid once finished.
    const ApiError &error() const { return m_error; }
    bool succeeded() const { return isFinished() && !m_error.isError(); }

    /// HTTP status of the last response (0 if none arrived).
    int statusCode() const { return m_statusCode; }
    /// Body of the last response (also of an error response). Capped by ApiLimits.
    const QByteArray &body() const { return m_body; }
    QString contentType() const { return m_contentType; }
    /// ETag header of the last response, as sent (quotes and W/ kept), empty if none.
    QString etag() const { return m_etag; }
    /// The decoded body when the call expects JSON and succeeded (ApiParse::decodeJson); undefined otherwise.
    const QJsonValue &json() const { return m_json; }
    /// HTTP requests sent for this call (first try + retries + polls + redirects).
    int attempts() const { return m_attempts; }

public Q_SLOTS:
    /// Stops the call: removes it from the queue or aborts the transfer. finished() follows with Kind::Cancelled.
    /// No effect once finished.
    void cancel();

Q_SIGNALS:
    void finished();
    /// Download progress of the current attempt; total is -1 when unknown.
    void progress(qint64 received, qint64 total);
    /// The call waits `msec` before its next attempt (retry backoff, 429 Retry-After, 202 poll delay).
    void waiting(Cloudcraft::Core::ApiCall::WaitReason reason, qint64 msec);
    void stateChanged(Cloudcraft::Core::ApiCall::State state);

private:
    friend class ApiClient;
    ApiCall(ApiRequest request, std::shared_ptr<const ApiSession> session, QObject *parent);

    void start();
    void failLater(const ApiError &error);
    void enqueue();
    void runAttempt();
    void onAttemptDone(const ApiAttemptResult &result);
    void handleRedirect(const ApiAttemptResult &result);
    void waitAndRequeue(WaitReason reason, std::chrono::milliseconds delay);
    void finish(const ApiError &error);
    void setState(State state);
    void releaseSlot();
    ApiError scrubbed(ApiError error) const;

    QUrl currentUrl() const;

    ApiRequest m_request;
    std::shared_ptr<const ApiSession> m_session;
    QUrl m_redirectUrl; ///< set after a same-origin redirect
    HttpMethod m_method = HttpMethod::Get; ///< a 303 turns the method into GET
    QString m_key;      ///< the key of the last attempt, only to scrub it out of error texts
    State m_state = State::Queued;
    ApiError m_error;
    int m_statusCode = 0;
    QByteArray m_body;
    QString m_contentType;
    QString m_etag;
    QJsonValue m_json;
    int m_attempts = 0;
    int m_retries = 0;
    int m_rateLimitRetries = 0;
    int m_polls = 0;
    int m_redirects = 0;
    std::chrono::milliseconds m_firstPollAt{-1};
    quint64 m_ticket = 0;
    bool m_slotHeld = false;
    ApiAttempt *m_attempt = nullptr;
    QTimer m_waitTimer;
};

} // namespace Cloudcraft::Core
