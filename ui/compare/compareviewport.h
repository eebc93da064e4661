#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSize>

namespace Cloudcraft::Ui {

/// The one zoom and pan state every canvas of a compare view shows, so side by side stays synchronised by
/// construction: each canvas maps image coordinates to its own widget through the same centre and scale.
///
/// Zoom is in device pixels per image pixel (at 1.0 one image pixel covers one physical screen pixel, as in the
/// preview); scale() is the same in logical widget pixels. The canvas (both images top-left aligned, the larger of
/// the two sizes) is centred when it is smaller than the view and otherwise kept covering it.
class CompareViewport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareViewport)

public:
    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 32.0;

    explicit CompareViewport(QObject *parent = nullptr);

    double zoom() const { return m_zoom; }
    double scale() const { return m_zoom / m_dpr; }
    bool isFitMode() const { return m_fitMode; }
    QPointF center() const { return m_center; }
    QSize canvasSize() const { return m_canvas; }
    QSize viewSize() const { return m_view; }

    /// The size of one canvas widget (logical pixels) and its device pixel ratio; refits in fit mode.
    void setViewSize(const QSize &size, double devicePixelRatio);
    void setCanvasSize(const QSize &size);

    QPointF toWidget(const QPointF &imagePoint) const;
    QPointF toImage(const QPointF &widgetPoint) const;
    QRectF toWidget(const QRectF &imageRect) const;
    QRectF toImage(const QRectF &widgetRect) const;
    /// The image rectangle a canvas widget currently shows.
    QRectF visibleImageRect() const;

    double fitZoom() const;
    void fit();
    /// Zooms keeping the image point under `widgetAnchor` where it is (the view centre when none is given).
    void setZoom(double zoom, QPointF widgetAnchor = QPointF(-1, -1));
    void zoomBy(double factor, QPointF widgetAnchor = QPointF(-1, -1));
    void panBy(const QPointF &widgetDelta);
    /// Shows `imageRect` as large as fits, with `margin` (a fraction of its size) around it, centred.
    void zoomTo(const QRectF &imageRect, double margin = 0.1);

Q_SIGNALS:
    void changed();

private:
    void clampCenter();

    QSize m_view;
    QSize m_canvas;
    double m_dpr = 1.0;
    double m_zoom = 1.0;
    bool m_fitMode = true;
    QPointF m_center;
};

} // namespace Cloudcraft::Ui
