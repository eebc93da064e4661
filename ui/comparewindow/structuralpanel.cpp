#include "structuralpanel.h"

#include "structuraldiffmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

StructuralPanel::StructuralPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new StructuralDiffModel(this))
{
    setObjectName(QStringLiteral("structuralPanel"));
    m_onlyChanges = new QCheckBox(tr("Show only changes"), this);
    m_onlyChanges->setObjectName(QStringLiteral("showOnlyChanges"));
    m_onlyChanges->setAccessibleName(tr("Show only changes"));
    m_onlyChanges->setChecked(m_model->showOnlyChanges());

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("structuralNote"));
    m_note->setWordWrap(true);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("structuralTree"));
    m_tree->setAccessibleName(tr("Resource changes"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(StructuralDiffModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(StructuralDiffModel::ChangeColumn, QHeaderView::Fixed);
    m_tree->header()->resizeSection(StructuralDiffModel::ChangeColumn, 80);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_onlyChanges);
    layout->addWidget(m_note);
    layout->addWidget(m_tree, 1);

    connect(m_onlyChanges, &QCheckBox::toggled, this, [this](bool only) {
        m_model->setShowOnlyChanges(only);
        m_tree->expandToDepth(0);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(StructuralDiffModel::ComponentIdRole).toString();
                if (!id.isEmpty())
                    Q_EMIT resourceSelected(id);
            });
    setResult(std::nullopt);
}

StructuralPanel::~StructuralPanel() = default;

void StructuralPanel::setResult(const std::optional<Core::InventoryDiffResult> &result)
{
    m_model->setResult(result);
    m_tree->expandToDepth(0);
    if (!result) {
        m_note->setText(tr("No resource list: these pictures came without their blueprint or inventory documents."));
    } else if (!result->hasChanges()) {
        m_note->setText(tr("No resource was added, removed or changed."));
    } else {
        const Core::InventoryCounts &t = result->totals;
        m_note->setText(tr("%1 added, %2 removed, %3 changed, %4 moved.")
                            .arg(t.added)
                            .arg(t.removed)
                            .arg(t.changed)
                            .arg(t.moved));
    }
    m_tree->setEnabled(result.has_value());
    m_onlyChanges->setEnabled(result.has_value());
}

} // namespace Cloudcraft::Ui
