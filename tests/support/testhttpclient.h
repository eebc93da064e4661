#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Cloudcraft::Test {

/// What one test request got back.
struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;
    bool timedOut = false;
    bool http2Used = false;

    QByteArray header(QByteArrayView name) const;
    QByteArray contentType() const;
    QJsonObject json() const;
    QJsonArray jsonArray() const;
    bool isJson() const;
};

/// Blocking HTTPS requests for tests (QNetworkAccessManager + a local event loop). Trusts the test CA only in
/// addition to the defaults, never follows redirects, HTTP/2 off, no proxy.
class TestHttpClient final
{
public:
    explicit TestHttpClient(int timeoutMs = 10000);
    ~TestHttpClient();
    TestHttpClient(const TestHttpClient &) = delete;
    TestHttpClient &operator=(const TestHttpClient &) = delete;

    void setTimeout(int timeoutMs) { m_timeoutMs = timeoutMs; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    /// Sends Accept-Encoding: gzip by hand so the body arrives as the server sent it (Qt then does not inflate).
    void setRawGzip(bool raw) { m_rawGzip = raw; }

    HttpResult send(const QByteArray &method, const QUrl &url, const QString &key = {}, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult get(const QUrl &url, const QString &key = {}) { return send("GET", url, key); }

private:
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QSslConfiguration m_ssl;
    int m_timeoutMs;
    bool m_rawGzip = false;
};

} // namespace Cloudcraft::Test
