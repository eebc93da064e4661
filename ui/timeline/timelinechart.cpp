#include "timelinechart.h"

#include "timelinemodel.h"

#include <QItemSelectionModel>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Ui {

TimelineChart::TimelineChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineChart"));
    setAccessibleName(tr("Changes over time"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::setModel(QAbstractItemModel *model, QItemSelectionModel *selection)
{
    m_model = model;
    m_selection = selection;
    const auto repaint = [this] { update(); };
    connect(model, &QAbstractItemModel::modelReset, this, repaint);
    connect(model, &QAbstractItemModel::dataChanged, this, repaint);
    connect(selection, &QItemSelectionModel::selectionChanged, this, repaint);
    update();
}

QSize TimelineChart::sizeHint() const
{
    return {400, 34};
}

QSize TimelineChart::minimumSizeHint() const
{
    return {60, 34};
}

QRect TimelineChart::barArea() const
{
    return rect().adjusted(8, 4, -8, -4);
}

int TimelineChart::rowAt(QPoint position) const
{
    const int count = m_model ? m_model->rowCount() : 0;
    const QRect area = barArea();
    if (count == 0 || !area.contains(position))
        return -1;
    const double slot = std::min(double(area.width()) / count, 40.0);
    const int row = int((position.x() - area.left()) / slot);
    return row < count ? row : -1;
}

void TimelineChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = barArea();
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    const int count = m_model ? m_model->rowCount() : 0;
    if (count == 0)
        return;
    // Square-root scale: a 0.2 % change stays visible next to a 40 % one.
    double largest = 0;
    for (int row = 0; row < count; ++row)
        largest = std::max(largest, m_model->index(row, 0).data(TimelineModel::ChangeRatioRole).toDouble());
    const double slot = std::min(double(area.width()) / count, 40.0);
    const double barWidth = std::max(2.0, slot * 0.6);
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const double ratio = index.data(TimelineModel::ChangeRatioRole).toDouble();
        const int structure = index.data(TimelineModel::StructureTotalRole).toInt();
        const bool selected = m_selection && m_selection->isSelected(index);
        double height = 0;
        if (ratio > 0 && largest > 0)
            height = std::max(3.0, std::sqrt(ratio / largest) * (area.height() - 1));
        else if (ratio == 0 || structure == 0)
            height = 1; // a flat tick: compared, nothing changed
        const QRectF bar(area.left() + row * slot + (slot - barWidth) / 2, area.bottom() - height, barWidth, height);
        QColor colour = selected ? palette().color(QPalette::Highlight) : QColor(0xe0, 0x70, 0x30);
        if (ratio < 0)
            colour = palette().color(QPalette::Mid); // first snapshot or not compared yet
        painter.fillRect(bar, colour);
    }
}

void TimelineChart::mousePressEvent(QMouseEvent *event)
{
    if (const int row = rowAt(event->position().toPoint()); row >= 0)
        Q_EMIT barClicked(row);
}

} // namespace Cloudcraft::Ui
