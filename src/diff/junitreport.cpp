#include "diff/junitreport.h"

#include "diff/diffreportwriter.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"
#include "diff/reporttext.h"

#include <QStringList>
#include <QXmlStreamWriter>

#include <algorithm>

namespace Cloudcraft::Core::JUnitReport {

namespace {

// XML 1.0 cannot carry most control characters, even escaped, and QXmlStreamWriter would write them as they are.
// Labels and resource names come from user files, so anything a parser would choke on becomes U+FFFD.
QString xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            safe.append(c);
            safe.append(text.at(++i));
        } else if (c.isSurrogate() || (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xFFFE
                   || u == 0xFFFF) {
            safe.append(QChar(QChar::ReplacementCharacter));
        } else {
            safe.append(c);
        }
    }
    return safe;
}

struct Case
{
    QString name;
    bool failed = false;
    bool error = false;
    QString message;
    QString details;
    QString output;
};

QString regionLines(const PixelDiffResult &pixels)
{
    QStringList lines;
    lines.append(QStringLiteral("Change regions (x, y, width, height: changed pixels):"));
    int index = 0;
    for (const ChangeRegion &region : pixels.regions) {
        const QRect &box = region.box;
        lines.append(QStringLiteral("  %1. %2, %3, %4 × %5: %6")
                         .arg(++index)
                         .arg(box.x())
                         .arg(box.y())
                         .arg(box.width())
                         .arg(box.height())
                         .arg(ReportText::count(region.pixelCount)));
    }
    if (pixels.regions.isEmpty())
        lines.append(QStringLiteral("  none"));
    return lines.join(u'\n') + u'\n';
}

QString resourceLines(const InventoryDiffResult &structure)
{
    QStringList lines;
    lines.append(QStringLiteral("Resources (%1):").arg(ReportText::counts(structure.totals)));
    for (const AttributeChange &change : structure.documentChanges)
        lines.append(QStringLiteral("  diagram: %1").arg(change.toString()));
    for (const ResourceDiff *resource : ReportText::listedResources(structure)) {
        QString line = QStringLiteral("  %1 %2 [%3]").arg(changeName(resource->change), ReportText::resourceName(*resource),
                                                          resource->key);
        if (!resource->region.isEmpty())
            line += QStringLiteral(" in ") + resource->region;
        lines.append(line);
        for (const AttributeChange &change : resource->changes)
            lines.append(QStringLiteral("      ") + change.toString());
        for (const AttributeChange &move : resource->moves)
            lines.append(QStringLiteral("      moved ") + move.toString());
    }
    return lines.join(u'\n') + u'\n';
}

QList<Case> cases(const DiffReportInput &input)
{
    const QString pair = input.labelA + QStringLiteral(" vs ") + input.labelB;
    const bool both = input.pixels && input.structure;
    QList<Case> list;
    if (const PixelDiffResult *pixels = input.pixels) {
        Case pixelCase;
        pixelCase.name = QStringLiteral("pixels: ") + pair;
        const bool changed = pixels->ok() && pixels->mismatchCount > 0;
        pixelCase.error = !pixels->ok();
        pixelCase.failed = !pixelCase.error && input.different && (changed || !both);
        pixelCase.message = QStringLiteral("%1 pixels differ (%2); size %3")
                                .arg(ReportText::count(pixels->mismatchCount),
                                     ReportText::percent(ReportText::mismatchRatio(*pixels)),
                                     ReportText::sizeChange(*pixels));
        if (pixelCase.error)
            pixelCase.message = pixels->errorString;
        DiffReportInput pixelsOnly;
        pixelsOnly.pixels = pixels;
        pixelCase.details = ReportText::summary(pixelsOnly) + u'\n' + ReportText::limits(input);
        if (pixels->ok())
            pixelCase.output = regionLines(*pixels);
        list.append(pixelCase);
    }
    if (const InventoryDiffResult *structure = input.structure) {
        Case structureCase;
        structureCase.name = QStringLiteral("structure: ") + pair;
        structureCase.failed = input.different && (structure->hasChanges() || !both);
        structureCase.message = QStringLiteral("resources: ") + ReportText::counts(structure->totals);
        structureCase.details = structureCase.message;
        structureCase.output = resourceLines(*structure);
        list.append(structureCase);
    }
    // A verdict of "different" must fail the suite even if no part claims it (e.g. nothing was compared).
    if (input.different && std::none_of(list.cbegin(), list.cend(), [](const Case &c) { return c.failed || c.error; })) {
        if (list.isEmpty()) {
            Case nothing;
            nothing.name = pair;
            list.append(nothing);
        }
        list.first().failed = true;
        if (list.first().message.isEmpty())
            list.first().message = ReportText::summary(input);
    }
    if (list.isEmpty()) {
        Case nothing;
        nothing.name = pair;
        nothing.output = ReportText::summary(input) + u'\n';
        list.append(nothing);
    }
    return list;
}

void writeProperty(QXmlStreamWriter &xml, const QString &name, const QString &value)
{
    xml.writeStartElement(QStringLiteral("property"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("value"), xmlSafe(value));
    xml.writeEndElement();
}

void writeProperties(QXmlStreamWriter &xml, const DiffReportInput &input)
{
    xml.writeStartElement(QStringLiteral("properties"));
    writeProperty(xml, QStringLiteral("labelA"), input.labelA);
    writeProperty(xml, QStringLiteral("labelB"), input.labelB);
    writeProperty(xml, QStringLiteral("verdict"), ReportText::verdict(input).toLower());
    if (const PixelDiffResult *pixels = input.pixels) {
        writeProperty(xml, QStringLiteral("threshold"), QString::number(input.threshold, 'g', 6));
        if (input.failOnPixels >= 0)
            writeProperty(xml, QStringLiteral("failOnPixels"), QString::number(input.failOnPixels));
        if (input.failOnRatio >= 0)
            writeProperty(xml, QStringLiteral("failOnRatio"), QString::number(input.failOnRatio, 'g', 6));
        if (pixels->ok()) {
            writeProperty(xml, QStringLiteral("identical"),
                          pixels->identical ? QStringLiteral("true") : QStringLiteral("false"));
            writeProperty(xml, QStringLiteral("mismatch"), QString::number(pixels->mismatchCount));
            writeProperty(xml, QStringLiteral("ratio"),
                          QString::number(ReportText::mismatchRatio(*pixels), 'g', 8));
            writeProperty(xml, QStringLiteral("outsideOverlap"), QString::number(pixels->outsideOverlapCount));
            writeProperty(xml, QStringLiteral("antiAliased"), QString::number(pixels->antiAliasedCount));
            writeProperty(xml, QStringLiteral("compared"), QString::number(pixels->comparedPixels));
            writeProperty(xml, QStringLiteral("sizeA"),
                          QStringLiteral("%1x%2").arg(pixels->sizeA.width()).arg(pixels->sizeA.height()));
            writeProperty(xml, QStringLiteral("sizeB"),
                          QStringLiteral("%1x%2").arg(pixels->sizeB.width()).arg(pixels->sizeB.height()));
            writeProperty(xml, QStringLiteral("sizeChanged"),
                          pixels->sizeChanged() ? QStringLiteral("true") : QStringLiteral("false"));
            writeProperty(xml, QStringLiteral("regions"), QString::number(pixels->regions.size()));
        }
    }
    if (const InventoryDiffResult *structure = input.structure) {
        const InventoryCounts &totals = structure->totals;
        writeProperty(xml, QStringLiteral("added"), QString::number(totals.added));
        writeProperty(xml, QStringLiteral("removed"), QString::number(totals.removed));
        writeProperty(xml, QStringLiteral("changed"), QString::number(totals.changed));
        writeProperty(xml, QStringLiteral("moved"), QString::number(totals.moved));
        writeProperty(xml, QStringLiteral("unchanged"), QString::number(totals.unchanged));
        writeProperty(xml, QStringLiteral("documentChanges"), QString::number(structure->documentChanges.size()));
    }
    xml.writeEndElement();
}

} // namespace

QByteArray render(const DiffReportInput &input)
{
    const QList<Case> list = cases(input);
    const QString tests = QString::number(list.size());
    const QString failures =
        QString::number(std::count_if(list.cbegin(), list.cend(), [](const Case &c) { return c.failed; }));
    const QString errors =
        QString::number(std::count_if(list.cbegin(), list.cend(), [](const Case &c) { return c.error; }));
    const QDateTime generatedAt = input.generatedAt.isValid() ? input.generatedAt : QDateTime::currentDateTimeUtc();
    const QString timestamp = generatedAt.toUTC().toString(Qt::ISODate);

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("cloudcraft-cli diff"));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), errors);
    xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("timestamp"), timestamp);

    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(QStringLiteral("diff ") + input.labelA + QStringLiteral(" vs ")
                                                       + input.labelB));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), errors);
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("timestamp"), timestamp);
    writeProperties(xml, input);

    for (const Case &testCase : list) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("cloudcraft.diff"));
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(testCase.name));
        xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
        if (testCase.failed || testCase.error) {
            xml.writeStartElement(testCase.error ? QStringLiteral("error") : QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), xmlSafe(testCase.message));
            xml.writeAttribute(QStringLiteral("type"),
                               testCase.error ? QStringLiteral("ComparisonError") : QStringLiteral("Different"));
            xml.writeCharacters(xmlSafe(testCase.details));
            xml.writeEndElement();
        }
        if (!testCase.output.isEmpty())
            xml.writeTextElement(QStringLiteral("system-out"), xmlSafe(testCase.output));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace Cloudcraft::Core::JUnitReport
