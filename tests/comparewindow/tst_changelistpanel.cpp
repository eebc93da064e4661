// ChangeListPanel: the regions a reader walks through, largest first, with the totals above them.

#include "changelistpanel.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Cloudcraft;
using Cloudcraft::Core::ChangeRegion;
using Cloudcraft::Ui::ChangeCounts;
using Cloudcraft::Ui::ChangeListPanel;

class TstChangeListPanel final : public QObject
{
    Q_OBJECT

private:
    static QList<ChangeRegion> threeRegions()
    {
        // Reading order, as the diff engine finds them; the sizes are not in order.
        return {ChangeRegion{QRect(10, 10, 20, 20), 120}, ChangeRegion{QRect(300, 40, 80, 60), 4321},
                ChangeRegion{QRect(50, 500, 30, 30), 900}};
    }

private Q_SLOTS:
    void listsRegionsLargestFirstWithPixelCounts()
    {
        ChangeListPanel panel;
        panel.setRegions(threeRegions());
        auto *list = panel.findChild<QListWidget *>(QStringLiteral("changeList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 3);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("4,321 px")), qPrintable(list->item(0)->text()));
        QVERIFY(list->item(1)->text().contains(QStringLiteral("900 px")));
        QVERIFY(list->item(2)->text().contains(QStringLiteral("120 px")));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("80×60 at 300, 40")));
        QCOMPARE(panel.regions().at(0).box, QRect(300, 40, 80, 60));
        QVERIFY(!list->accessibleName().isEmpty());
    }

    void countsLabelShowsTotals()
    {
        ChangeListPanel panel;
        ChangeCounts counts;
        counts.differentPixels = 5341;
        counts.comparedPixels = 1000000;
        counts.regions = 3;
        panel.setCounts(counts);
        auto *label = panel.findChild<QLabel *>(QStringLiteral("compareCounts"));
        QVERIFY(label);
        QVERIFY(!label->accessibleName().isEmpty());
        QCOMPARE(label->text(), QStringLiteral("5,341 px different (0.53 % of 1,000,000 compared) in 3 region(s)."));

        Core::InventoryCounts structure;
        structure.added = 2;
        structure.removed = 1;
        structure.changed = 4;
        counts.structure = structure;
        panel.setCounts(counts);
        QVERIFY2(label->text().endsWith(QStringLiteral("Resources: 2 added, 1 removed, 4 changed, 0 moved.")),
                 qPrintable(label->text()));

        // While the next result is computed the old counts stay, marked as changing.
        panel.setComputing(true);
        QVERIFY(label->text().startsWith(QStringLiteral("Comparing… 5,341 px")));
        panel.setComputing(false);
        QVERIFY(label->text().startsWith(QStringLiteral("5,341 px")));

        ChangeCounts same;
        same.identical = true;
        same.comparedPixels = 100;
        panel.setCounts(same);
        QCOMPARE(label->text(), QStringLiteral("Identical: not one pixel differs."));

        ChangeCounts failed;
        failed.error = QStringLiteral("snapshot:9 does not exist.");
        panel.setCounts(failed);
        QCOMPARE(label->text(), failed.error);
    }

    void nextAndPreviousWalkAndWrap()
    {
        ChangeListPanel panel;
        panel.setRegions(threeRegions());
        QSignalSpy activated(&panel, &ChangeListPanel::regionActivated);
        panel.selectNext();
        panel.selectNext();
        panel.selectNext();
        panel.selectNext(); // wraps to the first
        QCOMPARE(activated.size(), 4);
        QCOMPARE(activated.at(0).at(0).toInt(), 0);
        QCOMPARE(activated.at(1).at(0).toInt(), 1);
        QCOMPARE(activated.at(2).at(0).toInt(), 2);
        QCOMPARE(activated.at(3).at(0).toInt(), 0);
        panel.selectPrevious(); // wraps to the last
        QCOMPARE(activated.last().at(0).toInt(), 2);
        QCOMPARE(panel.currentIndex(), 2);

        // New regions (another threshold) clear the selection; P then starts from the end.
        panel.setRegions(threeRegions().mid(0, 2));
        QCOMPARE(panel.currentIndex(), -1);
        panel.selectPrevious();
        QCOMPARE(activated.last().at(0).toInt(), 1);

        // Nothing to walk: no signal.
        panel.setRegions({});
        const qsizetype before = activated.size();
        panel.selectNext();
        QCOMPARE(activated.size(), before);
    }

    void clickAndHoverReportTheRow()
    {
        ChangeListPanel panel;
        panel.resize(360, 300);
        panel.setRegions(threeRegions());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *list = panel.findChild<QListWidget *>(QStringLiteral("changeList"));
        QSignalSpy activated(&panel, &ChangeListPanel::regionActivated);
        QSignalSpy hovered(&panel, &ChangeListPanel::regionHovered);

        const QPoint second = list->visualItemRect(list->item(1)).center();
        QTest::mouseMove(list->viewport(), second);
        QTRY_VERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().at(0).toInt(), 1);

        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(2)).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toInt(), 2);
    }
};

QTEST_MAIN(TstChangeListPanel)
#include "tst_changelistpanel.moc"
