#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>

namespace Cloudcraft::Core {

/// What PngChunkReader learnt from a PNG's chunks: the validated header, the palette with its tRNS alphas, a
/// colour key, and the zlib stream of every IDAT chunk joined together.
struct PngStructure
{
    enum ColorType : std::uint8_t { Grey = 0, Rgb = 2, Palette = 3, GreyAlpha = 4, Rgba = 6 };

    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint8_t bitDepth = 0;
    std::uint8_t colorType = 0;
    std::uint8_t interlace = 0;

    /// The palette as R G B A bytes (A from tRNS, else 255); entries past paletteSize are opaque black.
    std::array<std::uint8_t, 4 * 256> palette {};
    int paletteSize = 0;
    /// tRNS for grey and RGB images: the one colour that is fully transparent (16-bit samples as in the file).
    bool hasColorKey = false;
    std::array<std::uint16_t, 3> colorKey {};
    bool hasTransparency = false; ///< an alpha channel or a tRNS chunk

    QByteArray zlibStream;

    int channels() const;
    /// Bytes of one unfiltered row (without its filter byte); only for bit depths 8 and 16.
    std::uint64_t rowBytes() const;
};

/// Walks the chunks of a PNG held in memory with strict checks: signature, IHDR first and valid, every critical
/// chunk's CRC-32, PLTE before IDAT, IDAT chunks consecutive, lengths inside the file. Ancillary chunks other than
/// tRNS are skipped (an ancillary chunk with a bad CRC is ignored, as libspng does). Thread-safe, stateless.
class PngChunkReader final
{
public:
    enum class Status { Ok, NotPng, BadHeader, Truncated, Damaged };
    struct Result
    {
        Status status = Status::Ok;
        QString problem; ///< the end of a sentence: "a chunk's CRC does not match"
    };

    /// Fills `structure` from `bytes`. With `headerOnly` it stops after IHDR (no IDAT copy).
    static Result read(const QByteArray &bytes, PngStructure &structure, bool headerOnly = false);
};

} // namespace Cloudcraft::Core
