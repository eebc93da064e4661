#include "diff/pixeldiff.h"
#include "render/pngdecoder.h"

#include "pixeltesthelpers.h"
#include "tst_pixeldiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace PixelTest;

namespace {

QJsonObject expectations()
{
    QFile file(fixtureDir() + u"expected.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

DiffColor colorFrom(const QJsonValue &value)
{
    const QJsonArray rgb = value.toArray();
    return {quint8(rgb.at(0).toInt()), quint8(rgb.at(1).toInt()), quint8(rgb.at(2).toInt())};
}

// pixelmatch's option names, with its defaults for whatever the case does not set.
PixelDiffOptions optionsFrom(const QJsonObject &json)
{
    PixelDiffOptions options;
    options.threshold = json.value(u"threshold").toDouble(0.1);
    options.includeAA = json.value(u"includeAA").toBool(false);
    options.alpha = json.value(u"alpha").toDouble(0.1);
    if (json.contains(u"aaColor"))
        options.aaColor = colorFrom(json.value(u"aaColor"));
    if (json.contains(u"diffColor"))
        options.diffColor = colorFrom(json.value(u"diffColor"));
    if (json.contains(u"diffColorAlt"))
        options.diffColorAlt = colorFrom(json.value(u"diffColorAlt"));
    options.diffMask = json.value(u"diffMask").toBool(false);
    options.checkerboard = json.value(u"checkerboard").toBool(true);
    return options;
}

} // namespace


void TestPixelDiff::pixelmatchFixtures_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("diff");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<int>("mismatch");
    QTest::addColumn<int>("threads");

    const QJsonArray cases = expectations().value(u"cases").toArray();
    QVERIFY2(cases.size() >= 12, "expected.json has the twelve pixelmatch cases");
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        // Every case once on one thread and once split in bands, which must not change a single byte.
        for (int threads : {1, 2, 3}) {
            const QByteArray name = (c.value(u"a").toString() + u" vs " + c.value(u"b").toString() + u" → "
                                     + c.value(u"diff").toString() + u' '
                                     + QString::fromUtf8(QJsonDocument(c.value(u"options").toObject()).toJson(
                                         QJsonDocument::Compact))
                                     + u" threads " + QString::number(threads))
                                        .toUtf8();
            QTest::newRow(name.constData()) << c.value(u"a").toString() << c.value(u"b").toString()
                                            << c.value(u"diff").toString() << c.value(u"options").toObject()
                                            << c.value(u"mismatch").toInt(-1) << threads;
        }
    }
}

void TestPixelDiff::pixelmatchFixtures()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, diff);
    QFETCH(QJsonObject, options);
    QFETCH(int, mismatch);
    QFETCH(int, threads);

    // The three-band rows also hand PixelDiff the images as QImage decoded them (indexed, RGB32, ARGB32 ...),
    // so the conversion to RGBA is covered by pixelmatch's expectations too.
    const bool asDecoded = threads == 3;
    const QImage imageA = asDecoded ? QImage(fixtureDir() + a, "PNG") : loadRgba(a);
    const QImage imageB = asDecoded ? QImage(fixtureDir() + b, "PNG") : loadRgba(b);
    const QImage expected = loadRgba(diff);
    QVERIFY(!imageA.isNull() && !imageB.isNull() && !expected.isNull());

    PixelDiffOptions diffOptions = optionsFrom(options);
    diffOptions.threads = threads;
    const PixelDiffResult result = PixelDiff(diffOptions).compare(imageA, imageB);
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QCOMPARE(result.mismatchCount, qint64(mismatch));
    QCOMPARE(result.outsideOverlapCount, qint64(0));
    QVERIFY(!result.sizeChanged());

    QPoint first;
    const qint64 wrong = differingPixels(result.diffImage, expected, &first);
    QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 diff pixels differ from pixelmatch's, first at (%2, %3): "
                                                   "ours %4, pixelmatch %5")
                                        .arg(wrong)
                                        .arg(first.x())
                                        .arg(first.y())
                                        .arg(pixelAt(result.diffImage, first.x(), first.y()), 8, 16)
                                        .arg(pixelAt(expected, first.x(), first.y()), 8, 16)));

    // Drawn into A's own pixels (the CLI's way of saving an image-sized buffer): the same count and bytes.
    const PixelDiffResult inPlace = PixelDiff(diffOptions).compareInto(QImage(imageA).copy(), imageB);
    QVERIFY2(inPlace.ok(), qPrintable(inPlace.errorString));
    QCOMPARE(inPlace.mismatchCount, qint64(mismatch));
    QCOMPARE(differingPixels(inPlace.diffImage, expected), qint64(0));

    // Without a diff image the count is the same (pixelmatch's own test checks this too).
    diffOptions.produceDiffImage = false;
    const PixelDiffResult countOnly = PixelDiff(diffOptions).compare(imageA, imageB);
    QCOMPARE(countOnly.mismatchCount, qint64(mismatch));
    QVERIFY(countOnly.diffImage.isNull());
    // The regions hold exactly the counted pixels.
    qint64 inRegions = 0;
    for (const ChangeRegion &region : result.regions)
        inRegions += region.pixelCount;
    QCOMPARE(inRegions, result.mismatchCount);
}

// The pipeline the CLI and the compare view use: libspng (PngDecoder) straight into the buffers PixelDiff reads.
void TestPixelDiff::decodedWithPngDecoder()
{
    const auto decode = [](const QString &name) {
        QFile file(fixtureDir() + name);
        return file.open(QIODevice::ReadOnly) ? PngDecoder().decode(file.readAll()) : DiagramImage();
    };
    const QJsonArray cases = expectations().value(u"cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        const DiagramImage a = decode(c.value(u"a").toString());
        const DiagramImage b = decode(c.value(u"b").toString());
        QVERIFY2(a.ok() && b.ok(), qPrintable(a.error + b.error));
        const PixelDiffResult result = PixelDiff(optionsFrom(c.value(u"options").toObject())).compare(a.image, b.image);
        QCOMPARE(result.mismatchCount, qint64(c.value(u"mismatch").toInt(-1)));
        QCOMPARE(differingPixels(result.diffImage, loadRgba(c.value(u"diff").toString())), qint64(0));
    }
}

void TestPixelDiff::singlePixel_data()
{
    QTest::addColumn<QJsonArray>("a");
    QTest::addColumn<QJsonArray>("b");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<int>("mismatch");

    const QJsonArray cases = expectations().value(u"single_pixel_cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        QTest::newRow(c.value(u"note").toString().toUtf8().constData())
            << c.value(u"a_rgba").toArray() << c.value(u"b_rgba").toArray() << c.value(u"options").toObject()
            << c.value(u"mismatch").toInt(-1);
    }
}

void TestPixelDiff::singlePixel()
{
    QFETCH(QJsonArray, a);
    QFETCH(QJsonArray, b);
    QFETCH(QJsonObject, options);
    QFETCH(int, mismatch);

    const uchar pixelA[4] = {uchar(a.at(0).toInt()), uchar(a.at(1).toInt()), uchar(a.at(2).toInt()),
                             uchar(a.at(3).toInt())};
    const uchar pixelB[4] = {uchar(b.at(0).toInt()), uchar(b.at(1).toInt()), uchar(b.at(2).toInt()),
                             uchar(b.at(3).toInt())};
    const PixelDiffResult result = PixelDiff(optionsFrom(options)).compare(RgbaView{pixelA, 1, 1, 4},
                                                                           RgbaView{pixelB, 1, 1, 4});
    QVERIFY(result.ok());
    QCOMPARE(result.mismatchCount, qint64(mismatch));
}

void TestPixelDiff::bandsGiveTheSameResult_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("mergeDistance");
    QTest::newRow("2 bands") << 2 << 16;
    QTest::newRow("3 bands") << 3 << 16;
    QTest::newRow("7 bands, 5 px cells") << 7 << 5;
}

// A picture with anti-aliased edges everywhere: whatever the band split, the count, the anti-aliasing verdicts,
// the diff image and the regions are those of one thread.
void TestPixelDiff::bandsGiveTheSameResult()
{
    QFETCH(int, threads);
    QFETCH(int, mergeDistance);
    const QImage before = drawScene(QSize(700, 523), false);
    const QImage after = drawScene(QSize(700, 523), true);

    PixelDiffOptions options;
    options.mergeDistance = mergeDistance;
    options.threads = 1;
    const PixelDiffResult single = PixelDiff(options).compare(before, after);
    options.threads = threads;
    const PixelDiffResult banded = PixelDiff(options).compare(before, after);

    QVERIFY(single.mismatchCount > 0);
    QVERIFY(single.antiAliasedCount > 0);
    QCOMPARE(banded.mismatchCount, single.mismatchCount);
    QCOMPARE(banded.antiAliasedCount, single.antiAliasedCount);
    QCOMPARE(differingPixels(banded.diffImage, single.diffImage), qint64(0));
    QCOMPARE(banded.regions, single.regions);
    QVERIFY(single.regions.size() >= 2);
}

void TestPixelDiff::inPlaceMatchesCompare_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("diffMask");
    QTest::addColumn<QImage::Format>("format");
    for (const int threads : {1, 2, 3, 7, 40}) {
        QTest::addRow("%d bands", threads) << threads << false << QImage::Format_RGBA8888;
        QTest::addRow("%d bands, diff mask", threads) << threads << true << QImage::Format_RGBA8888;
        QTest::addRow("%d bands, RGBX", threads) << threads << false << QImage::Format_RGBX8888;
    }
}

// compareInto() writes each row into image A only when no row still to be compared reads it: on a scene with
// anti-aliasing everywhere and any band split, it gives compare()'s counts, regions and diff bytes.
void TestPixelDiff::inPlaceMatchesCompare()
{
    QFETCH(int, threads);
    QFETCH(bool, diffMask);
    QFETCH(QImage::Format, format);
    const QImage before = drawScene(QSize(700, 523), false).convertToFormat(format);
    const QImage after = drawScene(QSize(700, 523), true).convertToFormat(format);
    PixelDiffOptions options;
    options.threads = threads;
    options.diffMask = diffMask;
    const PixelDiffResult expected = PixelDiff(options).compare(before, after);
    QImage consumed = before.copy();
    const uchar *buffer = consumed.constBits();
    const PixelDiffResult inPlace = PixelDiff(options).compareInto(std::move(consumed), after);
    QVERIFY2(inPlace.ok(), qPrintable(inPlace.errorString));
    QVERIFY(expected.mismatchCount > 0 && expected.antiAliasedCount > 0);
    QCOMPARE(inPlace.diffImage.constBits(), buffer); // no second buffer
    QCOMPARE(inPlace.diffImage.format(), QImage::Format_RGBA8888);
    QCOMPARE(inPlace.mismatchCount, expected.mismatchCount);
    QCOMPARE(inPlace.antiAliasedCount, expected.antiAliasedCount);
    QCOMPARE(inPlace.regions, expected.regions);
    QCOMPARE(differingPixels(inPlace.diffImage, expected.diffImage), qint64(0));
    // Different sizes are not drawn in place but still compared.
    const PixelDiffResult resized = PixelDiff(options).compareInto(before.copy(0, 0, 600, 500), after);
    QVERIFY(resized.ok());
    QCOMPARE(resized.canvasSize, after.size());
}

// Opaque PNGs come out of PngDecoder as RGBX8888; read in place they must compare exactly like RGBA.
void TestPixelDiff::rgbxInputMatchesRgba()
{
    const QImage a = loadRgba(QStringLiteral("4a.png"));
    const QImage b = loadRgba(QStringLiteral("4b.png"));
    PixelDiffOptions options;
    options.threshold = 0.05;
    const PixelDiffResult rgba = PixelDiff(options).compare(a, b);
    const PixelDiffResult rgbx = PixelDiff(options).compare(a.convertToFormat(QImage::Format_RGBX8888), b);
    QVERIFY(rgba.mismatchCount > 0);
    QCOMPARE(rgbx.mismatchCount, rgba.mismatchCount);
    QCOMPARE(differingPixels(rgbx.diffImage, rgba.diffImage), qint64(0));
    const PixelDiffResult same = PixelDiff(options).compare(a.convertToFormat(QImage::Format_RGBX8888), a);
    QVERIFY(same.identical);
}

void TestPixelDiff::identicalFastPath()
{
    const QImage image = loadRgba(QStringLiteral("4b.png"));
    QImage copy = image.copy(); // another buffer with the same bytes
    QVERIFY(copy.constBits() != image.constBits());

    PixelDiffOptions options;
    options.threshold = 0;
    const PixelDiffResult result = PixelDiff(options).compare(image, copy);
    QVERIFY(result.ok());
    QVERIFY(result.identical);
    QCOMPARE(result.mismatchCount, qint64(0));
    QVERIFY(result.regions.isEmpty());
    // The fast path draws what the full comparison would: every pixel faded.
    for (int y = 0; y < image.height(); y += 37)
        QVERIFY(isFadedGray(pixelAt(result.diffImage, (y * 7) % image.width(), y)));

    options.diffMask = true;
    const PixelDiffResult mask = PixelDiff(options).compare(image, copy);
    QVERIFY(mask.identical);
    QCOMPARE(qAlpha(pixelAt(mask.diffImage, 10, 10)), 0);
}

void TestPixelDiff::identicalWithPaddedRows()
{
    // The same pixels in buffers with different row padding are still identical.
    const int width = 5, height = 4;
    QByteArray tight(width * height * 4, '\0');
    QByteArray padded(height * (width * 4 + 12), '\x7f');
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width * 4; ++x) {
            tight[y * width * 4 + x] = char(x * 13 + y);
            padded[y * (width * 4 + 12) + x] = char(x * 13 + y);
        }
    }
    const RgbaView a{reinterpret_cast<const uchar *>(tight.constData()), width, height, width * 4};
    const RgbaView b{reinterpret_cast<const uchar *>(padded.constData()), width, height, width * 4 + 12};
    const PixelDiffResult result = PixelDiff().compare(a, b);
    QVERIFY(result.identical);
    QCOMPARE(result.mismatchCount, qint64(0));
}

QTEST_GUILESS_MAIN(TestPixelDiff)
