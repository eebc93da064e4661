#include "render/svgrasterizer.h"

#include <QByteArrayView>
#include <QLocale>

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace Cloudcraft::Core {

namespace {

// Small RAII owners for the GLib/cairo objects; the function forms (g_object_unref takes a gpointer) avoid the
// C casts hidden in GLib's macros.
struct GObjectUnref
{
    void operator()(void *object) const { g_object_unref(object); }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GErrorFree
{
    void operator()(GError *error) const { g_error_free(error); }
};
using GErrorPtr = std::unique_ptr<GError, GErrorFree>;

struct CairoSurfaceDestroy
{
    void operator()(cairo_surface_t *surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy
{
    void operator()(cairo_t *cairo) const { cairo_destroy(cairo); }
};

QString unreadable(const QString &why)
{
    return QStringLiteral("This SVG could not be read: ") + why;
}

QString invalidSvg(const QString &why)
{
    return unreadable(QStringLiteral("invalid SVG (") + why + QStringLiteral(")."));
}

QString gerrorText(const GErrorPtr &error)
{
    return error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown error");
}

// The XML declaration's encoding, lower case; empty when there is none (UTF-8 by default).
QByteArray declaredEncoding(QByteArrayView svg)
{
    if (!svg.startsWith("<?xml"))
        return {};
    const qsizetype end = svg.indexOf("?>");
    const QByteArrayView declaration = svg.first(end < 0 ? svg.size() : end);
    const qsizetype at = declaration.indexOf("encoding");
    if (at < 0)
        return {};
    qsizetype i = at + 8;
    while (i < declaration.size() && (declaration[i] == ' ' || declaration[i] == '=' || declaration[i] == '\t'))
        ++i;
    if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\''))
        return QByteArrayLiteral("?");
    const char quote = declaration[i];
    const qsizetype close = declaration.indexOf(quote, i + 1);
    if (close < 0)
        return QByteArrayLiteral("?");
    return declaration.sliced(i + 1, close - i - 1).toByteArray().toLower();
}

// True when a <!DOCTYPE ...> has an internal subset ("[" outside quotes before the closing ">").
bool hasInternalSubset(QByteArrayView svg)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = svg.indexOf("<!DOCTYPE", from);
        if (at < 0)
            return false;
        char quote = 0;
        for (qsizetype i = at + 9; i < svg.size(); ++i) {
            const char c = svg[i];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return true;
            } else if (c == '>') {
                break;
            }
        }
        from = at + 9;
    }
}

struct LoadedHandle
{
    GObjectPtr<RsvgHandle> handle;
    QString error;
};

LoadedHandle loadHandle(const QByteArray &svg, double dpi)
{
    LoadedHandle result;
    if (QString refusal = SvgRasterizer::screen(svg); !refusal.isEmpty()) {
        result.error = refusal;
        return result;
    }
    // No base file or URL is ever set: librsvg then refuses every reference that is not a data: URL, so an SVG
    // cannot make us read a local file or open a connection. RSVG_HANDLE_FLAG_UNLIMITED stays off to keep
    // librsvg's element and nesting limits.
    GObjectPtr<RsvgHandle> handle(rsvg_handle_new_with_flags(RSVG_HANDLE_FLAGS_NONE));
    if (!handle) {
        result.error = unreadable(QStringLiteral("out of memory."));
        return result;
    }
    rsvg_handle_set_dpi(handle.get(), dpi);
    // The bytes outlive the stream (both die in this function's caller scope), so no copy is needed.
    GBytes *bytes = g_bytes_new_static(svg.constData(), gsize(svg.size()));
    GObjectPtr<GInputStream> stream(g_memory_input_stream_new_from_bytes(bytes));
    g_bytes_unref(bytes);
    GError *rawError = nullptr;
    const gboolean read = rsvg_handle_read_stream_sync(handle.get(), stream.get(), nullptr, &rawError);
    GErrorPtr error(rawError);
    if (!read) {
        result.error = unreadable(gerrorText(error) + u'.');
        return result;
    }
    result.handle = std::move(handle);
    return result;
}

std::optional<QSizeF> documentSize(RsvgHandle *handle)
{
    gdouble width = 0;
    gdouble height = 0;
    if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && width > 0 && height > 0)
        return QSizeF(width, height);
    // width/height missing or in percent: fall back to the viewBox, as browsers do for a standalone document.
    gboolean hasViewBox = FALSE;
    RsvgRectangle viewBox {};
    rsvg_handle_get_intrinsic_dimensions(handle, nullptr, nullptr, nullptr, nullptr, &hasViewBox, &viewBox);
    if (hasViewBox && viewBox.width > 0 && viewBox.height > 0)
        return QSizeF(viewBox.width, viewBox.height);
    // Last resort: the extent of what is drawn.
    RsvgRectangle ink {};
    RsvgRectangle logical {};
    if (rsvg_handle_get_geometry_for_element(handle, nullptr, &ink, &logical, nullptr) && logical.width > 0
        && logical.height > 0)
        return QSizeF(logical.x + logical.width, logical.y + logical.height);
    return std::nullopt;
}

QSize sizeForDisplay(QSizeF size)
{
    const auto bound = [](double v) {
        return std::isfinite(v) ? int(std::clamp(std::ceil(v), 0.0, double(std::numeric_limits<int>::max()))) : 0;
    };
    return QSize(bound(size.width()), bound(size.height()));
}

} // namespace

SvgRasterizer::SvgRasterizer(ImageLimits limits, double dpi)
    : m_limits(limits)
    , m_dpi(dpi)
{ }

QString SvgRasterizer::screen(const QByteArray &svg)
{
    QByteArrayView view(svg);
    if (view.trimmed().isEmpty())
        return invalidSvg(QStringLiteral("the document is empty"));
    // Only UTF-8 (or its ASCII subset): in UTF-16 or UTF-7 the entity check below could be dodged.
    if (view.startsWith("\xFE\xFF") || view.startsWith("\xFF\xFE") || view.contains('\0'))
        return invalidSvg(QStringLiteral("only UTF-8 documents are accepted"));
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    const QByteArray encoding = declaredEncoding(view.trimmed());
    if (!encoding.isEmpty() && encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii"
        && encoding != "ascii")
        return invalidSvg(QStringLiteral("only UTF-8 documents are accepted"));
    // Entity declarations are how "billion laughs" and external-entity (XXE) attacks work; a diagram never
    // needs them. A plain <!DOCTYPE svg PUBLIC ...>, as Cloudcraft writes, is fine.
    if (QByteArray(view.data(), view.size()).toUpper().contains("<!ENTITY") || hasInternalSubset(view))
        return invalidSvg(QStringLiteral("it declares XML entities, which are refused for safety"));
    return {};
}

std::optional<QSizeF> SvgRasterizer::intrinsicSize(const QByteArray &svg, QString *error) const
{
    const LoadedHandle loaded = loadHandle(svg, m_dpi);
    if (!loaded.handle) {
        if (error)
            *error = loaded.error;
        return std::nullopt;
    }
    const std::optional<QSizeF> size = documentSize(loaded.handle.get());
    if (!size && error)
        *error = unreadable(QStringLiteral("the document has no size."));
    return size;
}

DiagramImage SvgRasterizer::render(const QByteArray &svg, RenderSize size) const
{
    const auto fail = [](const QString &message) { return DiagramImage::failure(ImageFormat::Svg, message); };

    const LoadedHandle loaded = loadHandle(svg, m_dpi);
    if (!loaded.handle)
        return fail(loaded.error);
    RsvgHandle *handle = loaded.handle.get();

    const std::optional<QSizeF> intrinsic = documentSize(handle);
    if (!intrinsic || !std::isfinite(intrinsic->width()) || !std::isfinite(intrinsic->height()))
        return fail(unreadable(QStringLiteral("the document has no usable size.")));
    const QSizeF requested = size.apply(*intrinsic);
    bool clamped = false;
    const QSize pixels = m_limits.clamp(requested, &clamped);
    if (pixels.isEmpty())
        return fail(unreadable(QStringLiteral("the requested size is empty.")));

    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return fail(unreadable(
            QStringLiteral("not enough memory for %1 × %2 pixels.").arg(pixels.width()).arg(pixels.height())));
    image.fill(Qt::transparent);

    // Both formats are premultiplied 32-bit ARGB in native byte order, so cairo can draw into the QImage's bits.
    static_assert(CAIRO_FORMAT_ARGB32 == 0, "cairo ARGB32 is premultiplied native-endian ARGB");
    std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy> surface(cairo_image_surface_create_for_data(
        image.bits(), CAIRO_FORMAT_ARGB32, pixels.width(), pixels.height(), int(image.bytesPerLine())));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return fail(unreadable(QString::fromUtf8(cairo_status_to_string(cairo_surface_status(surface.get()))) + u'.'));
    std::unique_ptr<cairo_t, CairoDestroy> cairo(cairo_create(surface.get()));

    // The viewport is the exact (fractional) size asked for, anchored at the top left: fitting the document into
    // the rounded-up pixel size instead would centre it with a sub-pixel offset and blur every edge.
    const double fit
        = clamped ? std::min(pixels.width() / requested.width(), pixels.height() / requested.height()) : 1.0;
    const RsvgRectangle viewport { 0.0, 0.0, requested.width() * fit, requested.height() * fit };
    GError *rawError = nullptr;
    const gboolean drawn = rsvg_handle_render_document(handle, cairo.get(), &viewport, &rawError);
    GErrorPtr error(rawError);
    cairo.reset();
    cairo_surface_flush(surface.get());
    surface.reset();
    if (!drawn)
        return fail(unreadable(gerrorText(error) + u'.'));

    DiagramImage result;
    result.image = std::move(image);
    result.format = ImageFormat::Svg;
    result.intrinsicSize = sizeForDisplay(*intrinsic);
    result.requestedSize = sizeForDisplay(requested);
    result.clamped = clamped;
    if (clamped) {
        result.clampNote
            = QStringLiteral("The SVG asks for %1 × %2 pixels; shown at %3 × %4 (limit %5 pixels a side, %6 MiB).")
                  .arg(QLocale::c().toString(requested.width(), 'g', 4),
                      QLocale::c().toString(requested.height(), 'g', 4))
                  .arg(pixels.width())
                  .arg(pixels.height())
                  .arg(m_limits.maxSide)
                  .arg(m_limits.maxBytes / (1024 * 1024));
    }
    return result;
}

} // namespace Cloudcraft::Core
