#pragma once

#include "api/apitypes.h"
#include "models/treeroles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

namespace Cloudcraft::Core {

/// A snapshot we hold for one account and region (supplied by the caller until the history store exists).
struct SnapshotEntry
{
    QString id;
    QDateTime takenAt;
    QString label; ///< shown instead of the time when set
};

/// Linked cloud accounts as a tree: provider (AWS, Azure; both always present) → account → region → snapshot.
/// The API has no region list, so regions come from the caller (the regions the user has scanned before).
/// setAccounts() resets the model; setRegions()/setSnapshots() only touch the rows below one account/region, so a
/// view keeps its expansion state. Regions and snapshots set for an account survive setAccounts() while the
/// account is still listed. One column. Roles: see TreeRole.
class AccountTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountTreeModel)

public:
    explicit AccountTreeModel(QObject *parent = nullptr);
    ~AccountTreeModel() override;

    void setAccounts(const QList<AwsAccount> &aws, const QList<AzureAccount> &azure);
    /// Regions shown under an account (duplicates dropped, order kept). Unknown account ids are remembered for
    /// when the account appears.
    void setRegions(const QString &accountId, const QStringList &regions);
    QStringList regions(const QString &accountId) const { return m_regions.value(accountId); }
    /// Snapshots shown under one region of an account, newest first. Adds the region when it is missing.
    void setSnapshots(const QString &accountId, const QString &region, const QList<SnapshotEntry> &snapshots);

    QModelIndex providerIndex(CloudProvider provider) const;
    QModelIndex accountIndex(const QString &accountId) const;
    QModelIndex regionIndex(const QString &accountId, const QString &region) const;
    QModelIndex snapshotIndex(const QString &accountId, const QString &region, const QString &snapshotId) const;

    const AwsAccount *awsAccount(const QModelIndex &index) const; ///< nullptr unless an AWS account row
    const AzureAccount *azureAccount(const QModelIndex &index) const; ///< nullptr unless an Azure account row

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;

    Node *nodeFromIndex(const QModelIndex &index) const;
    QModelIndex indexFromNode(const Node *node) const;
    Node *findAccount(const QString &accountId) const;
    void rebuild();
    void fillRegions(Node *account) const;
    void replaceChildren(Node *parent, std::vector<std::unique_ptr<Node>> children);

    std::unique_ptr<Node> m_root;
    QList<AwsAccount> m_aws;
    QList<AzureAccount> m_azure;
    QHash<QString, QStringList> m_regions; ///< account id → regions
    QHash<QString, QHash<QString, QList<SnapshotEntry>>> m_snapshots; ///< account id → region → snapshots
};

} // namespace Cloudcraft::Core
