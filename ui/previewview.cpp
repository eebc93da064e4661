#include "previewview.h"

#include "render/diagramimageloader.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>


namespace Cloudcraft::Ui {

namespace {
constexpr double kZoomStep = 1.25;
constexpr int kArrowStep = 40;
constexpr int kCheckerCell = 8;
constexpr int kRasterDelayMs = 150; ///< pause after the last zoom step before an SVG is rasterised again
} // namespace

PreviewView::PreviewView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("previewView"));
    setAccessibleName(tr("Diagram preview"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(false);
    viewport()->setCursor(Qt::OpenHandCursor);
    m_busyBar = new QProgressBar(viewport());
    m_busyBar->setObjectName(QStringLiteral("previewBusyBar"));
    m_busyBar->setAccessibleName(tr("Loading the preview"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedHeight(4);
    m_busyBar->hide();
    m_loader = new Core::DiagramImageLoader(this);
    connect(m_loader, &Core::DiagramImageLoader::loaded, this, &PreviewView::onRasterized);
    m_rasterTimer = new QTimer(this);
    m_rasterTimer->setSingleShot(true);
    m_rasterTimer->setInterval(kRasterDelayMs);
    connect(m_rasterTimer, &QTimer::timeout, this, &PreviewView::requestRaster);
}

PreviewView::~PreviewView() = default;

double PreviewView::dpr() const
{
    return std::max(1.0, devicePixelRatioF());
}

QSize PreviewView::devicePixelViewportSize() const
{
    return (QSizeF(viewport()->size()) * dpr()).toSize();
}

void PreviewView::setImage(const QImage &image, bool fit)
{
    m_svg.clear();
    m_loader->cancel();
    m_rasterTimer->stop();
    m_pendingScale = 0;
    m_baseScale = m_rasterScale = 1.0;
    showImage(image, fit);
}

void PreviewView::showImage(const QImage &image, bool fit)
{
    m_image = image;
    m_message.clear();
    if (fit || m_fitMode)
        fitToView();
    else
        setZoom(m_zoom);
    viewport()->update();
}

void PreviewView::setSvg(const QByteArray &svg)
{
    m_loader->cancel();
    m_rasterTimer->stop();
    m_svg = svg;
    m_image = QImage();
    m_message.clear();
    m_baseScale = m_rasterScale = 1.0;
    m_pendingScale = 0;
    m_fitMode = true;
    // The first raster fills the viewport in device pixels (HiDPI-sharp); later ones follow the zoom.
    m_loader->load(m_svg, Core::ImageFormat::Svg, Core::RenderSize::fitting(devicePixelViewportSize()));
    updateScrollBars();
    viewport()->update();
}

void PreviewView::scheduleRaster()
{
    if (m_svg.isEmpty() || m_image.isNull())
        return;
    const double wanted = m_baseScale * m_zoom;
    const double current = m_pendingScale > 0 ? m_pendingScale : m_rasterScale;
    if (std::abs(wanted / current - 1.0) < 0.05)
        return;
    m_rasterTimer->start();
}

void PreviewView::requestRaster()
{
    if (m_svg.isEmpty())
        return;
    // Past 8192 pixels a side the raster stops growing (memory), and deep zooms show that raster scaled.
    const QSizeF intrinsic = QSizeF(m_image.size()) / m_rasterScale;
    const double largestSide = std::max(intrinsic.width(), intrinsic.height());
    const double cap = largestSide > 0 ? 8192.0 / largestSide : 1.0;
    m_pendingScale = std::min(m_baseScale * m_zoom, std::max(cap, m_baseScale));
    if (std::abs(m_pendingScale / m_rasterScale - 1.0) < 0.05) {
        m_pendingScale = 0;
        return;
    }
    m_loader->load(m_svg, Core::ImageFormat::Svg, Core::RenderSize::scaled(m_pendingScale));
}

void PreviewView::onRasterized(quint64, const Core::DiagramImage &raster)
{
    m_pendingScale = 0;
    if (m_svg.isEmpty())
        return;
    if (!raster.ok()) {
        if (m_image.isNull())
            setMessage(raster.error);
        Q_EMIT svgFailed(raster.error);
        return;
    }
    const double scale = raster.intrinsicSize.width() > 0
        ? double(raster.image.width()) / raster.intrinsicSize.width()
        : 1.0;
    if (m_image.isNull()) {
        m_baseScale = m_rasterScale = scale;
        showImage(raster.image, true);
    } else {
        // Same size on screen (baseSize() does not change), more pixels: no zoom or scroll change.
        m_rasterScale = scale;
        m_image = raster.image;
        viewport()->update();
    }
    Q_EMIT svgRasterized();
}

QSizeF PreviewView::baseSize() const
{
    return QSizeF(m_image.size()) * (m_baseScale / m_rasterScale);
}

void PreviewView::clear()
{
    m_svg.clear();
    m_loader->cancel();
    m_rasterTimer->stop();
    m_pendingScale = 0;
    m_image = QImage();
    updateScrollBars();
    viewport()->update();
}

void PreviewView::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_busyText = text;
    m_busyBar->setVisible(busy);
    m_busyBar->setGeometry(0, 0, viewport()->width(), m_busyBar->height());
    viewport()->update();
}

void PreviewView::setMessage(const QString &text)
{
    m_message = text;
    if (!text.isEmpty()) {
        m_image = QImage();
        m_svg.clear();
        m_loader->cancel();
        m_rasterTimer->stop();
        m_pendingScale = 0;
    }
    updateScrollBars();
    viewport()->update();
}

double PreviewView::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSizeF available = QSizeF(viewport()->size()) * dpr();
    const QSizeF size = baseSize();
    const double zx = available.width() / size.width();
    const double zy = available.height() / size.height();
    return std::clamp(std::min(zx, zy), kMinZoom, kMaxZoom);
}

QSizeF PreviewView::scaledSize() const
{
    return baseSize() * (m_zoom / dpr());
}

void PreviewView::updateScrollBars()
{
    const QSizeF size = m_image.isNull() ? QSizeF() : scaledSize();
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.width())) - view.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.height())) - view.height()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setSingleStep(kArrowStep);
    verticalScrollBar()->setSingleStep(kArrowStep);
}

QPointF PreviewView::imageOrigin() const
{
    const QSizeF size = scaledSize();
    const QSize view = viewport()->size();
    const double x = size.width() < view.width() ? (view.width() - size.width()) / 2.0
                                                 : -double(horizontalScrollBar()->value());
    const double y = size.height() < view.height() ? (view.height() - size.height()) / 2.0
                                                   : -double(verticalScrollBar()->value());
    return {x, y};
}

void PreviewView::setZoom(double zoom, QPointF anchor)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (anchor.x() < 0 || anchor.y() < 0)
        anchor = QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0);
    const double oldScale = m_zoom / dpr();
    const QPointF imagePoint = (anchor - imageOrigin()) / oldScale;
    const bool changed = !qFuzzyCompare(zoom, m_zoom);
    m_zoom = zoom;
    updateScrollBars();
    const QPointF newTopLeft = anchor - imagePoint * (m_zoom / dpr());
    horizontalScrollBar()->setValue(int(std::lround(-newTopLeft.x())));
    verticalScrollBar()->setValue(int(std::lround(-newTopLeft.y())));
    viewport()->update();
    scheduleRaster();
    if (changed)
        Q_EMIT zoomChanged(m_zoom);
}

void PreviewView::zoomIn()
{
    m_fitMode = false;
    setZoom(m_zoom * kZoomStep);
}

void PreviewView::zoomOut()
{
    m_fitMode = false;
    setZoom(m_zoom / kZoomStep);
}

void PreviewView::fitToView()
{
    m_fitMode = true;
    setZoom(fitZoom());
}

void PreviewView::actualSize()
{
    m_fitMode = false;
    setZoom(1.0);
}

void PreviewView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_busyBar->setGeometry(0, 0, viewport()->width(), m_busyBar->height());
    if (m_fitMode)
        setZoom(fitZoom());
    else
        updateScrollBars();
}

void PreviewView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void PreviewView::paintCheckerboard(QPainter &painter, const QRectF &rect) const
{
    QPixmap tile(2 * kCheckerCell, 2 * kCheckerCell);
    tile.fill(QColor(0xff, 0xff, 0xff));
    QPainter tilePainter(&tile);
    const QColor dark(0xe4, 0xe6, 0xea);
    tilePainter.fillRect(0, 0, kCheckerCell, kCheckerCell, dark);
    tilePainter.fillRect(kCheckerCell, kCheckerCell, kCheckerCell, kCheckerCell, dark);
    tilePainter.end();
    painter.fillRect(rect, QBrush(tile));
}

void PreviewView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Window).darker(106));
    if (!m_image.isNull()) {
        const QRectF target(imageOrigin(), scaledSize());
        paintCheckerboard(painter, target);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom * m_baseScale / m_rasterScale < 1.0);
        painter.drawImage(target, m_image);
        painter.setPen(QPen(palette().color(QPalette::Mid), 0));
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
    }
    paintOverlay(painter);
}

void PreviewView::paintOverlay(QPainter &painter) const
{
    const QString text = m_busy ? m_busyText : (m_image.isNull() ? m_message : QString());
    if (text.isEmpty())
        return;
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int maxWidth = std::max(120, viewport()->width() - 80);
    QRect box = metrics.boundingRect(QRect(0, 0, maxWidth, 10000), Qt::AlignCenter | Qt::TextWordWrap, text);
    box.adjust(-16, -10, 16, 10);
    box.moveCenter(viewport()->rect().center());
    if (m_busy && !m_image.isNull())
        box.moveTop(24);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(box, 8, 8);
    QColor fill = palette().color(QPalette::ToolTipBase);
    fill.setAlpha(235);
    painter.fillPath(path, fill);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawPath(path);
    painter.setPen(palette().color(QPalette::ToolTipText));
    painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
}

void PreviewView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier) && !m_image.isNull()) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0) {
            m_fitMode = false;
            setZoom(m_zoom * std::pow(kZoomStep, steps), event->position());
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PreviewView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position().toPoint();
        m_scrollStart = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void PreviewView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const QPoint delta = event->position().toPoint() - m_dragStart;
        horizontalScrollBar()->setValue(m_scrollStart.x() - delta.x());
        verticalScrollBar()->setValue(m_scrollStart.y() - delta.y());
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void PreviewView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void PreviewView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers().testFlag(Qt::ControlModifier);
    const int step = event->modifiers().testFlag(Qt::ShiftModifier) ? viewport()->width() / 2 : kArrowStep;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        if (!ctrl)
            return QAbstractScrollArea::keyPressEvent(event);
        fitToView();
        break;
    case Qt::Key_F:
        if (ctrl)
            return QAbstractScrollArea::keyPressEvent(event);
        fitToView();
        break;
    case Qt::Key_1:
        actualSize();
        break;
    case Qt::Key_Left:
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - step);
        break;
    case Qt::Key_Right:
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step);
        break;
    case Qt::Key_Up:
        verticalScrollBar()->setValue(verticalScrollBar()->value() - step);
        break;
    case Qt::Key_Down:
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        break;
    default:
        return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

} // namespace Cloudcraft::Ui
