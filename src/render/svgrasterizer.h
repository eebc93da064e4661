#pragma once

#include "render/diagramimage.h"

#include <QByteArray>
#include <QSizeF>

#include <optional>

namespace Cloudcraft::Core {

/// Renders SVG documents with librsvg into ARGB32_Premultiplied QImages. Safe for untrusted input:
/// - loaded from memory with no base file, so librsvg refuses every non-`data:` URL (no file, no network);
/// - documents declaring entities (billion laughs, XXE) or in an encoding other than UTF-8 are refused before
///   librsvg sees them ("This SVG could not be read: invalid SVG ...");
/// - librsvg's own element limits stay on (never RSVG_HANDLE_FLAG_UNLIMITED);
/// - the output size is clamped to ImageLimits (the clamp is reported in DiagramImage::clampNote).
/// Thread-safe: every call makes its own librsvg handle.
class SvgRasterizer final
{
public:
    explicit SvgRasterizer(ImageLimits limits = {}, double dpi = 96.0);

    /// Renders at size.apply(intrinsic size), clamped to the limits.
    DiagramImage render(const QByteArray &svg, RenderSize size = {}) const;

    /// The document's size in CSS pixels at our DPI (width/height, else the viewBox), without rendering;
    /// nullopt when the document is refused or cannot be parsed.
    std::optional<QSizeF> intrinsicSize(const QByteArray &svg, QString *error = nullptr) const;

    /// The pre-parse check alone: empty when the bytes may be handed to librsvg, else the reason they may not.
    static QString screen(const QByteArray &svg);

    const ImageLimits &limits() const { return m_limits; }

private:
    ImageLimits m_limits;
    double m_dpi;
};

} // namespace Cloudcraft::Core
