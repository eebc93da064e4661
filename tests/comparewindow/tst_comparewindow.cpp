// CompareWindow against the emulator's scenario, as a user would use it: two snapshots of a live AWS region taken
// by the real CLI with a deployment in between, opened in the window by reference. The counts it shows are the
// CLI's, each mode answers its key, N/P walk the changes, the change is where the scenario put the new instance,
// and the threshold slider moves the counts as --threshold does.

#include "changelistpanel.h"
#include "comparewindow.h"
#include "structuralpanel.h"
#include "compare/compareview.h"

#include "cli/clirunner.h"

#include "compare/ignoreregionstore.h"
#include "diff/diffsource.h"
#include "history/snapshotdiffsource.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft;
using namespace Cloudcraft::Test;
using Cloudcraft::Ui::CompareMode;
using Cloudcraft::Ui::CompareWindow;

namespace {
const QString kEast = QStringLiteral("aws:f0000000-0000-4000-8000-000000000001/us-east-1");
// The instance the scenario's second step adds to us-east-1 (tests/emulator/testdata/test-workspace.json).
const QString kAddedInstance = QStringLiteral("a0000000-0000-4000-8000-000000000005");

struct CliCounts
{
    qint64 mismatch = -1;
    qint64 compared = -1;
    QList<QRect> regions;
};
} // namespace

class TstCompareWindow final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_data;
    QTemporaryDir m_config;
    QString m_before;
    QString m_after;
    std::unique_ptr<Core::DiffSourceRegistry> m_registry;
    std::unique_ptr<Core::IgnoreRegionStore> m_ignore;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CompareWindow> m_window;

    QString historyRoot() const { return m_data.filePath(QStringLiteral("cloudcraft-desktop/history")); }

    QString take()
    {
        const CliRun run = m_cli->run({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("take"), kEast});
        if (run.exitCode != 0)
            qWarning("snapshot take failed (%d): %s", run.exitCode, qPrintable(run.text()));
        const int id = run.json().object().value(QLatin1String("id")).toInt();
        return id > 0 ? QStringLiteral("snapshot:%1").arg(id) : QString();
    }

    /// `cloudcraft-cli diff A B --json [extra]`: the counts the window must show.
    CliCounts cliDiff(const QStringList &extra = {})
    {
        const CliRun run = m_cli->run(QStringList{QStringLiteral("--json"), QStringLiteral("diff"), m_before, m_after} + extra);
        CliCounts counts;
        if (run.exitCode != 0 && run.exitCode != 1) {
            qWarning("diff failed (%d): %s", run.exitCode, qPrintable(run.text()));
            return counts;
        }
        const QJsonObject pixels = run.json().object().value(QLatin1String("pixels")).toObject();
        counts.mismatch = pixels.value(QLatin1String("mismatch")).toInteger(-1);
        counts.compared = pixels.value(QLatin1String("compared")).toInteger(-1);
        for (const QJsonValue &value : pixels.value(QLatin1String("regions")).toArray()) {
            const QJsonObject r = value.toObject();
            counts.regions << QRect(r.value(QLatin1String("x")).toInt(), r.value(QLatin1String("y")).toInt(),
                                    r.value(QLatin1String("width")).toInt(), r.value(QLatin1String("height")).toInt());
        }
        return counts;
    }

    QLabel *countsLabel() const { return m_window->findChild<QLabel *>(QStringLiteral("compareCounts")); }

    /// The counts label as the CLI's numbers would print in it.
    static QString expectedCounts(const CliCounts &cli)
    {
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::DefaultNumberOptions); // "1,234"
        return QStringLiteral("%1 px different").arg(c.toString(cli.mismatch))
               + QStringLiteral(" (%1 % of %2 compared) in %3 region(s).")
                     .arg(c.toString(100.0 * double(cli.mismatch) / double(cli.compared), 'f', 2), c.toString(cli.compared))
                     .arg(cli.regions.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        m_cli->setEnv(QStringLiteral("XDG_DATA_HOME"), m_data.path());

        // Before and after a deployment: the scenario adds an instance between the two snapshots.
        m_before = take();
        QVERIFY(!m_before.isEmpty());
        QVERIFY(m_emulator.advanceScenario());
        m_after = take();
        QVERIFY(!m_after.isEmpty());

        m_registry = std::make_unique<Core::DiffSourceRegistry>();
        m_registry->add(std::make_unique<Core::SnapshotDiffSourceResolver>(historyRoot()));
        m_ignore = std::make_unique<Core::IgnoreRegionStore>(historyRoot() + QStringLiteral("/history.sqlite"));
        m_settings = std::make_unique<QSettings>(m_config.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_window = std::make_unique<CompareWindow>(
            Ui::CompareWindowServices{m_registry.get(), m_ignore.get(), *m_settings, historyRoot()});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy shown(m_window.get(), &CompareWindow::firstResultShown);
        QSignalSpy failed(m_window.get(), &CompareWindow::loadFailed);
        m_window->openReferences(m_before, m_after);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    }

    void countsEqualTheCli()
    {
        const CliCounts cli = cliDiff();
        QVERIFY(cli.mismatch > 0);
        QVERIFY(!cli.regions.isEmpty());
        QLabel *label = countsLabel();
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(expectedCounts(cli)),
                 qPrintable(label->text() + QStringLiteral(" | expected ") + expectedCounts(cli)));
        QCOMPARE(m_window->session()->result().differentPixels, cli.mismatch);
        QCOMPARE(m_window->session()->result().regions.size(), cli.regions.size());
        // Live snapshots carry their inventory: the added instance is counted and listed.
        QVERIFY2(label->text().contains(QStringLiteral("Resources: 1 added")), qPrintable(label->text()));
    }

    void theChangeIsWhereTheScenarioAddedTheInstance()
    {
        const Core::CompareResult &result = m_window->session()->result();
        QVERIFY(!result.regions.isEmpty());
        const QRect instance = m_window->session()->after().bounds.value(kAddedInstance);
        QVERIFY2(!instance.isEmpty(), "the after picture does not say where the new instance is drawn "
                                      "(the emulator's cloudcraft:bounds chunk, contract 1)");
        QVERIFY2(m_window->session()->before().bounds.value(kAddedInstance).isEmpty(), "the instance was there before");
        // The largest change is the new instance: it overlaps its rectangle, and the instance lies in the changes.
        const QRect largest = result.regions.first().rect;
        QVERIFY2(largest.intersects(instance),
                 qPrintable(QStringLiteral("largest change %1,%2 %3×%4, instance at %5,%6 %7×%8")
                                .arg(largest.x()).arg(largest.y()).arg(largest.width()).arg(largest.height())
                                .arg(instance.x()).arg(instance.y()).arg(instance.width()).arg(instance.height())));
    }

    void eachModeAnswersItsKey()
    {
        Ui::CompareView *view = m_window->view();
        view->setFocus();
        const QList<std::pair<Qt::Key, CompareMode>> keys{{Qt::Key_2, CompareMode::Swipe},
                                                          {Qt::Key_3, CompareMode::Onion},
                                                          {Qt::Key_4, CompareMode::Blink},
                                                          {Qt::Key_5, CompareMode::Difference},
                                                          {Qt::Key_1, CompareMode::SideBySide}};
        QImage previous = view->grabCurrent();
        for (const auto &[key, mode] : keys) {
            QTest::keyClick(view, key);
            QCOMPARE(view->mode(), mode);
            // What is on screen changed with the mode.
            const QImage now = view->grabCurrent();
            QVERIFY(!now.isNull());
            QVERIFY2(now != previous, qPrintable(QStringLiteral("mode %1 looks like the previous one").arg(int(mode))));
            previous = now;
        }
    }

    void nextAndPreviousZoomToEachRegion()
    {
        Ui::CompareView *view = m_window->view();
        Ui::ChangeListPanel *list = m_window->changeList();
        const QList<Core::ChangeRegion> regions = list->regions();
        QVERIFY(!regions.isEmpty());
        view->fitToWindow();
        const double fit = view->zoom();
        QSignalSpy moved(view, &Ui::CompareView::viewportChanged);
        for (int i = 0; i < regions.size(); ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_N);
            QCOMPARE(list->currentIndex(), i);
            QVERIFY(!moved.isEmpty());
            moved.clear();
            // A region smaller than the picture is shown larger than the fitted picture.
            QVERIFY2(view->zoom() > fit, qPrintable(QStringLiteral("zoom %1, fit %2").arg(view->zoom()).arg(fit)));
        }
        QTest::keyClick(m_window.get(), Qt::Key_N); // wraps to the first
        QCOMPARE(list->currentIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_P); // and back to the last
        QCOMPARE(list->currentIndex(), int(regions.size()) - 1);
    }

    void thresholdSliderMovesTheCountsLikeTheCli()
    {
        auto *slider = m_window->findChild<QSlider *>(QStringLiteral("thresholdSlider"));
        QVERIFY(slider);
        QCOMPARE(slider->value(), 10);
        const qint64 atDefault = m_window->session()->result().differentPixels;
        // Nothing is compared until the slider rests (150 ms), then once.
        QSignalSpy results(m_window->session(), &Core::CompareSession::resultReady);
        slider->setValue(0);
        slider->setValue(40);
        slider->setValue(60);
        QTest::qWait(50);
        QCOMPARE(results.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
        QTest::qWait(300);
        QCOMPARE(results.size(), 1);
        QTRY_VERIFY(!m_window->session()->isComputing());

        const CliCounts cli = cliDiff({QStringLiteral("--threshold"), QStringLiteral("0.6")});
        QCOMPARE(m_window->session()->result().differentPixels, cli.mismatch);
        QVERIFY2(countsLabel()->text().startsWith(expectedCounts(cli)), qPrintable(countsLabel()->text()));
        QVERIFY2(cli.mismatch < atDefault, "a higher threshold should count fewer pixels on anti-aliased renders");
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("thresholdValue"))->text(), QStringLiteral("0.60"));

        slider->setValue(10);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->result().differentPixels, atDefault, 20000);
    }

    void presentationIsFullScreenAndEscLeaves()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_window->isPresenting());
        QTRY_VERIFY(m_window->isFullScreen());
        QVERIFY(m_window->view()->isPresentation());
        QVERIFY(!m_window->changeList()->isVisible());
        // Right walks the change list, Space shows the before picture.
        const int before = m_window->changeList()->currentIndex();
        QTest::keyClick(m_window->view(), Qt::Key_Right);
        QVERIFY(m_window->changeList()->currentIndex() != before || m_window->changeList()->regions().size() == 1);
        QTest::keyClick(m_window->view(), Qt::Key_Space);
        QVERIFY(m_window->view()->isShowingBefore());
        QTest::keyClick(m_window->view(), Qt::Key_Escape);
        QVERIFY(!m_window->isPresenting());
        QTRY_VERIFY(!m_window->isFullScreen());
        QVERIFY(m_window->changeList()->isVisible());
        QVERIFY(!m_window->view()->isShowingBefore());
    }

    void ignoreRegionsAreSavedForTheSource()
    {
        const Core::CompareResult &result = m_window->session()->result();
        const QRect largest = result.regions.first().rect;
        const qint64 beforeCount = result.differentPixels;
        QSignalSpy results(m_window->session(), &Core::CompareSession::resultReady);
        // As if drawn with the mouse over the largest change.
        Q_EMIT m_window->view()->ignoreRegionDrawn(largest.adjusted(-4, -4, 4, 4));
        QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), 20000);
        QVERIFY(m_window->session()->result().differentPixels < beforeCount);
        const auto saved = m_ignore->regions(m_window->ignoreKey());
        QVERIFY(saved.ok());
        QCOMPARE(saved.value.size(), 1);
        QCOMPARE(saved.value.first(), largest.adjusted(-4, -4, 4, 4));
        Q_EMIT m_window->view()->ignoreRegionRemoved(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->result().differentPixels, beforeCount, 20000);
        QVERIFY(m_ignore->regions(m_window->ignoreKey()).value.isEmpty());
    }

    void fitsALaptopScreen()
    {
        // Last: it opens a second window, which takes the focus the keyboard tests above rely on.
        // File paths and snapshot titles can be long: the window must still fit a 1366-pixel-wide screen.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("production-us-east-1-before-and-after-the-blue-green-deployment"
                                                           "-of-the-checkout-service"));
        QVERIFY(QDir().mkpath(folder));
        QImage picture(400, 300, QImage::Format_RGB32);
        picture.fill(Qt::white);
        const QString before = folder + QStringLiteral("/2026-11-26T09-30-00Z-us-east-1-before-the-deployment.png");
        QVERIFY(picture.save(before));
        picture.setPixel(10, 10, qRgb(200, 0, 0));
        const QString after = folder + QStringLiteral("/2026-11-26T10-45-00Z-us-east-1-after-the-deployment.png");
        QVERIFY(picture.save(after));

        CompareWindow window(Ui::CompareWindowServices{m_registry.get(), m_ignore.get(), *m_settings, historyRoot()});
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &CompareWindow::firstResultShown);
        window.openReferences(before, after);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
        const int minimum = window.minimumSizeHint().width();
        QVERIFY2(minimum <= 1366, qPrintable(QString::number(minimum)));
        QCOMPARE(window.width(), 1366);
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("compareView"))->width() > 500); // the pictures get room
        // The names are still all there for whoever hovers them.
        const QLabel *beforeLabel = window.findChild<QLabel *>(QStringLiteral("beforeLabel"));
        QVERIFY(beforeLabel && beforeLabel->text().contains(QStringLiteral("before-the-deployment")));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_MAIN(TstCompareWindow)
#include "tst_comparewindow.moc"
