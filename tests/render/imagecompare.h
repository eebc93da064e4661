#pragma once

#include <QImage>

#include <algorithm>
#include <cstdlib>

namespace Cloudcraft::Test {

/// Pixels whose channels (premultiplied ARGB) differ by more than `tolerance` in any channel, and the largest
/// channel difference seen. Images of different sizes count every pixel as different.
struct PixelDifference
{
    qint64 differing = 0;
    qint64 total = 0;
    int maxChannel = 0;
    double ratio() const { return total ? double(differing) / double(total) : 1.0; }
};

inline PixelDifference comparePixels(
    const QImage &a, const QImage &b, int tolerance, QImage::Format format = QImage::Format_ARGB32_Premultiplied)
{
    PixelDifference result;
    if (a.size() != b.size() || a.isNull()) {
        result.total = result.differing = qint64(std::max(1, a.width() * a.height()));
        return result;
    }
    const QImage left = a.convertToFormat(format);
    const QImage right = b.convertToFormat(format);
    result.total = qint64(left.width()) * left.height();
    for (int y = 0; y < left.height(); ++y) {
        const auto *l = reinterpret_cast<const QRgb *>(left.constScanLine(y));
        const auto *r = reinterpret_cast<const QRgb *>(right.constScanLine(y));
        for (int x = 0; x < left.width(); ++x) {
            const int d = std::max({ std::abs(qRed(l[x]) - qRed(r[x])), std::abs(qGreen(l[x]) - qGreen(r[x])),
                std::abs(qBlue(l[x]) - qBlue(r[x])), std::abs(qAlpha(l[x]) - qAlpha(r[x])) });
            result.maxChannel = std::max(result.maxChannel, d);
            if (d > tolerance)
                ++result.differing;
        }
    }
    return result;
}

} // namespace Cloudcraft::Test
