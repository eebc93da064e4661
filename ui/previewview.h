#pragma once

#include <QAbstractScrollArea>
#include <QImage>
#include <QPoint>

class QLabel;
class QProgressBar;
class QTimer;

namespace Cloudcraft::Core {
class DiagramImageLoader;
struct DiagramImage;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

/// Shows one diagram image: zoom towards the cursor (Ctrl+wheel, Ctrl++ / Ctrl+-), Fit (F, Ctrl+0), 100 % (1,
/// Ctrl+1), pan by dragging or with the arrow keys, a checkerboard behind transparent pixels, a busy state while a
/// render is on its way and a message when there is nothing to show.
///
/// Zoom is in device pixels: at 100 % one image pixel covers one physical screen pixel, so a render requested at
/// the view's size × devicePixelRatio is shown sharp and exactly filling the view.
class PreviewView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewView)

public:
    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 16.0;

    explicit PreviewView(QWidget *parent = nullptr);
    ~PreviewView() override;

    /// Shows `image` (its own devicePixelRatio is ignored) and fits it when `fit` is true, else keeps the zoom.
    void setImage(const QImage &image, bool fit = true);
    QImage image() const { return m_image; }
    void clear();

    /// Shows an SVG document: rasterised with librsvg off the UI thread at the view's device pixels, then again at
    /// every new zoom (after a short pause) so it stays sharp; the current bitmap is shown scaled meanwhile.
    /// image() is the latest raster. setImage() or clear() drop the document.
    void setSvg(const QByteArray &svg);
    bool hasSvg() const { return !m_svg.isEmpty(); }

    /// A busy state with a short text ("Rendering…"); the current image stays visible underneath.
    void setBusy(bool busy, const QString &text = {});
    bool isBusy() const { return m_busy; }
    /// A centred sentence shown instead of an image (empty state, errors). Clears the image.
    void setMessage(const QString &text);
    QString message() const { return m_message; }

    double zoom() const { return m_zoom; }
    bool isFitMode() const { return m_fitMode; }
    /// The zoom at which the whole image fits the viewport.
    double fitZoom() const;
    /// The viewport size in device pixels: what a render should be requested at.
    QSize devicePixelViewportSize() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();
    void actualSize();
    /// Zooms so that the image point under `viewportPos` stays under it.
    void setZoom(double zoom, QPointF viewportPos = QPointF(-1, -1));

Q_SIGNALS:
    void zoomChanged(double zoom);
    /// A raster of the SVG document is shown (the first one, or a sharper one after a zoom).
    void svgRasterized();
    /// The SVG document could not be rasterised; `message` is a sentence for the user.
    void svgFailed(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    double dpr() const;
    QSizeF scaledSize() const; ///< the image's size in logical pixels at the current zoom
    /// The image's size in zoom units: its pixels for a bitmap; for an SVG, pixels of the first raster, so the
    /// zoom the user sees does not jump when a sharper raster replaces the current one.
    QSizeF baseSize() const;
    void showImage(const QImage &image, bool fit);
    void scheduleRaster();
    void requestRaster();
    void onRasterized(quint64 requestId, const Core::DiagramImage &raster);
    void updateScrollBars();
    QPointF imageOrigin() const; ///< top-left of the image in viewport coordinates
    void paintCheckerboard(QPainter &painter, const QRectF &rect) const;
    void paintOverlay(QPainter &painter) const;

    QImage m_image;
    QString m_message;
    QString m_busyText;
    double m_zoom = 1.0;
    bool m_fitMode = true;
    bool m_busy = false;
    bool m_dragging = false;
    QPoint m_dragStart;
    QPoint m_scrollStart;
    QProgressBar *m_busyBar = nullptr;
    QByteArray m_svg; ///< the document being shown, when it is an SVG
    double m_baseScale = 1.0; ///< raster pixels per SVG unit of the first raster (zoom 1 = this scale)
    double m_rasterScale = 1.0; ///< raster pixels per SVG unit of m_image
    double m_pendingScale = 0; ///< scale of the raster being made; 0 when none
    Core::DiagramImageLoader *m_loader = nullptr;
    QTimer *m_rasterTimer = nullptr;
};

} // namespace Cloudcraft::Ui
