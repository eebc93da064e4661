#include "compare/compositeexporter.h"

#include "util/atomicwrite.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageWriter>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cloudcraft::Core::CompositeExporter", text);
}

const QColor ink(31, 41, 55);
const QColor mutedInk(90, 98, 110);
const QColor titleBand(31, 41, 55);
const QColor panelFrame(200, 205, 212);

/// Everything the composite shows, measured once for one width, so the PNG and the PDF lay out alike.
struct Layout
{
    int width = 0;
    int margin = 0;
    int titleHeight = 0;
    int captionHeight = 0;
    int footerHeight = 0;
    int textPx = 0;
    int titlePx = 0;
    QList<QImage> panels;     ///< scaled pictures, left to right
    QStringList panelTitles;  ///< "Before", "After", "Difference"
    QStringList panelLabels;  ///< label · time
    int panelWidth = 0;
    int panelHeight = 0;

    int height() const { return titleHeight + margin + captionHeight + panelHeight + margin + footerHeight; }
};

QString sideCaption(const CompareSide &side)
{
    const QString time = side.takenAt.isValid()
                             ? QLocale::c().toString(side.takenAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                             : tr("time unknown");
    return QStringLiteral("%1 · %2").arg(side.label.isEmpty() ? tr("(unnamed)") : side.label, time);
}

/// Both sides share one scale (the canvas's), so what is the same size in the diagrams stays the same size here.
QImage scaledToCanvas(const QImage &image, double scale)
{
    if (image.isNull())
        return {};
    const QSize size(std::max(1, int(std::lround(image.width() * scale))),
                     std::max(1, int(std::lround(image.height() * scale))));
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

std::optional<Layout> measure(const CompareSide &before, const CompareSide &after, const CompareResult &result,
                              const CompositeOptions &options)
{
    if (options.width < CompositeExporter::MinWidth || options.width > CompositeExporter::MaxWidth)
        return std::nullopt;
    const QSize canvas = result.canvas.isEmpty() ? before.image.size().expandedTo(after.image.size()) : result.canvas;
    if (canvas.isEmpty())
        return std::nullopt;
    Layout layout;
    layout.width = options.width;
    layout.margin = std::max(8, options.width / 64);
    layout.textPx = std::max(11, options.width / 90);
    layout.titlePx = std::max(16, options.width / 45);
    layout.titleHeight = layout.titlePx * 2 + layout.margin;
    layout.captionHeight = layout.textPx * 4;
    layout.footerHeight = layout.textPx * 6;

    const bool sideBySide = options.layout == CompositeOptions::SideBySide;
    const int columns = sideBySide ? 2 : 1;
    layout.panelWidth = (options.width - layout.margin * (columns + 1)) / columns;
    const double scale = double(layout.panelWidth) / canvas.width();
    layout.panelHeight = std::max(1, int(std::lround(canvas.height() * scale)));
    // A very tall pair would make an endless slide: cap the height at three widths.
    if (layout.panelHeight > options.width * 3)
        return std::nullopt;
    if (sideBySide) {
        layout.panels = {scaledToCanvas(before.image, scale), scaledToCanvas(after.image, scale)};
        layout.panelTitles = {tr("Before"), tr("After")};
        layout.panelLabels = {sideCaption(before), sideCaption(after)};
    } else {
        layout.panels = {scaledToCanvas(result.difference.isNull() ? after.image : result.difference, scale)};
        layout.panelTitles = {tr("Changes")};
        layout.panelLabels = {tr("%1  →  %2").arg(sideCaption(before), sideCaption(after))};
    }
    return layout;
}

QFont fontOf(int pixelSize, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

QString countsText(const CompareResult &result)
{
    const QLocale locale = QLocale::c();
    QString text;
    if (!result.ok())
        text = result.error;
    else if (result.differentPixels == 0)
        text = tr("No pixel changed.");
    else
        text = tr("%1 pixels changed (%2 %) in %3 region(s)")
                   .arg(locale.toString(result.differentPixels), locale.toString(result.differentRatio * 100.0, 'f', 3))
                   .arg(result.regions.size());
    if (result.sizeChanged)
        text += tr(" · size changed");
    if (result.structure) {
        const InventoryCounts &totals = result.structure->totals;
        text += tr(" · resources: %1 added, %2 removed, %3 changed")
                    .arg(totals.added)
                    .arg(totals.removed)
                    .arg(totals.changed);
    }
    return text;
}

void paint(QPainter &painter, const Layout &layout, const CompareResult &result, const CompositeOptions &options)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.fillRect(QRect(0, 0, layout.width, layout.height()), Qt::white);

    // Title band.
    const QRect band(0, 0, layout.width, layout.titleHeight);
    painter.fillRect(band, titleBand);
    painter.setPen(Qt::white);
    painter.setFont(fontOf(layout.titlePx, true));
    const QString title = options.title.isEmpty() ? tr("Compare") : options.title;
    painter.drawText(band.adjusted(layout.margin, 0, -layout.margin, 0), Qt::AlignVCenter | Qt::AlignLeft,
                     painter.fontMetrics().elidedText(title, Qt::ElideRight, band.width() - 2 * layout.margin));

    // Panels with their captions.
    int x = layout.margin;
    const int captionTop = layout.titleHeight + layout.margin;
    const int panelTop = captionTop + layout.captionHeight;
    for (qsizetype i = 0; i < layout.panels.size(); ++i) {
        const QRect caption(x, captionTop, layout.panelWidth, layout.captionHeight);
        painter.setPen(ink);
        painter.setFont(fontOf(int(layout.textPx * 1.3), true));
        painter.drawText(caption.adjusted(0, 0, 0, -layout.captionHeight / 2), Qt::AlignBottom | Qt::AlignLeft,
                         layout.panelTitles.value(i));
        painter.setPen(mutedInk);
        painter.setFont(fontOf(layout.textPx));
        painter.drawText(caption.adjusted(0, layout.captionHeight / 2, 0, 0), Qt::AlignTop | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(layout.panelLabels.value(i), Qt::ElideMiddle,
                                                          layout.panelWidth));
        const QImage &picture = layout.panels[i];
        if (!picture.isNull())
            painter.drawImage(QPoint(x, panelTop), picture);
        painter.setPen(QPen(panelFrame, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(x - 0.5, panelTop - 0.5, layout.panelWidth + 1, layout.panelHeight + 1));
        x += layout.panelWidth + layout.margin;
    }

    // Legend and counts.
    const int footerTop = panelTop + layout.panelHeight + layout.margin;
    const int swatch = layout.textPx;
    int legendX = layout.margin;
    const int legendY = footerTop + layout.textPx / 2;
    painter.setFont(fontOf(layout.textPx));
    const QList<std::pair<QColor, QString>> legend = {
        {compareAddedColor(), tr("Added (darker in after)")},
        {compareRemovedColor(), tr("Removed (lighter in after)")},
        {compareAntiAliasColor(), tr("Anti-aliasing")},
    };
    for (const auto &[color, name] : legend) {
        painter.fillRect(QRect(legendX, legendY, swatch, swatch), color);
        painter.setPen(ink);
        const QRect text(legendX + swatch + swatch / 2, legendY - swatch, layout.width, swatch * 3);
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, name);
        legendX = text.left() + painter.fontMetrics().horizontalAdvance(name) + 2 * swatch;
    }
    painter.setPen(ink);
    painter.setFont(fontOf(int(layout.textPx * 1.15), true));
    const QRect counts(layout.margin, legendY + swatch * 2, layout.width - 2 * layout.margin, layout.textPx * 3);
    painter.drawText(counts, Qt::AlignTop | Qt::AlignLeft,
                     painter.fontMetrics().elidedText(countsText(result), Qt::ElideRight, counts.width()));
}

QString widthProblem(const CompositeOptions &options)
{
    return tr("The composite could not be made: its width must be between %1 and %2 pixels, and the two pictures "
              "must not be empty or more than three times as tall as wide.")
        .arg(CompositeExporter::MinWidth)
        .arg(CompositeExporter::MaxWidth)
        + (options.width < CompositeExporter::MinWidth || options.width > CompositeExporter::MaxWidth
               ? tr(" (asked: %1)").arg(options.width)
               : QString());
}

} // namespace

QImage CompositeExporter::render(const CompareSide &before, const CompareSide &after, const CompareResult &result,
                                 const CompositeOptions &options)
{
    const std::optional<Layout> layout = measure(before, after, result, options);
    if (!layout)
        return {};
    QImage image(layout->width, layout->height(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    QPainter painter(&image);
    paint(painter, *layout, result, options);
    painter.end();
    return image;
}

CompositeExportResult CompositeExporter::encode(const CompareSide &before, const CompareSide &after,
                                                const CompareResult &result, const CompositeOptions &options)
{
    CompositeExportResult out;
    const std::optional<Layout> layout = measure(before, after, result, options);
    if (!layout) {
        out.error = widthProblem(options);
        return out;
    }
    QBuffer buffer(&out.bytes);
    buffer.open(QIODevice::WriteOnly);
    if (options.pdf) {
        // One page the composite's shape; 144 dpi keeps the page a slide-like size while text stays vector.
        constexpr int dpi = 144;
        QPdfWriter writer(&buffer);
        writer.setResolution(dpi);
        writer.setCreator(QStringLiteral("Cloudcraft Desktop"));
        writer.setTitle(options.title);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageSize(QPageSize(QSizeF(layout->width * 72.0 / dpi, layout->height() * 72.0 / dpi),
                                     QPageSize::Point, QString(), QPageSize::ExactMatch));
        QPainter painter;
        if (!painter.begin(&writer)) {
            out.bytes.clear();
            out.error = tr("The composite PDF could not be started.");
            return out;
        }
        paint(painter, *layout, result, options);
        painter.end();
    } else {
        QImage image(layout->width, layout->height(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            out.error = tr("The composite could not be made: there is not enough memory for a %1×%2 image.")
                            .arg(layout->width)
                            .arg(layout->height());
            return out;
        }
        QPainter painter(&image);
        paint(painter, *layout, result, options);
        painter.end();
        QImageWriter writer(&buffer, "png");
        if (!writer.write(image)) {
            out.bytes.clear();
            out.error = tr("The composite PNG could not be encoded: %1").arg(writer.errorString());
        }
    }
    return out;
}

QString CompositeExporter::write(const QString &path, const CompareSide &before, const CompareSide &after,
                                 const CompareResult &result, const CompositeOptions &options)
{
    const CompositeExportResult encoded = encode(before, after, result, options);
    if (!encoded.ok())
        return encoded.error;
    const AtomicWriteResult written = writeFileAtomically(path, encoded.bytes);
    switch (written.failure) {
    case AtomicWriteResult::Failure::None:
        return {};
    case AtomicWriteResult::Failure::Create:
        return tr("%1 could not be created: %2").arg(path, written.reason);
    case AtomicWriteResult::Failure::DiskFull:
        return tr("The disk is full: %1 was not written (any previous file is unchanged).").arg(path);
    case AtomicWriteResult::Failure::Write:
        break;
    }
    return tr("%1 could not be written (any previous file is unchanged): %2").arg(path, written.reason);
}

} // namespace Cloudcraft::Core
