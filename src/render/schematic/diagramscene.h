#pragma once

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

/// One drawing primitive in scene pixels (1 grid unit = DiagramScene::kUnit px at scale 1).
/// Every output format draws the same list, so PNG, SVG and PDF show the same picture.
struct SceneShape
{
    enum class Kind { Rect, Polygon, Line, Ellipse, Text };
    enum class Align { Left, Center };

    Kind kind = Kind::Rect;
    QRectF rect; ///< Rect, Ellipse; for Text the estimated box (top-left is the anchor)
    QPolygonF points; ///< Polygon (closed), Line (open polyline)
    QColor fill; ///< invalid = no fill
    QColor stroke; ///< invalid = no stroke
    double strokeWidth = 0.0;
    double radius = 0.0; ///< corner radius of a Rect
    bool dashed = false;
    QStringList lines; ///< Text lines
    double fontPx = 0.0; ///< Text size in scene px
    bool bold = false;
    Align align = Align::Left;
};

/// A component's place on the canvas, used by the mxGraph writer (which keeps the structure).
struct SceneItem
{
    enum class Role { Node, Group, Surface, Connector, Icon, Image, Text };
    Role role = Role::Node;
    QString id;
    QString type;
    QString label;
    QRectF rect;
    QColor fill;
    QColor stroke;
};

struct SceneEdge
{
    QString id;
    QString from;
    QString to;
    QColor color;
    double width = 2.0;
    bool dashed = false;
    bool arrow = true;
};

/// The laid-out diagram: shapes in paint order plus the bounding box of everything.
struct DiagramScene
{
    static constexpr double kUnit = 40.0; ///< pixels per grid unit at scale 1

    QList<SceneShape> shapes;
    QList<SceneItem> items;
    QList<SceneEdge> edges;
    QRectF bounds;
    QString title;
    bool dark = false;
    QColor background;
    QColor gridMinor;
    QColor gridMajor;
    QColor textColor;

    /// Lays out a blueprint `data` object. Never fails: unknown or broken fields are skipped or defaulted.
    /// `fitLabels`: see SchematicOptions::fitLabels.
    static DiagramScene build(const QJsonObject &data, const QString &themeOverride, bool fitLabels = false);
};

/// Rough text extent shared by all formats (no font metrics, so layout never depends on installed fonts).
QSizeF estimatedTextSize(const QStringList &lines, double fontPx);

} // namespace Cloudcraft::Core
