#pragma once

#include "auth/secretstore.h"

#include <QHash>

namespace Cloudcraft::Core {

/// Keeps secrets in this process only: the fallback for a session without a keychain. Nothing touches the disk.
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore() = default;
    ~MemorySecretStore() override;
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

    SecretJob *read(const QString &name) override;
    SecretJob *write(const QString &name, const QString &secret) override;
    SecretJob *remove(const QString &name) override;

    bool contains(const QString &name) const { return m_secrets.contains(name); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Cloudcraft::Core
