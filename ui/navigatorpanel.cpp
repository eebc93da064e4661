#include "navigatorpanel.h"

#include "treeexpansion.h"
#include "treeitemdelegate.h"

#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"
#include "models/treefilterproxymodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

QTreeView *makeTree(QWidget *parent, const char *name, const QString &accessible)
{
    auto *tree = new QTreeView(parent);
    tree->setObjectName(QString::fromLatin1(name));
    tree->setAccessibleName(accessible);
    tree->setHeaderHidden(true);
    tree->setUniformRowHeights(true);
    tree->setSortingEnabled(false);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setFrameShape(QFrame::NoFrame);
    tree->setItemDelegate(new TreeItemDelegate(tree));
    tree->setIconSize(QSize(16, 16));
    return tree;
}

} // namespace

NavigatorPanel::NavigatorPanel(BlueprintTreeModel *blueprints, AccountTreeModel *accounts, QWidget *parent)
    : QWidget(parent)
    , m_blueprints(blueprints)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("navigatorPanel"));
    setAccessibleName(tr("Navigator"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterField"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setPlaceholderText(tr("Filter by name, tag or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(QIcon::fromTheme(QStringLiteral("edit-find"), QIcon(QStringLiteral(":/icons/search.svg"))),
                        QLineEdit::LeadingPosition);

    m_blueprintProxy = new TreeFilterProxyModel(this);
    m_blueprintProxy->setObjectName(QStringLiteral("blueprintProxy"));
    m_blueprintProxy->setSourceModel(m_blueprints);
    m_accountProxy = new TreeFilterProxyModel(this);
    m_accountProxy->setObjectName(QStringLiteral("accountProxy"));
    m_accountProxy->setSourceModel(m_accounts);
    m_blueprintProxy->setSortMode(TreeFilterProxyModel::SortMode::Name);
    m_accountProxy->setSortMode(TreeFilterProxyModel::SortMode::Name);

    auto *blueprintPage = new QWidget(this);
    blueprintPage->setObjectName(QStringLiteral("blueprintPage"));
    m_grouping = new QComboBox(blueprintPage);
    m_grouping->setObjectName(QStringLiteral("groupingCombo"));
    m_grouping->setAccessibleName(tr("Group blueprints"));
    m_grouping->addItems({tr("By tag"), tr("By team"), tr("Recent")});
    m_sort = new QComboBox(blueprintPage);
    m_sort->setObjectName(QStringLiteral("sortCombo"));
    m_sort->setAccessibleName(tr("Sort blueprints"));
    m_sort->addItems({tr("Name"), tr("Last updated")});
    auto *options = new QHBoxLayout;
    options->setContentsMargins(6, 4, 6, 2);
    options->addWidget(m_grouping, 1);
    options->addWidget(m_sort, 1);
    m_blueprintTree = makeTree(blueprintPage, "blueprintTree", tr("Blueprints"));
    m_blueprintTree->setModel(m_blueprintProxy);
    auto *blueprintLayout = new QVBoxLayout(blueprintPage);
    blueprintLayout->setContentsMargins(0, 0, 0, 0);
    blueprintLayout->setSpacing(2);
    blueprintLayout->addLayout(options);
    blueprintLayout->addWidget(m_blueprintTree, 1);

    m_accountTree = makeTree(this, "accountTree", tr("Linked accounts"));
    m_accountTree->setModel(m_accountProxy);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("navigatorTabs"));
    m_tabs->setAccessibleName(tr("Blueprints and accounts"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(blueprintPage, tr("Blueprints"));
    m_tabs->addTab(m_accountTree, tr("Linked accounts"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tabs, 1);

    // Groups open by default, blueprints (their snapshots) closed; accounts and regions open.
    m_blueprintExpansion = new TreeExpansion(m_blueprintTree, 0, this);
    m_accountExpansion = new TreeExpansion(m_accountTree, 2, this);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        // One re-map per keystroke, narrowing from the previous text (see TreeFilterProxyModel::setFilterText).
        m_blueprintProxy->setFilterText(text);
        m_accountProxy->setFilterText(text);
        // Matches show fully expanded; clearing the filter puts the user's own expansion back.
        m_blueprintExpansion->setSuspended(!text.isEmpty());
        m_accountExpansion->setSuspended(!text.isEmpty());
        if (!text.isEmpty()) {
            m_blueprintTree->expandAll();
            m_accountTree->expandAll();
        }
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &NavigatorPanel::applyGrouping);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &NavigatorPanel::applySort);
    connect(m_blueprintTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NavigatorPanel::onBlueprintCurrentChanged);
    connect(m_accountTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NavigatorPanel::onAccountCurrentChanged);
}

NavigatorPanel::~NavigatorPanel() = default;

void NavigatorPanel::expandGroups()
{
    if (m_filter->text().isEmpty())
        m_blueprintExpansion->apply();
    else
        m_blueprintTree->expandAll();
}

QStringList NavigatorPanel::expansionState() const
{
    return m_blueprintExpansion->state() + m_accountExpansion->state();
}

void NavigatorPanel::setExpansionState(const QStringList &state)
{
    // Keys name their kind, so each tree takes its own from the one list.
    QStringList blueprintState;
    QStringList accountState;
    for (const QString &entry : state) {
        const QStringView key = QStringView(entry).mid(1);
        (key.startsWith(u"group:") || key.startsWith(u"blueprint:") ? blueprintState : accountState).append(entry);
    }
    m_blueprintExpansion->setState(blueprintState);
    m_accountExpansion->setState(accountState);
}

bool NavigatorPanel::isExpanding() const
{
    return m_blueprintExpansion->isApplying() || m_accountExpansion->isApplying();
}

void NavigatorPanel::applyGrouping(int index)
{
    static constexpr BlueprintTreeModel::Grouping kGroupings[] = {
        BlueprintTreeModel::Grouping::ByTag, BlueprintTreeModel::Grouping::ByTeam, BlueprintTreeModel::Grouping::Recent};
    if (index < 0 || index > 2)
        return;
    const QModelIndex current = m_blueprintProxy->mapToSource(m_blueprintTree->currentIndex());
    const QString id = current.data(IdRole).toString();
    const bool wasBlueprint = current.data(KindRole).toInt() == int(TreeNodeKind::Blueprint);
    m_blueprints->setGrouping(kGroupings[index]);
    // Recent is a flat list sorted by update time; the others read best by name.
    if (index == 2)
        m_sort->setCurrentIndex(1);
    expandGroups();
    if (wasBlueprint)
        selectBlueprint(id);
}

void NavigatorPanel::applySort(int index)
{
    m_blueprintProxy->setSortMode(index == 1 ? TreeFilterProxyModel::SortMode::LastUpdated
                                             : TreeFilterProxyModel::SortMode::Name);
}

int NavigatorPanel::groupingIndex() const
{
    return m_grouping->currentIndex();
}

void NavigatorPanel::setGroupingIndex(int index)
{
    m_grouping->setCurrentIndex(index);
}

int NavigatorPanel::sortIndex() const
{
    return m_sort->currentIndex();
}

void NavigatorPanel::setSortIndex(int index)
{
    m_sort->setCurrentIndex(index);
}

bool NavigatorPanel::selectBlueprint(const QString &id)
{
    const QModelIndexList rows = m_blueprints->indexesForId(id);
    for (const QModelIndex &source : rows) {
        const QModelIndex proxy = m_blueprintProxy->mapFromSource(source);
        if (!proxy.isValid())
            continue;
        m_tabs->setCurrentIndex(0);
        m_blueprintTree->setCurrentIndex(proxy);
        m_blueprintTree->scrollTo(proxy);
        return true;
    }
    return false;
}

bool NavigatorPanel::selectFirstBlueprint()
{
    QModelIndex index = m_blueprintProxy->index(0, 0);
    while (index.isValid() && index.data(KindRole).toInt() != int(TreeNodeKind::Blueprint))
        index = m_blueprintProxy->rowCount(index) > 0 ? m_blueprintProxy->index(0, 0, index) : QModelIndex();
    if (!index.isValid())
        return false;
    m_tabs->setCurrentIndex(0);
    m_blueprintTree->setCurrentIndex(index);
    m_blueprintTree->scrollTo(index);
    return true;
}

void NavigatorPanel::onBlueprintCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_blueprintProxy->mapToSource(current);
    if (source.data(KindRole).toInt() == int(TreeNodeKind::Blueprint))
        Q_EMIT blueprintSelected(source.data(IdRole).toString());
}

void NavigatorPanel::onAccountCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_accountProxy->mapToSource(current);
    if (source.isValid())
        Q_EMIT accountSelected(source);
}

} // namespace Cloudcraft::Ui
