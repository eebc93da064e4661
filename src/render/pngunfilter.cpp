#include "render/pngunfilter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Cloudcraft::Core::PngFilter {

namespace {

using Byte = std::uint8_t;

// Every loop below reads in[i] before writing out[i] and walks forward, so `out` may sit at or below `in` in one
// buffer (see the header).

inline Byte paethPredictor(int a, int b, int c)
{
    const int pa = std::abs(b - c);
    const int pb = std::abs(a - c);
    const int pc = std::abs(a + b - 2 * c);
    if (pa <= pb && pa <= pc)
        return Byte(a);
    return Byte(pb <= pc ? b : c);
}

void unfilterUp(Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: the whole chunk is loaded before it is stored, which keeps in-place decoding safe.
    for (; i + 16 <= rowBytes; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(previous + i));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_add_epi8(x, b));
    }
#endif
    for (; i < rowBytes; ++i)
        out[i] = Byte(in[i] + previous[i]);
}

template<int Bpp>
void unfilterSub(Byte *out, const Byte *in, std::size_t rowBytes)
{
    for (std::size_t i = 0; i < std::size_t(Bpp) && i < rowBytes; ++i)
        out[i] = in[i];
    for (std::size_t i = Bpp; i < rowBytes; ++i)
        out[i] = Byte(in[i] + out[i - Bpp]);
}

template<>
void unfilterSub<4>(Byte *out, const Byte *in, std::size_t rowBytes)
{
    // One pixel per step as a 32-bit word; the four byte sums are kept from carrying into each other.
    std::uint32_t left = 0;
    for (std::size_t i = 0; i < rowBytes; i += 4) {
        std::uint32_t x;
        std::memcpy(&x, in + i, 4);
        const std::uint32_t low = (x & 0x7f7f7f7fu) + (left & 0x7f7f7f7fu);
        left = low ^ ((x ^ left) & 0x80808080u);
        std::memcpy(out + i, &left, 4);
    }
}

template<int Bpp>
void unfilterAverage(Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    if (!previous) {
        for (std::size_t i = 0; i < std::size_t(Bpp) && i < rowBytes; ++i)
            out[i] = in[i];
        for (std::size_t i = Bpp; i < rowBytes; ++i)
            out[i] = Byte(in[i] + (out[i - Bpp] >> 1));
        return;
    }
    for (std::size_t i = 0; i < std::size_t(Bpp) && i < rowBytes; ++i)
        out[i] = Byte(in[i] + (previous[i] >> 1));
    for (std::size_t i = Bpp; i < rowBytes; ++i)
        out[i] = Byte(in[i] + ((out[i - Bpp] + previous[i]) >> 1));
}

template<int Bpp>
void unfilterPaeth(Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    for (std::size_t i = 0; i < std::size_t(Bpp) && i < rowBytes; ++i)
        out[i] = Byte(in[i] + previous[i]); // left and upper-left are 0: the predictor is the byte above
    for (std::size_t i = Bpp; i < rowBytes; ++i)
        out[i] = Byte(in[i] + paethPredictor(out[i - Bpp], previous[i], previous[i - Bpp]));
}

#if defined(__SSE2__)
inline __m128i loadPixel(const Byte *p)
{
    std::int32_t value;
    std::memcpy(&value, p, 4);
    return _mm_unpacklo_epi8(_mm_cvtsi32_si128(value), _mm_setzero_si128());
}

inline void storePixel(Byte *p, __m128i wide)
{
    const std::int32_t value = _mm_cvtsi128_si32(_mm_packus_epi16(wide, wide));
    std::memcpy(p, &value, 4);
}

inline __m128i absolute16(__m128i x)
{
    return _mm_max_epi16(x, _mm_sub_epi16(_mm_setzero_si128(), x));
}

inline __m128i select(__m128i mask, __m128i ifSet, __m128i otherwise)
{
    return _mm_or_si128(_mm_and_si128(mask, ifSet), _mm_andnot_si128(mask, otherwise));
}

// Paeth for RGBA rows, one pixel per step in 16-bit lanes: the three distances and the choice of predictor are
// computed for all four channels at once, without branches.
template<>
void unfilterPaeth<4>(Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    __m128i a = _mm_setzero_si128(); // left
    __m128i c = _mm_setzero_si128(); // upper left
    const __m128i byteMask = _mm_set1_epi16(0xff);
    for (std::size_t i = 0; i < rowBytes; i += 4) {
        const __m128i b = loadPixel(previous + i);
        const __m128i x = loadPixel(in + i);
        const __m128i p = _mm_sub_epi16(b, c);
        const __m128i q = _mm_sub_epi16(a, c);
        const __m128i pa = absolute16(p);
        const __m128i pb = absolute16(q);
        const __m128i pc = absolute16(_mm_add_epi16(p, q));
        const __m128i smallest = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
        __m128i predictor = select(_mm_cmpeq_epi16(pb, smallest), b, c);
        predictor = select(_mm_cmpeq_epi16(pa, smallest), a, predictor);
        a = _mm_and_si128(_mm_add_epi16(x, predictor), byteMask);
        storePixel(out + i, a);
        c = b;
    }
}

template<>
void unfilterAverage<4>(Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    if (!previous) {
        for (std::size_t i = 0; i < rowBytes; ++i)
            out[i] = Byte(in[i] + ((i >= 4 ? out[i - 4] : 0) >> 1));
        return;
    }
    __m128i a = _mm_setzero_si128();
    const __m128i byteMask = _mm_set1_epi16(0xff);
    for (std::size_t i = 0; i < rowBytes; i += 4) {
        const __m128i b = loadPixel(previous + i);
        const __m128i x = loadPixel(in + i);
        a = _mm_and_si128(_mm_add_epi16(x, _mm_srli_epi16(_mm_add_epi16(a, b), 1)), byteMask);
        storePixel(out + i, a);
    }
}
#endif

template<int Bpp>
bool unfilter(Byte type, Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes)
{
    switch (type) {
    case None:
        if (out != in)
            std::memmove(out, in, rowBytes);
        return true;
    case Sub:
        unfilterSub<Bpp>(out, in, rowBytes);
        return true;
    case Up:
        if (previous)
            unfilterUp(out, in, previous, rowBytes);
        else if (out != in)
            std::memmove(out, in, rowBytes);
        return true;
    case Average:
        unfilterAverage<Bpp>(out, in, previous, rowBytes);
        return true;
    case Paeth:
        // Without a row above, Paeth predicts from the left neighbour only: the Sub filter.
        if (previous)
            unfilterPaeth<Bpp>(out, in, previous, rowBytes);
        else
            unfilterSub<Bpp>(out, in, rowBytes);
        return true;
    default:
        return false;
    }
}

} // namespace

bool unfilterRow(Byte type, Byte *out, const Byte *in, const Byte *previous, std::size_t rowBytes, int bytesPerPixel)
{
    switch (bytesPerPixel) {
    case 1:
        return unfilter<1>(type, out, in, previous, rowBytes);
    case 2:
        return unfilter<2>(type, out, in, previous, rowBytes);
    case 3:
        return unfilter<3>(type, out, in, previous, rowBytes);
    case 4:
        return unfilter<4>(type, out, in, previous, rowBytes);
    default:
        return false;
    }
}

void filterRow(Byte type, Byte *out, const Byte *row, const Byte *previous, std::size_t rowBytes, int bytesPerPixel)
{
    const std::size_t bpp = std::min(std::size_t(bytesPerPixel), rowBytes);
    Byte *__restrict o = out;
    const Byte *__restrict r = row;
    const Byte *__restrict p = previous;
    switch (type) {
    case Sub:
        std::memcpy(o, r, bpp);
        for (std::size_t i = bpp; i < rowBytes; ++i)
            o[i] = Byte(r[i] - r[i - bpp]);
        return;
    case Up:
        if (!p) {
            std::memcpy(o, r, rowBytes);
            return;
        }
        for (std::size_t i = 0; i < rowBytes; ++i)
            o[i] = Byte(r[i] - p[i]);
        return;
    case Average:
        for (std::size_t i = 0; i < rowBytes; ++i)
            o[i] = Byte(r[i] - (((i >= bpp ? r[i - bpp] : 0) + (p ? p[i] : 0)) >> 1));
        return;
    case Paeth:
        for (std::size_t i = 0; i < rowBytes; ++i) {
            const int a = i >= bpp ? r[i - bpp] : 0;
            const int b = p ? p[i] : 0;
            const int c = p && i >= bpp ? p[i - bpp] : 0;
            o[i] = Byte(r[i] - paethPredictor(a, b, c));
        }
        return;
    default:
        std::memcpy(o, r, rowBytes);
        return;
    }
}

} // namespace Cloudcraft::Core::PngFilter
