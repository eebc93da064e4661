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

} // namespace

SceneBuilder::SceneBuilder(const QJsonObject &data, const QString &themeOverride, bool fitLabels)
    : m_data(data)
    , m_fitLabels(fitLabels)
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

DiagramScene SceneBuilder::build()
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

void SceneBuilder::indexComponents()
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

std::optional<QPointF> SceneBuilder::positionOf(const QJsonObject &component, int depth) const
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

void SceneBuilder::layoutNodes()
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

void SceneBuilder::placeNode(qsizetype index, const QPointF &origin)
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

void SceneBuilder::addSurfaces()
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

std::optional<QRectF> SceneBuilder::groupRect(const QString &id, QSet<QString> &visiting)
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

void SceneBuilder::addGroups()
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

void SceneBuilder::addGroupShapes(const QJsonObject &group, const QRectF &rect)
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

QColor SceneBuilder::readableOnTheme(const QColor &stored, const QColor &fallback) const
{
    if (!stored.isValid() || stored.alpha() == 0)
        return fallback;
    if (m_scene.dark && stored.lightnessF() < 0.3f)
        return fallback;
    return stored;
}

std::optional<QRectF> SceneBuilder::anchorRect(const QString &id)
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

const SceneShape &SceneBuilder::addText(const QStringList &lines, const QPointF &anchor, double fontPx, const QColor &color,
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

void SceneBuilder::addRoleItem(SceneItem::Role role, const QJsonObject &component, const QRectF &rect, const QString &label,
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

void SceneBuilder::computeBounds()
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

} // namespace Cloudcraft::Core
