#pragma once

#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"

#include <QObject>
#include <QProcessEnvironment>

namespace Cloudcraft::Core {

class ProfileStore;

enum class KeySource { None, Environment, Keychain, Memory };
QString keySourceName(KeySource source);

struct KeyResult
{
    std::optional<SecretError> error;
    QString key;                       // only for a successful load; never print it, use KeyService::mask()
    KeySource source = KeySource::None;
    QString notice;                    // something the user should be told even on success
    bool ok() const { return !error.has_value(); }
};

/// One key operation; emits finished() exactly once, asynchronously, then deletes itself.
class KeyRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyRequest)
public:
    explicit KeyRequest(QObject *parent = nullptr);
    void finish(KeyResult result);

Q_SIGNALS:
    void finished(const Cloudcraft::Core::KeyResult &result);

private:
    bool m_finished = false;
};

/// Where a profile's API key comes from and goes to: CLOUDCRAFT_API_KEY overrides (as the official SDKs do), then
/// a key kept in memory for this session, then the keychain. Keeps the non-secret "key saved" flag in the profile so a
/// locked keychain is not mistaken for "no key".
class KeyService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyService)
public:
    static constexpr char kEnvironmentVariable[] = "CLOUDCRAFT_API_KEY";

    KeyService(ProfileStore &profiles, SecretStore &keychain,
               QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(), QObject *parent = nullptr);

    KeyRequest *loadKey(const QString &profile);
    /// Saves to the keychain; when none is available keeps the key in memory and says so in KeyResult::notice.
    KeyRequest *saveKey(const QString &profile, const QString &key);
    KeyRequest *forgetKey(const QString &profile);

    /// The key set in the environment, if any (it wins over every stored key).
    QString environmentKey() const;
    /// "…" followed by the last four characters: enough to tell keys apart, useless to an attacker.
    static QString mask(const QString &key);
    static QString noKeychainNotice();

private:
    void loadFromKeychain(KeyRequest *request, const QString &profile);

    ProfileStore &m_profiles;
    SecretStore &m_keychain;
    MemorySecretStore m_memory;
    QProcessEnvironment m_environment;
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::KeyResult)
