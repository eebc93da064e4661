#pragma once

#include <Qt>

namespace Cloudcraft::Core {

/// Item data roles shared by the tree models, so one filter proxy and one delegate serve them all.
/// Qt::DisplayRole is the text shown ("production (3)" for a group); NameRole is the bare name.
enum TreeRole : int {
    IdRole = Qt::UserRole + 1, ///< QString: blueprint/account/snapshot id, region code; group key for groups
    KindRole, ///< int: a TreeNodeKind
    NameRole, ///< QString: the name without the count
    UpdatedAtRole, ///< QDateTime: updatedAt of a blueprint/account, takenAt of a snapshot; invalid otherwise
    TagsRole, ///< QStringList: a blueprint's tags
    TeamRole, ///< QStringList: names of the teams a blueprint is shared with (ids when unknown)
    CountRole, ///< int: blueprints under a group, accounts under a provider, snapshots under a region...
    SortKeyRole, ///< QString: key for natural name sorting
    SortRankRole, ///< int: sorts before the key; fallback groups ("Untagged", "No team") have 1, others 0
    ProviderRole, ///< int: a CloudProvider, for account-tree rows below a provider
    AccountIdRole, ///< QString: id of the account a row belongs to (account, region, snapshot rows)
    RegionRole, ///< QString: region code of region and snapshot rows
    /// int: the row's place in natural name order (TreeFilterProxyModel::naturalCollator(), ties by id) among the
    /// model's rows of the same kind, when the model computed it ahead (the blueprint tree does, off the UI thread);
    /// the proxy then compares these instead of collating names. Absent (invalid) otherwise.
    NaturalOrderRole,
};

/// What a row stands for (KindRole). Groups are containers of the blueprint tree; providers, accounts and regions
/// those of the account tree.
enum class TreeNodeKind : int { Group = 0, Blueprint, Provider, Account, Region, Snapshot };

/// Whether a kind is a pure container (a "group"), which the filter proxy keeps visible by default.
constexpr bool isGroupKind(TreeNodeKind kind)
{
    return kind == TreeNodeKind::Group || kind == TreeNodeKind::Provider;
}

enum class CloudProvider : int { Aws = 0, Azure };

} // namespace Cloudcraft::Core
