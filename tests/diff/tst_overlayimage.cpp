// OverlayImage: the after-image faded, change regions boxed, canvas outside the after-image marked.

#include "diff/overlayimage.h"
#include "diff/pixeldiff.h"

#include <QImage>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

QImage page(QSize size, QRect box, QColor color)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(Qt::white);
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x)
            image.setPixelColor(x, y, color);
    return image;
}

} // namespace

class TestOverlayImage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boxesTheChangesOverTheFadedAfterImage()
    {
        const QImage before = page({120, 80}, QRect(10, 10, 20, 20), Qt::black);
        QImage after = before;
        for (int y = 50; y < 60; ++y)
            for (int x = 80; x < 100; ++x)
                after.setPixelColor(x, y, Qt::blue);
        const PixelDiffResult result = PixelDiff().compare(before, after);
        QCOMPARE(result.regions.size(), 1);
        QCOMPARE(result.regions.first().box, QRect(80, 50, 20, 10));

        const OverlayOptions options;
        const QImage overlay = OverlayImage::render(after, result, options);
        QCOMPARE(overlay.size(), QSize(120, 80));
        const QColor boxColor(options.boxColor.red, options.boxColor.green, options.boxColor.blue);
        // The line sits `padding` pixels outside the change, `lineWidth` thick, on all four sides.
        const int out = options.padding + options.lineWidth;
        QCOMPARE(overlay.pixelColor(90, 50 - out), boxColor);
        QCOMPARE(overlay.pixelColor(90, 59 + out), boxColor);
        QCOMPARE(overlay.pixelColor(80 - out, 55), boxColor);
        QCOMPARE(overlay.pixelColor(99 + out, 55), boxColor);
        QVERIFY(overlay.pixelColor(90, 50 - out - 1) != boxColor);
        // Inside the box the changed blue shows, faded and tinted; it is still the bluest thing around.
        const QColor inside = overlay.pixelColor(90, 55);
        QVERIFY2(inside.blue() > inside.green(), qPrintable(inside.name()));
        // Elsewhere the after-image is faded towards white: black becomes light grey, white stays white.
        const QColor faded = overlay.pixelColor(15, 15);
        QCOMPARE(faded.red(), qRound(255 * (1 - options.fade)));
        QCOMPARE(overlay.pixelColor(5, 75), QColor(Qt::white));
    }

    void marksCanvasTheAfterImageDoesNotCover()
    {
        const QImage before = page({100, 60}, QRect(0, 0, 1, 1), Qt::white);
        const QImage after = page({60, 60}, QRect(0, 0, 1, 1), Qt::white);
        PixelDiffOptions options;
        options.alignment = DiffAlignment::Center;
        const PixelDiffResult result = PixelDiff(options).compare(before, after);
        QCOMPARE(result.rectB, QRect(20, 0, 60, 60));
        OverlayOptions look;
        look.lineWidth = 1;
        look.padding = 0;
        const QImage overlay = OverlayImage::render(after, result, look);
        QCOMPARE(overlay.size(), QSize(100, 60));
        // The after-image sits in the middle; the strips on both sides (changed: only the before-image has them)
        // are boxed, and inside the boxes the canvas colour shows, tinted.
        QCOMPARE(overlay.pixelColor(50, 30), QColor(Qt::white));
        const QColor strip = overlay.pixelColor(10, 30);
        QVERIFY2(strip != QColor(Qt::white) && strip.red() > strip.green(), qPrintable(strip.name()));
    }

    void emptyCanvasGivesNoImage()
    {
        QVERIFY(OverlayImage::render(QImage(), PixelDiffResult()).isNull());
    }
};

QTEST_GUILESS_MAIN(TestOverlayImage)
#include "tst_overlayimage.moc"
