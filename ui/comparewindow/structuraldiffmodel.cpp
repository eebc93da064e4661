#include "structuraldiffmodel.h"

#include <QBrush>
#include <QCollator>
#include <QColor>
#include <QMap>

#include <algorithm>

namespace Cloudcraft::Ui {

using Core::ResourceChange;

struct StructuralDiffModel::Node
{
    RowKind kind = RowKind::Group;
    QString name;
    QString change;
    QString tooltip;
    QString componentId;
    ResourceChange resourceChange = ResourceChange::Unchanged;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

QString changeText(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Added:
        return StructuralDiffModel::tr("added");
    case ResourceChange::Removed:
        return StructuralDiffModel::tr("removed");
    case ResourceChange::Changed:
        return StructuralDiffModel::tr("changed");
    case ResourceChange::Moved:
        return StructuralDiffModel::tr("moved");
    case ResourceChange::Unchanged:
        return StructuralDiffModel::tr("unchanged");
    }
    return {};
}

QColor changeColor(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Added:
        return QColor(0x1a, 0x7f, 0x37);
    case ResourceChange::Removed:
        return QColor(0xc0, 0x1c, 0x28);
    case ResourceChange::Changed:
        return QColor(0xb5, 0x6a, 0x00);
    case ResourceChange::Moved:
        return QColor(0x1c, 0x5f, 0xb0);
    case ResourceChange::Unchanged:
        break;
    }
    return {};
}

/// "2 added, 1 changed" for a group row.
QString groupSummary(const Core::InventoryCounts &counts)
{
    QStringList parts;
    const auto part = [&parts](int n, ResourceChange change) {
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(changeText(change));
    };
    part(counts.added, ResourceChange::Added);
    part(counts.removed, ResourceChange::Removed);
    part(counts.changed, ResourceChange::Changed);
    part(counts.moved, ResourceChange::Moved);
    part(counts.unchanged, ResourceChange::Unchanged);
    return parts.join(QStringLiteral(", "));
}

} // namespace

StructuralDiffModel::StructuralDiffModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

StructuralDiffModel::~StructuralDiffModel() = default;

void StructuralDiffModel::setResult(const std::optional<Core::InventoryDiffResult> &result)
{
    beginResetModel();
    m_result = result;
    rebuild();
    endResetModel();
}

void StructuralDiffModel::setShowOnlyChanges(bool only)
{
    if (only == m_onlyChanges)
        return;
    beginResetModel();
    m_onlyChanges = only;
    rebuild();
    endResetModel();
}

void StructuralDiffModel::rebuild()
{
    m_root = std::make_unique<Node>();
    if (!m_result)
        return;

    // Groups keyed by "type\nregion", in natural order of the type, then the region.
    struct Group
    {
        QString type;
        QString region;
        QList<const Core::ResourceDiff *> resources;
        Core::InventoryCounts counts;
    };
    QMap<QString, Group> groups;
    for (const Core::ResourceDiff &resource : m_result->resources) {
        if (m_onlyChanges && resource.change == ResourceChange::Unchanged)
            continue;
        const QString type = resource.type.isEmpty() ? resource.collection : resource.type;
        Group &group = groups[type + u'\n' + resource.region];
        group.type = type;
        group.region = resource.region;
        group.resources << &resource;
        group.counts.add(resource.change);
    }
    QList<Group> ordered = groups.values();
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(ordered.begin(), ordered.end(), [&collator](const Group &a, const Group &b) {
        const int byType = collator.compare(a.type, b.type);
        return byType != 0 ? byType < 0 : collator.compare(a.region, b.region) < 0;
    });

    for (const Group &group : ordered) {
        auto groupNode = std::make_unique<Node>();
        groupNode->kind = RowKind::Group;
        // The counts go with the name: the narrow change column stays readable for resources.
        // Connections (Cloudcraft's "edge" and the live scan's "autoedge") read better under one plain title.
        const QString typeTitle =
            group.type == u"edge" || group.type == u"autoedge" ? tr("Connections") : group.type;
        groupNode->name = group.region.isEmpty() ? typeTitle : tr("%1 · %2").arg(typeTitle, group.region);
        groupNode->name = tr("%1 (%2)").arg(groupNode->name, groupSummary(group.counts));
        groupNode->tooltip = groupNode->name;
        Node *parentNode = m_root->add(std::move(groupNode));
        for (const Core::ResourceDiff *resource : group.resources) {
            auto node = std::make_unique<Node>();
            node->kind = RowKind::Resource;
            // A connection has no name of its own: "from → to" tells which one it is.
            const bool unnamed = resource->label.isEmpty()
                                 || (resource->collection == u"edges" && resource->label == resource->type);
            node->name = unnamed ? resource->key : resource->label;
            node->change = changeText(resource->change);
            node->resourceChange = resource->change;
            node->componentId = resource->componentId();
            node->tooltip = resource->vpc.isEmpty() ? resource->key : tr("%1 in %2").arg(resource->key, resource->vpc);
            Node *resourceNode = parentNode->add(std::move(node));
            for (const QList<Core::AttributeChange> *list : {&resource->changes, &resource->moves}) {
                for (const Core::AttributeChange &change : *list) {
                    auto attribute = std::make_unique<Node>();
                    attribute->kind = RowKind::Attribute;
                    attribute->name = change.toString();
                    attribute->tooltip = attribute->name;
                    attribute->componentId = resourceNode->componentId;
                    attribute->resourceChange = resource->change;
                    resourceNode->add(std::move(attribute));
                }
            }
        }
    }
}

StructuralDiffModel::Node *StructuralDiffModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex StructuralDiffModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex StructuralDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeAt(parent);
    if (row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex StructuralDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeAt(child)->parent, 0);
}

int StructuralDiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int StructuralDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StructuralDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return index.column() == NameColumn ? node->name : node->change;
    case Qt::ToolTipRole:
        return node->tooltip.isEmpty() ? QVariant() : QVariant(node->tooltip);
    case Qt::ForegroundRole:
        if (node->kind == RowKind::Resource && index.column() == ChangeColumn && changeColor(node->resourceChange).isValid())
            return QBrush(changeColor(node->resourceChange));
        return {};
    case ComponentIdRole:
        return node->kind == RowKind::Group ? QString() : node->componentId;
    case ChangeRole:
        return node->kind == RowKind::Group ? QVariant() : QVariant(int(node->resourceChange));
    case RowKindRole:
        return int(node->kind);
    default:
        return {};
    }
}

QVariant StructuralDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Resource") : tr("Change");
}

Qt::ItemFlags StructuralDiffModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->children.empty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

} // namespace Cloudcraft::Ui
