// PreviewView: zoom, fit, 100 %, panning and the checkerboard, driven with real key, wheel and mouse events.

#include "previewview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using Cloudcraft::Ui::PreviewView;

namespace {

QImage diagram(QSize size, QColor fill = QColor(0x20, 0x60, 0xc0))
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(fill);
    return image;
}

} // namespace

class TestPreviewView final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PreviewView> m_view;

    QSizeF shownSize() const { return QSizeF(m_view->image().size()) * (m_view->zoom() / m_view->devicePixelRatioF()); }

private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<PreviewView>();
        m_view->resize(800, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setFocus();
    }
    void cleanup() { m_view.reset(); }

    void fitShowsTheWholeImage()
    {
        m_view->setImage(diagram({3000, 1000}));
        QVERIFY(m_view->isFitMode());
        const QSizeF shown = shownSize();
        const QSize viewport = m_view->viewport()->size();
        QVERIFY(shown.width() <= viewport.width() + 0.5);
        QVERIFY(shown.height() <= viewport.height() + 0.5);
        QVERIFY2(qAbs(shown.width() - viewport.width()) < 1.0, "the limiting side fills the view");
        QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
    }

    void zoomKeysChangeTheZoom()
    {
        m_view->setImage(diagram({1600, 1200}));
        const double fit = m_view->zoom();
        QSignalSpy changed(m_view.get(), &PreviewView::zoomChanged);

        QTest::keyClick(m_view.get(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(m_view->zoom() > fit);
        QVERIFY(!m_view->isFitMode());
        const double zoomedIn = m_view->zoom();
        QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(m_view->zoom() < zoomedIn);

        QTest::keyClick(m_view.get(), Qt::Key_1);
        QCOMPARE(m_view->zoom(), 1.0);
        QTest::keyClick(m_view.get(), Qt::Key_F);
        QCOMPARE(m_view->zoom(), fit);
        QVERIFY(m_view->isFitMode());

        QTest::keyClick(m_view.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_view->zoom(), 1.0);
        QTest::keyClick(m_view.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_view->zoom(), fit);
        QVERIFY(changed.count() >= 5);
    }

    void fitFollowsTheWindowSize()
    {
        m_view->setImage(diagram({1600, 1200}));
        const double before = m_view->zoom();
        m_view->resize(400, 300);
        QTRY_VERIFY(m_view->zoom() < before);
        QCOMPARE(m_view->zoom(), m_view->fitZoom());
    }

    void ctrlWheelZoomsTowardsTheCursor()
    {
        m_view->setImage(diagram({1600, 1200}));
        m_view->actualSize();
        const QPointF cursor(200, 150);
        const double oldScale = m_view->zoom() / m_view->devicePixelRatioF();
        const QPointF imagePoint((cursor.x() + m_view->horizontalScrollBar()->value()) / oldScale,
                                 (cursor.y() + m_view->verticalScrollBar()->value()) / oldScale);
        QWheelEvent wheel(cursor, m_view->viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->viewport(), &wheel);
        QVERIFY(m_view->zoom() > 1.0);
        const double newScale = m_view->zoom() / m_view->devicePixelRatioF();
        const QPointF after((cursor.x() + m_view->horizontalScrollBar()->value()) / newScale,
                            (cursor.y() + m_view->verticalScrollBar()->value()) / newScale);
        QVERIFY2(qAbs(after.x() - imagePoint.x()) < 2 && qAbs(after.y() - imagePoint.y()) < 2,
                 "the point under the cursor stays under it");
    }

    void arrowsAndDragPan()
    {
        m_view->setImage(diagram({3000, 3000}));
        m_view->actualSize();
        QScrollBar *h = m_view->horizontalScrollBar();
        QScrollBar *v = m_view->verticalScrollBar();
        QVERIFY(h->maximum() > 0);
        h->setValue(0);
        v->setValue(0);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QVERIFY(h->value() > 0);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QVERIFY(v->value() > 0);
        const int hBefore = h->value();
        const int vBefore = v->value();
        QWidget *viewport = m_view->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(400, 300));
        QTest::mouseMove(viewport, QPoint(300, 220));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(300, 220));
        QCOMPARE(h->value(), hBefore + 100);
        QCOMPARE(v->value(), vBefore + 80);
    }

    void checkerboardShowsThroughTransparency()
    {
        m_view->setImage(diagram({400, 400}, Qt::transparent));
        m_view->actualSize();
        const QImage shot = m_view->viewport()->grab().toImage();
        const QPoint centre = shot.rect().center();
        QSet<QRgb> colours;
        for (int dx = 0; dx < 32; ++dx)
            colours.insert(shot.pixel(centre + QPoint(dx, dx)) & 0xffffff);
        QVERIFY2(colours.size() >= 2, "two checker tones behind a transparent image");
    }

    void busyAndMessageStates()
    {
        m_view->setBusy(true, QStringLiteral("Rendering…"));
        QVERIFY(m_view->isBusy());
        QVERIFY(m_view->findChild<QWidget *>(QStringLiteral("previewBusyBar"))->isVisible());
        m_view->setBusy(false);
        QVERIFY(!m_view->findChild<QWidget *>(QStringLiteral("previewBusyBar"))->isVisible());
        m_view->setMessage(QStringLiteral("Nothing here"));
        QVERIFY(m_view->image().isNull());
        QCOMPARE(m_view->message(), QStringLiteral("Nothing here"));
    }
};

QTEST_MAIN(TestPreviewView)
#include "tst_previewview.moc"
