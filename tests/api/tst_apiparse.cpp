// The one JSON parsing layer (RELIABILITY.md row 22): every real sample parses, tolerant cases give typed values,
// broken bodies give InvalidResponse with a sentence that says what is wrong.
#include "api/apiparse.h"
#include "api/retryafter.h"
#include "util/redact.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cloudcraft::Core;
using Kind = ApiError::Kind;
using namespace Qt::StringLiterals;

class TestApiParse final : public QObject
{
    Q_OBJECT

private:
    static QByteArray sample(const QString &name)
    {
        QFile file(QStringLiteral(CLOUDCRAFT_SAMPLES_DIR) + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read sample %s", qPrintable(name));
        return file.readAll();
    }
    static QJsonValue decoded(const QByteArray &bytes)
    {
        auto result = ApiParse::decodeJson(bytes);
        if (!result.ok())
            qFatal("fixture is not JSON: %s", qPrintable(result.error.detail()));
        return result.value;
    }

private Q_SLOTS:
    void everySampleParses_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(CLOUDCRAFT_SAMPLES_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 20, "the shared samples are missing");
        for (const QString &file : files) {
            if (!file.contains(QLatin1String("truncated")))
                QTest::newRow(qPrintable(file)) << file;
        }
    }

    void everySampleParses()
    {
        QFETCH(QString, file);
        const auto json = ApiParse::decodeJson(sample(file));
        QVERIFY2(json.ok(), qPrintable(json.error.detail()));
        if (file.startsWith(QLatin1String("blueprint-")) || file == QLatin1String("api-blueprint-get-datadog-go.json")
            || file == QLatin1String("api-blueprint-create-datadog-go.json")) {
            const auto bp = ApiParse::blueprint(json.value, QStringLiteral("\"etag1\""));
            QVERIFY2(bp.ok(), qPrintable(bp.error.detail()));
            QVERIFY(!bp.value.data.isEmpty());
            QVERIFY(!bp.value.name().isEmpty());
            QCOMPARE(bp.value.etag, QStringLiteral("\"etag1\""));
            // Every position in the sample is one of the two documented mapPos forms.
            for (const char *list : {"nodes", "text", "icons", "surfaces"}) {
                const QJsonArray items = bp.value.data.value(QLatin1String(list)).toArray();
                for (const QJsonValue &item : items) {
                    const QJsonValue pos = item.toObject().value(QLatin1String("mapPos"));
                    if (!pos.isUndefined())
                        QVERIFY2(ApiParse::mapPos(pos).valid, qPrintable(QString::fromUtf8(QJsonDocument(item.toObject()).toJson())));
                }
            }
        } else if (file.contains(QLatin1String("blueprint-list"))) {
            const auto list = ApiParse::blueprintList(json.value);
            QVERIFY2(list.ok(), qPrintable(list.error.detail()));
            QCOMPARE(list.value.size(), 1);
            QCOMPARE(list.value.first().name, QStringLiteral("Web App Reference Architecture"));
            QVERIFY(list.value.first().tags.isEmpty()); // null → empty
            QCOMPARE(list.value.first().createdAt, QDateTime(QDate(2023, 4, 1), QTime(21, 2, 10, 781), Qt::UTC));
        } else if (file.contains(QLatin1String("aws-account"))) {
            const auto list = ApiParse::awsAccounts(json.value);
            QVERIFY2(list.ok(), qPrintable(list.error.detail()));
            QCOMPARE(list.value.size(), 1);
            QCOMPARE(list.value.first().roleArn, QStringLiteral("arn:aws:iam::558791803304:role/cloudcraft"));
            QCOMPARE(list.value.first().readAccess.size(), 2);
        } else if (file.contains(QLatin1String("azure-account"))) {
            const auto list = ApiParse::azureAccounts(json.value);
            QVERIFY2(list.ok(), qPrintable(list.error.detail()));
            QCOMPARE(list.value.first().hint, QStringLiteral("3RK"));
            QVERIFY(list.value.first().readAccess.isEmpty());
        } else if (file.contains(QLatin1String("team-list"))) {
            const auto teams = ApiParse::teams(json.value);
            QVERIFY2(teams.ok(), qPrintable(teams.error.detail()));
            QCOMPARE(teams.value.size(), 1);
            QCOMPARE(teams.value.first().members.size(), 1);
            QCOMPARE(teams.value.first().members.first().email, QStringLiteral("hello@example.com"));
            QVERIFY(teams.value.first().members.first().userId.isEmpty()); // null
        } else if (file.contains(QLatin1String("user-me"))) {
            const auto user = ApiParse::user(json.value);
            QVERIFY2(user.ok(), qPrintable(user.error.detail()));
            QCOMPARE(user.value.name, QStringLiteral("Go SDK"));
            QCOMPARE(user.value.settings.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
        } else {
            QFAIL("a sample this test does not know: add it to the table");
        }
    }

    void truncatedSampleGivesClearError()
    {
        const auto json = ApiParse::decodeJson(sample(QStringLiteral("api-blueprint-list-truncated-invalid-datadog-go.json")));
        QVERIFY(!json.ok());
        QCOMPARE(json.error.kind(), Kind::InvalidResponse);
        QVERIFY2(json.error.detail().contains(QLatin1String("cut off")), qPrintable(json.error.detail()));
        QVERIFY(json.error.userMessage().startsWith(QLatin1String("The server sent an invalid response")));
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("depth 1025") << QByteArray(1025, '[') + QByteArray(1025, ']') << QStringLiteral("nested deeper");
        QTest::newRow("depth 300 objects") << QByteArray("{\"a\":").repeated(300) + "1" + QByteArray(300, '}')
                                           << QStringLiteral("nested deeper");
        QTest::newRow("1e400") << QByteArray("{\"blueprints\":[],\"n\":1e400}") << QStringLiteral("number");
        QTest::newRow("-1e400") << QByteArray("[-1e400]") << QStringLiteral("number");
        QTest::newRow("bad UTF-8 in string") << QByteArray("{\"name\":\"caf\xc3\x28\"}") << QStringLiteral("UTF-8");
        QTest::newRow("overlong UTF-8") << QByteArray("{\"name\":\"\xc0\xaf\"}") << QStringLiteral("UTF-8");
        QTest::newRow("surrogate in UTF-8") << QByteArray("[\"\xed\xa0\x80\"]") << QStringLiteral("UTF-8");
        QTest::newRow("lone continuation") << QByteArray("[\"\x80\"]") << QStringLiteral("UTF-8");
        QTest::newRow("trailing garbage") << QByteArray("{\"blueprints\":[]} trailing") << QStringLiteral("extra data");
        QTest::newRow("two documents") << QByteArray("{}{}") << QStringLiteral("extra data");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("whitespace") << QByteArray(" \r\n ") << QStringLiteral("empty");
        QTest::newRow("html error page") << QByteArray("<html><body>Bad gateway</body></html>") << QStringLiteral("not valid JSON");
        QTest::newRow("scalar") << QByteArray("42") << QStringLiteral("JSON");
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"b") << QStringLiteral("cut off");
    }

    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const auto json = ApiParse::decodeJson(body);
        QVERIFY(!json.ok());
        QCOMPARE(json.error.kind(), Kind::InvalidResponse);
        QVERIFY2(json.error.detail().contains(mentions, Qt::CaseInsensitive), qPrintable(json.error.detail()));
        QVERIFY(!json.error.userMessage().isEmpty());
    }

    void acceptableNesting()
    {
        // Deep but legal data (a few hundred levels below the limit) still decodes.
        const QByteArray body = QByteArray(200, '[') + QByteArray(200, ']');
        QVERIFY(ApiParse::decodeJson(body).ok());
        QVERIFY(!ApiParse::decodeJson(body, 100).ok());
        // Brackets inside strings are not nesting.
        QVERIFY(ApiParse::decodeJson(QByteArray("[\"") + QByteArray(2000, '[') + "\"]").ok());
    }

    void tolerantShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("parser");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("firstId");
        QTest::newRow("blueprints {}") << QByteArray("{}") << u"blueprints"_s << 0 << QString();
        QTest::newRow("blueprints null") << QByteArray("{\"blueprints\":null}") << u"blueprints"_s << 0 << QString();
        QTest::newRow("blueprints {} value") << QByteArray("{\"blueprints\":{}}") << u"blueprints"_s << 0 << QString();
        QTest::newRow("numeric id") << QByteArray("{\"blueprints\":[{\"id\":1234567890123,\"name\":\"n\",\"tags\":null}]}")
                                    << u"blueprints"_s << 1 << u"1234567890123"_s;
        QTest::newRow("unknown fields") << QByteArray("{\"blueprints\":[{\"id\":\"a\",\"future\":{\"x\":1}}],\"next\":\"z\"}")
                                        << u"blueprints"_s << 1 << u"a"_s;
        QTest::newRow("aws {}") << QByteArray("{}") << u"aws"_s << 0 << QString();
        QTest::newRow("azure {}") << QByteArray("{}") << u"azure"_s << 0 << QString();
        QTest::newRow("teams bare array") << QByteArray("[{\"id\":\"t1\"},{\"id\":\"t2\"}]") << u"teams"_s << 2 << u"t1"_s;
        QTest::newRow("teams envelope") << QByteArray("{\"teams\":[{\"id\":\"t1\"}]}") << u"teams"_s << 1 << u"t1"_s;
        QTest::newRow("teams single object") << QByteArray("{\"id\":\"t9\",\"name\":\"x\",\"members\":{\"id\":\"m\",\"role\":\"admin\"}}")
                                             << u"teams"_s << 1 << u"t9"_s;
        QTest::newRow("teams empty") << QByteArray("[]") << u"teams"_s << 0 << QString();
    }

    void tolerantShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, parser);
        QFETCH(int, count);
        QFETCH(QString, firstId);
        const QJsonValue json = decoded(body);
        QStringList ids;
        ApiError error;
        if (parser == QLatin1String("blueprints")) {
            const auto r = ApiParse::blueprintList(json);
            error = r.error;
            for (const auto &b : r.value)
                ids << b.id;
        } else if (parser == QLatin1String("aws")) {
            const auto r = ApiParse::awsAccounts(json);
            error = r.error;
            for (const auto &a : r.value)
                ids << a.id;
        } else if (parser == QLatin1String("azure")) {
            const auto r = ApiParse::azureAccounts(json);
            error = r.error;
            for (const auto &a : r.value)
                ids << a.id;
        } else {
            const auto r = ApiParse::teams(json);
            error = r.error;
            for (const auto &t : r.value)
                ids << t.id;
            if (qstrcmp(QTest::currentDataTag(), "teams single object") == 0)
                QCOMPARE(r.value.first().members.first().role, QStringLiteral("admin"));
        }
        QVERIFY2(!error.isError(), qPrintable(error.detail()));
        QCOMPARE(ids.size(), count);
        if (count > 0)
            QCOMPARE(ids.first(), firstId);
    }

    void unknownFieldsSurviveInRaw()
    {
        const auto list = ApiParse::blueprintList(decoded("{\"blueprints\":[{\"id\":\"a\",\"future\":{\"x\":1}}]}"));
        QVERIFY(list.ok());
        QCOMPARE(list.value.first().raw.value(QLatin1String("future")).toObject().value(QLatin1String("x")).toInt(), 1);
        const auto bp = ApiParse::blueprint(decoded("{\"id\":\"b\",\"extra\":true,\"data\":{\"name\":\"N\",\"grid\":\"standard\"}}"));
        QVERIFY(bp.ok());
        const QJsonObject document = bp.value.toDocument();
        QVERIFY(document.value(QLatin1String("extra")).toBool());
        QCOMPARE(document.value(QLatin1String("data")).toObject().value(QLatin1String("grid")).toString(), QStringLiteral("standard"));
        QCOMPARE(bp.value.name(), QStringLiteral("N"));
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("parser");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("blueprints is a string") << QByteArray("{\"blueprints\":\"none\"}") << u"blueprints"_s << u"\"blueprints\" is a string"_s;
        QTest::newRow("entry is a number") << QByteArray("{\"blueprints\":[{\"id\":\"a\"},7]}") << u"blueprints"_s << u"entry 2"_s;
        QTest::newRow("id is an object") << QByteArray("{\"blueprints\":[{\"id\":{\"x\":1}}]}") << u"blueprints"_s << u"\"id\""_s;
        QTest::newRow("id missing") << QByteArray("{\"accounts\":[{\"name\":\"n\"}]}") << u"aws"_s << u"\"id\""_s;
        QTest::newRow("tags is a number") << QByteArray("{\"blueprints\":[{\"id\":\"a\",\"tags\":5}]}") << u"blueprints"_s << u"\"tags\""_s;
        QTest::newRow("data is a string") << QByteArray("{\"id\":\"a\",\"data\":\"x\"}") << u"blueprint"_s << u"\"data\""_s;
        QTest::newRow("data missing") << QByteArray("{\"id\":\"a\"}") << u"blueprint"_s << u"\"data\""_s;
        QTest::newRow("user is an array") << QByteArray("[{\"id\":\"u\"}]") << u"user"_s << u"expected an object"_s;
        QTest::newRow("iam without account") << QByteArray("{\"externalId\":\"e\"}") << u"iam"_s << u"accountId"_s;
    }

    void wrongTypes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, parser);
        QFETCH(QString, mentions);
        const QJsonValue json = decoded(body);
        ApiError error;
        if (parser == QLatin1String("blueprints"))
            error = ApiParse::blueprintList(json).error;
        else if (parser == QLatin1String("aws"))
            error = ApiParse::awsAccounts(json).error;
        else if (parser == QLatin1String("blueprint"))
            error = ApiParse::blueprint(json).error;
        else if (parser == QLatin1String("user"))
            error = ApiParse::user(json).error;
        else
            error = ApiParse::iamParameters(json).error;
        QCOMPARE(error.kind(), Kind::InvalidResponse);
        QVERIFY2(error.detail().contains(mentions), qPrintable(error.detail()));
    }

    void mapPosForms_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("relative");
        QTest::addColumn<QPointF>("pos");
        QTest::newRow("absolute") << QByteArray("[2.25, -9.75]") << true << false << QPointF(2.25, -9.75);
        QTest::newRow("relative") << QByteArray("{\"relTo\":\"n1\",\"offset\":[0.35,1.39]}") << true << true << QPointF(0.35, 1.39);
        QTest::newRow("relative numeric id") << QByteArray("{\"relTo\":42,\"offset\":[1,2]}") << true << true << QPointF(1, 2);
        QTest::newRow("three numbers") << QByteArray("[1,2,3]") << false << false << QPointF();
        QTest::newRow("strings") << QByteArray("[\"1\",\"2\"]") << false << false << QPointF();
        QTest::newRow("relative without offset") << QByteArray("{\"relTo\":\"n1\"}") << false << true << QPointF();
    }

    void mapPosForms()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(bool, relative);
        QFETCH(QPointF, pos);
        const MapPos p = ApiParse::mapPos(decoded(QByteArray("[") + json + "]").toArray().first());
        QCOMPARE(p.valid, valid);
        if (valid) {
            QCOMPARE(p.relative, relative);
            QCOMPARE(p.pos, pos);
        }
    }

    void errorMessages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("error field") << QByteArray("{\"error\":\"Blueprint not found\",\"code\":404}") << u"Blueprint not found"_s;
        QTest::newRow("message field") << QByteArray("{\"message\":\"Nope\"}") << u"Nope"_s;
        QTest::newRow("control characters") << QByteArray("{\"error\":\"line1\\n\\u001b[31mline2\"}") << u"line1 [31mline2"_s;
        QTest::newRow("plain text") << QByteArray("Service Unavailable\r\n") << u"Service Unavailable"_s;
        QTest::newRow("html") << QByteArray("<html><h1>502</h1></html>") << u""_s;
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << u""_s;
        QTest::newRow("long") << (QByteArray("{\"error\":\"") + QByteArray(1000, 'x') + "\"}") << QString(300, QLatin1Char('x')) + QChar(0x2026);
    }

    void errorMessages()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(ApiParse::errorMessage(body), message);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1 = unusable
        QTest::newRow("seconds") << QByteArray("2") << qint64(2000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 120 ") << qint64(120000);
        QTest::newRow("imf-fixdate") << QByteArray("Wed, 21 Oct 2026 07:28:30 GMT") << qint64(30000);
        QTest::newRow("rfc850") << QByteArray("Wednesday, 21-Oct-26 07:28:10 GMT") << qint64(10000);
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:05 2026") << qint64(5000);
        QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << qint64(0);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("huge") << QByteArray("99999999999999999999") << qint64(-1);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const auto parsed = parseRetryAfter(header, now);
        if (expectedMs < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(qint64(parsed->count()), expectedMs);
        }
    }

    void redaction()
    {
        const QString key = QStringLiteral("eOulZ3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=");
        QCOMPARE(maskSecret(key), QChar(0x2026) + QStringLiteral("we8="));
        QCOMPARE(maskSecret(u"short"), QString(QChar(0x2026)));
        const QString text = u"Authorization: Bearer "_s + key + u" and url ?k=eOulZ3vFUUkgfzoBK%2BUKyPmZw1NsdfrFzdvZoyFJwe8%3D"_s;
        const QString clean = scrubSecret(text, key);
        QVERIFY(!clean.contains(key));
        QVERIFY(!clean.contains(QLatin1String("eOulZ3vFUUkgfzoBK")));
        QCOMPARE(clean.count(maskSecret(key)), 2);
        QVERIFY(!scrubSecret(text.toUtf8(), key).contains("eOulZ3vFUUkgfzoBK"));
        QCOMPARE(scrubSecret(QStringLiteral("unchanged"), QString()), QStringLiteral("unchanged"));
    }

    void userMessagesAreSentences_data()
    {
        QTest::addColumn<int>("kind");
        for (int k = int(Kind::InvalidArgument); k <= int(Kind::StillProcessing); ++k)
            QTest::newRow(qPrintable(ApiError::kindName(Kind(k)))) << k;
    }

    void userMessagesAreSentences()
    {
        QFETCH(int, kind);
        const ApiError error(Kind(kind), 0, {}, QStringLiteral("some detail"));
        const QString message = error.userMessage();
        QVERIFY(message.size() > 15);
        QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
        QVERIFY2(message.at(0).isUpper(), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("..")), qPrintable(message));
        if (Kind(kind) == Kind::Timeout)
            QVERIFY(message.contains(QLatin1String("timed out")));
    }
};

QTEST_GUILESS_MAIN(TestApiParse)
#include "tst_apiparse.moc"
