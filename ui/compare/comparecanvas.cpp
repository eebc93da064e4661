#include "comparecanvas.h"

#include "comparescene.h"
#include "compareviewport.h"
#include "imagepyramid.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Ui {

namespace {
constexpr int kCheckerCell = 8;
constexpr double kWheelZoomStep = 1.25; ///< per 120 units of wheel (one notch)
constexpr double kClickSlop = 3.0;      ///< a press that moves less than this is a click, not a pan
const QColor kRegionColor(0, 110, 220, 150); // apart from the difference image's green and magenta
const QColor kHighlightColor(255, 128, 0);
const QColor kIgnoreColor(90, 90, 110);

QBrush checkerBrush()
{
    QPixmap tile(2 * kCheckerCell, 2 * kCheckerCell);
    tile.fill(QColor(0xff, 0xff, 0xff));
    QPainter painter(&tile);
    const QColor dark(0xe4, 0xe6, 0xea);
    painter.fillRect(0, 0, kCheckerCell, kCheckerCell, dark);
    painter.fillRect(kCheckerCell, kCheckerCell, kCheckerCell, kCheckerCell, dark);
    return QBrush(tile);
}
} // namespace

CompareCanvas::CompareCanvas(Role role, const CompareScene *scene, CompareViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_role(role)
    , m_scene(scene)
    , m_viewport(viewport)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(80, 60);
    switch (role) {
    case Role::Before:
        setObjectName(QStringLiteral("beforeCanvas"));
        setAccessibleName(tr("Before image"));
        break;
    case Role::After:
        setObjectName(QStringLiteral("afterCanvas"));
        setAccessibleName(tr("After image"));
        break;
    case Role::Composite:
        setObjectName(QStringLiteral("compareCanvas"));
        setAccessibleName(tr("Comparison"));
        m_swipeHandle = new SwipeHandle(this);
        connect(m_swipeHandle, &SwipeHandle::moved, this, &CompareCanvas::swipeMoved);
        break;
    }
    connect(m_viewport, &CompareViewport::changed, this, qOverload<>(&QWidget::update));
}

void CompareCanvas::syncSwipeHandle()
{
    if (!m_swipeHandle)
        return;
    const bool show = m_scene->mode == CompareMode::Swipe && !m_scene->flipped;
    const int x = int(std::lround(m_scene->swipe * width()));
    m_swipeHandle->setGeometry(x - SwipeHandle::kWidth / 2, 0, SwipeHandle::kWidth, height());
    m_swipeHandle->setVisible(show);
}

void CompareCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    syncSwipeHandle();
    Q_EMIT resized();
}

void CompareCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor background = m_scene->presentation ? QColor(0x1b, 0x1c, 0x20)
                                                    : palette().color(QPalette::Window).darker(106);
    painter.fillRect(rect(), background);
    const QSize canvas = m_viewport->canvasSize();
    if (canvas.isEmpty()) {
        paintMessage(painter, tr("Nothing to compare yet."));
        return;
    }
    // The canvas is the larger of the two sizes; where a side has no pixels the checkerboard shows through.
    const QRectF canvasRect = m_viewport->toWidget(QRectF(QPointF(0, 0), QSizeF(canvas)));
    static const QBrush checker = checkerBrush();
    painter.fillRect(canvasRect.intersected(QRectF(rect())), checker);

    switch (m_role) {
    case Role::Before:
        paintImage(painter, m_scene->before);
        break;
    case Role::After:
        paintImage(painter, m_scene->after);
        break;
    case Role::Composite:
        if (m_scene->showsOneSide()) {
            paintImage(painter, m_scene->showingBefore ? m_scene->before : m_scene->after);
            paintOverlays(painter);
            paintBadge(painter, m_scene->showingBefore ? tr("Before") : tr("After"));
            return;
        }
        switch (m_scene->mode) {
        case CompareMode::SideBySide: // shown by the two side canvases; the composite falls back to after
        case CompareMode::Blink:
            paintImage(painter, m_scene->after);
            break;
        case CompareMode::Swipe: {
            const double split = m_scene->swipe * width();
            painter.save();
            painter.setClipRect(QRectF(0, 0, split, height()));
            paintImage(painter, m_scene->before);
            painter.setClipRect(QRectF(split, 0, width() - split, height()));
            paintImage(painter, m_scene->after);
            painter.restore();
            break;
        }
        case CompareMode::Onion:
            paintImage(painter, m_scene->before);
            painter.setOpacity(m_scene->onionOpacity);
            paintImage(painter, m_scene->after);
            painter.setOpacity(1.0);
            break;
        case CompareMode::Difference:
            if (!m_scene->difference || m_scene->difference->isNull()) {
                paintMessage(painter, tr("The difference is being computed…"));
                return;
            }
            paintImage(painter, m_scene->difference);
            break;
        }
        break;
    }
    paintOverlays(painter);
    if (isPreparing())
        paintMessage(painter, tr("Preparing the images…"));
    if (m_role == Role::Composite && m_scene->mode == CompareMode::Swipe) {
        paintBadge(painter, tr("Before"));
        QString after = tr("After");
        const QFontMetrics metrics(font());
        painter.save();
        painter.translate(width() - metrics.horizontalAdvance(after) - 28, 0);
        paintBadge(painter, after);
        painter.restore();
    }
}

void CompareCanvas::paintImage(QPainter &painter, const ImagePyramid *image) const
{
    if (!image || image->isNull())
        return;
    const QRectF source = m_viewport->visibleImageRect().intersected(QRectF(QPointF(0, 0), QSizeF(image->size())));
    if (source.isEmpty())
        return;
    image->draw(painter, m_viewport->toWidget(source), source, m_viewport->zoom());
}

void CompareCanvas::paintOverlays(QPainter &painter) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF visible(rect());
    const QRectF visibleImage = m_viewport->visibleImageRect();
    for (const QRect &region : m_scene->regions) {
        if (!visibleImage.intersects(QRectF(region)))
            continue;
        painter.setPen(QPen(kRegionColor, 1, Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(m_viewport->toWidget(QRectF(region)).adjusted(-1, -1, 1, 1));
    }
    for (const QRect &ignored : m_scene->ignoreRegions) {
        const QRectF box = m_viewport->toWidget(QRectF(ignored));
        if (!visible.intersects(box))
            continue;
        QColor fill = kIgnoreColor;
        fill.setAlpha(60);
        painter.fillRect(box, fill);
        QColor hatch = kIgnoreColor;
        hatch.setAlpha(170);
        painter.fillRect(box, QBrush(hatch, Qt::BDiagPattern));
        painter.setPen(QPen(hatch, 1, Qt::DashLine));
        painter.drawRect(box);
    }
    if (!m_scene->highlight.isNull()) {
        const QRectF box = m_viewport->toWidget(QRectF(m_scene->highlight)).adjusted(-3, -3, 3, 3);
        QColor fill = kHighlightColor;
        fill.setAlpha(36);
        painter.fillRect(box, fill);
        painter.setPen(QPen(kHighlightColor, 3));
        painter.drawRect(box);
    }
    if (m_drag == Drag::Draw) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(m_viewport->toWidget(QRectF(drawnRect())));
    }
    painter.restore();
}

void CompareCanvas::paintBadge(QPainter &painter, const QString &text) const
{
    const QFontMetrics metrics(font());
    const QRect box(8, 8, metrics.horizontalAdvance(text) + 16, metrics.height() + 8);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 150));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

void CompareCanvas::paintMessage(QPainter &painter, const QString &text) const
{
    painter.save();
    painter.setPen(m_scene->presentation ? QColor(Qt::white) : palette().color(QPalette::WindowText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, text);
    painter.restore();
}

bool CompareCanvas::isPreparing() const
{
    for (const ImagePyramid *image : {m_scene->before, m_scene->after}) {
        if (image && !image->isNull() && !image->isDrawable())
            return true;
    }
    return false;
}

int CompareCanvas::regionAt(const QPointF &imagePoint) const
{
    // The smallest region under the point, so a small change inside a large one can still be picked.
    int best = -1;
    qint64 bestArea = 0;
    for (int i = 0; i < m_scene->regions.size(); ++i) {
        const QRect &r = m_scene->regions.at(i);
        if (!QRectF(r).contains(imagePoint))
            continue;
        const qint64 area = qint64(r.width()) * r.height();
        if (best < 0 || area < bestArea) {
            best = i;
            bestArea = area;
        }
    }
    return best;
}

int CompareCanvas::ignoreRegionAt(const QPointF &imagePoint) const
{
    for (int i = int(m_scene->ignoreRegions.size()) - 1; i >= 0; --i) {
        if (QRectF(m_scene->ignoreRegions.at(i)).contains(imagePoint))
            return i;
    }
    return -1;
}

QRect CompareCanvas::drawnRect() const
{
    // Every image pixel the drag touched, clipped to the canvas.
    const QRectF dragged = QRectF(m_drawStart, m_drawEnd).normalized();
    const QPoint topLeft(int(std::floor(dragged.left())), int(std::floor(dragged.top())));
    const QPoint bottomRight(int(std::ceil(dragged.right())), int(std::ceil(dragged.bottom())));
    return QRect(topLeft, bottomRight - QPoint(1, 1)).intersected(QRect(QPoint(0, 0), m_viewport->canvasSize()));
}

void CompareCanvas::updateHover(const QPointF &widgetPos)
{
    const QPointF imagePoint = m_viewport->toImage(widgetPos);
    m_hoveredIgnore = ignoreRegionAt(imagePoint);
    const int region = regionAt(imagePoint);
    if (region != m_hoveredRegion) {
        m_hoveredRegion = region;
        Q_EMIT regionHovered(region);
    }
}

void CompareCanvas::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    m_pressPos = m_lastPos = pos;
    m_moved = false;
    if (event->button() == Qt::RightButton) {
        const int index = ignoreRegionAt(m_viewport->toImage(pos));
        if (index >= 0)
            Q_EMIT ignoreRegionRemoved(index);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_scene->ignoreDrawing) {
        m_drag = Drag::Draw;
        m_drawStart = m_drawEnd = m_viewport->toImage(pos);
    } else if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void CompareCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if ((pos - m_pressPos).manhattanLength() >= kClickSlop)
        m_moved = true;
    switch (m_drag) {
    case Drag::Pan:
        m_viewport->panBy(pos - m_lastPos);
        break;
    case Drag::Draw:
        m_drawEnd = m_viewport->toImage(pos);
        update();
        break;
    case Drag::None:
        updateHover(pos);
        break;
    }
    m_lastPos = pos;
    event->accept();
}

void CompareCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    setCursor(m_scene->ignoreDrawing ? Qt::CrossCursor : Qt::OpenHandCursor);
    if (drag == Drag::Draw) {
        m_drawEnd = m_viewport->toImage(event->position());
        const QRect drawn = drawnRect();
        update();
        if (m_moved && drawn.width() >= 2 && drawn.height() >= 2)
            Q_EMIT ignoreRegionDrawn(drawn);
    } else if (drag == Drag::Pan && !m_moved) {
        const int index = regionAt(m_viewport->toImage(event->position()));
        if (index >= 0)
            Q_EMIT regionClicked(index);
    }
    event->accept();
}

void CompareCanvas::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = delta.y() / 120.0;
        if (!qFuzzyIsNull(notches))
            m_viewport->zoomBy(std::pow(kWheelZoomStep, notches), event->position());
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_viewport->panBy(QPointF(delta.y() / 2.0, 0));
    } else {
        m_viewport->panBy(QPointF(delta.x() / 2.0, delta.y() / 2.0));
    }
    event->accept();
}

void CompareCanvas::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    m_hoveredIgnore = -1;
    if (m_hoveredRegion != -1) {
        m_hoveredRegion = -1;
        Q_EMIT regionHovered(-1);
    }
}

SwipeHandle::SwipeHandle(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("swipeDivider"));
    setAccessibleName(tr("Swipe divider"));
    setAccessibleDescription(tr("Before is shown left of the divider, after right of it. Drag it, or press Left "
                                "and Right."));
    setToolTip(tr("Drag to move the divider (Left and Right keys too)"));
    setCursor(Qt::SplitHCursor);
    setAttribute(Qt::WA_TranslucentBackground);
    hide();
}

void SwipeHandle::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const double x = width() / 2.0;
    painter.fillRect(QRectF(x - 2, 0, 4, height()), QColor(0, 0, 0, 110));
    painter.fillRect(QRectF(x - 1, 0, 2, height()), Qt::white);
    const QRectF grip(0.5, height() / 2.0 - 22, width() - 1.0, 44);
    painter.setPen(QPen(QColor(0, 0, 0, 140), 1));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(grip, 6, 6);
    painter.setPen(QPen(QColor(90, 90, 90), 1));
    for (int dy : {-6, 0, 6})
        painter.drawLine(QPointF(x - 3, grip.center().y() + dy), QPointF(x + 3, grip.center().y() + dy));
}

void SwipeHandle::mousePressEvent(QMouseEvent *event)
{
    m_dragging = event->button() == Qt::LeftButton;
    event->accept();
}

void SwipeHandle::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || !parentWidget() || parentWidget()->width() <= 0)
        return;
    const double x = mapToParent(event->position()).x();
    Q_EMIT moved(std::clamp(x / parentWidget()->width(), 0.0, 1.0));
    event->accept();
}

void SwipeHandle::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging)
        mouseMoveEvent(event);
    m_dragging = false;
    event->accept();
}

} // namespace Cloudcraft::Ui
