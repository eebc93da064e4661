#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Cloudcraft::Core {

/// A deliberately simple DEFLATE encoder for filtered PNG rows of flat images such as diff images: every run of one
/// repeated byte becomes distance-1 matches, everything else a literal, all with the fixed Huffman codes. It reads
/// each byte once and needs no hash tables, so it runs at memory speed, and bands of rows compress on different
/// threads: each band ends byte-aligned (an empty stored block, as zlib's sync flush does), so the pieces are simply
/// concatenated. Files come out somewhat larger than zlib's for photographs, about the same for diagrams.
class RunDeflater final
{
public:
    /// The raw DEFLATE blocks of one band (never final; byte-aligned at the end).
    static std::vector<std::uint8_t> compressBand(const std::uint8_t *data, std::size_t size);

    /// Appends the final empty block that ends the DEFLATE stream (two bytes).
    static void finish(std::vector<std::uint8_t> &out);

    /// Adler-32 of A followed by B, from the checksums of each and B's length (as zlib's adler32_combine).
    static std::uint32_t combineAdler32(std::uint32_t adlerA, std::uint32_t adlerB, std::size_t lengthB);
};

} // namespace Cloudcraft::Core
