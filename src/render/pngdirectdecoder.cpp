#include "render/pngdirectdecoder.h"

#include "render/pngunfilter.h"

#include <libdeflate.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace Cloudcraft::Core {

namespace {

using Byte = std::uint8_t;
using Result = PngDirectDecoder::Result;
using Outcome = PngDirectDecoder::Outcome;

struct DecompressorDeleter
{
    void operator()(libdeflate_decompressor *decompressor) const { libdeflate_free_decompressor(decompressor); }
};

struct FreeDeleter
{
    void operator()(Byte *buffer) const { std::free(buffer); }
};
using MallocBuffer = std::unique_ptr<Byte, FreeDeleter>;

Result failed(const char *problem)
{
    return Result { Outcome::Failed, {}, QString::fromLatin1(problem) };
}

Result cancelled()
{
    return Result { Outcome::Cancelled, {}, {} };
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Inflates exactly `size` bytes; anything else (damaged, short or too long a stream) is an error.
Result inflate(PngStructure &png, Byte *out, std::size_t size)
{
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(libdeflate_alloc_decompressor());
    if (!decompressor)
        return failed("out of memory");
    const libdeflate_result rc = libdeflate_zlib_decompress(
        decompressor.get(), png.zlibStream.constData(), std::size_t(png.zlibStream.size()), out, size, nullptr);
    png.zlibStream = QByteArray(); // the compressed copy is no longer needed: give its memory back at once
    switch (rc) {
    case LIBDEFLATE_SUCCESS:
        return Result { Outcome::Decoded, {}, {} };
    case LIBDEFLATE_SHORT_OUTPUT:
        return failed("the image data is truncated");
    case LIBDEFLATE_INSUFFICIENT_SPACE:
        return failed("the image data is longer than its header declares");
    default:
        return failed("the image data is damaged");
    }
}

// RGBA: unfilter every row in place, moving it down over the filter bytes, so the inflate buffer becomes the
// pixel buffer (row y's output ends before row y + 1's input starts, and each byte is read before it is written).
Result decodeRgbaInPlace(PngStructure &png, const std::atomic_bool *cancel)
{
    const std::size_t width = png.width;
    const std::size_t height = png.height;
    const std::size_t rowBytes = width * 4;
    const std::size_t filteredSize = height * (rowBytes + 1);
    MallocBuffer buffer(static_cast<Byte *>(std::malloc(filteredSize)));
    if (!buffer)
        return failed("there is not enough memory for its pixels");
    Byte *base = buffer.get();
    if (Result inflated = inflate(png, base, filteredSize); inflated.outcome != Outcome::Decoded)
        return inflated;
    for (std::size_t y = 0; y < height; ++y) {
        if ((y & 63) == 0 && isCancelled(cancel))
            return cancelled();
        const Byte *in = base + y * (rowBytes + 1);
        Byte *out = base + y * rowBytes;
        const Byte *previous = y ? out - rowBytes : nullptr;
        if (!PngFilter::unfilterRow(in[0], out, in + 1, previous, rowBytes, 4))
            return failed("a row has an unknown filter type");
    }
    // Give back the `height` bytes the filter types took; glibc shrinks a large block in place.
    if (Byte *shrunk = static_cast<Byte *>(std::realloc(base, height * rowBytes))) {
        (void)buffer.release();
        buffer.reset(shrunk);
    }
    const QImage::Format format = png.hasTransparency ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888;
    QImage image(buffer.get(), int(width), int(height), qsizetype(rowBytes), format, [](void *pixels) {
        std::free(pixels);
    }, buffer.get());
    if (image.isNull())
        return failed("there is not enough memory for its pixels");
    (void)buffer.release(); // the image owns it now
    return Result { Outcome::Decoded, std::move(image), {} };
}

// One unfiltered row of another colour type → RGBA pixels. Returns false for a palette index past the palette.
bool expandRow(const PngStructure &png, Byte *out, const Byte *row)
{
    const std::size_t width = png.width;
    switch (png.colorType) {
    case PngStructure::Grey: {
        const bool keyed = png.hasColorKey;
        const unsigned key = png.colorKey[0];
        for (std::size_t x = 0; x < width; ++x, out += 4) {
            const Byte g = row[x];
            out[0] = out[1] = out[2] = g;
            out[3] = keyed && g == key ? 0 : 255;
        }
        return true;
    }
    case PngStructure::GreyAlpha:
        for (std::size_t x = 0; x < width; ++x, out += 4) {
            out[0] = out[1] = out[2] = row[2 * x];
            out[3] = row[2 * x + 1];
        }
        return true;
    case PngStructure::Rgb:
        if (png.hasColorKey) {
            const auto &key = png.colorKey;
            for (std::size_t x = 0; x < width; ++x, out += 4, row += 3) {
                std::memcpy(out, row, 3);
                out[3] = row[0] == key[0] && row[1] == key[1] && row[2] == key[2] ? 0 : 255;
            }
        } else {
            for (std::size_t x = 0; x < width; ++x, out += 4, row += 3) {
                out[0] = row[0];
                out[1] = row[1];
                out[2] = row[2];
                out[3] = 255;
            }
        }
        return true;
    case PngStructure::Palette: {
        unsigned largest = 0;
        for (std::size_t x = 0; x < width; ++x, out += 4) {
            largest |= row[x];
            std::memcpy(out, &png.palette[std::size_t(row[x]) * 4], 4);
        }
        // An index past a short palette is rare and its meaning differs between decoders: leave it to libspng.
        if (largest >= unsigned(png.paletteSize)) {
            for (std::size_t x = 0; x < width; ++x) {
                if (row[x] >= png.paletteSize)
                    return false;
            }
        }
        return true;
    }
    default:
        return false;
    }
}

// Other colour types: the filtered stream is inflated into the tail of the image buffer itself, and each row is
// unfiltered into a small row buffer and expanded to RGBA at the head. The output of row y never reaches the input
// of row y + 1, because an RGBA row is at least as long as a filtered row of 1 to 3 bytes a pixel plus its filter
// byte.
Result decodeExpanding(PngStructure &png, const std::atomic_bool *cancel)
{
    const std::size_t width = png.width;
    const std::size_t height = png.height;
    const int bytesPerPixel = png.channels();
    const std::size_t rowBytes = width * std::size_t(bytesPerPixel);
    const std::size_t filteredSize = height * (rowBytes + 1);
    const QImage::Format format = png.hasTransparency ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888;
    QImage image(int(width), int(height), format);
    if (image.isNull() || std::size_t(image.bytesPerLine()) != width * 4)
        return failed("there is not enough memory for its pixels");
    Byte *base = image.bits();
    const std::size_t imageSize = height * width * 4;
    Byte *filtered = base + (imageSize - filteredSize);
    if (Result inflated = inflate(png, filtered, filteredSize); inflated.outcome != Outcome::Decoded)
        return inflated;
    std::vector<Byte> rows(2 * rowBytes);
    Byte *current = rows.data();
    Byte *previous = rows.data() + rowBytes;
    for (std::size_t y = 0; y < height; ++y) {
        if ((y & 63) == 0 && isCancelled(cancel))
            return cancelled();
        const Byte *in = filtered + y * (rowBytes + 1);
        if (!PngFilter::unfilterRow(in[0], current, in + 1, y ? previous : nullptr, rowBytes, bytesPerPixel))
            return failed("a row has an unknown filter type");
        if (!expandRow(png, base + y * width * 4, current))
            return Result { Outcome::Unsupported, {}, {} };
        std::swap(current, previous);
    }
    return Result { Outcome::Decoded, std::move(image), {} };
}

} // namespace

bool PngDirectDecoder::supports(const PngStructure &png)
{
    return png.bitDepth == 8 && png.interlace == 0;
}

Result PngDirectDecoder::decode(PngStructure &png, const std::atomic_bool *cancel)
{
    if (!supports(png))
        return Result { Outcome::Unsupported, {}, {} };
    if (isCancelled(cancel))
        return cancelled();
    return png.colorType == PngStructure::Rgba ? decodeRgbaInPlace(png, cancel) : decodeExpanding(png, cancel);
}

} // namespace Cloudcraft::Core
