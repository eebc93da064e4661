#include "compareviewport.h"

#include <algorithm>

namespace Cloudcraft::Ui {

CompareViewport::CompareViewport(QObject *parent)
    : QObject(parent)
{
}

void CompareViewport::setViewSize(const QSize &size, double devicePixelRatio)
{
    const double dpr = std::max(1.0, devicePixelRatio);
    if (size == m_view && qFuzzyCompare(dpr, m_dpr))
        return;
    m_view = size;
    m_dpr = dpr;
    if (m_fitMode)
        fit();
    else {
        clampCenter();
        Q_EMIT changed();
    }
}

void CompareViewport::setCanvasSize(const QSize &size)
{
    const bool first = m_canvas.isEmpty();
    m_canvas = size;
    if (m_fitMode || first)
        fit();
    else {
        clampCenter();
        Q_EMIT changed();
    }
}

QPointF CompareViewport::toWidget(const QPointF &imagePoint) const
{
    return (imagePoint - m_center) * scale() + QPointF(m_view.width() / 2.0, m_view.height() / 2.0);
}

QPointF CompareViewport::toImage(const QPointF &widgetPoint) const
{
    return (widgetPoint - QPointF(m_view.width() / 2.0, m_view.height() / 2.0)) / scale() + m_center;
}

QRectF CompareViewport::toWidget(const QRectF &imageRect) const
{
    return {toWidget(imageRect.topLeft()), toWidget(imageRect.bottomRight())};
}

QRectF CompareViewport::toImage(const QRectF &widgetRect) const
{
    return {toImage(widgetRect.topLeft()), toImage(widgetRect.bottomRight())};
}

QRectF CompareViewport::visibleImageRect() const
{
    return toImage(QRectF(QPointF(0, 0), QSizeF(m_view)));
}

double CompareViewport::fitZoom() const
{
    if (m_canvas.isEmpty() || m_view.isEmpty())
        return 1.0;
    const double zx = m_view.width() * m_dpr / m_canvas.width();
    const double zy = m_view.height() * m_dpr / m_canvas.height();
    return std::clamp(std::min(zx, zy), kMinZoom, kMaxZoom);
}

void CompareViewport::fit()
{
    m_fitMode = true;
    m_zoom = fitZoom();
    m_center = QPointF(m_canvas.width() / 2.0, m_canvas.height() / 2.0);
    Q_EMIT changed();
}

void CompareViewport::setZoom(double zoom, QPointF anchor)
{
    if (anchor.x() < 0 || anchor.y() < 0)
        anchor = QPointF(m_view.width() / 2.0, m_view.height() / 2.0);
    const QPointF imagePoint = toImage(anchor);
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_fitMode = false;
    // Keep imagePoint under anchor: anchor = (imagePoint - centre) * scale + half view.
    m_center = imagePoint - (anchor - QPointF(m_view.width() / 2.0, m_view.height() / 2.0)) / scale();
    clampCenter();
    Q_EMIT changed();
}

void CompareViewport::zoomBy(double factor, QPointF anchor)
{
    setZoom(m_zoom * factor, anchor);
}

void CompareViewport::panBy(const QPointF &widgetDelta)
{
    m_center -= widgetDelta / scale();
    m_fitMode = false;
    clampCenter();
    Q_EMIT changed();
}

void CompareViewport::zoomTo(const QRectF &imageRect, double margin)
{
    if (imageRect.isEmpty() || m_view.isEmpty())
        return;
    const QRectF framed = imageRect.adjusted(-imageRect.width() * margin, -imageRect.height() * margin,
                                             imageRect.width() * margin, imageRect.height() * margin);
    const double zx = m_view.width() * m_dpr / framed.width();
    const double zy = m_view.height() * m_dpr / framed.height();
    m_zoom = std::clamp(std::min(zx, zy), kMinZoom, kMaxZoom);
    m_fitMode = false;
    m_center = imageRect.center();
    clampCenter();
    Q_EMIT changed();
}

void CompareViewport::clampCenter()
{
    // Per axis: a canvas narrower than the view sits in its middle; a wider one may not leave a gap at either edge.
    const auto clampAxis = [this](double centre, int canvas, int view) {
        const double half = view / 2.0 / scale();
        if (canvas <= 2 * half)
            return canvas / 2.0;
        return std::clamp(centre, half, canvas - half);
    };
    m_center = QPointF(clampAxis(m_center.x(), m_canvas.width(), m_view.width()),
                       clampAxis(m_center.y(), m_canvas.height(), m_view.height()));
}

} // namespace Cloudcraft::Ui
