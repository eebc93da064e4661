#include "models/blueprinttreemodel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace Cloudcraft::Core {

struct BlueprintTreeModel::Node
{
    TreeNodeKind kind = TreeNodeKind::Group;
    QString key; ///< group: tag / team id / "" (fallback); blueprint: its id
    QString name;
    qsizetype blueprintIndex = -1; ///< into m_blueprints for blueprint rows
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
    m_teamNames.clear();
    for (const Team &team : teams)
        m_teamNames.insert(team.id, team.name.isEmpty() ? team.id : team.name);
    rebuild();
    endResetModel();
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
    m_root = std::make_unique<Node>();
    const auto blueprintNode = [this](qsizetype i) {
        auto node = std::make_unique<Node>();
        node->kind = TreeNodeKind::Blueprint;
        node->key = m_blueprints.at(i).id;
        node->name = m_blueprints.at(i).name;
        node->blueprintIndex = i;
        return node;
    };

    if (m_grouping == Grouping::Recent) {
        std::vector<qsizetype> order(size_t(m_blueprints.size()));
        for (qsizetype i = 0; i < m_blueprints.size(); ++i)
            order[size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(),
            [this](qsizetype a, qsizetype b) { return m_blueprints.at(a).updatedAt > m_blueprints.at(b).updatedAt; });
        order.resize(std::min(order.size(), size_t(m_recentLimit)));
        for (qsizetype i : order)
            m_root->add(blueprintNode(i));
        return;
    }

    // key → (display name, members). The fallback group has the empty key.
    std::map<QString, std::pair<QString, std::vector<qsizetype>>> groups;
    for (qsizetype i = 0; i < m_blueprints.size(); ++i) {
        const BlueprintSummary &blueprint = m_blueprints.at(i);
        QList<std::pair<QString, QString>> keys; // (key, name)
        if (m_grouping == Grouping::ByTag) {
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
                        keys.append({ id, m_teamNames.value(id, id) });
                    }
                }
            }
        }
        if (keys.isEmpty())
            keys.append({ QString(), m_grouping == Grouping::ByTag ? untaggedGroupName() : noTeamGroupName() });
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
        Node *groupNode = m_root->add(std::move(node));
        for (qsizetype i : group.second)
            groupNode->add(blueprintNode(i));
    }
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
            if (child->kind == TreeNodeKind::Blueprint && child->key == blueprintId)
                result.append(indexFromNode(child.get()));
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
    const BlueprintSummary *summary = isGroup ? nullptr : &m_blueprints.at(node->blueprintIndex);
    switch (role) {
    case Qt::DisplayRole:
        if (isGroup)
            return QStringLiteral("%1 (%2)").arg(node->name).arg(node->children.size());
        return node->name.isEmpty() ? tr("(untitled)") : node->name;
    case Qt::ToolTipRole:
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
        return summary ? QVariant(summary->updatedAt) : QVariant();
    case TagsRole:
        return summary ? QVariant(summary->tags) : QVariant();
    case TeamRole:
        return summary ? QVariant(teamNamesOf(*summary)) : QVariant();
    case CountRole:
        return isGroup ? int(node->children.size()) : 0;
    case SortKeyRole:
        return node->name;
    case SortRankRole:
        return isGroup && node->key.isEmpty() ? 1 : 0;
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
    if (nodeFromIndex(index)->kind == TreeNodeKind::Blueprint)
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
