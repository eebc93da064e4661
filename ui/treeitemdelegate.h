#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace Cloudcraft::Ui {

/// Draws the navigator trees: group and provider rows in bold, an icon per kind of row (group, blueprint, cloud
/// account, region), so the eye finds diagrams among their groups at once.
class TreeItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeItemDelegate)

public:
    explicit TreeItemDelegate(QObject *parent = nullptr);
    ~TreeItemDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QIcon m_group;
    QIcon m_blueprint;
    QIcon m_account;
    QIcon m_region;
};

} // namespace Cloudcraft::Ui
