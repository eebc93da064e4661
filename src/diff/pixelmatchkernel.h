#pragma once

#include <QtGlobal>

#include <cstring>

// Internal to src/diff: the per-pixel arithmetic of pixelmatch 7.2.0 (YIQ colour delta, anti-aliasing detector,
// faded grey background), written so that every double is computed in the same order as the JavaScript and the
// results match it bit for bit. PixelDiff owns geometry, threads, ignore regions and output.
namespace Cloudcraft::Core::PixelMatch {

/// Read-only window onto RGBA8888 pixels: `bits` points at pixel (0, 0) of the window.
struct Plane
{
    const uchar *bits = nullptr;
    qsizetype bytesPerLine = 0;

    const uchar *pixel(int x, int y) const { return bits + y * bytesPerLine + qsizetype(x) * 4; }
    quint32 word(int x, int y) const
    {
        quint32 value;
        std::memcpy(&value, pixel(x, y), sizeof value);
        return value;
    }
};

/// Squared YIQ distance between two RGBA pixels, negative when the second one is darker. `position` is the byte
/// offset pixelmatch would use for the pixel; it chooses the checkerboard colour that semi-transparent pixels are
/// blended on (or white when `checkerboard` is false).
double colorDelta(const uchar *first, const uchar *second, qint64 position, bool checkerboard);

/// Brightness (Y) difference only, as used by the anti-aliasing detector.
double brightnessDelta(const uchar *first, const uchar *second, qint64 position, bool checkerboard);

/// True when pixel (x, y) of `image` looks like anti-aliasing ("Anti-aliased Pixel and Intensity Slope Detector",
/// V. Vysniauskas 2009), judged against `other` for the sibling test. Both planes are `width` × `height`.
bool antialiased(const Plane &image, const Plane &other, int x, int y, int width, int height, bool checkerboard);

/// The faded grey pixelmatch draws for an unchanged pixel, already truncated to a byte as a Uint8Array would.
quint8 fadedGray(const uchar *pixel, double alpha);

} // namespace Cloudcraft::Core::PixelMatch
