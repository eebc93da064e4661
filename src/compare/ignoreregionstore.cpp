#include "compare/ignoreregionstore.h"

#include "diff/diffsource.h"
#include "history/blobstore.h"
#include "history/historydatabase.h"
#include "history/snapshotstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Cloudcraft::Core {

namespace {

const QString createTable = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS compare_ignore_regions ("
    " source_key TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " x INTEGER NOT NULL, y INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
    " PRIMARY KEY (source_key, position))");

HistoryError checkKey(const QString &sourceKey)
{
    if (sourceKey.trimmed().isEmpty())
        return HistoryError::make(HistoryError::Kind::InvalidArgument,
                                  QStringLiteral("Ignore regions need a source (a blueprint, account or file)."));
    return {};
}

/// Inside a write transaction: the saved regions of one source.
HistoryResult<QList<QRect>> select(QSqlDatabase &db, const QString &sourceKey, const QString &doing)
{
    HistoryResult<QList<QRect>> result;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT x, y, width, height FROM compare_ignore_regions WHERE source_key = ? "
                                 "ORDER BY position"));
    query.addBindValue(sourceKey);
    if (!query.exec()) {
        result.error = HistoryError::fromSql(query.lastError(), doing);
        return result;
    }
    while (query.next())
        result.value.append(QRect(query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt(),
                                  query.value(3).toInt()));
    return result;
}

/// Inside a write transaction: replaces the regions of one source.
HistoryError replace(QSqlDatabase &db, const QString &sourceKey, const QList<QRect> &regions, const QString &doing)
{
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM compare_ignore_regions WHERE source_key = ?"));
    remove.addBindValue(sourceKey);
    if (!remove.exec())
        return HistoryError::fromSql(remove.lastError(), doing);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO compare_ignore_regions (source_key, position, x, y, width, height) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < regions.size(); ++i) {
        const QRect r = regions[i].normalized();
        insert.addBindValue(sourceKey);
        insert.addBindValue(int(i));
        insert.addBindValue(r.x());
        insert.addBindValue(r.y());
        insert.addBindValue(r.width());
        insert.addBindValue(r.height());
        if (!insert.exec())
            return HistoryError::fromSql(insert.lastError(), doing);
    }
    return {};
}

} // namespace

IgnoreRegionStore::IgnoreRegionStore(QString databasePath)
    : m_path(databasePath.isEmpty() ? SnapshotStore::defaultRoot() + QStringLiteral("/history.sqlite")
                                    : std::move(databasePath))
{
}

IgnoreRegionStore::~IgnoreRegionStore() = default;

HistoryError IgnoreRegionStore::open()
{
    if (m_database && m_database->isOpen())
        return {};
    // The history directory is private (0700), made the way SnapshotStore makes it.
    if (HistoryError error = BlobStore(QFileInfo(m_path).absolutePath()).prepare())
        return error;
    auto database = std::make_unique<HistoryDatabase>(m_path);
    if (HistoryError error = database->open())
        return error;
    if (HistoryError error = database->write(QStringLiteral("Could not prepare the ignore regions in %1").arg(m_path),
                                             [](QSqlDatabase &db) -> HistoryError {
                                                 QSqlQuery query(db);
                                                 if (!query.exec(createTable))
                                                     return HistoryError::fromSql(
                                                         query.lastError(),
                                                         QStringLiteral("Could not prepare the ignore regions"));
                                                 return {};
                                             }))
        return error;
    m_database = std::move(database);
    return {};
}

HistoryResult<QList<QRect>> IgnoreRegionStore::regions(const QString &sourceKey)
{
    HistoryResult<QList<QRect>> result;
    if ((result.error = checkKey(sourceKey)) || (result.error = open()))
        return result;
    QSqlDatabase db = m_database->connection();
    return select(db, sourceKey, QStringLiteral("Could not read the ignore regions of %1").arg(sourceKey));
}

HistoryError IgnoreRegionStore::setRegions(const QString &sourceKey, const QList<QRect> &regions)
{
    if (HistoryError error = checkKey(sourceKey))
        return error;
    if (HistoryError error = open())
        return error;
    const QString doing = QStringLiteral("Could not save the ignore regions of %1").arg(sourceKey);
    return m_database->write(doing, [&](QSqlDatabase &db) { return replace(db, sourceKey, regions, doing); });
}

HistoryError IgnoreRegionStore::addRegion(const QString &sourceKey, const QRect &region)
{
    if (HistoryError error = checkKey(sourceKey))
        return error;
    if (region.normalized().isEmpty())
        return HistoryError::make(HistoryError::Kind::InvalidArgument,
                                  QStringLiteral("An ignore region of %1 must be at least one pixel wide and high.")
                                      .arg(sourceKey));
    if (HistoryError error = open())
        return error;
    const QString doing = QStringLiteral("Could not save the ignore region of %1").arg(sourceKey);
    // Read and write under one write lock, so two processes adding at once both keep their region.
    return m_database->write(doing, [&](QSqlDatabase &db) -> HistoryError {
        HistoryResult<QList<QRect>> saved = select(db, sourceKey, doing);
        if (!saved.ok())
            return saved.error;
        saved.value.append(region);
        return replace(db, sourceKey, saved.value, doing);
    });
}

HistoryError IgnoreRegionStore::removeRegion(const QString &sourceKey, int index)
{
    if (HistoryError error = checkKey(sourceKey))
        return error;
    if (HistoryError error = open())
        return error;
    const QString doing = QStringLiteral("Could not remove the ignore region of %1").arg(sourceKey);
    return m_database->write(doing, [&](QSqlDatabase &db) -> HistoryError {
        HistoryResult<QList<QRect>> saved = select(db, sourceKey, doing);
        if (!saved.ok())
            return saved.error;
        if (index < 0 || index >= saved.value.size())
            return HistoryError::make(HistoryError::Kind::NotFound,
                                      QStringLiteral("%1 has no ignore region number %2.").arg(sourceKey).arg(index + 1));
        saved.value.removeAt(index);
        return replace(db, sourceKey, saved.value, doing);
    });
}

QString IgnoreRegionStore::keyForReference(const QString &reference)
{
    const QString scheme = DiffSourceRegistry::schemeOf(reference);
    if (scheme.isEmpty())
        return QFileInfo(reference).absoluteFilePath();
    if (scheme == u"snapshot") {
        // "snapshot:<source>@latest" names its source; "snapshot:<id>" alone does not, so it keys itself.
        const QString selector = reference.mid(reference.indexOf(u':') + 1);
        if (!DiffSourceRegistry::schemeOf(selector).isEmpty()) {
            const qsizetype at = selector.lastIndexOf(u'@');
            return at > 0 ? selector.left(at) : selector;
        }
    }
    return reference;
}

} // namespace Cloudcraft::Core
