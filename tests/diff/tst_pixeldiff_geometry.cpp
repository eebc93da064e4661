// TestPixelDiff, second half: images of different sizes and shapes, ignore regions, the diff colours, cancellation
// and invalid input (the class is declared in tst_pixeldiff.h; the fixtures are in tst_pixeldiff.cpp).

#include "diff/pixeldiff.h"

#include "pixeltesthelpers.h"
#include "tst_pixeldiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace PixelTest;

void TestPixelDiff::onePixelChanged()
{
    const QImage before = filled(QSize(300, 200), Qt::white);
    QImage after = before.copy();
    after.setPixelColor(123, 45, Qt::black);
    const PixelDiffResult result = PixelDiff().compare(before, after);
    QVERIFY(!result.identical);
    QCOMPARE(result.mismatchCount, qint64(1));
    QCOMPARE(pixelAt(result.diffImage, 123, 45), qRgba(255, 0, 0, 255));
    QCOMPARE(result.regions.size(), 1);
    QCOMPARE(result.regions.first().box, QRect(123, 45, 1, 1));
}

void TestPixelDiff::differentSizesTopLeft()
{
    // The diagram grew by two columns and two rows; the shared part is unchanged.
    const QImage before = filled(QSize(4, 3), Qt::white);
    const QImage after = filled(QSize(6, 5), Qt::white);
    const PixelDiffResult result = PixelDiff().compare(before, after);
    QVERIFY(result.ok());
    QVERIFY(result.sizeChanged());
    QCOMPARE(result.sizeA, QSize(4, 3));
    QCOMPARE(result.sizeB, QSize(6, 5));
    QCOMPARE(result.canvasSize, QSize(6, 5));
    QCOMPARE(result.overlap, QRect(0, 0, 4, 3));
    QCOMPARE(result.outsideOverlapCount, qint64(6 * 5 - 4 * 3));
    QCOMPARE(result.mismatchCount, result.outsideOverlapCount);
    QCOMPARE(result.diffImage.size(), QSize(6, 5));
    QVERIFY(isFadedGray(pixelAt(result.diffImage, 3, 2)));
    QCOMPARE(pixelAt(result.diffImage, 4, 0), qRgba(255, 0, 0, 255));
    QCOMPARE(pixelAt(result.diffImage, 0, 3), qRgba(255, 0, 0, 255));
    QCOMPARE(result.regions.size(), 1);
    QCOMPARE(result.regions.first().box, QRect(0, 0, 6, 5));
    QCOMPARE(result.regions.first().pixelCount, qint64(18));
}

// The "after" has the "before" picture in its middle, with a new frame around it.
void TestPixelDiff::differentSizesCentered()
{
    QImage before = filled(QSize(4, 4), Qt::white);
    before.setPixelColor(0, 0, Qt::blue);
    before.setPixelColor(3, 3, Qt::green);
    QImage after = filled(QSize(8, 8), Qt::white);
    after.setPixelColor(2, 2, Qt::blue);
    after.setPixelColor(5, 5, Qt::green);

    PixelDiffOptions options;
    options.includeAA = true; // count every differing pixel, so top-left must see the moved dots
    options.alignment = DiffAlignment::Center;
    const PixelDiffResult centered = PixelDiff(options).compare(before, after);
    QCOMPARE(centered.rectA, QRect(2, 2, 4, 4));
    QCOMPARE(centered.overlap, QRect(2, 2, 4, 4));
    QCOMPARE(centered.outsideOverlapCount, qint64(64 - 16));
    QCOMPARE(centered.mismatchCount, qint64(64 - 16)); // nothing changed inside
    QVERIFY(isFadedGray(pixelAt(centered.diffImage, 4, 4)));
    QCOMPARE(pixelAt(centered.diffImage, 0, 7), qRgba(255, 0, 0, 255));

    options.alignment = DiffAlignment::TopLeft;
    const PixelDiffResult topLeft = PixelDiff(options).compare(before, after);
    QCOMPARE(topLeft.outsideOverlapCount, qint64(64 - 16));
    QCOMPARE(topLeft.mismatchCount, qint64(64 - 16 + 3)); // (0,0) blue vs white, (2,2) white vs blue, (3,3)
}

void TestPixelDiff::differentSizesCenteredOddOffset()
{
    PixelDiffOptions options;
    options.alignment = DiffAlignment::Center;
    const PixelDiffResult result
        = PixelDiff(options).compare(filled(QSize(5, 3), Qt::white), filled(QSize(8, 8), Qt::white));
    QCOMPARE(result.rectA, QRect(1, 2, 5, 3)); // (8 - 5) / 2 and (8 - 3) / 2, rounded down
    QCOMPARE(result.mismatchCount, qint64(64 - 15));
}

void TestPixelDiff::disjointShapes()
{
    // A wide image against a tall one: the corner neither has stays transparent and is not counted.
    const PixelDiffResult result
        = PixelDiff().compare(filled(QSize(10, 2), Qt::white), filled(QSize(2, 10), Qt::white));
    QCOMPARE(result.canvasSize, QSize(10, 10));
    QCOMPARE(result.overlap, QRect(0, 0, 2, 2));
    QCOMPARE(result.mismatchCount, qint64(16 + 16));
    QCOMPARE(pixelAt(result.diffImage, 9, 9), qRgba(0, 0, 0, 0));
    QCOMPARE(pixelAt(result.diffImage, 9, 1), qRgba(255, 0, 0, 255));
    QCOMPARE(pixelAt(result.diffImage, 1, 9), qRgba(255, 0, 0, 255));
}

void TestPixelDiff::emptyImages_data()
{
    QTest::addColumn<QImage>("a");
    QTest::addColumn<QImage>("b");
    QTest::addColumn<qint64>("mismatch");
    QTest::newRow("both null") << QImage() << QImage() << qint64(0);
    QTest::newRow("before missing") << QImage() << filled(QSize(3, 2), Qt::gray) << qint64(6);
    QTest::newRow("after missing") << filled(QSize(3, 2), Qt::gray) << QImage() << qint64(6);
}

void TestPixelDiff::emptyImages()
{
    QFETCH(QImage, a);
    QFETCH(QImage, b);
    QFETCH(qint64, mismatch);
    const PixelDiffResult result = PixelDiff().compare(a, b);
    QVERIFY(result.ok());
    QCOMPARE(result.mismatchCount, mismatch);
    QCOMPARE(result.outsideOverlapCount, mismatch);
}

// Ignoring the box of one change removes exactly the changed pixels inside it, and nothing else moves.
void TestPixelDiff::ignoreRegionRemovesItsChanges()
{
    const QImage a = loadRgba(QStringLiteral("1a.png"));
    const QImage b = loadRgba(QStringLiteral("1b.png"));
    PixelDiffOptions options;
    options.threshold = 0.05;
    const PixelDiffResult full = PixelDiff(options).compare(a, b);
    QVERIFY(full.regions.size() >= 2);

    const QRect ignored = full.regions.first().box;
    qint64 changedInside = 0;
    for (int y = ignored.top(); y <= ignored.bottom(); ++y) {
        for (int x = ignored.left(); x <= ignored.right(); ++x)
            changedInside += pixelAt(full.diffImage, x, y) == qRgba(255, 0, 0, 255) ? 1 : 0;
    }
    QVERIFY(changedInside > 0);

    options.ignoreRegions = {ignored};
    const PixelDiffResult partial = PixelDiff(options).compare(a, b);
    QCOMPARE(partial.mismatchCount, full.mismatchCount - changedInside);
    QCOMPARE(partial.regions.size(), full.regions.size() - 1);
    QCOMPARE(partial.regions.first(), full.regions.at(1));
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (ignored.contains(x, y))
                QVERIFY(isFadedGray(pixelAt(partial.diffImage, x, y)));
            else if (pixelAt(partial.diffImage, x, y) != pixelAt(full.diffImage, x, y))
                QFAIL(qPrintable(QStringLiteral("pixel (%1, %2) outside the ignored box changed").arg(x).arg(y)));
        }
    }
}

void TestPixelDiff::ignoreEverything()
{
    const QImage a = loadRgba(QStringLiteral("3a.png"));
    const QImage b = loadRgba(QStringLiteral("3b.png"));
    PixelDiffOptions options;
    options.ignoreRegions = {QRect(0, 0, a.width() / 2, a.height()), QRect(a.width() / 3, 0, a.width(), a.height())};
    const PixelDiffResult result = PixelDiff(options).compare(a, b);
    QCOMPARE(result.mismatchCount, qint64(0));
    QCOMPARE(result.comparedPixels, qint64(0));
    QVERIFY(result.regions.isEmpty());
}

void TestPixelDiff::ignoreRegionOutsideOverlap()
{
    // A new toolbar strip at the bottom of a screenshot is ignored: only the rest of the growth counts.
    PixelDiffOptions options;
    options.ignoreRegions = {QRect(0, 8, 10, 2)};
    const PixelDiffResult result
        = PixelDiff(options).compare(filled(QSize(8, 8), Qt::white), filled(QSize(10, 10), Qt::white));
    QCOMPARE(result.mismatchCount, qint64(2 * 8)); // the two new columns of rows 0..7
    QVERIFY(isFadedGray(pixelAt(result.diffImage, 9, 9)));
    QCOMPARE(pixelAt(result.diffImage, 9, 0), qRgba(255, 0, 0, 255));
}

void TestPixelDiff::diffColorAltMarksDarkerPixels()
{
    QImage before = filled(QSize(20, 20), Qt::gray);
    QImage after = before.copy();
    after.setPixelColor(5, 5, Qt::black); // darker in the second image
    after.setPixelColor(15, 15, Qt::white); // lighter
    PixelDiffOptions options;
    options.diffColorAlt = DiffColor{0, 255, 0};
    const PixelDiffResult result = PixelDiff(options).compare(before, after);
    QCOMPARE(result.mismatchCount, qint64(2));
    QCOMPARE(pixelAt(result.diffImage, 5, 5), qRgba(0, 255, 0, 255));
    QCOMPARE(pixelAt(result.diffImage, 15, 15), qRgba(255, 0, 0, 255));
}

// Random sizes (down to one pixel wide), both alignments, ignore rectangles that stick out of the canvas or are
// given inverted, one to four bands: PixelDiff must agree with a plain per-pixel count of what differs, never
// crash, and give the same answer on every band split.
void TestPixelDiff::randomGeometryAgreesWithNaiveCount()
{
    QRandomGenerator random(20261125);
    const QRgb palette[] = {qRgb(255, 255, 255), qRgb(30, 60, 200), qRgb(250, 200, 0)};
    const auto randomImage = [&](QSize size) {
        QImage image(size, QImage::Format_RGBA8888);
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x)
                image.setPixel(x, y, palette[random.bounded(3)]);
        }
        return image;
    };

    for (int round = 0; round < 150; ++round) {
        const QSize sizeA(random.bounded(1, 40), random.bounded(1, 40));
        const QSize sizeB(random.bounded(1, 40), random.bounded(1, 40));
        const QImage a = randomImage(sizeA);
        const QImage b = randomImage(sizeB);
        PixelDiffOptions options;
        options.threshold = 0;     // every colour difference counts ...
        options.includeAA = true;  // ... and none is excused as anti-aliasing
        options.alignment = random.bounded(2) ? DiffAlignment::Center : DiffAlignment::TopLeft;
        options.mergeDistance = random.bounded(0, 9);
        for (int i = random.bounded(3); i > 0; --i)
            options.ignoreRegions.append(QRect(QPoint(random.bounded(-10, 45), random.bounded(-10, 45)),
                                               QPoint(random.bounded(-10, 45), random.bounded(-10, 45))));

        options.threads = 1;
        const PixelDiffResult single = PixelDiff(options).compare(a, b);
        QVERIFY(single.ok());

        qint64 expected = 0;
        for (int y = 0; y < single.canvasSize.height(); ++y) {
            for (int x = 0; x < single.canvasSize.width(); ++x) {
                const bool ignored = std::any_of(options.ignoreRegions.cbegin(), options.ignoreRegions.cend(),
                                                 [&](const QRect &r) { return r.normalized().contains(x, y); });
                const bool inA = single.rectA.contains(x, y);
                const bool inB = single.rectB.contains(x, y);
                if (ignored || (!inA && !inB))
                    continue;
                if (inA != inB
                    || a.pixel(x - single.rectA.x(), y - single.rectA.y())
                           != b.pixel(x - single.rectB.x(), y - single.rectB.y()))
                    ++expected;
            }
        }
        QCOMPARE(single.mismatchCount, expected);
        qint64 inRegions = 0;
        for (const ChangeRegion &region : single.regions)
            inRegions += region.pixelCount;
        QCOMPARE(inRegions, expected);

        options.threads = random.bounded(2, 5);
        const PixelDiffResult banded = PixelDiff(options).compare(a, b);
        QCOMPARE(banded.mismatchCount, single.mismatchCount);
        QCOMPARE(differingPixels(banded.diffImage, single.diffImage), qint64(0));
        QCOMPARE(banded.regions, single.regions);
    }
}

void TestPixelDiff::cancelled()
{
    std::atomic_bool cancel{true};
    PixelDiffOptions options;
    options.cancel = &cancel;
    const PixelDiffResult result
        = PixelDiff(options).compare(loadRgba(QStringLiteral("1a.png")), loadRgba(QStringLiteral("1b.png")));
    QCOMPARE(result.error, PixelDiffError::Cancelled);
    QVERIFY(result.diffImage.isNull());
}

void TestPixelDiff::invalidInputIsAnError()
{
    const uchar pixel[4] = {1, 2, 3, 4};
    const PixelDiffResult noData = PixelDiff().compare(RgbaView{nullptr, 10, 10, 40}, RgbaView{pixel, 1, 1, 4});
    QCOMPARE(noData.error, PixelDiffError::InvalidInput);
    const PixelDiffResult shortRows = PixelDiff().compare(RgbaView{pixel, 2, 1, 4}, RgbaView{pixel, 1, 1, 4});
    QCOMPARE(shortRows.error, PixelDiffError::InvalidInput);
    PixelDiffOptions options;
    options.threshold = std::nan("");
    QCOMPARE(PixelDiff(options).compare(RgbaView{pixel, 1, 1, 4}, RgbaView{pixel, 1, 1, 4}).error,
             PixelDiffError::InvalidOptions);
}

void TestPixelDiff::tooLargeIsAnError()
{
    // The size check comes before any pixel is read, so a small buffer claiming a huge size is safe.
    static const uchar row[4 * 4] = {};
    const RgbaView huge{row, 40000, 1, 40000 * 4};
    const PixelDiffResult result = PixelDiff().compare(huge, RgbaView{row, 1, 1, 4});
    QCOMPARE(result.error, PixelDiffError::TooLarge);
    QVERIFY(!result.errorString.isEmpty());
}
