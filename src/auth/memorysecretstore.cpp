#include "auth/memorysecretstore.h"

namespace Cloudcraft::Core {

MemorySecretStore::~MemorySecretStore()
{
    // Overwrite the characters before the memory goes back to the allocator.
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        it.value().fill(QChar(u'\0'));
}

SecretJob *MemorySecretStore::read(const QString &name)
{
    auto *job = new SecretJob;
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.constEnd())
        job->finish({SecretError{SecretError::Kind::NotFound, QStringLiteral("No key is kept for this session.")}, {}});
    else
        job->finish({std::nullopt, it.value()});
    return job;
}

SecretJob *MemorySecretStore::write(const QString &name, const QString &secret)
{
    auto *job = new SecretJob;
    if (auto tooLarge = checkSize(secret)) {
        job->finish({std::move(tooLarge), {}});
        return job;
    }
    m_secrets.insert(name, secret);
    job->finish({});
    return job;
}

SecretJob *MemorySecretStore::remove(const QString &name)
{
    auto *job = new SecretJob;
    if (m_secrets.remove(name) == 0)
        job->finish({SecretError{SecretError::Kind::NotFound, QStringLiteral("No key is kept for this session.")}, {}});
    else
        job->finish({});
    return job;
}

} // namespace Cloudcraft::Core
