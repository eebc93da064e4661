#pragma once

#include "api/apitypes.h"
#include "api/requestscheduler.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

enum class HttpMethod { Get, Post, Put, Delete };
QString httpMethodName(HttpMethod method);

/// What the caller expects back: decides the size cap and whether the body must be JSON.
enum class ResponseKind { Json, Binary, Empty };

/// Everything needed to (re)send one logical request. Built by ApiClient; readable from ApiCall::request().
struct ApiRequest {
    QString operation; ///< endpoint name for logs and tests, e.g. "getBlueprint"
    HttpMethod method = HttpMethod::Get;
    QStringList pathSegments; ///< unencoded; each one is percent-encoded when the URL is built
    QueryItems query;
    QByteArray body; ///< JSON for POST/PUT
    QString ifMatch;
    ResponseKind responseKind = ResponseKind::Json;
    RateRoute route = RateRoute::General;
    Priority priority = Priority::Normal;
    bool longPoll = false; ///< snapshot: 202 STILL_PROCESSING is polled and the longer deadline applies
    /// Json only. false: ApiCall leaves json() null and the caller decodes body() itself, e.g. on a worker thread,
    /// since a 2 MB blueprint list takes ~20 ms to decode and the UI thread has no time for that.
    bool decodeJson = true;

    /// GET, HEAD and DELETE may be retried automatically; POST and PUT never are.
    bool isIdempotent() const { return method == HttpMethod::Get || method == HttpMethod::Delete; }
    /// "/blueprint/<id>/png" with each segment percent-encoded.
    QString encodedPath() const;
    /// "a=1&b=x%20y" with every key and value percent-encoded (also '+', '&', '='); empty without items.
    QString encodedQuery() const;
};

} // namespace Cloudcraft::Core
