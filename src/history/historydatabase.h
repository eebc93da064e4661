#pragma once

#include "history/historyerror.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

class QThread;

namespace Cloudcraft::Core {

/// One connection to the history's SQLite database, for the thread that created it (Qt Sql connections must not
/// cross threads; each instance has a unique connection name, so several may live in one process).
///
/// Several processes write at once (the desktop app, CLI runs, CI jobs): the database runs in WAL mode (readers
/// never block the writer), waits up to kBusyTimeoutMs for a lock instead of failing at once, and every write
/// takes the write lock up front with BEGIN IMMEDIATE, so a transaction never has to upgrade a read lock (the case
/// where SQLite gives up without calling the busy handler). synchronous=NORMAL is durable against a killed
/// process in WAL mode; a power cut may drop the last commits but never corrupts the file.
class HistoryDatabase final
{
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr int kBusyTimeoutMs = 5000;

    explicit HistoryDatabase(QString path, int busyTimeoutMs = kBusyTimeoutMs);
    ~HistoryDatabase();
    Q_DISABLE_COPY_MOVE(HistoryDatabase)

    /// Creates the file (0600) if needed, opens it, sets the pragmas and brings the schema up to kSchemaVersion.
    HistoryError open();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }
    QSqlDatabase connection() const;

    /// Runs `work` between BEGIN IMMEDIATE and COMMIT. When `work` returns an error, or the commit fails, the
    /// transaction is rolled back and that error is returned. `doing` starts the error sentence.
    HistoryError write(const QString &doing, const std::function<HistoryError(QSqlDatabase &)> &work);

    /// One value of a pragma, e.g. "journal_mode" → "wal" (for tests and diagnostics).
    QString pragma(const QString &name) const;
    /// PRAGMA integrity_check; "ok" when the file is sound.
    HistoryResult<QString> integrityCheck() const;

private:
    HistoryError configure();
    HistoryError migrate();
    HistoryError exec(const QString &sql, const QString &doing);
    /// SQLite reports a full disk met while creating its -shm/-wal files as a plain I/O error: say what it is.
    HistoryError explained(HistoryError error) const;
    bool onOwnThread() const;

    QString m_path;
    QString m_connection;
    int m_busyTimeoutMs;
    QThread *m_thread = nullptr;
};

} // namespace Cloudcraft::Core
