#include "apiutil.h"

#include "httpmessage.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace Cloudcraft::Emulator::ApiUtil {

bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString now()
{
    return isoTimestamp(QDateTime::currentDateTimeUtc());
}

std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("Invalid JSON in request body"));
        return std::nullopt;
    }
    return document.object();
}

bool optionalBool(const HttpRequest &request, const QString &name, bool *value)
{
    if (!request.hasQueryItem(name))
        return true;
    const QString text = request.queryItem(name).toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        *value = true;
    else if (text == QLatin1String("false") || text == QLatin1String("0"))
        *value = false;
    else
        return false;
    return true;
}

} // namespace Cloudcraft::Emulator::ApiUtil
