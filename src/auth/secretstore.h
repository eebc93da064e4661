#pragma once

#include <QObject>
#include <QString>

#include <optional>

namespace Cloudcraft::Core {

/// Why a keychain operation did not succeed. Errors are data: every job completes with a result, never throws.
struct SecretError
{
    enum class Kind { Unavailable, Locked, Denied, TimedOut, NotFound, TooLarge, Other };
    Kind kind = Kind::Other;
    QString message; // one sentence for the user; never contains the secret
};

/// Short stable name of an error kind ("unavailable", "locked", ...), for --json output and logs.
QString secretErrorKindName(SecretError::Kind kind);

struct SecretResult
{
    std::optional<SecretError> error;
    QString secret; // only filled by successful reads

    bool ok() const { return !error.has_value(); }
};

/// One keychain operation. Emits finished() exactly once, always asynchronously (so callers can connect after the
/// store returned the job), then deletes itself.
class SecretJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)
public:
    explicit SecretJob(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    /// Delivers the result; any later call (a keychain reply after our deadline) is ignored.
    void finish(SecretResult result);

Q_SIGNALS:
    void finished(const Cloudcraft::Core::SecretResult &result);

private:
    bool m_finished = false;
};

/// Asynchronous storage of small secrets under a name. Implementations never block the calling thread.
class SecretStore
{
public:
    /// Secret payloads larger than this are refused before any job runs (Windows' credential blob limit).
    static constexpr qsizetype kMaxSecretBytes = 2048;

    virtual ~SecretStore() = default;
    virtual SecretJob *read(const QString &name) = 0;
    virtual SecretJob *write(const QString &name, const QString &secret) = 0;
    virtual SecretJob *remove(const QString &name) = 0;

    /// The item name of a profile's API key: namespaced by app and profile because Windows ignores the service.
    static QString apiKeyName(const QString &profile);
    /// The TooLarge error when secret is over the limit, otherwise nothing.
    static std::optional<SecretError> checkSize(const QString &secret);
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::SecretResult)
