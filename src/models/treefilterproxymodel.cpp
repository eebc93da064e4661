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

void TreeFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    dropCaches();
    // Connected before the base class connects its own handlers, so the caches are gone by the time the proxy
    // re-filters and re-sorts after a change (dataChanged has no "about to" signal).
    if (model) {
        const auto drop = [this] { dropCaches(); };
        m_sourceConnections = {
            connect(model, &QAbstractItemModel::dataChanged, this, drop),
            connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, drop),
            connect(model, &QAbstractItemModel::rowsInserted, this, drop),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, drop),
            connect(model, &QAbstractItemModel::rowsRemoved, this, drop),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, drop),
            connect(model, &QAbstractItemModel::rowsMoved, this, drop),
            connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, drop),
            connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, drop),
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, drop),
            connect(model, &QAbstractItemModel::layoutChanged, this, drop),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, drop),
            connect(model, &QAbstractItemModel::modelReset, this, drop),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void TreeFilterProxyModel::dropCaches() const
{
    m_ordinals.clear();
    m_haystacks.clear();
}

void TreeFilterProxyModel::setSortMode(SortMode mode)
{
    m_sortMode = mode;
    m_ordinals.clear();
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

// setFilterFixedString() stores QRegularExpression::escape(text); recognise that and undo it, so the common case
// (typing in the filter box) is a plain case-insensitive substring search.
void TreeFilterProxyModel::updateNeedle() const
{
    const QString pattern = filterRegularExpression().pattern();
    if (pattern == m_needlePattern && !m_needlePattern.isNull())
        return;
    m_needlePattern = pattern;
    QString literal;
    literal.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == u'\\' && i + 1 < pattern.size()) {
            ++i;
            literal.append(pattern.at(i) == u'0' ? QChar(u'\0') : pattern.at(i));
        } else {
            literal.append(pattern.at(i));
        }
    }
    m_needleIsLiteral = QRegularExpression::escape(literal) == pattern;
    m_needle = m_needleIsLiteral ? literal : QString();
}

bool TreeFilterProxyModel::textMatches(const QString &text) const
{
    if (m_needleIsLiteral)
        return text.contains(m_needle, filterCaseSensitivity());
    // The expression set by setFilterRegularExpression/-Wildcard, with our case-insensitivity.
    return filterRegularExpression().match(text).hasMatch();
}

bool TreeFilterProxyModel::rowMatches(const QModelIndex &sourceIndex) const
{
    if (m_needleIsLiteral) {
        auto it = m_haystacks.constFind(sourceIndex);
        if (it == m_haystacks.cend()) {
            // U+0001 between fields: typed text never contains it, so a match never spans two fields.
            const QString haystack = sourceIndex.data(NameRole).toString() + u'\x01'
                + sourceIndex.data(IdRole).toString() + u'\x01'
                + sourceIndex.data(TagsRole).toStringList().join(u'\x01');
            it = m_haystacks.insert(sourceIndex, haystack);
        }
        return it->contains(m_needle, filterCaseSensitivity());
    }
    if (textMatches(sourceIndex.data(NameRole).toString()) || textMatches(sourceIndex.data(IdRole).toString()))
        return true;
    const QStringList tags = sourceIndex.data(TagsRole).toStringList();
    return std::any_of(tags.cbegin(), tags.cend(), [this](const QString &tag) { return textMatches(tag); });
}

bool TreeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (filterRegularExpression().pattern().isEmpty())
        return true;
    updateNeedle();
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

// QSortFilterProxyModel sorts again on every filter change; with 10,000 rows the full comparison (several data()
// calls and a collation) dominated each keystroke. Siblings are ranked once per source state instead.
bool TreeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return sortOrdinal(left) < sortOrdinal(right);
}

int TreeFilterProxyModel::sortOrdinal(const QModelIndex &sourceIndex) const
{
    if (const auto it = m_ordinals.constFind(sourceIndex); it != m_ordinals.cend())
        return *it;
    const QModelIndex parent = sourceIndex.parent();
    const QAbstractItemModel *model = sourceIndex.model();
    const int rows = model->rowCount(parent);
    std::vector<QModelIndex> siblings;
    siblings.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row)
        siblings.push_back(model->index(row, sourceIndex.column(), parent));
    std::stable_sort(siblings.begin(), siblings.end(),
        [this](const QModelIndex &a, const QModelIndex &b) { return lessThanUncached(a, b); });
    for (size_t i = 0; i < siblings.size(); ++i)
        m_ordinals.insert(siblings[i], int(i));
    return m_ordinals.value(sourceIndex, -1);
}

bool TreeFilterProxyModel::lessThanUncached(const QModelIndex &left, const QModelIndex &right) const
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
    const int byName = compareNames(left.data(SortKeyRole).toString(), right.data(SortKeyRole).toString());
    if (byName != 0)
        return byName < 0;
    // A stable, total order for equal names.
    return left.data(IdRole).toString() < right.data(IdRole).toString();
}

int TreeFilterProxyModel::compareNames(const QString &left, const QString &right) const
{
    if (left == right)
        return 0;
    // Bounded: a long session with ever-new names must not grow the cache without end.
    if (m_sortKeys.size() > 200000)
        m_sortKeys.clear();
    const auto key = [this](const QString &name) -> const QCollatorSortKey & {
        auto it = m_sortKeys.find(name);
        if (it == m_sortKeys.end())
            it = m_sortKeys.insert(name, m_collator.sortKey(name));
        return *it;
    };
    const QCollatorSortKey leftKey = key(left); // a copy: looking up `right` may rehash
    return leftKey.compare(key(right));
}

} // namespace Cloudcraft::Core
