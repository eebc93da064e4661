#pragma once

#include "api/apierror.h"
#include "auth/secretstore.h"

namespace Cloudcraft::Cli {

/// Process exit codes of cloudcraft-cli (docs/contracts.md). Scripts depend on them: never renumber.
enum class ExitCode {
    Success = 0,
    Failure = 1,
    Usage = 2,
    Auth = 3,
    Forbidden = 4,
    NotFound = 5,
    Network = 6,
    RateLimited = 7,
    Conflict = 8,
    Server = 9,
    Keychain = 10,
    InvalidResponse = 11,
    LocalFile = 12,
};

ExitCode exitCodeFor(const Core::ApiError &error);
/// A missing key is an authentication problem (3); every other keychain failure is 10.
ExitCode exitCodeFor(const Core::SecretError &error);
/// The table printed by --help and documented in docs/cli.md.
QString exitCodeTable();

} // namespace Cloudcraft::Cli
