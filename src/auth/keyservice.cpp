#include "auth/keyservice.h"

#include "auth/profilestore.h"

#include <QMetaObject>

namespace Cloudcraft::Core {

QString keySourceName(KeySource source)
{
    switch (source) {
    case KeySource::Environment:
        return QStringLiteral("env");
    case KeySource::Keychain:
        return QStringLiteral("keychain");
    case KeySource::Memory:
        return QStringLiteral("memory");
    case KeySource::None:
        break;
    }
    return QStringLiteral("none");
}

KeyRequest::KeyRequest(QObject *parent)
    : QObject(parent)
{
}

void KeyRequest::finish(KeyResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            Q_EMIT finished(result);
            deleteLater();
        },
        Qt::QueuedConnection);
}

KeyService::KeyService(ProfileStore &profiles, SecretStore &keychain, QProcessEnvironment environment,
                       QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_keychain(keychain)
    , m_environment(std::move(environment))
{
}

QString KeyService::environmentKey() const
{
    return m_environment.value(QString::fromLatin1(kEnvironmentVariable)).trimmed();
}

QString KeyService::mask(const QString &key)
{
    if (key.size() < 12)
        return QStringLiteral("…");
    return u'…' + key.right(4);
}

QString KeyService::noKeychainNotice()
{
    return QStringLiteral("No keychain is available; the key is kept only until you quit.");
}

KeyRequest *KeyService::loadKey(const QString &profile)
{
    auto *request = new KeyRequest(this);
    if (const QString env = environmentKey(); !env.isEmpty()) {
        request->finish({std::nullopt, env, KeySource::Environment, {}});
        return request;
    }
    const QString name = SecretStore::apiKeyName(profile);
    if (m_memory.contains(name)) {
        connect(m_memory.read(name), &SecretJob::finished, request, [request](const SecretResult &r) {
            request->finish({r.error, r.secret, KeySource::Memory, {}});
        });
        return request;
    }
    loadFromKeychain(request, profile);
    return request;
}

void KeyService::loadFromKeychain(KeyRequest *request, const QString &profile)
{
    connect(m_keychain.read(SecretStore::apiKeyName(profile)), &SecretJob::finished, request,
            [this, request, profile](const SecretResult &r) {
                if (r.ok()) {
                    request->finish({std::nullopt, r.secret, KeySource::Keychain, {}});
                    return;
                }
                SecretError error = *r.error;
                if (error.kind == SecretError::Kind::NotFound) {
                    const auto p = m_profiles.profile(profile);
                    if (p && p->keySaved) {
                        // A locked Secret Service collection answers "not found" for items it holds.
                        error = {SecretError::Kind::Locked,
                                 QStringLiteral("The keychain is locked or unavailable: a key was saved for profile "
                                                "\"%1\" but cannot be read now. Unlock the keychain and try again.")
                                     .arg(profile)};
                    } else {
                        error.message = QStringLiteral("No API key is saved for profile \"%1\".").arg(profile);
                    }
                }
                request->finish({error, {}, KeySource::None, {}});
            });
}

KeyRequest *KeyService::saveKey(const QString &profile, const QString &key)
{
    auto *request = new KeyRequest(this);
    if (auto tooLarge = SecretStore::checkSize(key)) {
        request->finish({tooLarge, {}, KeySource::None, {}});
        return request;
    }
    const QString name = SecretStore::apiKeyName(profile);
    connect(m_keychain.write(name, key), &SecretJob::finished, request,
            [this, request, profile, name, key](const SecretResult &r) {
                if (r.ok()) {
                    // The memory copy would otherwise shadow the keychain for the rest of the session.
                    m_memory.remove(name);
                    if (auto error = m_profiles.setKeySaved(profile, true)) {
                        request->finish({SecretError{SecretError::Kind::Other, *error}, {}, KeySource::Keychain, {}});
                        return;
                    }
                    request->finish({std::nullopt, {}, KeySource::Keychain, {}});
                    return;
                }
                if (r.error->kind != SecretError::Kind::Unavailable) {
                    request->finish({r.error, {}, KeySource::None, {}});
                    return;
                }
                m_memory.write(name, key);
                request->finish({std::nullopt, {}, KeySource::Memory, noKeychainNotice()});
            });
    return request;
}

KeyRequest *KeyService::forgetKey(const QString &profile)
{
    auto *request = new KeyRequest(this);
    const QString name = SecretStore::apiKeyName(profile);
    m_memory.remove(name);
    connect(m_keychain.remove(name), &SecretJob::finished, request, [this, request, profile](const SecretResult &r) {
        if (!r.ok() && r.error->kind != SecretError::Kind::NotFound) {
            request->finish({r.error, {}, KeySource::None, {}});
            return;
        }
        if (m_profiles.contains(profile)) {
            if (auto error = m_profiles.setKeySaved(profile, false)) {
                request->finish({SecretError{SecretError::Kind::Other, *error}, {}, KeySource::None, {}});
                return;
            }
        }
        request->finish({});
    });
    return request;
}

} // namespace Cloudcraft::Core
