#include "diagramrenderer.h"

#include "budgetestimator.h"
#include "formatwriters.h"

#include "render/schematic/schematicrenderer.h"

namespace Cloudcraft::Emulator {

namespace {

Core::SchematicOptions schematicOptions(const RenderOptions &options)
{
    Core::SchematicOptions schematic;
    schematic.scale = options.scale;
    schematic.width = options.width;
    schematic.height = options.height;
    schematic.grid = options.grid;
    schematic.transparent = options.transparent;
    schematic.theme = options.theme;
    return schematic;
}

} // namespace

QByteArray DiagramRenderer::render(const QJsonObject &blueprintData, RenderFormat format, const RenderOptions &options)
{
    switch (format) {
    case RenderFormat::Png:
        return Core::SchematicRenderer::renderPng(blueprintData, schematicOptions(options)).png;
    case RenderFormat::Svg:
        return Core::SchematicRenderer::renderSvg(blueprintData, schematicOptions(options));
    case RenderFormat::Pdf:
        return FormatWriters::pdf(DiagramScene::build(blueprintData, options.theme), options);
    case RenderFormat::MxGraph:
        return FormatWriters::mxGraph(DiagramScene::build(blueprintData, options.theme));
    }
    return {};
}

QByteArray DiagramRenderer::budgetCsv(const QJsonObject &blueprintData, const BudgetOptions &options)
{
    return BudgetEstimator::csv(blueprintData, options);
}

} // namespace Cloudcraft::Emulator
