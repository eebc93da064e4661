#include "models/blueprinttreemodel.h"

#include "models/treefilterproxymodel.h"

#include <QCollator>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace Cloudcraft::Core {

struct BlueprintTreeModel::Node
{
    TreeNodeKind kind = TreeNodeKind::Group;
    QString key; ///< group: tag / team id / "" (fallback); blueprint: its id; snapshot: its id
    QString name;
    qsizetype blueprintIndex = -1; ///< into m_blueprints for blueprint rows
    QDateTime takenAt; ///< snapshot rows
    Node *parent = nullptr;
    int row = 0; ///< position in parent->children; rows never move between rebuilds
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

const QString teamPrefix = QStringLiteral("team/");

QString snapshotName(const SnapshotEntry &entry)
{
    return entry.label.isEmpty() ? QLocale().toString(entry.takenAt.toLocalTime(), QLocale::ShortFormat)
                                 : entry.label;
}

} // namespace

BlueprintTreeModel::BlueprintTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

BlueprintTreeModel::~BlueprintTreeModel() = default;

QString BlueprintTreeModel::untaggedGroupName()
{
    return tr("Untagged");
}

QString BlueprintTreeModel::noTeamGroupName()
{
    return tr("No team");
}

void BlueprintTreeModel::setBlueprints(const QList<BlueprintSummary> &blueprints, const QList<Team> &teams)
{
    beginResetModel();
    m_blueprints = blueprints;
    m_teamNames = teamNameMap(teams);
    m_naturalOrder = naturalOrder(m_blueprints);
    rebuild();
    endResetModel();
}

struct BlueprintTreeModel::PreparedTree
{
    QList<BlueprintSummary> blueprints;
    QHash<QString, QString> teamNames;
    std::vector<int> naturalOrder;
    Grouping grouping = Grouping::ByTag;
    int recentLimit = 20;
    std::unique_ptr<Node> root;
};

std::shared_ptr<BlueprintTreeModel::PreparedTree> BlueprintTreeModel::prepare(
    const QList<BlueprintSummary> &blueprints, const QList<Team> &teams, Grouping grouping, int recentLimit)
{
    auto tree = std::make_shared<PreparedTree>();
    tree->blueprints = blueprints;
    tree->teamNames = teamNameMap(teams);
    tree->naturalOrder = naturalOrder(tree->blueprints);
    tree->grouping = grouping;
    tree->recentLimit = std::max(1, recentLimit);
    tree->root = buildNodes(tree->blueprints, tree->teamNames, grouping, tree->recentLimit);
    return tree;
}

void BlueprintTreeModel::setPrepared(std::shared_ptr<PreparedTree> tree)
{
    if (!tree)
        return;
    beginResetModel();
    m_blueprints = std::move(tree->blueprints);
    m_teamNames = std::move(tree->teamNames);
    m_naturalOrder = std::move(tree->naturalOrder);
    if (tree->grouping == m_grouping && tree->recentLimit == m_recentLimit && tree->root) {
        m_root = std::move(tree->root);
        addAllSnapshotRows();
    } else {
        rebuild(); // the grouping changed while it was prepared
    }
    endResetModel();
}

QHash<QString, QString> BlueprintTreeModel::teamNameMap(const QList<Team> &teams)
{
    QHash<QString, QString> names;
    for (const Team &team : teams)
        names.insert(team.id, team.name.isEmpty() ? team.id : team.name);
    return names;
}

std::vector<int> BlueprintTreeModel::naturalOrder(const QList<BlueprintSummary> &blueprints)
{
    // The proxy's comparison (collated name, then id) done once for the whole list, so a first sort of thousands
    // of rows compares integers instead of building a collation key per name.
    const QCollator collator = TreeFilterProxyModel::naturalCollator();
    std::vector<std::pair<QCollatorSortKey, qsizetype>> keyed;
    keyed.reserve(size_t(blueprints.size()));
    for (qsizetype i = 0; i < blueprints.size(); ++i)
        keyed.emplace_back(collator.sortKey(blueprints.at(i).name), i);
    std::sort(keyed.begin(), keyed.end(), [&blueprints](const auto &a, const auto &b) {
        const BlueprintSummary &left = blueprints.at(a.second);
        const BlueprintSummary &right = blueprints.at(b.second);
        if (left.name != right.name) {
            const int byName = a.first.compare(b.first);
            if (byName != 0)
                return byName < 0;
        }
        return left.id != right.id ? left.id < right.id : a.second < b.second;
    });
    std::vector<int> order(size_t(blueprints.size()));
    for (size_t place = 0; place < keyed.size(); ++place)
        order[size_t(keyed[place].second)] = int(place);
    return order;
}

void BlueprintTreeModel::clear()
{
    setBlueprints({}, {});
}

void BlueprintTreeModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

void BlueprintTreeModel::setRecentLimit(int limit)
{
    limit = std::max(1, limit);
    if (limit == m_recentLimit)
        return;
    beginResetModel();
    m_recentLimit = limit;
    rebuild();
    endResetModel();
}

QStringList BlueprintTreeModel::teamNamesOf(const BlueprintSummary &blueprint) const
{
    QStringList names;
    QSet<QString> seen;
    for (const QStringList *list : { &blueprint.readAccess, &blueprint.writeAccess }) {
        for (const QString &entry : *list) {
            if (!entry.startsWith(teamPrefix))
                continue;
            const QString id = entry.mid(teamPrefix.size());
            if (id.isEmpty() || seen.contains(id))
                continue;
            seen.insert(id);
            names.append(m_teamNames.value(id, id));
        }
    }
    return names;
}

// Builds the node tree from m_blueprints for the current grouping. Groups come out in key order; the proxy sorts
// for display, so the model's own order only needs to be deterministic.
void BlueprintTreeModel::rebuild()
{
    m_root = buildNodes(m_blueprints, m_teamNames, m_grouping, m_recentLimit);
    addAllSnapshotRows();
}

void BlueprintTreeModel::addAllSnapshotRows()
{
    if (m_snapshots.isEmpty())
        return;
    for (const auto &top : m_root->children) {
        if (top->kind == TreeNodeKind::Blueprint) {
            addSnapshotRows(top.get());
            continue;
        }
        for (const auto &child : top->children)
            addSnapshotRows(child.get());
    }
}

// Static, and reading only its arguments, so prepare() can run it on a worker thread.
std::unique_ptr<BlueprintTreeModel::Node> BlueprintTreeModel::buildNodes(const QList<BlueprintSummary> &blueprints,
    const QHash<QString, QString> &teamNames, Grouping grouping, int recentLimit)
{
    auto root = std::make_unique<Node>();
    const auto blueprintNode = [&blueprints](qsizetype i) {
        auto node = std::make_unique<Node>();
        node->kind = TreeNodeKind::Blueprint;
        node->key = blueprints.at(i).id;
        node->name = blueprints.at(i).name;
        node->blueprintIndex = i;
        return node;
    };

    if (grouping == Grouping::Recent) {
        std::vector<qsizetype> order(size_t(blueprints.size()));
        for (qsizetype i = 0; i < blueprints.size(); ++i)
            order[size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(),
            [&blueprints](qsizetype a, qsizetype b) { return blueprints.at(a).updatedAt > blueprints.at(b).updatedAt; });
        order.resize(std::min(order.size(), size_t(recentLimit)));
        for (qsizetype i : order)
            root->add(blueprintNode(i));
        return root;
    }

    // key → (display name, members). The fallback group has the empty key.
    std::map<QString, std::pair<QString, std::vector<qsizetype>>> groups;
    for (qsizetype i = 0; i < blueprints.size(); ++i) {
        const BlueprintSummary &blueprint = blueprints.at(i);
        QList<std::pair<QString, QString>> keys; // (key, name)
        if (grouping == Grouping::ByTag) {
            for (const QString &tag : blueprint.tags) {
                if (!tag.trimmed().isEmpty())
                    keys.append({ tag, tag });
            }
        } else {
            QSet<QString> seen;
            for (const QStringList *list : { &blueprint.readAccess, &blueprint.writeAccess }) {
                for (const QString &entry : *list) {
                    const QString id = entry.startsWith(teamPrefix) ? entry.mid(teamPrefix.size()) : QString();
                    if (!id.isEmpty() && !seen.contains(id)) {
                        seen.insert(id);
                        keys.append({ id, teamNames.value(id, id) });
                    }
                }
            }
        }
        if (keys.isEmpty())
            keys.append({ QString(), grouping == Grouping::ByTag ? untaggedGroupName() : noTeamGroupName() });
        QSet<QString> placed; // a tag listed twice still shows the blueprint once
        for (const auto &[key, name] : std::as_const(keys)) {
            if (placed.contains(key))
                continue;
            placed.insert(key);
            auto &group = groups[key];
            group.first = name;
            group.second.push_back(i);
        }
    }
    for (const auto &[key, group] : groups) {
        auto node = std::make_unique<Node>();
        node->kind = TreeNodeKind::Group;
        node->key = key;
        node->name = group.first;
        Node *groupNode = root->add(std::move(node));
        for (qsizetype i : group.second)
            groupNode->add(blueprintNode(i));
    }
    return root;
}

void BlueprintTreeModel::addSnapshotRows(Node *blueprintNode) const
{
    const auto found = m_snapshots.constFind(blueprintNode->key);
    if (found == m_snapshots.cend())
        return;
    for (const SnapshotEntry &entry : *found) {
        auto snapshot = std::make_unique<Node>();
        snapshot->kind = TreeNodeKind::Snapshot;
        snapshot->key = entry.id;
        snapshot->name = snapshotName(entry);
        snapshot->takenAt = entry.takenAt;
        snapshot->blueprintIndex = blueprintNode->blueprintIndex;
        blueprintNode->add(std::move(snapshot));
    }
}

void BlueprintTreeModel::setSnapshots(const QString &blueprintId, const QList<SnapshotEntry> &snapshots)
{
    QList<SnapshotEntry> sorted = snapshots;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const SnapshotEntry &a, const SnapshotEntry &b) { return a.takenAt > b.takenAt; });
    if (sorted.isEmpty())
        m_snapshots.remove(blueprintId);
    else
        m_snapshots.insert(blueprintId, sorted);

    // Each copy of the blueprint (one per tag group) gets its own rows; the rest of the tree is left alone.
    const QModelIndexList rows = indexesForId(blueprintId);
    for (const QModelIndex &row : rows) {
        Node *blueprintNode = nodeFromIndex(row);
        if (!blueprintNode->children.empty()) {
            beginRemoveRows(row, 0, int(blueprintNode->children.size()) - 1);
            blueprintNode->children.clear();
            endRemoveRows();
        }
        if (!sorted.isEmpty()) {
            beginInsertRows(row, 0, int(sorted.size()) - 1);
            addSnapshotRows(blueprintNode);
            endInsertRows();
        }
        Q_EMIT dataChanged(row, row, { CountRole });
    }
}

QModelIndexList BlueprintTreeModel::snapshotIndexes(const QString &blueprintId, const QString &snapshotId) const
{
    QModelIndexList result;
    const QModelIndexList rows = indexesForId(blueprintId);
    for (const QModelIndex &row : rows) {
        for (const auto &child : nodeFromIndex(row)->children) {
            if (child->key == snapshotId)
                result.append(indexFromNode(child.get()));
        }
    }
    return result;
}

const BlueprintSummary *BlueprintTreeModel::blueprint(const QModelIndex &index) const
{
    const Node *node = nodeFromIndex(index);
    if (!node || node == m_root.get() || node->kind != TreeNodeKind::Blueprint)
        return nullptr;
    return &m_blueprints.at(node->blueprintIndex);
}

QModelIndexList BlueprintTreeModel::indexesForId(const QString &blueprintId) const
{
    QModelIndexList result;
    const auto visit = [&](const auto &self, const Node *node) -> void {
        for (const auto &child : node->children) {
            if (child->kind == TreeNodeKind::Blueprint) {
                if (child->key == blueprintId)
                    result.append(indexFromNode(child.get()));
                continue; // below a blueprint there are only its snapshots
            }
            self(self, child.get());
        }
    };
    visit(visit, m_root.get());
    return result;
}

QModelIndex BlueprintTreeModel::groupIndex(const QString &key) const
{
    for (const auto &child : m_root->children) {
        if (child->kind == TreeNodeKind::Group && child->key == key)
            return indexFromNode(child.get());
    }
    return {};
}

BlueprintTreeModel::Node *BlueprintTreeModel::nodeFromIndex(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex BlueprintTreeModel::indexFromNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex BlueprintTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    // Checked here rather than with hasIndex(), which costs two virtual calls: proxies call this in every comparison.
    if (column != 0 || row < 0 || parent.column() > 0)
        return {};
    const Node *parentNode = nodeFromIndex(parent);
    if (size_t(row) >= parentNode->children.size())
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex BlueprintTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFromIndex(child);
    if (!node || node == m_root.get())
        return {};
    return indexFromNode(node->parent);
}

int BlueprintTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFromIndex(parent)->children.size());
}

int BlueprintTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant BlueprintTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFromIndex(index);
    const bool isGroup = node->kind == TreeNodeKind::Group;
    const bool isSnapshot = node->kind == TreeNodeKind::Snapshot;
    const BlueprintSummary *summary
        = node->kind == TreeNodeKind::Blueprint ? &m_blueprints.at(node->blueprintIndex) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (isGroup)
            return QStringLiteral("%1 (%2)").arg(node->name).arg(node->children.size());
        return node->name.isEmpty() ? tr("(untitled)") : node->name;
    case Qt::ToolTipRole:
        if (isSnapshot)
            return tr("Snapshot taken %1").arg(QLocale().toString(node->takenAt.toLocalTime(), QLocale::LongFormat));
        if (summary)
            return tr("%1\nUpdated %2")
                .arg(node->name, QLocale().toString(summary->updatedAt.toLocalTime(), QLocale::ShortFormat));
        return {};
    case NameRole:
        return node->name;
    case IdRole:
        return node->key;
    case KindRole:
        return int(node->kind);
    case UpdatedAtRole:
        if (isSnapshot)
            return node->takenAt;
        return summary ? QVariant(summary->updatedAt) : QVariant();
    case TagsRole:
        return summary ? QVariant(summary->tags) : QVariant();
    case TeamRole:
        return summary ? QVariant(teamNamesOf(*summary)) : QVariant();
    case CountRole:
        return isSnapshot ? 0 : int(node->children.size()); // blueprints: their snapshots
    case SortKeyRole:
        // Snapshots sort newest first under the proxy's natural name order: a zero-padded count down from the
        // largest time we can meet.
        if (isSnapshot)
            return QString::number(Q_INT64_C(9999999999999) - node->takenAt.toMSecsSinceEpoch())
                .rightJustified(13, u'0');
        return node->name;
    case SortRankRole:
        return isGroup && node->key.isEmpty() ? 1 : 0;
    case NaturalOrderRole:
        if (summary && size_t(node->blueprintIndex) < m_naturalOrder.size())
            return m_naturalOrder[size_t(node->blueprintIndex)];
        return {};
    default:
        return {};
    }
}

QVariant BlueprintTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Blueprints");
    return {};
}

Qt::ItemFlags BlueprintTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // The filter proxy skips its per-row bookkeeping for rows flagged this way, so every blueprint without
    // snapshots keeps the flag; one with snapshots must not have it.
    const Node *node = nodeFromIndex(index);
    if (node->kind == TreeNodeKind::Snapshot || (node->kind == TreeNodeKind::Blueprint && node->children.empty()))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QHash<int, QByteArray> BlueprintTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(TagsRole, "tags");
    names.insert(TeamRole, "teams");
    names.insert(CountRole, "count");
    names.insert(SortKeyRole, "sortKey");
    names.insert(SortRankRole, "sortRank");
    return names;
}

} // namespace Cloudcraft::Core
