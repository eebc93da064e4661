#pragma once

#include "api/apitypes.h"
#include "models/accounttreemodel.h" // SnapshotEntry
#include "models/treeroles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>
#include <vector>

namespace Cloudcraft::Core {

/// The blueprint list as a tree: groups (one per tag or team) holding blueprints, or a flat list of the most
/// recently updated ones. A blueprint with several tags (teams) appears under each; one with none goes under
/// "Untagged" ("No team"). Team membership comes from "team/<id>" entries of readAccess and writeAccess.
/// One column. Roles: see TreeRole (IdRole, KindRole, NameRole, UpdatedAtRole, TagsRole, TeamRole, CountRole,
/// SortKeyRole, SortRankRole).
class BlueprintTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlueprintTreeModel)

public:
    enum class Grouping { ByTag, ByTeam, Recent };
    Q_ENUM(Grouping)

    explicit BlueprintTreeModel(QObject *parent = nullptr);
    ~BlueprintTreeModel() override;

    /// Replaces the contents (a model reset). `teams` give team names; unknown team ids show as the id.
    void setBlueprints(const QList<BlueprintSummary> &blueprints, const QList<Team> &teams = {});

    /// The rows for a list, grouped and ranked in natural order, built without a model: safe on a worker thread
    /// (5,000 blueprints take 10-20 ms). Hand the result to setPrepared() on the model's thread.
    struct PreparedTree;
    static std::shared_ptr<PreparedTree> prepare(
        const QList<BlueprintSummary> &blueprints, const QList<Team> &teams, Grouping grouping, int recentLimit);
    /// Like setBlueprints() with what prepare() built: the reset only swaps the rows in (and adds the snapshot
    /// rows). Prepared for another grouping or limit than the model's current one, it is rebuilt here instead.
    void setPrepared(std::shared_ptr<PreparedTree> tree);
    void clear();

    Grouping grouping() const { return m_grouping; }
    void setGrouping(Grouping grouping);
    /// How many blueprints Recent shows (default 20).
    int recentLimit() const { return m_recentLimit; }
    void setRecentLimit(int limit);

    int blueprintCount() const { return int(m_blueprints.size()); }
    /// The blueprint a row stands for; nullptr for groups and invalid indexes. Valid until the next reset.
    const BlueprintSummary *blueprint(const QModelIndex &index) const;
    /// Every row showing blueprint `id` (several when it has several tags), in tree order.
    QModelIndexList indexesForId(const QString &blueprintId) const;
    /// The group row with key `key` (a tag, a team id, or "" for the fallback group); invalid when absent.
    QModelIndex groupIndex(const QString &key) const;

    /// Snapshots shown as child rows (TreeNodeKind::Snapshot, newest first) under every row of blueprint
    /// `blueprintId` (one per tag group it appears in). Only the rows below those blueprint rows change (remove and
    /// insert signals, no reset), so a view keeps its expansion state. Kept across setBlueprints() and regrouping;
    /// an empty list removes them. Snapshot rows: IdRole is the snapshot id, UpdatedAtRole its takenAt, NameRole
    /// its label or its local time; their parent row is the blueprint.
    void setSnapshots(const QString &blueprintId, const QList<SnapshotEntry> &snapshots);
    QList<SnapshotEntry> snapshots(const QString &blueprintId) const { return m_snapshots.value(blueprintId); }
    /// The rows of snapshot `snapshotId` under every row of blueprint `blueprintId`, in tree order.
    QModelIndexList snapshotIndexes(const QString &blueprintId, const QString &snapshotId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString untaggedGroupName();
    static QString noTeamGroupName();

private:
    struct Node;

    static std::unique_ptr<Node> buildNodes(const QList<BlueprintSummary> &blueprints,
        const QHash<QString, QString> &teamNames, Grouping grouping, int recentLimit);
    static std::vector<int> naturalOrder(const QList<BlueprintSummary> &blueprints);
    static QHash<QString, QString> teamNameMap(const QList<Team> &teams);

    Node *nodeFromIndex(const QModelIndex &index) const;
    QModelIndex indexFromNode(const Node *node) const;
    void rebuild();
    void addAllSnapshotRows();
    QStringList teamNamesOf(const BlueprintSummary &blueprint) const;
    void addSnapshotRows(Node *blueprintNode) const;

    std::unique_ptr<Node> m_root;
    QList<BlueprintSummary> m_blueprints;
    std::vector<int> m_naturalOrder; ///< blueprint index → place in natural name order (NaturalOrderRole)
    QHash<QString, QString> m_teamNames; ///< team id → name
    QHash<QString, QList<SnapshotEntry>> m_snapshots; ///< blueprint id → snapshots, newest first
    Grouping m_grouping = Grouping::ByTag;
    int m_recentLimit = 20;
};

} // namespace Cloudcraft::Core
