#pragma once

#include "api/apiparse.h"

#include <QFile>
#include <QTest>

namespace Cloudcraft::Test {

inline QByteArray readSample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR) + QStringLiteral("/samples/cloudcraft/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2026, 1, day), QTime(hour, 0), Qt::UTC);
}

inline Core::BlueprintSummary blueprint(const QString &id, const QString &name, const QStringList &tags,
    const QDateTime &updated, const QStringList &readAccess = {}, const QStringList &writeAccess = {})
{
    Core::BlueprintSummary summary;
    summary.id = id;
    summary.name = name;
    summary.tags = tags;
    summary.updatedAt = updated;
    summary.createdAt = updated.addDays(-1);
    summary.readAccess = readAccess;
    summary.writeAccess = writeAccess;
    return summary;
}

inline Core::Team team(const QString &id, const QString &name)
{
    Core::Team result;
    result.id = id;
    result.name = name;
    return result;
}

/// Display texts of the children of `parent`, in model order.
inline QStringList childTexts(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row)
        texts.append(model.index(row, 0, parent).data().toString());
    return texts;
}

/// The child of `parent` whose NameRole is `name`; invalid when none.
inline QModelIndex childNamed(const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(Core::NameRole).toString() == name)
            return index;
    }
    return {};
}

} // namespace Cloudcraft::Test
