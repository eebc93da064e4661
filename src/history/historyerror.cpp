#include "history/historyerror.h"

#include <QSqlError>

#include <cerrno>
#include <cstring>

namespace Cloudcraft::Core {

namespace {
// Primary SQLite result codes (sqlite3.h); the Qt driver reports the extended code as nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;
} // namespace

HistoryError HistoryError::fromSql(const QSqlError &error, const QString &doing)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    if (isNumber) {
        switch (code) {
        case kSqliteBusy:
        case kSqliteLocked:
            return make(Kind::Locked, QStringLiteral("%1: the history database stayed locked by another program "
                                                     "(the desktop app or another cloudcraft-cli) for too long; try "
                                                     "again.")
                                          .arg(doing));
        case kSqliteFull:
            return make(Kind::DiskFull, QStringLiteral("%1: the disk is full.").arg(doing));
        case kSqliteCorrupt:
        case kSqliteNotADb:
            return make(Kind::Corrupt, QStringLiteral("%1: the history database is damaged (%2). Move it aside to "
                                                      "start a new history.")
                                           .arg(doing, detail));
        case kSqliteReadOnly:
        case kSqliteCantOpen:
        case kSqliteIoErr:
            return make(Kind::Io, QStringLiteral("%1: the history database cannot be written (%2).").arg(doing, detail));
        default:
            break;
        }
    }
    return make(Kind::Io, QStringLiteral("%1: %2.").arg(doing, detail.isEmpty() ? error.text() : detail));
}

HistoryError HistoryError::fromErrno(int savedErrno, const QString &doing, const QString &detail)
{
    // Qt's error string survives when errno was overwritten on the way out of QSaveFile::commit().
    if (savedErrno == ENOSPC || savedErrno == EDQUOT || detail.contains(QLatin1String("No space left"))
        || detail.contains(QLatin1String("quota exceeded"), Qt::CaseInsensitive))
        return make(Kind::DiskFull, QStringLiteral("%1: the disk is full.").arg(doing));
    const QString reason = detail.isEmpty() ? QString::fromLocal8Bit(std::strerror(savedErrno)) : detail;
    return make(Kind::Io, QStringLiteral("%1: %2.").arg(doing, reason));
}

} // namespace Cloudcraft::Core
