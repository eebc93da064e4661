#pragma once

#include "diagramrenderer.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace Cloudcraft::Emulator {

/// Output size and the scene -> output mapping (device = scene * scale + offset).
struct CanvasGeometry
{
    static constexpr int kMaxSide = 8192;
    static constexpr double kMaxScale = 8.0;
    /// Cap when neither width nor height is given; the real API also fits big diagrams into a few megapixels.
    static constexpr double kMaxNaturalPixels = 2048.0 * 2048.0;

    QSize size;
    double scale = 1.0;
    QPointF offset;

    QPointF map(const QPointF &scenePoint) const { return scenePoint * scale + offset; }
    /// The part of the scene that is visible on the canvas.
    QRectF visibleSceneRect() const;

    /// Natural size (bounds plus a margin, times `scale`, shrunk to at most kMaxNaturalPixels), or exactly
    /// width x height with the diagram fitted and centred; every side clamped to [1, kMaxSide].
    static CanvasGeometry forOptions(const QRectF &sceneBounds, const RenderOptions &options);
    /// Fits the scene into a fixed page (PDF), keeping `margin` free on each side.
    static CanvasGeometry forPage(const QRectF &sceneBounds, const QSizeF &page, double margin);
};

} // namespace Cloudcraft::Emulator
