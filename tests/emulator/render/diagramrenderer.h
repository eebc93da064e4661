#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Emulator {

enum class RenderFormat { Png, Svg, Pdf, MxGraph };

/// Export parameters of GET /blueprint/{id}/{format} (cloudcraft-api.md §2.4), already parsed.
struct RenderOptions
{
    double scale = 1.0;
    int width = 0;  ///< 0 = natural size
    int height = 0; ///< 0 = natural size
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
/// Same input gives byte-identical output. Text in PNG needs a QGuiApplication (any platform, e.g. offscreen).
class DiagramRenderer final
{
public:
    static QByteArray render(const QJsonObject &blueprintData, RenderFormat format, const RenderOptions &options);
    static QByteArray budgetCsv(const QJsonObject &blueprintData, const BudgetOptions &options);
};

} // namespace Cloudcraft::Emulator
