#include "diff/pixeldiff.h"

#include "diff/pixelmatchkernel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

namespace Cloudcraft::Core {

namespace {

using PixelMatch::Plane;

// Half-open interval of x positions [begin, end).
struct Span
{
    int begin = 0;
    int end = 0;
};

struct Geometry
{
    QSize canvas;
    QRect rectA;
    QRect rectB;
    QRect overlap;
};

Geometry layOut(QSize a, QSize b, DiffAlignment alignment)
{
    Geometry g;
    g.canvas = QSize(std::max(a.width(), b.width()), std::max(a.height(), b.height()));
    const auto place = [&](QSize size) {
        if (alignment == DiffAlignment::TopLeft)
            return QRect(QPoint(0, 0), size);
        return QRect(QPoint((g.canvas.width() - size.width()) / 2, (g.canvas.height() - size.height()) / 2), size);
    };
    g.rectA = place(a);
    g.rectB = place(b);
    g.overlap = g.rectA.intersected(g.rectB);
    return g;
}

// Ignore regions as merged x-spans per canvas row, so the hot loop never tests rectangles pixel by pixel.
class IgnoreSpans final
{
public:
    IgnoreSpans(const QList<QRect> &regions, QSize canvas)
    {
        const QRect bounds(QPoint(0, 0), canvas);
        for (const QRect &region : regions) {
            const QRect clipped = region.normalized().intersected(bounds);
            if (!clipped.isEmpty())
                m_rects.push_back(clipped);
        }
    }

    bool isEmpty() const { return m_rects.empty(); }

    void spansForRow(int y, std::vector<Span> &spans) const
    {
        spans.clear();
        for (const QRect &rect : m_rects) {
            if (y >= rect.top() && y <= rect.bottom())
                spans.push_back({rect.left(), rect.right() + 1});
        }
        std::sort(spans.begin(), spans.end(), [](const Span &l, const Span &r) { return l.begin < r.begin; });
        size_t merged = 0;
        for (const Span &span : spans) {
            if (merged > 0 && span.begin <= spans[merged - 1].end)
                spans[merged - 1].end = std::max(spans[merged - 1].end, span.end);
            else
                spans[merged++] = span;
        }
        spans.resize(merged);
    }

private:
    std::vector<QRect> m_rects;
};

// Calls visit(begin, end, ignored) for the pieces of [begin, end) inside and outside the sorted spans.
template<typename Visit>
void splitByIgnored(int begin, int end, const std::vector<Span> &ignored, Visit &&visit)
{
    int x = begin;
    for (const Span &span : ignored) {
        if (span.end <= x)
            continue;
        if (span.begin >= end)
            break;
        if (span.begin > x)
            visit(x, span.begin, false);
        const int stop = std::min(span.end, end);
        visit(std::max(x, span.begin), stop, true);
        x = stop;
    }
    if (x < end)
        visit(x, end, false);
}

struct BandCounts
{
    qint64 mismatch = 0;
    qint64 outside = 0;
    qint64 antiAliased = 0;
    qint64 compared = 0;
    bool cancelled = false;
};

// Whole-pixel stores: one 32-bit write instead of four byte writes in the hottest loop.
void putColor(uchar *pixel, DiffColor color)
{
    const uchar rgba[4] = {color.red, color.green, color.blue, 255};
    std::memcpy(pixel, rgba, sizeof rgba);
}

void putGray(uchar *pixel, quint8 value)
{
    const uchar rgba[4] = {value, value, value, 255};
    std::memcpy(pixel, rgba, sizeof rgba);
}

// Diagrams are mostly flat colour, so the faded grey of the previous source pixel is usually the one needed next;
// remembering it skips the floating-point work for most of an 8K image.
class FadeCache final
{
public:
    explicit FadeCache(double alpha)
        : m_alpha(alpha)
    {
    }

    quint8 operator()(const uchar *pixel)
    {
        quint32 word;
        std::memcpy(&word, pixel, sizeof word);
        if (!m_valid || word != m_word) {
            m_word = word;
            m_value = PixelMatch::fadedGray(pixel, m_alpha);
            m_valid = true;
        }
        return m_value;
    }

private:
    double m_alpha;
    quint32 m_word = 0;
    quint8 m_value = 0;
    bool m_valid = false;
};

// One comparison. Bands of rows run on different threads: inputs are read-only, and each band writes only its own
// rows of the output and its own rows of change-region cells.
class DiffJob final
{
public:
    DiffJob(const PixelDiffOptions &options, const RgbaView &a, const RgbaView &b, const Geometry &geometry,
            uchar *output, qsizetype outputBytesPerLine, ChangeRegions &regions, bool identical, bool inPlace)
        : m_options(options)
        , m_a(a)
        , m_b(b)
        , m_geometry(geometry)
        , m_ignore(options.ignoreRegions, geometry.canvas)
        , m_output(output)
        , m_outputBytesPerLine(outputBytesPerLine)
        , m_regions(regions)
        , m_identical(identical)
        , m_inPlace(inPlace)
        , m_maxDelta(35215 * options.threshold * options.threshold)
        , m_alpha(std::clamp(options.alpha, 0.0, 1.0))
        , m_altColor(options.diffColorAlt.value_or(options.diffColor))
    {
        const QRect &o = geometry.overlap;
        if (!o.isEmpty()) {
            m_planeA = {a.bits + qsizetype(o.top() - geometry.rectA.top()) * a.bytesPerLine
                            + qsizetype(o.left() - geometry.rectA.left()) * 4,
                        a.bytesPerLine};
            m_planeB = {b.bits + qsizetype(o.top() - geometry.rectB.top()) * b.bytesPerLine
                            + qsizetype(o.left() - geometry.rectB.left()) * 4,
                        b.bytesPerLine};
        }
    }

    /// In place (the output is image A's own buffer), `edges` receives the band's first two and last two output
    /// rows, which the neighbouring bands may still read: the caller copies them in with flushEdges() after every
    /// band has finished.
    BandCounts run(int firstRow, int endRow, std::vector<uchar> *edges = nullptr) const
    {
        BandCounts counts;
        std::vector<Span> ignored;
        const size_t rowBytes = size_t(m_geometry.canvas.width()) * 4;
        std::vector<uchar> ring(m_inPlace ? 3 * rowBytes : 0);
        if (m_inPlace)
            edges->assign(4 * rowBytes, 0);
        // Where row y's output goes while rows up to y + 2 may still read A's row y (the anti-aliasing test looks
        // two rows away).
        const auto pending = [&](int y) -> uchar * {
            if (const int slot = edgeSlot(y, firstRow, endRow); slot >= 0)
                return edges->data() + size_t(slot) * rowBytes;
            return ring.data() + size_t(y % 3) * rowBytes;
        };
        for (int y = firstRow; y < endRow; ++y) {
            if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
                counts.cancelled = true;
                break;
            }
            m_ignore.spansForRow(y, ignored);
            processRow(y, ignored, counts, m_inPlace ? pending(y) : outputRow(y));
            // Row y - 2 is read by no later row of this band; the edge rows wait for flushEdges().
            if (m_inPlace && y - 2 >= firstRow && edgeSlot(y - 2, firstRow, endRow) < 0)
                std::memcpy(outputRow(y - 2), pending(y - 2), rowBytes);
        }
        return counts;
    }

    void flushEdges(int firstRow, int endRow, const std::vector<uchar> &edges) const
    {
        const size_t rowBytes = size_t(m_geometry.canvas.width()) * 4;
        for (int y = firstRow; y < endRow; ++y) {
            if (const int slot = edgeSlot(y, firstRow, endRow); slot >= 0 && edges.size() >= 4 * rowBytes)
                std::memcpy(outputRow(y), edges.data() + size_t(slot) * rowBytes, rowBytes);
        }
    }

private:
    // The first two and last two rows of a band: 0-1 and 2-3, or -1 for a row inside the band.
    static int edgeSlot(int y, int firstRow, int endRow)
    {
        if (y - firstRow < 2)
            return y - firstRow;
        if (endRow - y <= 2)
            return 4 - (endRow - y);
        return -1;
    }

    uchar *outputRow(int y) const
    {
        return m_output ? m_output + qsizetype(y) * m_outputBytesPerLine : nullptr;
    }

    static Span rowSpan(const QRect &rect, int y)
    {
        if (y < rect.top() || y > rect.bottom() || rect.isEmpty())
            return {};
        return {rect.left(), rect.right() + 1};
    }

    void processRow(int y, const std::vector<Span> &ignored, BandCounts &counts, uchar *out) const
    {
        const Span inA = rowSpan(m_geometry.rectA, y);
        const Span inB = rowSpan(m_geometry.rectB, y);
        const Span both = rowSpan(m_geometry.overlap, y);
        if (out) {
            const int covered = (inA.end - inA.begin) + (inB.end - inB.begin) - (both.end - both.begin);
            // Pixels that get no colour below must be transparent.
            if (m_options.diffMask || covered < m_geometry.canvas.width())
                std::memset(out, 0, size_t(m_geometry.canvas.width()) * 4);
        }

        if (both.end > both.begin) {
            splitByIgnored(both.begin, both.end, ignored, [&](int begin, int end, bool isIgnored) {
                if (isIgnored) {
                    fadeOverlap(y, begin, end, out);
                } else if (m_identical) {
                    counts.compared += end - begin;
                    fadeOverlap(y, begin, end, out);
                } else {
                    compareOverlap(y, begin, end, out, counts);
                }
            });
        }

        // What only one image has is a change by definition (the diagram grew or shrank there).
        const auto outside = [&](const Span &own, const RgbaView &image, const QRect &rect) {
            // Left and right of the overlap (or the whole own span on rows the other image does not reach).
            const bool crossesOverlap = both.end > both.begin;
            const Span pieces[2] = {crossesOverlap ? Span{own.begin, std::min(own.end, both.begin)} : own,
                                    crossesOverlap ? Span{std::max(own.begin, both.end), own.end} : Span{}};
            for (const Span &piece : pieces) {
                if (piece.end <= piece.begin)
                    continue;
                splitByIgnored(piece.begin, piece.end, ignored, [&](int begin, int end, bool isIgnored) {
                    for (int x = begin; x < end; ++x) {
                        uchar *pixel = out ? out + qsizetype(x) * 4 : nullptr;
                        if (isIgnored) {
                            if (pixel && !m_options.diffMask) {
                                const uchar *source = image.bits + qsizetype(y - rect.top()) * image.bytesPerLine
                                                      + qsizetype(x - rect.left()) * 4;
                                putGray(pixel, PixelMatch::fadedGray(source, m_alpha));
                            }
                            continue;
                        }
                        ++counts.mismatch;
                        ++counts.outside;
                        m_regions.add(x, y);
                        if (pixel)
                            putColor(pixel, m_options.diffColor);
                    }
                });
            }
        };
        outside(inA, m_a, m_geometry.rectA);
        outside(inB, m_b, m_geometry.rectB);
    }

    void fadeOverlap(int y, int begin, int end, uchar *out) const
    {
        if (!out || m_options.diffMask)
            return;
        const int oy = y - m_geometry.overlap.top();
        const int ox = m_geometry.overlap.left();
        FadeCache fade(m_alpha);
        for (int x = begin; x < end; ++x)
            putGray(out + qsizetype(x) * 4, fade(m_planeA.pixel(x - ox, oy)));
    }

    void compareOverlap(int y, int begin, int end, uchar *out, BandCounts &counts) const
    {
        const int width = m_geometry.overlap.width();
        const int height = m_geometry.overlap.height();
        const int oy = y - m_geometry.overlap.top();
        const int ox = m_geometry.overlap.left();
        const bool drawBackground = out && !m_options.diffMask;
        counts.compared += end - begin;
        // Without a background to draw, an unchanged stretch of row needs no per-pixel work at all.
        if (!drawBackground
            && std::memcmp(m_planeA.pixel(begin - ox, oy), m_planeB.pixel(begin - ox, oy), size_t(end - begin) * 4) == 0)
            return;
        FadeCache fade(m_alpha);

        for (int x = begin; x < end; ++x) {
            const int px = x - ox;
            const uchar *pa = m_planeA.pixel(px, oy);
            const uchar *pb = m_planeB.pixel(px, oy);
            uchar *pixel = out ? out + qsizetype(x) * 4 : nullptr;

            if (std::memcmp(pa, pb, 4) == 0) {
                if (drawBackground)
                    putGray(pixel, fade(pa));
                continue;
            }
            const qint64 position = (qint64(oy) * width + px) * 4;
            const double delta = PixelMatch::colorDelta(pa, pb, position, m_options.checkerboard);
            if (!(std::abs(delta) > m_maxDelta)) {
                if (drawBackground)
                    putGray(pixel, fade(pa));
                continue;
            }
            const bool checker = m_options.checkerboard;
            const bool isAntiAliasing = !m_options.includeAA
                                        && (PixelMatch::antialiased(m_planeA, m_planeB, px, oy, width, height, checker)
                                            || PixelMatch::antialiased(m_planeB, m_planeA, px, oy, width, height,
                                                                       checker));
            if (isAntiAliasing) {
                ++counts.antiAliased;
                if (drawBackground)
                    putColor(pixel, m_options.aaColor);
                continue;
            }
            ++counts.mismatch;
            m_regions.add(x, y);
            if (pixel)
                putColor(pixel, delta < 0 ? m_altColor : m_options.diffColor);
        }
    }

    const PixelDiffOptions &m_options;
    RgbaView m_a;
    RgbaView m_b;
    Geometry m_geometry;
    IgnoreSpans m_ignore;
    uchar *m_output;
    qsizetype m_outputBytesPerLine;
    ChangeRegions &m_regions;
    bool m_identical;
    bool m_inPlace; // m_output is image A's own buffer
    double m_maxDelta;
    double m_alpha;
    DiffColor m_altColor;
    Plane m_planeA;
    Plane m_planeB;
};

bool sameBytes(const RgbaView &a, const RgbaView &b)
{
    if (a.width != b.width || a.height != b.height)
        return false;
    const size_t rowBytes = size_t(a.width) * 4;
    for (int y = 0; y < a.height; ++y) {
        if (std::memcmp(a.bits + qsizetype(y) * a.bytesPerLine, b.bits + qsizetype(y) * b.bytesPerLine, rowBytes)
            != 0)
            return false;
    }
    return true;
}

RgbaView normalized(const RgbaView &view)
{
    return view.isEmpty() ? RgbaView{} : view;
}

QString validate(const RgbaView &view)
{
    if (view.width > 0 && view.height > 0 && view.bits == nullptr)
        return QStringLiteral("an image of %1 × %2 pixels has no pixel data").arg(view.width).arg(view.height);
    if (!view.isEmpty() && view.bytesPerLine < qsizetype(view.width) * 4)
        return QStringLiteral("an image row is shorter than its width");
    return {};
}

int bandCount(const PixelDiffOptions &options, const Geometry &geometry, int cellSize)
{
    const int cellRows = (geometry.canvas.height() + cellSize - 1) / cellSize;
    int bands = options.threads;
    if (bands <= 0) {
        // Below about a megapixel a second thread costs more than it saves.
        const qint64 pixels = qint64(geometry.canvas.width()) * geometry.canvas.height();
        const int cores = std::max(1, int(std::thread::hardware_concurrency()));
        bands = pixels >= (qint64(1) << 20) ? std::min(2, cores) : 1;
    }
    return std::clamp(bands, 1, std::max(1, cellRows));
}

PixelDiffResult failure(PixelDiffResult result, PixelDiffError error, const QString &message)
{
    result.error = error;
    result.errorString = message;
    result.diffImage = QImage();
    result.regions.clear();
    return result;
}

} // namespace

PixelDiff::PixelDiff(PixelDiffOptions options)
    : m_options(std::move(options))
{
}

PixelDiffResult PixelDiff::compare(const QImage &a, const QImage &b) const
{
    const auto toRgba = [](const QImage &image, QImage &holder) -> std::optional<RgbaView> {
        if (image.isNull())
            return RgbaView{};
        // RGBX8888 (what PngDecoder gives for opaque PNGs) has the same bytes as RGBA8888 with alpha 255, so an
        // 8K render is read where it lies instead of being copied.
        const bool usable = image.format() == QImage::Format_RGBA8888 || image.format() == QImage::Format_RGBX8888;
        holder = usable ? image : image.convertToFormat(QImage::Format_RGBA8888);
        if (holder.isNull())
            return std::nullopt;
        return RgbaView{holder.constBits(), holder.width(), holder.height(), holder.bytesPerLine()};
    };
    QImage holderA, holderB;
    const std::optional<RgbaView> viewA = toRgba(a, holderA);
    const std::optional<RgbaView> viewB = toRgba(b, holderB);
    if (!viewA || !viewB) {
        PixelDiffResult result;
        result.sizeA = a.size();
        result.sizeB = b.size();
        return failure(result, PixelDiffError::OutOfMemory, QStringLiteral("could not convert an image to RGBA"));
    }
    return compare(*viewA, *viewB);
}

PixelDiffResult PixelDiff::compare(const RgbaView &a, const RgbaView &b) const
{
    return compareViews(a, b, nullptr);
}

PixelDiffResult PixelDiff::compareInto(QImage &&a, const QImage &b) const
{
    const auto readable = [](const QImage &image) {
        return image.format() == QImage::Format_RGBA8888 || image.format() == QImage::Format_RGBX8888;
    };
    if (!m_options.produceDiffImage || a.isNull() || a.size() != b.size() || !readable(a) || !readable(b))
        return compare(a, b);
    QImage target = std::move(a);
    uchar *bits = target.bits(); // detaches (copies) only if someone else still shares the pixels
    if (!bits)
        return compare(target, b);
    const RgbaView viewA{bits, target.width(), target.height(), target.bytesPerLine()};
    const RgbaView viewB{b.constBits(), b.width(), b.height(), b.bytesPerLine()};
    PixelDiffResult result = compareViews(viewA, viewB, bits);
    if (result.ok()) {
        target.reinterpretAsFormat(QImage::Format_RGBA8888); // diffMask leaves transparent pixels
        result.diffImage = std::move(target);
    }
    return result;
}

PixelDiffResult PixelDiff::compareViews(const RgbaView &inputA, const RgbaView &inputB, uchar *inPlace) const
{
    PixelDiffResult result;
    for (const RgbaView *view : {&inputA, &inputB}) {
        if (const QString problem = validate(*view); !problem.isEmpty())
            return failure(result, PixelDiffError::InvalidInput, problem);
    }
    if (std::isnan(m_options.threshold) || std::isnan(m_options.alpha))
        return failure(result, PixelDiffError::InvalidOptions, QStringLiteral("threshold and alpha must be numbers"));

    const RgbaView a = normalized(inputA);
    const RgbaView b = normalized(inputB);
    result.sizeA = QSize(a.width, a.height);
    result.sizeB = QSize(b.width, b.height);
    const Geometry geometry = layOut(result.sizeA, result.sizeB, m_options.alignment);
    result.canvasSize = geometry.canvas;
    result.rectA = geometry.rectA;
    result.rectB = geometry.rectB;
    result.overlap = geometry.overlap;

    const qint64 canvasPixels = qint64(geometry.canvas.width()) * geometry.canvas.height();
    if (geometry.canvas.width() > maxCanvasSide || geometry.canvas.height() > maxCanvasSide
        || canvasPixels > maxCanvasPixels)
        return failure(result, PixelDiffError::TooLarge,
                       QStringLiteral("images of %1 × %2 pixels are too large to compare")
                           .arg(geometry.canvas.width())
                           .arg(geometry.canvas.height()));

    result.identical = sameBytes(a, b);
    if (canvasPixels == 0 || (result.identical && !m_options.produceDiffImage))
        return result;

    uchar *output = nullptr;
    qsizetype outputBytesPerLine = 0;
    if (inPlace) {
        output = inPlace;
        outputBytesPerLine = a.bytesPerLine;
    } else if (m_options.produceDiffImage) {
        result.diffImage = QImage(geometry.canvas, QImage::Format_RGBA8888);
        if (result.diffImage.isNull())
            return failure(result, PixelDiffError::OutOfMemory, QStringLiteral("no memory for the diff image"));
        output = result.diffImage.bits(); // detach once here, never from the worker threads
        outputBytesPerLine = result.diffImage.bytesPerLine();
    }

    ChangeRegions regions(geometry.canvas, m_options.mergeDistance);
    const DiffJob job(m_options, a, b, geometry, output, outputBytesPerLine, regions, result.identical,
                      inPlace != nullptr);

    const int bands = bandCount(m_options, geometry, regions.cellSize());
    const int cellRows = (geometry.canvas.height() + regions.cellSize() - 1) / regions.cellSize();
    const int rowsPerBand = ((cellRows + bands - 1) / bands) * regions.cellSize();
    std::vector<BandCounts> counts(static_cast<size_t>(bands));
    std::vector<std::vector<uchar>> edges(static_cast<size_t>(bands));
    const auto bandRows = [&](int band) {
        const int first = std::min(band * rowsPerBand, geometry.canvas.height());
        return std::make_pair(first, std::min(first + rowsPerBand, geometry.canvas.height()));
    };
    std::vector<std::thread> workers;
    for (int band = 1; band < bands; ++band) {
        const auto [first, end] = bandRows(band);
        workers.emplace_back([&job, &counts, &edges, band, first, end] {
            counts[size_t(band)] = job.run(first, end, &edges[size_t(band)]);
        });
    }
    counts[0] = job.run(0, bandRows(0).second, &edges[0]);
    for (std::thread &worker : workers)
        worker.join();
    if (inPlace) {
        for (int band = 0; band < bands; ++band)
            job.flushEdges(bandRows(band).first, bandRows(band).second, edges[size_t(band)]);
    }

    for (const BandCounts &band : counts) {
        if (band.cancelled)
            return failure(result, PixelDiffError::Cancelled, QStringLiteral("the comparison was cancelled"));
        result.mismatchCount += band.mismatch;
        result.outsideOverlapCount += band.outside;
        result.antiAliasedCount += band.antiAliased;
        result.comparedPixels += band.compared;
    }
    result.regions = regions.regions();
    return result;
}

} // namespace Cloudcraft::Core
