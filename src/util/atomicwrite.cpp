#include "atomicwrite.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace Cloudcraft::Core {

AtomicWriteResult writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    // Unbuffered, so a failing write(2) reports its errno (ENOSPC → ResourceError) instead of "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return {AtomicWriteResult::Failure::Create, file.errorString()};
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0)
            break;
        written += n;
    }
    if (written == bytes.size() && file.commit())
        return {};
    const QString why = file.errorString();
    const QStorageInfo volume(QFileInfo(path).absolutePath());
    const bool diskFull = file.error() == QFileDevice::ResourceError
                          || why.contains(QLatin1String("No space"), Qt::CaseInsensitive)
                          || why.contains(QLatin1String("quota"), Qt::CaseInsensitive) // EDQUOT: full for this user
                          || (volume.isValid() && volume.bytesAvailable() < bytes.size() - written);
    file.cancelWriting(); // the temporary file goes, any previous file stays
    if (diskFull)
        return {AtomicWriteResult::Failure::DiskFull, why};
    return {AtomicWriteResult::Failure::Write, why};
}

} // namespace Cloudcraft::Core
