#include "models/accounttreemodel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <vector>

namespace Cloudcraft::Core {

struct AccountTreeModel::Node
{
    TreeNodeKind kind = TreeNodeKind::Provider;
    CloudProvider provider = CloudProvider::Aws;
    QString id; ///< provider: "aws"/"azure"; account: its id; region: its code; snapshot: its id
    QString name;
    QString accountId; ///< for account, region and snapshot rows
    QString region; ///< for region and snapshot rows
    QDateTime updatedAt;
    qsizetype accountIndex = -1; ///< into m_aws or m_azure for account rows
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
    Node *child(const QString &childId) const
    {
        for (const auto &c : children) {
            if (c->id == childId)
                return c.get();
        }
        return nullptr;
    }
};

AccountTreeModel::AccountTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    rebuild();
}

AccountTreeModel::~AccountTreeModel() = default;

void AccountTreeModel::setAccounts(const QList<AwsAccount> &aws, const QList<AzureAccount> &azure)
{
    beginResetModel();
    m_aws = aws;
    m_azure = azure;
    rebuild();
    endResetModel();
}

void AccountTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    const auto provider = [this](CloudProvider which, const QString &id, const QString &name) {
        auto node = std::make_unique<Node>();
        node->kind = TreeNodeKind::Provider;
        node->provider = which;
        node->id = id;
        node->name = name;
        return m_root->add(std::move(node));
    };
    const auto account = [this](Node *providerNode, const QString &id, const QString &name, const QDateTime &updated,
                             qsizetype index) {
        auto node = std::make_unique<Node>();
        node->kind = TreeNodeKind::Account;
        node->provider = providerNode->provider;
        node->id = id;
        node->accountId = id;
        node->name = name;
        node->updatedAt = updated;
        node->accountIndex = index;
        fillRegions(providerNode->add(std::move(node)));
    };
    Node *awsNode = provider(CloudProvider::Aws, QStringLiteral("aws"), QStringLiteral("AWS"));
    for (qsizetype i = 0; i < m_aws.size(); ++i)
        account(awsNode, m_aws.at(i).id, m_aws.at(i).name, m_aws.at(i).updatedAt, i);
    Node *azureNode = provider(CloudProvider::Azure, QStringLiteral("azure"), QStringLiteral("Azure"));
    for (qsizetype i = 0; i < m_azure.size(); ++i)
        account(azureNode, m_azure.at(i).id, m_azure.at(i).name, m_azure.at(i).updatedAt, i);
}

// Creates the region and snapshot rows of an account node from m_regions/m_snapshots (no model signals).
void AccountTreeModel::fillRegions(Node *account) const
{
    account->children.clear();
    QStringList regionCodes = m_regions.value(account->accountId);
    const auto snapshots = m_snapshots.value(account->accountId);
    for (auto it = snapshots.cbegin(); it != snapshots.cend(); ++it) {
        if (!regionCodes.contains(it.key()))
            regionCodes.append(it.key());
    }
    for (const QString &code : std::as_const(regionCodes)) {
        auto region = std::make_unique<Node>();
        region->kind = TreeNodeKind::Region;
        region->provider = account->provider;
        region->id = code;
        region->name = code;
        region->accountId = account->accountId;
        region->region = code;
        Node *regionNode = account->add(std::move(region));
        QList<SnapshotEntry> entries = snapshots.value(code);
        std::stable_sort(entries.begin(), entries.end(),
            [](const SnapshotEntry &a, const SnapshotEntry &b) { return a.takenAt > b.takenAt; });
        for (const SnapshotEntry &entry : std::as_const(entries)) {
            auto snapshot = std::make_unique<Node>();
            snapshot->kind = TreeNodeKind::Snapshot;
            snapshot->provider = account->provider;
            snapshot->id = entry.id;
            snapshot->name = entry.label.isEmpty()
                ? QLocale().toString(entry.takenAt.toLocalTime(), QLocale::ShortFormat)
                : entry.label;
            snapshot->accountId = account->accountId;
            snapshot->region = code;
            snapshot->updatedAt = entry.takenAt;
            regionNode->add(std::move(snapshot));
        }
    }
}

// Swaps the children of one node with remove/insert signals, leaving the rest of the tree (and a view's
// expansion state) alone.
void AccountTreeModel::replaceChildren(Node *parent, std::vector<std::unique_ptr<Node>> children)
{
    const QModelIndex parentIndex = indexFromNode(parent);
    if (!parent->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(parent->children.size()) - 1);
        parent->children.clear();
        endRemoveRows();
    }
    if (!children.empty()) {
        beginInsertRows(parentIndex, 0, int(children.size()) - 1);
        for (auto &child : children)
            parent->add(std::move(child));
        endInsertRows();
    }
    if (parentIndex.isValid())
        Q_EMIT dataChanged(parentIndex, parentIndex, { Qt::DisplayRole, CountRole });
}

void AccountTreeModel::setRegions(const QString &accountId, const QStringList &regions)
{
    QStringList unique;
    for (const QString &region : regions) {
        if (!region.isEmpty() && !unique.contains(region))
            unique.append(region);
    }
    m_regions.insert(accountId, unique);
    Node *account = findAccount(accountId);
    if (!account)
        return;
    Node scratch; // build the new rows off-model, then swap them in
    scratch.kind = TreeNodeKind::Account;
    scratch.provider = account->provider;
    scratch.accountId = accountId;
    fillRegions(&scratch);
    replaceChildren(account, std::move(scratch.children));
}

void AccountTreeModel::setSnapshots(
    const QString &accountId, const QString &region, const QList<SnapshotEntry> &snapshots)
{
    if (region.isEmpty())
        return;
    m_snapshots[accountId].insert(region, snapshots);
    QStringList &regions = m_regions[accountId];
    const bool newRegion = !regions.contains(region);
    if (newRegion)
        regions.append(region);
    Node *account = findAccount(accountId);
    if (!account)
        return;
    Node scratch;
    scratch.kind = TreeNodeKind::Account;
    scratch.provider = account->provider;
    scratch.accountId = accountId;
    fillRegions(&scratch);
    Node *regionNode = account->child(region);
    if (!regionNode) {
        // A new region: append its row (with its snapshots) at the end, where fillRegions put it.
        std::unique_ptr<Node> fresh = std::move(scratch.children.back());
        beginInsertRows(indexFromNode(account), int(account->children.size()), int(account->children.size()));
        account->add(std::move(fresh));
        endInsertRows();
        const QModelIndex accountIndexValue = indexFromNode(account);
        Q_EMIT dataChanged(accountIndexValue, accountIndexValue, { Qt::DisplayRole, CountRole });
        return;
    }
    Node *freshRegion = scratch.child(region);
    replaceChildren(regionNode, std::move(freshRegion->children));
}

AccountTreeModel::Node *AccountTreeModel::findAccount(const QString &accountId) const
{
    for (const auto &provider : m_root->children) {
        if (Node *account = provider->child(accountId))
            return account;
    }
    return nullptr;
}

QModelIndex AccountTreeModel::providerIndex(CloudProvider provider) const
{
    for (const auto &node : m_root->children) {
        if (node->provider == provider)
            return indexFromNode(node.get());
    }
    return {};
}

QModelIndex AccountTreeModel::accountIndex(const QString &accountId) const
{
    return indexFromNode(findAccount(accountId));
}

QModelIndex AccountTreeModel::regionIndex(const QString &accountId, const QString &region) const
{
    const Node *account = findAccount(accountId);
    return account ? indexFromNode(account->child(region)) : QModelIndex();
}

QModelIndex AccountTreeModel::snapshotIndex(
    const QString &accountId, const QString &region, const QString &snapshotId) const
{
    const Node *account = findAccount(accountId);
    const Node *regionNode = account ? account->child(region) : nullptr;
    return regionNode ? indexFromNode(regionNode->child(snapshotId)) : QModelIndex();
}

const AwsAccount *AccountTreeModel::awsAccount(const QModelIndex &index) const
{
    const Node *node = nodeFromIndex(index);
    if (!index.isValid() || node->kind != TreeNodeKind::Account || node->provider != CloudProvider::Aws)
        return nullptr;
    return &m_aws.at(node->accountIndex);
}

const AzureAccount *AccountTreeModel::azureAccount(const QModelIndex &index) const
{
    const Node *node = nodeFromIndex(index);
    if (!index.isValid() || node->kind != TreeNodeKind::Account || node->provider != CloudProvider::Azure)
        return nullptr;
    return &m_azure.at(node->accountIndex);
}

AccountTreeModel::Node *AccountTreeModel::nodeFromIndex(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex AccountTreeModel::indexFromNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFromIndex(parent)->children.at(size_t(row)).get());
}

QModelIndex AccountTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFromNode(nodeFromIndex(child)->parent);
}

int AccountTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFromIndex(parent)->children.size());
}

int AccountTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant AccountTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFromIndex(index);
    const int count = int(node->children.size());
    switch (role) {
    case Qt::DisplayRole:
        if (node->kind == TreeNodeKind::Provider)
            return QStringLiteral("%1 (%2)").arg(node->name).arg(count);
        return node->name.isEmpty() ? node->id : node->name;
    case Qt::ToolTipRole:
        if (node->kind == TreeNodeKind::Account)
            return tr("%1\nId: %2").arg(node->name, node->id);
        if (node->kind == TreeNodeKind::Snapshot)
            return QLocale().toString(node->updatedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case NameRole:
        return node->name;
    case IdRole:
        return node->id;
    case KindRole:
        return int(node->kind);
    case UpdatedAtRole:
        return node->updatedAt.isValid() ? QVariant(node->updatedAt) : QVariant();
    case CountRole:
        return count;
    case SortKeyRole:
        return node->name;
    case SortRankRole:
        return 0;
    case ProviderRole:
        return int(node->provider);
    case AccountIdRole:
        return node->accountId.isEmpty() ? QVariant() : QVariant(node->accountId);
    case RegionRole:
        return node->region.isEmpty() ? QVariant() : QVariant(node->region);
    default:
        return {};
    }
}

QVariant AccountTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Accounts");
    return {};
}

Qt::ItemFlags AccountTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFromIndex(index)->kind == TreeNodeKind::Snapshot)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QHash<int, QByteArray> AccountTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(CountRole, "count");
    names.insert(SortKeyRole, "sortKey");
    names.insert(SortRankRole, "sortRank");
    names.insert(ProviderRole, "provider");
    names.insert(AccountIdRole, "accountId");
    names.insert(RegionRole, "region");
    return names;
}

} // namespace Cloudcraft::Core
