#pragma once

#include "api/apitypes.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace Cloudcraft::Core {

/// What the user chose in the export dialog: one output format and its options. Converts to the API's query
/// options and reads/writes itself from settings, so the dialog, the defaults page and the batch share one shape.
struct ExportSettings
{
    enum class Format { Png, Svg, Pdf, MxGraph, Json, BudgetCsv };
    /// What to do when the target file already exists.
    enum class ExistingFiles { Overwrite, KeepBoth, Skip };

    Format format = Format::Png;
    double scale = 1.0;
    int width = 0;  ///< px, 0 = as drawn
    int height = 0; ///< px, 0 = as drawn
    bool transparent = false;
    bool grid = false;
    bool landscape = false;                              ///< PDF only
    QString paperSize = QStringLiteral("Letter");        ///< PDF only
    QString fileNameTemplate = QStringLiteral("{name}"); ///< see FileNameTemplate
    ExistingFiles existingFiles = ExistingFiles::KeepBoth;

    static constexpr double kMinScale = 0.1;
    static constexpr double kMaxScale = 10.0;
    static constexpr int kMaxPixels = 20000;

    /// The width presets offered to users (Full HD, 4K, 8K).
    static QList<int> widthPresets() { return {1920, 3840, 7680}; }
    /// Paper sizes the API accepts for PDF.
    static QStringList paperSizes();
    static QList<Format> formats();
    /// Stable lower-case name used in settings and in the {format} placeholder: "png", "mxgraph", "budget-csv"...
    static QString formatKey(Format format);
    static std::optional<Format> formatFromKey(QStringView key);
    /// File name suffix without the dot: "png", "drawio", "json", "csv".
    static QString fileSuffix(Format format);

    /// Formats that go through the export budget (GET /blueprint/{id}/{format}).
    static bool isRateLimited(Format format);
    /// Whether an option means anything for a format (the dialog enables controls with it).
    static bool hasImageOptions(Format format);  ///< scale, width/height, grid, transparency: PNG, SVG, PDF
    static bool hasTransparency(Format format);  ///< PNG and SVG
    static bool hasPaperOptions(Format format) { return format == Format::Pdf; }

    /// The query options for GET /blueprint/{id}/{format}; only what the format uses is set.
    ExportOptions apiOptions() const;
    /// The API format for image and document exports; nullopt for JSON and the budget.
    std::optional<ExportFormat> apiFormat() const;

    /// An error sentence for impossible values (scale out of range, unknown paper size), empty when fine.
    QString validate() const;

    /// Reads and writes the settings under `group` (e.g. "export" or "profiles/<name>/export").
    static ExportSettings load(const QSettings &settings, const QString &group);
    void save(QSettings &settings, const QString &group) const;

    friend bool operator==(const ExportSettings &, const ExportSettings &) = default;
};

} // namespace Cloudcraft::Core
