#include "render/pngencoder.h"

#include "render/pngunfilter.h"

#include <QDir>
#include <QSaveFile>

#include <libdeflate.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace Cloudcraft::Core {

namespace {

using Byte = std::uint8_t;

// Level 1 of libdeflate: diff images are mostly flat, so even its fastest matcher finds the long runs, and the
// file is a few percent larger than at level 6 for a fraction of the time.
constexpr int compressionLevel = 1;

struct CompressorDeleter
{
    void operator()(libdeflate_compressor *compressor) const { libdeflate_free_compressor(compressor); }
};

void putBigEndian32(char *out, std::uint32_t value)
{
    out[0] = char(value >> 24);
    out[1] = char(value >> 16);
    out[2] = char(value >> 8);
    out[3] = char(value);
}

std::uint32_t chunkCrc(const char *typeAndPayload, std::size_t payloadLength)
{
    return std::uint32_t(libdeflate_crc32(0, typeAndPayload, 4 + payloadLength));
}

// Appends a whole chunk (length, type, payload, CRC) to `out`.
void appendChunk(QByteArray &out, const char *type, const QByteArray &payload)
{
    char length[4];
    putBigEndian32(length, std::uint32_t(payload.size()));
    out.append(length, 4);
    const qsizetype typeAt = out.size();
    out.append(type, 4).append(payload);
    char crc[4];
    putBigEndian32(crc, chunkCrc(out.constData() + typeAt, std::size_t(payload.size())));
    out.append(crc, 4);
}

// Sum of the filtered bytes read as signed values: the usual "smallest sum of absolute differences" guess at which
// filter compresses best (PNG specification, 12.8).
std::uint64_t cost(const Byte *row, std::size_t length)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < length; ++i)
        sum += Byte(row[i] < 128 ? row[i] : 256 - row[i]);
    return sum;
}

// Rows [first, end) of the filtered stream: each row gets Sub or Up, whichever looks smaller. Sub makes flat
// stretches zero, Up makes a row like the one above zero; Paeth and Average cost more time than they save on
// diagram diffs.
void filterRows(const QImage &image, bool rgb, Byte *filtered, int first, int end)
{
    const std::size_t width = std::size_t(image.width());
    const int bytesPerPixel = rgb ? 3 : 4;
    const std::size_t rowBytes = width * std::size_t(bytesPerPixel);
    std::vector<Byte> packed(rgb ? 2 * rowBytes : 0);
    std::vector<Byte> candidate(rowBytes);
    // RGBX rows lose their fourth byte first; the previous row is kept packed for Up.
    const auto row = [&](int y, Byte *scratch) -> const Byte * {
        const Byte *source = image.constScanLine(y);
        if (!rgb)
            return source;
        for (std::size_t x = 0; x < width; ++x)
            std::memcpy(scratch + 3 * x, source + 4 * x, 3);
        return scratch;
    };
    Byte *scratch[2] = { packed.data(), packed.data() + rowBytes };
    int next = 0;
    const Byte *previous = first > 0 ? row(first - 1, scratch[1]) : nullptr;
    for (int y = first; y < end; ++y, next ^= 1) {
        const Byte *current = row(y, scratch[next]);
        Byte *out = filtered + std::size_t(y) * (rowBytes + 1);
        PngFilter::filterRow(PngFilter::Sub, out + 1, current, previous, rowBytes, bytesPerPixel);
        out[0] = PngFilter::Sub;
        if (previous) {
            PngFilter::filterRow(PngFilter::Up, candidate.data(), current, previous, rowBytes, bytesPerPixel);
            if (cost(candidate.data(), rowBytes) < cost(out + 1, rowBytes)) {
                std::memcpy(out + 1, candidate.data(), rowBytes);
                out[0] = PngFilter::Up;
            }
        }
        previous = current;
    }
}

} // namespace

QByteArray PngEncoder::encode(const QImage &source, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QByteArray();
    };
    if (source.isNull())
        return fail(QStringLiteral("There is no image to encode."));

    // RGBA8888 and RGBX8888 (what PixelDiff and PngDecoder produce) are read in place; other formats are converted.
    const bool rgb = !source.hasAlphaChannel();
    const QImage::Format wanted = rgb ? QImage::Format_RGBX8888 : QImage::Format_RGBA8888;
    const QImage image = source.format() == wanted ? source : source.convertToFormat(wanted);
    if (image.isNull())
        return fail(QStringLiteral("There is not enough memory to encode the image."));

    const int height = image.height();
    const std::size_t rowBytes = std::size_t(image.width()) * (rgb ? 3 : 4);
    const std::size_t filteredSize = std::size_t(height) * (rowBytes + 1);
    std::unique_ptr<Byte, decltype(&std::free)> filtered(static_cast<Byte *>(std::malloc(filteredSize)), &std::free);
    if (!filtered)
        return fail(QStringLiteral("There is not enough memory to encode the image."));

    // Rows are filtered independently of each other's output, so large images use two threads.
    const bool split = filteredSize >= (std::size_t(1) << 22) && std::thread::hardware_concurrency() > 1;
    const int middle = split ? height / 2 : height;
    std::thread helper;
    if (split)
        helper = std::thread([&] { filterRows(image, rgb, filtered.get(), middle, height); });
    filterRows(image, rgb, filtered.get(), 0, middle);
    if (helper.joinable())
        helper.join();

    std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(compressionLevel));
    if (!compressor)
        return fail(QStringLiteral("There is not enough memory to encode the image."));

    QByteArray header(13, '\0');
    putBigEndian32(header.data(), std::uint32_t(image.width()));
    putBigEndian32(header.data() + 4, std::uint32_t(height));
    header[8] = 8;                    // bit depth
    header[9] = char(rgb ? 2 : 6);    // colour type: RGB or RGBA
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);

    // One IDAT chunk, compressed straight into the output: no second copy of the compressed stream.
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), filteredSize);
    if (bound > std::size_t(0x7fffffff) - 64)
        return fail(QStringLiteral("The image is too large to encode."));
    const qsizetype idatAt = png.size();
    png.resize(idatAt + 8 + qsizetype(bound) + 4 + 12);
    char *idat = png.data() + idatAt;
    const std::size_t compressed = libdeflate_zlib_compress(
        compressor.get(), filtered.get(), filteredSize, idat + 8, bound);
    filtered.reset();
    if (compressed == 0)
        return fail(QStringLiteral("The image could not be compressed."));
    putBigEndian32(idat, std::uint32_t(compressed));
    std::memcpy(idat + 4, "IDAT", 4);
    putBigEndian32(idat + 8 + compressed, chunkCrc(idat + 4, compressed));
    png.resize(idatAt + 12 + qsizetype(compressed));
    appendChunk(png, "IEND", {});
    png.squeeze();
    if (error)
        error->clear();
    return png;
}

QString PngEncoder::writeFile(const QImage &image, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QString error;
    const QByteArray bytes = encode(image, &error);
    if (bytes.isEmpty())
        return QStringLiteral("Could not write %1: %2").arg(shown, error);
    // QSaveFile writes a temporary file next to the target and renames it only when every byte is on disk, so a
    // full disk or a crash leaves the previous file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Could not write %1: %2.").arg(shown, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return QStringLiteral("Could not write %1: %2.").arg(shown, reason);
    }
    if (!file.commit())
        return QStringLiteral("Could not write %1: %2.").arg(shown, file.errorString());
    return {};
}

} // namespace Cloudcraft::Core
