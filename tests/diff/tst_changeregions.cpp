#include "diff/changeregions.h"
#include "diff/pixeldiff.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace Cloudcraft::Core;

Q_DECLARE_METATYPE(QList<QRect>)

namespace {

QImage withBlobs(QSize size, const QList<QRect> &blobs)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (const QRect &blob : blobs)
        painter.fillRect(blob, Qt::black);
    return image;
}

qint64 area(const QRect &rect)
{
    return qint64(rect.width()) * rect.height();
}

} // namespace

class TestChangeRegions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blobsThroughPixelDiff_data();
    void blobsThroughPixelDiff();
    void mergeDistanceIsHonoured_data();
    void mergeDistanceIsHonoured();
    void diagonalNeighboursMerge();
    void exactBoxesNotCellBoxes();
    void outsideCanvasIsIgnored();
    void emptyCanvas();
};

void TestChangeRegions::blobsThroughPixelDiff_data()
{
    QTest::addColumn<QList<QRect>>("blobs");
    QTest::addColumn<QList<QRect>>("expectedBoxes");
    QTest::addColumn<QList<qint64>>("expectedCounts");

    const QRect upperRight(150, 10, 5, 4);
    const QRect lowerLeft(10, 60, 3, 3);
    QTest::newRow("two distant blobs, upper one first although it is on the right")
        << QList<QRect>{lowerLeft, upperRight} << QList<QRect>{upperRight, lowerLeft}
        << QList<qint64>{area(upperRight), area(lowerLeft)};

    const QRect left(20, 40, 6, 6);
    const QRect right(120, 40, 4, 9);
    QTest::newRow("same top: left to right") << QList<QRect>{right, left} << QList<QRect>{left, right}
                                             << QList<qint64>{area(left), area(right)};

    // 10 px apart: one change to review, not two.
    const QRect first(40, 30, 8, 8);
    const QRect second(58, 33, 5, 5);
    QTest::newRow("two near blobs make one box")
        << QList<QRect>{first, second} << QList<QRect>{first.united(second)}
        << QList<qint64>{area(first) + area(second)};

    const QRect a(10, 10, 2, 2), b(100, 10, 2, 2), c(10, 80, 2, 2), d(100, 80, 2, 2);
    QTest::newRow("four corners in reading order") << QList<QRect>{d, c, b, a} << QList<QRect>{a, b, c, d}
                                                   << QList<qint64>{4, 4, 4, 4};
}

void TestChangeRegions::blobsThroughPixelDiff()
{
    QFETCH(QList<QRect>, blobs);
    QFETCH(QList<QRect>, expectedBoxes);
    QFETCH(QList<qint64>, expectedCounts);

    PixelDiffOptions options;
    options.includeAA = true; // every differing pixel counts; this test is about grouping
    const PixelDiffResult result = PixelDiff(options).compare(withBlobs(QSize(200, 100), {}),
                                                              withBlobs(QSize(200, 100), blobs));
    QCOMPARE(result.regions.size(), expectedBoxes.size());
    for (int i = 0; i < expectedBoxes.size(); ++i) {
        QCOMPARE(result.regions.at(i).box, expectedBoxes.at(i));
        QCOMPARE(result.regions.at(i).pixelCount, expectedCounts.at(i));
    }
}

void TestChangeRegions::mergeDistanceIsHonoured_data()
{
    QTest::addColumn<int>("gap");
    QTest::addColumn<int>("mergeDistance");
    QTest::addColumn<int>("regions");
    QTest::newRow("gap 16, distance 16: merged") << 16 << 16 << 1;
    QTest::newRow("gap 33, distance 16: apart") << 33 << 16 << 2;
    QTest::newRow("gap 4, distance 4: merged") << 4 << 4 << 1;
    QTest::newRow("gap 10, distance 4: apart") << 10 << 4 << 2;
    QTest::newRow("gap 1, distance 0: neighbours merge") << 1 << 0 << 1;
    QTest::newRow("gap 2, distance 0: apart") << 2 << 0 << 2;
}

void TestChangeRegions::mergeDistanceIsHonoured()
{
    QFETCH(int, gap);
    QFETCH(int, mergeDistance);
    QFETCH(int, regions);
    // Try every alignment against the cell grid: the promise must hold wherever the pixels fall.
    for (int offset = 0; offset < 20; ++offset) {
        ChangeRegions grouping(QSize(300, 50), mergeDistance);
        grouping.add(offset + 5, 20);
        grouping.add(offset + 5 + gap, 20);
        QCOMPARE(grouping.regions().size(), regions);
        QCOMPARE(grouping.pixelCount(), qint64(2));
    }
}

void TestChangeRegions::diagonalNeighboursMerge()
{
    ChangeRegions grouping(QSize(64, 64), 16);
    grouping.add(15, 15);
    grouping.add(16, 16);
    QCOMPARE(grouping.regions().size(), 1);
}

void TestChangeRegions::exactBoxesNotCellBoxes()
{
    ChangeRegions grouping(QSize(100, 100), 16);
    grouping.add(20, 21);
    grouping.add(22, 25);
    grouping.add(22, 25); // counted twice: the caller reports what it saw
    const QList<ChangeRegion> regions = grouping.regions();
    QCOMPARE(regions.size(), 1);
    QCOMPARE(regions.first().box, QRect(QPoint(20, 21), QPoint(22, 25)));
    QCOMPARE(regions.first().pixelCount, qint64(3));
}

void TestChangeRegions::outsideCanvasIsIgnored()
{
    ChangeRegions grouping(QSize(10, 10), 16);
    grouping.add(-1, 0);
    grouping.add(10, 3);
    grouping.add(3, 10);
    QVERIFY(grouping.regions().isEmpty());
}

void TestChangeRegions::emptyCanvas()
{
    ChangeRegions grouping(QSize(0, 0), 16);
    grouping.add(0, 0);
    QVERIFY(grouping.regions().isEmpty());
    QCOMPARE(grouping.pixelCount(), qint64(0));
}

QTEST_GUILESS_MAIN(TestChangeRegions)
#include "tst_changeregions.moc"
