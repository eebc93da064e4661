#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Emulator {

enum class RenderFormat { Png, Svg, Pdf, MxGraph };

/// Export parameters of GET /blueprint/{id}/{format} (cloudcraft-api.md §2.4), already parsed.
struct RenderOptions
{
    double scale = 1.0; ///< (0, 8]; multiplies the natural size; unused when width and height are both given
    int width = 0; ///< 0 = natural size; otherwise the literal output width (at most 8192)
    int height = 0; ///< 0 = natural size; otherwise the literal output height (at most 8192)
    bool grid = false;
    bool transparent = false;
    bool landscape = false;
    QString paperSize = QStringLiteral("Letter");
    QString theme; ///< "light", "dark" or empty (= the blueprint's own theme)
};

/// Budget export parameters (cloudcraft-api.md §2.5).
struct BudgetOptions
{
    QString currency = QStringLiteral("USD");
    QString period = QStringLiteral("m");
    QString rate = QStringLiteral("effective");
};

/// Deterministic, simplified top-down rendering of a blueprint `data` object.
/// Same input gives byte-identical output. Text in PNG needs a QGuiApplication (any platform, e.g. offscreen);
/// without one, PNGs are drawn without text. PDF pages follow paperSize/landscape (width/height do not apply).
/// Natural-size PNG/SVG output is capped at about 4 megapixels (big diagrams are scaled down to fit).
/// Thread-safe: no shared mutable state.
class DiagramRenderer final
{
public:
    static QByteArray render(const QJsonObject &blueprintData, RenderFormat format, const RenderOptions &options);
    static QByteArray budgetCsv(const QJsonObject &blueprintData, const BudgetOptions &options);
};

} // namespace Cloudcraft::Emulator
