#pragma once

#include "diff/pixeldiff.h"

#include <QImage>

namespace Cloudcraft::Core {

/// How the overlay looks: the after-image faded towards white, each change region boxed in a strong colour.
struct OverlayOptions
{
    double fade = 0.35;           ///< opacity kept of the after-image (0 = white page, 1 = unfaded)
    DiffColor boxColor{220, 0, 120};
    int lineWidth = 3;
    int padding = 4;              ///< space between the changed pixels and the box line
    double tint = 0.12;           ///< opacity of the box colour inside the box
    DiffColor outsideColor{224, 224, 224}; ///< canvas the after-image does not cover (size change)
};

/// Draws the changes of a comparison over the faded after-image, so a reviewer sees at a glance where the
/// diagram changed. Pure pixel work (no fonts, no QPainter), so it runs in the CLI without a GUI application.
class OverlayImage final
{
public:
    /// `after` is the second image of `result` (any QImage format; RGBA8888/RGBX8888 are read in place); it is
    /// placed at result.rectB on a result.canvasSize canvas. Returns an RGB888 image, null when the canvas is
    /// empty or cannot be allocated.
    static QImage render(const QImage &after, const PixelDiffResult &result, const OverlayOptions &options = {});
};

} // namespace Cloudcraft::Core
