#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QModelIndex;
class QTabWidget;
class QTreeView;

namespace Cloudcraft::Core {
class AccountTreeModel;
class BlueprintTreeModel;
class TreeFilterProxyModel;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

class TreeExpansion;

/// The left side: a filter field above two trees, "Blueprints" (grouped by tag, team or recent; sorted by name or
/// last update) and "Linked accounts". Filters as you type and keeps the parents of matches.
class NavigatorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigatorPanel)

public:
    NavigatorPanel(Core::BlueprintTreeModel *blueprints, Core::AccountTreeModel *accounts, QWidget *parent = nullptr);
    ~NavigatorPanel() override;

    QLineEdit *filterField() const { return m_filter; }
    QTreeView *blueprintTree() const { return m_blueprintTree; }
    QTreeView *accountTree() const { return m_accountTree; }
    Core::TreeFilterProxyModel *blueprintProxy() const { return m_blueprintProxy; }

    /// Selects (and scrolls to) the first row of blueprint `id`; false when it is not in the tree.
    bool selectBlueprint(const QString &id);
    /// Selects the first blueprint in tree order; false when there is none.
    bool selectFirstBlueprint();
    /// Puts the blueprint tree's expansion back as wanted (groups open unless the user closed them), a slice at a
    /// time; see TreeExpansion.
    void expandGroups();
    /// The expansion state of both trees, for saving per profile; and putting one back (applied at once and after
    /// every reload).
    QStringList expansionState() const;
    void setExpansionState(const QStringList &state);
    /// Whether expansions are still being laid out after a load.
    bool isExpanding() const;

    int groupingIndex() const;
    void setGroupingIndex(int index);
    int sortIndex() const;
    void setSortIndex(int index);

Q_SIGNALS:
    void blueprintSelected(const QString &blueprintId);
    void accountSelected(const QModelIndex &sourceIndex);
    void nothingSelected();

private:
    void onBlueprintCurrentChanged(const QModelIndex &current);
    void onAccountCurrentChanged(const QModelIndex &current);
    void applyGrouping(int index);
    void applySort(int index);

    Core::BlueprintTreeModel *m_blueprints;
    Core::AccountTreeModel *m_accounts;
    Core::TreeFilterProxyModel *m_blueprintProxy = nullptr;
    Core::TreeFilterProxyModel *m_accountProxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_grouping = nullptr;
    QComboBox *m_sort = nullptr;
    QTreeView *m_blueprintTree = nullptr;
    QTreeView *m_accountTree = nullptr;
    TreeExpansion *m_blueprintExpansion = nullptr;
    TreeExpansion *m_accountExpansion = nullptr;
};

} // namespace Cloudcraft::Ui
