#include "models/treefilterproxymodel.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

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
    m_collator = naturalCollator();
    sort(0, Qt::AscendingOrder);
}

QCollator TreeFilterProxyModel::naturalCollator()
{
    QCollator collator;
    // The C/POSIX locale (CI, `LC_ALL=C`, many containers) gets Qt's plain code-point collator, which ignores
    // numeric mode; natural order ("bp 2" < "bp 10") must not depend on the user's locale settings.
    if (QLocale().language() == QLocale::C)
        collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setIgnorePunctuation(false);
    return collator;
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

bool TreeFilterProxyModel::neverHasChildren(const QModelIndex &proxyIndex) const
{
    // QSortFilterProxyModel allocates a mapping for every index asked for its rows, leaves included: 10,000 of them
    // per filter change when a caller walks the tree.
    return proxyIndex.isValid() && proxyIndex.model() == this
        && (sourceModel()->flags(mapToSource(proxyIndex)) & Qt::ItemNeverHasChildren);
}

int TreeFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return neverHasChildren(parent) ? 0 : QSortFilterProxyModel::rowCount(parent);
}

bool TreeFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !neverHasChildren(parent) && QSortFilterProxyModel::hasChildren(parent);
}

void TreeFilterProxyModel::dropCaches() const
{
    m_ordinals.clear();
    m_lastOrdinals = nullptr;
    m_lastSortParent = QModelIndex();
    m_rowTexts.clear();
}

void TreeFilterProxyModel::setSortMode(SortMode mode)
{
    m_sortMode = mode;
    dropCaches();
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

void TreeFilterProxyModel::setFilterText(const QString &text)
{
    const QString folded = text.toCaseFolded();
    if (text == m_filterText && filterRegularExpression().pattern().isEmpty())
        return;
    // Every row that matches the new text contains the old one, so rows the old text rejected stay rejected.
    m_narrowing = !m_foldedText.isEmpty() && folded.contains(m_foldedText);
    m_filterText = text;
    m_foldedText = folded;
    ++m_generation;
    if (!filterRegularExpression().pattern().isEmpty()) {
        // An expression was set through the base class: clearing it re-filters on Qt's path once.
        m_narrowing = false;
        setFilterRegularExpression(QString());
    }
    // One layout change and a lazy re-map, instead of Qt's per-interval row removals and insertions.
    invalidate();
}

// setFilterFixedString() stores QRegularExpression::escape(text); recognise that and undo it, so a fixed string set
// through the base class is a plain case-insensitive substring search too.
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
    m_needleIsLiteral
        = filterCaseSensitivity() == Qt::CaseInsensitive && QRegularExpression::escape(literal) == pattern;
    m_needle = m_needleIsLiteral ? literal.toCaseFolded() : QString();
}

bool TreeFilterProxyModel::textMatches(const QString &text) const
{
    // The expression set by setFilterRegularExpression/-Wildcard, with our case-insensitivity.
    return filterRegularExpression().match(text).hasMatch();
}

TreeFilterProxyModel::RowText &TreeFilterProxyModel::rowText(const QModelIndex &sourceIndex) const
{
    auto it = m_rowTexts.find(sourceIndex);
    if (it == m_rowTexts.end()) {
        // U+0001 between fields: typed text never contains it, so a match never spans two fields.
        RowText entry;
        const QString text = sourceIndex.data(NameRole).toString() + u'\x01' + sourceIndex.data(IdRole).toString()
            + u'\x01' + sourceIndex.data(TagsRole).toStringList().join(u'\x01');
        entry.folded = text.toCaseFolded();
        it = m_rowTexts.insert(sourceIndex, std::move(entry));
    }
    return *it;
}

bool TreeFilterProxyModel::rowMatches(const QModelIndex &sourceIndex) const
{
    if (!m_foldedText.isEmpty()) {
        RowText &entry = rowText(sourceIndex);
        if (entry.generation != m_generation) {
            const bool rejectedBefore = m_narrowing && entry.generation == m_generation - 1 && !entry.matched;
            entry.matched = !rejectedBefore && QStringView(entry.folded).contains(m_foldedText);
            entry.generation = m_generation;
        }
        if (!entry.matched)
            return false;
    }
    if (filterRegularExpression().pattern().isEmpty())
        return true;
    updateNeedle();
    if (m_needleIsLiteral)
        return QStringView(rowText(sourceIndex).folded).contains(m_needle);
    if (textMatches(sourceIndex.data(NameRole).toString()) || textMatches(sourceIndex.data(IdRole).toString()))
        return true;
    const QStringList tags = sourceIndex.data(TagsRole).toStringList();
    return std::any_of(tags.cbegin(), tags.cend(), [this](const QString &tag) { return textMatches(tag); });
}

bool TreeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_foldedText.isEmpty() && filterRegularExpression().pattern().isEmpty())
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

// QSortFilterProxyModel sorts again on every filter change and on every re-map; siblings are ranked once per source
// state instead, so a comparison is two hash look-ups.
bool TreeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return sortOrdinal(left) < sortOrdinal(right);
}

struct TreeFilterProxyModel::SortEntry
{
    mutable std::optional<QCollatorSortKey> key; ///< of `name`; made on first need when there is no ordinal
    int ordinal = -1; ///< NaturalOrderRole when the model has it
    QModelIndex index;
    int rank = 0;
    bool group = false;
    QDateTime updatedAt;
    QString name;
    QString id;
};

TreeFilterProxyModel::SortEntry TreeFilterProxyModel::sortEntry(const QModelIndex &sourceIndex) const
{
    const QString name = sourceIndex.data(SortKeyRole).toString();
    SortEntry entry;
    // A precomputed place in natural order spares the collation key, the bulk of a first sort.
    const QVariant ordinal = sourceIndex.data(NaturalOrderRole);
    if (ordinal.isValid())
        entry.ordinal = ordinal.toInt();
    else
        entry.key = collationKey(name);
    entry.name = name;
    entry.index = sourceIndex;
    entry.rank = sourceIndex.data(SortRankRole).toInt();
    entry.group = isGroupKind(kindOf(sourceIndex));
    if (m_sortMode == SortMode::LastUpdated && !entry.group)
        entry.updatedAt = sourceIndex.data(UpdatedAtRole).toDateTime();
    entry.id = sourceIndex.data(IdRole).toString();
    return entry;
}

int TreeFilterProxyModel::sortOrdinal(const QModelIndex &sourceIndex) const
{
    const QModelIndex parent = sourceIndex.parent();
    if (!m_lastOrdinals || parent != m_lastSortParent) {
        auto it = m_ordinals.find(parent);
        if (it == m_ordinals.end()) {
            // Every child's sort data is read once (data() builds QVariants), then the children are sorted on those.
            const QAbstractItemModel *model = sourceIndex.model();
            const int rows = model->rowCount(parent);
            std::vector<SortEntry> children;
            children.reserve(size_t(rows));
            for (int row = 0; row < rows; ++row)
                children.push_back(sortEntry(model->index(row, 0, parent)));
            std::stable_sort(children.begin(), children.end(),
                [this](const SortEntry &a, const SortEntry &b) { return entryLessThan(a, b); });
            std::vector<int> ordinals(size_t(rows), -1);
            for (size_t i = 0; i < children.size(); ++i)
                ordinals[size_t(children[i].index.row())] = int(i);
            // Pointers into QHash values are not stable across inserts: re-find after inserting.
            it = m_ordinals.insert(parent, std::move(ordinals));
        }
        m_lastSortParent = parent;
        m_lastOrdinals = &*it;
    }
    const size_t row = size_t(sourceIndex.row());
    return row < m_lastOrdinals->size() ? (*m_lastOrdinals)[row] : -1;
}

bool TreeFilterProxyModel::entryLessThan(const SortEntry &left, const SortEntry &right) const
{
    if (left.rank != right.rank)
        return left.rank < right.rank;
    if (m_sortMode == SortMode::LastUpdated && !left.group && !right.group && left.updatedAt != right.updatedAt) {
        // Newest first; rows without a time go last.
        if (!left.updatedAt.isValid() || !right.updatedAt.isValid())
            return left.updatedAt.isValid();
        return left.updatedAt > right.updatedAt;
    }
    if (left.ordinal >= 0 && right.ordinal >= 0)
        return left.ordinal < right.ordinal; // ties by id are in the ordinal already
    if (left.name != right.name) {
        const int byName = keyOf(left).compare(keyOf(right));
        if (byName != 0)
            return byName < 0;
    }
    // A stable, total order for equal names.
    return left.id < right.id;
}

const QCollatorSortKey &TreeFilterProxyModel::keyOf(const SortEntry &entry) const
{
    // Only a row with an ordinal lacks a key, and only when compared with one without (not in our models).
    if (!entry.key)
        entry.key = collationKey(entry.name);
    return *entry.key;
}

QCollatorSortKey TreeFilterProxyModel::collationKey(const QString &name) const
{
    // Bounded: a long session with ever-new names must not grow the cache without end.
    if (m_sortKeys.size() > 200000)
        m_sortKeys.clear();
    auto it = m_sortKeys.find(name);
    if (it == m_sortKeys.end())
        it = m_sortKeys.insert(name, m_collator.sortKey(name));
    return *it;
}

} // namespace Cloudcraft::Core
