#pragma once

#include <QImage>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringView>

namespace Cloudcraft::Core {

/// The encodings a diagram image can arrive in. We always name the format before decoding (never guess from the
/// bytes when the server told us), so TIFF bytes served as PNG are refused instead of decoded.
enum class ImageFormat { Unknown, Png, Svg };

/// "image/png" → Png, "image/svg+xml" → Svg (parameters such as "; charset=utf-8" ignored),
/// anything else → Unknown.
ImageFormat imageFormatFromContentType(QStringView contentType);
/// Only for bytes with no content type (a local file): PNG signature → Png, an XML/SVG start → Svg, else Unknown.
ImageFormat sniffImageFormat(const QByteArray &bytes);
QString imageFormatName(ImageFormat format); ///< "PNG", "SVG", "unknown"

/// Our own allocation limits, checked before any pixel buffer is allocated. A side over maxSide or a buffer over
/// maxBytes (4 bytes a pixel) is refused for PNG and scaled down ("clamped") for SVG.
struct ImageLimits
{
    int maxSide = 16384;
    qint64 maxBytes = qint64(512) * 1024 * 1024;
    bool allows(QSize size) const;
    /// `requested` rounded up to whole pixels, scaled down (aspect ratio kept) until it fits; `clamped` says whether
    /// it had to be. Empty for an empty or non-finite request.
    QSize clamp(QSizeF requested, bool *clamped = nullptr) const;
};

/// How large the decoded image should be: a valid targetSize wins (the image fits inside it, aspect ratio kept),
/// otherwise the intrinsic size times scale. PNGs are decoded at full size first, then scaled when asked.
struct RenderSize
{
    double scale = 1.0;
    QSize targetSize;
    static RenderSize scaled(double factor) { return RenderSize { factor, {} }; }
    static RenderSize fitting(QSize size) { return RenderSize { 1.0, size }; }
    /// The pixel size for an image whose natural size is `intrinsic` (unclamped; may be empty for bad input).
    QSizeF apply(QSizeF intrinsic) const;
};

/// The outcome of decoding or rasterizing one diagram image. Errors are data: `error` is a sentence for the user
/// ("This PNG image is too large: 20000 × 20000 pixels (limit 16384 a side, 512 MiB).") and `image` is null.
struct DiagramImage
{
    QImage image; ///< ARGB32_Premultiplied (SVG) or RGBA8888/RGBX8888 (PNG); null on error
    ImageFormat format = ImageFormat::Unknown;
    QSize intrinsicSize; ///< size the document declares (SVG, rounded up) or the PNG header size
    QSize requestedSize; ///< the size asked for before clamping (empty on error)
    bool clamped = false; ///< true when requestedSize broke the limits and was scaled down
    QString clampNote; ///< why and to what it was clamped, for a status line
    QString error; ///< empty on success
    bool cancelled = false; ///< the work was abandoned (only seen inside the loader)

    bool ok() const { return error.isEmpty() && !image.isNull(); }
    static DiagramImage failure(ImageFormat format, QString message);
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::DiagramImage)
