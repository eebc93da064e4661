// Copy and drag-out of the previewed diagram: what lands on the clipboard (offscreen, Qt's in-process clipboard)
// is the image itself and a PNG file that exists and decodes to the same pixels; the preview's drag handle appears
// with an image and carries the same data.

#include "previewdragsource.h"
#include "previewview.h"

#include <QClipboard>
#include <QDir>
#include <QMouseEvent>
#include <QScrollBar>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QTest>
#include <QToolButton>

using namespace Cloudcraft::Ui;

class TestClipboardExport final : public QObject
{
    Q_OBJECT

private:
    static QImage diagram()
    {
        QImage image(640, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.fillRect(40, 40, 200, 120, QColor(255, 153, 0));
        painter.fillRect(360, 200, 220, 150, QColor(35, 47, 62, 200));
        return image;
    }

private Q_SLOTS:
    void copiesImageAndFile()
    {
        const QImage image = diagram();
        QString error;
        QMimeData *mime = DiagramMimeData::create(image, QStringLiteral("Orders API / prod"), &error);
        QVERIFY2(mime, qPrintable(error));
        QGuiApplication::clipboard()->setMimeData(mime);

        const QMimeData *pasted = QGuiApplication::clipboard()->mimeData();
        QVERIFY(pasted);
        QVERIFY(pasted->hasImage());
        QCOMPARE(qvariant_cast<QImage>(pasted->imageData()).size(), image.size());
        QVERIFY(pasted->hasUrls());
        QCOMPARE(pasted->urls().size(), 1);
        const QString file = pasted->urls().first().toLocalFile();
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("Orders API _ prod.png"));
        QVERIFY(QFileInfo(file).absolutePath().startsWith(DiagramMimeData::directory()));
        QImage decoded;
        QVERIFY(decoded.load(file, "PNG"));
        QCOMPARE(decoded.size(), image.size());
        QVERIFY(decoded.hasAlphaChannel());
        QCOMPARE(decoded.convertToFormat(QImage::Format_ARGB32).pixel(100, 100),
                 image.convertToFormat(QImage::Format_ARGB32).pixel(100, 100));
        QCOMPARE(qAlpha(decoded.convertToFormat(QImage::Format_ARGB32).pixel(5, 5)), 0);
        // Copying again replaces the file in one step (QSaveFile): no temporary files are left next to it.
        QMimeData *again = DiagramMimeData::create(image, QStringLiteral("Orders API / prod"), &error);
        QVERIFY(again);
        delete again;
        const QStringList leftovers = QDir(DiagramMimeData::directory())
                                          .entryList({QStringLiteral("Orders API _ prod.png*")},
                                                     QDir::Files | QDir::Hidden);
        QCOMPARE(leftovers, QStringList{QStringLiteral("Orders API _ prod.png")});
    }

    void nothingToCopyIsSaid()
    {
        QString error;
        QVERIFY(!DiagramMimeData::create(QImage(), QStringLiteral("x"), &error));
        QVERIFY(!error.isEmpty());
    }

    void dragHandleAppearsWithAnImage()
    {
        PreviewView view;
        view.resize(800, 600);
        PreviewDragSource drag(&view, [] { return QStringLiteral("Storefront"); });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QToolButton *handle = view.findChild<QToolButton *>(QStringLiteral("previewDragHandle"));
        QVERIFY(handle);
        QVERIFY(!handle->accessibleName().isEmpty());
        QTRY_VERIFY(!handle->isVisible());
        view.setImage(diagram());
        QTRY_VERIFY(handle->isVisible());
        QVERIFY(view.viewport()->geometry().contains(handle->geometry()));

        QString error;
        std::unique_ptr<QMimeData> mime(drag.createMimeData(&error));
        QVERIFY2(mime, qPrintable(error));
        QVERIFY(mime->hasImage());
        QCOMPARE(QFileInfo(mime->urls().value(0).toLocalFile()).fileName(), QStringLiteral("Storefront.png"));

        // A plain drag still pans: the view sees it (the drag source only takes Ctrl+drag and the handle).
        view.setZoom(4.0);
        const int before = view.horizontalScrollBar()->value();
        const QPoint start = view.viewport()->rect().center();
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
        const QPoint end = start - QPoint(120, 0);
        QMouseEvent move(QEvent::MouseMove, end, view.viewport()->mapToGlobal(end), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, end);
        QVERIFY2(view.horizontalScrollBar()->value() != before, "a plain drag pans the view");
    }
};

QTEST_MAIN(TestClipboardExport)
#include "tst_clipboardexport.moc"
