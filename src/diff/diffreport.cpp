#include "diff/diffreport.h"

#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QJsonArray>

namespace Cloudcraft::Core::DiffReport {

namespace {

QJsonArray sizeJson(QSize size)
{
    return QJsonArray{size.width(), size.height()};
}

QJsonObject countsJson(const InventoryCounts &counts)
{
    return QJsonObject{{QStringLiteral("added"), counts.added},
                       {QStringLiteral("removed"), counts.removed},
                       {QStringLiteral("changed"), counts.changed},
                       {QStringLiteral("moved"), counts.moved},
                       {QStringLiteral("unchanged"), counts.unchanged}};
}

QJsonObject countsByName(const QMap<QString, InventoryCounts> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), countsJson(it.value()));
    return object;
}

// JSON has no "undefined": an attribute that appeared or vanished is written as null, and "text" says which.
QJsonValue definedOrNull(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonArray changesJson(const QList<AttributeChange> &changes)
{
    QJsonArray array;
    for (const AttributeChange &change : changes) {
        QJsonObject object{{QStringLiteral("path"), change.path},
                           {QStringLiteral("old"), definedOrNull(change.oldValue)},
                           {QStringLiteral("new"), definedOrNull(change.newValue)},
                           {QStringLiteral("text"), change.toString()}};
        if (!change.addedItems.isEmpty() || !change.removedItems.isEmpty()) {
            object.insert(QStringLiteral("added"), QJsonArray::fromStringList(change.addedItems));
            object.insert(QStringLiteral("removed"), QJsonArray::fromStringList(change.removedItems));
        }
        array.append(object);
    }
    return array;
}

QString errorName(PixelDiffError error)
{
    switch (error) {
    case PixelDiffError::None:
        return {};
    case PixelDiffError::InvalidInput:
        return QStringLiteral("invalid-input");
    case PixelDiffError::InvalidOptions:
        return QStringLiteral("invalid-options");
    case PixelDiffError::TooLarge:
        return QStringLiteral("too-large");
    case PixelDiffError::OutOfMemory:
        return QStringLiteral("out-of-memory");
    case PixelDiffError::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace

QJsonObject toJson(const PixelDiffResult &result)
{
    if (!result.ok())
        return QJsonObject{{QStringLiteral("error"), errorName(result.error)},
                           {QStringLiteral("message"), result.errorString}};

    QJsonArray regions;
    for (const ChangeRegion &region : result.regions) {
        regions.append(QJsonObject{{QStringLiteral("x"), region.box.x()},
                                   {QStringLiteral("y"), region.box.y()},
                                   {QStringLiteral("width"), region.box.width()},
                                   {QStringLiteral("height"), region.box.height()},
                                   {QStringLiteral("pixels"), region.pixelCount}});
    }
    const QRect &o = result.overlap;
    return QJsonObject{{QStringLiteral("identical"), result.identical},
                       {QStringLiteral("mismatch"), result.mismatchCount},
                       {QStringLiteral("outsideOverlap"), result.outsideOverlapCount},
                       {QStringLiteral("antiAliased"), result.antiAliasedCount},
                       {QStringLiteral("compared"), result.comparedPixels},
                       {QStringLiteral("sizeA"), sizeJson(result.sizeA)},
                       {QStringLiteral("sizeB"), sizeJson(result.sizeB)},
                       {QStringLiteral("sizeChanged"), result.sizeChanged()},
                       {QStringLiteral("canvas"), sizeJson(result.canvasSize)},
                       {QStringLiteral("overlap"), QJsonArray{o.x(), o.y(), o.width(), o.height()}},
                       {QStringLiteral("regions"), regions}};
}

QJsonObject toJson(const InventoryDiffResult &result, bool includeUnchanged)
{
    QJsonArray resources;
    for (const ResourceDiff &resource : result.resources) {
        if (resource.change == ResourceChange::Unchanged && !includeUnchanged)
            continue;
        QJsonObject object{{QStringLiteral("change"), changeName(resource.change)},
                           {QStringLiteral("collection"), resource.collection},
                           {QStringLiteral("key"), resource.key},
                           {QStringLiteral("id"), resource.componentId()},
                           {QStringLiteral("type"), resource.type},
                           {QStringLiteral("label"), resource.label},
                           {QStringLiteral("region"), resource.region},
                           {QStringLiteral("vpc"), resource.vpc}};
        if (!resource.changes.isEmpty())
            object.insert(QStringLiteral("changes"), changesJson(resource.changes));
        if (!resource.moves.isEmpty())
            object.insert(QStringLiteral("moves"), changesJson(resource.moves));
        resources.append(object);
    }
    return QJsonObject{{QStringLiteral("totals"), countsJson(result.totals)},
                       {QStringLiteral("byCollection"), countsByName(result.byCollection)},
                       {QStringLiteral("byType"), countsByName(result.byType)},
                       {QStringLiteral("byRegion"), countsByName(result.byRegion)},
                       {QStringLiteral("byVpc"), countsByName(result.byVpc)},
                       {QStringLiteral("documentChanges"), changesJson(result.documentChanges)},
                       {QStringLiteral("resources"), resources}};
}

} // namespace Cloudcraft::Core::DiffReport
