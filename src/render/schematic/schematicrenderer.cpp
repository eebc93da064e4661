#include "render/schematic/schematicrenderer.h"

#include "render/schematic/canvasgeometry.h"
#include "render/schematic/diagramscene.h"
#include "render/schematic/schematicwriters.h"

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core {

namespace {

QString sizeProblem(const QSize &size)
{
    return u"The schematic of %1 x %2 pixels could not be allocated."_s.arg(size.width()).arg(size.height());
}

} // namespace

QJsonObject SchematicRenderer::dataOf(const QJsonObject &blueprintOrData)
{
    const QJsonValue data = blueprintOrData.value(u"data");
    if (!data.isObject() || blueprintOrData.contains(u"nodes"))
        return blueprintOrData;
    QJsonObject inner = data.toObject();
    const QString name = blueprintOrData.value(u"name").toString();
    if (!name.isEmpty() && !inner.contains(u"name"))
        inner.insert(u"name", name);
    return inner;
}

SchematicResult SchematicRenderer::renderImage(const QJsonObject &blueprintOrData, const Options &options)
{
    const DiagramScene scene = DiagramScene::build(dataOf(blueprintOrData), options.theme, options.fitLabels);
    const CanvasGeometry canvas = CanvasGeometry::forOptions(scene.bounds, options);
    SchematicResult result;
    result.image = SchematicWriters::paint(scene, canvas, options);
    if (result.image.isNull()) {
        result.error = sizeProblem(canvas.size);
        return result;
    }
    result.bounds = SchematicWriters::pixelBounds(scene, canvas);
    return result;
}

SchematicResult SchematicRenderer::renderPng(const QJsonObject &blueprintOrData, const Options &options)
{
    SchematicResult result = renderImage(blueprintOrData, options);
    if (!result.ok())
        return result;
    result.png = SchematicWriters::png(result.image, result.bounds);
    result.image = QImage();
    if (result.png.isEmpty())
        result.error = u"The schematic could not be encoded as PNG."_s;
    return result;
}

QByteArray SchematicRenderer::renderSvg(const QJsonObject &blueprintOrData, const Options &options)
{
    const DiagramScene scene = DiagramScene::build(dataOf(blueprintOrData), options.theme, options.fitLabels);
    return SchematicWriters::svg(scene, CanvasGeometry::forOptions(scene.bounds, options), options);
}

} // namespace Cloudcraft::Core
