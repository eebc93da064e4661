#pragma once

#include <QStyledItemDelegate>

namespace Cloudcraft::Ui {

/// Paints one snapshot of the timeline as a card: the thumbnail, the name or time, and the change counts.
class TimelineCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineCardDelegate)

public:
    static constexpr QSize kCardSize{176, 148};
    static constexpr QSize kThumbnailSize{160, 90};

    using QStyledItemDelegate::QStyledItemDelegate;
    ~TimelineCardDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Cloudcraft::Ui
