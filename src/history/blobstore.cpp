#include "history/blobstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Cloudcraft::Core {

namespace {

constexpr QFileDevice::Permissions kPrivateDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

/// The rename that QSaveFile::commit() does is only durable once the directory entry is on disk too.
bool syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

BlobStore::BlobStore(QString directory)
    : m_dir(std::move(directory))
{
}

HistoryError BlobStore::makePrivateDirectory(const QString &path)
{
    QFileInfo info(path);
    if (!info.isDir()) {
        errno = 0;
        if (!QDir().mkpath(path) && !QFileInfo(path).isDir())
            return HistoryError::fromErrno(errno ? errno : EACCES, QStringLiteral("Could not create %1").arg(path), {});
    }
    // mkpath honours the umask (0755 under 022): tighten it, and also an existing directory someone loosened.
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || (st.st_mode & 077) != 0) {
        if (!QFile::setPermissions(path, kPrivateDir))
            return HistoryError::make(HistoryError::Kind::Io,
                                      QStringLiteral("Could not make %1 private (mode 0700).").arg(path));
    }
    return {};
}

HistoryError BlobStore::prepare() const
{
    return makePrivateDirectory(m_dir);
}

QString BlobStore::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool BlobStore::isHash(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString BlobStore::pathFor(const QString &hash) const
{
    return m_dir + u'/' + hash.left(2) + u'/' + hash;
}

bool BlobStore::contains(const QString &hash, qint64 size) const
{
    const QFileInfo info(pathFor(hash));
    return info.isFile() && info.size() == size;
}

HistoryResult<QString> BlobStore::put(const QByteArray &bytes) const
{
    const QString hash = hashOf(bytes);
    if (contains(hash, bytes.size()))
        return {hash, {}};
    const QString doing = QStringLiteral("Could not save the snapshot file");
    const QString subdir = m_dir + u'/' + hash.left(2);
    if (HistoryError error = makePrivateDirectory(subdir))
        return {{}, error};
    QSaveFile file(pathFor(hash));
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return {{}, HistoryError::fromErrno(errno, doing, file.errorString())};
    // QSaveFile creates the file with 0666 & ~umask; the content of a diagram is private.
    if (::fchmod(file.handle(), S_IRUSR | S_IWUSR) != 0) {
        const int saved = errno;
        file.cancelWriting();
        return {{}, HistoryError::fromErrno(saved, doing, {})};
    }
    errno = 0;
    const bool written = file.write(bytes) == bytes.size();
    if (!written || !file.commit()) { // commit() fsyncs the file before renaming it into place
        const int saved = errno;
        const QString reason = file.errorString();
        file.cancelWriting();
        return {{}, HistoryError::fromErrno(saved, doing, reason)};
    }
    if (!syncDirectory(subdir))
        return {{}, HistoryError::fromErrno(errno, doing, {})};
    return {hash, {}};
}

HistoryResult<QByteArray> BlobStore::read(const QString &hash) const
{
    QFile file(pathFor(hash));
    if (!file.open(QIODevice::ReadOnly))
        return {{}, HistoryError::make(HistoryError::Kind::NotFound,
                                       QStringLiteral("The snapshot file %1 is missing: %2.").arg(hash.left(12), file.errorString()))};
    QByteArray bytes = file.readAll();
    if (hashOf(bytes) != hash)
        return {{}, HistoryError::make(HistoryError::Kind::Corrupt,
                                       QStringLiteral("The snapshot file %1 is damaged: its content no longer matches "
                                                      "its SHA-256.")
                                           .arg(file.fileName()))};
    return {bytes, {}};
}

bool BlobStore::remove(const QString &hash) const
{
    const QString path = pathFor(hash);
    return QFile::remove(path) || !QFileInfo::exists(path);
}

QStringList BlobStore::hashes() const
{
    QStringList result;
    QDirIterator it(m_dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (isHash(it.fileName()))
            result.append(it.fileName());
    }
    return result;
}

int BlobStore::removeTemporaryFiles(std::chrono::seconds olderThan) const
{
    const QDateTime limit = QDateTime::currentDateTimeUtc().addSecs(-olderThan.count());
    int removed = 0;
    QDirIterator it(m_dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (!isHash(info.fileName()) && info.lastModified().toUTC() <= limit && QFile::remove(info.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace Cloudcraft::Core
