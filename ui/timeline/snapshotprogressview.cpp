#include "snapshotprogressview.h"

#include "snapshotcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Cloudcraft::Ui {

SnapshotProgressView::SnapshotProgressView(SnapshotController *controller, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("snapshotProgress"));
    setAccessibleName(tr("Snapshot progress"));
    m_label->setObjectName(QStringLiteral("snapshotProgressLabel"));
    m_label->setAccessibleName(tr("Snapshot progress message"));
    m_cancel->setObjectName(QStringLiteral("snapshotCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the snapshot"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop taking this snapshot; nothing is saved"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_cancel);
    hide();
    connect(m_cancel, &QToolButton::clicked, controller, &SnapshotController::cancel);
    connect(controller, &SnapshotController::progress, m_label, &QLabel::setText);
    connect(controller, &SnapshotController::takingChanged, this, [this](bool taking) {
        if (taking)
            m_label->setText(tr("Taking a snapshot…"));
        setVisible(taking);
    });
}

SnapshotProgressView::~SnapshotProgressView() = default;

} // namespace Cloudcraft::Ui
