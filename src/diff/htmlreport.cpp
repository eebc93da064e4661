#include "diff/htmlreport.h"

#include "diff/diffreportwriter.h"
#include "diff/htmlreportassets.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"
#include "diff/reportpreview.h"
#include "diff/reporttext.h"

#include "diff/diffsource.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageWriter>
#include <QStringList>

#include <future>

namespace Cloudcraft::Core::HtmlReport {

namespace {

// Larger images are embedded as previews shrunk by a whole factor: a 7680 × 4320 PNG triple would make a page of
// 30 MB that browsers scroll slowly, while up to 2560 pixels on a side keeps boxes and labels legible. Counts and
// regions always come from the full-size comparison.
constexpr int maxEmbeddedSide = 2560;
// Past this many regions the page lists no more (the JSON report has them all).
constexpr int maxListedRegions = 1000;
// Longer resource lists start folded.
constexpr int openListLimit = 60;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString num(double value)
{
    return QString::number(value, 'f', 4);
}

struct EmbeddedImage
{
    QByteArray dataUri; // empty when there is no image
    QSize original;
    QSize shown;

    bool scaled() const { return original != shown; }
};

EmbeddedImage embed(const QImage &image, ReportPreview::Reduction reduction)
{
    EmbeddedImage embedded;
    if (image.isNull())
        return embedded;
    embedded.original = image.size();
    const QImage shown = ReportPreview::shrink(image, maxEmbeddedSide, reduction);
    if (shown.isNull())
        return embedded;
    embedded.shown = shown.size();

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(shown))
        return EmbeddedImage{};
    embedded.dataUri = QByteArrayLiteral("data:image/png;base64,") + png.toBase64();
    return embedded;
}

// Where A and B sit on the common canvas, as the comparison laid them out (top-left when there is none).
struct Layout
{
    QSize canvas;
    QRect rectA;
    QRect rectB;
};

Layout layoutOf(const DiffReportInput &input)
{
    if (input.pixels && input.pixels->ok() && !input.pixels->canvasSize.isEmpty())
        return {input.pixels->canvasSize, input.pixels->rectA, input.pixels->rectB};
    const QSize canvas = input.before.size().expandedTo(input.after.size()).expandedTo(input.diff.size());
    return {canvas, QRect(QPoint(0, 0), input.before.size()), QRect(QPoint(0, 0), input.after.size())};
}

// Position of `rect` on `canvas` in CSS percentages, so it scales with the page.
QString placed(const QRect &rect, QSize canvas)
{
    const double w = std::max(1, canvas.width());
    const double h = std::max(1, canvas.height());
    return QStringLiteral("left:%1%;top:%2%;width:%3%;height:%4%")
        .arg(num(rect.x() * 100.0 / w), num(rect.y() * 100.0 / h), num(rect.width() * 100.0 / w),
             num(rect.height() * 100.0 / h));
}

// The swipe is only useful while all of it is on screen: never taller than most of the window.
QString fitsTheWindow(QSize size)
{
    const double widthPerHeight = double(std::max(1, size.width())) / double(std::max(1, size.height()));
    return QStringLiteral("width:min(100%, calc(80vh * %1));margin:0 auto").arg(num(widthPerHeight));
}

QString aspect(QSize size)
{
    return QStringLiteral("aspect-ratio:%1 / %2").arg(std::max(1, size.width())).arg(std::max(1, size.height()));
}

/// The page is assembled as UTF-8 bytes: the images are most of it and need no conversion.
class Page final
{
public:
    Page &operator<<(const QString &text)
    {
        m_bytes += text.toUtf8();
        return *this;
    }
    Page &operator<<(const QByteArray &bytes)
    {
        m_bytes += bytes;
        return *this;
    }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

void writeImage(Page &page, const QString &id, const EmbeddedImage &image, const QString &alt, const QRect &onCanvas)
{
    page << QStringLiteral("<img id=\"%1\" alt=\"%2\" style=\"left:0;top:0;width:100%;height:100%\" data-x=\"%3\" "
                           "data-y=\"%4\" data-width=\"%5\" data-height=\"%6\" src=\"")
                .arg(id, esc(alt))
                .arg(onCanvas.x())
                .arg(onCanvas.y())
                .arg(onCanvas.width())
                .arg(onCanvas.height())
         << image.dataUri << QStringLiteral("\">");
}

QString regionBoxes(const QList<ChangeRegion> &regions, QSize canvas)
{
    QString boxes;
    const qsizetype count = std::min<qsizetype>(regions.size(), maxListedRegions);
    for (qsizetype i = 0; i < count; ++i) {
        boxes += QStringLiteral("<div class=\"box\" data-region=\"%1\" title=\"Region %1\" style=\"%2\"></div>")
                     .arg(i + 1)
                     .arg(placed(regions.at(i).box, canvas));
    }
    return boxes;
}

void writeCards(Page &page, const DiffReportInput &input)
{
    const auto card = [&page](const QString &name, const QString &value, const QString &cls = {}) {
        page << QStringLiteral("<div class=\"card %1\"><dt>%2</dt><dd>%3</dd></div>").arg(cls, esc(name), esc(value));
    };
    page << QStringLiteral("<dl class=\"cards\" id=\"counts\">");
    if (const PixelDiffResult *pixels = input.pixels; pixels && pixels->ok()) {
        card(QStringLiteral("Changed pixels"), ReportText::count(pixels->mismatchCount));
        card(QStringLiteral("Changed ratio"), ReportText::percent(ReportText::mismatchRatio(*pixels)));
        card(QStringLiteral("Regions"), ReportText::count(pixels->regions.size()));
        card(QStringLiteral("Size"), pixels->sizeChanged() ? ReportText::sizeChange(*pixels)
                                                           : ReportText::size(pixels->sizeA));
        if (pixels->outsideOverlapCount > 0)
            card(QStringLiteral("Outside the overlap"), ReportText::count(pixels->outsideOverlapCount));
        card(QStringLiteral("Anti-aliased, not counted"), ReportText::count(pixels->antiAliasedCount));
    }
    if (const InventoryDiffResult *structure = input.structure) {
        const InventoryCounts &totals = structure->totals;
        card(QStringLiteral("Added"), ReportText::count(totals.added), QStringLiteral("added"));
        card(QStringLiteral("Removed"), ReportText::count(totals.removed), QStringLiteral("removed"));
        card(QStringLiteral("Changed"), ReportText::count(totals.changed), QStringLiteral("changed"));
        card(QStringLiteral("Moved"), ReportText::count(totals.moved), QStringLiteral("moved"));
        card(QStringLiteral("Unchanged"), ReportText::count(totals.unchanged));
    }
    page << QStringLiteral("</dl>");
}

void writeImages(Page &page, const DiffReportInput &input, const Layout &layout, const EmbeddedImage &before,
                 const EmbeddedImage &after, const EmbeddedImage &diff)
{
    const QList<ChangeRegion> regions = input.pixels && input.pixels->ok() ? input.pixels->regions
                                                                           : QList<ChangeRegion>();
    if (!before.dataUri.isEmpty() && !after.dataUri.isEmpty()) {
        page << QStringLiteral("<section id=\"swipe-section\"><h2>Swipe</h2><p class=\"note\">Drag across the "
                               "image, or focus the handle and use the arrow keys: before on the left, after on "
                               "the right.</p><div class=\"panel\"><div class=\"canvas swipe\" id=\"swipe\" "
                               "style=\"%1;%2\" data-position=\"50\">")
                    .arg(aspect(layout.canvas), fitsTheWindow(layout.canvas));
        page << QStringLiteral("<img class=\"layer\" data-source=\"img-after\" alt=\"\" style=\"%1\">")
                    .arg(placed(layout.rectB, layout.canvas));
        page << QStringLiteral("<div class=\"layer before-layer\"><img class=\"layer\" data-source=\"img-before\" "
                               "alt=\"\" style=\"%1\"></div>")
                    .arg(placed(layout.rectA, layout.canvas));
        page << regionBoxes(regions, layout.canvas);
        page << QStringLiteral("<span class=\"tag before\">Before</span><span class=\"tag after\">After</span>"
                               "<div class=\"divider\"><div class=\"handle\" role=\"slider\" tabindex=\"0\" "
                               "aria-label=\"Divider between before and after\" aria-valuemin=\"0\" "
                               "aria-valuemax=\"100\" aria-valuenow=\"50\">⇔</div></div></div>"
                               "<noscript><p class=\"note\">The swipe needs JavaScript; the images are below."
                               "</p></noscript></div></section>");
    }

    page << QStringLiteral("<section id=\"images\"><h2>Images</h2><div class=\"figures\">");
    const auto figure = [&page](const QString &cls, const QString &title, const QString &detail,
                                const EmbeddedImage &image, const QString &id, const QRect &onCanvas,
                                const QString &extra) {
        if (image.dataUri.isEmpty())
            return;
        page << QStringLiteral("<figure class=\"%1\"><figcaption>%2<span>%3</span></figcaption>"
                               "<div class=\"canvas\" style=\"%4\">")
                    .arg(cls, esc(title), esc(detail), aspect(image.original));
        writeImage(page, id, image, title, onCanvas);
        page << extra << QStringLiteral("</div></figure>");
    };
    // Captions are short: the file name, not its folders (the header has the whole labels).
    const auto shortLabel = [](const QString &label) {
        const qsizetype slash = label.lastIndexOf(u'/');
        return slash >= 0 && slash + 1 < label.size() ? label.mid(slash + 1) : label;
    };
    figure(QStringLiteral("figure-before"), QStringLiteral("Before"),
           shortLabel(input.labelA) + QStringLiteral(" · ") + ReportText::size(before.original), before,
           QStringLiteral("img-before"), layout.rectA, {});
    figure(QStringLiteral("figure-after"), QStringLiteral("After"),
           shortLabel(input.labelB) + QStringLiteral(" · ") + ReportText::size(after.original), after,
           QStringLiteral("img-after"), layout.rectB, {});
    figure(QStringLiteral("figure-diff"), QStringLiteral("Diff"),
           QStringLiteral("changed pixels in red, boxes around regions"), diff, QStringLiteral("img-diff"),
           QRect(QPoint(0, 0), diff.original), regionBoxes(regions, diff.original));
    page << QStringLiteral("</div>");
    if (before.scaled() || after.scaled() || diff.scaled())
        page << QStringLiteral("<p class=\"note\" id=\"preview-note\">The images are previews scaled down to at most "
                               "%1 pixels on a side to keep this file small (changed pixels stay visible in the "
                               "diff); the counts and regions come from the full-size comparison.</p>")
                    .arg(ReportText::count(maxEmbeddedSide));
    page << QStringLiteral("</section>");
}

void writeRegions(Page &page, const PixelDiffResult &pixels, QSize canvas)
{
    page << QStringLiteral("<section id=\"changes\"><h2>Where it changed</h2>");
    if (pixels.regions.isEmpty()) {
        page << QStringLiteral("<p>No changed pixels.</p></section>");
        return;
    }
    page << QStringLiteral("<p class=\"note\">%1 regions in reading order. Select one to zoom in.</p>")
                .arg(ReportText::count(pixels.regions.size()));
    page << QStringLiteral("<div class=\"zoom panel\" id=\"zoom\" data-canvas-width=\"%1\" data-canvas-height=\"%2\">"
                           "<h3 class=\"zoom-title\"></h3><div class=\"crops\">"
                           "<figure><figcaption>Before</figcaption><div class=\"crop before\"></div></figure>"
                           "<figure><figcaption>After</figcaption><div class=\"crop after\"></div></figure>"
                           "<figure><figcaption>Diff</figcaption><div class=\"crop diff\"></div></figure>"
                           "</div></div>")
                .arg(canvas.width())
                .arg(canvas.height());
    page << QStringLiteral("<table id=\"regions\"><thead><tr><th class=\"num\">#</th><th class=\"num\">x</th>"
                           "<th class=\"num\">y</th><th class=\"num\">width</th><th class=\"num\">height</th>"
                           "<th class=\"num\">changed pixels</th><th class=\"num\">share</th></tr></thead><tbody>");
    const qsizetype count = std::min<qsizetype>(pixels.regions.size(), maxListedRegions);
    for (qsizetype i = 0; i < count; ++i) {
        const ChangeRegion &region = pixels.regions.at(i);
        const QRect &box = region.box;
        const QString title = QStringLiteral("Region %1: %2, %3, %4 × %5, %6 changed pixels")
                                  .arg(i + 1)
                                  .arg(box.x())
                                  .arg(box.y())
                                  .arg(box.width())
                                  .arg(box.height())
                                  .arg(ReportText::count(region.pixelCount));
        const double share = pixels.mismatchCount > 0 ? double(region.pixelCount) / double(pixels.mismatchCount) : 0;
        page << QStringLiteral("<tr id=\"region-row-%1\" data-region=\"%1\" tabindex=\"0\" data-x=\"%2\" "
                               "data-y=\"%3\" data-w=\"%4\" data-h=\"%5\" data-title=\"%6\">")
                    .arg(i + 1)
                    .arg(box.x())
                    .arg(box.y())
                    .arg(box.width())
                    .arg(box.height())
                    .arg(esc(title))
             << QStringLiteral("<td class=\"num\">%1</td><td class=\"num\">%2</td><td class=\"num\">%3</td>"
                               "<td class=\"num\">%4</td><td class=\"num\">%5</td><td class=\"num\">%6</td>"
                               "<td class=\"num\">%7</td></tr>")
                    .arg(i + 1)
                    .arg(box.x())
                    .arg(box.y())
                    .arg(box.width())
                    .arg(box.height())
                    .arg(ReportText::count(region.pixelCount), ReportText::percent(share));
    }
    page << QStringLiteral("</tbody></table>");
    if (count < pixels.regions.size())
        page << QStringLiteral("<p class=\"note\">%1 more regions are not listed (the JSON report has them all).</p>")
                    .arg(ReportText::count(pixels.regions.size() - count));
    page << QStringLiteral("</section>");
}

QString attributeList(const ResourceDiff &resource, const InventoryDiffResult &structure)
{
    if (resource.changes.isEmpty() && resource.moves.isEmpty())
        return {};
    QString list = QStringLiteral("<ul class=\"attrs\">");
    const auto item = [&list, &structure](const AttributeChange &change, const QString &prefix) {
        const QString members = ReportText::memberChange(change, &structure);
        list += QStringLiteral("<li>%1<code>%2</code>: ").arg(prefix, esc(change.path));
        if (!members.isEmpty())
            list += esc(members);
        else
            list += QStringLiteral("<del>%1</del> → <ins>%2</ins>")
                        .arg(esc(ReportText::value(change.oldValue)), esc(ReportText::value(change.newValue)));
        list += QStringLiteral("</li>");
    };
    for (const AttributeChange &change : resource.changes)
        item(change, {});
    for (const AttributeChange &move : resource.moves)
        item(move, QStringLiteral("moved: "));
    return list + QStringLiteral("</ul>");
}

void writeStructure(Page &page, const InventoryDiffResult &structure)
{
    page << QStringLiteral("<section id=\"resources\"><h2>Resources</h2>");
    if (!structure.documentChanges.isEmpty()) {
        page << QStringLiteral("<h3>Diagram settings</h3><ul class=\"attrs\" id=\"document-changes\">");
        for (const AttributeChange &change : structure.documentChanges)
            page << QStringLiteral("<li><code>%1</code>: <del>%2</del> → <ins>%3</ins></li>")
                        .arg(esc(change.path), esc(ReportText::value(change.oldValue)),
                             esc(ReportText::value(change.newValue)));
        page << QStringLiteral("</ul>");
    }

    // Types where something happened; the rest are only named, or a large account buries the changes.
    QStringList untouchedTypes;
    QString typeRows;
    for (auto it = structure.byType.cbegin(); it != structure.byType.cend(); ++it) {
        const InventoryCounts &c = it.value();
        const QString type = it.key().isEmpty() ? QStringLiteral("(none)") : it.key();
        if (c.added + c.removed + c.changed + c.moved == 0) {
            untouchedTypes.append(type);
            continue;
        }
        typeRows += QStringLiteral("<tr><td><code>%1</code></td><td class=\"num\">%2</td><td class=\"num\">%3</td>"
                                   "<td class=\"num\">%4</td><td class=\"num\">%5</td><td class=\"num\">%6</td></tr>")
                        .arg(esc(type))
                        .arg(c.added)
                        .arg(c.removed)
                        .arg(c.changed)
                        .arg(c.moved)
                        .arg(c.unchanged);
    }
    if (!typeRows.isEmpty())
        page << QStringLiteral("<h3>By type</h3><table id=\"by-type\"><thead><tr><th>Type</th><th class=\"num\">"
                               "added</th><th class=\"num\">removed</th><th class=\"num\">changed</th><th "
                               "class=\"num\">moved</th><th class=\"num\">unchanged</th></tr></thead><tbody>")
             << typeRows << QStringLiteral("</tbody></table>");
    if (!untouchedTypes.isEmpty())
        page << QStringLiteral("<p class=\"note\" id=\"untouched-types\">Nothing changed among: %1.</p>")
                    .arg(esc(untouchedTypes.join(QStringLiteral(", "))));

    for (ResourceChange change :
         {ResourceChange::Added, ResourceChange::Removed, ResourceChange::Changed, ResourceChange::Moved}) {
        const QList<const ResourceDiff *> resources = structure.withChange(change);
        if (resources.isEmpty())
            continue;
        const QString name = changeName(change);
        page << QStringLiteral("<details class=\"resource-list\" id=\"resources-%1\"%2><summary class=\"change-%1\">"
                               "%3 %1</summary><table><thead><tr><th>Resource</th><th>Type</th><th>Region</th>"
                               "<th>VPC</th><th>Matched by</th><th>Attributes</th></tr></thead><tbody>")
                    .arg(name, resources.size() <= openListLimit ? QStringLiteral(" open") : QString(),
                         ReportText::count(resources.size()));
        for (const ResourceDiff *resource : resources) {
            page << QStringLiteral("<tr class=\"resource\" data-change=\"%1\"><td>%2</td><td><code>%3</code></td>"
                                   "<td>%4</td><td>%5</td><td><code>%6</code></td><td>%7</td></tr>")
                        .arg(name, esc(resource->label.isEmpty() ? resource->key : resource->label),
                             esc(resource->type), esc(resource->region), esc(resource->vpc), esc(resource->key),
                             attributeList(*resource, structure));
        }
        page << QStringLiteral("</tbody></table></details>");
    }
    page << QStringLiteral("</section>");
}

/// A side as the desktop app can open it from anywhere: references as written, files by their absolute path.
QString desktopReference(const QString &label)
{
    if (!DiffSourceRegistry::schemeOf(label).isEmpty() && !QFileInfo::exists(label))
        return label;
    return QFileInfo(label).absoluteFilePath();
}

} // namespace

QUrl desktopCompareUrl(const QString &labelA, const QString &labelB)
{
    QUrl url;
    url.setScheme(QStringLiteral("cloudcraft-desktop"));
    url.setHost(QStringLiteral("compare"));
    // Each side encoded whole, so '&', '=', '+', '#' and '/' in a path or reference survive every reader.
    url.setQuery(QStringLiteral("a=") + QString::fromLatin1(QUrl::toPercentEncoding(desktopReference(labelA)))
                     + QStringLiteral("&b=") + QString::fromLatin1(QUrl::toPercentEncoding(desktopReference(labelB))),
                 QUrl::StrictMode);
    return url;
}

QByteArray render(const DiffReportInput &input)
{
    // PNG encoding is most of the time for large images: the three run side by side.
    auto before = std::async(std::launch::async, embed, input.before, ReportPreview::Reduction::Average);
    auto after = std::async(std::launch::async, embed, input.after, ReportPreview::Reduction::Average);
    const EmbeddedImage diff = embed(input.diff, ReportPreview::Reduction::MostVivid);
    const EmbeddedImage beforeImage = before.get();
    const EmbeddedImage afterImage = after.get();

    const QDateTime generatedAt = input.generatedAt.isValid() ? input.generatedAt : QDateTime::currentDateTimeUtc();
    const QString verdict = ReportText::verdict(input);
    const QString verdictClass = input.different ? QStringLiteral("different") : QStringLiteral("same");

    Page page;
    page << QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\" data-verdict=\"%1\"><head><meta charset=\"utf-8\">"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                           "<meta name=\"color-scheme\" content=\"light dark\">"
                           // Nothing may load from outside the file: it must read the same offline and leak nothing.
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                           "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                           "<meta name=\"generator\" content=\"cloudcraft-cli diff\">"
                           "<title>%2: %3 → %4</title><style>")
                .arg(verdictClass, verdict, esc(input.labelA), esc(input.labelB))
         << QString(HtmlReportAssets::styleSheet()) << QStringLiteral("</style></head><body><main>");

    page << QStringLiteral("<header><h1><span class=\"verdict %1\" id=\"verdict\">%2</span><span class=\"label\" "
                           "id=\"label-a\">%3</span><span class=\"arrow\">→</span><span class=\"label\" "
                           "id=\"label-b\">%4</span></h1><p class=\"meta\">Generated %5 UTC by cloudcraft-cli diff"
                           " · <a id=\"open-in-desktop\" href=\"%6\">Open in Cloudcraft Desktop</a></p></header>")
                .arg(verdictClass, verdict, esc(input.labelA), esc(input.labelB),
                     generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     esc(desktopCompareUrl(input.labelA, input.labelB).toString(QUrl::FullyEncoded)));
    page << QStringLiteral("<section id=\"summary\"><p class=\"summary\">%1</p><p class=\"note\">%2</p>")
                .arg(esc(ReportText::summary(input)), esc(ReportText::limits(input)));
    writeCards(page, input);
    page << QStringLiteral("</section>");

    const Layout layout = layoutOf(input);
    if (!beforeImage.dataUri.isEmpty() || !afterImage.dataUri.isEmpty() || !diff.dataUri.isEmpty())
        writeImages(page, input, layout, beforeImage, afterImage, diff);
    if (input.pixels && input.pixels->ok())
        writeRegions(page, *input.pixels, layout.canvas);
    if (input.structure)
        writeStructure(page, *input.structure);

    page << QStringLiteral("<footer>Cloudcraft Desktop · this page is self-contained and works offline.</footer>"
                           "</main><script>")
         << QString(HtmlReportAssets::script()) << QStringLiteral("</script></body></html>\n");
    return page.bytes();
}

} // namespace Cloudcraft::Core::HtmlReport
