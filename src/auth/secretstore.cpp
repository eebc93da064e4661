#include "auth/secretstore.h"

#include <cloudcraft/version.h>

#include <QMetaObject>

namespace Cloudcraft::Core {

QString secretErrorKindName(SecretError::Kind kind)
{
    switch (kind) {
    case SecretError::Kind::Unavailable:
        return QStringLiteral("unavailable");
    case SecretError::Kind::Locked:
        return QStringLiteral("locked");
    case SecretError::Kind::Denied:
        return QStringLiteral("denied");
    case SecretError::Kind::TimedOut:
        return QStringLiteral("timed-out");
    case SecretError::Kind::NotFound:
        return QStringLiteral("not-found");
    case SecretError::Kind::TooLarge:
        return QStringLiteral("too-large");
    case SecretError::Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

SecretJob::SecretJob(QObject *parent)
    : QObject(parent)
{
}

void SecretJob::finish(SecretResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued so that a job finished synchronously by its store still reaches the caller's connections.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            Q_EMIT finished(result);
            deleteLater();
        },
        Qt::QueuedConnection);
}

QString SecretStore::apiKeyName(const QString &profile)
{
    return QString::fromLatin1(Cloudcraft::kAppName) + u':' + profile + QStringLiteral(":api-key");
}

std::optional<SecretError> SecretStore::checkSize(const QString &secret)
{
    if (secret.toUtf8().size() <= kMaxSecretBytes)
        return std::nullopt;
    return SecretError{SecretError::Kind::TooLarge,
                       QStringLiteral("The secret is longer than %1 bytes, the most a keychain entry may hold.")
                           .arg(kMaxSecretBytes)};
}

} // namespace Cloudcraft::Core
