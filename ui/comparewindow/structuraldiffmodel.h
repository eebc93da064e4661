#pragma once

#include "diff/inventorydiff.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>
#include <vector>

namespace Cloudcraft::Ui {

/// The structural diff as a tree: one row per resource type and region ("ec2 · us-east-1"), the resources under it
/// with what happened to them, and their attribute changes under each resource
/// ("instanceType: "t3.small" → "t3.large""). Unchanged resources are left out while showOnlyChanges() is on.
class StructuralDiffModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StructuralDiffModel)

public:
    enum Column { NameColumn, ChangeColumn, ColumnCount };
    enum Role {
        ComponentIdRole = Qt::UserRole + 1, ///< QString: the resource's component id ("" on other rows)
        ChangeRole,                         ///< int(Core::ResourceChange) on resource rows
        RowKindRole,                        ///< int(RowKind)
    };
    enum class RowKind { Group, Resource, Attribute };

    explicit StructuralDiffModel(QObject *parent = nullptr);
    ~StructuralDiffModel() override;

    /// Shows `result` (copied); nullopt clears the tree.
    void setResult(const std::optional<Core::InventoryDiffResult> &result);
    bool hasResult() const { return m_result.has_value(); }
    void setShowOnlyChanges(bool only);
    bool showOnlyChanges() const { return m_onlyChanges; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;

    void rebuild();
    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column) const;

    std::optional<Core::InventoryDiffResult> m_result;
    bool m_onlyChanges = true;
    std::unique_ptr<Node> m_root;
};

} // namespace Cloudcraft::Ui
