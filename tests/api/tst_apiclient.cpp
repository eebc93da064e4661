// ApiClient against the real emulator over HTTPS: every one of the 22 endpoints, the error statuses with the
// kind and sentence a user sees (RELIABILITY.md row 17), and the ETag / If-Match round trip.
#include "api/apiclient.h"
#include "api/apiparse.h"

#include "emulatorprocess.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;
using Kind = ApiError::Kind;

namespace {
const QString kBlueprint = u"e0000000-0000-4000-8000-000000000001"_s;
const QString kAwsAccount = u"f0000000-0000-4000-8000-000000000001"_s;
const QString kAzureAccount = u"f0000000-0000-4000-8000-000000000002"_s;
const QString kUnknownId = u"e0000000-0000-4000-8000-00000000dead"_s;
} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    QString m_key;

    // Waits for finished() and checks it came exactly once.
    static bool finish(ApiCall *call, int timeoutMs = 20000)
    {
        if (call->isFinished())
            QCoreApplication::processEvents(); // finished() is queued even for early errors
        QSignalSpy spy(call, &ApiCall::finished);
        if (!call->isFinished() && !spy.wait(timeoutMs))
            return false;
        QTest::qWait(0);
        return call->isFinished();
    }

    ApiCall *invoke(const QString &endpoint)
    {
        ApiClient &c = *m_client;
        if (endpoint == u"me")
            return c.me();
        if (endpoint == u"teams")
            return c.teams();
        if (endpoint == u"listBlueprints")
            return c.listBlueprints();
        if (endpoint == u"getBlueprint")
            return c.getBlueprint(kBlueprint);
        if (endpoint == u"createBlueprint")
            return c.createBlueprint(QJsonObject{{u"data"_s, QJsonObject{{u"name"_s, u"Created by test"_s}, {u"grid"_s, u"standard"_s}}}});
        if (endpoint == u"updateBlueprint")
            return c.updateBlueprint(kBlueprint, QJsonObject{{u"data"_s, QJsonObject{{u"name"_s, u"Renamed"_s}}}});
        if (endpoint == u"deleteBlueprint")
            return c.deleteBlueprint(kBlueprint);
        if (endpoint == u"exportPng") {
            ExportOptions options;
            options.width = 320;
            options.height = 200;
            options.grid = false;
            return c.exportBlueprint(kBlueprint, ExportFormat::Png, options);
        }
        if (endpoint == u"exportSvg")
            return c.exportBlueprint(kBlueprint, ExportFormat::Svg);
        if (endpoint == u"exportBudget")
            return c.exportBudget(kBlueprint, BudgetFormat::Csv, BudgetOptions{u"EUR"_s, u"m"_s, std::nullopt});
        if (endpoint == u"listAwsAccounts")
            return c.listAwsAccounts();
        if (endpoint == u"addAwsAccount")
            return c.addAwsAccount(AwsAccountInput{u"New AWS"_s, u"arn:aws:iam::123456789012:role/cloudcraft"_s, u"us-east-1"_s, {}, {}});
        if (endpoint == u"updateAwsAccount")
            return c.updateAwsAccount(kAwsAccount, AwsAccountInput{u"Renamed AWS"_s, u"arn:aws:iam::123456789012:role/cloudcraft"_s, {}, {}, {}});
        if (endpoint == u"removeAwsAccount")
            return c.removeAwsAccount(kAwsAccount);
        if (endpoint == u"snapshotAwsAccount") {
            SnapshotOptions options;
            options.label = false;
            options.autoconnect = true;
            return c.snapshotAwsAccount(kAwsAccount, u"us-east-1"_s, ExportFormat::Json, options);
        }
        if (endpoint == u"awsIamParameters")
            return c.awsIamParameters();
        if (endpoint == u"awsIamPolicyCustom")
            return c.awsIamPolicy(IamPolicyKind::Custom);
        if (endpoint == u"awsIamPolicyMinimal")
            return c.awsIamPolicy(IamPolicyKind::Minimal);
        if (endpoint == u"listAzureAccounts")
            return c.listAzureAccounts();
        if (endpoint == u"addAzureAccount")
            return c.addAzureAccount(AzureAccountInput{u"New Azure"_s, u"a0000000-0000-4000-8000-000000000001"_s,
                                                       u"b0000000-0000-4000-8000-000000000001"_s,
                                                       u"c0000000-0000-4000-8000-0000000000ff"_s, u"s3cret-value"_s, {}, {}});
        if (endpoint == u"updateAzureAccount")
            return c.updateAzureAccount(kAzureAccount, AzureAccountInput{u"Renamed Azure"_s, u"a0000000-0000-4000-8000-000000000001"_s,
                                                                         u"b0000000-0000-4000-8000-000000000001"_s,
                                                                         u"c0000000-0000-4000-8000-0000000000ff"_s, std::nullopt, {}, {}});
        if (endpoint == u"removeAzureAccount")
            return c.removeAzureAccount(kAzureAccount);
        if (endpoint == u"snapshotAzureAccount")
            return c.snapshotAzureAccount(kAzureAccount, u"eastus"_s, ExportFormat::Png);
        qFatal("unknown endpoint in the test table");
    }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false; // budgets are tst_requestscheduler's job
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        endpoint.retry.backoffBase = std::chrono::milliseconds(20);
        endpoint.retry.backoffCap = std::chrono::milliseconds(100);
        endpoint.retry.maxRateLimitRetries = 0; // a 429 is reported at once here
        m_client = std::make_unique<ApiClient>(&m_network, endpoint, [this] { return m_key; });
        m_client->scheduler()->setBudget(RateRoute::General, {1000, std::chrono::seconds(1)});
        m_client->scheduler()->setBudget(RateRoute::Export, {1000, std::chrono::seconds(1)});
        QVERIFY(!m_client->configurationError().isError());
    }

    void init()
    {
        QVERIFY(m_emulator.reset());
        m_key = m_emulator.readWriteKey();
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const auto row = [](const char *name, const char *method, const QString &path, int status) {
            QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(method) << path << status;
        };
        row("me", "GET", u"/user/me"_s, 200);
        row("teams", "GET", u"/team"_s, 200);
        row("listBlueprints", "GET", u"/blueprint"_s, 200);
        row("getBlueprint", "GET", u"/blueprint/"_s + kBlueprint, 200);
        row("createBlueprint", "POST", u"/blueprint"_s, 201);
        row("updateBlueprint", "PUT", u"/blueprint/"_s + kBlueprint, 204);
        row("deleteBlueprint", "DELETE", u"/blueprint/"_s + kBlueprint, 204);
        row("exportPng", "GET", u"/blueprint/"_s + kBlueprint + u"/png"_s, 200);
        row("exportSvg", "GET", u"/blueprint/"_s + kBlueprint + u"/svg"_s, 200);
        row("exportBudget", "GET", u"/blueprint/"_s + kBlueprint + u"/budget/csv"_s, 200);
        row("listAwsAccounts", "GET", u"/aws/account"_s, 200);
        row("addAwsAccount", "POST", u"/aws/account"_s, 201);
        row("updateAwsAccount", "PUT", u"/aws/account/"_s + kAwsAccount, 200);
        row("removeAwsAccount", "DELETE", u"/aws/account/"_s + kAwsAccount, 0); // 200 or 204
        row("snapshotAwsAccount", "GET", u"/aws/account/"_s + kAwsAccount + u"/us-east-1/json"_s, 200);
        row("awsIamParameters", "GET", u"/aws/account/iamParameters"_s, 200);
        row("awsIamPolicyCustom", "GET", u"/aws/account/iamParameters/policy/custom"_s, 200);
        row("awsIamPolicyMinimal", "GET", u"/aws/account/iamParameters/policy/minimal"_s, 200);
        row("listAzureAccounts", "GET", u"/azure/account"_s, 200);
        row("addAzureAccount", "POST", u"/azure/account"_s, 201);
        row("updateAzureAccount", "PUT", u"/azure/account/"_s + kAzureAccount, 200);
        row("removeAzureAccount", "DELETE", u"/azure/account/"_s + kAzureAccount, 204);
        row("snapshotAzureAccount", "GET", u"/azure/account/"_s + kAzureAccount + u"/eastus/png"_s, 200);
    }

    void endpoints()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        ApiCall *call = invoke(endpoint);
        QVERIFY(finish(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        if (status != 0)
            QCOMPARE(call->statusCode(), status);
        else
            QVERIFY(call->statusCode() == 200 || call->statusCode() == 204);
        QCOMPARE(call->attempts(), 1);

        // The emulator saw exactly this request, with a bearer key and our User-Agent.
        const QList<QJsonObject> log = m_emulator.requests();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().value(u"method"_s).toString(), method);
        QCOMPARE(log.first().value(u"path"_s).toString(), path);
        QVERIFY(log.first().value(u"authorization"_s).toBool());

        // What a user would see from each answer.
        if (endpoint == u"me") {
            const auto user = ApiParse::fromCall(*call, &ApiParse::user);
            QVERIFY(user.ok());
            QCOMPARE(user.value.name, u"Test Owner"_s);
            QCOMPARE(user.value.email, u"owner@example.test"_s);
        } else if (endpoint == u"teams") {
            const auto teams = ApiParse::fromCall(*call, &ApiParse::teams);
            QVERIFY(teams.ok());
            QCOMPARE(teams.value.first().name, u"Platform Team"_s);
        } else if (endpoint == u"listBlueprints") {
            const auto list = ApiParse::fromCall(*call, &ApiParse::blueprintList);
            QVERIFY(list.ok());
            QCOMPARE(list.value.size(), 3);
            QVERIFY(std::any_of(list.value.cbegin(), list.value.cend(), [](const BlueprintSummary &b) { return b.name == u"Web tier"; }));
        } else if (endpoint == u"getBlueprint") {
            const auto bp = ApiParse::blueprintFromCall(*call);
            QVERIFY(bp.ok());
            QCOMPARE(bp.value.name(), u"Web tier"_s);
            QVERIFY(!bp.value.etag.isEmpty());
            QVERIFY(!bp.value.data.value(u"nodes"_s).toArray().isEmpty());
        } else if (endpoint == u"createBlueprint") {
            const auto bp = ApiParse::blueprintFromCall(*call);
            QVERIFY2(bp.ok(), qPrintable(bp.error.detail()));
            QVERIFY(!bp.value.summary.id.isEmpty());
            QCOMPARE(bp.value.data.value(u"name"_s).toString(), u"Created by test"_s);
        } else if (endpoint == u"deleteBlueprint") {
            ApiCall *again = m_client->getBlueprint(kBlueprint);
            QVERIFY(finish(again));
            QCOMPARE(again->error().kind(), Kind::NotFound);
        } else if (endpoint == u"exportPng") {
            QCOMPARE(call->contentType(), u"image/png"_s);
            QVERIFY(call->body().startsWith("\x89PNG\r\n\x1a\n"));
            QCOMPARE(log.first().value(u"query"_s).toString(), u"width=320&height=200&grid=false"_s);
        } else if (endpoint == u"exportSvg") {
            QVERIFY(call->contentType().startsWith(u"image/svg+xml"_s));
            QVERIFY(call->body().contains("<svg"));
        } else if (endpoint == u"exportBudget") {
            QVERIFY(call->contentType().startsWith(u"text/csv"_s));
            QVERIFY(call->body().startsWith("category,"));
            QCOMPARE(log.first().value(u"query"_s).toString(), u"currency=EUR&period=m"_s);
        } else if (endpoint == u"listAwsAccounts") {
            const auto list = ApiParse::fromCall(*call, &ApiParse::awsAccounts);
            QVERIFY(list.ok());
            QCOMPARE(list.value.first().id, kAwsAccount);
        } else if (endpoint == u"addAwsAccount" || endpoint == u"updateAwsAccount") {
            const auto account = ApiParse::fromCall(*call, &ApiParse::awsAccount);
            QVERIFY2(account.ok(), qPrintable(account.error.detail()));
            QCOMPARE(account.value.name, endpoint == u"addAwsAccount" ? u"New AWS"_s : u"Renamed AWS"_s);
        } else if (endpoint == u"addAzureAccount" || endpoint == u"updateAzureAccount") {
            const auto account = ApiParse::fromCall(*call, &ApiParse::azureAccount);
            QVERIFY2(account.ok(), qPrintable(account.error.detail()));
            QVERIFY(!account.value.raw.contains(u"clientSecret"_s)); // never kept
        } else if (endpoint == u"snapshotAwsAccount") {
            const auto snapshot = ApiParse::fromCall(*call, &ApiParse::object);
            QVERIFY(snapshot.ok());
            QVERIFY(snapshot.value.value(u"data"_s).toObject().contains(u"nodes"_s));
            QCOMPARE(log.first().value(u"query"_s).toString(), u"label=false&autoconnect=true"_s);
        } else if (endpoint == u"awsIamParameters") {
            const auto params = ApiParse::fromCall(*call, &ApiParse::iamParameters);
            QVERIFY(params.ok());
            QCOMPARE(params.value.accountId, u"999988887777"_s);
        } else if (endpoint.startsWith(u"awsIamPolicy")) {
            const auto policy = ApiParse::fromCall(*call, &ApiParse::object);
            QVERIFY(policy.ok());
            QVERIFY(policy.value.value(u"Statement"_s).isArray());
        } else if (endpoint == u"listAzureAccounts") {
            const auto list = ApiParse::fromCall(*call, &ApiParse::azureAccounts);
            QVERIFY(list.ok());
            QCOMPARE(list.value.first().id, kAzureAccount);
        } else if (endpoint == u"snapshotAzureAccount") {
            QVERIFY(call->body().startsWith("\x89PNG"));
        }
        call->deleteLater();
    }

    void errorStatuses_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("fault"); // empty: a real condition set up by the row
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("sentence");
        const auto row = [](const char *name, const char *method, const QString &fault, int status, Kind kind,
                            int attempts, const QString &sentence) {
            QTest::newRow(name) << QString::fromLatin1(method) << fault << status << int(kind) << attempts << sentence;
        };
        row("400 real", "GET", {}, 400, Kind::BadRequest, 1, u"The server rejected the request as invalid (400). The server said: Invalid parameter format: blueprintId."_s);
        row("401 real", "GET", {}, 401, Kind::Auth, 1, u"The API key was rejected (401). Check it or sign in again."_s);
        row("403 real", "POST", {}, 403, Kind::Forbidden, 1, u"The API key is not allowed to do this (403)"_s);
        row("404 real", "GET", {}, 404, Kind::NotFound, 1, u"Not found (404)"_s);
        row("412 fault", "PUT", u"status:412"_s, 412, Kind::Conflict, 1, u"changed by someone else"_s);
        row("429 fault", "GET", u"status:429:7"_s, 429, Kind::RateLimited, 1, u"Too many requests (429). Wait 7 seconds and try again."_s);
        row("500 GET", "GET", u"status:500"_s, 500, Kind::Server, 1, u"The Cloudcraft server had a problem (500). Try again later."_s);
        row("502 GET retried", "GET", u"status:502,502,502,502"_s, 502, Kind::Server, 4, u"(502)"_s);
        row("503 GET retried", "GET", u"status:503,503,503,503"_s, 503, Kind::Server, 4, u"(503)"_s);
        row("504 GET retried", "GET", u"status:504,504,504,504"_s, 504, Kind::Server, 4, u"(504)"_s);
        row("503 POST not retried", "POST", u"status:503,503,503,503"_s, 503, Kind::Server, 1, u"Try again later."_s);
        row("503 PUT not retried", "PUT", u"status:503,503"_s, 503, Kind::Server, 1, u"Try again later."_s);
        row("503 DELETE retried", "DELETE", u"status:503,503,503,503"_s, 503, Kind::Server, 4, u"(503)"_s);
        row("409 fault", "PUT", u"status:409"_s, 409, Kind::Conflict, 1, u"Reload it"_s);
        row("invalid JSON", "GET", u"invalid-json"_s, 200, Kind::InvalidResponse, 1, u"The server sent an invalid response (200)"_s);
        row("truncated", "GET", u"truncate"_s, 0, Kind::InvalidResponse, 1, u"invalid response"_s);
    }

    void errorStatuses()
    {
        QFETCH(QString, method);
        QFETCH(QString, fault);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(int, attempts);
        QFETCH(QString, sentence);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        ApiCall *call = nullptr;
        if (!fault.isEmpty()) {
            const QString path = method == u"GET" ? u"^/user/me$"_s
                                 : method == u"POST" ? u"^/blueprint$"_s
                                                     : u"^/blueprint/"_s + kBlueprint + u'$';
            QVERIFY(m_emulator.addFault(method, path, fault));
        }
        if (tag == u"400 real") {
            call = m_client->getBlueprint(u"invalid-id"_s);
        } else if (tag == u"401 real") {
            m_key = u"WrongKeyWrongKeyWrongKeyWrongKeyWrongKey0000"_s;
            call = m_client->me();
        } else if (tag == u"403 real") {
            m_key = m_emulator.readOnlyKey();
            call = invoke(u"createBlueprint"_s);
        } else if (tag == u"404 real") {
            call = m_client->getBlueprint(kUnknownId);
        } else if (method == u"GET") {
            call = m_client->me();
        } else if (method == u"POST") {
            call = invoke(u"createBlueprint"_s);
        } else if (method == u"PUT") {
            call = invoke(u"updateBlueprint"_s);
        } else {
            call = invoke(u"deleteBlueprint"_s);
        }
        QVERIFY(finish(call));
        QCOMPARE(int(call->error().kind()), kind);
        if (status != 0)
            QCOMPARE(call->error().httpStatus(), status);
        QCOMPARE(call->attempts(), attempts);
        QCOMPARE(m_emulator.requests().size(), attempts);
        const QString message = call->error().userMessage();
        QVERIFY2(message.contains(sentence), qPrintable(message));
        QVERIFY(!message.contains(m_key));
        call->deleteLater();
    }

    void etagRoundTrip()
    {
        ApiCall *get = m_client->getBlueprint(kBlueprint);
        QVERIFY(finish(get));
        const auto original = ApiParse::blueprintFromCall(*get);
        QVERIFY(original.ok());
        QVERIFY(!original.value.etag.isEmpty());

        Blueprint edited = original.value;
        edited.data.insert(u"name"_s, u"Edited once"_s);
        ApiCall *put = m_client->updateBlueprint(kBlueprint, edited.toDocument(), original.value.etag);
        QVERIFY(finish(put));
        QVERIFY2(put->succeeded(), qPrintable(put->error().userMessage()));
        QCOMPARE(put->statusCode(), 204);
        QVERIFY(!put->etag().isEmpty());
        QVERIFY(put->etag() != original.value.etag);
        QVERIFY(m_emulator.requests().last().value(u"headers"_s).toArray().contains(u"if-match"_s));

        // A second writer still holding the old ETag is refused, and told what to do.
        Blueprint stale = original.value;
        stale.data.insert(u"name"_s, u"Stale write"_s);
        ApiCall *conflict = m_client->updateBlueprint(kBlueprint, stale.toDocument(), original.value.etag);
        QVERIFY(finish(conflict));
        QCOMPARE(conflict->error().kind(), Kind::Conflict);
        QCOMPARE(conflict->statusCode(), 412);
        QVERIFY(conflict->error().userMessage().contains(u"Reload it"_s));

        // The stored blueprint is the first edit, and its ETag is the one the PUT returned.
        ApiCall *reread = m_client->getBlueprint(kBlueprint);
        QVERIFY(finish(reread));
        const auto current = ApiParse::blueprintFromCall(*reread);
        QVERIFY(current.ok());
        QCOMPARE(current.value.name(), u"Edited once"_s);
        QCOMPARE(current.value.etag, put->etag());

        // With the fresh ETag the write goes through.
        ApiCall *retry = m_client->updateBlueprint(kBlueprint, stale.toDocument(), current.value.etag);
        QVERIFY(finish(retry));
        QVERIFY(retry->succeeded());
    }

    void invalidIdsNeverLeave_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("slash") << u"../user/me"_s;
        QTest::newRow("query") << u"abc?x=1"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("dotdot") << u".."_s;
        QTest::newRow("space") << u"a b"_s;
        QTest::newRow("unicode") << u"caf\u00e9"_s;
        QTest::newRow("too long") << QString(200, QLatin1Char('a'));
    }

    void invalidIdsNeverLeave()
    {
        QFETCH(QString, id);
        ApiCall *call = m_client->getBlueprint(id);
        QSignalSpy finishedSpy(call, &ApiCall::finished);
        QCOMPARE(finishedSpy.size(), 0); // never synchronously
        QVERIFY(finishedSpy.wait(2000));
        QCOMPARE(finishedSpy.size(), 1);
        QCOMPARE(call->error().kind(), Kind::InvalidArgument);
        QCOMPARE(call->attempts(), 0);
        QVERIFY(call->error().userMessage().startsWith(u"The request was not sent: the blueprint id"_s));
        QVERIFY(m_emulator.requests().isEmpty());
        call->deleteLater();
    }

    void noKeyNoRequest()
    {
        m_key.clear();
        ApiCall *call = m_client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::Auth);
        QCOMPARE(call->error().userMessage(), u"No API key is set. Sign in with an API key first."_s);
        QVERIFY(m_emulator.requests().isEmpty());
    }

    void cancelRunningCall()
    {
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, u"delay:3000"_s));
        ApiCall *call = m_client->me();
        QSignalSpy spy(call, &ApiCall::finished);
        QTRY_COMPARE(call->state(), ApiCall::State::Running);
        QTest::qWait(100);
        call->cancel();
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(call->error().kind(), Kind::Cancelled);
        QCOMPARE(call->error().userMessage(), u"The request was cancelled."_s);
        call->cancel(); // no second finished()
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
    }

    void stillProcessingIsPolledThenReported()
    {
        // 3 pending answers: two polls are not enough, the third re-issue gets the result.
        EmulatorProcess pending;
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        options.snapshotPending = 3;
        QVERIFY2(pending.start(options), qPrintable(pending.errorString()));
        ApiEndpoint endpoint;
        endpoint.baseUrl = pending.baseUrl();
        endpoint.caFile = pending.caFile();
        endpoint.retry.pollDelay = std::chrono::milliseconds(50);
        endpoint.retry.maxPolls = 2;
        const QString key = pending.readWriteKey();
        ApiClient client(&m_network, endpoint, [key] { return key; });
        ApiCall *limited = client.snapshotAwsAccount(kAwsAccount, u"us-east-1"_s, ExportFormat::Json);
        QSignalSpy waits(limited, &ApiCall::waiting);
        QVERIFY(finish(limited));
        QCOMPARE(limited->error().kind(), Kind::StillProcessing);
        QCOMPARE(limited->statusCode(), 202);
        QCOMPARE(limited->attempts(), 3);
        QCOMPARE(waits.size(), 2);
        QVERIFY(limited->error().userMessage().contains(u"still processing"_s));
        QVERIFY(!limited->succeeded());

        endpoint.retry.maxPolls = 10;
        ApiClient patient(&m_network, endpoint, [key] { return key; });
        ApiCall *call = patient.snapshotAwsAccount(kAwsAccount, u"us-west-2"_s, ExportFormat::Json);
        QVERIFY(finish(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->statusCode(), 200);
        QCOMPARE(call->attempts(), 4);
        QVERIFY(call->json().toObject().value(u"data"_s).isObject());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
