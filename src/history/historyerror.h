#pragma once

#include <QString>

class QSqlError;

namespace Cloudcraft::Core {

/// What went wrong in the snapshot history, as data: a kind a caller can branch on and one sentence for the user.
struct HistoryError
{
    enum class Kind {
        None,
        InvalidArgument, ///< a bad reference, name or option; nothing was touched
        NotFound,        ///< no such snapshot
        DiskFull,        ///< ENOSPC/EDQUOT or SQLITE_FULL; nothing was saved
        Locked,          ///< another process held the database longer than the busy timeout
        Corrupt,         ///< the database or a stored file is damaged (or not a database at all)
        TooNew,          ///< the database was made by a newer version of the app
        Io,              ///< any other file or database failure
    };

    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static HistoryError make(Kind kind, QString message) { return HistoryError{kind, std::move(message)}; }
    /// Classifies an SQLite error reported by Qt Sql (busy, full, corrupt...) into a kind and a sentence that
    /// starts with `doing` ("Could not save the snapshot").
    static HistoryError fromSql(const QSqlError &error, const QString &doing);
    /// Classifies a failed file write by errno (ENOSPC, EDQUOT, EACCES...).
    static HistoryError fromErrno(int savedErrno, const QString &doing, const QString &detail);
};

/// A value or the reason there is none.
template<typename T>
struct HistoryResult
{
    T value{};
    HistoryError error;
    bool ok() const { return !error.isError(); }
};

} // namespace Cloudcraft::Core
