#pragma once

#include "history/historyerror.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Cloudcraft::Core {

/// Content-addressed files: each distinct content is stored once, as `<dir>/<first two hex>/<sha-256 hex>`.
/// Files are private (0600, directories 0700, whatever the umask) and written atomically with QSaveFile, then the
/// file and its directory are fsync'ed, so a file named in the history database is always complete on disk.
class BlobStore final
{
public:
    explicit BlobStore(QString directory);

    QString directory() const { return m_dir; }
    /// Creates the directory (0700) if needed.
    HistoryError prepare() const;

    /// Lower-case hex SHA-256 of `bytes`.
    static QString hashOf(const QByteArray &bytes);
    static bool isHash(QStringView text);
    QString pathFor(const QString &hash) const;

    /// Stores `bytes` unless a file with this hash and size is already there; returns the hash.
    HistoryResult<QString> put(const QByteArray &bytes) const;
    /// True when the file for `hash` exists with `size` bytes.
    bool contains(const QString &hash, qint64 size) const;
    /// Reads a stored file and checks its hash (Kind::Corrupt when the content no longer matches).
    HistoryResult<QByteArray> read(const QString &hash) const;
    /// Deletes the file for `hash`; a file that is already gone is not an error.
    bool remove(const QString &hash) const;

    /// Every stored hash (file names that are hashes).
    QStringList hashes() const;
    /// Deletes leftovers of interrupted writes (names that are not hashes) older than `olderThan`; returns how many.
    int removeTemporaryFiles(std::chrono::seconds olderThan) const;

private:
    static HistoryError makePrivateDirectory(const QString &path);

    QString m_dir;
};

} // namespace Cloudcraft::Core
