#include "diffsummary.h"

#include "clioutput.h"

#include "diff/diffreport.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QJsonArray>
#include <QLocale>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

constexpr int MaxListedItems = 20;

QString sizeText(QSize size)
{
    return QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
}

QString reportName(DiffReportWriter::Format format)
{
    switch (format) {
    case DiffReportWriter::Format::Html:
        return QStringLiteral("html");
    case DiffReportWriter::Format::Markdown:
        return QStringLiteral("markdown");
    case DiffReportWriter::Format::JUnit:
        return QStringLiteral("junit");
    }
    return {};
}

void printPixels(CliOutput &out, const DiffSettings &settings, const PixelDiffResult &r, bool different)
{
    const QLocale c = QLocale::c();
    QString line = QStringLiteral("%1: %2 of %3 pixels changed (%4 %)")
                       .arg(different ? QStringLiteral("Different") : QStringLiteral("Same"),
                            c.toString(r.mismatchCount),
                            c.toString(qint64(r.canvasSize.width()) * r.canvasSize.height()),
                            c.toString(mismatchRatio(r) * 100.0, 'f', 3));
    if (r.identical)
        line = QStringLiteral("Same: the images are identical (%1)").arg(sizeText(r.sizeA));
    else if (!r.regions.isEmpty())
        line += QStringLiteral(" in %1 region(s)").arg(r.regions.size());
    if (r.sizeChanged())
        line += QStringLiteral("; size changed %1 → %2").arg(sizeText(r.sizeA), sizeText(r.sizeB));
    if (!different && r.mismatchCount > 0)
        line += QStringLiteral(", within the limits");
    out.data(line + u'.');
    for (qsizetype i = 0; i < r.regions.size() && i < MaxListedItems; ++i) {
        const ChangeRegion &region = r.regions.at(i);
        out.data(QStringLiteral("  %1×%2 at %3,%4: %5 pixels")
                     .arg(region.box.width())
                     .arg(region.box.height())
                     .arg(region.box.x())
                     .arg(region.box.y())
                     .arg(c.toString(region.pixelCount)));
    }
    if (r.regions.size() > MaxListedItems)
        out.data(QStringLiteral("  … and %1 more region(s); see --json.").arg(r.regions.size() - MaxListedItems));
    Q_UNUSED(settings);
}

QChar changeMark(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Added:
        return u'+';
    case ResourceChange::Removed:
        return u'-';
    case ResourceChange::Changed:
        return u'~';
    case ResourceChange::Moved:
        return u'>';
    case ResourceChange::Unchanged:
        break;
    }
    return u' ';
}

void printStructure(CliOutput &out, const InventoryDiffResult &r, bool different)
{
    const InventoryCounts &t = r.totals;
    out.data(QStringLiteral("%1: %2 added, %3 removed, %4 changed, %5 moved, %6 unchanged.")
                 .arg(different ? QStringLiteral("Different") : QStringLiteral("Same"))
                 .arg(t.added)
                 .arg(t.removed)
                 .arg(t.changed)
                 .arg(t.moved)
                 .arg(t.unchanged));
    for (const AttributeChange &change : r.documentChanges)
        out.data(QStringLiteral("  ~ diagram %1").arg(change.toString()));
    int listed = 0;
    for (const ResourceDiff &resource : r.resources) {
        if (resource.change == ResourceChange::Unchanged)
            continue;
        if (++listed > MaxListedItems) {
            out.data(QStringLiteral("  … and more; see --json."));
            break;
        }
        out.data(QStringLiteral("  %1 %2 %3 (%4)")
                     .arg(changeMark(resource.change))
                     .arg(resource.type.isEmpty() ? resource.collection : resource.type, resource.label, resource.key));
        for (const AttributeChange &change : resource.changes)
            out.data(QStringLiteral("      %1").arg(change.toString()));
    }
}

} // namespace

double mismatchRatio(const PixelDiffResult &result)
{
    const qint64 total = qint64(result.canvasSize.width()) * result.canvasSize.height();
    return total > 0 ? double(result.mismatchCount) / double(total) : 0.0;
}

bool isDifferent(const PixelDiffResult &result, const DiffSettings &settings)
{
    if (settings.failOnPixels < 0 && settings.failOnRatio < 0)
        return result.mismatchCount > 0;
    if (settings.failOnPixels >= 0 && result.mismatchCount > settings.failOnPixels)
        return true;
    return settings.failOnRatio >= 0 && mismatchRatio(result) > settings.failOnRatio;
}

bool isDifferent(const InventoryDiffResult &result)
{
    return result.totals.added + result.totals.removed + result.totals.changed > 0 || !result.documentChanges.isEmpty();
}

QJsonObject diffJson(const DiffSettings &settings, const DiffOutcome &outcome)
{
    QJsonObject json{{QStringLiteral("verdict"), outcome.different ? QStringLiteral("different") : QStringLiteral("same")},
                     {QStringLiteral("different"), outcome.different},
                     {QStringLiteral("a"), settings.a},
                     {QStringLiteral("b"), settings.b}};
    if (outcome.pixels) {
        json.insert(QStringLiteral("comparison"), QStringLiteral("image"));
        json.insert(QStringLiteral("threshold"), settings.pixels.threshold);
        json.insert(QStringLiteral("includeAA"), settings.pixels.includeAA);
        json.insert(QStringLiteral("align"), settings.pixels.alignment == DiffAlignment::Center ? QStringLiteral("center")
                                                                                                : QStringLiteral("top-left"));
        QJsonArray ignore;
        for (const QRect &rect : settings.pixels.ignoreRegions)
            ignore.append(QJsonArray{rect.x(), rect.y(), rect.width(), rect.height()});
        json.insert(QStringLiteral("ignore"), ignore);
        json.insert(QStringLiteral("failOnPixels"),
                    settings.failOnPixels < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(settings.failOnPixels)));
        json.insert(QStringLiteral("failOnRatio"),
                    settings.failOnRatio < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(settings.failOnRatio));
        json.insert(QStringLiteral("mismatchRatio"), mismatchRatio(*outcome.pixels));
        json.insert(QStringLiteral("pixels"), DiffReport::toJson(*outcome.pixels));
    }
    if (outcome.structure) {
        json.insert(QStringLiteral("comparison"), QStringLiteral("structure"));
        json.insert(QStringLiteral("structure"), DiffReport::toJson(*outcome.structure));
    }
    QJsonObject outputs;
    if (!settings.diffOut.isEmpty())
        outputs.insert(QStringLiteral("diff"), settings.diffOut);
    if (!settings.overlayOut.isEmpty())
        outputs.insert(QStringLiteral("overlay"), settings.overlayOut);
    QJsonArray reports;
    for (const DiffReportRequest &report : settings.reports)
        reports.append(QJsonObject{{QStringLiteral("format"), reportName(report.format)},
                                   {QStringLiteral("file"), report.path}});
    if (!reports.isEmpty())
        outputs.insert(QStringLiteral("reports"), reports);
    json.insert(QStringLiteral("outputs"), outputs);
    return json;
}

void printDiffSummary(CliOutput &out, const DiffSettings &settings, const DiffOutcome &outcome)
{
    if (outcome.pixels)
        printPixels(out, settings, *outcome.pixels, outcome.different);
    if (outcome.structure)
        printStructure(out, *outcome.structure, outcome.different);
}

} // namespace Cloudcraft::Cli
