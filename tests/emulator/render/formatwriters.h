#pragma once

#include "canvasgeometry.h"
#include "diagramscene.h"

#include <QByteArray>

namespace Cloudcraft::Emulator::FormatWriters {

/// Each writer draws the same scene; all are deterministic (no clocks, no random ids, fixed number formats).
QByteArray png(const DiagramScene &scene, const CanvasGeometry &canvas, const RenderOptions &options);
QByteArray svg(const DiagramScene &scene, const CanvasGeometry &canvas, const RenderOptions &options);
QByteArray pdf(const DiagramScene &scene, const RenderOptions &options);
QByteArray mxGraph(const DiagramScene &scene);

} // namespace Cloudcraft::Emulator::FormatWriters
