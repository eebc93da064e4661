#pragma once

#include "render/pngchunkreader.h"

#include <QImage>
#include <QString>

#include <atomic>

namespace Cloudcraft::Core {

/// The fast path of PngDecoder for the PNGs diagrams use (8-bit grey, grey-alpha, RGB, RGBA and palette images,
/// not interlaced): the joined IDAT stream is inflated by libdeflate in one call into a buffer sized exactly from
/// the header (a stream that inflates to more or less is an error, so a zlib bomb cannot grow it), then unfiltered.
/// RGBA rows are unfiltered in place and the buffer becomes the QImage's own, so a decode needs one image-sized
/// buffer instead of three. Stateless and thread-safe.
class PngDirectDecoder final
{
public:
    enum class Outcome { Decoded, Unsupported, Failed, Cancelled };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QImage image;    ///< RGBA8888 with transparency, else RGBX8888
        QString problem; ///< for Failed: the end of a sentence ("the image data is damaged")
    };

    /// Whether decode() handles this header (else libspng does).
    static bool supports(const PngStructure &png);
    /// Decodes `png` (read by PngChunkReader, size already checked against our limits). `png.zlibStream` is
    /// released as soon as it is inflated.
    static Result decode(PngStructure &png, const std::atomic_bool *cancel);
};

} // namespace Cloudcraft::Core
