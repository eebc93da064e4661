#include "exportrenderer.h"

#include "xlsxwriter.h"

#ifdef CLOUDCRAFT_EMULATOR_HAS_RENDERER
#include "diagramrenderer.h"
#endif

#include <QStringList>

namespace Cloudcraft::Emulator {

namespace {
constexpr int kMaxPixels = 16384;

const QStringList &paperSizes()
{
    static const QStringList sizes{QStringLiteral("Letter"), QStringLiteral("Legal"), QStringLiteral("Tabloid"),
                                   QStringLiteral("Ledger"), QStringLiteral("A0"),    QStringLiteral("A1"),
                                   QStringLiteral("A2"),     QStringLiteral("A3"),    QStringLiteral("A4"),
                                   QStringLiteral("A5")};
    return sizes;
}

HttpResponse invalidParameter(const QString &name)
{
    return HttpResponse::error(400, QStringLiteral("Invalid parameter: %1").arg(name));
}

bool parseBool(const HttpRequest &request, const QString &name, bool *value)
{
    if (!request.hasQueryItem(name))
        return true;
    const QString text = request.queryItem(name).toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1")) {
        *value = true;
        return true;
    }
    if (text == QLatin1String("false") || text == QLatin1String("0")) {
        *value = false;
        return true;
    }
    return false;
}

bool parsePixels(const HttpRequest &request, const QString &name, int *value)
{
    if (!request.hasQueryItem(name))
        return true;
    bool ok = false;
    *value = request.queryItem(name).toInt(&ok);
    return ok && *value > 0 && *value <= kMaxPixels;
}

[[maybe_unused]] QByteArray contentType(const QString &format)
{
    if (format == QLatin1String("png"))
        return QByteArrayLiteral("image/png");
    if (format == QLatin1String("svg"))
        return QByteArrayLiteral("image/svg+xml");
    if (format == QLatin1String("pdf"))
        return QByteArrayLiteral("application/pdf");
    return QByteArrayLiteral("application/xml");
}
} // namespace

bool ExportRenderer::isImageFormat(const QString &format)
{
    return format == QLatin1String("png") || format == QLatin1String("svg") || format == QLatin1String("pdf")
           || format == QLatin1String("mxGraph");
}

HttpResponse ExportRenderer::render(const QJsonObject &blueprintData, const QString &format, const HttpRequest &request)
{
    double scale = 1.0;
    if (request.hasQueryItem(QStringLiteral("scale"))) {
        bool ok = false;
        scale = request.queryItem(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || !(scale > 0.0) || scale > 10.0)
            return invalidParameter(QStringLiteral("scale"));
    }
    int width = 0;
    int height = 0;
    if (!parsePixels(request, QStringLiteral("width"), &width))
        return invalidParameter(QStringLiteral("width"));
    if (!parsePixels(request, QStringLiteral("height"), &height))
        return invalidParameter(QStringLiteral("height"));
    bool grid = false;
    bool transparent = false;
    bool landscape = false;
    if (!parseBool(request, QStringLiteral("grid"), &grid))
        return invalidParameter(QStringLiteral("grid"));
    if (!parseBool(request, QStringLiteral("transparent"), &transparent))
        return invalidParameter(QStringLiteral("transparent"));
    if (!parseBool(request, QStringLiteral("landscape"), &landscape))
        return invalidParameter(QStringLiteral("landscape"));
    QString paperSize = QStringLiteral("Letter");
    if (request.hasQueryItem(QStringLiteral("paperSize"))) {
        paperSize = request.queryItem(QStringLiteral("paperSize"));
        if (!paperSizes().contains(paperSize))
            return invalidParameter(QStringLiteral("paperSize"));
    }
    QString theme;
    if (request.hasQueryItem(QStringLiteral("theme"))) {
        theme = request.queryItem(QStringLiteral("theme"));
        if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
            return invalidParameter(QStringLiteral("theme"));
    }
    QJsonObject data = blueprintData;
    if (request.hasQueryItem(QStringLiteral("projection"))) {
        const QString projection = request.queryItem(QStringLiteral("projection"));
        if (projection != QLatin1String("isometric") && projection != QLatin1String("2d"))
            return invalidParameter(QStringLiteral("projection"));
        data.insert(QStringLiteral("projection"), projection);
    }

#ifdef CLOUDCRAFT_EMULATOR_HAS_RENDERER
    RenderOptions options;
    options.scale = scale;
    options.width = width;
    options.height = height;
    options.grid = grid;
    options.transparent = transparent;
    options.landscape = landscape;
    options.paperSize = paperSize;
    options.theme = theme;
    RenderFormat renderFormat = RenderFormat::Png;
    if (format == QLatin1String("svg"))
        renderFormat = RenderFormat::Svg;
    else if (format == QLatin1String("pdf"))
        renderFormat = RenderFormat::Pdf;
    else if (format == QLatin1String("mxGraph"))
        renderFormat = RenderFormat::MxGraph;
    const QByteArray bytes = DiagramRenderer::render(data, renderFormat, options);
    if (bytes.isEmpty())
        return HttpResponse::error(500, QStringLiteral("Rendering failed"));
    return HttpResponse::bytes(200, contentType(format), bytes);
#else
    Q_UNUSED(data)
    Q_UNUSED(format)
    return HttpResponse::error(501, QStringLiteral("This emulator build has no diagram renderer"));
#endif
}

HttpResponse ExportRenderer::budget(const QJsonObject &blueprintData, const QString &format, const HttpRequest &request)
{
    if (format != QLatin1String("csv") && format != QLatin1String("xlsx"))
        return HttpResponse::error(400, QStringLiteral("Invalid parameter: format. Must be one of: csv, xlsx"));
    static const QStringList currencies{QStringLiteral("USD"), QStringLiteral("AUD"), QStringLiteral("CHF"),
                                        QStringLiteral("CKK"), QStringLiteral("EUR"), QStringLiteral("GBP"),
                                        QStringLiteral("HKD"), QStringLiteral("JPY"), QStringLiteral("NOK"),
                                        QStringLiteral("NZD"), QStringLiteral("SEK"), QStringLiteral("ZAR")};
    static const QStringList periods{QStringLiteral("h"), QStringLiteral("d"), QStringLiteral("w"),
                                     QStringLiteral("m"), QStringLiteral("y")};
    static const QStringList rates{QStringLiteral("effective"), QStringLiteral("stated")};
    const QString currency = request.hasQueryItem(QStringLiteral("currency")) ? request.queryItem(QStringLiteral("currency"))
                                                                               : QStringLiteral("USD");
    const QString period = request.hasQueryItem(QStringLiteral("period")) ? request.queryItem(QStringLiteral("period"))
                                                                           : QStringLiteral("m");
    const QString rate = request.hasQueryItem(QStringLiteral("rate")) ? request.queryItem(QStringLiteral("rate"))
                                                                       : QStringLiteral("effective");
    if (!currencies.contains(currency))
        return invalidParameter(QStringLiteral("currency"));
    if (!periods.contains(period))
        return invalidParameter(QStringLiteral("period"));
    if (!rates.contains(rate))
        return invalidParameter(QStringLiteral("rate"));

#ifdef CLOUDCRAFT_EMULATOR_HAS_RENDERER
    BudgetOptions options;
    options.currency = currency;
    options.period = period;
    options.rate = rate;
    const QByteArray csv = DiagramRenderer::budgetCsv(blueprintData, options);
#else
    Q_UNUSED(blueprintData)
    const QByteArray csv = QByteArrayLiteral("category,type,region,count,unitPrice,cost\n");
#endif
    if (format == QLatin1String("csv"))
        return HttpResponse::bytes(200, QByteArrayLiteral("text/csv; charset=utf-8"), csv);
    return HttpResponse::bytes(200,
                               QByteArrayLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                               XlsxWriter::fromCsv(csv));
}

} // namespace Cloudcraft::Emulator
