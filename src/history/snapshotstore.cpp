#include "history/snapshotstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <map>

namespace Cloudcraft::Core {

namespace {

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

/// SQLite stores a null QString as NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

HistoryError notFound(qint64 id)
{
    return HistoryError::make(HistoryError::Kind::NotFound, QStringLiteral("There is no snapshot %1.").arg(id));
}

} // namespace

std::optional<SnapshotFile> SnapshotRecord::file(QStringView role) const
{
    for (const SnapshotFile &f : files) {
        if (f.role == role)
            return f;
    }
    return std::nullopt;
}

QJsonObject SnapshotRecord::toJson() const
{
    QJsonArray fileArray;
    for (const SnapshotFile &f : files)
        fileArray.append(QJsonObject{{QStringLiteral("role"), f.role},
                                     {QStringLiteral("sha256"), f.sha256},
                                     {QStringLiteral("size"), double(f.size)},
                                     {QStringLiteral("path"), f.path}});
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("reference"), source.reference()},
                       {QStringLiteral("profile"), source.profile},
                       {QStringLiteral("kind"), SnapshotSource::kindName(source.kind)},
                       {QStringLiteral("sourceId"), source.id},
                       {QStringLiteral("region"), source.region},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("takenAt"), isoTime(takenAt)},
                       {QStringLiteral("updatedAt"), updatedAt.isValid() ? QJsonValue(isoTime(updatedAt)) : QJsonValue()},
                       {QStringLiteral("name"), name.isEmpty() ? QJsonValue() : QJsonValue(name)},
                       {QStringLiteral("note"), note},
                       {QStringLiteral("files"), fileArray}};
}

SnapshotStore::SnapshotStore(QString root, int busyTimeoutMs)
    : m_root(std::move(root))
    , m_db(m_root + QStringLiteral("/history.sqlite"), busyTimeoutMs)
    , m_blobs(m_root + QStringLiteral("/objects"))
{
}

QString SnapshotStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/cloudcraft-desktop/history");
}

HistoryError SnapshotStore::open()
{
    // The parent (…/cloudcraft-desktop) may hold other data; the history directory itself is private.
    if (HistoryError error = BlobStore(m_root).prepare())
        return error;
    if (HistoryError error = m_blobs.prepare())
        return error;
    if (HistoryError error = m_db.open())
        return error;
    m_open = true;
    return {};
}

HistoryError SnapshotStore::checkOpen() const
{
    if (!m_open)
        return HistoryError::make(HistoryError::Kind::Io, QStringLiteral("The snapshot history is not open."));
    return {};
}

HistoryResult<SnapshotRecord> SnapshotStore::add(const NewSnapshot &snapshot)
{
    if (HistoryError error = checkOpen())
        return {{}, error};
    if (snapshot.png.isEmpty() && snapshot.json.isEmpty())
        return {{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                       QStringLiteral("A snapshot needs an image or a JSON document."))};
    QList<std::pair<QString, const QByteArray *>> contents;
    for (const auto &[role, bytes] : {std::pair{QStringLiteral("png"), &snapshot.png},
                                      std::pair{QStringLiteral("svg"), &snapshot.svg},
                                      std::pair{QStringLiteral("json"), &snapshot.json}}) {
        if (!bytes->isEmpty())
            contents.append({role, bytes});
    }
    // Files first, synced, outside the lock (the slow part); the row that names them comes after.
    for (const auto &[role, bytes] : contents) {
        if (const auto put = m_blobs.put(*bytes); !put.ok())
            return {{}, put.error};
    }
    const QDateTime takenAt = snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc();
    qint64 id = 0;
    const HistoryError error = m_db.write(QStringLiteral("Could not save the snapshot"), [&](QSqlDatabase &db) -> HistoryError {
        // A concurrent rm/prune may have deleted a file with the same content since: under the lock, make sure.
        for (const auto &[role, bytes] : contents) {
            if (!m_blobs.contains(BlobStore::hashOf(*bytes), bytes->size())) {
                if (const auto put = m_blobs.put(*bytes); !put.ok())
                    return put.error;
            }
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO snapshots (profile, kind, source_id, region, title, taken_at, "
                                      "updated_at, name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(text(snapshot.source.profile));
        insert.addBindValue(SnapshotSource::kindName(snapshot.source.kind));
        insert.addBindValue(text(snapshot.source.id));
        insert.addBindValue(text(snapshot.source.region));
        insert.addBindValue(text(snapshot.title));
        insert.addBindValue(takenAt.toMSecsSinceEpoch());
        insert.addBindValue(timeValue(snapshot.updatedAt));
        insert.addBindValue(snapshot.name.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(snapshot.name));
        insert.addBindValue(text(snapshot.note));
        if (!insert.exec())
            return HistoryError::fromSql(insert.lastError(), QStringLiteral("Could not save the snapshot"));
        id = insert.lastInsertId().toLongLong();
        for (const auto &[role, bytes] : contents) {
            QSqlQuery file(db);
            file.prepare(QStringLiteral("INSERT INTO snapshot_files (snapshot_id, role, sha256, size) VALUES (?, ?, ?, ?)"));
            file.addBindValue(id);
            file.addBindValue(role);
            file.addBindValue(BlobStore::hashOf(*bytes));
            file.addBindValue(qint64(bytes->size()));
            if (!file.exec())
                return HistoryError::fromSql(file.lastError(), QStringLiteral("Could not save the snapshot"));
        }
        return {};
    });
    if (error)
        return {{}, error};
    return get(id);
}

HistoryResult<QList<SnapshotRecord>> SnapshotStore::select(const QString &where, const QVariantList &bindings,
                                                           const QString &suffix)
{
    if (HistoryError error = checkOpen())
        return {{}, error};
    const QString doing = QStringLiteral("Could not read the snapshot history");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, profile, kind, source_id, region, title, taken_at, updated_at, name, note "
                                 "FROM snapshots")
                  + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where)
                  + QStringLiteral(" ORDER BY taken_at DESC, id DESC") + suffix);
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return {{}, HistoryError::fromSql(query.lastError(), doing)};
    QList<SnapshotRecord> records;
    std::map<qint64, qsizetype> indexById;
    while (query.next()) {
        SnapshotRecord r;
        r.id = query.value(0).toLongLong();
        r.source.profile = query.value(1).toString();
        r.source.kind = SnapshotSource::kindFromName(query.value(2).toString()).value_or(SnapshotSource::Kind::Blueprint);
        r.source.id = query.value(3).toString();
        r.source.region = query.value(4).toString();
        r.title = query.value(5).toString();
        r.takenAt = timeFrom(query.value(6));
        r.updatedAt = timeFrom(query.value(7));
        r.name = query.value(8).toString();
        r.note = query.value(9).toString();
        indexById[r.id] = records.size();
        records.append(r);
    }
    query.finish();
    if (records.isEmpty())
        return {records, {}};
    QStringList ids;
    for (const SnapshotRecord &r : records)
        ids.append(QString::number(r.id));
    QSqlQuery files(m_db.connection());
    files.setForwardOnly(true);
    // The ids are our own integers, so joining them into the statement is safe.
    if (!files.exec(QStringLiteral("SELECT snapshot_id, role, sha256, size FROM snapshot_files WHERE snapshot_id IN (%1) "
                                   "ORDER BY snapshot_id, role")
                        .arg(ids.join(u','))))
        return {{}, HistoryError::fromSql(files.lastError(), doing)};
    while (files.next()) {
        const auto it = indexById.find(files.value(0).toLongLong());
        if (it == indexById.end())
            continue;
        const QString hash = files.value(2).toString();
        records[it->second].files.append({files.value(1).toString(), hash, files.value(3).toLongLong(), m_blobs.pathFor(hash)});
    }
    return {records, {}};
}

HistoryResult<SnapshotRecord> SnapshotStore::get(qint64 id)
{
    const auto found = select(QStringLiteral("id = ?"), {id});
    if (!found.ok())
        return {{}, found.error};
    if (found.value.isEmpty())
        return {{}, notFound(id)};
    return {found.value.first(), {}};
}

HistoryResult<QList<SnapshotRecord>> SnapshotStore::list(const std::optional<SnapshotSource> &filter, const QString &profile)
{
    QStringList where;
    QVariantList bindings;
    if (filter) {
        where << QStringLiteral("kind = ?") << QStringLiteral("source_id = ?");
        bindings << SnapshotSource::kindName(filter->kind) << filter->id;
        if (!filter->region.isEmpty()) {
            where << QStringLiteral("region = ?");
            bindings << filter->region;
        }
    }
    if (!profile.isEmpty()) {
        where << QStringLiteral("profile = ?");
        bindings << profile;
    }
    return select(where.join(QStringLiteral(" AND ")), bindings);
}

HistoryResult<SnapshotRecord> SnapshotStore::latest(const SnapshotSource &source, int back)
{
    const auto found = select(QStringLiteral("kind = ? AND source_id = ? AND region = ?"),
                              {SnapshotSource::kindName(source.kind), text(source.id), text(source.region)},
                              QStringLiteral(" LIMIT 1 OFFSET %1").arg(qMax(0, back)));
    if (!found.ok())
        return {{}, found.error};
    if (found.value.isEmpty())
        return {{}, HistoryError::make(HistoryError::Kind::NotFound,
                                       back == 0 ? QStringLiteral("There is no snapshot of %1 yet.").arg(source.reference())
                                                 : QStringLiteral("%1 has fewer than %2 snapshots.")
                                                       .arg(source.reference())
                                                       .arg(back + 1))};
    return {found.value.first(), {}};
}

HistoryError SnapshotStore::rename(qint64 id, const QString &name)
{
    if (HistoryError error = checkOpen())
        return error;
    return m_db.write(QStringLiteral("Could not rename snapshot %1").arg(id), [&](QSqlDatabase &db) -> HistoryError {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET name = ? WHERE id = ?"));
        query.addBindValue(name.trimmed().isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(name.trimmed()));
        query.addBindValue(id);
        if (!query.exec())
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not rename snapshot %1").arg(id));
        return query.numRowsAffected() == 1 ? HistoryError{} : notFound(id);
    });
}

HistoryError SnapshotStore::setNote(qint64 id, const QString &note)
{
    if (HistoryError error = checkOpen())
        return error;
    return m_db.write(QStringLiteral("Could not change the note of snapshot %1").arg(id), [&](QSqlDatabase &db) -> HistoryError {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE snapshots SET note = ? WHERE id = ?"));
        query.addBindValue(text(note));
        query.addBindValue(id);
        if (!query.exec())
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not change the note of snapshot %1").arg(id));
        return query.numRowsAffected() == 1 ? HistoryError{} : notFound(id);
    });
}

HistoryError SnapshotStore::removeRows(QSqlDatabase &db, const QList<qint64> &ids, CleanupReport &report)
{
    const QString doing = QStringLiteral("Could not remove the snapshots");
    for (const qint64 id : ids) {
        QSqlQuery queue(db);
        queue.prepare(QStringLiteral("INSERT OR IGNORE INTO pending_deletes (sha256) "
                                     "SELECT sha256 FROM snapshot_files WHERE snapshot_id = ?"));
        queue.addBindValue(id);
        if (!queue.exec())
            return HistoryError::fromSql(queue.lastError(), doing);
        // Explicit, so it holds even on a connection where foreign_keys is off.
        QSqlQuery files(db);
        files.prepare(QStringLiteral("DELETE FROM snapshot_files WHERE snapshot_id = ?"));
        files.addBindValue(id);
        QSqlQuery row(db);
        row.prepare(QStringLiteral("DELETE FROM snapshots WHERE id = ?"));
        row.addBindValue(id);
        if (!files.exec())
            return HistoryError::fromSql(files.lastError(), doing);
        if (!row.exec())
            return HistoryError::fromSql(row.lastError(), doing);
        report.snapshotsRemoved += row.numRowsAffected();
    }
    return {};
}

HistoryResult<CleanupReport> SnapshotStore::deletePendingFiles(CleanupReport report)
{
    const HistoryError error = m_db.write(QStringLiteral("Could not delete unused snapshot files"), [&](QSqlDatabase &db) -> HistoryError {
        QSqlQuery unused(db);
        unused.setForwardOnly(true);
        if (!unused.exec(QStringLiteral("SELECT sha256 FROM pending_deletes WHERE sha256 NOT IN "
                                        "(SELECT sha256 FROM snapshot_files)")))
            return HistoryError::fromSql(unused.lastError(), QStringLiteral("Could not delete unused snapshot files"));
        QStringList hashes;
        while (unused.next())
            hashes.append(unused.value(0).toString());
        unused.finish();
        // A crash after some unlinks and before COMMIT keeps the queue, so the next run finishes the job.
        for (const QString &hash : hashes) {
            if (!BlobStore::isHash(hash))
                continue;
            const qint64 size = QFileInfo(m_blobs.pathFor(hash)).size();
            if (QFileInfo::exists(m_blobs.pathFor(hash)) && m_blobs.remove(hash)) {
                ++report.filesRemoved;
                report.bytesFreed += size;
            }
        }
        QSqlQuery clear(db);
        if (!clear.exec(QStringLiteral("DELETE FROM pending_deletes")))
            return HistoryError::fromSql(clear.lastError(), QStringLiteral("Could not delete unused snapshot files"));
        return {};
    });
    return {report, error};
}

HistoryResult<CleanupReport> SnapshotStore::remove(qint64 id)
{
    if (HistoryError error = checkOpen())
        return {{}, error};
    CleanupReport report;
    const HistoryError error = m_db.write(QStringLiteral("Could not remove snapshot %1").arg(id), [&](QSqlDatabase &db) -> HistoryError {
        if (HistoryError e = removeRows(db, {id}, report))
            return e;
        return report.snapshotsRemoved == 1 ? HistoryError{} : notFound(id);
    });
    if (error)
        return {{}, error};
    return deletePendingFiles(report);
}

HistoryResult<CleanupReport> SnapshotStore::prune(const PruneRule &rule)
{
    if (HistoryError error = checkOpen())
        return {{}, error};
    if (!rule.keep && !rule.olderThan)
        return {{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                       QStringLiteral("Say what to prune: a number of snapshots to keep, an age, or both."))};
    if (rule.keep && *rule.keep < 0)
        return {{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                       QStringLiteral("The number of snapshots to keep cannot be negative."))};
    const QDateTime now = rule.now.isValid() ? rule.now : QDateTime::currentDateTimeUtc();
    const qint64 cutoff = rule.olderThan ? now.toMSecsSinceEpoch() - qint64(rule.olderThan->count()) * 1000 : 0;
    CleanupReport report;
    const QString doing = QStringLiteral("Could not prune the snapshot history");
    const HistoryError error = m_db.write(doing, [&](QSqlDatabase &db) -> HistoryError {
        QString sql = QStringLiteral("SELECT id, profile, kind, source_id, region, taken_at, name FROM snapshots");
        QVariantList bindings;
        if (rule.only) {
            sql += QStringLiteral(" WHERE kind = ? AND source_id = ?");
            bindings << SnapshotSource::kindName(rule.only->kind) << rule.only->id;
            if (!rule.only->region.isEmpty()) {
                sql += QStringLiteral(" AND region = ?");
                bindings << rule.only->region;
            }
        }
        sql += QStringLiteral(" ORDER BY profile, kind, source_id, region, taken_at DESC, id DESC");
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant &value : bindings)
            query.addBindValue(value);
        if (!query.exec())
            return HistoryError::fromSql(query.lastError(), doing);
        QList<qint64> doomed;
        QString currentSource;
        int rank = 0;
        while (query.next()) {
            const QString source = QStringList{query.value(1).toString(), query.value(2).toString(),
                                               query.value(3).toString(), query.value(4).toString()}
                                       .join(u'\x1f');
            rank = source == currentSource ? rank + 1 : 0;
            currentSource = source;
            const bool named = !query.value(6).toString().isEmpty();
            const bool beyondKeep = !rule.keep || rank >= *rule.keep;
            const bool oldEnough = !rule.olderThan || query.value(5).toLongLong() < cutoff;
            if (!named && beyondKeep && oldEnough)
                doomed.append(query.value(0).toLongLong());
        }
        query.finish();
        return removeRows(db, doomed, report);
    });
    if (error)
        return {{}, error};
    const auto deleted = deletePendingFiles(report);
    if (!deleted.ok())
        return deleted;
    // Prune is also when leftovers of killed writers go.
    const auto swept = collectGarbage();
    if (!swept.ok())
        return {deleted.value, swept.error};
    CleanupReport total = deleted.value;
    total.filesRemoved += swept.value.filesRemoved;
    total.bytesFreed += swept.value.bytesFreed;
    return {total, {}};
}

HistoryResult<CleanupReport> SnapshotStore::collectGarbage(std::chrono::seconds temporaryGrace)
{
    if (HistoryError error = checkOpen())
        return {{}, error};
    CleanupReport report;
    const QString doing = QStringLiteral("Could not clean up the snapshot files");
    // Under the write lock: a writer names its files inside its own write transaction and re-checks that they
    // exist there, so nothing it is about to reference can disappear.
    const HistoryError error = m_db.write(doing, [&](QSqlDatabase &db) -> HistoryError {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT DISTINCT sha256 FROM snapshot_files")))
            return HistoryError::fromSql(query.lastError(), doing);
        QSet<QString> referenced;
        while (query.next())
            referenced.insert(query.value(0).toString());
        query.finish();
        for (const QString &hash : m_blobs.hashes()) {
            if (referenced.contains(hash))
                continue;
            const qint64 size = QFileInfo(m_blobs.pathFor(hash)).size();
            if (m_blobs.remove(hash)) {
                ++report.filesRemoved;
                report.bytesFreed += size;
            }
        }
        report.filesRemoved += m_blobs.removeTemporaryFiles(temporaryGrace);
        QSqlQuery clear(db);
        if (!clear.exec(QStringLiteral("DELETE FROM pending_deletes")))
            return HistoryError::fromSql(clear.lastError(), doing);
        return {};
    });
    return {report, error};
}

HistoryResult<QByteArray> SnapshotStore::read(const SnapshotFile &file) const
{
    return m_blobs.read(file.sha256);
}

} // namespace Cloudcraft::Core
