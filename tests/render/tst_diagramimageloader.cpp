#include "render/diagramimageloader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImageWriter>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace Cloudcraft::Core;

namespace {

QByteArray encodePng(const QImage &image, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(quality);
    return writer.write(image) ? bytes : QByteArray();
}

// An 8K frame with enough structure that decoding takes real time (hundreds of milliseconds).
QByteArray eightKPng()
{
    static const QByteArray png = [] {
        QImage image(7680, 4320, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] = qRgb((x * 7 + y) & 0xff, (x ^ y) & 0xff, (y * 3) & 0xff);
        }
        return encodePng(image, 90); // light compression: quick to make, still a real decode
    }();
    return png;
}

QByteArray smallPng(const QColor &color)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(color);
    return encodePng(image);
}

const QByteArray smallSvg
    = QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\"><rect width=\"120\" "
                        "height=\"60\" fill=\"#00ff00\"/></svg>");

} // namespace

class TestDiagramImageLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void loadsByContentType_data();
    void loadsByContentType();
    void newerRequestSupersedesOlder();
    void staleResultFinishingLastIsDropped();
    void cancelDropsTheResult();
    void eventLoopKeepsTickingDuringLargeDecode();
    void scalesToTargetSize();
    void destroyedWhileBusyIsSafe();
};

void TestDiagramImageLoader::initTestCase()
{
    QVERIFY(!eightKPng().isEmpty());
}

void TestDiagramImageLoader::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
}

void TestDiagramImageLoader::loadsByContentType_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("error");
    QTest::newRow("png") << smallPng(Qt::red) << QStringLiteral("image/png") << QSize(64, 48) << QString();
    QTest::newRow("svg") << smallSvg << QStringLiteral("image/svg+xml; charset=utf-8") << QSize(120, 60) << QString();
    QTest::newRow("no type: sniffed png") << smallPng(Qt::red) << QString() << QSize(64, 48) << QString();
    QTest::newRow("no type: sniffed svg")
        << smallSvg << QStringLiteral("application/octet-stream") << QSize(120, 60) << QString();
    QTest::newRow("svg served as png") << smallSvg << QStringLiteral("image/png") << QSize()
                                       << QStringLiteral("not a PNG");
    QTest::newRow("png served as svg") << smallPng(Qt::red) << QStringLiteral("image/svg+xml") << QSize()
                                       << QStringLiteral("invalid SVG");
    QTest::newRow("neither") << QByteArrayLiteral("GIF89a....") << QString() << QSize()
                             << QStringLiteral("neither a PNG nor an SVG");
}

void TestDiagramImageLoader::loadsByContentType()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QSize, size);
    QFETCH(QString, error);
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    const quint64 id = loader.load(bytes, contentType);
    QVERIFY(id != 0);
    QVERIFY(loader.isBusy());
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toULongLong(), id);
    const auto image = spy.at(0).at(1).value<DiagramImage>();
    QVERIFY(!loader.isBusy());
    if (error.isEmpty()) {
        QVERIFY2(image.ok(), qPrintable(image.error));
        QCOMPARE(image.image.size(), size);
    } else {
        QVERIFY(!image.ok());
        QVERIFY2(image.error.contains(error), qPrintable(image.error));
    }
}

// A user clicking through blueprints must see the last one, never a late result of an earlier click.
void TestDiagramImageLoader::newerRequestSupersedesOlder()
{
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    const quint64 slow = loader.load(eightKPng(), ImageFormat::Png);
    const quint64 second = loader.load(smallPng(Qt::red), ImageFormat::Png);
    const quint64 last = loader.load(smallPng(Qt::blue), ImageFormat::Png);
    QVERIFY(slow < second && second < last);
    QVERIFY(spy.wait(10000));
    // Let every task finish and every queued signal arrive before counting.
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(100);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toULongLong(), last);
    const auto image = spy.at(0).at(1).value<DiagramImage>();
    QCOMPARE(image.image.pixelColor(0, 0), QColor(Qt::blue));
}

// SVG rendering cannot be interrupted, so a superseded SVG still finishes — after the newer PNG was shown. Its
// result must be thrown away, not replace the picture the user asked for last.
void TestDiagramImageLoader::staleResultFinishingLastIsDropped()
{
    QFile sample(
        QStringLiteral(CLOUDCRAFT_SHARED_DIR) + QStringLiteral("/samples/cloudcraft/export-aws-news-crawler.svg"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray svg = sample.readAll();
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    QElapsedTimer timer;
    timer.start();
    const quint64 stale = loader.load(svg, ImageFormat::Svg, RenderSize::scaled(3.0));
    const quint64 wanted = loader.load(smallPng(Qt::green), ImageFormat::Png);
    QVERIFY(spy.wait(20000));
    const qint64 shownAfter = timer.elapsed();
    QThreadPool::globalInstance()->waitForDone();
    const qint64 staleDoneAfter = timer.elapsed();
    QTest::qWait(100);
    qInfo("newer PNG shown after %lld ms; stale SVG finished by %lld ms", shownAfter, staleDoneAfter);
    QVERIFY(stale != wanted);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toULongLong(), wanted);
    QCOMPARE(spy.at(0).at(1).value<DiagramImage>().format, ImageFormat::Png);
}

void TestDiagramImageLoader::cancelDropsTheResult()
{
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    loader.load(eightKPng(), ImageFormat::Png);
    loader.cancel();
    QVERIFY(!loader.isBusy());
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(100);
    QCOMPARE(spy.count(), 0);
}

// The caller's event loop (the GUI thread in the app) never stalls while an 8K PNG decodes.
void TestDiagramImageLoader::eventLoopKeepsTickingDuringLargeDecode()
{
    const QByteArray png = eightKPng();
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 maxGap = 0;
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        maxGap = std::max(maxGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    heartbeat.start();
    QElapsedTimer decode;
    decode.start();
    loader.load(png, QStringLiteral("image/png"));
    QVERIFY(spy.wait(20000));
    const qint64 decodeMs = decode.elapsed();
    heartbeat.stop();
    maxGap = std::max(maxGap, clock.elapsed() - last);
    const auto image = spy.at(0).at(1).value<DiagramImage>();
    QVERIFY2(image.ok(), qPrintable(image.error));
    QCOMPARE(image.image.size(), QSize(7680, 4320));
    QCOMPARE(image.image.pixel(1000, 7), qRgb((1000 * 7 + 7) & 0xff, (1000 ^ 7) & 0xff, 21));
    qInfo("8K PNG decoded off-thread in %lld ms; %d heartbeats, largest gap %lld ms", decodeMs, ticks, maxGap);
    QVERIFY2(ticks >= 3, "the decode was too quick to tell anything");
    QVERIFY2(maxGap < 100, qPrintable(QString::number(maxGap)));
}

void TestDiagramImageLoader::scalesToTargetSize()
{
    DiagramImageLoader loader;
    QSignalSpy spy(&loader, &DiagramImageLoader::loaded);
    loader.load(smallPng(Qt::red), ImageFormat::Png, RenderSize::fitting(QSize(32, 32)));
    QVERIFY(spy.wait(10000));
    auto image = spy.at(0).at(1).value<DiagramImage>();
    QVERIFY(image.ok());
    QCOMPARE(image.image.size(), QSize(32, 24));
    QCOMPARE(image.intrinsicSize, QSize(64, 48));
    loader.load(smallSvg, ImageFormat::Svg, RenderSize::scaled(2.0));
    QVERIFY(spy.wait(10000));
    image = spy.at(1).at(1).value<DiagramImage>();
    QVERIFY(image.ok());
    QCOMPARE(image.image.size(), QSize(240, 120));
    QCOMPARE(image.image.pixelColor(10, 10), QColor(0, 255, 0));
}

void TestDiagramImageLoader::destroyedWhileBusyIsSafe()
{
    auto loader = std::make_unique<DiagramImageLoader>();
    loader->load(eightKPng(), ImageFormat::Png);
    loader.reset();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50); // any queued delivery would now hit a dead object; it must not exist
}

QTEST_GUILESS_MAIN(TestDiagramImageLoader)
#include "tst_diagramimageloader.moc"
