#pragma once

#include "render/diagramimage.h"

#include <QByteArray>

#include <atomic>
#include <optional>

namespace Cloudcraft::Core {

/// Decodes PNG bytes: 8-bit non-interlaced images with libdeflate and our own unfiltering (PngDirectDecoder), the
/// rest with libspng straight into a QImage buffer. The IHDR size is checked against our ImageLimits
/// before anything is allocated, so a small file declaring 20000 × 20000 pixels is refused at once. Thread-safe:
/// decode() keeps no state between calls.
class PngDecoder final
{
public:
    explicit PngDecoder(ImageLimits limits = {});

    /// The size in the IHDR chunk, without decoding; nullopt when the bytes are not a PNG with a valid header.
    static std::optional<QSize> headerSize(const QByteArray &bytes);

    /// Decodes the whole image. Opaque images come back as RGBX8888, others as RGBA8888 (straight alpha).
    /// `cancel`, when given, is polled between rows; a set flag ends the decode with `cancelled` = true.
    DiagramImage decode(const QByteArray &bytes, const std::atomic_bool *cancel = nullptr) const;

    const ImageLimits &limits() const { return m_limits; }

private:
    DiagramImage decodeWithSpng(const QByteArray &bytes, const std::atomic_bool *cancel) const;

    ImageLimits m_limits;
};

} // namespace Cloudcraft::Core
