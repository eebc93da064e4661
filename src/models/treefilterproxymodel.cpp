#include "models/treefilterproxymodel.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

TreeNodeKind kindOf(const QModelIndex &index)
{
    return TreeNodeKind(index.data(KindRole).toInt());
}

} // namespace

TreeFilterProxyModel::TreeFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    // The C/POSIX locale (CI, `LC_ALL=C`, many containers) gets Qt's plain code-point collator, which ignores
    // numeric mode; natural order ("bp 2" < "bp 10") must not depend on the user's locale settings.
    if (QLocale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setIgnorePunctuation(false);
    sort(0, Qt::AscendingOrder);
}

TreeFilterProxyModel::~TreeFilterProxyModel() = default;

void TreeFilterProxyModel::setSortMode(SortMode mode)
{
    m_sortMode = mode;
    // sort() with the same column and order is a no-op in QSortFilterProxyModel, so force a full re-sort.
    invalidate();
    sort(0, Qt::AscendingOrder);
}

void TreeFilterProxyModel::setHideEmptyGroups(bool hide)
{
    if (hide == m_hideEmptyGroups)
        return;
    m_hideEmptyGroups = hide;
    invalidateFilter();
}

bool TreeFilterProxyModel::rowMatches(const QModelIndex &sourceIndex) const
{
    // The expression set by setFilterFixedString/-Wildcard/-RegularExpression, with our case-insensitivity.
    const QRegularExpression &expression = filterRegularExpression();
    const auto has = [&expression](const QString &text) { return expression.match(text).hasMatch(); };
    if (has(sourceIndex.data(NameRole).toString()) || has(sourceIndex.data(IdRole).toString()))
        return true;
    const QStringList tags = sourceIndex.data(TagsRole).toStringList();
    return std::any_of(tags.cbegin(), tags.cend(), has);
}

bool TreeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (filterRegularExpression().pattern().isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (rowMatches(index))
        return true;
    // Below a match everything stays: filtering "prod" shows the whole "prod" group. Groups themselves never count
    // as that match-from-above, or "groups always stay" would let everything through.
    for (QModelIndex ancestor = sourceParent; ancestor.isValid(); ancestor = ancestor.parent()) {
        if (rowMatches(ancestor))
            return true;
    }
    // Parents of matches are kept by recursive filtering; groups stay even when empty, unless asked otherwise.
    return !m_hideEmptyGroups && isGroupKind(kindOf(index));
}

bool TreeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int leftRank = left.data(SortRankRole).toInt();
    const int rightRank = right.data(SortRankRole).toInt();
    if (leftRank != rightRank)
        return leftRank < rightRank;
    const bool groups = isGroupKind(kindOf(left)) || isGroupKind(kindOf(right));
    if (m_sortMode == SortMode::LastUpdated && !groups) {
        const QDateTime leftTime = left.data(UpdatedAtRole).toDateTime();
        const QDateTime rightTime = right.data(UpdatedAtRole).toDateTime();
        if (leftTime != rightTime) {
            // Newest first; rows without a time go last.
            if (!leftTime.isValid() || !rightTime.isValid())
                return leftTime.isValid();
            return leftTime > rightTime;
        }
    }
    const int byName = m_collator.compare(left.data(SortKeyRole).toString(), right.data(SortKeyRole).toString());
    if (byName != 0)
        return byName < 0;
    // A stable, total order for equal names.
    return left.data(IdRole).toString() < right.data(IdRole).toString();
}

} // namespace Cloudcraft::Core
