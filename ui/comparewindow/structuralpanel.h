#pragma once

#include "diff/inventorydiff.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QTreeView;

namespace Cloudcraft::Ui {

class StructuralDiffModel;

/// Added, removed and changed resources of the two documents, grouped by type and region, with their attribute
/// changes, and a "Show only changes" switch. Choosing a resource asks the window to show it on the picture.
class StructuralPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StructuralPanel)

public:
    explicit StructuralPanel(QWidget *parent = nullptr);
    ~StructuralPanel() override;

    /// nullopt: the sides carry no documents, and the panel says so.
    void setResult(const std::optional<Core::InventoryDiffResult> &result);
    StructuralDiffModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }

Q_SIGNALS:
    /// A resource (or one of its attribute changes) was selected; `componentId` as in the documents.
    void resourceSelected(const QString &componentId);

private:
    StructuralDiffModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QCheckBox *m_onlyChanges = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace Cloudcraft::Ui
