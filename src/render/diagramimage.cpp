#include "render/diagramimage.h"

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Core {

ImageFormat imageFormatFromContentType(QStringView contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    const QStringView type = (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed();
    if (type.compare(u"image/png", Qt::CaseInsensitive) == 0)
        return ImageFormat::Png;
    if (type.compare(u"image/svg+xml", Qt::CaseInsensitive) == 0)
        return ImageFormat::Svg;
    return ImageFormat::Unknown;
}

ImageFormat sniffImageFormat(const QByteArray &bytes)
{
    static const QByteArray pngSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.startsWith(pngSignature))
        return ImageFormat::Png;
    // An SVG starts, after an optional UTF-8 BOM and whitespace, with a declaration, comment, doctype or <svg.
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    view = view.trimmed();
    if (view.startsWith("<?xml") || view.startsWith("<svg") || view.startsWith("<!--") || view.startsWith("<!DOCTYPE"))
        return ImageFormat::Svg;
    return ImageFormat::Unknown;
}

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QStringLiteral("PNG");
    case ImageFormat::Svg:
        return QStringLiteral("SVG");
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool ImageLimits::allows(QSize size) const
{
    if (size.width() <= 0 || size.height() <= 0)
        return false;
    if (size.width() > maxSide || size.height() > maxSide)
        return false;
    return qint64(size.width()) * qint64(size.height()) * 4 <= maxBytes;
}

QSize ImageLimits::clamp(QSizeF requested, bool *clamped) const
{
    if (clamped)
        *clamped = false;
    double width = requested.width();
    double height = requested.height();
    if (!std::isfinite(width) || !std::isfinite(height) || width <= 0 || height <= 0)
        return {};
    // Work in doubles: a requested 2e9 × 2e9 must never pass through an int.
    const double maxPixels = double(maxBytes) / 4.0;
    double factor = std::min({ 1.0, maxSide / width, maxSide / height });
    if (width * factor * height * factor > maxPixels)
        factor = std::sqrt(maxPixels / (width * height));
    if (factor < 1.0) {
        if (clamped)
            *clamped = true;
        width = std::max(1.0, std::floor(width * factor));
        height = std::max(1.0, std::floor(height * factor));
    } else {
        width = std::ceil(width);
        height = std::ceil(height);
    }
    return QSize(int(width), int(height));
}

QSizeF RenderSize::apply(QSizeF intrinsic) const
{
    if (intrinsic.isEmpty())
        return {};
    if (targetSize.isValid() && !targetSize.isEmpty())
        return intrinsic.scaled(QSizeF(targetSize), Qt::KeepAspectRatio);
    if (!std::isfinite(scale) || scale <= 0)
        return {};
    return intrinsic * scale;
}

DiagramImage DiagramImage::failure(ImageFormat format, QString message)
{
    DiagramImage result;
    result.format = format;
    result.error = std::move(message);
    return result;
}

} // namespace Cloudcraft::Core
