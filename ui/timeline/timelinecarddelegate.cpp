#include "timelinecarddelegate.h"

#include "timelinemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Cloudcraft::Ui {

TimelineCardDelegate::~TimelineCardDelegate() = default;

QSize TimelineCardDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return kCardSize;
}

void TimelineCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    const QRect card = option.rect.adjusted(4, 4, -4, -4);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath outline;
    outline.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(outline, selected ? palette.color(QPalette::Highlight).lighter(175) : palette.color(QPalette::Base));
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                         selected || focused ? 2 : 1));
    painter->drawPath(outline);

    // The thumbnail, centred in its box on a neutral background so white diagrams keep an edge.
    const QRect thumbBox(card.left() + (card.width() - kThumbnailSize.width()) / 2, card.top() + 6,
                         kThumbnailSize.width(), kThumbnailSize.height());
    painter->fillRect(thumbBox, palette.color(QPalette::AlternateBase));
    const QImage thumbnail = index.data(TimelineModel::ThumbnailRole).value<QImage>();
    if (!thumbnail.isNull()) {
        QSize drawn = thumbnail.deviceIndependentSize().toSize().scaled(thumbBox.size(), Qt::KeepAspectRatio);
        const QRect target(thumbBox.center() - QPoint(drawn.width() / 2, drawn.height() / 2), drawn);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(target, thumbnail);
    } else {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(thumbBox, Qt::AlignCenter, tr("Loading…"));
    }

    const int textLeft = card.left() + 8;
    const int textWidth = card.width() - 16;
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QRect titleRect(textLeft, thumbBox.bottom() + 6, textWidth, titleMetrics.height());
    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    QString title = index.data(Qt::DisplayRole).toString();
    if (index.data(TimelineModel::NamedRole).toBool())
        title = QStringLiteral("★ ") + title;
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, textWidth));

    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(smallFont);
    const QRect changesRect(textLeft, titleRect.bottom() + 2, textWidth, smallMetrics.height());
    painter->setFont(smallFont);
    const double ratio = index.data(TimelineModel::ChangeRatioRole).toDouble();
    const int structure = index.data(TimelineModel::StructureTotalRole).toInt();
    const bool changed = ratio > 0 || structure > 0;
    painter->setPen(changed ? QColor(0xc0, 0x50, 0x10) : palette.color(QPalette::PlaceholderText));
    painter->drawText(changesRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(index.data(TimelineModel::ChangesTextRole).toString(), Qt::ElideRight,
                                              textWidth));
    painter->restore();
}

} // namespace Cloudcraft::Ui
