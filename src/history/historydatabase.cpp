#include "history/historydatabase.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Cloudcraft::Core {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

/// Schema steps: entry N brings user_version N to N+1. Only ever append; a released step never changes.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        // 0 → 1: snapshots, their files (content-addressed) and the files whose last reference went away.
        {QStringLiteral("CREATE TABLE snapshots ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " profile TEXT NOT NULL,"
                        " kind TEXT NOT NULL CHECK (kind IN ('blueprint', 'aws', 'azure')),"
                        " source_id TEXT NOT NULL,"
                        " region TEXT NOT NULL DEFAULT '',"
                        " title TEXT NOT NULL DEFAULT '',"
                        " taken_at INTEGER NOT NULL,"
                        " updated_at INTEGER,"
                        " name TEXT,"
                        " note TEXT NOT NULL DEFAULT '')"),
         QStringLiteral("CREATE INDEX snapshots_by_source ON snapshots (kind, source_id, region, taken_at)"),
         QStringLiteral("CREATE TABLE snapshot_files ("
                        " snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,"
                        " role TEXT NOT NULL,"
                        " sha256 TEXT NOT NULL,"
                        " size INTEGER NOT NULL,"
                        " PRIMARY KEY (snapshot_id, role))"),
         QStringLiteral("CREATE INDEX snapshot_files_by_hash ON snapshot_files (sha256)"),
         QStringLiteral("CREATE TABLE pending_deletes (sha256 TEXT PRIMARY KEY)")},
    };
    return steps;
}

} // namespace

HistoryDatabase::HistoryDatabase(QString path, int busyTimeoutMs)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("cloudcraft-history-%1").arg(++s_connectionCounter))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_thread(QThread::currentThread())
{
}

HistoryDatabase::~HistoryDatabase()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool HistoryDatabase::onOwnThread() const
{
    return QThread::currentThread() == m_thread;
}

QSqlDatabase HistoryDatabase::connection() const
{
    Q_ASSERT_X(onOwnThread(), "HistoryDatabase", "a connection is used only by the thread that made it");
    return QSqlDatabase::database(m_connection, false);
}

bool HistoryDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && connection().isOpen();
}

HistoryError HistoryDatabase::open()
{
    if (!onOwnThread())
        return HistoryError::make(HistoryError::Kind::Io,
                                  QStringLiteral("The history database was used from another thread."));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return HistoryError::make(HistoryError::Kind::Io,
                                  QStringLiteral("The SQLite driver of Qt Sql is not installed (qt6 sqlite plugin)."));
    // SQLite creates new files 0644 & ~umask and gives -wal/-shm the mode of the main file: create it private.
    const QByteArray nativePath = QFile::encodeName(m_path);
    const int fd = ::open(nativePath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return HistoryError::fromErrno(errno, QStringLiteral("Could not open the history database %1").arg(m_path), {});
    ::fchmod(fd, 0600);
    ::close(fd);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return explained(HistoryError::fromSql(db.lastError(), QStringLiteral("Could not open the history database %1").arg(m_path)));
    if (HistoryError error = configure())
        return explained(error);
    return explained(migrate());
}

HistoryError HistoryDatabase::explained(HistoryError error) const
{
    constexpr qint64 kNearlyFull = 256 * 1024;
    if (error.kind != HistoryError::Kind::Io)
        return error;
    const QStorageInfo volume(QFileInfo(m_path).absolutePath());
    if (volume.isValid() && volume.bytesAvailable() >= 0 && volume.bytesAvailable() < kNearlyFull)
        return HistoryError::make(HistoryError::Kind::DiskFull,
                                  QStringLiteral("The snapshot history %1 cannot be written: the disk is full.").arg(m_path));
    return error;
}

HistoryError HistoryDatabase::exec(const QString &sql, const QString &doing)
{
    QSqlQuery query(connection());
    if (!query.exec(sql))
        return HistoryError::fromSql(query.lastError(), doing);
    return {};
}

HistoryError HistoryDatabase::configure()
{
    const QString doing = QStringLiteral("Could not open the history database %1").arg(m_path);
    // The busy timeout first: switching to WAL needs a lock another process may hold right now.
    if (HistoryError error = exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs), doing))
        return error;
    // Several processes opening a new file race to switch it to WAL. SQLite answers such a race with "locked" at
    // once instead of calling the busy handler (waiting could deadlock), so wait here, within the same timeout.
    QSqlQuery query(connection());
    QElapsedTimer waited;
    waited.start();
    while (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
        HistoryError error = HistoryError::fromSql(query.lastError(), doing);
        if (error.kind != HistoryError::Kind::Locked || waited.elapsed() >= m_busyTimeoutMs)
            return error;
        query.finish();
        QThread::msleep(20);
    }
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return HistoryError::make(HistoryError::Kind::Io,
                                  QStringLiteral("%1: it cannot use write-ahead logging (journal mode %2).")
                                      .arg(doing, query.value(0).toString()));
    query.finish();
    for (const QString &pragma : {QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA foreign_keys = ON")}) {
        if (HistoryError error = exec(pragma, doing))
            return error;
    }
    return {};
}

QString HistoryDatabase::pragma(const QString &name) const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0).toString();
}

HistoryResult<QString> HistoryDatabase::integrityCheck() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return {{}, HistoryError::fromSql(query.lastError(), QStringLiteral("Could not check the history database"))};
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return {lines.join(u'\n'), {}};
}

HistoryError HistoryDatabase::migrate()
{
    const int target = int(migrations().size());
    Q_ASSERT(target == kSchemaVersion);
    const auto readVersion = [this](int *version) -> HistoryError {
        QSqlQuery query(connection());
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not read the history database"));
        *version = query.value(0).toInt();
        return {};
    };
    int version = 0;
    if (HistoryError error = readVersion(&version))
        return error;
    if (version == target)
        return {};
    // Another process may be migrating at this moment: decide again under the write lock.
    return write(QStringLiteral("Could not update the history database"), [&](QSqlDatabase &db) -> HistoryError {
        if (HistoryError error = readVersion(&version))
            return error;
        if (version > target)
            return HistoryError::make(HistoryError::Kind::TooNew,
                                      QStringLiteral("The history database %1 was written by a newer version of "
                                                     "Cloudcraft Desktop (schema %2, this version knows %3); update "
                                                     "the app.")
                                          .arg(m_path)
                                          .arg(version)
                                          .arg(target));
        for (; version < target; ++version) {
            for (const QString &sql : migrations().at(version)) {
                QSqlQuery query(db);
                if (!query.exec(sql))
                    return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not update the history database"));
            }
        }
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(target)))
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not update the history database"));
        return {};
    });
}

HistoryError HistoryDatabase::write(const QString &doing, const std::function<HistoryError(QSqlDatabase &)> &work)
{
    if (!onOwnThread())
        return HistoryError::make(HistoryError::Kind::Io,
                                  QStringLiteral("%1: the history database was used from another thread.").arg(doing));
    QSqlDatabase db = connection();
    if (HistoryError error = exec(QStringLiteral("BEGIN IMMEDIATE"), doing))
        return explained(error);
    HistoryError error = work(db);
    if (!error) {
        QSqlQuery commit(db);
        if (commit.exec(QStringLiteral("COMMIT")))
            return {};
        error = HistoryError::fromSql(commit.lastError(), doing);
    }
    QSqlQuery rollback(db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return explained(error);
}

} // namespace Cloudcraft::Core
