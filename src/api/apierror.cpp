#include "api/apierror.h"

namespace Cloudcraft::Core {

ApiError::ApiError(Kind kind, int httpStatus, QString serverMessage, QString detail)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_serverMessage(std::move(serverMessage))
    , m_detail(std::move(detail))
{
}

namespace {

QString withStatus(int status)
{
    return status > 0 ? QStringLiteral(" (%1)").arg(status) : QString();
}

// " Server says: ..." when the server gave a reason; it is already sanitized.
QString serverSays(const QString &message)
{
    if (message.isEmpty())
        return {};
    QString text = message;
    if (!text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
        text.append(u'.');
    return QStringLiteral(" The server said: ") + text;
}

QString seconds(std::chrono::milliseconds wait)
{
    const auto secs = (wait.count() + 999) / 1000;
    return secs == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(secs);
}

} // namespace

QString ApiError::userMessage() const
{
    const QString status = withStatus(m_httpStatus);
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("The request succeeded.");
    case Kind::InvalidArgument:
        return QStringLiteral("The request was not sent: %1.").arg(m_detail);
    case Kind::BadRequest:
        return QStringLiteral("The server rejected the request as invalid%1.").arg(status) + serverSays(m_serverMessage);
    case Kind::Auth:
        if (m_httpStatus == 0)
            return QStringLiteral("No API key is set. Sign in with an API key first.");
        return QStringLiteral("The API key was rejected%1. Check it or sign in again.").arg(status);
    case Kind::Forbidden:
        return QStringLiteral("The API key is not allowed to do this%1; a read-only key cannot make changes and "
                              "some items are shared with other teams only.")
                   .arg(status)
               + serverSays(m_serverMessage);
    case Kind::NotFound:
        return QStringLiteral("Not found%1: it does not exist or was deleted.").arg(status) + serverSays(m_serverMessage);
    case Kind::Conflict:
        return QStringLiteral("The blueprint was changed by someone else since you loaded it%1. Reload it and apply "
                              "your change again.")
            .arg(status);
    case Kind::RateLimited:
        if (m_retryAfter.count() > 0)
            return QStringLiteral("Too many requests%1. Wait %2 and try again.").arg(status, seconds(m_retryAfter));
        return QStringLiteral("Too many requests%1. Wait a minute and try again.").arg(status);
    case Kind::Server:
        return QStringLiteral("The Cloudcraft server had a problem%1. Try again later.").arg(status)
               + serverSays(m_serverMessage);
    case Kind::Timeout:
        return QStringLiteral("The request timed out: %1. Check your connection and try again.").arg(m_detail);
    case Kind::Tls:
        return QStringLiteral("The secure connection failed: %1. Check the server address and its certificate "
                              "authority.")
            .arg(m_detail);
    case Kind::Network:
        return QStringLiteral("Could not reach the server: %1. Check your connection and try again.").arg(m_detail);
    case Kind::InvalidResponse:
        return QStringLiteral("The server sent an invalid response%1: %2.").arg(status, m_detail);
    case Kind::TooLarge:
        return QStringLiteral("The response was stopped because it is too large: %1.").arg(m_detail);
    case Kind::InsecureUrl:
        return QStringLiteral("Refused an insecure address: %1. Only https:// is allowed.").arg(m_detail);
    case Kind::Redirect:
        return QStringLiteral("The request was stopped: %1. The API key was not sent there.").arg(m_detail);
    case Kind::Cancelled:
        return QStringLiteral("The request was cancelled.");
    case Kind::StillProcessing:
        return QStringLiteral("The scan is still processing on the server (%1). Try again later.").arg(m_detail);
    }
    return QStringLiteral("Unknown error.");
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::InvalidArgument: return QStringLiteral("invalid-argument");
    case Kind::BadRequest: return QStringLiteral("bad-request");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Forbidden: return QStringLiteral("forbidden");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::RateLimited: return QStringLiteral("rate-limited");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Network: return QStringLiteral("network");
    case Kind::InvalidResponse: return QStringLiteral("invalid-response");
    case Kind::TooLarge: return QStringLiteral("too-large");
    case Kind::InsecureUrl: return QStringLiteral("insecure-url");
    case Kind::Redirect: return QStringLiteral("redirect");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::StillProcessing: return QStringLiteral("still-processing");
    }
    return QStringLiteral("unknown");
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::RateLimited:
    case Kind::Server:
    case Kind::Timeout:
    case Kind::Network:
    case Kind::StillProcessing:
        return true;
    default:
        return false;
    }
}

} // namespace Cloudcraft::Core
