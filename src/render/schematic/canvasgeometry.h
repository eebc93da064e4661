#pragma once

#include "render/schematic/schematicrenderer.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace Cloudcraft::Core {

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
    /// width x height with the diagram fitted and centred; every side clamped to [1, kMaxSide]; then shrunk
    /// to fit options.maxSize when that is valid.
    static CanvasGeometry forOptions(const QRectF &sceneBounds, const SchematicOptions &options);
    /// forOptions() without options.maxSize.
    static CanvasGeometry unlimited(const QRectF &sceneBounds, const SchematicOptions &options);
    /// Fits the scene into a fixed page (PDF), keeping `margin` free on each side.
    static CanvasGeometry forPage(const QRectF &sceneBounds, const QSizeF &page, double margin);
};

} // namespace Cloudcraft::Core
