// CompositeExporter: the picture for slides shows the title band, both sides with their colours (or the difference
// with added and removed in their legend colours), the legend and the counts; the PDF is a real PDF (drawn with
// pdftoppm when installed); a full disk leaves the previous file and says so in a sentence.

#include "compare/compareengine.h"
#include "compare/compositeexporter.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Cloudcraft::Core;

namespace {

// A 64 KiB tmpfs for the full-disk case, mounted in a private mount namespace before any thread starts (as root a
// mount namespace is enough; otherwise a user namespace first, like `unshare -Urm`).
QString g_smallDisk;
QString g_smallDiskProblem;

bool writeProcFile(const char *path, const QByteArray &text)
{
    FILE *f = std::fopen(path, "w");
    if (!f)
        return false;
    const bool ok = std::fwrite(text.constData(), 1, size_t(text.size()), f) == size_t(text.size());
    return std::fclose(f) == 0 && ok;
}

void mountSmallDisk()
{
    char dir[] = "/tmp/cc-composite-disk-XXXXXX";
    if (!mkdtemp(dir)) {
        g_smallDiskProblem = QStringLiteral("mkdtemp failed");
        return;
    }
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWNS) != 0) {
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            g_smallDiskProblem = QStringLiteral("no mount namespace: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            rmdir(dir);
            return;
        }
        writeProcFile("/proc/self/setgroups", "deny");
        writeProcFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1");
        writeProcFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1");
    }
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || mount("tmpfs", dir, "tmpfs", 0, "size=64k") != 0) {
        g_smallDiskProblem = QStringLiteral("tmpfs mount refused: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        rmdir(dir);
        return;
    }
    g_smallDisk = QString::fromLocal8Bit(dir);
}

const QColor kBefore(30, 120, 200);
const QColor kAfter(240, 150, 20);
const QColor kTitleBand(31, 41, 55);

QImage solid(QSize size, const QColor &color)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(color);
    return image;
}

CompareSide side(const QString &label, const QImage &image, const QDateTime &time)
{
    CompareSide s;
    s.label = label;
    s.image = image;
    s.takenAt = time;
    return s;
}

bool near(QRgb pixel, const QColor &color, int tolerance = 3)
{
    return std::abs(qRed(pixel) - color.red()) <= tolerance && std::abs(qGreen(pixel) - color.green()) <= tolerance
           && std::abs(qBlue(pixel) - color.blue()) <= tolerance;
}

/// Pixels of `color` in `area` of `image`, and their bounding box.
std::pair<int, QRect> find(const QImage &image, const QColor &color, QRect area = {})
{
    if (area.isNull())
        area = image.rect();
    int count = 0;
    QRect box;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (near(image.pixel(x, y), color, 2)) {
                ++count;
                box |= QRect(x, y, 1, 1);
            }
    return {count, box};
}

} // namespace

class TstCompositeExporter final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QDateTime m_t1 = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    const QDateTime m_t2 = QDateTime(QDate(2026, 11, 26), QTime(14, 5), Qt::UTC);

    /// Before: white with a black box at the left; after: the box gone, another at the right.
    std::tuple<CompareSide, CompareSide, CompareResult> movedBox() const
    {
        QImage before = solid({400, 300}, Qt::white);
        QImage after = before.copy();
        QPainter(&before).fillRect(QRect(20, 20, 80, 80), Qt::black);
        QPainter(&after).fillRect(QRect(280, 180, 80, 80), Qt::black);
        const CompareSide a = side(QStringLiteral("snapshot:12"), before, m_t1);
        const CompareSide b = side(QStringLiteral("snapshot:13"), after, m_t2);
        return {a, b, CompareEngine::compare(a, b, {})};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sideBySideShowsBothHalvesTitleAndLegend()
    {
        const CompareSide a = side(QStringLiteral("blueprint:before"), solid({400, 300}, kBefore), m_t1);
        const CompareSide b = side(QStringLiteral("blueprint:after"), solid({400, 300}, kAfter), m_t2);
        const CompareResult result = CompareEngine::compare(a, b, {});
        QVERIFY(result.ok());
        CompositeOptions options;
        options.width = 1200;
        options.title = QStringLiteral("Production us-east-1, last week");
        const QImage image = CompositeExporter::render(a, b, result, options);
        QCOMPARE(image.width(), 1200);
        QVERIFY(image.height() > 300);

        // The dark title band across the top, with light title text in it.
        QVERIFY(near(image.pixel(1195, 4), kTitleBand));
        QVERIFY2(find(image, Qt::white, QRect(0, 0, 600, 30)).first > 20, "title text in the band");
        // Left half the before colour, right half the after colour, at the middle height of the panels.
        const int y = image.height() / 2;
        QVERIFY(near(image.pixel(300, y), kBefore));
        QVERIFY(near(image.pixel(900, y), kAfter));
        QVERIFY(!near(image.pixel(300, y), kAfter));
        // The legend: a swatch of each colour below the panels.
        const QRect bottom(0, image.height() * 3 / 4, image.width(), image.height() / 4);
        QVERIFY(find(image, compareAddedColor(), bottom).first >= 100);
        QVERIFY(find(image, compareRemovedColor(), bottom).first >= 100);
        QVERIFY(find(image, compareAntiAliasColor(), bottom).first >= 100);
    }

    void differenceShowsAddedAndRemovedInTheirColours()
    {
        const auto [a, b, result] = movedBox();
        QCOMPARE(result.differentPixels, 2 * 80 * 80);
        CompositeOptions options;
        options.layout = CompositeOptions::Difference;
        options.width = 900;
        const QImage image = CompositeExporter::render(a, b, result, options);
        QVERIFY(!image.isNull());
        // Above the legend: the removed box top-left, the added box bottom-right, each about 80² × scale².
        const QRect panels(0, 0, image.width(), image.height() - 120);
        const auto [added, addedBox] = find(image, compareAddedColor(), panels);
        const auto [removed, removedBox] = find(image, compareRemovedColor(), panels);
        const double scale = (900.0 - 2 * 14) / 400.0; // the panel's width over the canvas's
        const int expected = int(80 * 80 * scale * scale);
        QVERIFY2(added > expected * 8 / 10 && added < expected * 12 / 10, qPrintable(QString::number(added)));
        QVERIFY2(removed > expected * 8 / 10 && removed < expected * 12 / 10, qPrintable(QString::number(removed)));
        QVERIFY(addedBox.left() > removedBox.right());
        QVERIFY(addedBox.top() > removedBox.bottom());
    }

    void pngAndPdfFiles()
    {
        const auto [a, b, result] = movedBox();
        CompositeOptions options;
        options.width = 1000;
        options.title = QStringLiteral("Deploy 42");
        const QString png = m_dir.filePath(QStringLiteral("compare.png"));
        QCOMPARE(CompositeExporter::write(png, a, b, result, options), QString());
        const QImage written(png);
        QCOMPARE(written.size(), CompositeExporter::render(a, b, result, options).size());

        options.pdf = true;
        const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
        QCOMPARE(CompositeExporter::write(pdf, a, b, result, options), QString());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed: the PDF was not drawn");
        // The page is the composite's shape at 144 dpi: drawn at 144 dpi it is the composite's width again.
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("144"),
                                 QStringLiteral("-singlefile"), pdf, m_dir.filePath(QStringLiteral("page"))});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QImage page(m_dir.filePath(QStringLiteral("page.png")));
        QVERIFY(!page.isNull());
        QVERIFY2(std::abs(page.width() - 1000) <= 2, qPrintable(QString::number(page.width())));
        QVERIFY(near(page.pixel(page.width() - 3, 3), kTitleBand, 6));
        // The before panel holds its black box at the top left, the after panel its box at the bottom right.
        const QRect leftPanel(0, page.height() / 8, page.width() / 2, page.height() * 5 / 8);
        const QRect rightPanel(page.width() / 2, page.height() / 8, page.width() / 2, page.height() * 5 / 8);
        QVERIFY(find(page, Qt::black, leftPanel).first > 1000);
        QVERIFY(find(page, Qt::black, rightPanel).first > 1000);
        QVERIFY(find(page, compareAddedColor(), QRect(0, page.height() * 3 / 4, page.width(), page.height() / 4)).first
                > 50);
    }

    void badWidthIsASentence()
    {
        const auto [a, b, result] = movedBox();
        CompositeOptions options;
        options.width = 10;
        QVERIFY(CompositeExporter::render(a, b, result, options).isNull());
        const QString error = CompositeExporter::write(m_dir.filePath(QStringLiteral("tiny.png")), a, b, result, options);
        QVERIFY2(error.contains(u"width"), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("tiny.png"))));
    }

    void fullDiskKeepsThePreviousFile()
    {
        if (g_smallDisk.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no small tmpfs here (%1)").arg(g_smallDiskProblem)));
        const QString path = g_smallDisk + QStringLiteral("/compare.png");
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("previous");
        previous.close();
        // Noise does not compress: the PNG is far larger than the 64 KiB disk.
        QImage noise(600, 400, QImage::Format_RGBA8888);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, qRgb((x * 7919 + y * 104729) % 251, (x * 31 + y * 17) % 253, (x * y) % 255));
        const CompareSide a = side(QStringLiteral("a.png"), noise, m_t1);
        const CompareSide b = side(QStringLiteral("b.png"), noise.mirrored(true, false), m_t2);
        CompositeOptions options;
        options.width = 1600;
        const QString error = CompositeExporter::write(path, a, b, CompareEngine::compare(a, b, {}), options);
        QVERIFY2(error.contains(u"disk is full") && error.contains(path), qPrintable(error));
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), QByteArray("previous"));
    }
};

int main(int argc, char **argv)
{
    mountSmallDisk(); // before QGuiApplication starts any thread
    QGuiApplication app(argc, argv);
    TstCompositeExporter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_compositeexporter.moc"
