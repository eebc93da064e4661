#include "diff/markdownreport.h"

#include "diff/diffreportwriter.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"
#include "diff/reporttext.h"

#include <QStringList>

namespace Cloudcraft::Core::MarkdownReport {

namespace {

// GitHub refuses comments over 65,536 characters; stay well under so a bot can add its own lines.
constexpr qsizetype budgetBytes = 56 * 1024;
constexpr int topRegions = 10;
constexpr int topResources = 15;

// Text from users (labels, resource names, values) must not turn into markup: the punctuation that Markdown gives
// a meaning mid-line gets a backslash (GFM allows one before any ASCII punctuation; `\|` also keeps a table cell
// whole), `<`, `>` and `&` become entities so no HTML gets through, and a newline would end a table row.
QString escaped(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_[]|~");
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        if (c == u'<')
            out += QStringLiteral("&lt;");
        else if (c == u'>')
            out += QStringLiteral("&gt;");
        else if (c == u'&')
            out += QStringLiteral("&amp;");
        else if (c == u'\n' || c == u'\r' || c == u'\t')
            out += u' ';
        else if (special.contains(c))
            out += u'\\' + QString(c);
        else
            out += c;
    }
    return out;
}

QString row(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

// Appends blocks until the budget is spent, then one line saying what was left out.
class Budget final
{
public:
    explicit Budget(QString &text)
        : m_text(text)
    {
    }
    bool fits(const QString &block) const { return (m_text.size() + block.size()) * 3 / 2 < budgetBytes; }
    bool append(const QString &block)
    {
        if (!fits(block))
            return false;
        m_text += block;
        return true;
    }

private:
    QString &m_text;
};

QString regionRow(int index, const ChangeRegion &region)
{
    const QRect &box = region.box;
    return row({QString::number(index), QString::number(box.x()), QString::number(box.y()),
                QString::number(box.width()), QString::number(box.height()), ReportText::count(region.pixelCount)});
}

QString regionHeader()
{
    return row({QStringLiteral("#"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("width"),
                QStringLiteral("height"), QStringLiteral("changed pixels")})
           + QStringLiteral("|---:|---:|---:|---:|---:|---:|\n");
}

void writePixels(QString &text, const DiffReportInput &input, const PixelDiffResult &pixels)
{
    Budget budget(text);
    text += QStringLiteral("\n### Pixels\n\n");
    if (!pixels.ok()) {
        text += escaped(QStringLiteral("The images could not be compared: ") + pixels.errorString) + u'\n';
        return;
    }
    text += row({QStringLiteral("Measure"), QStringLiteral("Value")}) + QStringLiteral("|---|---:|\n");
    text += row({QStringLiteral("Changed pixels"), ReportText::count(pixels.mismatchCount)});
    text += row({QStringLiteral("Changed ratio"), ReportText::percent(ReportText::mismatchRatio(pixels))});
    text += row({QStringLiteral("Change regions"), ReportText::count(pixels.regions.size())});
    text += row({QStringLiteral("Size"), ReportText::sizeChange(pixels)});
    text += row({QStringLiteral("Outside the overlap"), ReportText::count(pixels.outsideOverlapCount)});
    text += row({QStringLiteral("Anti-aliased (not counted)"), ReportText::count(pixels.antiAliasedCount)});
    text += row({QStringLiteral("Threshold"), QString::number(input.threshold, 'g', 6)});
    if (pixels.regions.isEmpty())
        return;

    text += QStringLiteral("\nWhere it changed (regions in reading order, top to bottom):\n\n");
    text += regionHeader();
    int index = 0;
    for (; index < std::min<qsizetype>(topRegions, pixels.regions.size()); ++index)
        text += regionRow(index + 1, pixels.regions.at(index));
    if (index >= pixels.regions.size())
        return;

    QString more = QStringLiteral("\n<details><summary>%1 more regions</summary>\n\n")
                       .arg(ReportText::count(pixels.regions.size() - index));
    more += regionHeader();
    int listed = index;
    for (; listed < pixels.regions.size(); ++listed) {
        const QString line = regionRow(listed + 1, pixels.regions.at(listed));
        if (!budget.fits(more + line + QStringLiteral("</details>\n")))
            break;
        more += line;
    }
    if (listed < pixels.regions.size())
        more += QStringLiteral("\n%1 further regions are not listed here (see the HTML or JSON report).\n")
                    .arg(ReportText::count(pixels.regions.size() - listed));
    more += QStringLiteral("\n</details>\n");
    text += more;
}

QString changeLines(const ResourceDiff &resource, const InventoryDiffResult &structure)
{
    QString lines;
    const auto line = [&lines, &structure](const QString &kind, const AttributeChange &change) {
        const QString members = ReportText::memberChange(change, &structure);
        lines += QStringLiteral("  - %1`%2`: %3\n")
                     .arg(kind, QString(change.path).replace(u'`', u'\''),
                          members.isEmpty() ? escaped(ReportText::value(change.oldValue, 80)) + QStringLiteral(" → ")
                                                  + escaped(ReportText::value(change.newValue, 80))
                                            : escaped(members));
    };
    for (const AttributeChange &change : resource.changes)
        line(QString(), change);
    for (const AttributeChange &move : resource.moves)
        line(QStringLiteral("moved "), move);
    return lines;
}

QString resourceItem(const ResourceDiff &resource, const InventoryDiffResult &structure)
{
    QString item = QStringLiteral("- **%1** %2").arg(changeName(resource.change), escaped(ReportText::resourceName(resource)));
    if (!resource.region.isEmpty())
        item += QStringLiteral(" in ") + escaped(resource.region);
    if (!resource.vpc.isEmpty() && resource.vpc != resource.label)
        item += QStringLiteral(", VPC ") + escaped(resource.vpc);
    return item + u'\n' + changeLines(resource, structure);
}

void writeStructure(QString &text, const InventoryDiffResult &structure)
{
    Budget budget(text);
    text += QStringLiteral("\n### Resources\n\n");
    text += row({QStringLiteral("Change"), QStringLiteral("Resources")}) + QStringLiteral("|---|---:|\n");
    const InventoryCounts &totals = structure.totals;
    text += row({QStringLiteral("Added"), ReportText::count(totals.added)});
    text += row({QStringLiteral("Removed"), ReportText::count(totals.removed)});
    text += row({QStringLiteral("Changed"), ReportText::count(totals.changed)});
    text += row({QStringLiteral("Moved"), ReportText::count(totals.moved)});
    text += row({QStringLiteral("Unchanged"), ReportText::count(totals.unchanged)});

    if (!structure.documentChanges.isEmpty()) {
        text += QStringLiteral("\nDiagram settings:\n\n");
        for (const AttributeChange &change : structure.documentChanges)
            budget.append(QStringLiteral("- ") + escaped(change.toString()) + u'\n');
    }

    const QList<const ResourceDiff *> listed = ReportText::listedResources(structure);
    if (listed.isEmpty())
        return;
    text += u'\n';
    qsizetype index = 0;
    for (; index < std::min<qsizetype>(topResources, listed.size()); ++index) {
        if (!budget.append(resourceItem(*listed.at(index), structure)))
            break;
    }
    if (index < listed.size()) {
        QString more = QStringLiteral("\n<details><summary>%1 more resources</summary>\n\n")
                           .arg(ReportText::count(listed.size() - index));
        for (; index < listed.size(); ++index) {
            const QString item = resourceItem(*listed.at(index), structure);
            if (!budget.fits(more + item + QStringLiteral("</details>\n")))
                break;
            more += item;
        }
        if (index < listed.size())
            more += QStringLiteral("\n%1 further resources are not listed here (see the HTML or JSON report).\n")
                        .arg(ReportText::count(listed.size() - index));
        text += more + QStringLiteral("\n</details>\n");
    }
}

} // namespace

QByteArray render(const DiffReportInput &input)
{
    const QDateTime generatedAt = input.generatedAt.isValid() ? input.generatedAt : QDateTime::currentDateTimeUtc();
    QString text;
    text += QStringLiteral("## %1 %2: %3 → %4\n\n")
                .arg(input.different ? QStringLiteral("🔴") : QStringLiteral("🟢"), ReportText::verdict(input),
                     escaped(input.labelA), escaped(input.labelB));
    text += QStringLiteral("**%1**: %2\n\n").arg(ReportText::verdict(input), escaped(ReportText::summary(input)));
    const QString limits = ReportText::limits(input);
    if (!limits.isEmpty())
        text += escaped(limits) + QStringLiteral("\n");
    text += u'\n' + row({QString(), QStringLiteral("Before (A)"), QStringLiteral("After (B)")})
            + QStringLiteral("|---|---|---|\n");
    text += row({QStringLiteral("Compared"), escaped(input.labelA), escaped(input.labelB)});
    if (input.pixels && input.pixels->ok())
        text += row({QStringLiteral("Size"), ReportText::size(input.pixels->sizeA), ReportText::size(input.pixels->sizeB)});
    if (input.pixels)
        writePixels(text, input, *input.pixels);
    if (input.structure)
        writeStructure(text, *input.structure);
    if (input.pixels)
        text += QStringLiteral("\nImages are not inlined in this comment: the HTML report (`--report html`) shows "
                               "before, after and diff with a swipe slider, and `--diff-out` writes the diff PNG.\n");
    text += QStringLiteral("\n<sub>cloudcraft-cli diff, %1</sub>\n").arg(generatedAt.toUTC().toString(Qt::ISODate));
    return text.toUtf8();
}

} // namespace Cloudcraft::Core::MarkdownReport
