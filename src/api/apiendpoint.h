#pragma once

#include <QString>
#include <QUrl>

#include <chrono>

namespace Cloudcraft::Core {

using namespace std::chrono_literals;

/// Per-attempt time limits. Both end in ApiError::Kind::Timeout ("timed out"), never "cancelled".
struct ApiTimeouts {
    std::chrono::milliseconds inactivity = 30s;        ///< no byte received for this long (QNetworkRequest transferTimeout)
    std::chrono::milliseconds deadline = 60s;          ///< whole attempt, catches slow-drip servers
    std::chrono::milliseconds snapshotDeadline = 130s; ///< snapshots: the server may hold a request 120 s
};

/// Response size caps, enforced from Content-Length before reading and again while streaming.
struct ApiLimits {
    qint64 maxJsonBytes = qint64(32) * 1024 * 1024;    ///< JSON answers (lists, blueprints, snapshots as json)
    qint64 maxBinaryBytes = qint64(256) * 1024 * 1024; ///< images, PDF, XML, CSV, XLSX
    int maxJsonDepth = 256;                            ///< nesting of arrays/objects; real blueprints need < 12
};

/// Retries, 429 handling, 202 polling and redirects. Defaults follow cloudcraft-api.md §1.8 and §6.
struct RetryPolicy {
    int maxRetries = 3;                        ///< automatic retries of idempotent calls (GET/DELETE)
    std::chrono::milliseconds backoffBase = 1s; ///< full jitter: wait uniform(0, min(cap, base * 2^retry))
    std::chrono::milliseconds backoffCap = 30s;
    int maxRateLimitRetries = 3;                      ///< 429 answers waited out per call (any method: not processed)
    std::chrono::milliseconds defaultRetryAfter = 60s; ///< 429 without a usable Retry-After
    std::chrono::milliseconds maxRetryAfter = 5min;    ///< a longer Retry-After is reported instead of waited
    int maxPolls = 10;                                 ///< 202 STILL_PROCESSING re-issues of a snapshot
    std::chrono::milliseconds pollDelay = 2s;
    std::chrono::milliseconds maxPollDuration = 15min;
    int maxRedirects = 3; ///< same-origin redirects followed; other origins are always refused
};

/// Where and how to talk to the API. The key is not part of it: it comes from the auth layer on each request.
struct ApiEndpoint {
    QUrl baseUrl = QUrl(QStringLiteral("https://api.cloudcraft.co"));
    QString caFile; ///< optional PEM file with extra CA certificates (self-hosted or test servers)
    ApiTimeouts timeouts;
    ApiLimits limits;
    RetryPolicy retry;
};

} // namespace Cloudcraft::Core
