#include "elidinglabel.h"

#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace Cloudcraft::Ui {

ElidingLabel::ElidingLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidingLabel::setElideMode(Qt::TextElideMode mode)
{
    m_mode = mode;
    update();
}

bool ElidingLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(text()) > contentsRect().width();
}

QSize ElidingLabel::minimumSizeHint() const
{
    QSize size = QLabel::minimumSizeHint();
    // Room for a few characters and the ellipsis; the rest of the text is the tooltip's.
    const QMargins margins = contentsMargins();
    const int few = fontMetrics().horizontalAdvance(QStringLiteral("MMMM…")) + margins.left() + margins.right();
    size.setWidth(std::min(size.width(), few));
    return size;
}

void ElidingLabel::paintEvent(QPaintEvent *event)
{
    // Painting is where the width and the text are both final (QLabel::setText is not virtual).
    const bool elided = isElided();
    updateToolTip(elided);
    if (!elided) {
        QLabel::paintEvent(event);
        return;
    }
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), m_mode, area.width());
    style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shown, foregroundRole());
}

void ElidingLabel::updateToolTip(bool elided)
{
    const QString current = toolTip();
    if (!current.isEmpty() && current != m_autoToolTip)
        return; // the owner's own tooltip
    const QString wanted = elided ? text() : QString();
    if (wanted == current)
        return;
    m_autoToolTip = wanted;
    setToolTip(wanted);
}

} // namespace Cloudcraft::Ui
