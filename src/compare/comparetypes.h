#pragma once

#include "diff/inventorydiff.h"

#include <QByteArray>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

namespace Cloudcraft::Core {

/// What the compare view asks of the pixel diff. The same meaning as `cloudcraft-cli diff`'s --threshold,
/// --include-aa and --ignore (top-left alignment, the CLI's default).
struct CompareSettings
{
    double threshold = 0.1;
    bool includeAntiAliasing = false;
    QList<QRect> ignoreRegions; ///< in 'after' image pixels (= canvas pixels: both images sit at the top left)

    friend bool operator==(const CompareSettings &, const CompareSettings &) = default;
};

/// One side of a comparison: the decoded picture and what is known about it.
struct CompareSide
{
    QString label;                       ///< as the user wrote it: a path or "blueprint:<id>", "snapshot:<id>" ...
    QImage image;                        ///< ARGB32 premultiplied or RGBA8888
    QByteArray imageBytes;               ///< the encoded image as read (PNG or SVG); may be empty
    std::optional<QJsonObject> document; ///< blueprint/inventory JSON if known
    QDateTime takenAt;                   ///< when the picture was fetched, taken or last modified; may be null
    QHash<QString, QRect> bounds;        ///< component id → rectangle in image pixels (from the PNG's bounds chunk)
};

/// One cluster of changed pixels in canvas coordinates.
struct CompareRegion
{
    QRect rect;
    qint64 pixels = 0;

    friend bool operator==(const CompareRegion &, const CompareRegion &) = default;
};

/// What one comparison found. Errors are data: check ok() first.
struct CompareResult
{
    quint64 generation = 0;     ///< which CompareSession request this answers
    QString error;              ///< one sentence naming both sides and the problem
    qint64 differentPixels = 0; ///< as `cloudcraft-cli diff` counts them (pixels only one side has included)
    qint64 comparedPixels = 0;
    double differentRatio = 0;  ///< differentPixels / canvas pixels, like the CLI's mismatchRatio
    bool identical = false;
    bool sizeChanged = false;
    QSize canvas;                 ///< the larger width × the larger height
    QList<CompareRegion> regions; ///< largest first
    /// Canvas-sized, RGBA8888: changed pixels coloured over the faded after-image, added (darker in after) in
    /// addedColor() and removed (lighter in after) in removedColor(); anti-aliasing in antiAliasColor().
    QImage difference;
    std::optional<InventoryDiffResult> structure; ///< when both sides carry a document

    bool ok() const { return error.isEmpty(); }
};

/// The legend of CompareResult::difference (and of the composite export).
QColor compareAddedColor();
QColor compareRemovedColor();
QColor compareAntiAliasColor();

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::CompareSide)
Q_DECLARE_METATYPE(Cloudcraft::Core::CompareResult)
