#pragma once

#include "auth/secretstore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace Cloudcraft::Core {

/// Secrets in the platform keychain through QtKeychain (Secret Service on Linux). The insecure plaintext fallback is
/// never enabled, and every job has our own deadline because an unresponsive Secret Service stalls a job for ~50 s
/// and a missing GLib loop never finishes it at all.
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr std::chrono::milliseconds kDefaultDeadline{10000};

    /// service defaults to the application id from <cloudcraft/version.h>.
    explicit KeychainSecretStore(QString service = {}, std::chrono::milliseconds deadline = kDefaultDeadline);
    ~KeychainSecretStore() override = default;
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    QString service() const { return m_service; }
    std::chrono::milliseconds deadline() const { return m_deadline; }
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }

    SecretJob *read(const QString &name) override;
    SecretJob *write(const QString &name, const QString &secret) override;
    SecretJob *remove(const QString &name) override;

    /// Maps a QtKeychain error code and text to our kinds. On Linux "no keychain" arrives as OtherError with D-Bus
    /// text, so the text matters as much as the code.
    static SecretError classify(int keychainError, const QString &keychainText);

private:
    SecretJob *start(QKeychain::Job *job, bool isRead);

    QString m_service;
    std::chrono::milliseconds m_deadline;
};

} // namespace Cloudcraft::Core
