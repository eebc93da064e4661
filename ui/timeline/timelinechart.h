#pragma once

#include <QWidget>

class QAbstractItemModel;
class QItemSelectionModel;

namespace Cloudcraft::Ui {

/// A small bar chart of changes over time above the timeline cards: one bar per snapshot (oldest left), its
/// height the share of changed pixels against the snapshot before it, relative to the largest change shown.
/// Selected snapshots are drawn in the highlight colour; clicking a bar selects that snapshot.
class TimelineChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineChart)

public:
    explicit TimelineChart(QWidget *parent = nullptr);
    ~TimelineChart() override;

    /// A TimelineModel and the card view's selection model.
    void setModel(QAbstractItemModel *model, QItemSelectionModel *selection);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void barClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRect barArea() const;
    int rowAt(QPoint position) const;

    QAbstractItemModel *m_model = nullptr;
    QItemSelectionModel *m_selection = nullptr;
};

} // namespace Cloudcraft::Ui
