#include "models/blueprinttreemodel.h"

#include "modeltestdata.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

const QString teamA = QStringLiteral("5f209338-50a1-495f-90dd-73251dec7329");
const QString teamB = QStringLiteral("d7cd0211-85a7-45fc-9292-8d5c62cef70a");

QList<BlueprintSummary> synthetic()
{
    return {
        blueprint(QStringLiteral("b1"), QStringLiteral("Web frontend"),
            { QStringLiteral("prod"), QStringLiteral("web") }, at(5), { QStringLiteral("team/") + teamA },
            { QStringLiteral("team/") + teamA }),
        blueprint(QStringLiteral("b2"), QStringLiteral("Database"), { QStringLiteral("prod") }, at(3),
            { QStringLiteral("customer/c1") }, { QStringLiteral("team/") + teamB }),
        blueprint(QStringLiteral("b3"), QStringLiteral("Scratch"), {}, at(9)),
        blueprint(QStringLiteral("b4"), QStringLiteral("Edge"), { QStringLiteral("web"), QStringLiteral("web") }, at(1),
            { QStringLiteral("team/") + teamA, QStringLiteral("team/unknown-team") }),
        blueprint(QStringLiteral("b5"), QStringLiteral("Batch jobs"), { QStringLiteral("staging") }, at(7)),
    };
}

QList<Team> teams()
{
    return { team(teamA, QStringLiteral("Platform")), team(teamB, QStringLiteral("Data")) };
}

} // namespace

class TestBlueprintTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realSampleList_data();
    void realSampleList();
    void grouping_data();
    void grouping();
    void blueprintUnderEveryTag();
    void rolesOfRows();
    void recentIsNewestFirstAndLimited();
    void refreshKeepsModelConsistent();
    void emptyList();
    void snapshotsUnderEveryCopyOfABlueprint();
    void snapshotsSurviveReloadAndRegrouping();
    void snapshotsChangeOnlyTheirRows();
};

void TestBlueprintTreeModel::realSampleList_data()
{
    QTest::addColumn<BlueprintTreeModel::Grouping>("grouping");
    QTest::addColumn<QStringList>("topLevel");
    QTest::newRow("by tag") << BlueprintTreeModel::Grouping::ByTag << QStringList { QStringLiteral("Untagged (1)") };
    QTest::newRow("by team") << BlueprintTreeModel::Grouping::ByTeam << QStringList { QStringLiteral("No team (1)") };
    QTest::newRow("recent") << BlueprintTreeModel::Grouping::Recent
                            << QStringList { QStringLiteral("Web App Reference Architecture") };
}

// GET /blueprint as recorded from the live API, through the project's parsing layer.
void TestBlueprintTreeModel::realSampleList()
{
    QFETCH(BlueprintTreeModel::Grouping, grouping);
    QFETCH(QStringList, topLevel);
    const auto json = ApiParse::decodeJson(readSample(QStringLiteral("api-blueprint-list-datadog-go.json")));
    QVERIFY(json.ok());
    const auto list = ApiParse::blueprintList(json.value);
    QVERIFY(list.ok());
    const auto teamJson = ApiParse::decodeJson(readSample(QStringLiteral("api-team-list-datadog-go.json")));
    const auto teamList = ApiParse::teams(teamJson.value);
    QVERIFY(teamList.ok());

    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGrouping(grouping);
    model.setBlueprints(list.value, teamList.value);
    QCOMPARE(model.blueprintCount(), 1);
    QCOMPARE(childTexts(model), topLevel);
    const QModelIndexList rows = model.indexesForId(QStringLiteral("60ec30c9-741f-4acb-b5f5-794934987802"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data().toString(), QStringLiteral("Web App Reference Architecture"));
    QCOMPARE(rows.first().data(UpdatedAtRole).toDateTime(),
        QDateTime::fromString(QStringLiteral("2023-04-01T21:02:10.781Z"), Qt::ISODateWithMs));
    QCOMPARE(model.blueprint(rows.first())->name, QStringLiteral("Web App Reference Architecture"));
}

void TestBlueprintTreeModel::grouping_data()
{
    QTest::addColumn<BlueprintTreeModel::Grouping>("grouping");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QList<int>>("counts");
    QTest::newRow("by tag") << BlueprintTreeModel::Grouping::ByTag
                            << QStringList { QStringLiteral("Untagged (1)"), QStringLiteral("prod (2)"),
                                   QStringLiteral("staging (1)"), QStringLiteral("web (2)") }
                            << QList<int> { 1, 2, 1, 2 };
    QTest::newRow("by team") << BlueprintTreeModel::Grouping::ByTeam
                             << QStringList { QStringLiteral("No team (2)"), QStringLiteral("Platform (2)"),
                                    QStringLiteral("Data (1)"), QStringLiteral("unknown-team (1)") }
                             << QList<int> { 2, 2, 1, 1 };
}

void TestBlueprintTreeModel::grouping()
{
    QFETCH(BlueprintTreeModel::Grouping, grouping);
    QFETCH(QStringList, groups);
    QFETCH(QList<int>, counts);
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    model.setGrouping(grouping);
    // The model's own order is by group key (the fallback group's key is empty); the proxy sorts for display.
    QCOMPARE(childTexts(model), groups);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex group = model.index(row, 0);
        QCOMPARE(TreeNodeKind(group.data(KindRole).toInt()), TreeNodeKind::Group);
        QCOMPARE(group.data(CountRole).toInt(), counts.at(row));
        QCOMPARE(model.rowCount(group), counts.at(row));
        QCOMPARE(group.data(SortRankRole).toInt(), row == 0 ? 1 : 0);
    }
}

void TestBlueprintTreeModel::blueprintUnderEveryTag()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    const QModelIndexList rows = model.indexesForId(QStringLiteral("b1"));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).parent(), model.groupIndex(QStringLiteral("prod")));
    QCOMPARE(rows.at(1).parent(), model.groupIndex(QStringLiteral("web")));
    // A tag listed twice still shows the blueprint once under it.
    QCOMPARE(model.indexesForId(QStringLiteral("b4")).size(), 1);
    QCOMPARE(childTexts(model, model.groupIndex(QString())), QStringList { QStringLiteral("Scratch") });
    QCOMPARE(childTexts(model, model.groupIndex(QStringLiteral("prod"))),
        (QStringList { QStringLiteral("Web frontend"), QStringLiteral("Database") }));
}

void TestBlueprintTreeModel::rolesOfRows()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    const QModelIndex web = model.indexesForId(QStringLiteral("b1")).first();
    QCOMPARE(web.data(IdRole).toString(), QStringLiteral("b1"));
    QCOMPARE(TreeNodeKind(web.data(KindRole).toInt()), TreeNodeKind::Blueprint);
    QCOMPARE(web.data(TagsRole).toStringList(), (QStringList { QStringLiteral("prod"), QStringLiteral("web") }));
    QCOMPARE(web.data(TeamRole).toStringList(), QStringList { QStringLiteral("Platform") });
    QCOMPARE(web.data(UpdatedAtRole).toDateTime(), at(5));
    QCOMPARE(web.data(SortKeyRole).toString(), QStringLiteral("Web frontend"));
    QVERIFY(model.flags(web) & Qt::ItemNeverHasChildren);
    const QModelIndex database = model.indexesForId(QStringLiteral("b2")).first();
    QCOMPARE(database.data(TeamRole).toStringList(), QStringList { QStringLiteral("Data") });
    const QModelIndex group = model.groupIndex(QStringLiteral("web"));
    QCOMPARE(group.data(NameRole).toString(), QStringLiteral("web"));
    QCOMPARE(group.data(IdRole).toString(), QStringLiteral("web"));
    QVERIFY(!group.data(UpdatedAtRole).isValid());
    QVERIFY(model.blueprint(group) == nullptr);
}

void TestBlueprintTreeModel::recentIsNewestFirstAndLimited()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    model.setGrouping(BlueprintTreeModel::Grouping::Recent);
    QCOMPARE(childTexts(model),
        (QStringList { QStringLiteral("Scratch"), QStringLiteral("Batch jobs"), QStringLiteral("Web frontend"),
            QStringLiteral("Database"), QStringLiteral("Edge") }));
    model.setRecentLimit(3);
    QCOMPARE(childTexts(model),
        (QStringList { QStringLiteral("Scratch"), QStringLiteral("Batch jobs"), QStringLiteral("Web frontend") }));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

// A refresh with different data (renamed, removed, added, retagged) leaves a consistent tree, via a reset.
void TestBlueprintTreeModel::refreshKeepsModelConsistent()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setBlueprints(synthetic(), teams());
    QList<BlueprintSummary> changed = synthetic();
    changed.removeAt(1); // Database gone
    changed[0].name = QStringLiteral("Web frontend v2"); // renamed
    changed[1].tags = { QStringLiteral("lab") }; // Scratch tagged
    changed.append(blueprint(QStringLiteral("b6"), QStringLiteral("New"), { QStringLiteral("prod") }, at(10)));
    model.setBlueprints(changed, teams());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(childTexts(model),
        (QStringList { QStringLiteral("lab (1)"), QStringLiteral("prod (2)"), QStringLiteral("staging (1)"),
            QStringLiteral("web (2)") }));
    QCOMPARE(childTexts(model, model.groupIndex(QStringLiteral("prod"))),
        (QStringList { QStringLiteral("Web frontend v2"), QStringLiteral("New") }));
    QVERIFY(model.indexesForId(QStringLiteral("b2")).isEmpty());
    for (auto grouping : { BlueprintTreeModel::Grouping::ByTeam, BlueprintTreeModel::Grouping::Recent,
             BlueprintTreeModel::Grouping::ByTag }) {
        model.setGrouping(grouping);
        model.setBlueprints(synthetic(), teams());
        model.setBlueprints(changed, teams());
    }
}

void TestBlueprintTreeModel::emptyList()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.blueprintCount(), 0);
    QVERIFY(!model.groupIndex(QString()).isValid());
}

namespace {

QList<SnapshotEntry> threeSnapshots()
{
    // Given out of order, with one named: the model shows newest first and the name instead of the time.
    return {
        SnapshotEntry { QStringLiteral("s-old"), at(2, 9), {} },
        SnapshotEntry { QStringLiteral("s-new"), at(4, 18), QStringLiteral("before migration") },
        SnapshotEntry { QStringLiteral("s-mid"), at(3, 12), {} },
    };
}

QStringList snapshotIds(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids.append(model.index(row, 0, parent).data(IdRole).toString());
    return ids;
}

} // namespace

// Contract 5: b1 is tagged prod and web, so both of its rows get the snapshot rows.
void TestBlueprintTreeModel::snapshotsUnderEveryCopyOfABlueprint()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    const QModelIndexList before = model.indexesForId(QStringLiteral("b1"));
    QCOMPARE(before.size(), 2);
    for (const QModelIndex &row : before) {
        QVERIFY(model.flags(row) & Qt::ItemNeverHasChildren);
        QCOMPARE(model.rowCount(row), 0);
    }

    model.setSnapshots(QStringLiteral("b1"), threeSnapshots());
    const QModelIndexList rows = model.indexesForId(QStringLiteral("b1"));
    QCOMPARE(rows.size(), 2);
    for (const QModelIndex &row : rows) {
        QVERIFY(!(model.flags(row) & Qt::ItemNeverHasChildren));
        QVERIFY(model.hasChildren(row));
        QCOMPARE(row.data(CountRole).toInt(), 3);
        QCOMPARE(snapshotIds(model, row),
            (QStringList { QStringLiteral("s-new"), QStringLiteral("s-mid"), QStringLiteral("s-old") }));
        const QModelIndex newest = model.index(0, 0, row);
        QCOMPARE(TreeNodeKind(newest.data(KindRole).toInt()), TreeNodeKind::Snapshot);
        QCOMPARE(newest.data().toString(), QStringLiteral("before migration"));
        QCOMPARE(newest.data(UpdatedAtRole).toDateTime(), at(4, 18));
        QCOMPARE(newest.parent(), row);
        QVERIFY(model.flags(newest) & Qt::ItemNeverHasChildren);
        QVERIFY(model.blueprint(newest) == nullptr);
        const QModelIndex oldest = model.index(2, 0, row);
        QCOMPARE(oldest.data().toString(), QLocale().toString(at(2, 9).toLocalTime(), QLocale::ShortFormat));
    }
    QCOMPARE(model.snapshotIndexes(QStringLiteral("b1"), QStringLiteral("s-mid")).size(), 2);
    // Other blueprints are untouched and keep the flag the filter proxy relies on.
    for (const QModelIndex &row : model.indexesForId(QStringLiteral("b2")))
        QVERIFY(model.flags(row) & Qt::ItemNeverHasChildren);
    // Group counts still count blueprints, not snapshots.
    QCOMPARE(model.groupIndex(QStringLiteral("prod")).data(CountRole).toInt(), 2);
}

void TestBlueprintTreeModel::snapshotsSurviveReloadAndRegrouping()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    model.setSnapshots(QStringLiteral("b3"), threeSnapshots());
    model.setBlueprints(synthetic(), teams()); // a refresh of the list
    QCOMPARE(model.rowCount(model.indexesForId(QStringLiteral("b3")).value(0)), 3);
    model.setGrouping(BlueprintTreeModel::Grouping::Recent);
    const QModelIndexList recent = model.indexesForId(QStringLiteral("b3"));
    QCOMPARE(recent.size(), 1);
    QCOMPARE(model.rowCount(recent.first()), 3);
    model.setGrouping(BlueprintTreeModel::Grouping::ByTeam);
    QCOMPARE(model.rowCount(model.indexesForId(QStringLiteral("b3")).value(0)), 3);
    // A blueprint not (yet) listed keeps its snapshots for when it appears.
    model.setSnapshots(QStringLiteral("b-later"), threeSnapshots());
    QVERIFY(model.indexesForId(QStringLiteral("b-later")).isEmpty());
    QList<BlueprintSummary> more = synthetic();
    more.append(blueprint(QStringLiteral("b-later"), QStringLiteral("Later"), {}, at(10)));
    model.setBlueprints(more, teams());
    QCOMPARE(model.rowCount(model.indexesForId(QStringLiteral("b-later")).value(0)), 3);
}

void TestBlueprintTreeModel::snapshotsChangeOnlyTheirRows()
{
    BlueprintTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBlueprints(synthetic(), teams());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setSnapshots(QStringLiteral("b1"), threeSnapshots());
    QCOMPARE(inserted.size(), 2); // one per copy of b1
    QCOMPARE(resets.size(), 0);

    model.setSnapshots(QStringLiteral("b1"), threeSnapshots().mid(0, 1));
    QCOMPARE(removed.size(), 2);
    QCOMPARE(inserted.size(), 4);
    for (const QModelIndex &row : model.indexesForId(QStringLiteral("b1")))
        QCOMPARE(snapshotIds(model, row), QStringList { QStringLiteral("s-old") });

    model.setSnapshots(QStringLiteral("b1"), {});
    QCOMPARE(removed.size(), 4);
    QCOMPARE(resets.size(), 0);
    for (const QModelIndex &row : model.indexesForId(QStringLiteral("b1"))) {
        QCOMPARE(model.rowCount(row), 0);
        QVERIFY(model.flags(row) & Qt::ItemNeverHasChildren);
    }
}

QTEST_GUILESS_MAIN(TestBlueprintTreeModel)
#include "tst_blueprinttreemodel.moc"
