#pragma once

#include "models/treeroles.h"

#include <QCollator>
#include <QHash>
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

    void setSourceModel(QAbstractItemModel *sourceModel) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool rowMatches(const QModelIndex &sourceIndex) const;
    bool textMatches(const QString &text) const;
    void updateNeedle() const;
    int compareNames(const QString &left, const QString &right) const;
    bool lessThanUncached(const QModelIndex &left, const QModelIndex &right) const;
    int sortOrdinal(const QModelIndex &sourceIndex) const;
    void dropCaches() const;

    QCollator m_collator;
    // Per-keystroke speed (bench/bench_treefilter): a fixed-string filter is matched with QString::contains
    // rather than PCRE, and collation keys are computed once per distinct name instead of once per comparison.
    mutable QString m_needlePattern; ///< the filter pattern m_needle was derived from
    mutable QString m_needle; ///< the literal text when the filter is a fixed string
    mutable bool m_needleIsLiteral = false;
    mutable QHash<QString, QCollatorSortKey> m_sortKeys;
    // Valid until the source changes in any way (every change signal drops them, before the proxy reacts):
    mutable QHash<QModelIndex, int> m_ordinals; ///< position of a source row among its sorted siblings
    mutable QHash<QModelIndex, QString> m_haystacks; ///< name, id and tags of a row, joined, for literal filters
    QList<QMetaObject::Connection> m_sourceConnections;
    SortMode m_sortMode = SortMode::Name;
    bool m_hideEmptyGroups = false;
};

} // namespace Cloudcraft::Core
