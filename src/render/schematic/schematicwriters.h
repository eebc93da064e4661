#pragma once

#include "render/schematic/canvasgeometry.h"
#include "render/schematic/diagramscene.h"
#include "render/schematic/schematicrenderer.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QRect>

namespace Cloudcraft::Core::SchematicWriters {

/// Each writer draws the same scene; all are deterministic (no clocks, no random ids, fixed number formats).
/// The scene painted into a new image of canvas.size; a null image when it cannot be allocated.
QImage paint(const DiagramScene &scene, const CanvasGeometry &canvas, const SchematicOptions &options);
/// Encodes `image` as PNG (fixed settings, 96 dpi) with the bounds chunk when `bounds` is not empty.
QByteArray png(const QImage &image, const QHash<QString, QRect> &bounds);
QByteArray svg(const DiagramScene &scene, const CanvasGeometry &canvas, const SchematicOptions &options);
/// Scene rectangles of every item with an id, mapped to output pixels and clipped to the canvas.
QHash<QString, QRect> pixelBounds(const DiagramScene &scene, const CanvasGeometry &canvas);
/// The compact JSON text of the bounds chunk, ids sorted, non-ASCII escaped (tEXt is Latin-1).
QByteArray boundsJson(const QHash<QString, QRect> &bounds);

} // namespace Cloudcraft::Core::SchematicWriters
