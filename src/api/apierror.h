#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>

namespace Cloudcraft::Core {

/// What went wrong with an API call, as data. Never contains the API key: every text that reaches an ApiError is
/// sanitized and scrubbed of the key by the code that builds it.
class ApiError final
{
public:
    enum class Kind {
        None,
        InvalidArgument, ///< refused locally before sending (bad id, bad option); nothing reached the server
        BadRequest,      ///< 400 and other unexpected 4xx
        Auth,            ///< 401, or no key configured
        Forbidden,       ///< 403
        NotFound,        ///< 404
        Conflict,        ///< 412 (If-Match mismatch) and 409
        RateLimited,     ///< 429 that could not be waited out
        Server,          ///< 5xx
        Timeout,         ///< inactivity timeout or overall deadline
        Tls,             ///< certificate / handshake problem, or an unusable CA file
        Network,         ///< connection refused, host not found, connection reset...
        InvalidResponse, ///< not the JSON / shape we expect, truncated body, decompression failure
        TooLarge,        ///< response over the size cap for its kind
        InsecureUrl,     ///< http:// base URL or a redirect to http://
        Redirect,        ///< redirect to another origin, or too many redirects
        Cancelled,       ///< cancelled by the user
        StillProcessing, ///< 202 STILL_PROCESSING after the documented number of polls
    };

    ApiError() = default;
    explicit ApiError(Kind kind, int httpStatus = 0, QString serverMessage = {}, QString detail = {});

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    /// HTTP status that caused the error, 0 when no response was received.
    int httpStatus() const { return m_httpStatus; }
    /// The server's `error` field (sanitized, possibly empty).
    QString serverMessage() const { return m_serverMessage; }
    /// Technical detail from our side ("no data for 30 s", "certificate has expired"...). Sanitized.
    QString detail() const { return m_detail; }
    /// How long the server asked us to wait (429), zero when unknown.
    std::chrono::milliseconds retryAfter() const { return m_retryAfter; }
    void setRetryAfter(std::chrono::milliseconds wait) { m_retryAfter = wait; }

    /// One sentence a user can act on, e.g. "The API key was rejected (401). Check it or sign in again."
    QString userMessage() const;
    /// Stable lower-case name of the kind ("auth", "not-found"...), for logs and machine-readable CLI output.
    static QString kindName(Kind kind);

    /// Whether retrying the same call later may succeed (network trouble, 5xx, 429, timeout, still processing).
    bool isTransient() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_detail;
    std::chrono::milliseconds m_retryAfter{0};
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::ApiError)
