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

// A PNG built by hand, so every colour type and filter type can be produced (Qt's writer picks its own).
struct HandMadePng
{
    quint32 width = 0;
    quint32 height = 0;
    quint8 colorType = 6;
    int channels = 4;
    QByteArray pixels;  ///< unfiltered rows, width × channels bytes each
    QByteArray palette; ///< PLTE payload
    QByteArray trns;    ///< tRNS payload
    int filter = 0;     ///< 0-4, or 5 for a different filter on each row
    int idatSize = 1000; ///< the zlib stream is split into IDAT chunks of this size
};

int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a);
    const int pb = std::abs(p - b);
    const int pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

// Deliberately the plain textbook form of the filters (PNG specification 9.2), independent of the decoder's.
QByteArray filteredRows(const HandMadePng &png)
{
    const int rowBytes = int(png.width) * png.channels;
    const int bpp = png.channels;
    QByteArray out;
    for (int y = 0; y < int(png.height); ++y) {
        const int type = png.filter == 5 ? y % 5 : png.filter;
        out.append(char(type));
        const auto *row = reinterpret_cast<const uchar *>(png.pixels.constData()) + y * rowBytes;
        const uchar *up = y ? row - rowBytes : nullptr;
        for (int i = 0; i < rowBytes; ++i) {
            const int a = i >= bpp ? row[i - bpp] : 0;
            const int b = up ? up[i] : 0;
            const int c = up && i >= bpp ? up[i - bpp] : 0;
            const int predictor = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth(a, b, c) : 0;
            out.append(char(uchar(row[i] - predictor)));
        }
    }
    return out;
}

QByteArray zlib(const QByteArray &data)
{
    return qCompress(data, 6).mid(4);
}

QByteArray assemble(const HandMadePng &png, const QByteArray &zlibStream)
{
    const QByteArray ihdr = bigEndian32(png.width) + bigEndian32(png.height) + char(8) + char(png.colorType)
        + QByteArray(3, '\0');
    QByteArray file = QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr);
    if (!png.palette.isEmpty())
        file += chunk("PLTE", png.palette);
    if (!png.trns.isEmpty())
        file += chunk("tRNS", png.trns);
    for (qsizetype at = 0; at < zlibStream.size(); at += png.idatSize)
        file += chunk("IDAT", zlibStream.mid(at, png.idatSize));
    return file + chunk("IEND", {});
}

QByteArray assemble(const HandMadePng &png)
{
    return assemble(png, zlib(filteredRows(png)));
}

// Flat areas, edges and noise: every filter sees runs and changes.
HandMadePng handMade(quint32 width, quint32 height, quint8 colorType, int filter)
{
    HandMadePng png;
    png.width = width;
    png.height = height;
    png.colorType = colorType;
    png.channels = colorType == 0 || colorType == 3 ? 1 : colorType == 4 ? 2 : colorType == 2 ? 3 : 4;
    png.filter = filter;
    quint32 state = width * 7919u + height * 31u + colorType;
    for (quint32 y = 0; y < height; ++y) {
        for (quint32 x = 0; x < width; ++x) {
            for (int c = 0; c < png.channels; ++c) {
                state = state * 1664525u + 1013904223u;
                const bool flat = ((x / 7) + (y / 5)) % 3 != 0;
                uchar value = flat ? uchar(40 * c + 90) : uchar(state >> 24);
                if (colorType == 3)
                    value = value % 20; // indices into a 20-colour palette
                png.pixels.append(char(value));
            }
        }
    }
    if (colorType == 3) {
        for (int i = 0; i < 20; ++i)
            png.palette.append(char(i * 12)).append(char(255 - i * 9)).append(char(i * i % 256));
    }
    return png;
}

QImage qtDecode(const QByteArray &png)
{
    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    reader.setAllocationLimit(0);
    return reader.read();
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
    void everyColorTypeAndFilterMatchesQt_data();
    void everyColorTypeAndFilterMatchesQt();
    void malformedStreamsAreErrors_data();
    void malformedStreamsAreErrors();
    void everyTruncationIsHandled();
    void randomDamageNeverCrashes();
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
    QTest::newRow("100000 x 100000") << 100000u << 100000u;
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

void TestPngDecoder::everyColorTypeAndFilterMatchesQt_data()
{
    QTest::addColumn<QByteArray>("png");
    const QList<QPair<const char *, quint8>> types { { "grey", 0 }, { "rgb", 2 }, { "palette", 3 },
        { "grey-alpha", 4 }, { "rgba", 6 } };
    const char *filterNames[] = { "none", "sub", "up", "average", "paeth", "mixed" };
    for (const auto &[name, colorType] : types) {
        for (int filter = 0; filter <= 5; ++filter) {
            QTest::addRow("%s %s", name, filterNames[filter]) << assemble(handMade(37, 23, colorType, filter));
            QTest::addRow("%s %s 1 wide", name, filterNames[filter]) << assemble(handMade(1, 9, colorType, filter));
            QTest::addRow("%s %s 1 high", name, filterNames[filter]) << assemble(handMade(9, 1, colorType, filter));
        }
    }
    HandMadePng palette = handMade(40, 30, 3, 5);
    palette.trns = QByteArray("\x00\x40\x80\xc0\xff\x10", 6); // alphas for the first six entries only
    QTest::newRow("palette with tRNS") << assemble(palette);
    HandMadePng grey = handMade(40, 30, 0, 4);
    grey.trns = bigEndian32(90).mid(2); // the flat grey areas become transparent
    QTest::newRow("grey with a colour key") << assemble(grey);
    HandMadePng rgb = handMade(40, 30, 2, 4);
    rgb.trns = bigEndian32(90).mid(2) + bigEndian32(130).mid(2) + bigEndian32(170).mid(2);
    QTest::newRow("rgb with a colour key") << assemble(rgb);
    HandMadePng split = handMade(50, 20, 6, 5);
    split.idatSize = 1;
    QTest::newRow("one byte per IDAT") << assemble(split);
}

// Hand-made PNGs of each colour type, each filter and odd sizes decode to the pixels libpng (through Qt) sees.
void TestPngDecoder::everyColorTypeAndFilterMatchesQt()
{
    QFETCH(QByteArray, png);
    const QImage expected = qtDecode(png);
    QVERIFY(!expected.isNull());
    const DiagramImage actual = PngDecoder().decode(png);
    QVERIFY2(actual.ok(), qPrintable(actual.error));
    QCOMPARE(actual.image.size(), expected.size());
    QCOMPARE(actual.image.hasAlphaChannel(), expected.hasAlphaChannel());
    // Qt turns a grey colour key into a palette whose transparent entry is 0x00000000, while libpng's and libspng's
    // RGBA output keep the key's grey under alpha 0; both are invisible, so that case compares premultiplied.
    const bool greyKey = QByteArray(QTest::currentDataTag()).startsWith("grey with a colour key");
    const auto format = greyKey ? QImage::Format_ARGB32_Premultiplied : QImage::Format_ARGB32;
    QCOMPARE(comparePixels(actual.image, expected, 0, format).differing, 0);
}

void TestPngDecoder::malformedStreamsAreErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const HandMadePng base = handMade(64, 48, 6, 5);
    const QByteArray good = assemble(base);
    const qsizetype idatData = good.indexOf("IDAT") + 4;

    QByteArray badCrc = good;
    badCrc[idatData + 10] = char(badCrc[idatData + 10] ^ 0x55);
    QTest::newRow("bad IDAT CRC") << badCrc << QStringLiteral("CRC");
    QByteArray badHeaderCrc = good;
    badHeaderCrc[29] = char(badHeaderCrc[29] ^ 1);
    QTest::newRow("bad IHDR CRC") << badHeaderCrc << QStringLiteral("header");

    HandMadePng taller = base;
    taller.height = 60; // the stream holds 48 rows
    QTest::newRow("fewer rows than declared") << assemble(taller, zlib(filteredRows(base))) << QStringLiteral("truncated");
    HandMadePng shorter = base;
    shorter.height = 20;
    QTest::newRow("more rows than declared") << assemble(shorter, zlib(filteredRows(base))) << QStringLiteral("longer");
    // A zlib bomb: 64 × 48 declared, but the stream inflates to 64 MiB of zeros.
    QTest::newRow("zlib bomb") << assemble(base, zlib(QByteArray(64 << 20, '\0'))) << QStringLiteral("longer");
    QByteArray badAdler = zlib(filteredRows(base));
    badAdler[badAdler.size() - 1] = char(badAdler.back() ^ 1);
    QTest::newRow("bad Adler-32") << assemble(base, badAdler) << QStringLiteral("damaged");
    QByteArray rows = filteredRows(base);
    rows[(64 * 4 + 1) * 10] = 7; // the 11th row's filter type
    QTest::newRow("unknown filter type") << assemble(base, zlib(rows)) << QStringLiteral("filter");
    QTest::newRow("not zlib at all") << assemble(base, QByteArray(500, '\x17')) << QStringLiteral("damaged");

    HandMadePng noPalette = handMade(16, 16, 3, 0);
    noPalette.palette.clear();
    QTest::newRow("palette missing") << assemble(noPalette) << QStringLiteral("palette");
    QByteArray apart = good;
    const qsizetype secondIdat = good.indexOf("IDAT", idatData) - 4;
    apart.insert(secondIdat, chunk("tEXt", "Comment\0x"));
    QTest::newRow("IDAT chunks apart") << apart << QStringLiteral("consecutive");
    QByteArray unknownCritical = good;
    unknownCritical.insert(33, chunk("ZZZZ", "x"));
    QTest::newRow("unknown critical chunk") << unknownCritical << QStringLiteral("critical");
    QByteArray hugeLength = good;
    hugeLength.replace(idatData - 8, 4, QByteArray(4, '\xff'));
    QTest::newRow("chunk length 2^32-1") << hugeLength << QStringLiteral("length");
    QByteArray pastEnd = good;
    pastEnd.replace(idatData - 8, 4, bigEndian32(quint32(good.size())));
    QTest::newRow("chunk longer than the file") << pastEnd << QStringLiteral("truncated");
    QByteArray badDepth = good;
    badDepth[24] = 3;
    QTest::newRow("bit depth 3") << badDepth << QStringLiteral("header");
}

void TestPngDecoder::malformedStreamsAreErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const DiagramImage result = PngDecoder().decode(bytes);
    QVERIFY(!result.ok());
    QVERIFY(result.image.isNull());
    QVERIFY2(result.error.startsWith(QStringLiteral("This PNG image could not be read")), qPrintable(result.error));
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY2(!result.error.contains(u'\n'), qPrintable(result.error));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

// A file cut at any byte is an error, except when only IEND (or part of it) is missing: then every pixel is
// there and the image is shown whole.
void TestPngDecoder::everyTruncationIsHandled()
{
    for (const quint8 colorType : { quint8(6), quint8(2), quint8(3) }) {
        HandMadePng png = handMade(23, 17, colorType, 5);
        png.idatSize = 97;
        const QByteArray whole = assemble(png);
        const QImage expected = qtDecode(whole);
        for (qsizetype length = 0; length < whole.size(); ++length) {
            const DiagramImage result = PngDecoder().decode(whole.left(length));
            if (result.ok()) {
                QVERIFY2(length >= whole.size() - 12, qPrintable(QString::number(length)));
                QCOMPARE(comparePixels(result.image, expected, 0, QImage::Format_ARGB32).differing, 0);
            } else {
                QVERIFY(result.image.isNull());
                QVERIFY2(!result.error.isEmpty(), qPrintable(QString::number(length)));
            }
        }
    }
}

// Thousands of randomly damaged files: each is decoded or refused with a sentence, never a crash (run under
// ASan/UBSan by tst_pngdecoder_sanitized).
void TestPngDecoder::randomDamageNeverCrashes()
{
    QList<QByteArray> seeds;
    for (const quint8 colorType : { quint8(0), quint8(2), quint8(3), quint8(4), quint8(6) })
        seeds.append(assemble(handMade(19, 13, colorType, 5)));
    quint32 state = 20251126u;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    int decoded = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray bytes = seeds.at(round % seeds.size());
        const int edits = 1 + int(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = qsizetype(next() % quint32(bytes.size()));
            switch (next() % 3) {
            case 0:
                bytes[at] = char(next());
                break;
            case 1:
                bytes.truncate(at + 1);
                break;
            default:
                bytes.insert(at, char(next()));
            }
        }
        const DiagramImage result = PngDecoder().decode(bytes);
        if (result.ok()) {
            ++decoded;
            QVERIFY(!result.image.isNull());
            QCOMPARE(std::optional<QSize>(result.image.size()), PngDecoder::headerSize(bytes));
        } else {
            QVERIFY(result.image.isNull());
            QVERIFY(!result.error.isEmpty());
        }
    }
    qInfo("%d of 4000 damaged files still decoded", decoded);
}

QTEST_GUILESS_MAIN(TestPngDecoder)
#include "tst_pngdecoder.moc"
