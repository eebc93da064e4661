#pragma once

#include "api/apierror.h"
#include "auth/secretstore.h"

#include <QCoreApplication>
#include <QUrl>

namespace Cloudcraft::Ui {

/// One translated sentence per failure, worded for what the user can do about it.
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    ErrorText() = delete;

    /// `server` names the API the request went to ("api.cloudcraft.co").
    static QString forApi(const Core::ApiError &error, const QUrl &server);
    static QString forKeychain(const Core::SecretError &error);
    static QString noKeychain();
};

} // namespace Cloudcraft::Ui
