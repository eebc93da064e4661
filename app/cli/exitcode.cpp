#include "exitcode.h"

namespace Cloudcraft::Cli {

using Kind = Core::ApiError::Kind;

ExitCode exitCodeFor(const Core::ApiError &error)
{
    switch (error.kind()) {
    case Kind::None:
        return ExitCode::Success;
    case Kind::InvalidArgument:
        return ExitCode::Usage;
    case Kind::Auth:
        return ExitCode::Auth;
    case Kind::Forbidden:
        return ExitCode::Forbidden;
    case Kind::NotFound:
        return ExitCode::NotFound;
    case Kind::Conflict:
        return ExitCode::Conflict;
    case Kind::RateLimited:
        return ExitCode::RateLimited;
    case Kind::Server:
        return ExitCode::Server;
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::Network:
    case Kind::InsecureUrl:
    case Kind::Redirect:
    case Kind::StillProcessing:
        return ExitCode::Network;
    case Kind::InvalidResponse:
    case Kind::TooLarge:
        return ExitCode::InvalidResponse;
    case Kind::BadRequest:
    case Kind::Cancelled:
        break;
    }
    return ExitCode::Failure;
}

ExitCode exitCodeFor(const Core::SecretError &error)
{
    return error.kind == Core::SecretError::Kind::NotFound ? ExitCode::Auth : ExitCode::Keychain;
}

QString exitCodeTable()
{
    return QStringLiteral(
        "  0  success\n"
        "  1  failure not covered below\n"
        "  2  usage error (bad arguments, confirmation needed: use --yes)\n"
        "  3  authentication (no key, bad key)\n"
        "  4  forbidden (read-only key, no access)\n"
        "  5  not found\n"
        "  6  network, TLS or timeout\n"
        "  7  rate limited\n"
        "  8  conflict (412, restore conflicts)\n"
        "  9  server error (5xx)\n"
        " 10  keychain error\n"
        " 11  invalid response from the server\n"
        " 12  local file error (disk full, unwritable)\n");
}

} // namespace Cloudcraft::Cli
