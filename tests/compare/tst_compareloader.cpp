// CompareLoader: both sides from files, blueprint: and aws: references of the real emulator (across a scenario
// step), and snapshot: references of a real history; documents kept where the reference has one; every bad
// reference gives one failed() with one sentence that names it. The loaded blueprint pair, compared by a
// CompareSession, gives the counts `cloudcraft-cli diff blueprint:A blueprint:B` prints (the GUI = CLI check).

#include "emulatorprocess.h"
#include "testpaths.h"

#include "api/apiclient.h"
#include "api/requestscheduler.h"
#include "compare/compareengine.h"
#include "compare/compareloader.h"
#include "compare/comparesession.h"
#include "diff/apidiffsources.h"
#include "history/snapshotdiffsource.h"
#include "history/snapshotstore.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

const QString kAws = QStringLiteral("f0000000-0000-4000-8000-000000000001");
const QString kWebTier = QStringLiteral("e0000000-0000-4000-8000-000000000001");
const QString kPipeline = QStringLiteral("e0000000-0000-4000-8000-000000000002");

QByteArray png(const QColor &color, QSize size = {64, 48})
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// The outcome of one load(): exactly one of the two signals, counted.
struct Outcome
{
    CompareSide before;
    CompareSide after;
    QString failure;
    int count = 0;
    bool ok() const { return count == 1 && failure.isEmpty(); }
};

Outcome load(CompareLoader &loader, const QString &a, const QString &b)
{
    Outcome outcome;
    QMetaObject::Connection ok = QObject::connect(&loader, &CompareLoader::loaded,
                                                  [&](CompareSide before, CompareSide after) {
                                                      outcome.before = std::move(before);
                                                      outcome.after = std::move(after);
                                                      ++outcome.count;
                                                  });
    QMetaObject::Connection bad = QObject::connect(&loader, &CompareLoader::failed, [&](const QString &sentence) {
        outcome.failure = sentence;
        ++outcome.count;
    });
    loader.load(a, b);
    if (!QTest::qWaitFor([&] { return outcome.count > 0; }, 60000))
        outcome.failure = QStringLiteral("neither loaded() nor failed() within 60 s");
    QTest::qWait(50); // a second signal would show here
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (outcome.count != 1)
        outcome.failure = QStringLiteral("%1 signals").arg(outcome.count);
    return outcome;
}

bool oneSentence(const QString &text)
{
    return !text.isEmpty() && text.endsWith(u'.') && !text.contains(u'\n');
}

} // namespace

class TstCompareLoader final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    QTemporaryDir m_dir;
    DiffSourceRegistry m_registry;
    QString m_historyRoot;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }

    /// `cloudcraft-cli --json diff A B` against the emulator, as a real process; its "pixels" object.
    QJsonObject cliPixels(const QString &a, const QString &b)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CLOUDCRAFT_CLI_BINARY),
                      {QStringLiteral("--api-url"), m_emulator.baseUrl().toString(), QStringLiteral("--ca-file"),
                       m_emulator.caFile(), QStringLiteral("--json"), QStringLiteral("diff"), a, b});
        if (!process.waitForFinished(60000))
            return {};
        const QByteArray out = process.readAllStandardOutput();
        const QJsonObject pixels = QJsonDocument::fromJson(out).object().value(u"pixels").toObject();
        if (pixels.isEmpty())
            qWarning("cloudcraft-cli said: %s %s", out.constData(), process.readAllStandardError().constData());
        return pixels;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        const QString key = m_emulator.readWriteKey();
        m_client = std::make_unique<ApiClient>(&m_network, endpoint, [key] { return key; });
        m_client->scheduler()->setBudget(RateRoute::General, {1000, std::chrono::seconds(1)});
        m_client->scheduler()->setBudget(RateRoute::Export, {1000, std::chrono::seconds(1)});
        // The registry as the compare window and `cloudcraft-cli diff` fill it.
        ApiDiffSources::registerAll(m_registry, [this]() -> ApiClient & { return *m_client; });
        m_historyRoot = m_dir.filePath(QStringLiteral("history"));
        m_registry.add(std::make_unique<SnapshotDiffSourceResolver>(m_historyRoot));
    }

    void files()
    {
        const QString a = writeFile(QStringLiteral("a.png"), png(Qt::white));
        const QString b = writeFile(QStringLiteral("b.png"), png(Qt::black, {80, 48}));
        CompareLoader loader(m_registry);
        const Outcome out = load(loader, a, b);
        QVERIFY2(out.ok(), qPrintable(out.failure));
        QCOMPARE(out.before.label, a);
        QCOMPARE(out.after.label, b);
        QCOMPARE(out.before.image.size(), QSize(64, 48));
        QCOMPARE(out.after.image.size(), QSize(80, 48));
        QCOMPARE(out.after.imageBytes, png(Qt::black, {80, 48}));
        QCOMPARE(out.before.takenAt, QFileInfo(a).lastModified().toUTC());
        QVERIFY(!out.before.document.has_value());
        QVERIFY(out.before.bounds.isEmpty());
    }

    void blueprintReferencesWithDocumentsAndBounds()
    {
        CompareLoader loader(m_registry);
        QSignalSpy progress(&loader, &CompareLoader::progress);
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
        const Outcome out = load(loader, QStringLiteral("blueprint:") + kWebTier, QStringLiteral("blueprint:") + kPipeline);
        QVERIFY2(out.ok(), qPrintable(out.failure));
        QVERIFY(!progress.isEmpty());
        QVERIFY(!out.before.image.isNull() && !out.after.image.isNull());
        QVERIFY(out.before.imageBytes.startsWith("\x89PNG"));
        QVERIFY(out.before.takenAt >= started);
        // The document behind each picture (DiffWant::Structure), so the structural panel has something to show.
        QVERIFY(out.before.document.has_value() && out.after.document.has_value());
        const QJsonArray nodes = out.before.document->value(u"data").toObject().value(u"nodes").toArray();
        QVERIFY(!nodes.isEmpty());
        // The emulator's renders say where each component is (contract 1); their ids are the document's.
        QVERIFY2(!out.before.bounds.isEmpty(), "the emulator's PNG carries cloudcraft:bounds");
        const QString firstId = nodes.first().toObject().value(u"id").toString();
        QVERIFY2(out.before.bounds.contains(firstId), qPrintable(firstId));
        QVERIFY(QRect(QPoint(0, 0), out.before.image.size()).intersects(out.before.bounds.value(firstId)));

        // What the compare window does with the pair: a session; its counts are the CLI's for the same references.
        CompareSession session;
        QSignalSpy ready(&session, &CompareSession::resultReady);
        session.setSides(out.before, out.after);
        QVERIFY(ready.wait(30000));
        const CompareResult &result = session.result();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.differentPixels > 0);
        QVERIFY(result.structure.has_value());
        const QJsonObject cli = cliPixels(QStringLiteral("blueprint:") + kWebTier, QStringLiteral("blueprint:") + kPipeline);
        QVERIFY2(!cli.isEmpty(), "the CLI answered with JSON");
        QCOMPARE(result.differentPixels, cli.value(u"mismatch").toInteger());
        QCOMPARE(result.comparedPixels, cli.value(u"compared").toInteger());
        QCOMPARE(result.regions.size(), cli.value(u"regions").toArray().size());

        // A threshold change recomputes the pixels and keeps the structural diff of the pair.
        const int changed = result.structure->totals.changed + result.structure->totals.added;
        CompareSettings looser;
        looser.threshold = 0.4;
        session.setSettings(looser);
        QVERIFY(ready.wait(30000));
        QVERIFY(session.result().ok());
        QVERIFY(session.result().structure.has_value());
        QCOMPARE(session.result().structure->totals.changed + session.result().structure->totals.added, changed);
    }

    void liveAccountAcrossAScenarioStep()
    {
        QVERIFY(m_emulator.reset());
        const QString live = QStringLiteral("aws:%1/us-east-1").arg(kAws);
        CompareLoader loader(m_registry);
        const Outcome first = load(loader, live, live);
        QVERIFY2(first.ok(), qPrintable(first.failure));
        QVERIFY(first.before.document.has_value());
        QCOMPARE(CompareEngine::compare(first.before, first.after, {}).differentPixels, 0);

        QVERIFY(m_emulator.advanceScenario()); // a deployment: one more instance
        const Outcome second = load(loader, live, live);
        QVERIFY2(second.ok(), qPrintable(second.failure));
        const CompareResult result = CompareEngine::compare(first.before, second.after, {});
        QVERIFY(result.ok());
        QVERIFY(result.differentPixels > 0);
        QVERIFY(!result.regions.isEmpty());
        QVERIFY(result.structure.has_value());
        QCOMPARE(result.structure->totals.added, 1);
        QCOMPARE(result.structure->totals.removed, 0);
        QVERIFY(m_emulator.reset());
    }

    void snapshotReferences()
    {
        const QDateTime earlier = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const QDateTime later = earlier.addSecs(1800);
        {
            SnapshotStore store(m_historyRoot);
            QVERIFY(!store.open());
            const SnapshotSource east{QStringLiteral("default"), SnapshotSource::Kind::Aws, QStringLiteral("acc"),
                                      QStringLiteral("us-east-1")};
            NewSnapshot one{east, {}, earlier, {}, QStringLiteral("baseline"), {}, png(Qt::red), {},
                            "{\"data\":{\"nodes\":[]}}"};
            NewSnapshot two{east, {}, later, {}, {}, {}, png(Qt::blue), {}, {}}; // a picture only
            QVERIFY(store.add(one).ok());
            QVERIFY(store.add(two).ok());
        }
        CompareLoader loader(m_registry);
        loader.setSnapshotRoot(m_historyRoot);
        const Outcome out = load(loader, QStringLiteral("snapshot:aws:acc/us-east-1@previous"),
                                 QStringLiteral("snapshot:aws:acc/us-east-1@latest"));
        QVERIFY2(out.ok(), qPrintable(out.failure));
        QCOMPARE(out.before.image.pixelColor(1, 1), QColor(Qt::red));
        QCOMPARE(out.after.image.pixelColor(1, 1), QColor(Qt::blue));
        QCOMPARE(out.before.takenAt.toSecsSinceEpoch(), earlier.toSecsSinceEpoch());
        QCOMPARE(out.after.takenAt.toSecsSinceEpoch(), later.toSecsSinceEpoch());
        QVERIFY(out.before.document.has_value());
        QVERIFY(!out.after.document.has_value()); // no JSON in that snapshot: no error either
    }

    void badReferencesGiveOneSentence_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("named");
        const QString good = QStringLiteral("blueprint:") + kWebTier;
        QTest::newRow("unknown scheme") << "nosuch:thing" << good << "nosuch";
        QTest::newRow("missing file") << good << "/nonexistent/after.png" << "/nonexistent/after.png";
        QTest::newRow("unknown blueprint") << "blueprint:e0000000-0000-4000-8000-0000000000ff" << good
                                           << "blueprint:e0000000-0000-4000-8000-0000000000ff";
        QTest::newRow("no snapshot") << "snapshot:999" << good << "snapshot:999";
        QTest::newRow("empty") << "" << good << "Nothing to compare";
    }

    void badReferencesGiveOneSentence()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, named);
        CompareLoader loader(m_registry);
        loader.setSnapshotRoot(m_historyRoot);
        const Outcome out = load(loader, a, b);
        QCOMPARE(out.count, 1);
        QVERIFY2(oneSentence(out.failure), qPrintable(out.failure));
        QVERIFY2(out.failure.contains(named), qPrintable(out.failure));
    }

    void aJsonFileIsNotAPicture()
    {
        const QString json = writeFile(QStringLiteral("doc.json"), "{\"data\":{\"nodes\":[]}}");
        const QString picture = writeFile(QStringLiteral("pic.png"), png(Qt::white));
        CompareLoader loader(m_registry);
        const Outcome out = load(loader, json, picture);
        QCOMPARE(out.count, 1);
        QVERIFY2(oneSentence(out.failure) && out.failure.startsWith(json), qPrintable(out.failure));
    }

    void aNewerLoadReplacesTheOlder()
    {
        const QString a = writeFile(QStringLiteral("r.png"), png(Qt::red));
        const QString b = writeFile(QStringLiteral("g.png"), png(Qt::green));
        CompareLoader loader(m_registry);
        QSignalSpy loaded(&loader, &CompareLoader::loaded);
        loader.load(QStringLiteral("blueprint:") + kWebTier, QStringLiteral("blueprint:") + kPipeline);
        loader.load(a, b);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), 30000);
        QTest::qWait(1500); // the abandoned fetches answer meanwhile, and are dropped
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().value<CompareSide>().label, a);
    }
};

QTEST_MAIN(TstCompareLoader)
#include "tst_compareloader.moc"
