#include "compare/compareengine.h"

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

DiffColor diffColor(const QColor &color)
{
    return DiffColor{quint8(color.red()), quint8(color.green()), quint8(color.blue())};
}

} // namespace

PixelDiffOptions CompareEngine::pixelOptions(const CompareSettings &settings)
{
    // Only what `cloudcraft-cli diff` reads from --threshold, --include-aa and --ignore; everything else keeps the
    // defaults the CLI keeps (top-left alignment, merge distance, alpha), so both count the same pixels.
    PixelDiffOptions options;
    options.threshold = settings.threshold;
    options.includeAA = settings.includeAntiAliasing;
    options.ignoreRegions = settings.ignoreRegions;
    options.alignment = DiffAlignment::TopLeft;
    options.produceDiffImage = true;
    // compare() passes the after-image first, so "the second image is darker" means darker in before: removed.
    options.diffColor = diffColor(compareAddedColor());
    options.diffColorAlt = diffColor(compareRemovedColor());
    options.aaColor = diffColor(compareAntiAliasColor());
    return options;
}

CompareResult CompareEngine::compare(const CompareSide &before, const CompareSide &after,
                                     const CompareSettings &settings, const std::atomic_bool *cancel,
                                     bool withStructure)
{
    CompareResult result;
    if (before.image.isNull() || after.image.isNull()) {
        const QString &missing = before.image.isNull() ? before.label : after.label;
        result.error = QStringLiteral("Cannot compare %1 with %2: %3 has no picture.")
                           .arg(before.label, after.label, missing.isEmpty() ? QStringLiteral("one side") : missing);
        return result;
    }

    PixelDiffOptions options = pixelOptions(settings);
    options.cancel = cancel;
    // The after-image goes first: PixelDiff fades its first image under the changes, and the compare view shows
    // changes over the after-image. The counts do not depend on the order (pixelmatch's test is symmetric), and
    // with top-left alignment the canvas coordinates of the ignore regions are the same either way.
    const PixelDiffResult pixels = PixelDiff(options).compare(after.image, before.image);
    if (!pixels.ok()) {
        QString why = pixels.errorString;
        if (!why.endsWith(u'.'))
            why += u'.';
        result.error = QStringLiteral("Cannot compare %1 with %2: %3").arg(before.label, after.label, why);
        return result;
    }

    result.differentPixels = pixels.mismatchCount;
    result.comparedPixels = pixels.comparedPixels;
    result.canvas = pixels.canvasSize;
    const qint64 canvasPixels = qint64(result.canvas.width()) * result.canvas.height();
    result.differentRatio = canvasPixels > 0 ? double(result.differentPixels) / double(canvasPixels) : 0.0;
    result.identical = pixels.identical;
    result.sizeChanged = before.image.size() != after.image.size();
    result.difference = pixels.diffImage;
    result.regions.reserve(pixels.regions.size());
    for (const ChangeRegion &region : pixels.regions)
        result.regions.append(CompareRegion{region.box, region.pixelCount});
    // Largest first; equal ones keep reading order.
    std::stable_sort(result.regions.begin(), result.regions.end(),
                     [](const CompareRegion &a, const CompareRegion &b) { return a.pixels > b.pixels; });

    if (withStructure && before.document && after.document)
        result.structure = InventoryDiff().compare(*before.document, *after.document);
    return result;
}

} // namespace Cloudcraft::Core
