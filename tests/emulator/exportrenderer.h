#pragma once

#include "httpmessage.h"

#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Emulator {

/// Turns export query parameters into a rendered answer (or a 400 naming the bad parameter). The pixels come from
/// DiagramRenderer (library cloudcraft_emulator_render); without it the answer is 501.
class ExportRenderer final
{
public:
    /// png, svg, pdf, mxGraph (json is answered by the caller, it needs no renderer).
    static bool isImageFormat(const QString &format);
    static HttpResponse render(const QJsonObject &blueprintData, const QString &format, const HttpRequest &request);
    /// csv or xlsx budget for the diagram's components.
    static HttpResponse budget(const QJsonObject &blueprintData, const QString &format, const HttpRequest &request);
};

} // namespace Cloudcraft::Emulator
