#pragma once

#include "diagramrenderer.h"

#include "render/schematic/canvasgeometry.h"
#include "render/schematic/diagramscene.h"
#include "render/schematic/renderstyle.h"
#include "render/schematic/textformat.h"

#include <QByteArray>

namespace Cloudcraft::Emulator {

// The scene, its geometry and the style helpers live in the core's schematic renderer (src/render/schematic);
// the emulator keeps only the formats the desktop app never draws locally (PDF, mxGraph, budget).
using Core::CanvasGeometry;
using Core::DiagramScene;
using Core::SceneEdge;
using Core::SceneItem;
using Core::SceneShape;
namespace RenderStyle = Core::RenderStyle;
namespace TextFormat = Core::TextFormat;

namespace FormatWriters {

/// Deterministic (no clocks, no random ids, fixed number formats); they draw the same scene as PNG and SVG.
QByteArray pdf(const DiagramScene &scene, const RenderOptions &options);
QByteArray mxGraph(const DiagramScene &scene);

} // namespace FormatWriters

} // namespace Cloudcraft::Emulator
