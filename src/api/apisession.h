#pragma once

#include "api/apiendpoint.h"
#include "api/apierror.h"
#include "api/requestscheduler.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>

namespace Cloudcraft::Core {

/// What every call of one ApiClient shares. Internal to src/api; held by shared_ptr so a call never outlives it.
struct ApiSession {
    QPointer<QNetworkAccessManager> network;
    ApiEndpoint endpoint;
    QSslConfiguration ssl; ///< a copy of the default configuration plus the endpoint's CA file
    std::function<QString()> keyProvider;
    QPointer<RequestScheduler> scheduler;
    QByteArray userAgent;
    ApiError configurationError;
};

} // namespace Cloudcraft::Core
