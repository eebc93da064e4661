#include "render/pngdecoder.h"

#include "render/pngchunkreader.h"
#include "render/pngdirectdecoder.h"

#include <QCoreApplication>

#include <spng.h>

#include <memory>

namespace Cloudcraft::Core {

namespace {

struct SpngContextDeleter
{
    void operator()(spng_ctx *context) const { spng_ctx_free(context); }
};
using SpngContext = std::unique_ptr<spng_ctx, SpngContextDeleter>;

const QByteArray &pngSignature()
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    return signature;
}

QString spngMessage(int code)
{
    return QString::fromUtf8(spng_strerror(code));
}

QString mebibytes(qint64 bytes)
{
    return QString::number(bytes / (1024 * 1024)) + QStringLiteral(" MiB");
}

// A PNG "has alpha" when it carries an alpha channel or a tRNS chunk; otherwise RGBX spares consumers the
// alpha handling (painting, diffing) without changing a pixel.
bool hasAlpha(spng_ctx *context, const spng_ihdr &header)
{
    if (header.color_type == SPNG_COLOR_TYPE_GRAYSCALE_ALPHA || header.color_type == SPNG_COLOR_TYPE_TRUECOLOR_ALPHA)
        return true;
    spng_trns transparency {};
    return spng_get_trns(context, &transparency) == 0;
}

DiagramImage decoded(QImage image)
{
    DiagramImage result;
    result.intrinsicSize = image.size();
    result.requestedSize = image.size();
    result.image = std::move(image);
    result.format = ImageFormat::Png;
    return result;
}

} // namespace

PngDecoder::PngDecoder(ImageLimits limits)
    : m_limits(limits)
{ }

std::optional<QSize> PngDecoder::headerSize(const QByteArray &bytes)
{
    // Signature (8) + IHDR length and type (8) + width and height (8); read by hand so no library state is needed.
    if (bytes.size() < 24 || !bytes.startsWith(pngSignature()) || bytes.mid(12, 4) != "IHDR")
        return std::nullopt;
    const auto bigEndian = [&bytes](int offset) {
        quint32 value = 0;
        for (int i = 0; i < 4; ++i)
            value = (value << 8) | quint8(bytes.at(offset + i));
        return value;
    };
    const quint32 width = bigEndian(16);
    const quint32 height = bigEndian(20);
    // The PNG specification caps dimensions at 2^31 - 1; 0 is invalid.
    if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu)
        return std::nullopt;
    return QSize(int(width), int(height));
}

DiagramImage PngDecoder::decode(const QByteArray &bytes, const std::atomic_bool *cancel) const
{
    const auto fail = [](const QString &message) { return DiagramImage::failure(ImageFormat::Png, message); };

    if (!bytes.startsWith(pngSignature()))
        return fail(QStringLiteral("This file is not a PNG image."));

    // Our own size check comes first: nothing is allocated for an image we would refuse.
    const std::optional<QSize> declared = headerSize(bytes);
    if (!declared)
        return fail(QStringLiteral("This PNG image could not be read: its header is damaged."));
    if (!m_limits.allows(*declared)) {
        return fail(
            QStringLiteral("This PNG image is too large: %1 × %2 pixels (the limit is %3 pixels a side and %4).")
                .arg(declared->width())
                .arg(declared->height())
                .arg(m_limits.maxSide)
                .arg(mebibytes(m_limits.maxBytes)));
    }

    // The common PNGs (8-bit, not interlaced) take the libdeflate path; the rest (16-bit, interlaced, 1-4 bit)
    // libspng decodes.
    PngStructure structure;
    const PngChunkReader::Result header = PngChunkReader::read(bytes, structure, true);
    if (header.status != PngChunkReader::Status::Ok)
        return fail(QStringLiteral("This PNG image could not be read: %1.").arg(header.problem));
    if (PngDirectDecoder::supports(structure)) {
        const PngChunkReader::Result chunks = PngChunkReader::read(bytes, structure);
        if (chunks.status != PngChunkReader::Status::Ok)
            return fail(QStringLiteral("This PNG image could not be read: %1.").arg(chunks.problem));
        PngDirectDecoder::Result direct = PngDirectDecoder::decode(structure, cancel);
        switch (direct.outcome) {
        case PngDirectDecoder::Outcome::Decoded:
            return decoded(std::move(direct.image));
        case PngDirectDecoder::Outcome::Cancelled: {
            DiagramImage cancelled = fail(QStringLiteral("Cancelled."));
            cancelled.cancelled = true;
            return cancelled;
        }
        case PngDirectDecoder::Outcome::Failed:
            return fail(QStringLiteral("This PNG image could not be read: %1.").arg(direct.problem));
        case PngDirectDecoder::Outcome::Unsupported:
            break;
        }
    }
    return decodeWithSpng(bytes, cancel);
}

DiagramImage PngDecoder::decodeWithSpng(const QByteArray &bytes, const std::atomic_bool *cancel) const
{
    const auto fail = [](const QString &message) { return DiagramImage::failure(ImageFormat::Png, message); };
    // Adler-32 of the zlib stream is skipped (as browsers do): every chunk's CRC-32 is still verified, so damaged
    // data is caught, and decoding gets about 15 % faster.
    SpngContext context(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32));
    if (!context)
        return fail(QStringLiteral("This PNG image could not be read: out of memory."));
    spng_ctx *ctx = context.get();
    // Belt and braces: libspng enforces the same limits, and caps ancillary chunk sizes (text, ICC profiles)
    // so a PNG cannot make it cache hundreds of megabytes of metadata.
    spng_set_image_limits(ctx, quint32(m_limits.maxSide), quint32(m_limits.maxSide));
    spng_set_chunk_limits(ctx, 16 * 1024 * 1024, 64 * 1024 * 1024);
    spng_set_crc_action(ctx, SPNG_CRC_ERROR, SPNG_CRC_DISCARD);

    int rc = spng_set_png_buffer(ctx, bytes.constData(), size_t(bytes.size()));
    spng_ihdr header {};
    if (rc == 0)
        rc = spng_get_ihdr(ctx, &header);
    if (rc != 0)
        return fail(QStringLiteral("This PNG image could not be read: %1.").arg(spngMessage(rc)));

    const QSize size(int(header.width), int(header.height));
    size_t outputBytes = 0;
    rc = spng_decoded_image_size(ctx, SPNG_FMT_RGBA8, &outputBytes);
    if (rc != 0 || qint64(outputBytes) != qint64(size.width()) * size.height() * 4)
        return fail(QStringLiteral("This PNG image could not be read: %1.").arg(spngMessage(rc)));

    const QImage::Format format = hasAlpha(ctx, header) ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888;
    QImage image(size, format);
    if (image.isNull())
        return fail(QStringLiteral("This PNG image could not be read: not enough memory for %1 × %2 pixels.")
                        .arg(size.width())
                        .arg(size.height()));

    // Progressive decoding, row by row into the QImage's own rows: no intermediate buffer, and a cancel flag is
    // seen within one row. SPNG_DECODE_TRNS applies a tRNS chunk to the alpha channel.
    rc = spng_decode_image(ctx, nullptr, 0, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS | SPNG_DECODE_PROGRESSIVE);
    if (rc != 0)
        return fail(QStringLiteral("This PNG image could not be read: %1.").arg(spngMessage(rc)));
    const size_t rowBytes = size_t(size.width()) * 4;
    spng_row_info row {};
    while (true) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            DiagramImage cancelled = fail(QStringLiteral("Cancelled."));
            cancelled.cancelled = true;
            return cancelled;
        }
        rc = spng_get_row_info(ctx, &row);
        if (rc != 0)
            break;
        rc = spng_decode_row(ctx, image.scanLine(int(row.row_num)), rowBytes);
        if (rc != 0)
            break;
    }
    if (rc != SPNG_EOI) {
        const bool truncated = rc == SPNG_EOF || rc == SPNG_IO_EOF;
        return fail(truncated ? QStringLiteral("This PNG image could not be read: the file is truncated.")
                              : QStringLiteral("This PNG image could not be read: %1.").arg(spngMessage(rc)));
    }

    return decoded(std::move(image));
}

} // namespace Cloudcraft::Core
