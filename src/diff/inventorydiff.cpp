#include "diff/inventorydiff.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <array>
#include <utility>

namespace Cloudcraft::Core {

namespace {

// Ways to recognise the same resource in both documents, strongest first.
enum KeyKind { ArnKey, ResourceIdKey, EndpointsKey, IdKey, ContentKey, KeyKindCount };

QString stringField(const QJsonObject &object, QLatin1StringView name)
{
    const QJsonValue value = object.value(name);
    return value.isString() ? value.toString() : QString();
}

struct Item
{
    QJsonObject raw;
    QJsonObject canonical; // references to other components rewritten to their keys
    std::array<QString, KeyKindCount> keys;
    QString vpc;
    qsizetype partner = -1; // index of the matched item in the other document
};

// One side of the comparison: its resources, what each component id stands for, and VPC membership.
class Document final
{
public:
    Document(const QJsonObject &root, const QStringList &collections)
    {
        m_data = root.value(QLatin1StringView("data")).isObject() ? root.value(QLatin1StringView("data")).toObject()
                                                                  : root;
        for (const QString &collection : collections) {
            for (const QJsonValue &value : m_data.value(collection).toArray()) {
                const QJsonObject object = value.toObject();
                const QString id = stringField(object, QLatin1StringView("id"));
                if (id.isEmpty())
                    continue;
                QString key = stringField(object, QLatin1StringView("arn"));
                if (key.isEmpty())
                    key = stringField(object, QLatin1StringView("resourceId"));
                m_keyById.insert(id, key.isEmpty() ? id : key);
                if (collection == u"groups" && !m_groupsById.contains(id)) {
                    m_groupsById.insert(id, object);
                    m_groupOrder.append(id);
                }
            }
        }
        collectVpcs();
        for (const QString &collection : collections) {
            QList<Item> &items = m_items[collection];
            for (const QJsonValue &value : m_data.value(collection).toArray()) {
                if (value.isObject())
                    items.append(makeItem(collection, value.toObject()));
            }
        }
    }

    const QJsonObject &data() const { return m_data; }
    QList<Item> &items(const QString &collection) { return m_items[collection]; }

private:
    // Groups nest (VPC > security group > auto scaling group > instances), so membership is followed down.
    void collectVpcs()
    {
        // Document order, so a resource drawn inside two VPC groups always lands in the first one.
        for (const QString &vpcId : std::as_const(m_groupOrder)) {
            const QJsonObject vpc = m_groupsById.value(vpcId);
            if (stringField(vpc, QLatin1StringView("type")).compare(u"vpc", Qt::CaseInsensitive) != 0)
                continue;
            QString label = stringField(vpc, QLatin1StringView("name"));
            if (label.isEmpty())
                label = vpcId;
            m_vpcById.insert(vpcId, label);
            QList<QString> pending{vpcId};
            QSet<QString> seen{vpcId};
            while (!pending.isEmpty()) {
                const QJsonObject group = m_groupsById.value(pending.takeFirst());
                for (const QJsonValue &member : group.value(QLatin1StringView("nodes")).toArray()) {
                    const QString id = member.toString();
                    if (id.isEmpty() || seen.contains(id))
                        continue;
                    seen.insert(id);
                    if (!m_vpcById.contains(id))
                        m_vpcById.insert(id, label);
                    if (m_groupsById.contains(id))
                        pending.append(id);
                }
            }
        }
    }

    QJsonValue canonicalize(const QJsonValue &value) const
    {
        if (value.isString()) {
            const auto it = m_keyById.constFind(value.toString());
            return it == m_keyById.cend() ? value : QJsonValue(it.value());
        }
        if (value.isArray()) {
            QJsonArray array;
            for (const QJsonValue &element : value.toArray())
                array.append(canonicalize(element));
            return array;
        }
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = canonicalize(it.value());
            return object;
        }
        return value;
    }

    Item makeItem(const QString &collection, const QJsonObject &object) const
    {
        Item item;
        item.raw = object;
        QJsonObject withoutId = object;
        withoutId.remove(QLatin1StringView("id"));
        item.canonical = canonicalize(withoutId).toObject();
        // Last resort for things with no key at all: identical content (references already canonical).
        item.keys[ContentKey] = QString::fromUtf8(QJsonDocument(item.canonical).toJson(QJsonDocument::Compact));
        const QString id = stringField(object, QLatin1StringView("id"));
        if (!id.isEmpty())
            item.canonical.insert(QLatin1StringView("id"), id); // its own id stays as it is

        item.keys[ArnKey] = stringField(object, QLatin1StringView("arn"));
        item.keys[ResourceIdKey] = stringField(object, QLatin1StringView("resourceId"));
        const QString from = stringField(item.canonical, QLatin1StringView("from"));
        const QString to = stringField(item.canonical, QLatin1StringView("to"));
        if (collection == u"edges" && !from.isEmpty() && !to.isEmpty())
            item.keys[EndpointsKey] = from + u" → " + to;
        item.keys[IdKey] = id;
        item.vpc = m_vpcById.value(id);
        return item;
    }

    QJsonObject m_data;
    QHash<QString, QString> m_keyById;
    QHash<QString, QJsonObject> m_groupsById;
    QStringList m_groupOrder;
    QHash<QString, QString> m_vpcById;
    QHash<QString, QList<Item>> m_items;
};

// Two resources that both have a stronger key are different resources when those keys differ, whatever else
// they share (e.g. two scans that reused a component id for another instance).
bool eligible(const Item &before, const Item &after, int kind)
{
    for (int stronger = 0; stronger < kind; ++stronger) {
        if (!before.keys[size_t(stronger)].isEmpty() && !after.keys[size_t(stronger)].isEmpty())
            return false;
    }
    return true;
}

void match(QList<Item> &before, QList<Item> &after)
{
    for (int kind = 0; kind < KeyKindCount; ++kind) {
        QHash<QString, QList<qsizetype>> candidates;
        for (qsizetype i = 0; i < after.size(); ++i) {
            if (after[i].partner < 0 && !after[i].keys[size_t(kind)].isEmpty())
                candidates[after[i].keys[size_t(kind)]].append(i);
        }
        for (qsizetype i = 0; i < before.size(); ++i) {
            Item &item = before[i];
            if (item.partner >= 0 || item.keys[size_t(kind)].isEmpty())
                continue;
            // First unmatched candidate in document order, so repeated keys pair up in order.
            for (const qsizetype candidate : candidates.value(item.keys[size_t(kind)])) {
                if (after[candidate].partner < 0 && eligible(item, after[candidate], kind)) {
                    item.partner = candidate;
                    after[candidate].partner = i;
                    break;
                }
            }
        }
    }
}

QString displayKey(const Item &item)
{
    for (int kind = 0; kind < ContentKey; ++kind) {
        if (!item.keys[size_t(kind)].isEmpty())
            return item.keys[size_t(kind)];
    }
    return item.keys[ContentKey];
}

QString labelOf(const QJsonObject &object)
{
    QString label = stringField(object, QLatin1StringView("name"));
    if (label.isEmpty())
        label = stringField(object, QLatin1StringView("text")).simplified();
    if (label.isEmpty())
        label = stringField(object, QLatin1StringView("type"));
    return label;
}

QString regionOf(const QJsonObject &object)
{
    const QString region = stringField(object, QLatin1StringView("region"));
    return region.isEmpty() ? stringField(object, QLatin1StringView("location")) : region;
}

ResourceDiff describe(const QString &collection, const Item *before, const Item *after)
{
    const Item &newest = after ? *after : *before;
    ResourceDiff diff;
    diff.collection = collection;
    diff.key = displayKey(newest);
    diff.type = stringField(newest.raw, QLatin1StringView("type"));
    diff.label = labelOf(newest.raw);
    diff.region = regionOf(newest.raw);
    diff.vpc = newest.vpc;
    if (before)
        diff.before = before->raw;
    if (after)
        diff.after = after->raw;
    return diff;
}

void count(InventoryDiffResult &result, const ResourceDiff &diff)
{
    result.totals.add(diff.change);
    result.byCollection[diff.collection].add(diff.change);
    result.byType[diff.type].add(diff.change);
    result.byRegion[diff.region].add(diff.change);
    if (!diff.vpc.isEmpty())
        result.byVpc[diff.vpc].add(diff.change);
}

} // namespace

void InventoryCounts::add(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Added:
        ++added;
        break;
    case ResourceChange::Removed:
        ++removed;
        break;
    case ResourceChange::Changed:
        ++changed;
        break;
    case ResourceChange::Moved:
        ++moved;
        break;
    case ResourceChange::Unchanged:
        ++unchanged;
        break;
    }
}

QString ResourceDiff::componentId() const
{
    const QJsonObject &newest = after.isEmpty() ? before : after;
    return stringField(newest, QLatin1StringView("id"));
}

const AttributeChange *ResourceDiff::changeAt(const QString &path) const
{
    for (const AttributeChange &entry : changes) {
        if (entry.path == path)
            return &entry;
    }
    return nullptr;
}

bool InventoryDiffResult::hasChanges() const
{
    return totals.added + totals.removed + totals.changed + totals.moved > 0 || !documentChanges.isEmpty();
}

QList<const ResourceDiff *> InventoryDiffResult::withChange(ResourceChange change) const
{
    QList<const ResourceDiff *> list;
    for (const ResourceDiff &resource : resources) {
        if (resource.change == change)
            list.append(&resource);
    }
    return list;
}

const ResourceDiff *InventoryDiffResult::find(const QString &keyOrId) const
{
    for (const ResourceDiff &resource : resources) {
        if (resource.key == keyOrId || stringField(resource.before, QLatin1StringView("id")) == keyOrId
            || stringField(resource.after, QLatin1StringView("id")) == keyOrId)
            return &resource;
    }
    return nullptr;
}

InventoryDiff::InventoryDiff(InventoryDiffOptions options)
    : m_options(std::move(options))
{
}

InventoryDiffResult InventoryDiff::compare(const QJsonObject &beforeRoot, const QJsonObject &afterRoot) const
{
    Document before(beforeRoot, m_options.collections);
    Document after(afterRoot, m_options.collections);
    // A component id is how a document names a resource, not part of it; matching already used it.
    const AttributePathSet ignored(m_options.ignoredPaths + QStringList{QStringLiteral("id")});
    const AttributePathSet position(m_options.positionPaths);

    InventoryDiffResult result;
    for (const QString &collection : m_options.collections) {
        QList<Item> &older = before.items(collection);
        QList<Item> &newer = after.items(collection);
        match(older, newer);

        for (const Item &item : older) {
            const Item *partner = item.partner >= 0 ? &newer[item.partner] : nullptr;
            ResourceDiff diff = describe(collection, &item, partner);
            if (!partner) {
                diff.change = ResourceChange::Removed;
            } else {
                AttributeDiff attributes = AttributeDiff::compare(item.canonical, partner->canonical, ignored, position);
                diff.changes = std::move(attributes.changes);
                diff.moves = std::move(attributes.moves);
                diff.change = !diff.changes.isEmpty() ? ResourceChange::Changed
                              : !diff.moves.isEmpty() ? ResourceChange::Moved
                                                      : ResourceChange::Unchanged;
            }
            count(result, diff);
            result.resources.append(std::move(diff));
        }
        for (const Item &item : newer) {
            if (item.partner >= 0)
                continue;
            ResourceDiff diff = describe(collection, nullptr, &item);
            diff.change = ResourceChange::Added;
            count(result, diff);
            result.resources.append(std::move(diff));
        }
    }

    // What is left of `data` are the document's own settings: name, grid, theme, ...
    QJsonObject settingsBefore = before.data();
    QJsonObject settingsAfter = after.data();
    for (const QString &collection : m_options.collections) {
        settingsBefore.remove(collection);
        settingsAfter.remove(collection);
    }
    result.documentChanges = AttributeDiff::compare(settingsBefore, settingsAfter,
                                                    AttributePathSet(m_options.ignoredPaths), position)
                                 .changes;
    return result;
}

QString changeName(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Added:
        return QStringLiteral("added");
    case ResourceChange::Removed:
        return QStringLiteral("removed");
    case ResourceChange::Changed:
        return QStringLiteral("changed");
    case ResourceChange::Moved:
        return QStringLiteral("moved");
    case ResourceChange::Unchanged:
        return QStringLiteral("unchanged");
    }
    return {};
}

} // namespace Cloudcraft::Core
