#include "render/pngchunkreader.h"

#include <libdeflate.h>

#include <cstring>

namespace Cloudcraft::Core {

namespace {

constexpr char signature[] = "\x89PNG\r\n\x1a\n";
constexpr std::uint32_t maxChunkLength = 0x7fffffffu; // the PNG specification's limit

std::uint32_t bigEndian32(const char *p)
{
    const auto *b = reinterpret_cast<const unsigned char *>(p);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
}

std::uint16_t bigEndian16(const char *p)
{
    const auto *b = reinterpret_cast<const unsigned char *>(p);
    return std::uint16_t((b[0] << 8) | b[1]);
}

bool isCritical(const char *type)
{
    return (type[0] & 0x20) == 0;
}

bool validDepth(std::uint8_t colorType, std::uint8_t depth)
{
    switch (colorType) {
    case PngStructure::Grey:
        return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case PngStructure::Palette:
        return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case PngStructure::Rgb:
    case PngStructure::GreyAlpha:
    case PngStructure::Rgba:
        return depth == 8 || depth == 16;
    default:
        return false;
    }
}

using Status = PngChunkReader::Status;
using Result = PngChunkReader::Result;

Result problem(Status status, const char *text)
{
    return Result { status, QString::fromLatin1(text) };
}

} // namespace

int PngStructure::channels() const
{
    switch (colorType) {
    case Rgb:
        return 3;
    case GreyAlpha:
        return 2;
    case Rgba:
        return 4;
    default:
        return 1;
    }
}

std::uint64_t PngStructure::rowBytes() const
{
    return std::uint64_t(width) * std::uint64_t(channels()) * (bitDepth / 8u);
}

Result PngChunkReader::read(const QByteArray &bytes, PngStructure &png, bool headerOnly)
{
    const char *data = bytes.constData();
    const std::size_t size = std::size_t(bytes.size());
    if (size < 8 || std::memcmp(data, signature, 8) != 0)
        return problem(Status::NotPng, "this file is not a PNG image");

    std::size_t offset = 8;
    bool seenHeader = false;
    bool seenPalette = false;
    bool seenData = false;
    bool dataEnded = false; // another chunk came after the IDAT run
    std::size_t dataBytes = 0;
    // Two passes over the chunk list: the first validates and sums the IDAT lengths, the second copies the IDAT
    // payloads into one buffer allocated once.
    std::size_t firstDataChunk = 0;
    bool seenEnd = false;
    while (!seenEnd) {
        if (offset == size && seenData)
            break; // no IEND: every pixel may still be there (browsers show such files); inflate decides
        if (size - offset < 12)
            return problem(Status::Truncated, "the file is truncated");
        const std::uint32_t length = bigEndian32(data + offset);
        const char *type = data + offset + 4;
        if (length > maxChunkLength)
            return problem(Status::Damaged, "a chunk declares an impossible length");
        if (size - offset - 12 < length)
            return problem(Status::Truncated, "the file is truncated");
        for (int i = 0; i < 4; ++i) {
            const char c = type[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
                return problem(Status::Damaged, "a chunk has an invalid name");
        }
        const char *payload = data + offset + 8;
        const bool critical = isCritical(type);
        const std::uint32_t storedCrc = bigEndian32(payload + length);
        const bool crcOk = libdeflate_crc32(libdeflate_crc32(0, type, 4), payload, length) == storedCrc;
        if (!seenHeader) {
            if (std::memcmp(type, "IHDR", 4) != 0 || length != 13)
                return problem(Status::BadHeader, "its header is damaged");
            if (!crcOk)
                return problem(Status::BadHeader, "its header is damaged (CRC mismatch)");
            png.width = bigEndian32(payload);
            png.height = bigEndian32(payload + 4);
            png.bitDepth = std::uint8_t(payload[8]);
            png.colorType = std::uint8_t(payload[9]);
            png.interlace = std::uint8_t(payload[12]);
            if (png.width == 0 || png.height == 0 || png.width > maxChunkLength || png.height > maxChunkLength
                || !validDepth(png.colorType, png.bitDepth) || payload[10] != 0 || payload[11] != 0
                || png.interlace > 1)
                return problem(Status::BadHeader, "its header is damaged");
            png.hasTransparency = png.colorType == PngStructure::GreyAlpha || png.colorType == PngStructure::Rgba;
            for (std::size_t i = 3; i < png.palette.size(); i += 4)
                png.palette[i] = 255; // opaque black
            seenHeader = true;
            if (headerOnly)
                return {};
        } else if (std::memcmp(type, "IDAT", 4) == 0) {
            if (!crcOk)
                return problem(Status::Damaged, "the image data is damaged (CRC mismatch)");
            if (dataEnded)
                return problem(Status::Damaged, "its image data chunks are not consecutive");
            if (png.colorType == PngStructure::Palette && !seenPalette)
                return problem(Status::Damaged, "the palette is missing");
            if (!seenData)
                firstDataChunk = offset;
            seenData = true;
            dataBytes += length;
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            seenEnd = true;
        } else if (std::memcmp(type, "PLTE", 4) == 0) {
            if (!crcOk)
                return problem(Status::Damaged, "the palette is damaged (CRC mismatch)");
            if (seenPalette || seenData || length == 0 || length % 3 != 0 || length > 768)
                return problem(Status::Damaged, "the palette is invalid");
            png.paletteSize = int(length / 3);
            for (int i = 0; i < png.paletteSize; ++i) {
                std::memcpy(&png.palette[std::size_t(4 * i)], payload + 3 * i, 3);
            }
            seenPalette = true;
        } else if (std::memcmp(type, "tRNS", 4) == 0) {
            // Ancillary: a damaged or misplaced tRNS is ignored, as libspng does with SPNG_CRC_DISCARD.
            if (crcOk && !seenData) {
                if (png.colorType == PngStructure::Palette && seenPalette && int(length) <= png.paletteSize) {
                    for (std::uint32_t i = 0; i < length; ++i)
                        png.palette[4 * i + 3] = std::uint8_t(payload[i]);
                    png.hasTransparency = true;
                } else if (png.colorType == PngStructure::Grey && length == 2) {
                    png.colorKey = { bigEndian16(payload), 0, 0 };
                    png.hasColorKey = png.hasTransparency = true;
                } else if (png.colorType == PngStructure::Rgb && length == 6) {
                    png.colorKey = { bigEndian16(payload), bigEndian16(payload + 2), bigEndian16(payload + 4) };
                    png.hasColorKey = png.hasTransparency = true;
                }
            }
        } else if (critical) {
            return problem(Status::Damaged, "it holds an unknown critical chunk");
        }
        if (seenData && std::memcmp(type, "IDAT", 4) != 0)
            dataEnded = true;
        offset += 12 + length;
    }
    if (!seenData)
        return problem(Status::Truncated, "it holds no image data");

    png.zlibStream.resize(qsizetype(dataBytes));
    char *out = png.zlibStream.data();
    for (offset = firstDataChunk; offset + 12 <= size;) {
        const std::uint32_t length = bigEndian32(data + offset);
        if (std::memcmp(data + offset + 4, "IDAT", 4) != 0)
            break;
        std::memcpy(out, data + offset + 8, length);
        out += length;
        offset += 12 + length;
    }
    return {};
}

} // namespace Cloudcraft::Core
