#include "errortext.h"

namespace Cloudcraft::Ui {

using Kind = Core::ApiError::Kind;

QString ErrorText::forApi(const Core::ApiError &error, const QUrl &server)
{
    const QString host = server.host().isEmpty() ? tr("the server") : server.host();
    switch (error.kind()) {
    case Kind::Auth:
        if (error.httpStatus() == 401)
            return tr("Cloudcraft rejected this API key (401): check that you copied all of it and that it has not "
                      "been deleted in the web app.");
        return tr("No API key is set: paste your key and sign in.");
    case Kind::Network:
        return tr("Could not reach %1: check your network connection and the API address.").arg(host);
    case Kind::Tls:
        return tr("The secure connection to %1 failed because its certificate is not trusted: if this is a private "
                  "server, choose its CA file under Advanced.")
            .arg(host);
    case Kind::Timeout:
        return tr("%1 did not answer in time: check your connection and try again.").arg(host);
    case Kind::InsecureUrl:
        return tr("Only https:// addresses are allowed for the API: fix the API address under Advanced.");
    case Kind::Forbidden:
        return tr("This key is not allowed to do that (403): ask an Owner or Admin of your Cloudcraft account.");
    case Kind::RateLimited:
        return tr("Cloudcraft asked us to slow down (429): wait a minute and try again.");
    case Kind::Server:
        return tr("The Cloudcraft server had a problem (%1): try again in a few minutes.").arg(error.httpStatus());
    default:
        break;
    }
    return error.userMessage();
}

QString ErrorText::forKeychain(const Core::SecretError &error)
{
    switch (error.kind) {
    case Core::SecretError::Kind::Locked:
        return tr("Your keychain is locked, so the key was not saved: unlock it, then choose Unlock and retry.");
    case Core::SecretError::Kind::Denied:
        return tr("Access to the keychain was denied, so the key was not saved: allow Cloudcraft Desktop and try "
                  "again.");
    case Core::SecretError::Kind::TimedOut:
        return tr("The keychain did not answer in time, so the key was not saved: try again.");
    case Core::SecretError::Kind::Unavailable:
        return noKeychain();
    default:
        break;
    }
    return error.message.isEmpty() ? tr("The key could not be saved in the keychain.") : error.message;
}

QString ErrorText::noKeychain()
{
    return tr("No keychain is available on this computer: the key is kept for this session only, and you will be "
              "asked for it again next time.");
}

} // namespace Cloudcraft::Ui
