#include "exportsettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace Cloudcraft::Core {

QStringList ExportSettings::paperSizes()
{
    return {QStringLiteral("Letter"), QStringLiteral("Legal"), QStringLiteral("Tabloid"), QStringLiteral("Ledger"),
            QStringLiteral("A0"),     QStringLiteral("A1"),    QStringLiteral("A2"),      QStringLiteral("A3"),
            QStringLiteral("A4"),     QStringLiteral("A5")};
}

QList<ExportSettings::Format> ExportSettings::formats()
{
    return {Format::Png, Format::Svg, Format::Pdf, Format::MxGraph, Format::Json, Format::BudgetCsv};
}

QString ExportSettings::formatKey(Format format)
{
    switch (format) {
    case Format::Png: return QStringLiteral("png");
    case Format::Svg: return QStringLiteral("svg");
    case Format::Pdf: return QStringLiteral("pdf");
    case Format::MxGraph: return QStringLiteral("mxgraph");
    case Format::Json: return QStringLiteral("json");
    case Format::BudgetCsv: return QStringLiteral("budget-csv");
    }
    return {};
}

std::optional<ExportSettings::Format> ExportSettings::formatFromKey(QStringView key)
{
    for (const Format format : formats()) {
        if (key.compare(formatKey(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QString ExportSettings::fileSuffix(Format format)
{
    switch (format) {
    case Format::MxGraph: return QStringLiteral("drawio");
    case Format::BudgetCsv: return QStringLiteral("csv");
    default: return formatKey(format);
    }
}

bool ExportSettings::isRateLimited(Format format)
{
    return format != Format::Json && format != Format::BudgetCsv;
}

bool ExportSettings::hasImageOptions(Format format)
{
    return format == Format::Png || format == Format::Svg || format == Format::Pdf;
}

bool ExportSettings::hasTransparency(Format format)
{
    return format == Format::Png || format == Format::Svg;
}

std::optional<ExportFormat> ExportSettings::apiFormat() const
{
    switch (format) {
    case Format::Png: return ExportFormat::Png;
    case Format::Svg: return ExportFormat::Svg;
    case Format::Pdf: return ExportFormat::Pdf;
    case Format::MxGraph: return ExportFormat::MxGraph;
    default: return std::nullopt;
    }
}

ExportOptions ExportSettings::apiOptions() const
{
    ExportOptions options;
    if (!hasImageOptions(format))
        return options;
    if (scale != 1.0)
        options.scale = scale;
    if (width > 0)
        options.width = width;
    if (height > 0)
        options.height = height;
    options.grid = grid;
    if (hasTransparency(format))
        options.transparent = transparent;
    if (hasPaperOptions(format)) {
        options.landscape = landscape;
        options.paperSize = paperSize;
    }
    return options;
}

QString ExportSettings::validate() const
{
    if (hasImageOptions(format)) {
        if (!(scale >= kMinScale && scale <= kMaxScale))
            return QCoreApplication::translate("ExportSettings", "The scale must be between %1 and %2.")
                .arg(kMinScale)
                .arg(kMaxScale);
        if (width < 0 || width > kMaxPixels || height < 0 || height > kMaxPixels)
            return QCoreApplication::translate("ExportSettings", "Width and height must be between 1 and %1 pixels.")
                .arg(kMaxPixels);
    }
    if (hasPaperOptions(format) && !paperSizes().contains(paperSize))
        return QCoreApplication::translate("ExportSettings", "Unknown paper size \"%1\".").arg(paperSize);
    if (fileNameTemplate.trimmed().isEmpty())
        return QCoreApplication::translate("ExportSettings", "The file name template is empty.");
    return {};
}

namespace {
QString key(const QString &group, const char *name)
{
    return group.isEmpty() ? QString::fromLatin1(name) : group + u'/' + QLatin1String(name);
}
} // namespace

ExportSettings ExportSettings::load(const QSettings &settings, const QString &group)
{
    ExportSettings s;
    s.format = formatFromKey(settings.value(key(group, "format")).toString()).value_or(s.format);
    s.scale = qBound(kMinScale, settings.value(key(group, "scale"), s.scale).toDouble(), kMaxScale);
    s.width = qBound(0, settings.value(key(group, "width"), s.width).toInt(), kMaxPixels);
    s.height = qBound(0, settings.value(key(group, "height"), s.height).toInt(), kMaxPixels);
    s.transparent = settings.value(key(group, "transparent"), s.transparent).toBool();
    s.grid = settings.value(key(group, "grid"), s.grid).toBool();
    s.landscape = settings.value(key(group, "landscape"), s.landscape).toBool();
    if (const QString paper = settings.value(key(group, "paperSize")).toString(); paperSizes().contains(paper))
        s.paperSize = paper;
    if (const QString pattern = settings.value(key(group, "fileNameTemplate")).toString(); !pattern.trimmed().isEmpty())
        s.fileNameTemplate = pattern;
    const int existing = settings.value(key(group, "existingFiles"), int(s.existingFiles)).toInt();
    if (existing >= int(ExistingFiles::Overwrite) && existing <= int(ExistingFiles::Skip))
        s.existingFiles = ExistingFiles(existing);
    return s;
}

void ExportSettings::save(QSettings &settings, const QString &group) const
{
    settings.setValue(key(group, "format"), formatKey(format));
    settings.setValue(key(group, "scale"), scale);
    settings.setValue(key(group, "width"), width);
    settings.setValue(key(group, "height"), height);
    settings.setValue(key(group, "transparent"), transparent);
    settings.setValue(key(group, "grid"), grid);
    settings.setValue(key(group, "landscape"), landscape);
    settings.setValue(key(group, "paperSize"), paperSize);
    settings.setValue(key(group, "fileNameTemplate"), fileNameTemplate);
    settings.setValue(key(group, "existingFiles"), int(existingFiles));
}

} // namespace Cloudcraft::Core
