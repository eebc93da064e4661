#include "diagramscene.h"

#include "blueprintreader.h"
#include "renderstyle.h"

#include <QHash>
#include <QJsonArray>
#include <QLineF>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

using namespace BlueprintReader;

constexpr double kUnit = DiagramScene::kUnit;
constexpr int kMaxReferenceDepth = 8; // relTo chains (and cycles) stop here
constexpr double kNodeInset = 0.1; // a node fills its grid tile minus this margin on each side

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

QRectF shapeBounds(const SceneShape &shape)
{
    switch (shape.kind) {
    case SceneShape::Kind::Rect:
    case SceneShape::Kind::Ellipse:
    case SceneShape::Kind::Text:
        return shape.rect.adjusted(-shape.strokeWidth, -shape.strokeWidth, shape.strokeWidth, shape.strokeWidth);
    case SceneShape::Kind::Polygon:
    case SceneShape::Kind::Line:
        return shape.points.boundingRect().adjusted(
            -shape.strokeWidth, -shape.strokeWidth, shape.strokeWidth, shape.strokeWidth);
    }
    return {};
}

class SceneBuilder
{
public:
    SceneBuilder(const QJsonObject &data, const QString &themeOverride)
        : m_data(data)
    {
        QString theme = themeOverride.toLower();
        if (theme.isEmpty()) {
            const QJsonValue stored = data.value(u"theme");
            theme = (stored.isObject() ? stored.toObject().value(u"base").toString() : stored.toString()).toLower();
        }
        m_scene.dark = theme == u"dark";
        m_scene.background = m_scene.dark ? QColor(0x16, 0x1b, 0x22) : QColor(Qt::white);
        m_scene.textColor = m_scene.dark ? QColor(0xe6, 0xed, 0xf3) : QColor(0x23, 0x2f, 0x3e);
        m_scene.gridMinor = m_scene.dark ? QColor(0x22, 0x2a, 0x35) : QColor(0xee, 0xf1, 0xf4);
        m_scene.gridMajor = m_scene.dark ? QColor(0x2f, 0x3a, 0x48) : QColor(0xd9, 0xdf, 0xe5);
        m_scene.title = data.value(u"name").toString();
    }

    DiagramScene build()
    {
        indexComponents();
        layoutNodes();
        addSurfaces();
        addGroups();
        addEdges();
        addNodes();
        addIcons();
        addImages();
        addConnectors();
        addTexts();
        computeBounds();
        return std::move(m_scene);
    }

private:
    void indexComponents()
    {
        for (QLatin1StringView key :
            { "nodes"_L1, "groups"_L1, "surfaces"_L1, "text"_L1, "icons"_L1, "images"_L1, "connectors"_L1 }) {
            for (const QJsonObject &component : objectsOf(m_data, key)) {
                const QString id = component.value(u"id").toString();
                if (!id.isEmpty() && !m_components.contains(id))
                    m_components.insert(id, component);
            }
        }
    }

    /// Grid position of a component: `[x, y]` or `{"relTo": id, "offset": [x, y]}` (resolved recursively).
    std::optional<QPointF> positionOf(const QJsonObject &component, int depth = 0) const
    {
        const QJsonValue mapPos = component.value(u"mapPos");
        if (mapPos.isArray())
            return readPair(mapPos);
        if (!mapPos.isObject() || depth >= kMaxReferenceDepth)
            return std::nullopt;
        const QJsonObject relative = mapPos.toObject();
        const QPointF offset = readPair(relative.value(u"offset")).value_or(QPointF());
        const QString reference = relative.value(u"relTo").toString();
        // A node moved by the layout (no mapPos of its own) is referenced where it was placed.
        const auto placed = m_nodeOrigins.constFind(reference);
        if (placed != m_nodeOrigins.cend())
            return *placed + offset;
        const auto target = m_components.constFind(reference);
        if (target == m_components.cend())
            return std::nullopt;
        const std::optional<QPointF> base = positionOf(*target, depth + 1);
        if (!base)
            return std::nullopt;
        return QPointF(clampCoordinate(base->x() + offset.x()), clampCoordinate(base->y() + offset.y()));
    }

    void layoutNodes()
    {
        m_nodes = objectsOf(m_data, "nodes"_L1);
        QList<qsizetype> unplaced;
        double lowest = 0.0;
        bool anyPlaced = false;
        for (qsizetype i = 0; i < m_nodes.size(); ++i) {
            const std::optional<QPointF> position = positionOf(m_nodes.at(i));
            if (!position) {
                unplaced.append(i);
                continue;
            }
            placeNode(i, *position);
            lowest = anyPlaced ? std::max(lowest, position->y()) : position->y();
            anyPlaced = true;
        }
        // Nodes without a usable position go on a row below the rest, in document order.
        const double rowY = anyPlaced ? lowest + 2.0 : 0.0;
        for (qsizetype n = 0; n < unplaced.size(); ++n)
            placeNode(unplaced.at(n), QPointF(1.5 * static_cast<double>(n), rowY));
    }

    void placeNode(qsizetype index, const QPointF &origin)
    {
        const QJsonObject &node = m_nodes.at(index);
        double width = 1.0;
        double depth = 1.0;
        if (node.value(u"type").toString() == u"block") {
            width = readNumber(node.value(u"width"), 2.0, 0.25, 50.0);
            depth = readNumber(node.value(u"depth"), 2.0, 0.25, 50.0);
        }
        const QRectF rect((origin.x() + kNodeInset) * kUnit, (origin.y() + kNodeInset) * kUnit,
            (width - 2 * kNodeInset) * kUnit, (depth - 2 * kNodeInset) * kUnit);
        m_nodeRects.insert(index, rect);
        const QString id = node.value(u"id").toString();
        if (!id.isEmpty() && !m_anchors.contains(id)) {
            m_anchors.insert(id, rect);
            m_nodeOrigins.insert(id, origin);
        }
    }

    void addSurfaces()
    {
        for (const QJsonObject &surface : objectsOf(m_data, "surfaces"_L1)) {
            const std::optional<QPointF> origin = positionOf(surface);
            if (!origin)
                continue;
            const QString type = surface.value(u"type").toString();
            QColor fill = RenderStyle::parseColor(surface.value(u"color"));
            SceneShape shape;
            SceneItem item;
            item.role = SceneItem::Role::Surface;
            item.id = surface.value(u"id").toString();
            item.type = type;
            if (surface.value(u"points").isArray()) {
                if (!fill.isValid())
                    fill = QColor(0x42, 0x86, 0xc5);
                fill.setAlphaF(fill.alphaF() * 0.35f);
                shape.kind = SceneShape::Kind::Polygon;
                for (const QJsonValue &point : surface.value(u"points").toArray()) {
                    if (const std::optional<QPointF> p = readPair(point))
                        shape.points.append((*origin + *p) * kUnit);
                }
                if (shape.points.size() < 3)
                    continue;
                const QColor border = RenderStyle::parseColor(surface.value(u"borderColor"));
                if (border.isValid() && border.alpha() > 0) {
                    shape.stroke = border;
                    shape.strokeWidth = 1.0;
                }
                item.rect = shape.points.boundingRect();
            } else {
                if (!fill.isValid())
                    fill = QColor(0xe8, 0xe8, 0xe8);
                fill.setAlphaF(fill.alphaF() * 0.7f);
                const QPointF size = readPair(surface.value(u"mapSize")).value_or(QPointF(2.0, 2.0));
                shape.kind = SceneShape::Kind::Rect;
                shape.rect = QRectF(*origin * kUnit, QSizeF(std::abs(size.x()), std::abs(size.y())) * kUnit);
                shape.radius = 3.0;
                item.rect = shape.rect;
            }
            shape.fill = fill;
            item.fill = fill;
            m_scene.shapes.append(shape);
            m_scene.items.append(item);
            if (!item.id.isEmpty() && !m_anchors.contains(item.id))
                m_anchors.insert(item.id, item.rect);
        }
    }

    std::optional<QRectF> groupRect(const QString &id, QSet<QString> &visiting)
    {
        if (const auto known = m_groupRects.constFind(id); known != m_groupRects.cend())
            return *known;
        const auto found = m_groupsById.constFind(id);
        if (found == m_groupsById.cend() || visiting.contains(id))
            return std::nullopt;
        visiting.insert(id);
        const QJsonObject &group = m_groups.at(*found);
        const QString type = group.value(u"type").toString();
        QRectF members;
        for (const QJsonValue &member : group.value(u"nodes").toArray()) {
            const QString memberId = member.toString();
            std::optional<QRectF> rect;
            if (const auto node = m_anchors.constFind(memberId); node != m_anchors.cend())
                rect = *node;
            else
                rect = groupRect(memberId, visiting);
            if (rect)
                members = members.isNull() ? *rect : members.united(*rect);
        }
        const double defaultPadding = type == u"asg" ? 0.25 : 1.5;
        const double padding = readNumber(group.value(u"padding"), defaultPadding, 0.0, 20.0) * kUnit * 0.35;
        QRectF rect = members.isNull() ? QRectF() : members.adjusted(-padding, -padding, padding, padding);
        const std::optional<QPointF> origin = positionOf(group);
        const std::optional<QPointF> size = readPair(group.value(u"mapSize"));
        if (origin && size) {
            const QRectF own(*origin * kUnit, QSizeF(std::abs(size->x()), std::abs(size->y())) * kUnit);
            rect = rect.isNull() ? own : rect.united(own);
        }
        visiting.remove(id);
        if (rect.isNull())
            return std::nullopt;
        m_groupRects.insert(id, rect);
        return rect;
    }

    void addGroups()
    {
        m_groups = objectsOf(m_data, "groups"_L1);
        for (qsizetype i = 0; i < m_groups.size(); ++i) {
            const QString id = m_groups.at(i).value(u"id").toString();
            if (!id.isEmpty() && !m_groupsById.contains(id))
                m_groupsById.insert(id, i);
        }
        struct Placed
        {
            qsizetype index;
            QRectF rect;
        };
        QList<Placed> placed;
        for (qsizetype i = 0; i < m_groups.size(); ++i) {
            const QString id = m_groups.at(i).value(u"id").toString();
            QSet<QString> visiting;
            std::optional<QRectF> rect;
            if (!id.isEmpty() && m_groupsById.value(id) == i) {
                rect = groupRect(id, visiting);
            } else {
                // Duplicate or missing id: lay out this one on its own under a private key.
                const QString key = u"\x01group-"_s + QString::number(i);
                m_groupsById.insert(key, i);
                rect = groupRect(key, visiting);
            }
            if (rect)
                placed.append({ i, *rect });
        }
        // Larger containers behind smaller ones, so nesting (region > vpc > subnet > sg > asg) stays visible.
        std::stable_sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) {
            return a.rect.width() * a.rect.height() > b.rect.width() * b.rect.height();
        });
        for (const Placed &entry : std::as_const(placed))
            addGroupShapes(m_groups.at(entry.index), entry.rect);
    }

    void addGroupShapes(const QJsonObject &group, const QRectF &rect)
    {
        const QString type = group.value(u"type").toString();
        QColor color = RenderStyle::parseColor(group.value(u"color"));
        if (!color.isValid() || color.alpha() == 0)
            color = RenderStyle::groupColor(type);
        SceneShape box;
        box.kind = SceneShape::Kind::Rect;
        box.rect = rect;
        box.stroke = color;
        box.strokeWidth = 1.5;
        box.radius = 4.0;
        box.dashed = type == u"sg" || type == u"azurensg";
        if (!box.dashed) {
            box.fill = color;
            box.fill.setAlphaF(0.06f);
        }
        m_scene.shapes.append(box);

        QString label = group.value(u"name").toString();
        if (label.isEmpty())
            label = type == u"region" ? group.value(u"region").toString() : RenderStyle::typeTag(type);
        if (label.isEmpty())
            label = RenderStyle::typeTag(type);
        // Nested groups often share a corner (a subnet and its security group): keep their labels apart.
        const QStringList labelLines = textLines(label).mid(0, 1);
        const QSizeF labelSize = estimatedTextSize(labelLines, 10.0);
        QRectF labelRect(rect.topLeft() + QPointF(5.0, 3.0), labelSize);
        for (int attempt = 0; attempt < 8; ++attempt) {
            const auto clash = std::find_if(m_groupLabels.cbegin(), m_groupLabels.cend(),
                [&labelRect](const QRectF &placed) { return placed.intersects(labelRect); });
            if (clash == m_groupLabels.cend())
                break;
            labelRect.moveLeft(clash->right() + 8.0);
        }
        m_groupLabels.append(labelRect);
        addText(labelLines, labelRect.topLeft(), 10.0, color, true, SceneShape::Align::Left);

        SceneItem item;
        item.role = SceneItem::Role::Group;
        item.id = group.value(u"id").toString();
        item.type = type;
        item.label = label;
        item.rect = rect;
        item.stroke = color;
        m_scene.items.append(item);
        if (!item.id.isEmpty() && !m_anchors.contains(item.id))
            m_anchors.insert(item.id, rect);
    }

    void addNodes()
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
                addText(textLines(label).mid(0, 2), QPointF(rect.center().x(), rect.bottom() + 2.0), 7.0,
                    m_scene.textColor, false, SceneShape::Align::Center);
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

    void addIcons()
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

    void addImages()
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

    void addConnectors()
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

    void addTexts()
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

    void addEdges()
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

    /// The stored colour, or `fallback` when it is missing, invisible, or (dark theme) too dark to read, as the
    /// black edges and labels most light-theme blueprints carry would be.
    QColor readableOnTheme(const QColor &stored, const QColor &fallback) const
    {
        if (!stored.isValid() || stored.alpha() == 0)
            return fallback;
        if (m_scene.dark && stored.lightnessF() < 0.3f)
            return fallback;
        return stored;
    }

    std::optional<QRectF> anchorRect(const QString &id)
    {
        if (id.isEmpty())
            return std::nullopt;
        if (const auto found = m_anchors.constFind(id); found != m_anchors.cend())
            return *found;
        // Connectors, icons and text are drawn after edges; resolve them by position here.
        const auto component = m_components.constFind(id);
        if (component == m_components.cend())
            return std::nullopt;
        const std::optional<QPointF> origin = positionOf(*component);
        if (!origin)
            return std::nullopt;
        const QString type = component->value(u"type").toString();
        if (type == u"connector")
            return QRectF(*origin * kUnit, QSizeF(0.0, 0.0));
        return QRectF(*origin * kUnit, QSizeF(kUnit, kUnit));
    }

    const SceneShape &addText(const QStringList &lines, const QPointF &anchor, double fontPx, const QColor &color,
        bool bold, SceneShape::Align align)
    {
        SceneShape text;
        text.kind = SceneShape::Kind::Text;
        text.lines = lines;
        text.fontPx = fontPx;
        text.fill = color;
        text.bold = bold;
        text.align = align;
        const QSizeF size = estimatedTextSize(lines, fontPx);
        const double left = align == SceneShape::Align::Center ? anchor.x() - size.width() / 2.0 : anchor.x();
        text.rect = QRectF(QPointF(left, anchor.y()), size);
        m_scene.shapes.append(text);
        return m_scene.shapes.last();
    }

    void addRoleItem(SceneItem::Role role, const QJsonObject &component, const QRectF &rect, const QString &label,
        const QColor &fill)
    {
        SceneItem item;
        item.role = role;
        item.id = component.value(u"id").toString();
        item.type = component.value(u"type").toString();
        item.label = label;
        item.rect = rect;
        item.fill = fill;
        m_scene.items.append(item);
    }

    void computeBounds()
    {
        QRectF bounds;
        for (const SceneShape &shape : std::as_const(m_scene.shapes)) {
            const QRectF rect = shapeBounds(shape);
            bounds = bounds.isNull() ? rect : bounds.united(rect);
        }
        if (bounds.isNull() || bounds.width() < 1.0 || bounds.height() < 1.0)
            bounds = bounds.isNull() ? QRectF(0, 0, 4 * kUnit, 3 * kUnit)
                                     : bounds.adjusted(-2 * kUnit, -1.5 * kUnit, 2 * kUnit, 1.5 * kUnit);
        m_scene.bounds = bounds;
    }

    const QJsonObject &m_data;
    DiagramScene m_scene;
    QHash<QString, QJsonObject> m_components;
    QList<QJsonObject> m_nodes;
    QHash<qsizetype, QRectF> m_nodeRects;
    QHash<QString, QPointF> m_nodeOrigins;
    QHash<QString, QRectF> m_anchors; // id -> drawn rectangle (nodes, surfaces, groups)
    QList<QJsonObject> m_groups;
    QHash<QString, qsizetype> m_groupsById;
    QHash<QString, QRectF> m_groupRects;
    QList<QRectF> m_groupLabels;
};

} // namespace

QSizeF estimatedTextSize(const QStringList &lines, double fontPx)
{
    qsizetype longest = 0;
    for (const QString &line : lines)
        longest = std::max(longest, line.size());
    return QSizeF(static_cast<double>(longest) * 0.56 * fontPx, static_cast<double>(lines.size()) * 1.25 * fontPx);
}

DiagramScene DiagramScene::build(const QJsonObject &data, const QString &themeOverride)
{
    return SceneBuilder(data, themeOverride).build();
}

} // namespace Cloudcraft::Emulator
