#include "render/pngencoder.h"

#include "render/pngunfilter.h"
#include "render/rundeflater.h"

#include <QDir>
#include <QSaveFile>

#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace Cloudcraft::Core {

namespace {

using Byte = std::uint8_t;

// Rows per band: each band is filtered and compressed on its own (RunDeflater), by whichever thread is free, in a
// buffer of this many rows; 64 RGBA rows of 8K are 2 MiB, which stays in cache.
constexpr int bandRows = 64;

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

// Rows [first, end) of the filtered stream, written from `filtered` on. Paeth and Average cost more time than they
// save on diagram diffs.
void filterRows(const QImage &image, bool rgb, Byte *filtered, int first, int end)
{
    const std::size_t width = std::size_t(image.width());
    const int bytesPerPixel = rgb ? 3 : 4;
    const std::size_t rowBytes = width * std::size_t(bytesPerPixel);
    std::vector<Byte> packed(rgb ? 2 * rowBytes : 0);
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
        Byte *out = filtered + std::size_t(y - first) * (rowBytes + 1);
        // A row equal to the one above (most rows of a diagram's diff) filters to zeros with Up; any other with Sub,
        // which turns flat stretches into zeros. Trying both on every row and keeping the smaller cost three more
        // passes over the image for a few percent of file size.
        const bool repeats = previous && std::memcmp(current, previous, rowBytes) == 0;
        out[0] = repeats ? PngFilter::Up : PngFilter::Sub;
        if (repeats)
            std::memset(out + 1, 0, rowBytes);
        else
            PngFilter::filterRow(PngFilter::Sub, out + 1, current, previous, rowBytes, bytesPerPixel);
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
    const int bands = (height + bandRows - 1) / bandRows;
    struct Band
    {
        std::vector<Byte> deflated;
        std::uint32_t adler = 1;
        std::size_t filteredSize = 0;
    };
    std::vector<Band> done(std::size_t(bands), Band {});
    std::atomic_int nextBand { 0 };
    const auto work = [&] {
        std::vector<Byte> filtered(std::size_t(bandRows) * (rowBytes + 1));
        for (int band = nextBand++; band < bands; band = nextBand++) {
            const int first = band * bandRows;
            const int end = std::min(height, first + bandRows);
            filterRows(image, rgb, filtered.data(), first, end);
            Band &out = done[std::size_t(band)];
            out.filteredSize = std::size_t(end - first) * (rowBytes + 1);
            out.adler = std::uint32_t(libdeflate_adler32(1, filtered.data(), out.filteredSize));
            out.deflated = RunDeflater::compressBand(filtered.data(), out.filteredSize);
        }
    };
    // Both cores for anything bigger than a few bands.
    std::thread helper;
    if (bands >= 4 && std::thread::hardware_concurrency() > 1)
        helper = std::thread(work);
    work();
    if (helper.joinable())
        helper.join();

    QByteArray header(13, '\0');
    putBigEndian32(header.data(), std::uint32_t(image.width()));
    putBigEndian32(header.data() + 4, std::uint32_t(height));
    header[8] = 8;                    // bit depth
    header[9] = char(rgb ? 2 : 6);    // colour type: RGB or RGBA
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);

    // One IDAT chunk holding the zlib stream: header, the bands' blocks in order, the final block, Adler-32.
    std::vector<Byte> ending;
    RunDeflater::finish(ending);
    std::size_t streamSize = 2 + ending.size() + 4;
    std::uint32_t adler = 1;
    for (const Band &band : done) {
        streamSize += band.deflated.size();
        adler = RunDeflater::combineAdler32(adler, band.adler, band.filteredSize);
    }
    if (streamSize > std::size_t(0x7fffffff))
        return fail(QStringLiteral("The image is too large to encode."));
    const qsizetype idatAt = png.size();
    png.resize(idatAt + 8 + qsizetype(streamSize) + 4);
    char *idat = png.data() + idatAt;
    putBigEndian32(idat, std::uint32_t(streamSize));
    std::memcpy(idat + 4, "IDAT", 4);
    char *at = idat + 8;
    *at++ = char(0x78); // deflate, 32 KiB window
    *at++ = char(0x01); // fastest compression; (0x78 << 8 | 0x01) is a multiple of 31
    for (Band &band : done) {
        std::memcpy(at, band.deflated.data(), band.deflated.size());
        at += band.deflated.size();
        band.deflated = {};
    }
    std::memcpy(at, ending.data(), ending.size());
    at += ending.size();
    putBigEndian32(at, adler);
    putBigEndian32(at + 4, chunkCrc(idat + 4, streamSize));
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
