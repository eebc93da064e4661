#include "formatwriters.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator::FormatWriters {

namespace {

using TextFormat::number;
using TextFormat::xmlEscaped;

QString geometry(const QRectF &rect)
{
    return u"<mxGeometry x=\""_s + number(rect.x()) + u"\" y=\""_s + number(rect.y()) + u"\" width=\""_s
        + number(rect.width()) + u"\" height=\""_s + number(rect.height()) + u"\" as=\"geometry\"/>"_s;
}

QString styleFor(const SceneItem &item)
{
    const QString fill = item.fill.isValid() && item.fill.alpha() > 0 ? TextFormat::hexColor(item.fill) : u"none"_s;
    const QString stroke = item.stroke.isValid() ? TextFormat::hexColor(item.stroke) : u"none"_s;
    switch (item.role) {
    case SceneItem::Role::Node:
        return u"rounded=1;whiteSpace=wrap;html=0;fillColor="_s + fill + u";strokeColor="_s + stroke
            + u";verticalLabelPosition=bottom;verticalAlign=top;fontColor=#232f3e;"_s;
    case SceneItem::Role::Group:
        return u"rounded=1;container=1;collapsible=0;fillColor=none;verticalAlign=top;align=left;spacingLeft=4;"
               "strokeColor="_s
            + stroke + u";fontColor="_s + stroke + u";"_s;
    case SceneItem::Role::Surface:
        return u"rounded=0;strokeColor=none;fillColor="_s + fill + u";opacity=50;"_s;
    case SceneItem::Role::Connector:
        return u"ellipse;fillColor="_s + fill + u";strokeColor=none;"_s;
    case SceneItem::Role::Icon:
    case SceneItem::Role::Image:
        return u"rounded=1;fillColor="_s + fill + u";strokeColor=#9aa5b1;"_s;
    case SceneItem::Role::Text:
        return u"text;html=0;align=left;verticalAlign=top;fontColor="_s + stroke + u";"_s;
    }
    return {};
}

} // namespace

QByteArray mxGraph(const DiagramScene &scene)
{
    QString out;
    out.reserve(2048 + scene.items.size() * 300);
    const QString name = scene.title.isEmpty() ? u"Blueprint"_s : scene.title;
    out += u"<mxfile host=\"cloudcraft-emulator\" type=\"device\">\n<diagram id=\"cloudcraft\" name=\""_s
        + xmlEscaped(name)
        + u"\">\n<mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" arrows=\"1\" page=\"0\">\n"
          "<root>\n<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n"_s;

    // Blueprint ids may be missing, duplicated or hostile; cells get our own ids and edges map through them.
    QHash<QString, QString> cellForComponent;
    int counter = 0;
    // Surfaces and groups first, so draw.io stacks them behind the nodes as our own renderers do.
    const SceneItem::Role order[] = { SceneItem::Role::Surface, SceneItem::Role::Group, SceneItem::Role::Node,
        SceneItem::Role::Icon, SceneItem::Role::Image, SceneItem::Role::Connector, SceneItem::Role::Text };
    for (SceneItem::Role role : order) {
        for (const SceneItem &item : scene.items) {
            if (item.role != role)
                continue;
            const QString cellId = u"cell-"_s + QString::number(++counter);
            if (!item.id.isEmpty() && !cellForComponent.contains(item.id))
                cellForComponent.insert(item.id, cellId);
            out += u"<mxCell id=\""_s + cellId + u"\" value=\""_s + xmlEscaped(item.label) + u"\" style=\""_s
                + xmlEscaped(styleFor(item)) + u"\" vertex=\"1\" parent=\"1\">"_s + geometry(item.rect)
                + u"</mxCell>\n"_s;
        }
    }
    for (const SceneEdge &edge : scene.edges) {
        const QString source = cellForComponent.value(edge.from);
        const QString target = cellForComponent.value(edge.to);
        if (source.isEmpty() || target.isEmpty())
            continue;
        QString style = u"edgeStyle=none;html=0;strokeColor="_s + TextFormat::hexColor(edge.color) + u";strokeWidth="_s
            + number(edge.width) + u";endArrow="_s + (edge.arrow ? u"classic"_s : u"none"_s) + u';';
        if (edge.dashed)
            style += u"dashed=1;"_s;
        out += u"<mxCell id=\"cell-"_s + QString::number(++counter) + u"\" style=\""_s + xmlEscaped(style)
            + u"\" edge=\"1\" parent=\"1\" source=\""_s + source + u"\" target=\""_s + target
            + u"\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>\n"_s;
    }
    out += u"</root>\n</mxGraphModel>\n</diagram>\n</mxfile>\n"_s;
    return out.toUtf8();
}

} // namespace Cloudcraft::Emulator::FormatWriters
