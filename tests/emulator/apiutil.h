#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Cloudcraft::Emulator {

struct HttpRequest;
struct HttpResponse;

/// Small helpers the endpoint classes share.
namespace ApiUtil {
bool isUuid(const QString &text);
QString newUuid();
QString now();
/// The request body as a JSON object, or a 400 response explaining why not.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error);
/// Reads an optional boolean query item ("true"/"false"/"1"/"0"); false when present but not a boolean.
bool optionalBool(const HttpRequest &request, const QString &name, bool *value);
} // namespace ApiUtil

} // namespace Cloudcraft::Emulator
