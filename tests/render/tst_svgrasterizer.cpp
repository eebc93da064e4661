#include "render/svgrasterizer.h"

#include "imagecompare.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;
using Cloudcraft::Test::comparePixels;

namespace {

QString samplesDir()
{
    return QStringLiteral(CLOUDCRAFT_SHARED_DIR) + QStringLiteral("/samples/cloudcraft");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Peak resident set size of this process (VmHWM), in KiB.
qint64 peakRssKiB()
{
    const QByteArray status = readFile(QStringLiteral("/proc/self/status"));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Pixels that are clearly the test's pure red: strong red, little green and blue, mostly opaque.
qint64 redPixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    qint64 count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) > 200 && qRed(line[x]) > 200 && qGreen(line[x]) < 60 && qBlue(line[x]) < 60)
                ++count;
        }
    }
    return count;
}

QByteArray imageSvg(const QByteArray &href)
{
    return QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                             "width=\"200\" height=\"200\"><rect width=\"200\" height=\"200\" fill=\"white\"/>"
                             "<image x=\"0\" y=\"0\" width=\"200\" height=\"200\" xlink:href=\"")
        + href + QByteArrayLiteral("\" href=\"") + href + QByteArrayLiteral("\"/></svg>");
}

} // namespace

class TestSvgRasterizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesRsvgConvert_data();
    void matchesRsvgConvert();
    void localFilesAreNeverRead_data();
    void localFilesAreNeverRead();
    void dataUrlsStillWork();
    void networkIsNeverUsed();
    void absurdSizeIsClamped();
    void clampArithmetic_data();
    void clampArithmetic();
    void entitiesAreRefused_data();
    void entitiesAreRefused();
    void garbageIsAnError_data();
    void garbageIsAnError();
    void targetSizeKeepsAspectRatio();

private:
    QString m_rsvgConvert;
    QTemporaryDir m_tmp;
    QByteArray m_redPng;
};

void TestSvgRasterizer::initTestCase()
{
    m_rsvgConvert = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    QVERIFY2(!m_rsvgConvert.isEmpty(), "rsvg-convert not found: install librsvg2-bin (scripts/lib/deps.sh)");
    QVERIFY(m_tmp.isValid());
    QImage red(64, 64, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(m_tmp.filePath(QStringLiteral("red.png")), "PNG"));
    m_redPng = readFile(m_tmp.filePath(QStringLiteral("red.png")));
    QVERIFY(!m_redPng.isEmpty());
}

void TestSvgRasterizer::matchesRsvgConvert_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("zoom");
    const QStringList files = QDir(samplesDir()).entryList({ QStringLiteral("export-*.svg") }, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(samplesDir()));
    for (const QString &file : files) {
        QTest::addRow("%s@1x", qPrintable(file)) << QDir(samplesDir()).filePath(file) << 1.0;
        QTest::addRow("%s@0.5x", qPrintable(file)) << QDir(samplesDir()).filePath(file) << 0.5;
    }
}

// The preview a user sees must be the picture librsvg's own tool draws: at most 1 % of pixels off by more than 16.
void TestSvgRasterizer::matchesRsvgConvert()
{
    QFETCH(QString, path);
    QFETCH(double, zoom);
    const QString reference = m_tmp.filePath(QFileInfo(path).completeBaseName() + QStringLiteral("-%1.png").arg(zoom));
    QProcess convert;
    convert.start(m_rsvgConvert,
        { QStringLiteral("--zoom"), QString::number(zoom), QStringLiteral("--format"), QStringLiteral("png"),
            QStringLiteral("--output"), reference, path });
    QVERIFY(convert.waitForFinished(30000));
    QCOMPARE(convert.exitCode(), 0);
    const QImage expected(reference, "PNG");
    QVERIFY(!expected.isNull());

    const DiagramImage actual = SvgRasterizer().render(readFile(path), RenderSize::scaled(zoom));
    QVERIFY2(actual.ok(), qPrintable(actual.error));
    QCOMPARE(actual.format, ImageFormat::Svg);
    QVERIFY(!actual.clamped);
    QCOMPARE(actual.image.size(), expected.size());
    const auto difference = comparePixels(actual.image, expected, 16);
    qInfo("%s: %lld of %lld pixels differ (%.4f %%), max channel difference %d", qPrintable(QFileInfo(path).fileName()),
        difference.differing, difference.total, difference.ratio() * 100, difference.maxChannel);
    QVERIFY2(difference.ratio() <= 0.01, qPrintable(QString::number(difference.ratio() * 100) + QStringLiteral(" %")));
    // Something was drawn at all: a blank render would match a blank reference, and these exports are not blank.
    QImage blank(actual.image.size(), QImage::Format_ARGB32_Premultiplied);
    blank.fill(Qt::transparent);
    QVERIFY(comparePixels(actual.image, blank, 16).ratio() > 0.05);
}

void TestSvgRasterizer::localFilesAreNeverRead_data()
{
    QTest::addColumn<QByteArray>("href");
    const QByteArray path = m_tmp.filePath(QStringLiteral("red.png")).toUtf8();
    QTest::newRow("file URL") << (QByteArrayLiteral("file://") + path);
    QTest::newRow("absolute path") << path;
    QTest::newRow("relative name") << QByteArrayLiteral("red.png");
    QTest::newRow("relative with dots") << (QByteArrayLiteral("../../../../../../../..") + path);
}

// An SVG naming a local file must not show it: the red test PNG stays invisible.
void TestSvgRasterizer::localFilesAreNeverRead()
{
    QFETCH(QByteArray, href);
    // Run from the directory holding red.png so a relative name would resolve if anything resolved it.
    const QString previous = QDir::currentPath();
    QDir::setCurrent(m_tmp.path());
    const DiagramImage result = SvgRasterizer().render(imageSvg(href));
    QDir::setCurrent(previous);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(200, 200));
    QCOMPARE(redPixels(result.image), 0);
}

// The control for the test above: the same picture inlined as a data: URL is drawn, so "no red" means "not read".
void TestSvgRasterizer::dataUrlsStillWork()
{
    const QByteArray href = QByteArrayLiteral("data:image/png;base64,") + m_redPng.toBase64();
    const DiagramImage result = SvgRasterizer().render(imageSvg(href));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(redPixels(result.image) > 200 * 200 * 9 / 10);
}

void TestSvgRasterizer::networkIsNeverUsed()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(server.serverPort());
    QByteArray svg = imageSvg(base + "/red.png");
    svg.replace("</svg>",
        QByteArray("<style>@import url(" + base + "/style.css);</style><use href=\"" + base
            + "/sprite.svg#a\"/><rect width=\"10\" height=\"10\" fill=\"url(" + base + "/p.svg#g)\"/></svg>"));
    QElapsedTimer timer;
    timer.start();
    const DiagramImage result = SvgRasterizer().render(svg);
    QVERIFY2(timer.elapsed() < 2000, "rendering waited on the network");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(redPixels(result.image), 0);
    QVERIFY(!server.waitForNewConnection(300));
    QVERIFY(!server.hasPendingConnections());
}

// width="2e9": the preview is clamped to the limits and reported as such; memory stays bounded.
void TestSvgRasterizer::absurdSizeIsClamped()
{
    const ImageLimits limits { 4096, qint64(16) * 1024 * 1024 };
    const QByteArray svg
        = QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2e9\" height=\"2e9\" "
                            "viewBox=\"0 0 100 100\"><rect width=\"50\" height=\"50\" fill=\"red\"/></svg>");
    const qint64 before = peakRssKiB();
    QElapsedTimer timer;
    timer.start();
    const DiagramImage result = SvgRasterizer(limits).render(svg);
    const qint64 elapsed = timer.elapsed();
    const qint64 grownKiB = peakRssKiB() - before;
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.clamped);
    QVERIFY(!result.clampNote.isEmpty());
    QCOMPARE(result.intrinsicSize, QSize(2000000000, 2000000000));
    QCOMPARE(result.image.size(), QSize(2048, 2048)); // 16 MiB / 4 bytes = 2048², under the 4096 side limit
    QVERIFY(limits.allows(result.image.size()));
    // The top-left quarter is the red square, scaled with the document.
    QCOMPARE(result.image.pixelColor(100, 100), QColor(Qt::red));
    QCOMPARE(qAlpha(result.image.pixel(1500, 1500)), 0);
    qInfo("2e9 x 2e9 SVG: %d x %d in %lld ms, peak RSS grew %lld KiB", result.image.width(), result.image.height(),
        elapsed, grownKiB);
    QVERIFY2(grownKiB < 64 * 1024, "clamped render used far more memory than its 16 MiB buffer");
    QVERIFY(elapsed < 10000);
}

void TestSvgRasterizer::clampArithmetic_data()
{
    QTest::addColumn<QSizeF>("requested");
    QTest::addColumn<bool>("clamped");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("fits") << QSizeF(1280, 720) << false << QSize(1280, 720);
    QTest::newRow("fraction rounds up") << QSizeF(100.2, 50.5) << false << QSize(101, 51);
    QTest::newRow("2e9 square") << QSizeF(2e9, 2e9) << true << QSize(11585, 11585);
    QTest::newRow("too wide") << QSizeF(2e9, 100) << true << QSize(16384, 1);
    QTest::newRow("side limit") << QSizeF(20000, 1000) << true << QSize(16384, 819);
    QTest::newRow("pixel budget") << QSizeF(16384, 16384) << true << QSize(11585, 11585);
    QTest::newRow("infinite") << QSizeF(qInf(), 10) << false << QSize();
    QTest::newRow("negative") << QSizeF(-5, 10) << false << QSize();
}

void TestSvgRasterizer::clampArithmetic()
{
    QFETCH(QSizeF, requested);
    QFETCH(bool, clamped);
    QFETCH(QSize, expected);
    const ImageLimits limits; // 16384 a side, 512 MiB
    bool wasClamped = false;
    const QSize size = limits.clamp(requested, &wasClamped);
    QCOMPARE(size, expected);
    QCOMPARE(wasClamped, clamped);
    if (!size.isEmpty())
        QVERIFY(limits.allows(size));
}

void TestSvgRasterizer::entitiesAreRefused_data()
{
    QTest::addColumn<QByteArray>("svg");
    QTest::newRow("billion laughs") << QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;"
        "&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&lol4;</text></svg>");
    QTest::newRow("xxe file") << QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&xxe;</text></svg>");
    QTest::newRow("parameter entity") << QByteArrayLiteral(
        "<!DOCTYPE svg [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
    QTest::newRow("lower-case keyword") << QByteArrayLiteral(
        "<!DOCTYPE svg [<!entity a \"b\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
    QTest::newRow("internal subset without entity")
        << QByteArrayLiteral("<!DOCTYPE svg [<!ATTLIST svg a CDATA \"x\">]><svg xmlns=\"http://www.w3.org/2000/svg\" "
                             "width=\"10\" height=\"10\"/>");
    QTest::newRow("utf-7 declared") << QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE svg +AFs-+ADw-!ENTITY x \"y\"+AD4-+AF0-+AD4-"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
    const QString utf16 = QStringLiteral("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\" "
                                         "width=\"10\" height=\"10\"/>");
    QTest::newRow("utf-16") << (QByteArrayLiteral("\xFF\xFE")
        + QByteArray(reinterpret_cast<const char *>(utf16.utf16()), utf16.size() * 2));
}

void TestSvgRasterizer::entitiesAreRefused()
{
    QFETCH(QByteArray, svg);
    QElapsedTimer timer;
    timer.start();
    const DiagramImage result = SvgRasterizer().render(svg);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!result.ok());
    QVERIFY(result.image.isNull());
    QVERIFY2(
        result.error.startsWith(QStringLiteral("This SVG could not be read: invalid SVG")), qPrintable(result.error));
    QVERIFY(!SvgRasterizer::screen(svg).isEmpty());
}

void TestSvgRasterizer::garbageIsAnError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArrayLiteral("   \n ");
    QTest::newRow("text") << QByteArrayLiteral("hello, this is not an SVG");
    QTest::newRow("png bytes") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    QTest::newRow("unclosed") << QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"");
    QTest::newRow("not svg root") << QByteArrayLiteral("<html><body>x</body></html>");
    QTest::newRow("zero size") << QByteArrayLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"/>");
    QByteArray noise(4096, '\0');
    quint32 state = 12345;
    for (char &c : noise) {
        state = state * 1664525u + 1013904223u;
        c = char(state >> 24);
    }
    QTest::newRow("random bytes") << noise;
    QTest::newRow("truncated sample") << readFile(samplesDir() + QStringLiteral("/export-awx-poc-v1.svg")).left(3000);
}

void TestSvgRasterizer::garbageIsAnError()
{
    QFETCH(QByteArray, bytes);
    const DiagramImage result = SvgRasterizer().render(bytes);
    QVERIFY(!result.ok());
    QVERIFY(result.image.isNull());
    QVERIFY2(result.error.startsWith(QStringLiteral("This SVG could not be read: ")), qPrintable(result.error));
}

void TestSvgRasterizer::targetSizeKeepsAspectRatio()
{
    const QByteArray svg = readFile(samplesDir() + QStringLiteral("/export-awx-poc-v1.svg"));
    const std::optional<QSizeF> intrinsic = SvgRasterizer().intrinsicSize(svg);
    QVERIFY(intrinsic);
    QCOMPARE(*intrinsic, QSizeF(1280, 720));
    const DiagramImage result = SvgRasterizer().render(svg, RenderSize::fitting(QSize(400, 400)));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(400, 225));
    QCOMPARE(result.intrinsicSize, QSize(1280, 720));
}

QTEST_GUILESS_MAIN(TestSvgRasterizer)
#include "tst_svgrasterizer.moc"
