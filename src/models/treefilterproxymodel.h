#pragma once

#include "models/treeroles.h"

#include <QCollator>
#include <QSortFilterProxyModel>

namespace Cloudcraft::Core {

/// Filtering and sorting for the tree models (anything exposing TreeRole data).
/// Filtering is recursive and case-insensitive: a row matches when the filter text occurs in its name, id or one
/// of its tags; parents of matches stay, and every row below a match stays too. Group rows (TreeNodeKind::Group,
/// ::Provider) stay even when nothing under them matches, unless setHideEmptyGroups(true).
/// Sorting: natural order by name (QCollator, numeric: "bp 2" < "bp 10") or by last update, newest first.
/// Groups always sort by name (fallback groups last), whatever the mode.
class TreeFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeFilterProxyModel)

public:
    enum class SortMode { Name, LastUpdated };
    Q_ENUM(SortMode)

    explicit TreeFilterProxyModel(QObject *parent = nullptr);
    ~TreeFilterProxyModel() override;

    SortMode sortMode() const { return m_sortMode; }
    /// Sets the mode and sorts (column 0, ascending in the mode's sense).
    void setSortMode(SortMode mode);

    bool hideEmptyGroups() const { return m_hideEmptyGroups; }
    void setHideEmptyGroups(bool hide);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool rowMatches(const QModelIndex &sourceIndex) const;

    QCollator m_collator;
    SortMode m_sortMode = SortMode::Name;
    bool m_hideEmptyGroups = false;
};

} // namespace Cloudcraft::Core
