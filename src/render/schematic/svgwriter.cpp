#include "render/schematic/schematicwriters.h"
#include "render/schematic/textformat.h"

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core::SchematicWriters {

namespace {

using TextFormat::hexColor;
using TextFormat::number;

QString paintAttributes(const SceneShape &shape)
{
    QString attributes;
    if (shape.fill.isValid() && shape.fill.alpha() > 0) {
        attributes += u" fill=\""_s + hexColor(shape.fill) + u'"';
        if (shape.fill.alpha() < 255)
            attributes += u" fill-opacity=\""_s + number(shape.fill.alphaF(), 3) + u'"';
    } else {
        attributes += u" fill=\"none\""_s;
    }
    if (shape.stroke.isValid() && shape.stroke.alpha() > 0 && shape.strokeWidth > 0.0) {
        attributes
            += u" stroke=\""_s + hexColor(shape.stroke) + u"\" stroke-width=\""_s + number(shape.strokeWidth) + u'"';
        if (shape.stroke.alpha() < 255)
            attributes += u" stroke-opacity=\""_s + number(shape.stroke.alphaF(), 3) + u'"';
        if (shape.dashed)
            attributes += u" stroke-dasharray=\"4 3\""_s;
    }
    return attributes;
}

QString pointList(const QPolygonF &points)
{
    QString list;
    for (const QPointF &point : points) {
        if (!list.isEmpty())
            list += u' ';
        list += number(point.x()) + u',' + number(point.y());
    }
    return list;
}

void writeText(QString &out, const SceneShape &shape)
{
    const bool centred = shape.align == SceneShape::Align::Center;
    const double x = centred ? shape.rect.center().x() : shape.rect.left();
    const double lineHeight = shape.fontPx * 1.25;
    out += u"<text font-family=\"Open Sans\" font-size=\""_s + number(shape.fontPx) + u"\" fill=\""_s
        + hexColor(shape.fill) + u'"';
    if (shape.fill.alpha() < 255)
        out += u" fill-opacity=\""_s + number(shape.fill.alphaF(), 3) + u'"';
    if (shape.bold)
        out += u" font-weight=\"bold\""_s;
    if (centred)
        out += u" text-anchor=\"middle\""_s;
    out += u" xml:space=\"preserve\">"_s;
    for (qsizetype i = 0; i < shape.lines.size(); ++i) {
        const double baseline = shape.rect.top() + lineHeight * static_cast<double>(i) + shape.fontPx * 0.95;
        out += u"<tspan x=\""_s + number(x) + u"\" y=\""_s + number(baseline) + u"\">"_s
            + TextFormat::xmlEscaped(shape.lines.at(i)) + u"</tspan>"_s;
    }
    out += u"</text>\n"_s;
}

} // namespace

QByteArray svg(const DiagramScene &scene, const CanvasGeometry &canvas, const SchematicOptions &options)
{
    const QString width = QString::number(canvas.size.width());
    const QString height = QString::number(canvas.size.height());
    QString out;
    out.reserve(4096 + scene.shapes.size() * 160);
    out += u"<?xml version=\"1.0\" standalone=\"no\"?>\n"
           "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
           "  \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
           "<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""_s;
    out += u" width=\""_s + width + u"\" height=\""_s + height + u"\" viewBox=\"0 0 "_s + width + u' ' + height
        + u"\" id=\"ccdiagram\">\n"_s;
    out += u"<title>"_s + TextFormat::xmlEscaped(scene.title) + u"</title>\n"_s;

    const double unit = DiagramScene::kUnit;
    if (options.grid) {
        const QString minor = number(unit);
        const QString major = number(unit * 5);
        out += u"<defs>\n<pattern id=\"gridPatternMinor\" x=\"0\" y=\"0\" width=\""_s + minor + u"\" height=\""_s
            + minor + u"\" patternUnits=\"userSpaceOnUse\"><path d=\"M "_s + minor + u" 0 L 0 0 0 "_s + minor
            + u"\" fill=\"none\" stroke=\""_s + hexColor(scene.gridMinor) + u"\" stroke-width=\"1\"/></pattern>\n"_s;
        out += u"<pattern id=\"gridPatternMajor\" x=\"0\" y=\"0\" width=\""_s + major + u"\" height=\""_s + major
            + u"\" patternUnits=\"userSpaceOnUse\"><path d=\"M "_s + major + u" 0 L 0 0 0 "_s + major
            + u"\" fill=\"none\" stroke=\""_s + hexColor(scene.gridMajor) + u"\" stroke-width=\"1\"/></pattern>\n"_s
            + u"</defs>\n"_s;
    }
    if (!options.transparent) {
        out += u"<rect x=\"0\" y=\"0\" width=\""_s + width + u"\" height=\""_s + height + u"\" fill=\""_s
            + hexColor(scene.background) + u"\"/>\n"_s;
    }
    out += u"<g transform=\"matrix("_s + number(canvas.scale, 6) + u" 0 0 "_s + number(canvas.scale, 6) + u' '
        + number(canvas.offset.x(), 3) + u' ' + number(canvas.offset.y(), 3) + u")\">\n"_s;
    if (options.grid) {
        const QRectF visible = canvas.visibleSceneRect();
        const QString area = u"x=\""_s + number(visible.left()) + u"\" y=\""_s + number(visible.top())
            + u"\" width=\""_s + number(visible.width()) + u"\" height=\""_s + number(visible.height()) + u'"';
        out += u"<rect "_s + area + u" fill=\"url(#gridPatternMinor)\"/>\n"_s;
        out += u"<rect "_s + area + u" fill=\"url(#gridPatternMajor)\"/>\n"_s;
    }

    for (const SceneShape &shape : scene.shapes) {
        switch (shape.kind) {
        case SceneShape::Kind::Rect:
            out += u"<rect x=\""_s + number(shape.rect.x()) + u"\" y=\""_s + number(shape.rect.y()) + u"\" width=\""_s
                + number(shape.rect.width()) + u"\" height=\""_s + number(shape.rect.height()) + u'"';
            if (shape.radius > 0.0)
                out += u" rx=\""_s + number(shape.radius) + u'"';
            out += paintAttributes(shape) + u"/>\n"_s;
            break;
        case SceneShape::Kind::Ellipse:
            out += u"<ellipse cx=\""_s + number(shape.rect.center().x()) + u"\" cy=\""_s
                + number(shape.rect.center().y()) + u"\" rx=\""_s + number(shape.rect.width() / 2) + u"\" ry=\""_s
                + number(shape.rect.height() / 2) + u'"' + paintAttributes(shape) + u"/>\n"_s;
            break;
        case SceneShape::Kind::Polygon:
            out += u"<polygon points=\""_s + pointList(shape.points) + u'"' + paintAttributes(shape) + u"/>\n"_s;
            break;
        case SceneShape::Kind::Line:
            out += u"<polyline points=\""_s + pointList(shape.points) + u'"' + paintAttributes(shape) + u"/>\n"_s;
            break;
        case SceneShape::Kind::Text:
            writeText(out, shape);
            break;
        }
    }
    out += u"</g>\n<rect fill=\"none\" id=\"interactionLayer\" x=\"0\" y=\"0\" width=\""_s + width + u"\" height=\""_s
        + height + u"\"/>\n</svg>\n"_s;
    return out.toUtf8();
}

} // namespace Cloudcraft::Core::SchematicWriters
