#include "diff/diffreportwriter.h"
#include "diff/htmlreport.h"
#include "reporttesthelpers.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Cloudcraft::Core;
using namespace ReportTest;

namespace {

QString chromium()
{
    return QStandardPaths::findExecutable(QStringLiteral("chromium"));
}

// Headless Chromium from Debian opening a report as a reader would: no network, a fresh profile each time.
// One run can take a screenshot and print the DOM after the scripts ran (--screenshot=FILE --dump-dom).
class BrowserRun final
{
public:
    BrowserRun(const QStringList &modes, const QUrl &url)
    {
        const QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                                    QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
                                    QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
                                    QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
                                    QStringLiteral("--hide-scrollbars"), QStringLiteral("--force-color-profile=srgb"),
                                    QStringLiteral("--user-data-dir=") + m_profile.path(),
                                    QStringLiteral("--window-size=1400,2200")};
        m_process.start(chromium(), arguments + modes + QStringList{url.toString(QUrl::FullyEncoded)});
    }

    /// Chromium's stdout once it has finished; an empty array and `error` set when it failed or took over 30 s.
    QByteArray result(QString *error)
    {
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("chromium did not start: ") + m_process.errorString();
            return {};
        }
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (m_process.state() != QProcess::NotRunning && timer.elapsed() < 30000) {
            m_process.waitForReadyRead(100);
            output += m_process.readAllStandardOutput();
        }
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
            *error = QStringLiteral("chromium did not finish within 30 s");
            return {};
        }
        output += m_process.readAllStandardOutput();
        if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
            *error = QStringLiteral("chromium failed (exit %1): %2")
                         .arg(m_process.exitCode())
                         .arg(QString::fromLocal8Bit(m_process.readAllStandardError().right(2000)));
            return {};
        }
        return output;
    }

private:
    QTemporaryDir m_profile;
    QProcess m_process;
};


bool near(QRgb pixel, const QColor &color, int tolerance = 12)
{
    return std::abs(qRed(pixel) - color.red()) <= tolerance && std::abs(qGreen(pixel) - color.green()) <= tolerance
           && std::abs(qBlue(pixel) - color.blue()) <= tolerance;
}

// Pixels of `image` close to `color`, and where the first of them is.
qint64 countNear(const QImage &image, const QColor &color, QPoint *first = nullptr)
{
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (near(line[x], color)) {
                if (count++ == 0 && first)
                    *first = QPoint(x, y);
            }
        }
    }
    return count;
}

QString writeHtml(const DiffReportInput &input, const QTemporaryDir &dir, const QString &name = QStringLiteral("r.html"))
{
    const QString path = dir.filePath(name);
    const QString error = DiffReportWriter::write(DiffReportWriter::Format::Html, input, path);
    return error.isEmpty() ? path : QString();
}

// Drives the report as a reader would, once its own script has run: drags the swipe with a mouse and a finger,
// moves it with the keyboard, picks regions by click and Enter. What each step showed goes to
// <html data-test-results="{json}">; it leaves the swipe at 50 % and region 2 selected, as the page opened.
const char *const readerScript = R"JS(
(function () {
  var results = {};
  var swipe = document.getElementById('swipe');
  var handle = swipe.querySelector('.handle');
  var zoom = document.getElementById('zoom');
  results.selectedAtLoad = zoom.getAttribute('data-selected');
  var rect = swipe.getBoundingClientRect();
  var pointer = function (type, id, kind, fraction) {
    swipe.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: kind, isPrimary: true,
      button: type === 'pointermove' ? -1 : 0, clientX: rect.left + rect.width * fraction,
      clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }));
    return swipe.getAttribute('data-position');
  };
  var key = function (target, name, shift) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey: !!shift, bubbles: true, cancelable: true }));
    return swipe.getAttribute('data-position');
  };
  results.mouseDown = pointer('pointerdown', 1, 'mouse', 0.25);
  results.mouseDrag = pointer('pointermove', 1, 'mouse', 0.8);
  pointer('pointerup', 1, 'mouse', 0.8);
  results.moveAfterRelease = pointer('pointermove', 1, 'mouse', 0.1);
  results.touchDown = pointer('pointerdown', 7, 'touch', 0.6);
  results.touchDrag = pointer('pointermove', 7, 'touch', 0.3);
  pointer('pointerup', 7, 'touch', 0.3);
  results.arrowLeft = key(handle, 'ArrowLeft');
  results.shiftArrowRight = key(handle, 'ArrowRight', true);
  results.end = key(handle, 'End');
  results.home = key(handle, 'Home');
  results.ariaAtHome = handle.getAttribute('aria-valuenow');
  key(handle, 'PageUp');
  results.twoPagesUp = key(handle, 'PageUp');
  document.querySelector('#regions tr[data-region="1"]').click();
  results.clickedRow = zoom.getAttribute('data-selected');
  key(document.querySelector('#regions tr[data-region="2"]'), 'Enter');
  results.enterOnRow = zoom.getAttribute('data-selected');
  document.documentElement.setAttribute('data-test-results', JSON.stringify(results));
})();
)JS";

int occurrences(const QString &text, const QString &what)
{
    return int(text.count(what));
}

} // namespace

class TestHtmlReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void screenshotShowsTheImages();
    void scriptsRanAndRegionZooms();
    void swipeFollowsMouseTouchAndKeyboard();
    void structuralDiffOfRealBlueprints();
    void selfContained();
    void largeImagesAreEmbeddedAsPreviews();
    void identicalFilesNeedNoImages();
    void linksToTheDesktopCompare();

private:
    QTemporaryDir m_dir;
    PixelCase m_pixels;
    StructureCase m_structure;
    // One report on m_pixels and m_structure with hostile labels, opened at #region-2:
    QImage m_screenshot; // what a reader sees
    QString m_dom;       // the page after its script (and readerScript) ran
    QString m_rawHtml;   // the file
};

// A label that would run a script if the report did not escape it.
static const QString injection = QStringLiteral("<script>document.documentElement.setAttribute('data-pwned','1')"
                                                "</script><img src=x onerror=\"document.title='pwned'\">.png");

// Chromium takes a few seconds to start: one run serves every browser check.
void TestHtmlReport::initTestCase()
{
    QVERIFY2(!chromium().isEmpty(), "chromium is not installed: the HTML report is tested in a real browser "
                                    "(scripts/test.sh installs the Debian package 'chromium')");
    DiffReportInput both = m_pixels.input(injection, QStringLiteral("after & \"quoted\".png"));
    both.structure = &m_structure.result;
    const QString report = writeHtml(both, m_dir);
    QVERIFY(!report.isEmpty());
    m_rawHtml = QString::fromUtf8(readAll(report));
    QVERIFY(m_rawHtml.endsWith(QStringLiteral("</script></body></html>\n")));
    QString driven = m_rawHtml;
    driven.insert(driven.lastIndexOf(QStringLiteral("</body>")),
                  QStringLiteral("<script>") + QString::fromUtf8(readerScript) + QStringLiteral("</script>"));
    const QString drivenReport = m_dir.filePath(QStringLiteral("driven.html"));
    {
        QFile file(drivenReport);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(driven.toUtf8());
    }

    // #region-2 in the address selects the second region, as a link in a review comment would.
    QUrl url = QUrl::fromLocalFile(drivenReport);
    url.setFragment(QStringLiteral("region-2"));
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    BrowserRun browser({QStringLiteral("--screenshot=") + shot, QStringLiteral("--dump-dom")}, url);
    QString error;
    m_dom = QString::fromUtf8(browser.result(&error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_screenshot = QImage(shot, "PNG").convertToFormat(QImage::Format_RGB32);
}

void TestHtmlReport::screenshotShowsTheImages()
{
    const QImage &screenshot = m_screenshot;
    QVERIFY2(!screenshot.isNull(), "no screenshot");
    QCOMPARE(screenshot.size(), QSize(1400, 2200));

    // The page is not blank: it has the images' own colours, each in a fair share of the window.
    QPoint orange, magenta;
    const qint64 orangePixels = countNear(screenshot, beforeOnly, &orange);
    const qint64 magentaPixels = countNear(screenshot, afterOnly, &magenta);
    const qint64 navyPixels = countNear(screenshot, common);
    const qint64 redPixels = countNear(screenshot, QColor(255, 0, 0));
    qInfo("orange %lld, magenta %lld, navy %lld, red %lld", orangePixels, magentaPixels, navyPixels, redPixels);
    // The before image's orange box in the swipe (left half) and the "Before" figure.
    QVERIFY2(orangePixels > 5000, qPrintable(QString::number(orangePixels)));
    // The after image's magenta box in the swipe (right half) and the "After" figure.
    QVERIFY2(magentaPixels > 5000, qPrintable(QString::number(magentaPixels)));
    QVERIFY2(navyPixels > 5000, qPrintable(QString::number(navyPixels)));
    // The diff image marks both boxes in pixelmatch's red.
    QVERIFY2(redPixels > 2000, qPrintable(QString::number(redPixels)));
    // The swipe divider shows before on the left, after on the right: the first orange is left of the first magenta.
    QVERIFY2(orange.x() < magenta.x(), "the swipe does not show before on the left");
}

void TestHtmlReport::scriptsRanAndRegionZooms()
{
    const QString &dom = m_dom;
    QCOMPARE(occurrences(m_rawHtml, QStringLiteral("<script>")), 1); // only the report's own
    QVERIFY2(dom.contains(QStringLiteral("data-report-ready=\"1\"")), "the report's script did not run to its end");
    QVERIFY(!dom.contains(QStringLiteral("data-pwned=")));
    QVERIFY(!dom.contains(QStringLiteral("<title>pwned")));
    QVERIFY(dom.contains(QStringLiteral("&lt;script&gt;document.documentElement")));

    // The swipe slider: ready, at 50 %, both layers got their image, the handle is a keyboard slider.
    static const QRegularExpression swipe(QStringLiteral(R"(<div class="canvas swipe" id="swipe"[^>]*>)"));
    const QString swipeTag = swipe.match(dom).captured();
    QVERIFY2(swipeTag.contains(QStringLiteral("data-ready=\"1\"")), qPrintable(swipeTag));
    QVERIFY2(swipeTag.contains(QStringLiteral("data-position=\"50\"")), qPrintable(swipeTag));
    QVERIFY2(swipeTag.contains(QStringLiteral("--pos: 50%")), qPrintable(swipeTag));
    static const QRegularExpression layers(QStringLiteral(R"re(<img class="layer" data-source="img-(?:before|after)"[^>]*>)re"));
    int layersWithImage = 0;
    for (auto it = layers.globalMatch(dom); it.hasNext();)
        layersWithImage += it.next().captured().contains(QStringLiteral("src=\"data:image/png;base64,")) ? 1 : 0;
    QCOMPARE(layersWithImage, 2);
    QCOMPARE(occurrences(dom, QStringLiteral("src=\"data:image/png;base64,")), 5); // 3 figures + 2 swipe layers
    QVERIFY(dom.contains(QStringLiteral("role=\"slider\"")));
    QVERIFY(dom.contains(QStringLiteral("aria-valuenow=\"50\"")));

    // The change list: both regions listed; the second selected and zoomed with three crops.
    QVERIFY(dom.contains(QStringLiteral("<table id=\"regions\" data-ready=\"1\">")));
    QCOMPARE(occurrences(dom, QStringLiteral("<tr id=\"region-row-")), 2);
    QVERIFY(dom.contains(QStringLiteral("data-title=\"Region 2: 230, 160, 110 × 90, 9,900 changed pixels\"")));
    static const QRegularExpression zoom(QStringLiteral(R"(<div class="zoom panel open" id="zoom"[^>]*>)"));
    const QString zoomTag = zoom.match(dom).captured();
    QVERIFY2(zoomTag.contains(QStringLiteral("data-selected=\"2\"")), qPrintable(zoomTag));
    QVERIFY(dom.contains(QStringLiteral("<h3 class=\"zoom-title\">Region 2: 230, 160, 110 × 90, 9,900 changed "
                                        "pixels</h3>")));
    QCOMPARE(occurrences(dom, QStringLiteral("background-image: url(&quot;data:image/png;base64,")), 3);
    QVERIFY(dom.contains(QStringLiteral("<tr id=\"region-row-2\" data-region=\"2\"")));
    static const QRegularExpression selectedRow(QStringLiteral(R"re(<tr id="region-row-(\d)"[^>]*class="selected")re"));
    QCOMPARE(selectedRow.match(dom).captured(1), QStringLiteral("2"));
    QCOMPARE(occurrences(dom, QStringLiteral("class=\"box selected\"")), 2); // on the diff and on the swipe
}

void TestHtmlReport::swipeFollowsMouseTouchAndKeyboard()
{
    static const QRegularExpression attribute(QStringLiteral(R"re(data-test-results="([^"]*)")re"));
    const QString json = attribute.match(m_dom).captured(1).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    const QJsonObject results = QJsonDocument::fromJson(json.toUtf8()).object();
    QVERIFY2(!results.isEmpty(), "the reader script did not finish");
    const auto at = [&results](const char *step) { return results.value(QLatin1StringView(step)).toString(); };

    QCOMPARE(at("selectedAtLoad"), QStringLiteral("2")); // #region-2 in the address
    // A mouse press jumps the divider to the pointer, a drag follows it, a move after release does nothing.
    QCOMPARE(at("mouseDown"), QStringLiteral("25"));
    QCOMPARE(at("mouseDrag"), QStringLiteral("80"));
    QCOMPARE(at("moveAfterRelease"), QStringLiteral("80"));
    // The same with a finger.
    QCOMPARE(at("touchDown"), QStringLiteral("60"));
    QCOMPARE(at("touchDrag"), QStringLiteral("30"));
    // The keyboard: 2 % a step, 10 % with Shift, Home and End at the ends, 25 % a page.
    QCOMPARE(at("arrowLeft"), QStringLiteral("28"));
    QCOMPARE(at("shiftArrowRight"), QStringLiteral("38"));
    QCOMPARE(at("end"), QStringLiteral("100"));
    QCOMPARE(at("home"), QStringLiteral("0"));
    QCOMPARE(at("ariaAtHome"), QStringLiteral("0"));
    QCOMPARE(at("twoPagesUp"), QStringLiteral("50"));
    // Regions are picked with a click or with Enter on a focused row.
    QCOMPARE(at("clickedRow"), QStringLiteral("1"));
    QCOMPARE(at("enterOnRow"), QStringLiteral("2"));
}

void TestHtmlReport::structuralDiffOfRealBlueprints()
{
    const QString &dom = m_dom;
    // Read by hand from the two files: two security groups added, the ELB and the VPC changed.
    QCOMPARE(occurrences(dom, QStringLiteral("<tr class=\"resource\" data-change=\"added\">")), 2);
    QCOMPARE(occurrences(dom, QStringLiteral("<tr class=\"resource\" data-change=\"changed\">")), 2);
    QCOMPARE(occurrences(dom, QStringLiteral("<tr class=\"resource\" data-change=\"removed\">")), 0);
    QVERIFY(dom.contains(QStringLiteral("<td>alb2-sg</td><td><code>sg</code></td>")));
    QVERIFY(dom.contains(QStringLiteral("<td>elb1-sg</td><td><code>sg</code></td>")));
    QVERIFY(dom.contains(
        QStringLiteral("<li><code>elbType</code>: <del>\"classic\"</del> → <ins>\"application\"</ins></li>")));
    QVERIFY(dom.contains(QStringLiteral("<summary class=\"change-added\">2 added</summary>")));
    QVERIFY(dom.contains(QStringLiteral("<li><code>nodes</code>: +alb2-sg, +elb1-sg</li>")));
    static const QRegularExpression addedCard(QStringLiteral(R"(<div class="card added"><dt>Added</dt><dd>(\d+)</dd>)"));
    QCOMPARE(addedCard.match(dom).captured(1), QStringLiteral("2"));
}

void TestHtmlReport::selfContained()
{
    const PixelCase pixels;
    const StructureCase structure;
    DiffReportInput input = pixels.input();
    input.structure = &structure.result;
    QTemporaryDir dir;
    const QString html = QString::fromUtf8(readAll(writeHtml(input, dir)));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    // Nothing is fetched: every src and url() is a data: URI, no link or import, and the policy forbids the rest.
    static const QRegularExpression references(QStringLiteral(R"re((src=|href=|url\(|@import)\s*["']?([^"')\s>]*))re"));
    for (auto it = references.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        // The one link that leaves the page opens the compare in the desktop app, never a network resource.
        QVERIFY2(match.captured(2).startsWith(QStringLiteral("data:")) || match.captured(2).isEmpty()
                     || match.captured(2).startsWith(QStringLiteral("cloudcraft-desktop://compare?")),
                 qPrintable(match.captured()));
    }
    QVERIFY(!html.contains(QStringLiteral("<link")));
    QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
    QVERIFY(html.contains(QStringLiteral("prefers-color-scheme: dark")));
    QCOMPARE(occurrences(html, QStringLiteral("data:image/png;base64,")), 3);
}

void TestHtmlReport::largeImagesAreEmbeddedAsPreviews()
{
    PixelCase pixels;
    pixels.before = diagram(false, QSize(2880, 1620));
    pixels.after = diagram(true, QSize(2880, 1620));
    pixels.after.setPixelColor(2001, 1001, Qt::black); // one changed pixel, far from the boxes
    pixels.result = PixelDiff().compare(pixels.before, pixels.after);
    QTemporaryDir dir;
    const QString path = writeHtml(pixels.input(), dir);
    const QString html = QString::fromUtf8(readAll(path));
    QVERIFY2(html.size() < 2 * 1024 * 1024, qPrintable(QString::number(html.size())));
    QVERIFY(html.contains(QStringLiteral("id=\"preview-note\"")));
    // The figure caption keeps the real size, the embedded PNGs are half-size previews.
    QVERIFY(html.contains(QStringLiteral("2880 × 1620")));
    const auto embedded = [&html](const QString &id) {
        const QRegularExpression image(QStringLiteral(R"re(id="%1"[^>]*src="data:image/png;base64,([^"]+))re").arg(id));
        return QImage::fromData(QByteArray::fromBase64(image.match(html).captured(1).toLatin1()), "PNG")
            .convertToFormat(QImage::Format_RGBA8888);
    };
    const QImage before = embedded(QStringLiteral("img-before"));
    QCOMPARE(before.size(), QSize(1440, 810));
    QCOMPARE(before.pixelColor(beforeOnlyBox.center() / 2), beforeOnly); // colours survive the averaging
    QCOMPARE(before.pixelColor(5, 5), background);
    // The lone changed pixel is still red in the diff preview, not averaged away into the grey around it.
    const QImage diff = embedded(QStringLiteral("img-diff"));
    QCOMPARE(diff.size(), QSize(1440, 810));
    QCOMPARE(diff.pixelColor(1000, 500), QColor(255, 0, 0));
    // And the region list still has it, at full-size coordinates.
    QVERIFY(html.contains(QStringLiteral("data-x=\"2001\" data-y=\"1001\" data-w=\"1\" data-h=\"1\"")));
}

void TestHtmlReport::identicalFilesNeedNoImages()
{
    // `cloudcraft-cli diff a.png a.png` answers from a hash without decoding: a result with no images at all.
    PixelDiffResult same;
    same.identical = true;
    same.sizeA = same.sizeB = same.canvasSize = QSize(1920, 1080);
    same.rectA = same.rectB = same.overlap = QRect(0, 0, 1920, 1080);
    DiffReportInput input;
    input.labelA = QStringLiteral("a.png");
    input.labelB = QStringLiteral("copy of a.png");
    input.pixels = &same;
    QTemporaryDir dir;
    const QString html = QString::fromUtf8(readAll(writeHtml(input, dir)));
    QVERIFY(html.contains(QStringLiteral("<span class=\"verdict same\" id=\"verdict\">Same</span>")));
    QVERIFY(html.contains(QStringLiteral("The images are identical.")));
    QVERIFY(html.contains(QStringLiteral("<p>No changed pixels.</p>")));
    QVERIFY(!html.contains(QStringLiteral("id=\"swipe\"")));
    QVERIFY(!html.contains(QStringLiteral("data:image/png")));
}

// "Open in Cloudcraft Desktop": a plain link with both sides encoded whole, files by their absolute path.
void TestHtmlReport::linksToTheDesktopCompare()
{
    const PixelCase pixels;
    DiffReportInput input = pixels.input(QStringLiteral("snapshot:aws:f0/us-east-1@previous"),
                                         QStringLiteral("out dir/a&b=c #1.png"));
    QTemporaryDir dir;
    const QString html = QString::fromUtf8(readAll(writeHtml(input, dir)));
    static const QRegularExpression link(
        QStringLiteral("<a id=\"open-in-desktop\" href=\"([^\"]+)\">Open in Cloudcraft Desktop</a>"));
    const QRegularExpressionMatch match = link.match(html);
    QVERIFY2(match.hasMatch(), "no link to the desktop app");
    const QUrl url(QString(match.captured(1)).replace(QStringLiteral("&amp;"), QStringLiteral("&")), QUrl::StrictMode);
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), QStringLiteral("cloudcraft-desktop"));
    QCOMPARE(url.host(), QStringLiteral("compare"));
    const QStringList items = url.query(QUrl::FullyEncoded).split(u'&');
    QCOMPARE(items.size(), 2);
    QCOMPARE(QUrl::fromPercentEncoding(items.at(0).mid(2).toUtf8()), QStringLiteral("snapshot:aws:f0/us-east-1@previous"));
    QCOMPARE(QUrl::fromPercentEncoding(items.at(1).mid(2).toUtf8()),
             QFileInfo(QStringLiteral("out dir/a&b=c #1.png")).absoluteFilePath());
    QCOMPARE(url, HtmlReport::desktopCompareUrl(input.labelA, input.labelB));
    // The policy that keeps the page offline is still there.
    QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
}

QTEST_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
