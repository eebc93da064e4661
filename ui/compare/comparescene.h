#pragma once

#include "comparemode.h"

#include <QColor>
#include <QList>
#include <QRect>

namespace Cloudcraft::Ui {

class ImagePyramid;

/// What every canvas of one compare view paints, owned by the CompareView and read by its canvases: the three
/// pictures, the overlays and the per-mode state. Changing the mode only changes fields here, so a switch costs
/// one repaint and no recomputation.
struct CompareScene
{
    const ImagePyramid *before = nullptr;
    const ImagePyramid *after = nullptr;
    const ImagePyramid *difference = nullptr;
    CompareMode mode = CompareMode::SideBySide;

    QList<QRect> regions;       ///< change regions, canvas pixels, drawn subtly
    QRect highlight;            ///< drawn strongly; null = none
    QList<QRect> ignoreRegions; ///< drawn hatched
    bool ignoreDrawing = false; ///< a left drag draws an ignore region instead of panning

    double swipe = 0.5;        ///< the swipe divider, as a fraction of the canvas widget's width
    double onionOpacity = 0.5; ///< opacity of the after-image over the before-image
    bool showingBefore = false; ///< blink, or a flip in another mode: which side is shown alone
    bool flipped = false;       ///< B/Space in a mode other than blink: one side shown alone until the mode changes
    bool presentation = false;  ///< dark background, no chrome

    QColor addedColor;   ///< legend of the difference image
    QColor removedColor;

    /// True when the single canvas shows one side alone (blink, or a flip).
    bool showsOneSide() const { return mode == CompareMode::Blink || flipped; }
};

} // namespace Cloudcraft::Ui
