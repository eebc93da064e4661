#include "treeitemdelegate.h"

#include "models/treeroles.h"

namespace Cloudcraft::Ui {

using Core::TreeNodeKind;

namespace {
// Our own icons rather than the theme's: the same meaning on every desktop.
QIcon ownIcon(const char *path)
{
    return QIcon(QString::fromLatin1(path));
}
} // namespace

TreeItemDelegate::TreeItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_group(ownIcon(":/icons/group.svg"))
    , m_blueprint(ownIcon(":/icons/blueprint.svg"))
    , m_account(ownIcon(":/icons/account.svg"))
    , m_region(ownIcon(":/icons/region.svg"))
{
}

TreeItemDelegate::~TreeItemDelegate() = default;

void TreeItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = TreeNodeKind(index.data(Core::KindRole).toInt());
    option->features |= QStyleOptionViewItem::HasDecoration;
    switch (kind) {
    case TreeNodeKind::Group:
    case TreeNodeKind::Provider:
        option->font.setBold(true);
        option->icon = m_group;
        break;
    case TreeNodeKind::Blueprint:
        option->icon = m_blueprint;
        break;
    case TreeNodeKind::Account:
        option->icon = m_account;
        break;
    case TreeNodeKind::Region:
    case TreeNodeKind::Snapshot:
        option->icon = m_region;
        break;
    }
    option->decorationSize = QSize(16, 16);
}

} // namespace Cloudcraft::Ui
