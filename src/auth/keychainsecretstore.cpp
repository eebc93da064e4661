#include "auth/keychainsecretstore.h"

#include <cloudcraft/version.h>

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace Cloudcraft::Core {

namespace {

bool mentionsMissingBus(const QString &text)
{
    static const QStringList markers{QStringLiteral("d-bus"), QStringLiteral("dbus"), QStringLiteral("autolaunch"),
                                     QStringLiteral("org.freedesktop.secrets"), QStringLiteral("serviceunknown"),
                                     QStringLiteral("was not provided by any .service"),
                                     QStringLiteral("no such secret collection"), QStringLiteral("secret service"),
                                     QStringLiteral("could not connect")};
    const QString lower = text.toLower();
    return std::any_of(markers.cbegin(), markers.cend(), [&lower](const QString &m) { return lower.contains(m); });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds deadline)
    : m_service(service.isEmpty() ? QString::fromLatin1(Cloudcraft::kAppId) : std::move(service))
    , m_deadline(deadline)
{
}

SecretJob *KeychainSecretStore::read(const QString &name)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    return start(job, true);
}

SecretJob *KeychainSecretStore::write(const QString &name, const QString &secret)
{
    if (auto tooLarge = checkSize(secret)) {
        auto *result = new SecretJob;
        result->finish({std::move(tooLarge), {}});
        return result;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setTextData(secret);
    return start(job, false);
}

SecretJob *KeychainSecretStore::remove(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    return start(job, false);
}

SecretJob *KeychainSecretStore::start(QKeychain::Job *job, bool isRead)
{
    auto *result = new SecretJob;
    // The QtKeychain job deletes itself when it finishes, even long after our deadline; it has no parent so that
    // nothing deletes it while libsecret still holds callbacks into it. The connection dies with `result`.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, result, [result, isRead](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            QString secret;
            if (isRead)
                secret = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
            result->finish({std::nullopt, secret});
        } else {
            result->finish({classify(done->error(), done->errorString()), {}});
        }
    });

    auto *timer = new QTimer(result);
    timer->setSingleShot(true);
    const auto seconds = std::chrono::duration<double>(m_deadline).count();
    QObject::connect(timer, &QTimer::timeout, result, [result, seconds] {
        result->finish({SecretError{SecretError::Kind::TimedOut,
                                    QStringLiteral("The keychain did not answer within %1 s.").arg(seconds)},
                        {}});
    });
    timer->start(m_deadline);
    job->start();
    return result;
}

SecretError KeychainSecretStore::classify(int keychainError, const QString &keychainText)
{
    using Kind = SecretError::Kind;
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return {Kind::NotFound, QStringLiteral("No key is saved in the keychain.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {Kind::Denied, QStringLiteral("Access to the keychain was denied.")};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {Kind::Unavailable, QStringLiteral("No keychain is available.")};
    case QKeychain::CouldNotDeleteEntry:
        return {Kind::Other, QStringLiteral("The keychain could not delete the key: %1").arg(keychainText)};
    case QKeychain::OtherError:
        if (keychainText.contains(QStringLiteral("locked"), Qt::CaseInsensitive))
            return {Kind::Locked, QStringLiteral("The keychain is locked.")};
        if (mentionsMissingBus(keychainText))
            return {Kind::Unavailable, QStringLiteral("No keychain is available (%1).").arg(keychainText)};
        break;
    }
    return {Kind::Other, QStringLiteral("The keychain reported an error: %1").arg(keychainText)};
}

} // namespace Cloudcraft::Core
