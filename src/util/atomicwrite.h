#pragma once

#include <QByteArray>
#include <QString>

namespace Cloudcraft::Core {

/// How writing a whole file went. Callers turn it into their own sentence.
struct AtomicWriteResult
{
    enum class Failure { None, Create, DiskFull, Write };
    Failure failure = Failure::None;
    QString reason; ///< the system's words on failure ("Permission denied", "No space left on device")

    bool ok() const { return failure == Failure::None; }
};

/// Writes `bytes` to `path` all or nothing: through a temporary file that replaces `path` only once every byte is
/// out, so a failure (a full disk above all) leaves any previous file as it was. QSaveFile alone is not enough:
/// it commits a short write as if it were whole (measured on a nearly full tmpfs: 60 KiB of 200 KiB written,
/// commit() true), so the bytes are written unbuffered and counted.
AtomicWriteResult writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace Cloudcraft::Core
