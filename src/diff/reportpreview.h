#pragma once

#include <QImage>

namespace Cloudcraft::Core::ReportPreview {

/// How blocks of pixels become one preview pixel.
enum class Reduction {
    Average,   ///< the block's mean colour (alpha-weighted): photos and diagrams
    MostVivid, ///< the block's most saturated pixel: a diff image, where one red pixel among grey must stay red
};

/// `image` shrunk by the smallest whole factor that brings both sides to at most `maxSide`, as Format_RGBA8888;
/// the image itself when it already fits. A whole factor keeps every source pixel in exactly one block, and is
/// several times faster on an 8K image than Qt's smooth scaling.
QImage shrink(const QImage &image, int maxSide, Reduction reduction);

} // namespace Cloudcraft::Core::ReportPreview
