#include "render/schematic/scenebuilder.h"

#include "render/schematic/blueprintreader.h"
#include "render/schematic/renderstyle.h"

#include <QJsonArray>
#include <QLineF>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core {

using namespace BlueprintReader;

namespace {

/// Where the segment from the centre of `rect` towards `target` leaves the rectangle.
QPointF exitPoint(const QRectF &rect, const QPointF &target)
{
    const QPointF centre = rect.center();
    const QPointF delta = target - centre;
    double t = 1.0;
    if (std::abs(delta.x()) > 1e-9)
        t = std::min(t, (rect.width() / 2.0) / std::abs(delta.x()));
    if (std::abs(delta.y()) > 1e-9)
        t = std::min(t, (rect.height() / 2.0) / std::abs(delta.y()));
    return centre + delta * t;
}

} // namespace

void SceneBuilder::addNodes()
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const QJsonObject &node = m_nodes.at(i);
        const QRectF rect = m_nodeRects.value(i);
        const QString type = node.value(u"type").toString();
        // Only the 2d colour suits a top-down box; the isometric one is the light body of a 3D block.
        const QJsonValue ownColor = node.value(u"color");
        QColor fill = RenderStyle::parseColor(ownColor.isObject() ? ownColor.toObject().value(u"2d") : ownColor);
        if (!fill.isValid() || fill.alpha() == 0)
            fill = RenderStyle::familyColor(RenderStyle::familyOf(type));
        fill.setAlpha(255);

        SceneShape box;
        box.kind = SceneShape::Kind::Rect;
        box.rect = rect;
        box.fill = fill;
        box.stroke = fill.darker(135);
        box.strokeWidth = 1.0;
        box.radius = 4.0;
        m_scene.shapes.append(box);

        const QString tag = RenderStyle::typeTag(type);
        const double tagPx = tag.size() > 4 ? 6.5 : 8.5;
        addText({ tag }, QPointF(rect.center().x(), rect.center().y() - tagPx * 0.625), tagPx,
            RenderStyle::contrastingText(fill), true, SceneShape::Align::Center);

        const QString id = node.value(u"id").toString();
        QString label = node.value(u"name").toString().trimmed();
        if (label.isEmpty())
            label = node.value(u"label").toString().trimmed();
        if (label.isEmpty())
            label = id.left(8);
        if (!label.isEmpty()) {
            constexpr double kLabelPx = 7.0;
            QStringList lines = textLines(label).mid(0, 2);
            if (m_fitLabels) {
                // About three node widths (a converted blueprint's grid cell); the item keeps the whole name.
                const auto maxChars = std::max<qsizetype>(8, qsizetype(2.8 * rect.width() / (0.56 * kLabelPx)));
                for (QString &line : lines) {
                    if (line.size() > maxChars)
                        line = line.left(maxChars - 1).trimmed() + u'…';
                }
            }
            addText(lines, QPointF(rect.center().x(), rect.bottom() + 2.0), kLabelPx, m_scene.textColor, false,
                SceneShape::Align::Center);
        }

        SceneItem item;
        item.role = SceneItem::Role::Node;
        item.id = id;
        item.type = type;
        item.label = node.value(u"name").toString().trimmed().isEmpty()
            ? QString(type + u' ' + id.left(8)).trimmed()
            : label;
        item.rect = rect;
        item.fill = fill;
        item.stroke = box.stroke;
        m_scene.items.append(item);
    }
}

void SceneBuilder::addIcons()
{
    for (const QJsonObject &icon : objectsOf(m_data, "icons"_L1)) {
        const std::optional<QPointF> origin = positionOf(icon);
        if (!origin)
            continue;
        const double size
            = readNumber(icon.value(u"iconSize"), readNumber(icon.value(u"size"), 3.0, 0.3, 60.0), 0.3, 60.0) / 3.0
            * kUnit;
        const QRectF rect(*origin * kUnit, QSizeF(size, size));
        const QColor background = RenderStyle::parseColor(icon.value(u"background"));
        QColor color = RenderStyle::parseColor(icon.value(u"color"));
        if (!color.isValid())
            color = m_scene.textColor;
        SceneShape shape;
        shape.kind = SceneShape::Kind::Rect;
        shape.rect = rect;
        shape.radius = size / 6.0;
        if (background.isValid() && background.alpha() > 0) {
            shape.fill = background;
        } else {
            shape.stroke = color.alpha() > 0 ? color : m_scene.textColor;
            shape.strokeWidth = 1.0;
        }
        m_scene.shapes.append(shape);
        const QString name = icon.value(u"name").toString();
        addRoleItem(SceneItem::Role::Icon, icon, rect, name.isEmpty() ? u"icon"_s : name, shape.fill);
    }
}

void SceneBuilder::addImages()
{
    for (const QJsonObject &image : objectsOf(m_data, "images"_L1)) {
        const std::optional<QPointF> origin = positionOf(image);
        if (!origin)
            continue;
        const double side = std::max(1.0, 4.0 * readNumber(image.value(u"scale"), 1.0, 0.01, 10.0)) * kUnit;
        const QRectF rect(*origin * kUnit, QSizeF(side, side * 0.75));
        SceneShape shape;
        shape.kind = SceneShape::Kind::Rect;
        shape.rect = rect;
        shape.fill = m_scene.dark ? QColor(0x2a, 0x31, 0x3b) : QColor(0xf1, 0xf3, 0xf5);
        shape.stroke = QColor(0x9a, 0xa5, 0xb1);
        shape.strokeWidth = 1.0;
        shape.dashed = true;
        m_scene.shapes.append(shape);
        addText({ u"image"_s }, QPointF(rect.center().x(), rect.center().y() - 6.0), 9.0, QColor(0x7d, 0x89, 0x98),
            false, SceneShape::Align::Center);
        addRoleItem(SceneItem::Role::Image, image, rect, u"image"_s, shape.fill);
    }
}

void SceneBuilder::addConnectors()
{
    for (const QJsonObject &connector : objectsOf(m_data, "connectors"_L1)) {
        const std::optional<QPointF> origin = positionOf(connector);
        if (!origin)
            continue;
        const double radius = 0.1 * kUnit;
        const QRectF rect(*origin * kUnit - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
        SceneShape dot;
        dot.kind = SceneShape::Kind::Ellipse;
        dot.rect = rect;
        dot.fill = m_scene.dark ? QColor(0xc0, 0xc6, 0xcc) : QColor(0x54, 0x5b, 0x64);
        m_scene.shapes.append(dot);
        addRoleItem(SceneItem::Role::Connector, connector, rect, QString(), dot.fill);
    }
}

void SceneBuilder::addTexts()
{
    for (const QJsonObject &text : objectsOf(m_data, "text"_L1)) {
        const std::optional<QPointF> origin = positionOf(text);
        const QString content = text.value(u"text").toString();
        if (!origin || content.trimmed().isEmpty())
            continue;
        // Cloudcraft sizes text against a 64 px tile; keep the same proportion to our tile.
        const double fontPx = readNumber(text.value(u"textSize"), 25.0, 1.0, 112.0) * kUnit / 64.0;
        QColor color = readableOnTheme(RenderStyle::parseColor(text.value(u"color")), m_scene.textColor);
        const SceneShape &shape
            = addText(textLines(content), *origin * kUnit, fontPx, color, false, SceneShape::Align::Left);
        addRoleItem(SceneItem::Role::Text, text, shape.rect, content, QColor());
        m_scene.items.last().stroke = color;
    }
}

void SceneBuilder::addEdges()
{
    QList<QJsonObject> edges = objectsOf(m_data, "edges"_L1);
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QJsonObject &edge = edges.at(i);
        const QString from = edge.value(u"from").toString();
        const QString to = edge.value(u"to").toString();
        std::optional<QRectF> fromRect = anchorRect(from);
        std::optional<QRectF> toRect = anchorRect(to);
        if (!fromRect || !toRect || from == to)
            continue;
        const QColor color = readableOnTheme(RenderStyle::parseColor(edge.value(u"color")),
            m_scene.dark ? QColor(0xc0, 0xc6, 0xcc) : QColor(0x54, 0x5b, 0x64));
        const double width = readNumber(edge.value(u"width"), 2.0, 0.5, 20.0);
        const QJsonValue endCap = edge.value(u"endCap");
        const bool arrow = endCap.isUndefined() || endCap.isNull() ? edge.value(u"type").toString() != u"autoedge"
                                                                   : endCap.toString() == u"arrow";
        QPointF start = exitPoint(*fromRect, toRect->center());
        QPointF end = exitPoint(*toRect, fromRect->center());
        QLineF line(start, end);
        if (line.length() < 1.0)
            continue;

        SceneEdge sceneEdge;
        sceneEdge.id = edge.value(u"id").toString();
        sceneEdge.from = from;
        sceneEdge.to = to;
        sceneEdge.color = color;
        sceneEdge.width = width;
        sceneEdge.dashed = edge.value(u"dashed").toBool();
        sceneEdge.arrow = arrow;
        m_scene.edges.append(sceneEdge);

        const double head = std::min(6.0 + 1.5 * width, line.length() * 0.5);
        const QPointF direction = (end - start) / line.length();
        const QPointF normal(-direction.y(), direction.x());
        SceneShape stroke;
        stroke.kind = SceneShape::Kind::Line;
        stroke.stroke = color;
        stroke.strokeWidth = width;
        stroke.dashed = sceneEdge.dashed;
        stroke.points = QPolygonF({ start, arrow ? end - direction * head * 0.8 : end });
        m_scene.shapes.append(stroke);
        if (arrow) {
            SceneShape tip;
            tip.kind = SceneShape::Kind::Polygon;
            tip.fill = color;
            const QPointF base = end - direction * head;
            tip.points = QPolygonF({ end, base + normal * head * 0.5, base - normal * head * 0.5 });
            m_scene.shapes.append(tip);
        }
    }
}

} // namespace Cloudcraft::Core
