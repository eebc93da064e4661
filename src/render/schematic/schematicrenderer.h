#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QRect>
#include <QSize>
#include <QString>

namespace Cloudcraft::Core {

/// How a schematic is drawn. The same options give byte-identical output.
struct SchematicOptions
{
    double scale = 1.0; ///< (0, 8]; multiplies the natural size; unused when width and height are both given
    int width = 0; ///< 0 = natural size; otherwise the literal output width (at most 8192)
    int height = 0; ///< 0 = natural size; otherwise the literal output height (at most 8192)
    bool grid = true;
    bool transparent = false;
    QString theme; ///< "light", "dark" or empty (= the blueprint's own theme)
    /// When valid, the output is shrunk (never enlarged) to fit inside this size, keeping the proportions.
    QSize maxSize;
    /// Cut resource labels longer than about three node widths with "…" so they do not run into their neighbours'
    /// (a converted blueprint packs resources one grid cell apart). Off for the emulator's exports, which draw whole
    /// labels as Cloudcraft's do.
    bool fitLabels = false;
};

/// A PNG (or image) render with the place of every component that has an id.
struct SchematicResult
{
    QByteArray png; ///< empty for renderImage()
    QImage image; ///< only filled by renderImage()
    QHash<QString, QRect> bounds; ///< component id -> rectangle in output pixels (clipped to the image)
    QString error; ///< one sentence; empty on success
    bool ok() const { return error.isEmpty(); }
};

/// Draws any blueprint document as a clean top-down schematic (areas, resource boxes with a type colour and tag,
/// labels, edges) with no network: the emulator's exports, the import preview and the placeholder preview.
/// PNGs carry a tEXt chunk "cloudcraft:bounds" with the component rectangles as compact JSON
/// ({"id":[x,y,w,h],...}) so a compare view can zoom to a resource.
/// Text needs a QGuiApplication (any platform, e.g. offscreen); without one, shapes are drawn without text.
/// Stateless and thread-safe.
class SchematicRenderer final
{
public:
    using Options = SchematicOptions;

    /// The PNG keyword of the bounds chunk (contract with src/compare's readResourceBounds).
    static constexpr const char *kBoundsKeyword = "cloudcraft:bounds";

    /// Accepts a whole blueprint ({"name", "data": {...}}) or its `data` object.
    static SchematicResult renderPng(const QJsonObject &blueprintOrData, const Options &options = {});
    static QByteArray renderSvg(const QJsonObject &blueprintOrData, const Options &options = {});
    static SchematicResult renderImage(const QJsonObject &blueprintOrData, const Options &options = {});

    /// The `data` object of a blueprint document (or the object itself when it already is one), with the
    /// blueprint's name copied in when the data has none.
    static QJsonObject dataOf(const QJsonObject &blueprintOrData);
};

} // namespace Cloudcraft::Core
