#pragma once

#include <QPointF>
#include <QRect>
#include <QWidget>

class QPainter;

namespace Cloudcraft::Ui {

class CompareViewport;
class ImagePyramid;
class SwipeHandle;
struct CompareScene;

/// One drawing surface of the compare view. A Before or After canvas shows that side (the two panes of side by
/// side); a Composite canvas shows whatever the scene's mode asks for (swipe, onion skin, blink, difference).
/// Pan by dragging, Ctrl+wheel zooms towards the cursor, the wheel scrolls; all of it goes through the shared
/// CompareViewport, so every canvas of the view moves together. Only the visible part of each image is painted.
class CompareCanvas final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareCanvas)

public:
    enum class Role { Before, After, Composite };

    CompareCanvas(Role role, const CompareScene *scene, CompareViewport *viewport, QWidget *parent = nullptr);

    Role role() const { return m_role; }
    /// The swipe divider (Composite canvases only, visible in swipe mode).
    SwipeHandle *swipeHandle() const { return m_swipeHandle; }
    /// Places the swipe handle where the scene says and shows it in swipe mode only.
    void syncSwipeHandle();
    /// Index of the ignore region under the mouse, -1 when none (Delete removes it).
    int hoveredIgnoreRegion() const { return m_hoveredIgnore; }

Q_SIGNALS:
    void resized();
    void regionHovered(int index);
    void regionClicked(int index);
    void ignoreRegionDrawn(const QRect &imageRect);
    void ignoreRegionRemoved(int index);
    void swipeMoved(double fraction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void paintImage(QPainter &painter, const ImagePyramid *image) const;
    void paintOverlays(QPainter &painter) const;
    void paintBadge(QPainter &painter, const QString &text) const;
    void paintMessage(QPainter &painter, const QString &text) const;
    bool isPreparing() const; ///< a side waits for its worker-converted copy
    void updateHover(const QPointF &widgetPos);
    int regionAt(const QPointF &imagePoint) const;
    int ignoreRegionAt(const QPointF &imagePoint) const;
    QRect drawnRect() const;

    Role m_role;
    const CompareScene *m_scene;
    CompareViewport *m_viewport;
    SwipeHandle *m_swipeHandle = nullptr;
    enum class Drag { None, Pan, Draw };
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    QPointF m_drawStart; ///< image coordinates
    QPointF m_drawEnd;
    bool m_moved = false;
    int m_hoveredRegion = -1;
    int m_hoveredIgnore = -1;
};

/// The swipe divider: a vertical line with a grip, dragged sideways; a widget of its own so it has a name for
/// assistive technology and its own cursor.
class SwipeHandle final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SwipeHandle)

public:
    static constexpr int kWidth = 17;
    explicit SwipeHandle(QWidget *parent);

Q_SIGNALS:
    /// The user dragged the divider to `fraction` of the parent's width.
    void moved(double fraction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool m_dragging = false;
};

} // namespace Cloudcraft::Ui
