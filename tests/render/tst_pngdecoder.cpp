#include "render/pngdecoder.h"

#include "imagecompare.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QTest>
#include <QtEndian>

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

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray chunk(const QByteArray &type, const QByteArray &payload)
{
    return bigEndian32(quint32(payload.size())) + type + payload + bigEndian32(crc32(type + payload));
}

// A PNG with a valid IHDR declaring width × height (8-bit RGBA) and a small IDAT of zeros: a "decompression bomb"
// shaped file whose header is all that matters.
QByteArray pngWithHeader(quint32 width, quint32 height)
{
    const QByteArray ihdr = bigEndian32(width) + bigEndian32(height) + QByteArray("\x08\x06\x00\x00\x00", 5);
    const QByteArray zeros(1 << 20, '\0');
    const QByteArray idat = qCompress(zeros, 9).mid(4); // qCompress prefixes a 4-byte length to the zlib stream
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", {});
}

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    return writer.write(image) ? bytes : QByteArray();
}

// A minimal little-endian baseline TIFF: 2 × 2 pixels, 8-bit RGB, one uncompressed strip.
QByteArray tinyTiff()
{
    QByteArray tiff("II*\0", 4);
    const auto u16 = [&tiff](quint16 v) { tiff.append(char(v & 0xff)).append(char(v >> 8)); };
    const auto u32 = [&](quint32 v) {
        u16(quint16(v & 0xffff));
        u16(quint16(v >> 16));
    };
    u32(8); // first IFD right after the header
    const quint16 entries = 9;
    const quint32 bitsOffset = 8 + 2 + entries * 12 + 4;
    const quint32 pixelsOffset = bitsOffset + 6;
    u16(entries);
    const auto entry = [&](quint16 tag, quint16 type, quint32 count, quint32 value) {
        u16(tag);
        u16(type);
        u32(count);
        u32(value);
    };
    entry(256, 3, 1, 2); // ImageWidth
    entry(257, 3, 1, 2); // ImageLength
    entry(258, 3, 3, bitsOffset); // BitsPerSample 8,8,8
    entry(259, 3, 1, 1); // Compression: none
    entry(262, 3, 1, 2); // Photometric: RGB
    entry(273, 4, 1, pixelsOffset); // StripOffsets
    entry(277, 3, 1, 3); // SamplesPerPixel
    entry(278, 3, 1, 2); // RowsPerStrip
    entry(279, 4, 1, 12); // StripByteCounts
    u32(0);
    u16(8);
    u16(8);
    u16(8);
    tiff.append(QByteArray(12, '\x7f'));
    return tiff;
}

} // namespace

class TestPngDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesMatchQtDecoder_data();
    void samplesMatchQtDecoder();
    void generatedImagesRoundTrip_data();
    void generatedImagesRoundTrip();
    void hugeHeaderIsRefusedFast_data();
    void hugeHeaderIsRefusedFast();
    void otherFormatsAreNotPng_data();
    void otherFormatsAreNotPng();
    void damagedFilesAreErrors_data();
    void damagedFilesAreErrors();
    void largeImageDecodes();
    void cancelStopsTheDecode();
};

void TestPngDecoder::samplesMatchQtDecoder_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(samplesDir()).entryList({ QStringLiteral("export-*.png") }, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, qPrintable(samplesDir()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << QDir(samplesDir()).filePath(file);
    // The pixelmatch fixtures add small palette, grey and alpha images made by other encoders.
    const QDir fixtures(QStringLiteral(CLOUDCRAFT_SHARED_DIR) + QStringLiteral("/fixtures/pixelmatch"));
    for (const QString &file : fixtures.entryList({ QStringLiteral("*.png") }, QDir::Files, QDir::Name))
        QTest::addRow("pixelmatch/%s", qPrintable(file)) << fixtures.filePath(file);
}

// Every real export decodes to exactly the pixels Qt's own PNG reader produces.
void TestPngDecoder::samplesMatchQtDecoder()
{
    QFETCH(QString, path);
    const QByteArray bytes = readFile(path);
    QVERIFY(!bytes.isEmpty());
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer, "png");
    reader.setAllocationLimit(0);
    const QImage expected = reader.read();
    QVERIFY2(!expected.isNull(), qPrintable(reader.errorString()));

    const DiagramImage actual = PngDecoder().decode(bytes);
    QVERIFY2(actual.ok(), qPrintable(actual.error));
    QCOMPARE(actual.format, ImageFormat::Png);
    QCOMPARE(actual.image.size(), expected.size());
    QCOMPARE(actual.intrinsicSize, expected.size());
    QCOMPARE(actual.image.hasAlphaChannel(), expected.hasAlphaChannel());
    const auto difference = comparePixels(actual.image, expected, 0, QImage::Format_ARGB32);
    QCOMPARE(difference.differing, 0);
}

void TestPngDecoder::generatedImagesRoundTrip_data()
{
    QTest::addColumn<QImage>("image");
    QImage gradient(301, 97, QImage::Format_ARGB32);
    for (int y = 0; y < gradient.height(); ++y) {
        for (int x = 0; x < gradient.width(); ++x)
            gradient.setPixel(x, y, qRgba(x % 256, (y * 3) % 256, (x ^ y) % 256, (x + y) % 256));
    }
    QTest::newRow("rgba") << gradient;
    QTest::newRow("rgb") << gradient.convertToFormat(QImage::Format_RGB32);
    QTest::newRow("gray") << gradient.convertToFormat(QImage::Format_Grayscale8);
    QTest::newRow("gray16") << gradient.convertToFormat(QImage::Format_Grayscale16);
    QTest::newRow("rgba64") << gradient.convertToFormat(QImage::Format_RGBA64);
    QTest::newRow("indexed") << gradient.convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("mono") << gradient.convertToFormat(QImage::Format_Mono);
}

void TestPngDecoder::generatedImagesRoundTrip()
{
    QFETCH(QImage, image);
    const QByteArray png = encode(image, "png");
    QVERIFY(!png.isEmpty());
    const QImage expected = QImage::fromData(png, "png");
    const DiagramImage actual = PngDecoder().decode(png);
    QVERIFY2(actual.ok(), qPrintable(actual.error));
    QCOMPARE(actual.image.size(), image.size());
    // 16-bit samples: libspng keeps the high byte, Qt rounds; they may differ by one step.
    const bool sixteenBit = image.format() == QImage::Format_Grayscale16 || image.format() == QImage::Format_RGBA64;
    const auto difference = comparePixels(actual.image, expected, sixteenBit ? 1 : 0, QImage::Format_ARGB32);
    QCOMPARE(difference.differing, 0);
}

void TestPngDecoder::hugeHeaderIsRefusedFast_data()
{
    QTest::addColumn<quint32>("width");
    QTest::addColumn<quint32>("height");
    QTest::newRow("20000 x 20000") << 20000u << 20000u;
    QTest::newRow("one over the side limit") << 16385u << 1u;
    QTest::newRow("16384 square is 1 GiB") << 16384u << 16384u;
    QTest::newRow("2^31-1 wide") << 0x7fffffffu << 1u;
}

// A small file declaring a huge image is refused from its header, before anything is allocated.
void TestPngDecoder::hugeHeaderIsRefusedFast()
{
    QFETCH(quint32, width);
    QFETCH(quint32, height);
    const QByteArray png = pngWithHeader(width, height);
    QCOMPARE(PngDecoder::headerSize(png), QSize(int(width), int(height)));
    QElapsedTimer timer;
    timer.start();
    const DiagramImage result = PngDecoder().decode(png);
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY(!result.ok());
    QVERIFY(result.image.isNull());
    QVERIFY2(result.error.contains(QStringLiteral("too large")), qPrintable(result.error));
    QVERIFY2(elapsedMs < 100, qPrintable(QString::number(elapsedMs)));
}

void TestPngDecoder::otherFormatsAreNotPng_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QTest::newRow("tiff") << tinyTiff();
    QTest::newRow("jpeg") << encode(image, "jpeg");
    QTest::newRow("bmp") << encode(image, "bmp");
    QTest::newRow("svg") << QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("half a signature") << QByteArray("\x89PNG", 4);
}

// Bytes served as PNG that are something else are refused, never decoded by guessing.
void TestPngDecoder::otherFormatsAreNotPng()
{
    QFETCH(QByteArray, bytes);
    const DiagramImage result = PngDecoder().decode(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, QStringLiteral("This file is not a PNG image."));
    QVERIFY(!PngDecoder::headerSize(bytes));
}

void TestPngDecoder::damagedFilesAreErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray sample = readFile(samplesDir() + QStringLiteral("/export-serverless-todo-v1.png"));
    QVERIFY(sample.size() > 1000);
    QTest::newRow("cut in the header") << sample.left(20) << QStringLiteral("header");
    QTest::newRow("cut after the header") << sample.left(40) << QStringLiteral("could not be read");
    QTest::newRow("cut in half") << sample.left(sample.size() / 2) << QStringLiteral("truncated");
    // Missing only IEND still holds every pixel (libspng, like browsers, shows it); cutting into the last IDAT does
    // not.
    QTest::newRow("cut in the last IDAT") << sample.left(sample.size() - 30) << QStringLiteral("could not be read");
    QByteArray flipped = sample;
    for (qsizetype i = sample.size() / 3; i < sample.size() / 3 + 64; ++i)
        flipped[i] = char(~flipped[i]);
    QTest::newRow("corrupt data") << flipped << QStringLiteral("could not be read");
    QByteArray zeroWidth = pngWithHeader(1, 1);
    zeroWidth.replace(16, 4, QByteArray(4, '\0'));
    QTest::newRow("zero width") << zeroWidth << QStringLiteral("header");
}

void TestPngDecoder::damagedFilesAreErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const DiagramImage result = PngDecoder().decode(bytes);
    QVERIFY(!result.ok());
    QVERIFY(result.image.isNull());
    QVERIFY2(result.error.startsWith(QStringLiteral("This PNG image could not be read")), qPrintable(result.error));
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

// 5000 × 5000 (100 MB of pixels) is within our limits, though Qt's default 128 MB reader limit is close.
void TestPngDecoder::largeImageDecodes()
{
    QImage image(5000, 5000, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < 5000; y += 50)
        std::fill_n(reinterpret_cast<QRgb *>(image.scanLine(y)), 5000, qRgb(200, 10, 10));
    const QByteArray png = encode(image, "png");
    const DiagramImage result = PngDecoder().decode(png);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(5000, 5000));
    QCOMPARE(result.image.pixelColor(17, 50), QColor(200, 10, 10));
    QCOMPARE(result.image.pixelColor(4999, 4999), QColor(Qt::white));
}

void TestPngDecoder::cancelStopsTheDecode()
{
    QImage image(400, 400, QImage::Format_RGB32);
    image.fill(Qt::blue);
    const std::atomic_bool cancelled { true };
    const DiagramImage result = PngDecoder().decode(encode(image, "png"), &cancelled);
    QVERIFY(result.cancelled);
    QVERIFY(result.image.isNull());
}

QTEST_GUILESS_MAIN(TestPngDecoder)
#include "tst_pngdecoder.moc"
