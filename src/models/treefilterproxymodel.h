#pragma once

#include "models/treeroles.h"

#include <QCollator>
#include <QHash>
#include <QSortFilterProxyModel>

#include <vector>

namespace Cloudcraft::Core {

/// Filtering and sorting for the tree models (anything exposing TreeRole data).
/// Filtering is recursive and case-insensitive: a row matches when the filter text occurs in its name, id or one
/// of its tags; parents of matches stay, and every row below a match stays too. Group rows (TreeNodeKind::Group,
/// ::Provider) stay even when nothing under them matches, unless setHideEmptyGroups(true).
/// Sorting: natural order by name (QCollator, numeric: "bp 2" < "bp 10") or by last update, newest first.
/// Groups always sort by name (fallback groups last), whatever the mode.
///
/// Typing should go through setFilterText(): it matches case-folded text precomputed per row, narrows from the
/// previous result when the new text extends it, and re-maps the whole tree at once (one layout change) instead of
/// QSortFilterProxyModel's row-interval removals and insertions, which cost O(rows x intervals) and one signal per
/// interval. setFilterFixedString()/setFilterRegularExpression() keep working (for expressions), on Qt's path.
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
    /// The collator behind natural name order (numeric, case-insensitive; en_US under the C locale). Models that
    /// precompute NaturalOrderRole use this one so both orders agree.
    static QCollator naturalCollator();

    /// Sets the mode and sorts (column 0, ascending in the mode's sense).
    void setSortMode(SortMode mode);

    bool hideEmptyGroups() const { return m_hideEmptyGroups; }
    void setHideEmptyGroups(bool hide);

    /// Filters by literal text, case-insensitively (the filter box). Replaces an expression set through the
    /// QSortFilterProxyModel API; an empty text shows everything.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    // Rows the source flags ItemNeverHasChildren (blueprints, snapshots) answer without building a proxy mapping.
    int rowCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool neverHasChildren(const QModelIndex &proxyIndex) const;

    struct RowText
    {
        QString folded; ///< name, id and tags, case-folded, separated by U+0001
        quint32 generation = 0; ///< the filter text generation `matched` was computed for (0 = never)
        bool matched = false;
    };
    struct SortEntry;

    bool rowMatches(const QModelIndex &sourceIndex) const;
    bool textMatches(const QString &text) const;
    RowText &rowText(const QModelIndex &sourceIndex) const;
    void updateNeedle() const;
    int sortOrdinal(const QModelIndex &sourceIndex) const;
    SortEntry sortEntry(const QModelIndex &sourceIndex) const;
    QCollatorSortKey collationKey(const QString &name) const;
    const QCollatorSortKey &keyOf(const SortEntry &entry) const;
    bool entryLessThan(const SortEntry &left, const SortEntry &right) const;
    void dropCaches() const;

    QCollator m_collator;
    QString m_filterText; ///< setFilterText(), as given
    QString m_foldedText; ///< the same, case-folded
    quint32 m_generation = 1; ///< bumped on every filter text change
    bool m_narrowing = false; ///< the current text contains the previous one: only previous matches can match
    // The expression set through QSortFilterProxyModel: a fixed string is matched as text, not through PCRE.
    mutable QString m_needlePattern; ///< the filter pattern m_needle was derived from
    mutable QString m_needle; ///< the literal text, case-folded, when the filter is a case-insensitive fixed string
    mutable bool m_needleIsLiteral = false;
    mutable QHash<QString, QCollatorSortKey> m_sortKeys;
    // Valid until the source changes in any way (every change signal drops them, before the proxy reacts):
    mutable QHash<QModelIndex, std::vector<int>> m_ordinals; ///< parent → position of each child row once sorted
    mutable QModelIndex m_lastSortParent; ///< the parent whose ordinals m_lastOrdinals points at (sorts go by parent)
    mutable const std::vector<int> *m_lastOrdinals = nullptr;
    mutable QHash<QModelIndex, RowText> m_rowTexts;
    QList<QMetaObject::Connection> m_sourceConnections;
    SortMode m_sortMode = SortMode::Name;
    bool m_hideEmptyGroups = false;
};

} // namespace Cloudcraft::Core
