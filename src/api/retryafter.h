#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace Cloudcraft::Core {

/// Parses a Retry-After header (RFC 9110 §10.2.3): delay-seconds ("120") or an HTTP-date in IMF-fixdate,
/// RFC 850 or asctime form. A date in the past gives 0. Returns nullopt for an empty or unusable value.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace Cloudcraft::Core
