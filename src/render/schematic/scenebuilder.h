#pragma once

#include "render/schematic/diagramscene.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>

#include <optional>

namespace Cloudcraft::Core {

/// Builds one DiagramScene from a blueprint `data` object (internal to DiagramScene::build). Layout and containers
/// are in scenebuilder.cpp, the drawn components (nodes, edges, icons, text) in scenebuilderitems.cpp.
class SceneBuilder final
{
public:
    SceneBuilder(const QJsonObject &data, const QString &themeOverride, bool fitLabels = false);
    DiagramScene build();

private:
    static constexpr double kUnit = DiagramScene::kUnit;
    static constexpr int kMaxReferenceDepth = 8; // relTo chains (and cycles) stop here
    static constexpr double kNodeInset = 0.1; // a node fills its grid tile minus this margin on each side
    void indexComponents();

    /// Grid position of a component: `[x, y]` or `{"relTo": id, "offset": [x, y]}` (resolved recursively).
    std::optional<QPointF> positionOf(const QJsonObject &component, int depth = 0) const;
    void layoutNodes();
    void placeNode(qsizetype index, const QPointF &origin);
    void addSurfaces();
    std::optional<QRectF> groupRect(const QString &id, QSet<QString> &visiting);
    void addGroups();
    void addGroupShapes(const QJsonObject &group, const QRectF &rect);
    void addNodes();
    void addIcons();
    void addImages();
    void addConnectors();
    void addTexts();
    void addEdges();

    /// The stored colour, or `fallback` when it is missing, invisible, or (dark theme) too dark to read, as the
    /// black edges and labels most light-theme blueprints carry would be.
    QColor readableOnTheme(const QColor &stored, const QColor &fallback) const;
    std::optional<QRectF> anchorRect(const QString &id);
    const SceneShape &addText(const QStringList &lines, const QPointF &anchor, double fontPx, const QColor &color,
        bool bold, SceneShape::Align align);
    void addRoleItem(SceneItem::Role role, const QJsonObject &component, const QRectF &rect, const QString &label,
        const QColor &fill);
    void computeBounds();
    const QJsonObject &m_data;
    bool m_fitLabels = false;
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

} // namespace Cloudcraft::Core
