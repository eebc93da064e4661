#include "render/pngdecoder.h"
#include "render/pngencoder.h"

#include "imagecompare.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Cloudcraft::Core;
using Cloudcraft::Test::comparePixels;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Noise compresses badly, so the encoded file is about as large as the pixels: useful to hit a file size limit.
QImage noise(int width, int height, QImage::Format format)
{
    QImage image(width, height, format);
    quint32 state = 12345;
    for (int y = 0; y < height; ++y) {
        uchar *line = image.scanLine(y);
        for (qsizetype i = 0; i < image.bytesPerLine(); ++i) {
            state = state * 1664525u + 1013904223u;
            line[i] = uchar(state >> 24);
            // An opaque format's padding byte must be 0xff, or the "pixel" is not a valid RGBX one.
            if (!image.hasAlphaChannel() && image.depth() == 32 && i % 4 == 3)
                line[i] = 0xff;
        }
    }
    return image;
}

// A diagram-like picture: flat background, boxes, thin lines and some anti-aliased looking steps.
QImage diagram(int width, int height, QImage::Format format)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(qRgba(250, 250, 252, 255));
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            if ((x / 40 + y / 30) % 5 == 0)
                line[x] = qRgba(30, 120, 200, 255);
            if (x % 97 == 0 || y % 61 == 0)
                line[x] = qRgba(20, 20, 20, 255);
            if (x > width / 2 && y > height / 2)
                line[x] = qRgba(x % 256, y % 256, (x * y) % 256, (x + 3 * y) % 256);
        }
    }
    return image.convertToFormat(format);
}

/// Limits the size of files this process may write (as a full disk would), restoring the old limit on exit.
/// SIGXFSZ is ignored so the write fails with EFBIG instead of killing the test.
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_previous);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_previous {};
    void (*m_previousHandler)(int) = nullptr;
};

} // namespace

class TestPngEncoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsPixelExact_data();
    void roundTripsPixelExact();
    void writesTheFile();
    void unwritablePathIsAMessage_data();
    void unwritablePathIsAMessage();
    void fullDiskKeepsThePreviousFile();
    void nullImageIsAnError();
};

void TestPngEncoder::roundTripsPixelExact_data()
{
    QTest::addColumn<QImage>("image");
    QTest::newRow("rgba8888 diagram") << diagram(333, 211, QImage::Format_RGBA8888);
    QTest::newRow("rgbx8888 diagram") << diagram(333, 211, QImage::Format_RGBX8888);
    QTest::newRow("argb32 diagram") << diagram(257, 129, QImage::Format_ARGB32);
    QTest::newRow("rgb32 diagram") << diagram(257, 129, QImage::Format_RGB32);
    QTest::newRow("premultiplied") << diagram(64, 64, QImage::Format_ARGB32_Premultiplied);
    QTest::newRow("rgba noise") << noise(190, 77, QImage::Format_RGBA8888);
    QTest::newRow("rgbx noise") << noise(190, 77, QImage::Format_RGBX8888);
    QTest::newRow("grayscale") << diagram(100, 50, QImage::Format_Grayscale8);
    QTest::newRow("one pixel") << noise(1, 1, QImage::Format_RGBA8888);
    QTest::newRow("one column") << noise(1, 300, QImage::Format_RGBA8888);
    QImage transparent(40, 30, QImage::Format_RGBA8888);
    transparent.fill(Qt::transparent);
    QTest::newRow("fully transparent") << transparent;
}

// What we write reads back with Qt's decoder and ours to exactly the same pixels, alpha included.
void TestPngEncoder::roundTripsPixelExact()
{
    QFETCH(QImage, image);
    QString error;
    const QByteArray png = PngEncoder::encode(image, &error);
    QVERIFY2(!png.isEmpty(), qPrintable(error));
    QVERIFY(error.isEmpty());

    const QImage viaQt = QImage::fromData(png, "png");
    QVERIFY(!viaQt.isNull());
    QCOMPARE(viaQt.size(), image.size());
    QCOMPARE(viaQt.hasAlphaChannel(), image.hasAlphaChannel());
    QCOMPARE(comparePixels(viaQt, image, 0, QImage::Format_ARGB32).differing, 0);

    const DiagramImage viaOurs = PngDecoder().decode(png);
    QVERIFY2(viaOurs.ok(), qPrintable(viaOurs.error));
    QCOMPARE(viaOurs.image.size(), image.size());
    QCOMPARE(comparePixels(viaOurs.image, image, 0, QImage::Format_ARGB32).differing, 0);
}

void TestPngEncoder::writesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.png"));
    const QImage image = diagram(120, 80, QImage::Format_RGBA8888);
    QCOMPARE(PngEncoder::writeFile(image, path), QString());
    const QImage back = QImage::fromData(readFile(path), "png");
    QCOMPARE(comparePixels(back, image, 0, QImage::Format_ARGB32).differing, 0);
    // Overwriting replaces the file.
    const QImage second = noise(10, 10, QImage::Format_RGBA8888);
    QCOMPARE(PngEncoder::writeFile(second, path), QString());
    QCOMPARE(QImage::fromData(readFile(path), "png").size(), QSize(10, 10));
}

void TestPngEncoder::unwritablePathIsAMessage_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("missing directory") << QStringLiteral("no/such/dir/diff.png");
    QTest::newRow("parent is a file") << QStringLiteral("afile/diff.png");
    QTest::newRow("path is a directory") << QStringLiteral("adir");
}

void TestPngEncoder::unwritablePathIsAMessage()
{
    QFETCH(QString, relative);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("afile")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    const QString path = dir.filePath(relative);
    const QString message = PngEncoder::writeFile(diagram(20, 20, QImage::Format_RGBA8888), path);
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.startsWith(QStringLiteral("Could not write ")), qPrintable(message));
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.endsWith(u'.'), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
}

// A write that runs out of space fails with a sentence and leaves the earlier diff image in place, whole.
void TestPngEncoder::fullDiskKeepsThePreviousFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.png"));
    const QImage previous = diagram(64, 64, QImage::Format_RGBA8888);
    QCOMPARE(PngEncoder::writeFile(previous, path), QString());
    const QByteArray previousBytes = readFile(path);
    QVERIFY(previousBytes.size() < 64 * 1024);

    QString message;
    {
        const FileSizeLimit limit(64 * 1024);
        message = PngEncoder::writeFile(noise(512, 512, QImage::Format_RGBA8888), path);
    }
    QVERIFY2(message.startsWith(QStringLiteral("Could not write ") + path), qPrintable(message));
    QCOMPARE(readFile(path), previousBytes);
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("diff.png") });
}

void TestPngEncoder::nullImageIsAnError()
{
    QString error;
    QVERIFY(PngEncoder::encode(QImage(), &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.png"));
    QVERIFY(!PngEncoder::writeFile(QImage(), path).isEmpty());
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
