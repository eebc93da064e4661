// The compare view as a user sees it: pixels grabbed from its canvases after keys, clicks, drags and wheel turns.
#include "comparecanvas.h"
#include "compareview.h"
#include "compareviewport.h"
#include "imagepyramid.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWheelEvent>

#include <cmath>

using namespace Cloudcraft::Ui;

namespace {

const QColor kRed(255, 0, 0);
const QColor kBlue(0, 0, 255);
const QColor kGreen(0, 200, 0);

QImage solid(QSize size, const QColor &color, QImage::Format format = QImage::Format_ARGB32_Premultiplied)
{
    QImage image(size, format);
    image.fill(color);
    return image;
}

/// `background` with a black square of `square` px whose top-left is at `at`.
QImage withSquare(QSize size, const QColor &background, QPoint at, int square)
{
    QImage image = solid(size, background);
    QPainter painter(&image);
    painter.fillRect(QRect(at, QSize(square, square)), Qt::black);
    return image;
}

bool near(const QColor &a, const QColor &b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

QColor pixelAt(QWidget *widget, QPointF pos)
{
    return widget->grab().toImage().pixelColor(pos.toPoint());
}

/// The widget rectangle of the (near) black pixels in what `widget` shows.
QRect blackBox(QWidget *widget)
{
    const QImage shot = widget->grab().toImage();
    QRect box;
    for (int y = 0; y < shot.height(); ++y) {
        for (int x = 0; x < shot.width(); ++x) {
            const QRgb p = shot.pixel(x, y);
            if (qRed(p) < 60 && qGreen(p) < 60 && qBlue(p) < 60)
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}

void sendMouse(QWidget *widget, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget *widget, QPointF from, QPointF to, Qt::MouseButton button = Qt::LeftButton)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, button, button);
    constexpr int kSteps = 6;
    for (int i = 1; i <= kSteps; ++i)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * (double(i) / kSteps), Qt::NoButton, button);
    sendMouse(widget, QEvent::MouseButtonRelease, to, button, Qt::NoButton);
}

void ctrlWheel(QWidget *widget, QPointF pos, int notches)
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

QPointF middle(const QWidget *widget)
{
    return {widget->width() / 2.0, widget->height() / 2.0};
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CompareView> m_view;
    CompareCanvas *canvas(const char *name) const { return m_view->findChild<CompareCanvas *>(QLatin1String(name)); }

    void open(const QImage &before, const QImage &after)
    {
        m_view = std::make_unique<CompareView>();
        m_view->resize(1000, 640);
        m_view->setImages(before, after);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setFocus();
    }

private Q_SLOTS:
    void cleanup() { m_view.reset(); }

    void modesByKeysAndToolbar()
    {
        open(solid({400, 300}, kRed), solid({400, 300}, kBlue));
        QSignalSpy modeChanged(m_view.get(), &CompareView::modeChanged);
        const CompareMode modes[] = {CompareMode::SideBySide, CompareMode::Swipe, CompareMode::Onion,
                                     CompareMode::Blink, CompareMode::Difference};
        // Keys 5..1, so every key changes the mode.
        for (int i = 4; i >= 0; --i) {
            QTest::keyClick(m_view.get(), Qt::Key(Qt::Key_1 + i));
            QCOMPARE(m_view->mode(), modes[i]);
            QVERIFY(m_view->modeAction(modes[i])->isChecked());
        }
        QCOMPARE(modeChanged.size(), 5);
        QVERIFY(canvas("beforeCanvas")->isVisible());
        QVERIFY(canvas("afterCanvas")->isVisible());
        QVERIFY(!canvas("compareCanvas")->isVisible());
        // The toolbar's buttons, clicked like a user would.
        auto *toolBar = m_view->findChild<QToolBar *>(QStringLiteral("compareModeToolBar"));
        QVERIFY(toolBar && toolBar->isVisible());
        const char *buttons[] = {"compareModeSideBySideButton", "compareModeSwipeButton", "compareModeOnionButton",
                                 "compareModeBlinkButton", "compareModeDifferenceButton"};
        for (int i = 4; i >= 0; --i) {
            auto *button = toolBar->findChild<QToolButton *>(QLatin1String(buttons[i]));
            QVERIFY2(button, buttons[i]);
            QVERIFY(!button->accessibleName().isEmpty());
            QTest::mouseClick(button, Qt::LeftButton);
            QCOMPARE(m_view->mode(), modes[i]);
        }
        QCOMPARE(modeChanged.size(), 10);
        QVERIFY(!canvas("compareCanvas")->isVisible());
        // Side by side shows before on the left pane and after on the right one.
        QVERIFY(near(pixelAt(canvas("beforeCanvas"), middle(canvas("beforeCanvas"))), kRed));
        QVERIFY(near(pixelAt(canvas("afterCanvas"), middle(canvas("afterCanvas"))), kBlue));
        QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("beforeLabel"))->text(), QStringLiteral("Before"));
    }

    void sideBySideStaysInSync()
    {
        // The same black square on different backgrounds: both panes must show it at the same place.
        open(withSquare({800, 600}, kRed, {500, 200}, 40), withSquare({800, 600}, kBlue, {500, 200}, 40));
        CompareCanvas *left = canvas("beforeCanvas");
        CompareCanvas *right = canvas("afterCanvas");
        const QRect fitted = blackBox(left);
        QVERIFY(!fitted.isEmpty());
        QCOMPARE(blackBox(right), fitted);

        // Ctrl+wheel over the square on the left pane: it grows and stays under the cursor, on both panes.
        const double zoomBefore = m_view->zoom();
        ctrlWheel(left, fitted.center(), 3);
        QVERIFY(m_view->zoom() > zoomBefore * 1.8);
        const QRect zoomed = blackBox(left);
        QVERIFY(zoomed.width() > fitted.width() * 1.8);
        QVERIFY((zoomed.center() - fitted.center()).manhattanLength() <= 4);
        QCOMPARE(blackBox(right), zoomed);

        // Drag on the right pane: both move by the drag.
        drag(right, middle(right), middle(right) + QPointF(-60, -40));
        const QRect panned = blackBox(right);
        QVERIFY((panned.topLeft() - (zoomed.topLeft() - QPoint(60, 40))).manhattanLength() <= 2);
        QCOMPARE(blackBox(left), panned);

        // And zoom on the right pane, too.
        ctrlWheel(right, panned.center(), -1);
        QCOMPARE(blackBox(left), blackBox(right));
        QVERIFY(blackBox(right).width() < panned.width());
    }

    void sizesDiffer()
    {
        // Before is tall and narrow, after wide and short: the canvas is 600 × 300 and each pane is empty
        // (checkerboard, light grey or white) beyond its own image.
        open(solid({400, 300}, kRed), solid({600, 200}, kBlue));
        QCOMPARE(m_view->viewport()->canvasSize(), QSize(600, 300));
        CompareCanvas *left = canvas("beforeCanvas");
        CompareCanvas *right = canvas("afterCanvas");
        const QPointF wideOnly = m_view->viewport()->toWidget(QPointF(500, 100));
        const QPointF tallOnly = m_view->viewport()->toWidget(QPointF(100, 250));
        const auto isEmpty = [](const QColor &c) { return c.red() > 200 && c.green() > 200 && c.blue() > 200; };
        QVERIFY(isEmpty(pixelAt(left, wideOnly)));
        QVERIFY(near(pixelAt(right, wideOnly), kBlue));
        QVERIFY(near(pixelAt(left, tallOnly), kRed));
        QVERIFY(isEmpty(pixelAt(right, tallOnly)));
        // Difference of formats too: RGBA8888 (the decoder's) draws the same colours.
        m_view->setImages(solid({400, 300}, kRed, QImage::Format_RGBA8888), solid({600, 200}, kBlue));
        QVERIFY(near(pixelAt(left, tallOnly), kRed));
    }

    void swipeDividerSplits()
    {
        open(solid({800, 600}, kRed), solid({800, 600}, kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_2);
        CompareCanvas *composite = canvas("compareCanvas");
        QVERIFY(composite->isVisible());
        auto *divider = composite->findChild<QWidget *>(QStringLiteral("swipeDivider"));
        QVERIFY(divider && divider->isVisible());
        QVERIFY(!divider->accessibleName().isEmpty());
        const int w = composite->width();
        const double y = composite->height() / 2.0 + 60; // below the grip, off the badges
        QVERIFY(near(pixelAt(composite, {w * 0.4, y}), kRed));
        QVERIFY(near(pixelAt(composite, {w * 0.6, y}), kBlue));

        // Drag the handle to a quarter of the width.
        // Like a real pointer: each event's position is relative to where the divider is at that moment.
        const QPointF grip = divider->geometry().center();
        const QPointF target(w * 0.25, grip.y());
        sendMouse(divider, QEvent::MouseButtonPress, divider->mapFrom(composite, grip), Qt::LeftButton, Qt::LeftButton);
        for (int i = 1; i <= 6; ++i) {
            const QPointF at = grip + (target - grip) * (i / 6.0);
            sendMouse(divider, QEvent::MouseMove, divider->mapFrom(composite, at), Qt::NoButton, Qt::LeftButton);
        }
        sendMouse(divider, QEvent::MouseButtonRelease, divider->mapFrom(composite, target), Qt::LeftButton,
                  Qt::NoButton);
        QVERIFY(std::abs(m_view->swipePosition() - 0.25) < 0.02);
        QVERIFY(std::abs(divider->geometry().center().x() - w * 0.25) <= 2);
        QVERIFY(near(pixelAt(composite, {w * 0.20, y}), kRed));
        QVERIFY(near(pixelAt(composite, {w * 0.30, y}), kBlue));
        QVERIFY(near(pixelAt(composite, {w * 0.40, y}), kBlue));

        // Right arrow moves it back towards the middle.
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(m_view.get(), Qt::Key_Right);
        QVERIFY(std::abs(m_view->swipePosition() - 0.45) < 0.02);
        QVERIFY(near(pixelAt(composite, {w * 0.40, y}), kRed));
    }

    void onionBlends()
    {
        open(solid({800, 600}, kRed), solid({800, 600}, kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_3);
        CompareCanvas *composite = canvas("compareCanvas");
        auto *slider = m_view->findChild<QSlider *>(QStringLiteral("onionOpacity"));
        QVERIFY(slider);
        QTRY_VERIFY(slider->isVisible());
        QCOMPARE(slider->value(), 50);
        QVERIFY(near(pixelAt(composite, middle(composite)), QColor(128, 0, 127), 3));
        slider->setValue(100);
        QVERIFY(near(pixelAt(composite, middle(composite)), kBlue, 2));
        slider->setValue(0);
        QVERIFY(near(pixelAt(composite, middle(composite)), kRed, 2));
        slider->setValue(25);
        QVERIFY(near(pixelAt(composite, middle(composite)), QColor(191, 0, 64), 3));
        QTest::keyClick(m_view.get(), Qt::Key_1);
        QTRY_VERIFY(!slider->isVisible());
    }

    void blinkByKeyAndTimer()
    {
        open(solid({800, 600}, kRed), solid({800, 600}, kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_4);
        CompareCanvas *composite = canvas("compareCanvas");
        auto *showing = m_view->findChild<QLabel *>(QStringLiteral("blinkShowing"));
        QVERIFY(showing);
        QTRY_VERIFY(showing->isVisible());
        QVERIFY(near(pixelAt(composite, middle(composite)), kBlue));
        QVERIFY(showing->text().contains(QStringLiteral("After")));
        QTest::keyClick(m_view.get(), Qt::Key_B);
        QVERIFY(near(pixelAt(composite, middle(composite)), kRed));
        QVERIFY(showing->text().contains(QStringLiteral("Before")));
        QTest::keyClick(m_view.get(), Qt::Key_Space);
        QVERIFY(near(pixelAt(composite, middle(composite)), kBlue));

        // Play: the timer alternates on its own, about every 600 ms.
        auto *play = m_view->findChild<QToolButton *>(QStringLiteral("blinkPlay"));
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(m_view->isBlinking());
        QElapsedTimer clock;
        clock.start();
        QList<bool> seen;
        while (clock.elapsed() < 6000 && seen.size() < 4) { // generous: the CI machine may be loaded
            QTest::qWait(50);
            const bool red = near(pixelAt(composite, middle(composite)), kRed);
            if (seen.isEmpty() || seen.last() != red)
                seen.append(red);
        }
        QVERIFY2(seen.size() >= 4, "the picture did not alternate by itself");
        QVERIFY(clock.elapsed() >= 2 * CompareView::kBlinkIntervalMs - 100);
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(!m_view->isBlinking());
    }

    void differenceShowsTheDifferenceImage()
    {
        open(solid({800, 600}, kRed), solid({800, 600}, kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_5);
        CompareCanvas *composite = canvas("compareCanvas");
        QVERIFY(!near(pixelAt(composite, middle(composite)), kGreen)); // nothing yet: a message, not a picture
        m_view->setDifferenceImage(solid({800, 600}, kGreen, QImage::Format_RGBA8888));
        QVERIFY(near(pixelAt(composite, middle(composite)), kGreen));
        auto *legend = m_view->findChild<QLabel *>(QStringLiteral("differenceLegend"));
        QVERIFY(legend);
        QTRY_VERIFY(legend->isVisible());
        m_view->setLegendColors(QColor(0, 170, 0), QColor(230, 0, 60));
        QVERIFY(legend->text().contains(QStringLiteral("#00aa00")));
        QVERIFY(legend->text().contains(QStringLiteral("#e6003c")));
    }

    void zoomToFillsTheView()
    {
        open(withSquare({1600, 1200}, Qt::white, {1200, 900}, 40), solid({1600, 1200}, Qt::white));
        QTest::keyClick(m_view.get(), Qt::Key_4); // blink shows before alone on the whole canvas
        QTest::keyClick(m_view.get(), Qt::Key_B);
        CompareCanvas *composite = canvas("compareCanvas");
        QVERIFY(blackBox(composite).width() < composite->width() / 10);
        m_view->zoomTo(QRect(1200, 900, 40, 40));
        const QRect box = blackBox(composite);
        // 10 % margin each side: the square fills 1/1.2 of the limiting (height) dimension, centred.
        QVERIFY2(box.height() >= composite->height() * 0.8, qPrintable(QString::number(box.height())));
        QVERIFY((box.center() - composite->rect().center()).manhattanLength() <= 4);
        QVERIFY(m_view->zoom() > 10);
        // F fits again.
        QTest::keyClick(m_view.get(), Qt::Key_F);
        QVERIFY(blackBox(composite).width() < composite->width() / 10);
    }

    void ignoreDragAtZoomTwo()
    {
        open(solid({800, 600}, kRed), solid({800, 600}, kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_2);
        m_view->setZoom(2.0);
        CompareCanvas *composite = canvas("compareCanvas");
        m_view->setIgnoreDrawingEnabled(true);
        QSignalSpy drawn(m_view.get(), &CompareView::ignoreRegionDrawn);
        // At zoom 2 (on a 1x screen) the image's centre (400, 300) sits at the widget's centre.
        const QPointF centre = middle(composite);
        const QPointF from = centre + QPointF(-100, -60);
        const QPointF to = centre + QPointF(60, 40);
        drag(composite, from, to);
        QCOMPARE(drawn.size(), 1);
        const auto toImage = [&](QPointF p) { return QPointF(400, 300) + (p - centre) / 2.0; };
        const QPointF a = toImage(from);
        const QPointF b = toImage(to);
        const QRect expected(QPoint(int(std::floor(a.x())), int(std::floor(a.y()))),
                             QPoint(int(std::ceil(b.x())) - 1, int(std::ceil(b.y())) - 1));
        QCOMPARE(drawn.first().first().toRect(), expected);
        QVERIFY(std::abs(expected.width() - 80) <= 1 && std::abs(expected.height() - 50) <= 1);
        // Drawing did not pan.
        QCOMPARE(m_view->viewport()->center(), QPointF(400, 300));

        // Shown hatched where it was drawn (not a flat colour any more), removed by a right click.
        m_view->setIgnoreRegions({expected});
        const QImage shot = composite->grab().toImage();
        const QRect inside = QRectF(from, to).toRect().adjusted(4, 4, -4, -4);
        QSet<QRgb> colours;
        for (int x = inside.left(); x < inside.right(); x += 3)
            colours.insert(shot.pixel(x, inside.center().y()));
        QVERIFY(colours.size() >= 2);
        QSignalSpy removed(m_view.get(), &CompareView::ignoreRegionRemoved);
        sendMouse(composite, QEvent::MouseButtonPress, centre, Qt::RightButton, Qt::RightButton);
        sendMouse(composite, QEvent::MouseButtonRelease, centre, Qt::RightButton, Qt::NoButton);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toInt(), 0);
    }

    void regionsHoverAndHighlight()
    {
        open(solid({800, 600}, Qt::white), solid({800, 600}, Qt::white));
        const QRect region(300, 200, 100, 80);
        m_view->setRegions({QRect(0, 0, 20, 20), region});
        QSignalSpy hovered(m_view.get(), &CompareView::regionHovered);
        CompareCanvas *right = canvas("afterCanvas");
        const QPointF over = m_view->viewport()->toWidget(QPointF(region.center()));
        sendMouse(right, QEvent::MouseMove, over, Qt::NoButton, Qt::NoButton);
        QCOMPARE(hovered.size(), 1);
        QCOMPARE(hovered.first().first().toInt(), 1);
        QSignalSpy clicked(m_view.get(), &CompareView::regionClicked);
        sendMouse(right, QEvent::MouseButtonPress, over, Qt::LeftButton, Qt::LeftButton);
        sendMouse(right, QEvent::MouseButtonRelease, over, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toInt(), 1);

        // The highlight is drawn strongly (orange) on both panes.
        m_view->highlightRegion(region);
        const QPointF edge = m_view->viewport()->toWidget(QPointF(region.topLeft())) + QPointF(-3, 20);
        const auto isOrange = [](const QColor &c) {
            return c.red() > 200 && c.green() > 90 && c.green() < 170 && c.blue() < 60;
        };
        QVERIFY(isOrange(pixelAt(canvas("beforeCanvas"), edge)));
        QVERIFY(isOrange(pixelAt(right, edge)));
        m_view->highlightRegion(QRect());
        QVERIFY(!isOrange(pixelAt(right, edge)));
    }

    void presentationSpaceToggles()
    {
        open(solid({400, 300}, kRed), solid({400, 300}, kBlue));
        m_view->setPresentation(true);
        auto *toolBar = m_view->findChild<QToolBar *>(QStringLiteral("compareModeToolBar"));
        QVERIFY(!toolBar->isVisible());
        QCOMPARE(m_view->mode(), CompareMode::SideBySide);
        // A dark background around the fitted images.
        CompareCanvas *left = canvas("beforeCanvas");
        QVERIFY(qGray(pixelAt(left, {2, 2}).rgb()) < 50);

        QTest::keyClick(m_view.get(), Qt::Key_Space);
        CompareCanvas *composite = canvas("compareCanvas");
        QVERIFY(composite->isVisible());
        QVERIFY(near(pixelAt(composite, middle(composite)), kRed));
        QTest::keyClick(m_view.get(), Qt::Key_Space);
        QVERIFY(near(pixelAt(composite, middle(composite)), kBlue));
        QTest::keyClick(m_view.get(), Qt::Key_Space);
        QVERIFY(near(pixelAt(composite, middle(composite)), kRed));

        // Out of presentation, Space is not taken by the view outside blink; the chrome is back.
        m_view->setPresentation(false);
        QTest::keyClick(m_view.get(), Qt::Key_1);
        QVERIFY(toolBar->isVisible());
        QVERIFY(left->isVisible());
        QTest::keyClick(m_view.get(), Qt::Key_Space);
        QVERIFY(left->isVisible());
    }

    void eightKPairShowsBothSides()
    {
        // An 8K pair in the decoder's RGBA8888: painted from the reduced levels once they are built, same colours.
        open(solid({7680, 4320}, kRed, QImage::Format_RGBA8888), solid({7680, 4320}, kBlue, QImage::Format_RGBA8888));
        QTest::keyClick(m_view.get(), Qt::Key_2);
        CompareCanvas *composite = canvas("compareCanvas");
        // Until a large RGBA8888 side is converted by the worker, the view says so instead of stalling to draw it.
        QVERIFY(composite->grab().toImage().pixelColor(composite->width() * 3 / 4, composite->height() / 2)
                != kBlue);
        for (const char *name : {"beforePyramid", "afterPyramid"}) {
            auto *pyramid = m_view->findChild<ImagePyramid *>(QLatin1String(name));
            QVERIFY(pyramid);
            QTRY_VERIFY_WITH_TIMEOUT(pyramid->isReady(), 20000);
            QVERIFY(pyramid->levelCount() >= 4);
        }
        QVERIFY(near(m_view->grabCurrent().pixelColor(composite->width() / 4, composite->height() / 2), kRed));
        QVERIFY(near(pixelAt(composite, {composite->width() * 0.75, composite->height() / 2.0}), kBlue));
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
