#include "render/schematic/canvasgeometry.h"

#include "render/schematic/diagramscene.h"

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Core {

namespace {

constexpr double kMargin = DiagramScene::kUnit; // scene px around the diagram at natural size

int clampSide(double side)
{
    if (!std::isfinite(side))
        return 1;
    return static_cast<int>(std::clamp(std::ceil(side - 1e-6), 1.0, static_cast<double>(CanvasGeometry::kMaxSide)));
}

double sanitizedScale(double scale)
{
    if (!std::isfinite(scale) || scale <= 0.0)
        return 1.0;
    return std::min(scale, CanvasGeometry::kMaxScale);
}

CanvasGeometry centred(const QRectF &bounds, const QSize &size, double scale)
{
    CanvasGeometry geometry;
    geometry.size = size;
    geometry.scale = scale;
    geometry.offset = QPointF((size.width() - bounds.width() * scale) / 2.0 - bounds.left() * scale,
        (size.height() - bounds.height() * scale) / 2.0 - bounds.top() * scale);
    return geometry;
}

} // namespace

QRectF CanvasGeometry::visibleSceneRect() const
{
    return QRectF(-offset / scale, QSizeF(size.width() / scale, size.height() / scale));
}

CanvasGeometry CanvasGeometry::forOptions(const QRectF &sceneBounds, const SchematicOptions &options)
{
    const CanvasGeometry wanted = unlimited(sceneBounds, options);
    const QSize limit = options.maxSize;
    if (!limit.isValid() || limit.isEmpty()
        || (wanted.size.width() <= limit.width() && wanted.size.height() <= limit.height()))
        return wanted;
    // A preview asks for at most this much: shrink the whole picture, keeping its proportions.
    const double factor = std::min(static_cast<double>(limit.width()) / wanted.size.width(),
        static_cast<double>(limit.height()) / wanted.size.height());
    const QRectF bounds = sceneBounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const QSize size(std::min(limit.width(), clampSide(wanted.size.width() * factor)),
        std::min(limit.height(), clampSide(wanted.size.height() * factor)));
    const double scale = std::min(size.width() / bounds.width(), size.height() / bounds.height());
    return centred(bounds, size, scale);
}

CanvasGeometry CanvasGeometry::unlimited(const QRectF &sceneBounds, const SchematicOptions &options)
{
    const QRectF bounds = sceneBounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const int width = options.width > 0 ? std::min(options.width, kMaxSide) : 0;
    const int height = options.height > 0 ? std::min(options.height, kMaxSide) : 0;

    if (width > 0 && height > 0) {
        // The real API honours width/height literally: fit the diagram inside and centre it.
        const double scale = std::min(width / bounds.width(), height / bounds.height());
        return centred(bounds, QSize(width, height), scale);
    }
    if (width > 0) {
        const double scale = width / bounds.width();
        return centred(bounds, QSize(width, clampSide(bounds.height() * scale)), scale);
    }
    if (height > 0) {
        const double scale = height / bounds.height();
        return centred(bounds, QSize(clampSide(bounds.width() * scale), height), scale);
    }
    double scale = sanitizedScale(options.scale);
    const double longest = std::max(bounds.width(), bounds.height()) * scale;
    if (longest > kMaxSide)
        scale *= kMaxSide / longest; // shrink huge diagrams instead of failing
    // Without an explicit size keep the picture to what a client can decode with default image limits.
    const double pixels = bounds.width() * bounds.height() * scale * scale;
    if (pixels > kMaxNaturalPixels)
        scale *= std::sqrt(kMaxNaturalPixels / pixels);
    return centred(bounds, QSize(clampSide(bounds.width() * scale), clampSide(bounds.height() * scale)), scale);
}

CanvasGeometry CanvasGeometry::forPage(const QRectF &sceneBounds, const QSizeF &page, double margin)
{
    const QSizeF usable(std::max(1.0, page.width() - 2 * margin), std::max(1.0, page.height() - 2 * margin));
    const double scale = std::min(usable.width() / sceneBounds.width(), usable.height() / sceneBounds.height());
    CanvasGeometry geometry;
    geometry.size = QSize(qRound(page.width()), qRound(page.height()));
    geometry.scale = scale;
    geometry.offset = QPointF((page.width() - sceneBounds.width() * scale) / 2.0 - sceneBounds.left() * scale,
        (page.height() - sceneBounds.height() * scale) / 2.0 - sceneBounds.top() * scale);
    return geometry;
}

} // namespace Cloudcraft::Core
