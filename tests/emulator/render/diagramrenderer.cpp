#include "diagramrenderer.h"

#include "budgetestimator.h"
#include "canvasgeometry.h"
#include "diagramscene.h"
#include "formatwriters.h"

namespace Cloudcraft::Emulator {

QByteArray DiagramRenderer::render(const QJsonObject &blueprintData, RenderFormat format, const RenderOptions &options)
{
    const DiagramScene scene = DiagramScene::build(blueprintData, options.theme);
    switch (format) {
    case RenderFormat::Png:
        return FormatWriters::png(scene, CanvasGeometry::forOptions(scene.bounds, options), options);
    case RenderFormat::Svg:
        return FormatWriters::svg(scene, CanvasGeometry::forOptions(scene.bounds, options), options);
    case RenderFormat::Pdf:
        return FormatWriters::pdf(scene, options);
    case RenderFormat::MxGraph:
        return FormatWriters::mxGraph(scene);
    }
    return {};
}

QByteArray DiagramRenderer::budgetCsv(const QJsonObject &blueprintData, const BudgetOptions &options)
{
    return BudgetEstimator::csv(blueprintData, options);
}

} // namespace Cloudcraft::Emulator
