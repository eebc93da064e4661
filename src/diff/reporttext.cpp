#include "diff/reporttext.h"

#include "diff/attributediff.h"
#include "diff/diffreportwriter.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace Cloudcraft::Core::ReportText {

QString count(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return value < 0 ? u'-' + digits : digits;
}

QString percent(double fraction)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("n/a");
    const double value = fraction * 100.0;
    if (value == 0.0)
        return QStringLiteral("0 %");
    // Two significant decimals below 1 %, so one pixel of 33 million still shows as 0.0000030 %.
    int decimals = 2;
    if (std::abs(value) < 1.0)
        decimals = std::min(9, 1 - static_cast<int>(std::floor(std::log10(std::abs(value)))));
    return QString::number(value, 'f', decimals) + QStringLiteral(" %");
}

double mismatchRatio(const PixelDiffResult &pixels)
{
    const qint64 canvas = qint64(pixels.canvasSize.width()) * pixels.canvasSize.height();
    return canvas > 0 ? double(pixels.mismatchCount) / double(canvas) : 0.0;
}

QString size(QSize size)
{
    return QStringLiteral("%1 × %2").arg(size.width()).arg(size.height());
}

QString sizeChange(const PixelDiffResult &pixels)
{
    if (!pixels.sizeChanged())
        return ReportText::size(pixels.sizeA) + QStringLiteral(" (unchanged)");
    return ReportText::size(pixels.sizeA) + QStringLiteral(" → ") + ReportText::size(pixels.sizeB);
}

QString verdict(const DiffReportInput &input)
{
    return input.different ? QStringLiteral("Different") : QStringLiteral("Same");
}

QString counts(const InventoryCounts &counts)
{
    return QStringLiteral("%1 added, %2 removed, %3 changed, %4 moved, %5 unchanged")
        .arg(count(counts.added), count(counts.removed), count(counts.changed), count(counts.moved),
             count(counts.unchanged));
}

QString summary(const DiffReportInput &input)
{
    QStringList sentences;
    if (const PixelDiffResult *pixels = input.pixels) {
        if (!pixels->ok()) {
            sentences.append(QStringLiteral("The images could not be compared: %1.").arg(pixels->errorString));
        } else if (pixels->identical) {
            sentences.append(QStringLiteral("The images are identical."));
        } else {
            const qsizetype regions = pixels->regions.size();
            sentences.append(QStringLiteral("%1 %2 (%3) in %4 %5.")
                                 .arg(count(pixels->mismatchCount),
                                      pixels->mismatchCount == 1 ? QStringLiteral("pixel differs")
                                                                 : QStringLiteral("pixels differ"),
                                      percent(mismatchRatio(*pixels)), count(regions),
                                      regions == 1 ? QStringLiteral("region") : QStringLiteral("regions")));
            if (pixels->sizeChanged())
                sentences.append(QStringLiteral("The size changed: %1.").arg(sizeChange(*pixels)));
        }
    }
    if (const InventoryDiffResult *structure = input.structure) {
        const InventoryCounts &totals = structure->totals;
        sentences.append(QStringLiteral("Resources: %1.").arg(counts(totals)));
        if (!structure->documentChanges.isEmpty())
            sentences.append(QStringLiteral("%1 diagram %2 changed.")
                                 .arg(count(structure->documentChanges.size()),
                                      structure->documentChanges.size() == 1 ? QStringLiteral("setting")
                                                                             : QStringLiteral("settings")));
    }
    if (sentences.isEmpty())
        sentences.append(QStringLiteral("Nothing was compared."));
    return sentences.join(u' ');
}

QString limits(const DiffReportInput &input)
{
    QStringList parts;
    if (input.pixels) {
        parts.append(QStringLiteral("threshold %1").arg(QString::number(input.threshold, 'g', 6)));
        if (input.failOnPixels >= 0)
            parts.append(QStringLiteral("at most %1 changed pixels").arg(count(input.failOnPixels)));
        if (input.failOnRatio >= 0)
            parts.append(QStringLiteral("at most %1 changed").arg(percent(input.failOnRatio)));
        if (input.failOnPixels < 0 && input.failOnRatio < 0)
            parts.append(QStringLiteral("any changed pixel counts"));
    }
    if (input.structure)
        parts.append(QStringLiteral("any added, removed or changed resource or diagram setting counts"));
    return parts.isEmpty() ? QString() : QStringLiteral("Limits: ") + parts.join(QStringLiteral(", ")) + u'.';
}

QString value(const QJsonValue &value, qsizetype maxLength)
{
    return attributeValueText(value, maxLength);
}

QString memberChange(const AttributeChange &change, const InventoryDiffResult *structure)
{
    // Group members are component ids (random UUIDs in real blueprints): a name says more.
    const auto named = [structure](const QString &item) {
        const ResourceDiff *resource = structure ? structure->find(item) : nullptr;
        return resource && !resource->label.isEmpty() && resource->label != resource->type ? resource->label : item;
    };
    QStringList parts;
    for (const QString &item : change.addedItems)
        parts.append(u'+' + named(item));
    for (const QString &item : change.removedItems)
        parts.append(u'−' + named(item));
    return parts.join(QStringLiteral(", "));
}

QList<const ResourceDiff *> listedResources(const InventoryDiffResult &structure)
{
    QList<const ResourceDiff *> listed;
    for (ResourceChange change : {ResourceChange::Added, ResourceChange::Removed, ResourceChange::Changed,
                                  ResourceChange::Moved})
        listed.append(structure.withChange(change));
    return listed;
}

QString resourceName(const ResourceDiff &resource)
{
    if (resource.label.isEmpty() || resource.label == resource.type)
        return resource.type.isEmpty() ? resource.key : resource.type;
    return resource.type.isEmpty() ? resource.label : resource.label + QStringLiteral(" (") + resource.type + u')';
}

} // namespace Cloudcraft::Core::ReportText
