// Live scans (snapshots): 202 long poll, scenario steps, filter/exclude, rendered formats.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QTest>

using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;

namespace {
const QString kAws = u"/aws/account/f0000000-0000-4000-8000-000000000001"_s;
const QString kAzure = u"/azure/account/f0000000-0000-4000-8000-000000000002"_s;

QStringList nodeNames(const QJsonObject &document)
{
    QStringList names;
    for (const QJsonValue &node : document.value(u"data"_s).toObject().value(u"nodes"_s).toArray())
        names.append(node.toObject().value(u"name"_s).toString());
    names.sort();
    return names;
}
} // namespace

class tst_EmulatorScans final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pendingThenResult();
    void pendingIsPerQuery();
    void documentShape();
    void scenarioAdvances();
    void scenarioStepFromCommandLine();
    void filters_data();
    void filters();
    void badFilterIsRejected();
    void azureScanCarriesResourceIds();
    void renderedFormats_data();
    void renderedFormats();
    void blueprintExports_data();
    void blueprintExports();

private:
    EmulatorProcess m_emu;
    TestHttpClient m_http;
};

void tst_EmulatorScans::initTestCase()
{
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.rateLimits = false;
    options.snapshotPending = 2;
    QVERIFY2(m_emu.start(options), qPrintable(m_emu.errorString()));
}

void tst_EmulatorScans::init()
{
    QVERIFY(m_emu.reset());
}

void tst_EmulatorScans::pendingThenResult()
{
    const QUrl url = m_emu.url(kAws + u"/us-east-1/json"_s);
    for (int i = 0; i < 2; ++i) {
        const HttpResult pending = m_http.get(url, m_emu.readWriteKey());
        QCOMPARE(pending.status, 202);
        const QJsonObject body = pending.json();
        QCOMPARE(body.value(u"code"_s).toString(), u"STILL_PROCESSING"_s);
        QCOMPARE(body.value(u"retry"_s).toBool(), true);
        QCOMPARE(body.value(u"message"_s).toString(),
                 u"Result wait time exceeded. Processing continues in the background, retry to receive result."_s);
    }
    const HttpResult done = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(done.status, 200);
    QVERIFY(done.json().contains(u"data"_s));
    // The next scan is a new job and long-polls again.
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 202);
}

void tst_EmulatorScans::pendingIsPerQuery()
{
    const QUrl plain = m_emu.url(kAws + u"/us-east-1/json"_s);
    const QUrl filtered = m_emu.url(kAws + u"/us-east-1/json?filter=type%3Dec2"_s);
    QCOMPARE(m_http.get(plain, m_emu.readWriteKey()).status, 202);
    QCOMPARE(m_http.get(plain, m_emu.readWriteKey()).status, 202);
    QCOMPARE(m_http.get(filtered, m_emu.readWriteKey()).status, 202); // its own counter
    QCOMPARE(m_http.get(plain, m_emu.readWriteKey()).status, 200);
}

void tst_EmulatorScans::documentShape()
{
    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.rateLimits = false;
    QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
    const HttpResult result = m_http.get(emu.url(kAws + u"/us-east-1/json"_s), emu.readWriteKey());
    QCOMPARE(result.status, 200);
    const QJsonObject document = result.json();
    QCOMPARE(document.value(u"tags"_s).toArray(), (QJsonArray{u"AWS"_s, u"us-east-1"_s, u"Test AWS"_s}));
    const QJsonObject data = document.value(u"data"_s).toObject();
    QCOMPARE(data.value(u"name"_s).toString(), u"Test AWS us-east-1 2026-01-05T09:00:00.000Z"_s);
    QCOMPARE(data.value(u"grid"_s).toString(), u"infinite"_s);
    QCOMPARE(data.value(u"projection"_s).toString(), u"isometric"_s);
    for (const QString &key : {u"liveOptions"_s, u"shareDocs"_s, u"surfaces"_s, u"connectors"_s, u"nodes"_s,
                               u"groups"_s, u"edges"_s})
        QVERIFY2(data.contains(key), qPrintable(key));
    for (const QJsonValue &node : data.value(u"nodes"_s).toArray())
        QVERIFY(node.toObject().value(u"arn"_s).toString().startsWith(u"arn:aws:"_s));
    QCOMPARE(data.value(u"edges"_s).toArray().size(), 2);

    // The result can be POSTed unchanged to create a blueprint.
    const HttpResult created = m_http.send("POST", emu.url(u"/blueprint"_s), emu.readWriteKey(), result.body);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value(u"name"_s).toString(), data.value(u"name"_s).toString());
}

void tst_EmulatorScans::scenarioAdvances()
{
    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.rateLimits = false;
    QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
    const QUrl url = emu.url(kAws + u"/us-east-1/json"_s);
    const QStringList step0{u"assets-bucket"_s, u"orders-db"_s, u"web-1"_s, u"web-2"_s};
    QCOMPARE(nodeNames(m_http.get(url, emu.readWriteKey()).json()), step0);
    QVERIFY(emu.advanceScenario());
    const QJsonObject step1 = m_http.get(url, emu.readWriteKey()).json();
    QCOMPARE(nodeNames(step1), (QStringList{u"assets-bucket"_s, u"orders-db"_s, u"web-1"_s, u"web-2"_s, u"web-3"_s}));
    QCOMPARE(step1.value(u"data"_s).toObject().value(u"name"_s).toString(),
             u"Test AWS us-east-1 2026-01-05T10:00:00.000Z"_s);
    QVERIFY(emu.advanceScenario());
    QVERIFY(emu.advanceScenario()); // past the last step: the data stays at the last one
    const QStringList last{u"assets-bucket"_s, u"orders-db"_s, u"web-2"_s, u"web-3"_s};
    QCOMPARE(nodeNames(m_http.get(url, emu.readWriteKey()).json()), last);
    // A region with a single step never changes.
    QCOMPARE(nodeNames(m_http.get(emu.url(kAws + u"/us-west-2/json"_s), emu.readWriteKey()).json()),
             QStringList{u"resize-images"_s});
}

void tst_EmulatorScans::scenarioStepFromCommandLine()
{
    EmulatorProcess emu;
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.scenarioStep = 2;
    QVERIFY2(emu.start(options), qPrintable(emu.errorString()));
    const QJsonObject document = m_http.get(emu.url(kAws + u"/us-east-1/json"_s), emu.readWriteKey()).json();
    QVERIFY(!nodeNames(document).contains(u"web-1"_s));
    QCOMPARE(document.value(u"data"_s).toObject().value(u"name"_s).toString(),
             u"Test AWS us-east-1 2026-01-05T11:00:00.000Z"_s);
}

void tst_EmulatorScans::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("edges");
    QTest::newRow("type") << u"filter=type%3Dec2"_s << QStringList{u"web-1"_s, u"web-2"_s} << 0;
    QTest::newRow("tag") << u"filter=env%3Ddev"_s << QStringList{u"assets-bucket"_s} << 0;
    QTest::newRow("substring") << u"filter=orders"_s << QStringList{u"orders-db"_s} << 0;
    QTest::newRow("OR") << u"filter=web-1%20OR%20orders"_s << QStringList{u"orders-db"_s, u"web-1"_s} << 1;
    QTest::newRow("implicit AND") << u"filter=env%3Dprod%20type%3Drds"_s << QStringList{u"orders-db"_s} << 0;
    QTest::newRow("NOT and parentheses") << u"filter=NOT%20(type%3Dec2%20OR%20type%3Ds3)"_s
                                         << QStringList{u"orders-db"_s} << 0;
    QTest::newRow("exclude") << u"exclude=ec2,s3"_s << QStringList{u"orders-db"_s} << 0;
    QTest::newRow("label and autoconnect accepted") << u"label=false&autoconnect=true"_s
                                                    << QStringList{u"assets-bucket"_s, u"orders-db"_s, u"web-1"_s, u"web-2"_s}
                                                    << 2;
}

void tst_EmulatorScans::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    QFETCH(int, edges);
    const QUrl url = m_emu.url(kAws + u"/us-east-1/json?"_s + query);
    m_http.get(url, m_emu.readWriteKey());
    m_http.get(url, m_emu.readWriteKey());
    const HttpResult result = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(result.status, 200);
    QCOMPARE(nodeNames(result.json()), names);
    QCOMPARE(result.json().value(u"data"_s).toObject().value(u"edges"_s).toArray().size(), edges);
}

void tst_EmulatorScans::badFilterIsRejected()
{
    const HttpResult result = m_http.get(m_emu.url(kAws + u"/us-east-1/json?filter=(type%3Dec2"_s), m_emu.readWriteKey());
    QCOMPARE(result.status, 400);
    const HttpResult label = m_http.get(m_emu.url(kAws + u"/us-east-1/json?label=maybe"_s), m_emu.readWriteKey());
    QCOMPARE(label.status, 400);
}

void tst_EmulatorScans::azureScanCarriesResourceIds()
{
    const QUrl url = m_emu.url(kAzure + u"/eastus/json"_s);
    m_http.get(url, m_emu.readWriteKey());
    m_http.get(url, m_emu.readWriteKey());
    const QJsonObject document = m_http.get(url, m_emu.readWriteKey()).json();
    QCOMPARE(document.value(u"tags"_s).toArray().first().toString(), u"Azure"_s);
    const QJsonArray nodes = document.value(u"data"_s).toObject().value(u"nodes"_s).toArray();
    QCOMPARE(nodes.size(), 2);
    for (const QJsonValue &node : nodes)
        QVERIFY(node.toObject().value(u"resourceId"_s).toString().startsWith(u"/subscriptions/"_s));
}

void tst_EmulatorScans::renderedFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << u"png"_s << QByteArray("image/png") << QByteArray("\x89PNG");
    QTest::newRow("svg") << u"svg"_s << QByteArray("image/svg+xml") << QByteArray("<");
    QTest::newRow("pdf") << u"pdf"_s << QByteArray("application/pdf") << QByteArray("%PDF");
    QTest::newRow("mxGraph") << u"mxGraph"_s << QByteArray("application/xml") << QByteArray("<");
}

void tst_EmulatorScans::renderedFormats()
{
#ifndef CLOUDCRAFT_EMULATOR_HAS_RENDERER
    QSKIP("this build of the emulator has no renderer (tests/emulator/render not built)");
#endif
    QFETCH(QString, format);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, magic);
    const QUrl url = m_emu.url(kAws + u"/us-east-1/"_s + format + u"?width=640&height=480"_s);
    m_http.get(url, m_emu.readWriteKey());
    m_http.get(url, m_emu.readWriteKey());
    const HttpResult result = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentType(), contentType);
    QVERIFY(result.body.startsWith(magic));
}

void tst_EmulatorScans::blueprintExports_data()
{
    renderedFormats_data();
}

void tst_EmulatorScans::blueprintExports()
{
#ifndef CLOUDCRAFT_EMULATOR_HAS_RENDERER
    QSKIP("this build of the emulator has no renderer (tests/emulator/render not built)");
#endif
    QFETCH(QString, format);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, magic);
    const QString path = u"/blueprint/e0000000-0000-4000-8000-000000000001/"_s + format
                         + u"?scale=1&grid=true&transparent=false&landscape=true&paperSize=A4"_s;
    const HttpResult result = m_http.get(m_emu.url(path), m_emu.readWriteKey());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentType(), contentType);
    QVERIFY(result.body.startsWith(magic));
    // Same input, same bytes.
    QCOMPARE(m_http.get(m_emu.url(path), m_emu.readWriteKey()).body, result.body);
}

QTEST_GUILESS_MAIN(tst_EmulatorScans)
#include "tst_emulatorscans.moc"
