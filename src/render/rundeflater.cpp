#include "render/rundeflater.h"

#include <array>
#include <cstring>

namespace Cloudcraft::Core {

namespace {

using Byte = std::uint8_t;

// A Huffman code is sent most significant bit first inside an LSB-first bit stream (RFC 1951, 3.1.1).
std::uint32_t reversed(std::uint32_t code, int length)
{
    std::uint32_t out = 0;
    for (int i = 0; i < length; ++i, code >>= 1)
        out = (out << 1) | (code & 1u);
    return out;
}

struct Code
{
    std::uint32_t bits = 0; // already reversed, extra bits included
    int length = 0;
};

// The fixed literal/length code (RFC 1951, 3.2.6).
Code fixedCode(int symbol)
{
    if (symbol < 144)
        return { reversed(std::uint32_t(0x30 + symbol), 8), 8 };
    if (symbol < 256)
        return { reversed(std::uint32_t(0x190 + symbol - 144), 9), 9 };
    if (symbol < 280)
        return { reversed(std::uint32_t(symbol - 256), 7), 7 };
    return { reversed(std::uint32_t(0xc0 + symbol - 280), 8), 8 };
}

struct Tables
{
    std::array<Code, 256> literal {};
    // A whole distance-1 match of each length 3..258: length symbol, its extra bits, then distance code 0 (five
    // zero bits).
    std::array<Code, 259> match {};

    Tables()
    {
        for (int v = 0; v < 256; ++v)
            literal[std::size_t(v)] = fixedCode(v);
        static constexpr int base[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
            83, 99, 115, 131, 163, 195, 227, 258 };
        static constexpr int extra[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5,
            5, 5, 5, 0 };
        for (int length = 3; length <= 258; ++length) {
            int index = 28;
            while (base[index] > length)
                --index;
            const Code symbol = fixedCode(257 + index);
            Code code = symbol;
            code.bits |= std::uint32_t(length - base[index]) << code.length;
            code.length += extra[index];
            code.length += 5; // distance code 0 = distance 1, no extra bits
            match[std::size_t(length)] = code;
        }
    }
};

const Tables &tables()
{
    static const Tables instance;
    return instance;
}

class BitWriter final
{
public:
    explicit BitWriter(std::vector<Byte> &out)
        : m_out(out)
    {
    }

    void put(std::uint32_t bits, int length)
    {
        m_buffer |= std::uint64_t(bits) << m_count;
        m_count += length;
        if (m_count >= 32) {
            const Byte bytes[4] = { Byte(m_buffer), Byte(m_buffer >> 8), Byte(m_buffer >> 16), Byte(m_buffer >> 24) };
            m_out.insert(m_out.end(), bytes, bytes + 4);
            m_buffer >>= 32;
            m_count -= 32;
        }
    }

    /// Pads with zero bits to a byte boundary and writes out everything.
    void alignAndFlush()
    {
        while (m_count > 0) {
            m_out.push_back(Byte(m_buffer));
            m_buffer >>= 8;
            m_count = m_count > 8 ? m_count - 8 : 0;
        }
        m_buffer = 0;
    }

private:
    std::vector<Byte> &m_out;
    std::uint64_t m_buffer = 0;
    int m_count = 0;
};

// How many bytes from `from` (up to `limit`) equal `value`, eight at a time.
std::size_t runLength(const Byte *from, std::size_t limit, Byte value)
{
    const std::uint64_t pattern = 0x0101010101010101ull * value;
    std::size_t n = 0;
    while (n + 8 <= limit) {
        std::uint64_t word;
        std::memcpy(&word, from + n, 8);
        const std::uint64_t differ = word ^ pattern;
        if (differ)
            return n + std::size_t(__builtin_ctzll(differ) / 8); // little-endian: the lowest byte comes first
        n += 8;
    }
    while (n < limit && from[n] == value)
        ++n;
    return n;
}

} // namespace

std::vector<Byte> RunDeflater::compressBand(const Byte *data, std::size_t size)
{
    const Tables &t = tables();
    std::vector<Byte> out;
    out.reserve(size / 8 + 64);
    BitWriter bits(out);
    bits.put(0b010, 3); // BFINAL = 0, BTYPE = 01 (fixed Huffman)
    std::size_t i = 0;
    while (i < size) {
        const Byte value = data[i];
        const Code &literal = t.literal[value];
        bits.put(literal.bits, literal.length);
        ++i;
        std::size_t run = runLength(data + i, size - i, value);
        while (run >= 3) {
            const std::size_t length = run < 258 ? run : 258;
            const Code &match = t.match[length];
            bits.put(match.bits, match.length);
            run -= length;
            i += length;
        }
    }
    const Code endOfBlock = fixedCode(256);
    bits.put(endOfBlock.bits, endOfBlock.length);
    bits.put(0b000, 3); // an empty stored block: BFINAL = 0, BTYPE = 00, then LEN = 0, NLEN = 0xffff, aligned
    bits.alignAndFlush();
    const Byte stored[4] = { 0x00, 0x00, 0xff, 0xff };
    out.insert(out.end(), stored, stored + 4);
    return out;
}

void RunDeflater::finish(std::vector<Byte> &out)
{
    // BFINAL = 1, BTYPE = 01, end-of-block (seven zero bits): 10 bits, padded to two bytes.
    out.push_back(0x03);
    out.push_back(0x00);
}

std::uint32_t RunDeflater::combineAdler32(std::uint32_t adlerA, std::uint32_t adlerB, std::size_t lengthB)
{
    constexpr std::uint64_t base = 65521;
    const std::uint64_t remainder = lengthB % base;
    std::uint64_t sum1 = adlerA & 0xffff;
    std::uint64_t sum2 = (remainder * sum1) % base;
    sum1 += (adlerB & 0xffff) + base - 1;
    sum2 += ((adlerA >> 16) & 0xffff) + ((adlerB >> 16) & 0xffff) + base - remainder;
    sum1 %= base;
    sum2 %= base;
    return std::uint32_t(sum1 | (sum2 << 16));
}

} // namespace Cloudcraft::Core
