#include "history/snapshotchanges.h"

#include "diff/diffinput.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Cloudcraft::Core {

namespace {

QString hashOf(const SnapshotRecord &record, QStringView role)
{
    const auto file = record.file(role);
    return file ? file->sha256 : QString();
}

DiffSource sourceFor(const BlobStore &blobs, const SnapshotRecord &record, QStringView role, QString *error)
{
    DiffSource source;
    source.label = QStringLiteral("snapshot %1").arg(record.id);
    const auto file = record.file(role);
    if (!file) {
        *error = QStringLiteral("Snapshot %1 holds no %2 file.").arg(record.id).arg(role);
        return source;
    }
    const auto bytes = blobs.read(file->sha256);
    if (!bytes.ok()) {
        *error = bytes.error.message;
        return source;
    }
    source.bytes = bytes.value;
    source.content = DiffInput::detect(source.bytes);
    return source;
}

void addStructure(const BlobStore &blobs, const SnapshotRecord &before, const SnapshotRecord &after,
                  SnapshotChanges &changes)
{
    QString error;
    const DiffSource a = sourceFor(blobs, before, u"json", &error);
    const DiffSource b = sourceFor(blobs, after, u"json", &error);
    if (!error.isEmpty())
        return; // no document on one side: the timeline shows pixels only
    const auto documentA = DiffInput::parseInventory(a, &error);
    const auto documentB = DiffInput::parseInventory(b, &error);
    if (!documentA || !documentB)
        return;
    const InventoryCounts totals = InventoryDiff().compare(*documentA, *documentB).totals;
    changes.hasStructure = true;
    changes.added = totals.added;
    changes.removed = totals.removed;
    changes.changed = totals.changed;
    changes.moved = totals.moved;
}

} // namespace

SnapshotChangeKey SnapshotChangeKey::of(const SnapshotRecord &before, const SnapshotRecord &after)
{
    return {hashOf(before, u"png"), hashOf(after, u"png"), hashOf(before, u"json"), hashOf(after, u"json")};
}

SnapshotChanges computeSnapshotChanges(const BlobStore &blobs, const SnapshotRecord &before,
                                       const SnapshotRecord &after)
{
    SnapshotChanges changes;
    addStructure(blobs, before, after, changes);

    DiffSource a = sourceFor(blobs, before, u"png", &changes.error);
    DiffSource b = sourceFor(blobs, after, u"png", &changes.error);
    if (!changes.ok())
        return changes;
    const DiffInput input;
    auto [imageA, imageB] = input.decodePair(a, b);
    if (!imageA.ok() || !imageB.ok()) {
        changes.error = !imageA.ok() ? imageA.error : imageB.error;
        return changes;
    }
    PixelDiffOptions options; // the CLI's defaults
    options.produceDiffImage = false;
    const PixelDiffResult result = PixelDiff(options).compare(imageA.image, imageB.image);
    if (!result.ok()) {
        changes.error = result.errorString;
        return changes;
    }
    changes.differentPixels = result.mismatchCount;
    changes.canvasPixels = qint64(result.canvasSize.width()) * result.canvasSize.height();
    changes.identical = result.identical;
    changes.sizeChanged = result.sizeChanged();
    return changes;
}

HistoryError SnapshotChangeCache::prepare()
{
    if (m_prepared)
        return {};
    const HistoryError error = m_db.write(QStringLiteral("Could not prepare the snapshot change cache"),
                                          [](QSqlDatabase &db) -> HistoryError {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS snapshot_changes ("
                                       "before_png TEXT NOT NULL, after_png TEXT NOT NULL, "
                                       "before_json TEXT NOT NULL, after_json TEXT NOT NULL, "
                                       "different_pixels INTEGER NOT NULL, canvas_pixels INTEGER NOT NULL, "
                                       "identical INTEGER NOT NULL, size_changed INTEGER NOT NULL, "
                                       "has_structure INTEGER NOT NULL, added INTEGER NOT NULL, "
                                       "removed INTEGER NOT NULL, changed INTEGER NOT NULL, moved INTEGER NOT NULL, "
                                       "PRIMARY KEY (before_png, after_png, before_json, after_json))")))
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not create the table "
                                                                           "snapshot_changes"));
        return {};
    });
    m_prepared = !error.isError();
    return error;
}

HistoryResult<std::optional<SnapshotChanges>> SnapshotChangeCache::find(const SnapshotChangeKey &key)
{
    HistoryResult<std::optional<SnapshotChanges>> result;
    if (const HistoryError error = prepare()) {
        result.error = error;
        return result;
    }
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT different_pixels, canvas_pixels, identical, size_changed, has_structure, "
                                 "added, removed, changed, moved FROM snapshot_changes WHERE before_png = ? AND "
                                 "after_png = ? AND before_json = ? AND after_json = ?"));
    for (const QString &value : {key.beforePng, key.afterPng, key.beforeJson, key.afterJson})
        query.addBindValue(value);
    if (!query.exec()) {
        result.error = HistoryError::fromSql(query.lastError(), QStringLiteral("Could not read the snapshot changes"));
        return result;
    }
    if (!query.next())
        return result;
    SnapshotChanges changes;
    changes.differentPixels = query.value(0).toLongLong();
    changes.canvasPixels = query.value(1).toLongLong();
    changes.identical = query.value(2).toBool();
    changes.sizeChanged = query.value(3).toBool();
    changes.hasStructure = query.value(4).toBool();
    changes.added = query.value(5).toInt();
    changes.removed = query.value(6).toInt();
    changes.changed = query.value(7).toInt();
    changes.moved = query.value(8).toInt();
    result.value = changes;
    return result;
}

HistoryError SnapshotChangeCache::save(const SnapshotChangeKey &key, const SnapshotChanges &changes)
{
    if (!changes.ok())
        return {}; // failures are not cached: the next look tries again
    if (const HistoryError error = prepare())
        return error;
    return m_db.write(QStringLiteral("Could not save the snapshot changes"), [&](QSqlDatabase &db) -> HistoryError {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO snapshot_changes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                     "?, ?, ?)"));
        for (const QString &value : {key.beforePng, key.afterPng, key.beforeJson, key.afterJson})
            query.addBindValue(value);
        for (const QVariant &value :
             {QVariant(changes.differentPixels), QVariant(changes.canvasPixels), QVariant(changes.identical),
              QVariant(changes.sizeChanged), QVariant(changes.hasStructure), QVariant(changes.added),
              QVariant(changes.removed), QVariant(changes.changed), QVariant(changes.moved)})
            query.addBindValue(value);
        if (!query.exec())
            return HistoryError::fromSql(query.lastError(), QStringLiteral("Could not save the snapshot changes"));
        return {};
    });
}

} // namespace Cloudcraft::Core
