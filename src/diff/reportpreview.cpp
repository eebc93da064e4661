#include "diff/reportpreview.h"

#include <algorithm>
#include <vector>

namespace Cloudcraft::Core::ReportPreview {

namespace {

int saturation(const uchar *rgba)
{
    const int high = std::max({rgba[0], rgba[1], rgba[2]});
    const int low = std::min({rgba[0], rgba[1], rgba[2]});
    return (high - low) * rgba[3];
}

} // namespace

QImage shrink(const QImage &image, int maxSide, Reduction reduction)
{
    if (image.isNull() || maxSide <= 0 || std::max(image.width(), image.height()) <= maxSide)
        return image;
    const QImage source = image.format() == QImage::Format_RGBA8888 ? image
                                                                     : image.convertToFormat(QImage::Format_RGBA8888);
    if (source.isNull())
        return {};
    const int factor = (std::max(source.width(), source.height()) + maxSide - 1) / maxSide;
    const int width = (source.width() + factor - 1) / factor;
    const int height = (source.height() + factor - 1) / factor;
    QImage preview(width, height, QImage::Format_RGBA8888);
    if (preview.isNull())
        return {};

    // Per output row: running sums of one block row (alpha-weighted colour, alpha, pixel count), or the most vivid
    // pixel so far.
    std::vector<quint64> sums(static_cast<size_t>(width) * 5);
    std::vector<int> vivid(static_cast<size_t>(width));
    for (int outY = 0; outY < height; ++outY) {
        std::fill(sums.begin(), sums.end(), 0);
        std::fill(vivid.begin(), vivid.end(), -1);
        uchar *out = preview.scanLine(outY);
        const int lastY = std::min(source.height(), (outY + 1) * factor);
        for (int y = outY * factor; y < lastY; ++y) {
            const uchar *in = source.constScanLine(y);
            for (int block = 0; block < width; ++block) {
                const uchar *pixel = in + size_t(block) * size_t(factor) * 4;
                const uchar *blockEnd = in + size_t(std::min(source.width(), (block + 1) * factor)) * 4;
                if (reduction == Reduction::MostVivid) {
                    int &best = vivid[size_t(block)];
                    for (; pixel < blockEnd; pixel += 4) {
                        if (const int score = saturation(pixel); score > best) {
                            best = score;
                            std::copy(pixel, pixel + 4, out + size_t(block) * 4);
                        }
                    }
                    continue;
                }
                quint64 red = 0, green = 0, blue = 0, alpha = 0;
                const quint64 count = quint64(blockEnd - pixel) / 4;
                for (; pixel < blockEnd; pixel += 4) {
                    red += quint64(pixel[0]) * pixel[3];
                    green += quint64(pixel[1]) * pixel[3];
                    blue += quint64(pixel[2]) * pixel[3];
                    alpha += pixel[3];
                }
                quint64 *sum = sums.data() + size_t(block) * 5;
                sum[0] += red;
                sum[1] += green;
                sum[2] += blue;
                sum[3] += alpha;
                sum[4] += count;
            }
        }
        if (reduction == Reduction::MostVivid)
            continue;
        for (int x = 0; x < width; ++x) {
            const quint64 *sum = sums.data() + size_t(x) * 5;
            uchar *pixel = out + size_t(x) * 4;
            const quint64 alpha = sum[3];
            for (int c = 0; c < 3; ++c)
                pixel[c] = alpha ? uchar((sum[c] + alpha / 2) / alpha) : 0;
            pixel[3] = uchar((alpha + sum[4] / 2) / std::max<quint64>(1, sum[4]));
        }
    }
    return preview;
}

} // namespace Cloudcraft::Core::ReportPreview
