#include "api/apitypes.h"

#include <QJsonArray>

namespace Cloudcraft::Core {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

void addAccess(QJsonObject &object, const std::optional<QStringList> &readAccess,
               const std::optional<QStringList> &writeAccess)
{
    if (readAccess)
        object.insert(QLatin1String("readAccess"), toArray(*readAccess));
    if (writeAccess)
        object.insert(QLatin1String("writeAccess"), toArray(*writeAccess));
}

} // namespace

QJsonObject Blueprint::toDocument() const
{
    QJsonObject document = summary.raw;
    document.insert(QLatin1String("data"), data);
    const QString dataName = data.value(QLatin1String("name")).toString();
    if (!dataName.isEmpty())
        document.insert(QLatin1String("name"), dataName);
    return document;
}

QJsonObject AwsAccountInput::toJson() const
{
    QJsonObject object{{QLatin1String("name"), name}, {QLatin1String("roleArn"), roleArn}};
    if (region)
        object.insert(QLatin1String("region"), *region);
    addAccess(object, readAccess, writeAccess);
    return object;
}

QJsonObject AzureAccountInput::toJson() const
{
    QJsonObject object{{QLatin1String("name"), name},
                       {QLatin1String("applicationId"), applicationId},
                       {QLatin1String("directoryId"), directoryId},
                       {QLatin1String("subscriptionId"), subscriptionId}};
    if (clientSecret)
        object.insert(QLatin1String("clientSecret"), *clientSecret);
    addAccess(object, readAccess, writeAccess);
    return object;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::MxGraph: return QStringLiteral("mxGraph");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Webp: return QStringLiteral("webp");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    for (const auto format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::MxGraph,
                              ExportFormat::Json, ExportFormat::Webp}) {
        if (name.compare(exportFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    if (name.compare(u"drawio", Qt::CaseInsensitive) == 0)
        return ExportFormat::MxGraph;
    return std::nullopt;
}

QString exportFormatFileSuffix(ExportFormat format)
{
    return format == ExportFormat::MxGraph ? QStringLiteral("drawio") : exportFormatName(format);
}

QString budgetFormatName(BudgetFormat format)
{
    return format == BudgetFormat::Csv ? QStringLiteral("csv") : QStringLiteral("xlsx");
}

std::optional<BudgetFormat> budgetFormatFromName(QStringView name)
{
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return BudgetFormat::Csv;
    if (name.compare(u"xlsx", Qt::CaseInsensitive) == 0)
        return BudgetFormat::Xlsx;
    return std::nullopt;
}

void ExportOptions::addTo(QueryItems &query) const
{
    if (scale)
        query.append({QStringLiteral("scale"), QString::number(*scale, 'g', 10)});
    if (width)
        query.append({QStringLiteral("width"), QString::number(*width)});
    if (height)
        query.append({QStringLiteral("height"), QString::number(*height)});
    if (grid)
        query.append({QStringLiteral("grid"), boolText(*grid)});
    if (transparent)
        query.append({QStringLiteral("transparent"), boolText(*transparent)});
    if (landscape)
        query.append({QStringLiteral("landscape"), boolText(*landscape)});
    if (paperSize)
        query.append({QStringLiteral("paperSize"), *paperSize});
    if (theme)
        query.append({QStringLiteral("theme"), *theme});
    if (projection)
        query.append({QStringLiteral("projection"), *projection});
}

void SnapshotOptions::addTo(QueryItems &query) const
{
    render.addTo(query);
    if (filter)
        query.append({QStringLiteral("filter"), *filter});
    if (!exclude.isEmpty())
        query.append({QStringLiteral("exclude"), exclude.join(u',')});
    if (label)
        query.append({QStringLiteral("label"), boolText(*label)});
    if (autoconnect)
        query.append({QStringLiteral("autoconnect"), boolText(*autoconnect)});
}

void BudgetOptions::addTo(QueryItems &query) const
{
    if (currency)
        query.append({QStringLiteral("currency"), *currency});
    if (period)
        query.append({QStringLiteral("period"), *period});
    if (rate)
        query.append({QStringLiteral("rate"), *rate});
}

} // namespace Cloudcraft::Core
