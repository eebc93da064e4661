#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace Cloudcraft::Core {

class ApiCall;

/// A parsed value or why it could not be parsed (Kind::InvalidResponse with a clear detail).
template <typename T>
struct ApiResult {
    T value{};
    ApiError error;
    bool ok() const { return !error.isError(); }
};

/// The one parsing layer for API JSON. Tolerant where real servers vary (ids as numbers, `null` lists, `{}` for
/// an empty list, /team envelopes, both mapPos forms, unknown fields kept in `raw`), strict where data would be
/// wrong (invalid JSON or UTF-8, trailing garbage, too deep, numbers out of range, a required field of the wrong
/// type).
namespace ApiParse {

/// Decodes a whole body: UTF-8 checked, one JSON object or array, nothing after it, nesting <= maxDepth,
/// no infinite numbers. The error detail names the problem and its byte offset.
ApiResult<QJsonValue> decodeJson(const QByteArray &bytes, int maxDepth = 256);

ApiResult<User> user(const QJsonValue &json);
/// Accepts a bare array, {"teams": [...]}, or a single team object.
ApiResult<QList<Team>> teams(const QJsonValue &json);
/// {"blueprints": [...]}; `{}` or a missing key is an empty list.
ApiResult<QList<BlueprintSummary>> blueprintList(const QJsonValue &json);
/// A full blueprint record (top-level fields + data). `etag` is copied into the result.
ApiResult<Blueprint> blueprint(const QJsonValue &json, const QString &etag = {});
ApiResult<QList<AwsAccount>> awsAccounts(const QJsonValue &json);
ApiResult<AwsAccount> awsAccount(const QJsonValue &json);
ApiResult<QList<AzureAccount>> azureAccounts(const QJsonValue &json);
ApiResult<AzureAccount> azureAccount(const QJsonValue &json);
ApiResult<IamParameters> iamParameters(const QJsonValue &json);
/// Any JSON object (IAM policy documents, snapshot documents).
ApiResult<QJsonObject> object(const QJsonValue &json);

/// The server's error text from an error body (`error`, else `message`), sanitized; empty when none.
QString errorMessage(const QByteArray &body);
/// Both mapPos forms; `valid` is false for anything else.
MapPos mapPos(const QJsonValue &json);
/// An id that may arrive as a string or a number ("42", never "42.0"); empty for other types.
QString idString(const QJsonValue &json);

/// Combines a finished call with a parser: the call's error if it failed, else the parse result.
template <typename T>
ApiResult<T> fromCall(const ApiCall &call, ApiResult<T> (*parser)(const QJsonValue &));
ApiResult<Blueprint> blueprintFromCall(const ApiCall &call);

} // namespace ApiParse
} // namespace Cloudcraft::Core

#include "api/apicall.h"

namespace Cloudcraft::Core::ApiParse {
template <typename T>
ApiResult<T> fromCall(const ApiCall &call, ApiResult<T> (*parser)(const QJsonValue &))
{
    if (!call.isFinished())
        return {T{}, ApiError(ApiError::Kind::InvalidArgument, 0, {}, QStringLiteral("the call has not finished"))};
    if (call.error().isError())
        return {T{}, call.error()};
    return parser(call.json());
}
} // namespace Cloudcraft::Core::ApiParse
