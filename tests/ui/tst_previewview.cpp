// PreviewView: zoom, fit, 100 %, panning and the checkerboard, driven with real key, wheel and mouse events.

#include "previewview.h"

#include <QDir>
#include <cmath>
#include <QFile>
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

/// Mean absolute difference between neighbouring pixels (all channels): higher means more detail, sharper edges.
double edgeEnergy(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    double sum = 0;
    qint64 count = 0;
    for (int y = 0; y + 1 < image.height(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const QRgb *next = reinterpret_cast<const QRgb *>(image.constScanLine(y + 1));
        for (int x = 0; x + 1 < image.width(); ++x) {
            for (QRgb other : {row[x + 1], next[x]}) {
                sum += std::abs(qRed(row[x]) - qRed(other)) + std::abs(qGreen(row[x]) - qGreen(other))
                    + std::abs(qBlue(row[x]) - qBlue(other)) + std::abs(qAlpha(row[x]) - qAlpha(other));
                ++count;
            }
        }
    }
    return count ? sum / double(count) : 0;
}

QByteArray sampleSvg()
{
    const QDir dir(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft"));
    const QStringList names = dir.entryList({QStringLiteral("export-*.svg")}, QDir::Files, QDir::Name);
    if (names.isEmpty())
        return {};
    QFile file(dir.filePath(names.first()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

    // A real Cloudcraft SVG export is rasterised off the UI thread to fill the view, then, after zooming to 400 %,
    // rasterised again at the new scale: sharper than the first raster scaled up, with no jump in what the user sees.
    void svgIsRasterisedAgainWhenZoomed()
    {
        const QByteArray svg = sampleSvg();
        QVERIFY2(!svg.isEmpty(), "no samples/cloudcraft/export-*.svg in the shared directory");
        QSignalSpy rasterized(m_view.get(), &PreviewView::svgRasterized);
        m_view->setSvg(svg);
        QVERIFY(m_view->hasSvg());
        QVERIFY(rasterized.wait(30000));
        const QImage first = m_view->image();
        const QSize device = m_view->devicePixelViewportSize();
        QVERIFY2(qAbs(first.width() - device.width()) <= 1 || qAbs(first.height() - device.height()) <= 1,
                 "the first raster fills the viewport in device pixels");
        QVERIFY(qAbs(m_view->zoom() - 1.0) < 0.01);

        m_view->actualSize(); // leaves fit mode, as a user zooming does
        QVERIFY(!m_view->isFitMode());
        m_view->setZoom(4.0);
        QCOMPARE(m_view->image(), first); // meanwhile the current raster is shown scaled
        QSignalSpy failed(m_view.get(), &PreviewView::svgFailed);
        QTRY_VERIFY_WITH_TIMEOUT(rasterized.count() == 2 || failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const QImage sharp = m_view->image();
        QVERIFY2(qAbs(sharp.width() - 4 * first.width()) <= 4,
                 qPrintable(QStringLiteral("%1 px wide after 400 %, first %2").arg(sharp.width()).arg(first.width())));
        QCOMPARE(m_view->zoom(), 4.0);
        // What the user sees is the first raster's size at 400 %: the sharper raster does not change it.
        const double shownWidth = first.width() * 4.0 / m_view->devicePixelRatioF();
        QVERIFY(qAbs(m_view->horizontalScrollBar()->maximum()
                     - (int(std::ceil(shownWidth)) - m_view->viewport()->width())) <= 1);

        const QImage upscaled = first.scaled(sharp.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const double sharpEdges = edgeEnergy(sharp);
        const double upscaledEdges = edgeEnergy(upscaled);
        QVERIFY2(sharpEdges > 1.3 * upscaledEdges,
                 qPrintable(QStringLiteral("edge energy: re-rasterised %1, scaled bitmap %2").arg(sharpEdges).arg(upscaledEdges)));

        // A bitmap replaces the document: no more rasters.
        m_view->setImage(diagram({400, 300}));
        QVERIFY(!m_view->hasSvg());
        m_view->setZoom(2.0);
        QVERIFY(!rasterized.wait(500));
    }
};

QTEST_MAIN(TestPreviewView)
#include "tst_previewview.moc"
