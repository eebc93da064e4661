#pragma once

#include "api/apierror.h"
#include "api/apirequest.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace Cloudcraft::Core {

/// Outcome of one HTTP exchange. `error` is set only when no complete HTTP response arrived (network, TLS,
/// timeout, size cap); HTTP statuses are judged by ApiCall.
struct ApiAttemptResult {
    ApiError error;
    int status = 0;
    QByteArray body;
    QString contentType;
    QString etag;
    QByteArray location;
    QByteArray retryAfter;
};

/// Runs one QNetworkReply with the transport rules: inactivity timeout (set on the request), an overall deadline,
/// a size cap checked from Content-Length and while streaming, and TLS errors reported, never ignored.
/// Internal to src/api: nothing outside the API layer sees a QNetworkReply.
class ApiAttempt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiAttempt)

public:
    ApiAttempt(QNetworkAccessManager *network, const QNetworkRequest &request, HttpMethod method, QByteArray body,
               qint64 maxBytes, std::chrono::milliseconds deadline, QObject *parent = nullptr);
    ~ApiAttempt() override;

    void start();
    /// Stops the transfer; done() follows with `reason` (Cancelled, Timeout...).
    void abort(const ApiError &reason);

Q_SIGNALS:
    void done(const Cloudcraft::Core::ApiAttemptResult &result);
    void progress(qint64 received, qint64 total);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    ApiError classifyNetworkError(QNetworkReply::NetworkError code) const;
    QString tooLargeDetail() const;
    bool isDecompressionFailure() const;

    QNetworkAccessManager *m_network;
    QNetworkRequest m_request;
    HttpMethod m_method;
    QByteArray m_requestBody;
    qint64 m_maxBytes;
    std::chrono::milliseconds m_deadline;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QList<QSslError> m_sslErrors;
    ApiError m_abortReason;
    QTimer m_deadlineTimer;
    bool m_done = false;
};

/// Builds the QNetworkRequest for `url`: the one place that adds `Authorization: Bearer <key>`, plus User-Agent,
/// Accept, Content-Type, If-Match, HTTP/2 off, manual redirects, the inactivity timeout and the TLS configuration.
QNetworkRequest makeNetworkRequest(const QUrl &url, const ApiRequest &request, const QString &key,
                                   const QByteArray &userAgent, const QSslConfiguration &ssl,
                                   std::chrono::milliseconds inactivity);

} // namespace Cloudcraft::Core
