// The emulator's API surface over real HTTPS: every documented endpoint, auth, access levels, ETags, long polls.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;

namespace {
const QString kBlueprint = u"e0000000-0000-4000-8000-000000000001"_s;
const QString kAwsAccount = u"f0000000-0000-4000-8000-000000000001"_s;
const QString kAzureAccount = u"f0000000-0000-4000-8000-000000000002"_s;
const QString kUnknownId = u"99999999-9999-4999-8999-999999999999"_s;
} // namespace

class tst_EmulatorServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void readyLine();
    void endpoints_data();
    void endpoints();
    void missingOrWrongKey_data();
    void missingOrWrongKey();
    void readOnlyKeyCannotWrite_data();
    void readOnlyKeyCannotWrite();
    void badRequests_data();
    void badRequests();
    void etagAndIfMatch();
    void createThenGetAndDelete();
    void emptyListAnswersEmptyObject();
    void requestLogRecordsEachCall();
    void budgetExports();
    void workspaceFileIsNeverTouchedByDefault();
    void saveWritesChangesBack();
    void stopsCleanlyOnSigterm();
    void badWorkspaceIsReported();

private:
    EmulatorProcess m_emu;
    TestHttpClient m_http;
};

void tst_EmulatorServer::initTestCase()
{
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.rateLimits = false;
    QVERIFY2(m_emu.start(options), qPrintable(m_emu.errorString()));
    QVERIFY(!m_emu.readWriteKey().isEmpty());
    QVERIFY(!m_emu.readOnlyKey().isEmpty());
}

void tst_EmulatorServer::init()
{
    QVERIFY(m_emu.reset());
}

void tst_EmulatorServer::readyLine()
{
    QCOMPARE(m_emu.baseUrl().scheme(), u"https"_s);
    QCOMPARE(m_emu.baseUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(m_emu.foreignUrl().host(), u"127.0.0.2"_s);
    QCOMPARE(m_emu.plainUrl().scheme(), u"http"_s);
    QVERIFY(m_emu.pid() > 0);
    const HttpResult result = m_http.get(m_emu.url(u"/user/me"_s), m_emu.readWriteKey());
    QCOMPARE(result.status, 200);
    QVERIFY(!result.http2Used);
    QCOMPARE(result.header("cache-control"), QByteArray("no-cache, no-store"));
}

void tst_EmulatorServer::endpoints_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QStringList>("keys"); // top-level JSON keys that must be present

    const QByteArray json = "application/json";
    const QString bp = u"/blueprint/"_s + kBlueprint;
    const QString aws = u"/aws/account/"_s + kAwsAccount;
    const QString azure = u"/azure/account/"_s + kAzureAccount;
    QTest::newRow("1 GET /user/me") << QByteArray("GET") << u"/user/me"_s << QByteArray() << 200 << json
                                    << QStringList{u"id"_s, u"name"_s, u"email"_s, u"settings"_s, u"createdAt"_s,
                                                   u"updatedAt"_s, u"accessedAt"_s};
    QTest::newRow("2 GET /team") << QByteArray("GET") << u"/team"_s << QByteArray() << 200 << json
                                 << QStringList{u"teams"_s};
    QTest::newRow("3 GET /blueprint") << QByteArray("GET") << u"/blueprint"_s << QByteArray() << 200 << json
                                      << QStringList{u"blueprints"_s};
    QTest::newRow("4 POST /blueprint") << QByteArray("POST") << u"/blueprint"_s
                                       << QByteArray(R"({"data":{"grid":"standard","name":"New one"}})") << 201 << json
                                       << QStringList{u"id"_s, u"name"_s, u"CreatorId"_s, u"LastUserId"_s,
                                                      u"createdAt"_s, u"updatedAt"_s, u"data"_s};
    QTest::newRow("5 GET /blueprint/{id}") << QByteArray("GET") << bp << QByteArray() << 200 << json
                                           << QStringList{u"id"_s, u"name"_s, u"data"_s, u"CustomerId"_s};
    QTest::newRow("6 PUT /blueprint/{id}") << QByteArray("PUT") << bp
                                           << QByteArray(R"({"data":{"name":"Renamed","nodes":[]}})") << 204
                                           << QByteArray() << QStringList{};
    QTest::newRow("7 DELETE /blueprint/{id}") << QByteArray("DELETE") << bp << QByteArray() << 204 << QByteArray()
                                              << QStringList{};
    QTest::newRow("8 GET /blueprint/{id}/json") << QByteArray("GET") << bp + u"/json"_s << QByteArray() << 200 << json
                                                << QStringList{u"id"_s, u"data"_s};
    QTest::newRow("9 GET budget/csv") << QByteArray("GET") << bp + u"/budget/csv"_s << QByteArray() << 200
                                      << QByteArray("text/csv") << QStringList{};
    QTest::newRow("9 GET budget/xlsx") << QByteArray("GET") << bp + u"/budget/xlsx?currency=EUR&period=y"_s
                                       << QByteArray() << 200
                                       << QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                       << QStringList{};
    QTest::newRow("10 GET /aws/account") << QByteArray("GET") << u"/aws/account"_s << QByteArray() << 200 << json
                                         << QStringList{u"accounts"_s};
    QTest::newRow("11 POST /aws/account")
        << QByteArray("POST") << u"/aws/account"_s
        << QByteArray(R"({"name":"New AWS","roleArn":"arn:aws:iam::123456789012:role/cloudcraft"})") << 201 << json
        << QStringList{u"id"_s, u"name"_s, u"roleArn"_s, u"externalId"_s, u"createdAt"_s, u"CreatorId"_s};
    QTest::newRow("12 PUT /aws/account/{id}")
        << QByteArray("PUT") << aws
        << QByteArray(R"({"name":"Renamed AWS","roleArn":"arn:aws:iam::111122223333:role/cloudcraft"})") << 200
        << json << QStringList{u"id"_s, u"name"_s, u"roleArn"_s, u"updatedAt"_s};
    QTest::newRow("13 DELETE /aws/account/{id}") << QByteArray("DELETE") << aws << QByteArray() << 204 << QByteArray()
                                                 << QStringList{};
    QTest::newRow("14 GET aws snapshot json") << QByteArray("GET") << aws + u"/us-east-1/json"_s << QByteArray() << 200
                                              << json << QStringList{u"tags"_s, u"data"_s};
    QTest::newRow("15 GET iamParameters") << QByteArray("GET") << u"/aws/account/iamParameters"_s << QByteArray() << 200
                                          << json << QStringList{u"accountId"_s, u"externalId"_s, u"awsConsoleUrl"_s};
    QTest::newRow("16 GET policy/custom") << QByteArray("GET") << u"/aws/account/iamParameters/policy/custom"_s
                                          << QByteArray() << 200 << json << QStringList{u"Version"_s, u"Statement"_s};
    QTest::newRow("17 GET policy/minimal") << QByteArray("GET") << u"/aws/account/iamParameters/policy/minimal"_s
                                           << QByteArray() << 200 << json << QStringList{u"Version"_s, u"Statement"_s};
    QTest::newRow("18 GET /azure/account") << QByteArray("GET") << u"/azure/account"_s << QByteArray() << 200 << json
                                           << QStringList{u"accounts"_s};
    QTest::newRow("19 POST /azure/account")
        << QByteArray("POST") << u"/azure/account"_s
        << QByteArray(R"({"name":"New Azure","applicationId":"a","directoryId":"d","subscriptionId":"s","clientSecret":"topsecret"})")
        << 201 << json << QStringList{u"id"_s, u"name"_s, u"applicationId"_s, u"hint"_s};
    QTest::newRow("20 PUT /azure/account/{id}") << QByteArray("PUT") << azure << QByteArray(R"({"name":"Renamed Azure"})")
                                                << 200 << json << QStringList{u"id"_s, u"name"_s};
    QTest::newRow("21 DELETE /azure/account/{id}") << QByteArray("DELETE") << azure << QByteArray() << 204
                                                   << QByteArray() << QStringList{};
    QTest::newRow("22 GET azure snapshot json") << QByteArray("GET") << azure + u"/eastus/json"_s << QByteArray() << 200
                                                << json << QStringList{u"tags"_s, u"data"_s};
}

void tst_EmulatorServer::endpoints()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QStringList, keys);

    const HttpResult result = m_http.send(method, m_emu.url(path), m_emu.readWriteKey(), body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.contentType(), contentType);
    if (status == 204)
        QVERIFY(result.body.isEmpty());
    if (contentType == "application/json") {
        QVERIFY2(result.isJson(), result.body.constData());
        const QJsonObject object = result.json();
        for (const QString &key : keys)
            QVERIFY2(object.contains(key), qPrintable(u"missing key "_s + key + u" in "_s + QString::fromUtf8(result.body)));
        // Secrets and scan data never leave the emulator.
        QVERIFY(!result.body.contains("clientSecret"));
        QVERIFY(!result.body.contains("\"regions\""));
    }
    QCOMPARE(result.header("cache-control"), QByteArray("no-cache, no-store"));
}

void tst_EmulatorServer::missingOrWrongKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::newRow("no key /user/me") << u"/user/me"_s << QString();
    QTest::newRow("wrong key /user/me") << u"/user/me"_s << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_s;
    QTest::newRow("no key /blueprint") << u"/blueprint"_s << QString();
    QTest::newRow("wrong key /aws/account") << u"/aws/account"_s << u"not-a-key"_s;
}

void tst_EmulatorServer::missingOrWrongKey()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    const HttpResult result = m_http.get(m_emu.url(path), key);
    QCOMPARE(result.status, 401);
    QCOMPARE(result.contentType(), QByteArray("application/json"));
    QVERIFY(!result.json().value(u"error"_s).toString().isEmpty());
    QCOMPARE(result.json().value(u"code"_s).toInt(), 401);
}

void tst_EmulatorServer::readOnlyKeyCannotWrite_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("POST /blueprint") << QByteArray("POST") << u"/blueprint"_s;
    QTest::newRow("PUT /blueprint/{id}") << QByteArray("PUT") << u"/blueprint/"_s + kBlueprint;
    QTest::newRow("DELETE /blueprint/{id}") << QByteArray("DELETE") << u"/blueprint/"_s + kBlueprint;
    QTest::newRow("DELETE /aws/account/{id}") << QByteArray("DELETE") << u"/aws/account/"_s + kAwsAccount;
}

void tst_EmulatorServer::readOnlyKeyCannotWrite()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const HttpResult result = m_http.send(method, m_emu.url(path), m_emu.readOnlyKey(), QByteArray(R"({"data":{}})"));
    QCOMPARE(result.status, 403);
    QCOMPARE(result.json().value(u"code"_s).toInt(), 403);
    // Nothing changed: the blueprint is still there for a reader.
    QCOMPARE(m_http.get(m_emu.url(u"/blueprint/"_s + kBlueprint), m_emu.readOnlyKey()).status, 200);
}

void tst_EmulatorServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString bp = u"/blueprint/"_s + kBlueprint;
    QTest::newRow("malformed blueprint id") << QByteArray("GET") << u"/blueprint/invalid-id"_s << QByteArray() << 400 << u"blueprintId"_s;
    QTest::newRow("unknown blueprint") << QByteArray("GET") << u"/blueprint/"_s + kUnknownId << QByteArray() << 404 << u"not found"_s;
    QTest::newRow("bad export format") << QByteArray("GET") << bp + u"/gif"_s << QByteArray() << 400 << u"fileFormat"_s;
    QTest::newRow("bad paperSize") << QByteArray("GET") << bp + u"/pdf?paperSize=B7"_s << QByteArray() << 400 << u"paperSize"_s;
    QTest::newRow("scale zero") << QByteArray("GET") << bp + u"/png?scale=0"_s << QByteArray() << 400 << u"scale"_s;
    QTest::newRow("scale negative") << QByteArray("GET") << bp + u"/png?scale=-1"_s << QByteArray() << 400 << u"scale"_s;
    QTest::newRow("bad budget format") << QByteArray("GET") << bp + u"/budget/ods"_s << QByteArray() << 400 << u"format"_s;
    QTest::newRow("bad currency") << QByteArray("GET") << bp + u"/budget/csv?currency=XXX"_s << QByteArray() << 400 << u"currency"_s;
    QTest::newRow("unknown aws account") << QByteArray("GET") << u"/aws/account/"_s + kUnknownId + u"/us-east-1/json"_s
                                         << QByteArray() << 404 << u"AWS account not found"_s;
    QTest::newRow("bad region") << QByteArray("GET") << u"/aws/account/"_s + kAwsAccount + u"/eu-west-9/json"_s
                                << QByteArray() << 400 << u"Invalid region parameter: eu-west-9"_s;
    QTest::newRow("bad snapshot format") << QByteArray("GET") << u"/aws/account/"_s + kAwsAccount + u"/us-east-1/bmp"_s
                                         << QByteArray() << 400 << u"fileFormat"_s;
    QTest::newRow("bad azure region") << QByteArray("GET") << u"/azure/account/"_s + kAzureAccount + u"/westeurope/json"_s
                                      << QByteArray() << 400 << u"Invalid region parameter: westeurope"_s;
    QTest::newRow("invalid role arn") << QByteArray("POST") << u"/aws/account"_s
                                      << QByteArray(R"({"name":"x","roleArn":"arn:invalid-arn"})") << 400 << u"role ARN"_s;
    QTest::newRow("azure missing secret") << QByteArray("POST") << u"/azure/account"_s
                                          << QByteArray(R"({"name":"x","applicationId":"a","directoryId":"d","subscriptionId":"s"})")
                                          << 400 << u"clientSecret"_s;
    QTest::newRow("PUT without data") << QByteArray("PUT") << bp << QByteArray(R"({"name":"x"})") << 400 << u"data"_s;
    QTest::newRow("PUT not json") << QByteArray("PUT") << bp << QByteArray("{nope") << 400 << u"JSON"_s;
    QTest::newRow("unknown route") << QByteArray("GET") << u"/nothing/here"_s << QByteArray() << 404 << u"Not found"_s;
}

void tst_EmulatorServer::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    const HttpResult result = m_http.send(method, m_emu.url(path), m_emu.readWriteKey(), body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.contentType(), QByteArray("application/json"));
    const QString error = result.json().value(u"error"_s).toString();
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(result.json().value(u"code"_s).toInt(), status);
}

void tst_EmulatorServer::etagAndIfMatch()
{
    const QUrl url = m_emu.url(u"/blueprint/"_s + kBlueprint);
    const HttpResult first = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY2(QByteArray(etag).replace('"', "").size() == 32, etag.constData());
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).header("etag"), etag); // stable while unchanged

    QJsonObject document = first.json();
    QJsonObject data = document.value(u"data"_s).toObject();
    data.insert(u"name"_s, u"Edited once"_s);
    document.insert(u"data"_s, data);
    const QByteArray body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    const HttpResult put = m_http.send("PUT", url, m_emu.readWriteKey(), body, {{"If-Match", etag}});
    QCOMPARE(put.status, 204);
    const QByteArray newEtag = put.header("etag");
    QVERIFY(!newEtag.isEmpty());
    QVERIFY(newEtag != etag);

    // A second writer still holding the old ETag loses.
    const HttpResult stale = m_http.send("PUT", url, m_emu.readWriteKey(), body, {{"If-Match", etag}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json().value(u"error"_s).toString(), u"Resource out of date"_s);

    const HttpResult after = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(after.header("etag"), newEtag);
    QCOMPARE(after.json().value(u"name"_s).toString(), u"Edited once"_s);
    QVERIFY(after.json().value(u"updatedAt"_s).toString() != first.json().value(u"updatedAt"_s).toString());

    // Without If-Match the write is unconditional.
    const HttpResult blind = m_http.send("PUT", url, m_emu.readWriteKey(), body);
    QCOMPARE(blind.status, 204);
}

void tst_EmulatorServer::createThenGetAndDelete()
{
    const HttpResult created = m_http.send("POST", m_emu.url(u"/blueprint"_s), m_emu.readWriteKey(),
                                           QByteArray(R"({"data":{"grid":"standard","name":"My new blueprint"}})"));
    QCOMPARE(created.status, 201);
    QVERIFY(!created.header("etag").isEmpty());
    const QString id = created.json().value(u"id"_s).toString();
    QCOMPARE(created.json().value(u"data"_s).toObject().value(u"grid"_s).toString(), u"standard"_s);
    const QUrl url = m_emu.url(u"/blueprint/"_s + id);
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).json().value(u"name"_s).toString(), u"My new blueprint"_s);

    const HttpResult list = m_http.get(m_emu.url(u"/blueprint"_s), m_emu.readWriteKey());
    QCOMPARE(list.json().value(u"blueprints"_s).toArray().size(), 4);
    QVERIFY(!list.body.contains("\"data\"")); // list entries carry no diagram

    QCOMPARE(m_http.send("DELETE", url, m_emu.readWriteKey()).status, 204);
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 404);
}

void tst_EmulatorServer::emptyListAnswersEmptyObject()
{
    for (const QString &id : {kBlueprint, u"e0000000-0000-4000-8000-000000000002"_s, u"e0000000-0000-4000-8000-000000000003"_s})
        QCOMPARE(m_http.send("DELETE", m_emu.url(u"/blueprint/"_s + id), m_emu.readWriteKey()).status, 204);
    const HttpResult list = m_http.get(m_emu.url(u"/blueprint"_s), m_emu.readWriteKey());
    QCOMPARE(list.status, 200);
    QCOMPARE(list.body, QByteArray("{}"));
}

void tst_EmulatorServer::requestLogRecordsEachCall()
{
    // Three calls on one keep-alive connection: three entries, with header names but no values.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_http.get(m_emu.url(u"/user/me"_s), m_emu.readWriteKey()).status, 200);
    const QList<QJsonObject> log = m_emu.requests();
    QCOMPARE(log.size(), 3);
    for (const QJsonObject &entry : log) {
        QCOMPARE(entry.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(entry.value(u"path"_s).toString(), u"/user/me"_s);
        QCOMPARE(entry.value(u"status"_s).toInt(), 200);
        QCOMPARE(entry.value(u"listener"_s).toString(), u"api"_s);
        QVERIFY(entry.value(u"headers"_s).toArray().contains(u"authorization"_s));
        QVERIFY(QDateTime::fromString(entry.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
    }
}

void tst_EmulatorServer::budgetExports()
{
    const QString base = u"/blueprint/"_s + kBlueprint + u"/budget/"_s;
    const HttpResult csv = m_http.get(m_emu.url(base + u"csv?currency=EUR&period=y&rate=stated"_s), m_emu.readWriteKey());
    QCOMPARE(csv.status, 200);
    QVERIFY2(csv.body.startsWith("category,type,region,count,unitPrice,cost"), csv.body.left(80).constData());
    QVERIFY(csv.body.count('\n') >= 2); // header + at least one component of the two-node diagram

    const HttpResult xlsx = m_http.get(m_emu.url(base + u"xlsx"_s), m_emu.readWriteKey());
    QCOMPARE(xlsx.status, 200);
    QVERIFY(xlsx.body.startsWith("PK\x03\x04")); // a ZIP container
    QVERIFY(xlsx.body.contains("xl/worksheets/sheet1.xml"));
    QVERIFY(xlsx.body.contains("[Content_Types].xml"));
    QVERIFY(xlsx.body.contains("unitPrice")); // the same rows as the CSV
}

void tst_EmulatorServer::workspaceFileIsNeverTouchedByDefault()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"workspace.json"_s);
    QVERIFY(QFile::copy(testWorkspacePath(), copy));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = copy;
    QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
    QCOMPARE(m_http.send("DELETE", emu.url(u"/blueprint/"_s + kBlueprint), emu.readWriteKey()).status, 204);
    QCOMPARE(m_http.send("POST", emu.url(u"/blueprint"_s), emu.readWriteKey(), R"({"data":{"name":"x"}})").status, 201);
    QCOMPARE(m_http.get(emu.url(u"/blueprint/"_s + kBlueprint), emu.readWriteKey()).status, 404); // in memory
    emu.stop();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void tst_EmulatorServer::saveWritesChangesBack()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"workspace.json"_s);
    QVERIFY(QFile::copy(testWorkspacePath(), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    {
        EmulatorProcess emu;
        EmulatorProcess::Options options;
        options.workspace = copy;
        options.extraArgs = QStringList{u"--save"_s};
        QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
        QCOMPARE(m_http.send("POST", emu.url(u"/blueprint"_s), emu.readWriteKey(),
                             R"({"data":{"name":"Saved across restarts"}})").status, 201);
    }
    // A fresh emulator on the same file sees the new blueprint; the secrets and scan data are still there.
    EmulatorProcess again;
    EmulatorProcess::Options options;
    options.workspace = copy;
    QVERIFY2(again.start(options), qPrintable(again.errorString()));
    const HttpResult list = m_http.get(again.url(u"/blueprint"_s), again.readWriteKey());
    QVERIFY(list.body.contains("Saved across restarts"));
    QCOMPARE(m_http.get(again.url(u"/aws/account/f0000000-0000-4000-8000-000000000001/us-east-1/json"_s),
                        again.readWriteKey()).status, 200);
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("clientSecret"));
}

void tst_EmulatorServer::stopsCleanlyOnSigterm()
{
    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
    QVERIFY(emu.isRunning());
    emu.stop();
    QVERIFY(!emu.isRunning());
    QVERIFY2(emu.stderrText().contains(u"cloudcraft-emulator: stopped"_s), qPrintable(emu.stderrText()));
}

void tst_EmulatorServer::badWorkspaceIsReported()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"keys\": [");
    file.close();
    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = broken;
    QVERIFY(!emu.start(options));
    QVERIFY2(emu.errorString().contains(u"not a JSON object"_s), qPrintable(emu.errorString()));
}

QTEST_GUILESS_MAIN(tst_EmulatorServer)
#include "tst_emulatorserver.moc"
