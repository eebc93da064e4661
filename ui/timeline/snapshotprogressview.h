#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace Cloudcraft::Ui {

class SnapshotController;

/// The status-bar part shown while a snapshot is taken: what it is waiting for, and Cancel.
class SnapshotProgressView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotProgressView)

public:
    explicit SnapshotProgressView(SnapshotController *controller, QWidget *parent = nullptr);
    ~SnapshotProgressView() override;

    QLabel *label() const { return m_label; }
    QToolButton *cancelButton() const { return m_cancel; }

private:
    QLabel *m_label;
    QToolButton *m_cancel;
};

} // namespace Cloudcraft::Ui
