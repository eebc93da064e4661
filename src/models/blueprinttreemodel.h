#pragma once

#include "api/apitypes.h"
#include "models/treeroles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>

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

    Node *nodeFromIndex(const QModelIndex &index) const;
    QModelIndex indexFromNode(const Node *node) const;
    void rebuild();
    QStringList teamNamesOf(const BlueprintSummary &blueprint) const;

    std::unique_ptr<Node> m_root;
    QList<BlueprintSummary> m_blueprints;
    QHash<QString, QString> m_teamNames; ///< team id → name
    Grouping m_grouping = Grouping::ByTag;
    int m_recentLimit = 20;
};

} // namespace Cloudcraft::Core
