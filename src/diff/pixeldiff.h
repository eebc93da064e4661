#pragma once

#include "diff/changeregions.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <atomic>
#include <optional>

namespace Cloudcraft::Core {

/// An 8-bit RGB colour for the diff image.
struct DiffColor
{
    quint8 red = 0;
    quint8 green = 0;
    quint8 blue = 0;

    friend bool operator==(const DiffColor &, const DiffColor &) = default;
};

/// Where two images of different sizes are laid over each other before comparing.
enum class DiffAlignment { TopLeft, Center };

/// Options of PixelDiff. The first group has pixelmatch 7.2.0's names and defaults.
struct PixelDiffOptions
{
    double threshold = 0.1;           ///< 0..1; smaller is more sensitive (max YIQ delta = 35215 × t²)
    bool includeAA = false;           ///< count anti-aliased pixels as changes instead of drawing them in aaColor
    double alpha = 0.1;               ///< opacity (0..1) of the faded original under unchanged pixels
    DiffColor aaColor{255, 255, 0};
    DiffColor diffColor{255, 0, 0};
    std::optional<DiffColor> diffColorAlt; ///< for changes where the second image is darker
    bool diffMask = false;            ///< transparent background, only changes drawn
    bool checkerboard = true;         ///< blend semi-transparent pixels on pixelmatch's checkerboard, else on white

    DiffAlignment alignment = DiffAlignment::TopLeft;
    /// Areas (in diff-image coordinates; inverted rectangles are normalized) where nothing is counted; drawn like
    /// unchanged pixels.
    QList<QRect> ignoreRegions;
    bool produceDiffImage = true;
    int mergeDistance = ChangeRegions::DefaultMergeDistance; ///< see ChangeRegions
    /// 0 = automatic (up to two threads for large images); n > 0 forces n row bands on n threads.
    int threads = 0;
    /// Polled once per row; when it turns true the comparison stops with PixelDiffError::Cancelled.
    const std::atomic_bool *cancel = nullptr;
};

/// A read-only view of RGBA8888 pixels (non-premultiplied, R G B A byte order), e.g. a libspng buffer.
struct RgbaView
{
    const uchar *bits = nullptr;
    int width = 0;
    int height = 0;
    qsizetype bytesPerLine = 0;

    bool isEmpty() const { return bits == nullptr || width <= 0 || height <= 0; }
};

enum class PixelDiffError {
    None,
    InvalidInput,   ///< a view with a null buffer and a size, or a line shorter than its width
    InvalidOptions, ///< threshold or alpha not a number
    TooLarge,       ///< above maxCanvasPixels / maxCanvasSide
    OutOfMemory,    ///< the diff image or a converted input could not be allocated
    Cancelled,
};

/// What a comparison found. Errors are data: check ok() first.
struct PixelDiffResult
{
    PixelDiffError error = PixelDiffError::None;
    QString errorString;

    qint64 mismatchCount = 0;       ///< changed pixels, including outsideOverlapCount
    qint64 outsideOverlapCount = 0; ///< pixels that only one image has (size change)
    qint64 antiAliasedCount = 0;    ///< differing pixels judged anti-aliasing (not counted unless includeAA)
    qint64 comparedPixels = 0;      ///< pixels of the overlap that were compared (ignore regions excluded)
    bool identical = false;         ///< same size and byte-identical pixels (fast path)

    QSize sizeA;
    QSize sizeB;
    QSize canvasSize;               ///< size of the diff image: the larger width × the larger height
    QRect rectA;                    ///< where each image sits on the canvas
    QRect rectB;
    QRect overlap;                  ///< the compared area, in canvas coordinates

    QImage diffImage;               ///< Format_RGBA8888, canvasSize; null if not requested
    QList<ChangeRegion> regions;    ///< clusters of counted changes, in reading order

    bool ok() const { return error == PixelDiffError::None; }
    bool sizeChanged() const { return sizeA != sizeB; }
};

/// Pixel comparison with the semantics of pixelmatch 7.2.0 (same counts and byte-identical diff images), plus
/// what a before/after review needs: different sizes, ignore regions, change regions, two threads.
class PixelDiff final
{
public:
    static constexpr qint64 maxCanvasPixels = qint64(1) << 28; // 16K × 16K
    static constexpr int maxCanvasSide = 1 << 15;

    explicit PixelDiff(PixelDiffOptions options = {});

    const PixelDiffOptions &options() const { return m_options; }

    /// Compares two images; RGBA8888 and RGBX8888 are read in place, other formats converted to RGBA8888 first.
    /// A null image counts as 0 × 0.
    PixelDiffResult compare(const QImage &a, const QImage &b) const;
    PixelDiffResult compare(const RgbaView &a, const RgbaView &b) const;

    /// Like compare(a, b), but the diff image is drawn into `a`'s own pixels, which saves one image-sized buffer
    /// (126 MiB at 8K): `a` is consumed and comes back as result.diffImage. Each band writes a row only once no
    /// row still to be compared reads it (three rows behind, the rows next to another band at the end). Used when
    /// both images have one size, `a` is RGBA8888 or RGBX8888 and a diff image is wanted; otherwise it is
    /// compare(a, b). Same counts, regions and diff image bytes as compare().
    PixelDiffResult compareInto(QImage &&a, const QImage &b) const;

private:
    PixelDiffResult compareViews(const RgbaView &a, const RgbaView &b, uchar *inPlace) const;

    PixelDiffOptions m_options;
};

} // namespace Cloudcraft::Core
