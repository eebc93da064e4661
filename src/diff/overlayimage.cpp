#include "diff/overlayimage.h"

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Core {

namespace {

quint8 mix(int from, int to, double amount)
{
    return quint8(std::lround(from + (to - from) * amount));
}

void fillRect(QImage &image, QRect rect, DiffColor color, double opacity)
{
    rect = rect.intersected(image.rect());
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        uchar *pixel = image.scanLine(y) + qsizetype(rect.left()) * 3;
        for (int x = rect.left(); x <= rect.right(); ++x, pixel += 3) {
            pixel[0] = mix(pixel[0], color.red, opacity);
            pixel[1] = mix(pixel[1], color.green, opacity);
            pixel[2] = mix(pixel[2], color.blue, opacity);
        }
    }
}

} // namespace

QImage OverlayImage::render(const QImage &after, const PixelDiffResult &result, const OverlayOptions &options)
{
    const QSize canvasSize = result.canvasSize.isEmpty() ? after.size() : result.canvasSize;
    if (canvasSize.isEmpty())
        return {};
    QImage canvas(canvasSize, QImage::Format_RGB888);
    if (canvas.isNull())
        return {};
    canvas.fill(QColor(options.outsideColor.red, options.outsideColor.green, options.outsideColor.blue));

    // Read RGBA bytes in place when we can; anything else (an SVG's premultiplied ARGB) is converted once.
    QImage source = after;
    if (source.format() != QImage::Format_RGBA8888 && source.format() != QImage::Format_RGBX8888)
        source = after.convertToFormat(QImage::Format_RGBA8888);
    const QRect place = result.rectB.isValid() ? result.rectB : QRect(QPoint(0, 0), source.size());
    const QRect area = place.intersected(canvas.rect());
    const double fade = std::clamp(options.fade, 0.0, 1.0);
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const int sy = y - place.top();
        if (sy < 0 || sy >= source.height())
            continue;
        const uchar *in = source.constScanLine(sy) + qsizetype(area.left() - place.left()) * 4;
        uchar *out = canvas.scanLine(y) + qsizetype(area.left()) * 3;
        const int width = std::min(area.width(), source.width() - (area.left() - place.left()));
        for (int x = 0; x < width; ++x, in += 4, out += 3) {
            // Straight alpha over white, then towards white by the fade.
            const double alpha = in[3] / 255.0 * fade;
            out[0] = mix(255, in[0], alpha);
            out[1] = mix(255, in[1], alpha);
            out[2] = mix(255, in[2], alpha);
        }
    }

    const int line = std::max(1, options.lineWidth);
    for (const ChangeRegion &region : result.regions) {
        const QRect box = region.box.adjusted(-options.padding - line, -options.padding - line, options.padding + line,
                                              options.padding + line);
        const QRect inner = box.adjusted(line, line, -line, -line);
        fillRect(canvas, inner, options.boxColor, options.tint);
        fillRect(canvas, QRect(box.left(), box.top(), box.width(), line), options.boxColor, 1.0);
        fillRect(canvas, QRect(box.left(), box.bottom() - line + 1, box.width(), line), options.boxColor, 1.0);
        fillRect(canvas, QRect(box.left(), box.top(), line, box.height()), options.boxColor, 1.0);
        fillRect(canvas, QRect(box.right() - line + 1, box.top(), line, box.height()), options.boxColor, 1.0);
    }
    return canvas;
}

} // namespace Cloudcraft::Core
