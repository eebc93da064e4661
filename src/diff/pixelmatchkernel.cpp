#include "diff/pixelmatchkernel.h"

#include <algorithm>

namespace Cloudcraft::Core::PixelMatch {

namespace {

struct Difference
{
    double red;
    double green;
    double blue;
};

// Per-channel difference of the two pixels after blending each on the same background. The products are exact
// integers in double precision, so the only rounding is the final division, as in the reference.
Difference channelDifference(const uchar *p1, const uchar *p2, qint64 position, bool checkerboard)
{
    const int r1 = p1[0], g1 = p1[1], b1 = p1[2], a1 = p1[3];
    const int r2 = p2[0], g2 = p2[1], b2 = p2[2], a2 = p2[3];
    if (a1 == 255 && a2 == 255)
        return {double(r1 - r2), double(g1 - g2), double(b1 - b2)};

    double rb = 255.0, gb = 255.0, bb = 255.0;
    if (checkerboard) {
        // The reference truncates the quotient to a 32-bit integer before taking its parity.
        const auto parity = [](double quotient) { return qint64(quotient) % 2; };
        rb = 48.0 + 159.0 * double(position % 2);
        gb = 48.0 + 159.0 * double(parity(double(position) / 1.618033988749895));
        bb = 48.0 + 159.0 * double(parity(double(position) / 2.618033988749895));
    }
    const int da = a1 - a2;
    return {(double(r1 * a1 - r2 * a2) - rb * da) / 255.0, (double(g1 * a1 - g2 * a2) - gb * da) / 255.0,
            (double(b1 * a1 - b2 * a2) - bb * da) / 255.0};
}

double luma(const Difference &d)
{
    return d.red * 0.29889531 + d.green * 0.58662247 + d.blue * 0.11448223;
}

bool samePixel(const uchar *p1, const uchar *p2)
{
    return std::memcmp(p1, p2, 4) == 0;
}

// A pixel with three or more identical neighbours is part of a flat area, so not anti-aliasing itself.
bool hasManySiblings(const Plane &image, int x1, int y1, int width, int height)
{
    const int x0 = std::max(x1 - 1, 0);
    const int y0 = std::max(y1 - 1, 0);
    const int x2 = std::min(x1 + 1, width - 1);
    const int y2 = std::min(y1 + 1, height - 1);
    const quint32 centre = image.word(x1, y1);
    // Pixels on the image border count one missing neighbour as equal, like the reference.
    int zeroes = (x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2) ? 1 : 0;
    for (int x = x0; x <= x2; ++x) {
        for (int y = y0; y <= y2; ++y) {
            if (x == x1 && y == y1)
                continue;
            if (image.word(x, y) == centre)
                ++zeroes;
            if (zeroes > 2)
                return true;
        }
    }
    return false;
}

} // namespace

double colorDelta(const uchar *first, const uchar *second, qint64 position, bool checkerboard)
{
    if (samePixel(first, second))
        return 0.0;
    const Difference d = channelDifference(first, second, position, checkerboard);
    const double y = luma(d);
    const double i = d.red * 0.59597799 - d.green * 0.27417610 - d.blue * 0.32180189;
    const double q = d.red * 0.21147017 - d.green * 0.52261711 + d.blue * 0.31114694;
    const double delta = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
    // The sign says which way the brightness went, for diffColorAlt.
    return y > 0 ? -delta : delta;
}

double brightnessDelta(const uchar *first, const uchar *second, qint64 position, bool checkerboard)
{
    if (samePixel(first, second))
        return 0.0;
    return luma(channelDifference(first, second, position, checkerboard));
}

bool antialiased(const Plane &image, const Plane &other, int x1, int y1, int width, int height, bool checkerboard)
{
    const int x0 = std::max(x1 - 1, 0);
    const int y0 = std::max(y1 - 1, 0);
    const int x2 = std::min(x1 + 1, width - 1);
    const int y2 = std::min(y1 + 1, height - 1);
    const qint64 position = (qint64(y1) * width + x1) * 4;
    const uchar *centre = image.pixel(x1, y1);
    int zeroes = (x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2) ? 1 : 0;
    double min = 0.0;
    double max = 0.0;
    int minX = 0, minY = 0, maxX = 0, maxY = 0;

    // Column-major walk, as in the reference: ties keep the first neighbour found, so the order matters.
    for (int x = x0; x <= x2; ++x) {
        for (int y = y0; y <= y2; ++y) {
            if (x == x1 && y == y1)
                continue;
            const double delta = brightnessDelta(centre, image.pixel(x, y), position, checkerboard);
            if (delta == 0.0) {
                ++zeroes;
                if (zeroes > 2)
                    return false; // too many equal neighbours: a flat area, not an edge
            } else if (delta < min) {
                min = delta;
                minX = x;
                minY = y;
            } else if (delta > max) {
                max = delta;
                maxX = x;
                maxY = y;
            }
        }
    }

    // Anti-aliasing sits between a darker and a brighter neighbour ...
    if (min == 0.0 || max == 0.0)
        return false;
    // ... one of which is a solid area in both images.
    return (hasManySiblings(image, minX, minY, width, height) && hasManySiblings(other, minX, minY, width, height))
           || (hasManySiblings(image, maxX, maxY, width, height)
               && hasManySiblings(other, maxX, maxY, width, height));
}

quint8 fadedGray(const uchar *pixel, double alpha)
{
    const double y = pixel[0] * 0.29889531 + pixel[1] * 0.58662247 + pixel[2] * 0.11448223;
    const double value = 255.0 + (y - 255.0) * alpha * pixel[3] / 255.0;
    // A Uint8Array store truncates toward zero; the clamp only matters for out-of-range alpha.
    return static_cast<quint8>(std::clamp(static_cast<int>(value), 0, 255));
}

} // namespace Cloudcraft::Core::PixelMatch
