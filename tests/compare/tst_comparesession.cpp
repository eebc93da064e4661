// CompareSession: the counts equal `cloudcraft-cli diff` run as a process on the same pair with the same options
// (pixelmatch fixtures, sizes that differ; the emulator blueprint pair is in tst_compareloader); threshold, anti-aliasing and ignore regions
// move the counts as the CLI's options do; a burst of setting changes ends in one result for the last settings;
// the UI thread keeps ticking while an 8K pair is compared.

#include "compare/compareengine.h"
#include "compare/comparesession.h"
#include "diff/diffinput.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Cloudcraft::Core;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CLOUDCRAFT_SHARED_DIR "/fixtures/pixelmatch/") + name;
}

CompareSide loadSide(const QString &path)
{
    const DiffInput input;
    const DiffSource source = input.readFile(path);
    CompareSide side;
    side.label = path;
    side.imageBytes = source.bytes;
    side.image = input.decode(source).image;
    return side;
}

CompareSide named(const QString &label, const QImage &image)
{
    CompareSide side;
    side.label = label;
    side.image = image;
    return side;
}

QString settingsText(const CompareSettings &s)
{
    QStringList rects;
    for (const QRect &r : s.ignoreRegions)
        rects << QStringLiteral("%1,%2,%3,%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    return QStringLiteral("threshold %1%2 ignore [%3]")
        .arg(s.threshold)
        .arg(s.includeAntiAliasing ? QStringLiteral(" include-aa") : QString(), rects.join(u' '));
}

QStringList cliOptions(const CompareSettings &s)
{
    QStringList args{QStringLiteral("--threshold"), QString::number(s.threshold, 'g', 17)};
    if (s.includeAntiAliasing)
        args << QStringLiteral("--include-aa");
    for (const QRect &r : s.ignoreRegions)
        args << QStringLiteral("--ignore")
             << QStringLiteral("%1,%2,%3,%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    return args;
}

} // namespace

class TstCompareSession final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// `cloudcraft-cli --json diff ...` as a real process; its "pixels" object.
    QJsonObject cliPixels(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        const QStringList all{QStringLiteral("--json"), QStringLiteral("diff")};
        process.start(QStringLiteral(CLOUDCRAFT_CLI_BINARY), all + args);
        if (!process.waitForFinished(60000))
            return {};
        const QByteArray out = process.readAllStandardOutput();
        const QJsonObject json = QJsonDocument::fromJson(out).object().value(u"pixels").toObject();
        if (json.isEmpty())
            qWarning("cloudcraft-cli said: %s %s", out.constData(), process.readAllStandardError().constData());
        return json;
    }

    /// Runs the session to its result and checks it against the CLI's answer for the same settings.
    void expectSameAsCli(CompareSession &session, const CompareSettings &settings, const QStringList &cliPair)
    {
        QSignalSpy ready(&session, &CompareSession::resultReady);
        session.setSettings(settings);
        if (session.isComputing() || ready.isEmpty())
            QVERIFY(ready.wait(30000));
        const CompareResult &result = session.result();
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QJsonObject cli = cliPixels(cliPair + cliOptions(settings));
        QVERIFY2(!cli.isEmpty(), "the CLI answered with JSON");
        const QString what = settingsText(settings);
        QVERIFY2(result.differentPixels == cli.value(u"mismatch").toInteger(),
                 qPrintable(QStringLiteral("%1: GUI %2, CLI %3").arg(what).arg(result.differentPixels)
                                .arg(cli.value(u"mismatch").toInteger())));
        QCOMPARE(result.comparedPixels, cli.value(u"compared").toInteger());
        const QJsonArray cliRegions = cli.value(u"regions").toArray();
        QCOMPARE(result.regions.size(), cliRegions.size());
        // The same boxes with the same counts; the session lists them largest first.
        QMultiMap<qint64, QRect> fromCli;
        for (const QJsonValue &r : cliRegions) {
            const QJsonObject o = r.toObject();
            fromCli.insert(o.value(u"pixels").toInteger(),
                           QRect(o.value(u"x").toInt(), o.value(u"y").toInt(), o.value(u"width").toInt(),
                                 o.value(u"height").toInt()));
        }
        for (qsizetype i = 0; i < result.regions.size(); ++i) {
            if (i > 0)
                QVERIFY(result.regions[i - 1].pixels >= result.regions[i].pixels);
            QVERIFY(fromCli.values(result.regions[i].pixels).contains(result.regions[i].rect));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void countsEqualTheCli_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("includeAA");
        QTest::newRow("1 default") << "1a.png" << "1b.png" << 0.1 << false;
        QTest::newRow("1 t0.05") << "1a.png" << "1b.png" << 0.05 << false;
        QTest::newRow("2 t0.05") << "2a.png" << "2b.png" << 0.05 << false;
        QTest::newRow("3 aa") << "3a.png" << "3b.png" << 0.05 << true;
        QTest::newRow("4 t0.05") << "4a.png" << "4b.png" << 0.05 << false;
        QTest::newRow("5 t0") << "5a.png" << "5b.png" << 0.0 << false;
        QTest::newRow("6 sizes") << "6a.png" << "6b.png" << 0.1 << false;
        QTest::newRow("7 aa") << "7a.png" << "7b.png" << 0.1 << true;
        QTest::newRow("1 same") << "1a.png" << "1a.png" << 0.0 << false;
    }

    void countsEqualTheCli()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(double, threshold);
        QFETCH(bool, includeAA);
        CompareSession session;
        session.setSides(loadSide(fixture(a)), loadSide(fixture(b)));
        CompareSettings settings;
        settings.threshold = threshold;
        settings.includeAntiAliasing = includeAA;
        expectSameAsCli(session, settings, {fixture(a), fixture(b)});
        if (a == b)
            QVERIFY(session.result().identical && session.result().differentPixels == 0);
    }

    void optionsMoveTheCountsAsTheClisDo()
    {
        const QString a = fixture(QStringLiteral("4a.png"));
        const QString b = fixture(QStringLiteral("4b.png"));
        CompareSession session;
        session.setSides(loadSide(a), loadSide(b));
        CompareSettings settings;
        expectSameAsCli(session, settings, {a, b});
        const qint64 atDefault = session.result().differentPixels;
        const QRect largest = session.result().regions.value(0).rect;
        QVERIFY(atDefault > 0 && !largest.isEmpty());

        settings.threshold = 0.3; // less sensitive: fewer changes
        expectSameAsCli(session, settings, {a, b});
        QVERIFY(session.result().differentPixels < atDefault);

        settings.threshold = 0.1;
        settings.includeAntiAliasing = true; // anti-aliased pixels count too
        expectSameAsCli(session, settings, {a, b});
        QVERIFY(session.result().differentPixels > atDefault);

        settings.includeAntiAliasing = false;
        settings.ignoreRegions = {largest}; // the largest change ignored
        expectSameAsCli(session, settings, {a, b});
        QVERIFY(session.result().differentPixels < atDefault);
        for (const CompareRegion &region : session.result().regions)
            QVERIFY(!largest.contains(region.rect));
    }

    void differenceColoursAddedAndRemoved()
    {
        QImage before(300, 200, QImage::Format_RGBA8888);
        before.fill(Qt::white);
        QImage after = before.copy();
        QPainter(&before).fillRect(QRect(10, 10, 40, 40), Qt::black); // gone in after: removed
        QPainter(&after).fillRect(QRect(200, 100, 50, 50), Qt::black); // new in after: added
        const CompareResult result = CompareEngine::compare(named(QStringLiteral("a"), before), named(QStringLiteral("b"), after), {});
        QVERIFY(result.ok());
        QCOMPARE(result.differentPixels, 40 * 40 + 50 * 50);
        QCOMPARE(result.regions.size(), 2);
        QCOMPARE(result.regions[0].rect, QRect(200, 100, 50, 50)); // largest first
        QCOMPARE(result.regions[0].pixels, 2500);
        QCOMPARE(QColor(result.difference.pixel(220, 120)), compareAddedColor());
        QCOMPARE(QColor(result.difference.pixel(20, 20)), compareRemovedColor());
        // Unchanged pixels: the faded after-image, light grey-white, not a diff colour.
        const QColor unchanged(result.difference.pixel(150, 20));
        QVERIFY(unchanged.lightness() > 200);
    }

    void burstOfSettingsEndsInOneResultForTheLast()
    {
        QImage before(2400, 1600, QImage::Format_RGBA8888);
        before.fill(QColor(250, 250, 250));
        QImage after = before.copy();
        {
            QPainter p(&after);
            for (int i = 0; i < 40; ++i)
                p.fillRect(QRect(50 + i * 55, 100 + (i % 7) * 180, 40, 40), QColor(200 - i * 4, 200, 210));
        }
        CompareSession session;
        QSignalSpy ready(&session, &CompareSession::resultReady);
        QSignalSpy computing(&session, &CompareSession::computingChanged);
        session.setSides(named(QStringLiteral("before"), before), named(QStringLiteral("after"), after));
        QVERIFY(ready.wait(30000));
        ready.clear();

        CompareSettings last;
        for (int i = 1; i <= 20; ++i) {
            last.threshold = 0.01 * i;
            last.includeAntiAliasing = i % 2 == 0;
            session.setSettings(last);
        }
        QVERIFY(session.isComputing());
        QTRY_VERIFY_WITH_TIMEOUT(!session.isComputing(), 30000);
        QTest::qWait(200); // a stale result arriving late would show here
        QCOMPARE(ready.size(), 1);
        const auto result = ready.first().first().value<CompareResult>();
        QCOMPARE(result.generation, session.generation());
        QCOMPARE(session.settings(), last);
        const CompareResult direct = CompareEngine::compare(session.before(), session.after(), last);
        QCOMPARE(result.differentPixels, direct.differentPixels);
        QCOMPARE(computing.last().first().toBool(), false);
    }

    void uiThreadKeepsTickingDuringAn8kCompare()
    {
        // An 8K pair with changes all over, as a large region's render would have.
        QImage before(7680, 4320, QImage::Format_RGBA8888);
        before.fill(Qt::white);
        QImage after = before.copy();
        {
            QPainter p(&before);
            QPainter q(&after);
            for (int y = 0; y < 4320; y += 240)
                for (int x = 0; x < 7680; x += 320) {
                    p.fillRect(QRect(x + 20, y + 20, 200, 120), QColor(61, 133, 198));
                    q.fillRect(QRect(x + 24 + (x / 320) % 5, y + 20, 200, 120), QColor(61, 133, 198));
                }
        }
        CompareSession session;
        QSignalSpy ready(&session, &CompareSession::resultReady);
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(5);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
            ++ticks;
        });
        clock.start();
        heartbeat.start();
        session.setSides(named(QStringLiteral("before"), before), named(QStringLiteral("after"), after));
        CompareSettings looser;
        looser.threshold = 0.2;
        session.setSettings(looser); // replaces the first request while it runs
        QVERIFY(ready.wait(60000));
        heartbeat.stop();
        QVERIFY(session.result().ok());
        QVERIFY(session.result().differentPixels > 0);
        QCOMPARE(session.result().canvas, QSize(7680, 4320));
        qInfo("8K compare: %lld ms, %d heartbeats, longest UI-thread gap %lld ms", clock.elapsed(), ticks, longestGap);
        QVERIFY(ticks > 10);
        // The 50 ms target is measured by bench/compare on an idle machine; here, shared CI cores get slack.
        QVERIFY2(longestGap < 250, qPrintable(QStringLiteral("longest gap %1 ms").arg(longestGap)));
    }
};

QTEST_MAIN(TstCompareSession)
#include "tst_comparesession.moc"
