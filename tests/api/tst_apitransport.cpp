// Transport rules of ApiClient/ApiAttempt against the real emulator (RELIABILITY.md rows 8-14, 18 and 28):
// redirects never carry the key off-origin, https only, TLS errors reported with their cause, inactivity timeout
// plus deadline, size caps before buffering, the decompression guard, HTTP/2 off, and no key in any log line.
#include "api/apiclient.h"

#include "emulatorprocess.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;
using Kind = ApiError::Kind;
using std::chrono::milliseconds;

namespace {

// Everything Qt and we log while a test runs (row 28).
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
    }
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}

qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestApiTransport final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;

    ApiEndpoint endpointFor(const EmulatorProcess &emulator) const
    {
        ApiEndpoint endpoint;
        endpoint.baseUrl = emulator.baseUrl();
        endpoint.caFile = emulator.caFile();
        endpoint.retry.backoffBase = milliseconds(20);
        endpoint.retry.backoffCap = milliseconds(50);
        return endpoint;
    }

    std::unique_ptr<ApiClient> makeClient(const ApiEndpoint &endpoint, const QString &key = {},
                                          QNetworkAccessManager *network = nullptr)
    {
        const QString k = key.isEmpty() ? m_emulator.readWriteKey() : key;
        return std::make_unique<ApiClient>(network ? network : &m_network, endpoint, [k] { return k; });
    }

    static bool finish(ApiCall *call, int timeoutMs = 20000)
    {
        if (call->isFinished())
            return true;
        QSignalSpy spy(call, &ApiCall::finished);
        return spy.wait(timeoutMs) && call->isFinished();
    }

    void startEmulator()
    {
        m_emulator.stop();
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        startEmulator();
    }

    void init()
    {
        // The emulator (another part of the project) may die when a client aborts a huge answer mid-body; these
        // tests are about the client, so a fresh one is started instead of failing every later test.
        if (m_emulator.isRunning() && m_emulator.reset())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!m_emulator.isRunning(), 3000); // a failed reset means it is going down
        qWarning("the emulator died after the previous test; starting a new one");
        startEmulator();
        QVERIFY2(m_emulator.reset(), qPrintable(m_emulator.stderrText().right(2000)));
    }

    void redirectsNeverLeaveTheOrigin_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        for (const int code : {301, 302, 303, 307, 308})
            QTest::addRow("foreign %d", code) << u"redirect-foreign:%1"_s.arg(code) << int(Kind::Redirect) << u"127.0.0.2"_s;
        QTest::newRow("relative //host") << u"redirect-relative-foreign:302"_s << int(Kind::Redirect) << u"127.0.0.2"_s;
        QTest::newRow("to http 302") << u"redirect-plain:302"_s << int(Kind::InsecureUrl) << u"unencrypted"_s;
        QTest::newRow("to http 308") << u"redirect-plain:308"_s << int(Kind::InsecureUrl) << u"unencrypted"_s;
    }

    void redirectsNeverLeaveTheOrigin()
    {
        QFETCH(QString, fault);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        QVERIFY(m_emulator.addFault(u"*"_s, u"^/user/me$"_s, fault));
        auto client = makeClient(endpointFor(m_emulator));
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(int(call->error().kind()), kind);
        QCOMPARE(call->attempts(), 1);
        const QString message = call->error().userMessage();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(message.contains(u"The API key was not sent there."_s) || kind == int(Kind::InsecureUrl));
        QTest::qWait(200); // anything that would have followed has had time to arrive
        QCOMPARE(m_emulator.foreignRequests().size(), 0);
        QCOMPARE(m_emulator.requests().size(), 1);
    }

    void httpBaseUrlIsRefusedBeforeAnySocket()
    {
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.baseUrl = m_emulator.plainUrl();
        QCOMPARE(endpoint.baseUrl.scheme(), u"http"_s);
        auto client = makeClient(endpoint);
        QCOMPARE(client->configurationError().kind(), Kind::InsecureUrl);
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::InsecureUrl);
        QCOMPARE(call->attempts(), 0);
        QVERIFY(call->error().userMessage().contains(u"Only https:// is allowed."_s));
        QTest::qWait(200);
        QCOMPARE(m_emulator.foreignRequests().size(), 0); // the plain listener saw nothing
        QCOMPARE(m_emulator.requests().size(), 0);
    }

    void tlsWithoutCaIsRefused()
    {
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.caFile.clear();
        // Qt pools connections per host and port, not per TLS configuration: a fresh manager makes sure this
        // request does its own handshake instead of reusing one a trusting client already made.
        QNetworkAccessManager freshNetwork;
        auto client = makeClient(endpoint, {}, &freshNetwork);
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::Tls);
        const QString message = call->error().userMessage();
        QVERIFY2(message.startsWith(u"The secure connection failed: the server's certificate was not accepted"_s), qPrintable(message));
        QVERIFY2(message.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(m_emulator.requests().size(), 0); // nothing was sent over an untrusted connection
    }

    void tlsWithCaFileSucceeds()
    {
        auto client = makeClient(endpointFor(m_emulator));
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
    }

    void tlsWrongHostIsRefused()
    {
        EmulatorProcess wrongHost;
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.extraArgs = {u"--cert"_s, testCertDir() + u"/wronghost.pem"_s, u"--key"_s, testCertDir() + u"/wronghost.key"_s};
        QVERIFY2(wrongHost.start(options), qPrintable(wrongHost.errorString()));
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.baseUrl = wrongHost.baseUrl();
        auto client = makeClient(endpoint);
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::Tls);
        QVERIFY2(call->error().detail().contains(u"host name"_s, Qt::CaseInsensitive), qPrintable(call->error().detail()));
    }

    void unusableCaFileIsReported()
    {
        QTemporaryFile notPem;
        QVERIFY(notPem.open());
        notPem.write("this is not a certificate\n");
        notPem.flush();
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.caFile = notPem.fileName();
        auto client = makeClient(endpoint);
        QCOMPARE(client->configurationError().kind(), Kind::Tls);
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QVERIFY(call->error().userMessage().contains(u"contains no PEM certificate"_s));
        endpoint.caFile = u"/nonexistent/ca.pem"_s;
        QVERIFY(makeClient(endpoint)->configurationError().detail().contains(u"cannot read the CA file"_s));
        QCOMPARE(m_emulator.requests().size(), 0);
    }

    void timeouts_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("inactivityMs");
        QTest::addColumn<int>("deadlineMs");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("silent server") << u"silent"_s << 1000 << 10000 << u"no data arrived for 1 s"_s;
        // A byte every 0.5 s never trips the inactivity timer: only the deadline ends it.
        QTest::newRow("slow drip") << u"drip"_s << 2000 << 2500 << u"within 2.5 s"_s;
    }

    void timeouts()
    {
        QFETCH(QString, fault);
        QFETCH(int, inactivityMs);
        QFETCH(int, deadlineMs);
        QFETCH(QString, mentions);
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/blueprint$"_s, fault));
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.timeouts.inactivity = milliseconds(inactivityMs);
        endpoint.timeouts.deadline = milliseconds(deadlineMs);
        auto client = makeClient(endpoint);
        QElapsedTimer timer;
        timer.start();
        ApiCall *call = client->listBlueprints();
        QVERIFY(finish(call));
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(call->error().kind(), Kind::Timeout);
        const QString message = call->error().userMessage();
        QVERIFY2(message.startsWith(u"The request timed out"_s), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(!message.contains(u"cancel"_s, Qt::CaseInsensitive));
        QVERIFY2(elapsed < std::min(inactivityMs, deadlineMs) + 1000, qPrintable(QString::number(elapsed)));
        QCOMPARE(call->attempts(), 1); // a timeout is not retried
    }

    void oversizeIsStoppedEarly_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("content-length") << u"oversize:67108864"_s << u"announced 64 MiB"_s;
        QTest::newRow("chunked") << u"oversize-chunked:67108864"_s << u"went past 4 MiB"_s;
    }

    void oversizeIsStoppedEarly()
    {
        QFETCH(QString, fault);
        QFETCH(QString, mentions);
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/blueprint$"_s, fault));
        ApiEndpoint endpoint = endpointFor(m_emulator);
        endpoint.limits.maxJsonBytes = 4 * 1024 * 1024;
        auto client = makeClient(endpoint);
        const qint64 rssBefore = peakRssKiB();
        ApiCall *call = client->listBlueprints();
        qint64 received = 0;
        connect(call, &ApiCall::progress, this, [&received](qint64 bytes, qint64) { received = std::max(received, bytes); });
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::TooLarge);
        QVERIFY2(call->error().detail().contains(mentions), qPrintable(call->error().detail()));
        QVERIFY(call->error().userMessage().startsWith(u"The response was stopped because it is too large"_s));
        QVERIFY2(received < 16 * 1024 * 1024, qPrintable(QString::number(received))); // stopped long before 64 MiB
        QVERIFY(call->body().size() <= endpoint.limits.maxJsonBytes);
        const qint64 rssAfter = peakRssKiB();
        QVERIFY2(rssAfter - rssBefore < 40 * 1024, qPrintable(u"peak RSS grew by %1 KiB"_s.arg(rssAfter - rssBefore)));
    }

    void gzipBombIsStopped_data()
    {
        QTest::addColumn<bool>("binary");
        QTest::newRow("json cap") << false;
        QTest::newRow("binary cap 256 MiB") << true;
    }

    void gzipBombIsStopped()
    {
        QFETCH(bool, binary);
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/blueprint/.*$"_s, u"gzip-bomb"_s));
        auto client = makeClient(endpointFor(m_emulator));
        ApiCall *call = binary ? client->exportBlueprint(u"e0000000-0000-4000-8000-000000000001"_s, ExportFormat::Png)
                               : client->getBlueprint(u"e0000000-0000-4000-8000-000000000001"_s);
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::TooLarge);
        // Qt's decompression ratio guard stays on and catches it long before any size cap.
        QVERIFY2(call->error().userMessage().contains(u"decompression safety limit"_s), qPrintable(call->error().userMessage()));
        QVERIFY(call->body().size() < 16 * 1024 * 1024);
    }

    void requestsCarryOurHeadersAndNoHttp2()
    {
        auto client = makeClient(endpointFor(m_emulator));
        QList<QNetworkReply *> replies;
        bool http2Used = true;
        bool http2Allowed = true;
        QByteArray userAgent;
        QByteArray authorization;
        QVariant redirectPolicy;
        auto connection = connect(&m_network, &QNetworkAccessManager::finished, this, [&](QNetworkReply *reply) {
            http2Used = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
            http2Allowed = reply->request().attribute(QNetworkRequest::Http2AllowedAttribute).toBool();
            redirectPolicy = reply->request().attribute(QNetworkRequest::RedirectPolicyAttribute);
            userAgent = reply->request().rawHeader("User-Agent");
            authorization = reply->request().rawHeader("Authorization");
        });
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        disconnect(connection);
        QVERIFY(call->succeeded());
        QVERIFY(!http2Used);
        QVERIFY(!http2Allowed);
        QCOMPARE(redirectPolicy.toInt(), int(QNetworkRequest::ManualRedirectPolicy));
        QVERIFY2(userAgent.startsWith("cloudcraft-desktop/"), userAgent.constData());
        QVERIFY(userAgent.contains(QByteArray("(Qt " + QByteArray(qVersion()) + "; ")));
        QCOMPARE(authorization, QByteArray("Bearer " + m_emulator.readWriteKey().toLatin1()));
        const QJsonArray headers = m_emulator.requests().first().value(u"headers"_s).toArray();
        QVERIFY(headers.contains(u"user-agent"_s));
        QVERIFY(headers.contains(u"authorization"_s));
    }

    void connectionFailuresRetriedForIdempotentCallsOnly()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiEndpoint endpoint = endpointFor(m_emulator);
        QUrl closed = m_emulator.baseUrl();
        closed.setPort(port);
        endpoint.baseUrl = closed;
        auto client = makeClient(endpoint);
        ApiCall *get = client->me();
        QSignalSpy waits(get, &ApiCall::waiting);
        QVERIFY(finish(get));
        QCOMPARE(get->error().kind(), Kind::Network);
        QCOMPARE(get->attempts(), 4);
        QCOMPARE(waits.size(), 3);
        QVERIFY2(get->error().userMessage().startsWith(u"Could not reach the server: the connection was refused."_s),
                 qPrintable(get->error().userMessage()));
        ApiCall *post = client->createBlueprint(QJsonObject{{u"data"_s, QJsonObject()}});
        QVERIFY(finish(post));
        QCOMPARE(post->error().kind(), Kind::Network);
        QCOMPARE(post->attempts(), 1);
    }

    void sourceNeverWeakensTransport()
    {
        // Rows 10(d) and 14: no blanket ignoreSslErrors(), the decompression guard never switched off, no
        // redirect policy other than manual anywhere in the application code.
        QStringList offenders;
        for (const QString &dir : {u"/src"_s, u"/app"_s}) {
            QDirIterator it(sourceDir() + dir, {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray text = file.readAll();
                if (text.contains("ignoreSslErrors()") || text.contains("setDecompressedSafetyCheckThreshold(-1)")
                    || text.contains("NoLessSafeRedirectPolicy") || text.contains("UserVerifiedRedirectPolicy")
                    || text.contains("setRedirectPolicy("))
                    offenders.append(file.fileName());
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u", "_s)));
    }

    void keyNeverLogged()
    {
        const QString key = m_emulator.readWriteKey();
        const QByteArray keyBody = QByteArray::fromBase64(key.toLatin1()); // what a base64 key encodes
        QVERIFY(!keyBody.isEmpty());
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        QStringList errorTexts;
        {
            ApiEndpoint endpoint = endpointFor(m_emulator);
            endpoint.timeouts.inactivity = milliseconds(800);
            auto client = makeClient(endpoint, key);
            const auto run = [&](ApiCall *call) {
                QVERIFY(finish(call));
                errorTexts << call->error().userMessage() << call->error().detail() << call->error().serverMessage();
            };
            run(client->me());
            ApiCall *get = client->getBlueprint(u"e0000000-0000-4000-8000-000000000001"_s);
            run(get);
            run(client->updateBlueprint(u"e0000000-0000-4000-8000-000000000001"_s,
                                        QJsonObject{{u"data"_s, QJsonObject{{u"name"_s, u"x"_s}}}}, get->etag()));
            run(client->updateBlueprint(u"e0000000-0000-4000-8000-000000000001"_s,
                                        QJsonObject{{u"data"_s, QJsonObject{{u"name"_s, u"y"_s}}}}, get->etag())); // 412
            run(client->getBlueprint(u"e0000000-0000-4000-8000-00000000dead"_s)); // 404
            run(client->exportBlueprint(u"e0000000-0000-4000-8000-000000000001"_s, ExportFormat::Svg));
            QVERIFY(m_emulator.addFault(u"GET"_s, u"^/team$"_s, u"redirect-foreign:302"_s));
            run(client->teams());
            QVERIFY(m_emulator.addFault(u"GET"_s, u"^/aws/account$"_s, u"redirect-plain:307"_s));
            run(client->listAwsAccounts());
            QVERIFY(m_emulator.addFault(u"GET"_s, u"^/azure/account$"_s, u"status:503,500,500,500"_s));
            run(client->listAzureAccounts());
            QVERIFY(m_emulator.addFault(u"GET"_s, u"^/blueprint$"_s, u"silent"_s));
            run(client->listBlueprints());
            ApiEndpoint noCa = endpoint;
            noCa.caFile.clear();
            QNetworkAccessManager freshNetwork;
            run(makeClient(noCa, key, &freshNetwork)->me());
            QVERIFY(m_emulator.setRateLimits(true));
            QVERIFY(m_emulator.setRateWindows(u"1/30"_s, {}));
            RequestScheduler unlimited;
            unlimited.setBudget(RateRoute::General, {100, milliseconds(1000)});
            ApiEndpoint impatient = endpoint;
            impatient.retry.maxRateLimitRetries = 0;
            ApiClient throttled(&m_network, impatient, [key] { return key; }, &unlimited);
            run(throttled.me());
            run(throttled.me()); // 429
            QVERIFY(m_emulator.setRateLimits(false));
        }
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        // The capture works (our own debug lines are there) and the session reached the error paths.
        QVERIFY2(log.filter(u"cloudcraft.api"_s).size() >= 10, qPrintable(log.join(u'\n')));
        QVERIFY(errorTexts.join(u' ').contains(u"(412)"_s));
        QVERIFY(errorTexts.join(u' ').contains(u"(429)"_s));
        QVERIFY(errorTexts.join(u' ').contains(u"127.0.0.2"_s));
        const QString everything = log.join(u'\n') + u'\n' + errorTexts.join(u'\n');
        const QString encodedKey = QString::fromLatin1(QUrl::toPercentEncoding(key));
        QVERIFY2(!everything.contains(key), "the API key appeared in a log line or an error text");
        QVERIFY(!everything.contains(encodedKey, Qt::CaseInsensitive));
        QVERIFY(!everything.contains(key.left(16)));
        QVERIFY(!everything.contains(QString::fromLatin1(keyBody)));
        QVERIFY(!everything.contains(u"Bearer"_s, Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_apitransport.moc"
