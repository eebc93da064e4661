#pragma once

#include <cstddef>
#include <cstdint>

namespace Cloudcraft::Core::PngFilter {

/// The five PNG row filters (PNG specification, section 9).
enum Type : std::uint8_t { None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4 };

/// Reverses one row's filter: writes `rowBytes` bytes to `out` from the filtered bytes `in` and the previous
/// unfiltered row `previous` (nullptr for the first row: a row of zeros). `bytesPerPixel` is 1 to 4.
/// `out` may equal `in` or lie below it in the same buffer (in-place decoding): every byte is read before the bytes
/// at lower addresses that follow it are written. Returns false for an unknown filter type.
bool unfilterRow(
    std::uint8_t type, std::uint8_t *out, const std::uint8_t *in, const std::uint8_t *previous, std::size_t rowBytes,
    int bytesPerPixel);

/// Filters one row for encoding (the inverse of unfilterRow): `out` must not overlap `row` or `previous`.
void filterRow(
    std::uint8_t type, std::uint8_t *out, const std::uint8_t *row, const std::uint8_t *previous, std::size_t rowBytes,
    int bytesPerPixel);

} // namespace Cloudcraft::Core::PngFilter
