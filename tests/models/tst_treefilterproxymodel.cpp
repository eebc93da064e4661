#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"
#include "models/treefilterproxymodel.h"

#include "modeltestdata.h"

#include <QAbstractItemModelTester>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

QList<BlueprintSummary> catalogue()
{
    return {
        blueprint(QStringLiteral("id-web-1"), QStringLiteral("Web frontend"), { QStringLiteral("prod") }, at(5)),
        blueprint(QStringLiteral("id-db-1"), QStringLiteral("Database"), { QStringLiteral("prod") }, at(8)),
        blueprint(QStringLiteral("id-edge"), QStringLiteral("Edge cache"), { QStringLiteral("web") }, at(2)),
        blueprint(QStringLiteral("id-bp10"), QStringLiteral("bp 10"), { QStringLiteral("lab") }, at(1)),
        blueprint(QStringLiteral("id-bp2"), QStringLiteral("bp 2"), { QStringLiteral("lab") }, at(4)),
        blueprint(QStringLiteral("id-bp1"), QStringLiteral("bp 1"), { QStringLiteral("lab") }, at(3)),
        blueprint(QStringLiteral("id-BP3"), QStringLiteral("BP 3"), { QStringLiteral("lab") }, at(9)),
        blueprint(QStringLiteral("id-x"), QStringLiteral("Loose end"), {}, at(6)),
    };
}

struct Fixture
{
    BlueprintTreeModel source;
    TreeFilterProxyModel proxy;
    QAbstractItemModelTester sourceTester { &source, QAbstractItemModelTester::FailureReportingMode::QtTest };
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest };
    Fixture()
    {
        source.setBlueprints(catalogue());
        proxy.setSourceModel(&source);
    }
    QStringList names(const QModelIndex &parent = {}) const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(parent); ++row)
            result.append(proxy.index(row, 0, parent).data(NameRole).toString());
        return result;
    }
    QModelIndex group(const QString &name) const { return childNamed(proxy, name); }
};

/// The whole visible tree, one "depth name" line per row in proxy order.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(QString(depth * 2, u' ') + index.data(NameRole).toString());
        lines.append(dump(model, index, depth + 1));
    }
    return lines;
}

/// Many blueprints with overlapping names and tags, so narrowing and widening really change the tree.
QList<BlueprintSummary> manyBlueprints()
{
    const QStringList words = { QStringLiteral("web"), QStringLiteral("Website"), QStringLiteral("API"),
        QStringLiteral("webhooks"), QStringLiteral("db"), QStringLiteral("ÉTÉ") };
    const QStringList tags = { QStringLiteral("prod"), QStringLiteral("Web"), QStringLiteral("dev") };
    QList<BlueprintSummary> result;
    for (int i = 0; i < 120; ++i) {
        QStringList own;
        if (i % 3)
            own.append(tags.at(i % tags.size()));
        if (i % 7 == 0)
            own.append(tags.at((i + 1) % tags.size()));
        result.append(blueprint(QStringLiteral("id-%1").arg(i),
            words.at(i % words.size()) + u' ' + words.at((i / 6) % words.size()) + QStringLiteral(" %1").arg(i), own,
            at(1 + i % 27, i % 24)));
    }
    return result;
}

} // namespace

class TestTreeFilterProxyModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void naturalSortByName();
    void sortByLastUpdated();
    void filter_data();
    void filter();
    void emptyGroupsCanBeHidden();
    void regularExpressionFilter();
    void filterKeepsAccountTreeParents();
    void refreshWhileFiltered();
    void filterTextMatchesFixedString_data();
    void filterTextMatchesFixedString();
    void typingNarrowsAndWidensLikeAFullFilter();
    void filterTextReplacesAnExpression();
    void filterTextKeepsSelectionOfVisibleRows();
    void blueprintSnapshotsThroughTheProxy();
};

void TestTreeFilterProxyModel::naturalSortByName()
{
    Fixture f;
    // Groups by name, the fallback group last; numbers inside names compare as numbers, case ignored.
    QCOMPARE(f.names(),
        (QStringList {
            QStringLiteral("lab"), QStringLiteral("prod"), QStringLiteral("web"), QStringLiteral("Untagged") }));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))),
        (QStringList {
            QStringLiteral("bp 1"), QStringLiteral("bp 2"), QStringLiteral("BP 3"), QStringLiteral("bp 10") }));
    QCOMPARE(f.names(f.group(QStringLiteral("prod"))),
        (QStringList { QStringLiteral("Database"), QStringLiteral("Web frontend") }));
}

void TestTreeFilterProxyModel::sortByLastUpdated()
{
    Fixture f;
    f.proxy.setSortMode(TreeFilterProxyModel::SortMode::LastUpdated);
    // Groups stay in name order; blueprints newest first.
    QCOMPARE(f.names(),
        (QStringList {
            QStringLiteral("lab"), QStringLiteral("prod"), QStringLiteral("web"), QStringLiteral("Untagged") }));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))),
        (QStringList {
            QStringLiteral("BP 3"), QStringLiteral("bp 2"), QStringLiteral("bp 1"), QStringLiteral("bp 10") }));
    QCOMPARE(f.names(f.group(QStringLiteral("prod"))),
        (QStringList { QStringLiteral("Database"), QStringLiteral("Web frontend") }));
    f.proxy.setSortMode(TreeFilterProxyModel::SortMode::Name);
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))),
        (QStringList {
            QStringLiteral("bp 1"), QStringLiteral("bp 2"), QStringLiteral("BP 3"), QStringLiteral("bp 10") }));
}

void TestTreeFilterProxyModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lab");
    QTest::addColumn<QStringList>("prod");
    QTest::addColumn<QStringList>("web");
    QTest::addColumn<QStringList>("untagged");
    // Name match, case-insensitive; the parent group stays.
    QTest::newRow("name") << QStringLiteral("FRONT") << QStringList {} << QStringList { QStringLiteral("Web frontend") }
                          << QStringList {} << QStringList {};
    // A group whose name matches keeps all its rows; "web" also matches a name elsewhere.
    QTest::newRow("group name") << QStringLiteral("web") << QStringList {}
                                << QStringList { QStringLiteral("Web frontend") }
                                << QStringList { QStringLiteral("Edge cache") } << QStringList {};
    QTest::newRow("id") << QStringLiteral("id-db") << QStringList {} << QStringList { QStringLiteral("Database") }
                        << QStringList {} << QStringList {};
    QTest::newRow("numbers") << QStringLiteral("bp 1")
                             << QStringList { QStringLiteral("bp 1"), QStringLiteral("bp 10") } << QStringList {}
                             << QStringList {} << QStringList {};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList {} << QStringList {} << QStringList {}
                             << QStringList {};
    QTest::newRow("cleared") << QString()
                             << QStringList { QStringLiteral("bp 1"), QStringLiteral("bp 2"), QStringLiteral("BP 3"),
                                    QStringLiteral("bp 10") }
                             << QStringList { QStringLiteral("Database"), QStringLiteral("Web frontend") }
                             << QStringList { QStringLiteral("Edge cache") }
                             << QStringList { QStringLiteral("Loose end") };
    QTest::newRow("special characters are literal")
        << QStringLiteral("bp.1") << QStringList {} << QStringList {} << QStringList {} << QStringList {};
}

void TestTreeFilterProxyModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lab);
    QFETCH(QStringList, prod);
    QFETCH(QStringList, web);
    QFETCH(QStringList, untagged);
    Fixture f;
    f.proxy.setFilterFixedString(QStringLiteral("something else first"));
    f.proxy.setFilterFixedString(text);
    // Groups always stay (by default), matching or not.
    QCOMPARE(f.proxy.rowCount(), 4);
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))), lab);
    QCOMPARE(f.names(f.group(QStringLiteral("prod"))), prod);
    QCOMPARE(f.names(f.group(QStringLiteral("web"))), web);
    QCOMPARE(f.names(f.group(QStringLiteral("Untagged"))), untagged);
}

// Tags match too: a blueprint found by its tag keeps its group.
void TestTreeFilterProxyModel::emptyGroupsCanBeHidden()
{
    Fixture f;
    f.proxy.setHideEmptyGroups(true);
    f.proxy.setFilterFixedString(QStringLiteral("cache"));
    QCOMPARE(f.names(), QStringList { QStringLiteral("web") });
    f.source.setGrouping(BlueprintTreeModel::Grouping::Recent);
    f.proxy.setFilterFixedString(QStringLiteral("lab")); // tag of four blueprints, no name contains it
    QCOMPARE(f.proxy.rowCount(), 4);
    f.proxy.setFilterFixedString(QString());
    QCOMPARE(f.proxy.rowCount(), 8);
}

// Power users may set an expression; it is not mistaken for literal text (and literal text is not an expression).
void TestTreeFilterProxyModel::regularExpressionFilter()
{
    Fixture f;
    f.proxy.setFilterRegularExpression(QStringLiteral("^bp [12]$"));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))), (QStringList { QStringLiteral("bp 1"), QStringLiteral("bp 2") }));
    f.proxy.setFilterFixedString(QStringLiteral("^bp"));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))), QStringList {});
    f.proxy.setFilterRegularExpression(QStringLiteral("frontend|cache"));
    QCOMPARE(f.names(f.group(QStringLiteral("prod"))), QStringList { QStringLiteral("Web frontend") });
    QCOMPARE(f.names(f.group(QStringLiteral("web"))), QStringList { QStringLiteral("Edge cache") });
}

void TestTreeFilterProxyModel::filterKeepsAccountTreeParents()
{
    AccountTreeModel source;
    AwsAccount prod;
    prod.id = QStringLiteral("a1");
    prod.name = QStringLiteral("Production");
    AwsAccount dev;
    dev.id = QStringLiteral("a2");
    dev.name = QStringLiteral("Development");
    source.setAccounts({ prod, dev }, {});
    source.setRegions(QStringLiteral("a1"), { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1") });
    source.setRegions(QStringLiteral("a2"), { QStringLiteral("us-east-1") });
    TreeFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&source);
    proxy.setFilterFixedString(QStringLiteral("EU-WEST"));
    QCOMPARE(proxy.rowCount(), 2); // both providers stay
    const QModelIndex aws = childNamed(proxy, QStringLiteral("AWS"));
    QCOMPARE(childTexts(proxy, aws), QStringList { QStringLiteral("Production") });
    QCOMPARE(childTexts(proxy, proxy.index(0, 0, aws)), QStringList { QStringLiteral("eu-west-1") });
    // Regions added while filtered are filtered too.
    source.setRegions(QStringLiteral("a2"), { QStringLiteral("us-east-1"), QStringLiteral("eu-west-2") });
    QCOMPARE(childTexts(proxy, aws), (QStringList { QStringLiteral("Development"), QStringLiteral("Production") }));
}

// The source refreshing under an active filter and sort leaves a consistent proxy showing the new data.
void TestTreeFilterProxyModel::refreshWhileFiltered()
{
    Fixture f;
    f.proxy.setFilterFixedString(QStringLiteral("bp"));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))).size(), 4);
    QList<BlueprintSummary> changed = catalogue();
    changed.append(blueprint(QStringLiteral("id-bp20"), QStringLiteral("bp 20"), { QStringLiteral("prod") }, at(10)));
    changed.removeAt(3); // bp 10
    f.source.setBlueprints(changed);
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))),
        (QStringList { QStringLiteral("bp 1"), QStringLiteral("bp 2"), QStringLiteral("BP 3") }));
    QCOMPARE(f.names(f.group(QStringLiteral("prod"))), QStringList { QStringLiteral("bp 20") });
    f.source.setGrouping(BlueprintTreeModel::Grouping::ByTeam);
    QCOMPARE(f.proxy.rowCount(), 1);
    QCOMPARE(f.names(f.proxy.index(0, 0)).size(), 4);
    f.source.clear();
    QCOMPARE(f.proxy.rowCount(), 0);
}

void TestTreeFilterProxyModel::filterTextMatchesFixedString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hideEmptyGroups");
    for (const QString &text : { QStringLiteral("FRONT"), QStringLiteral("web"), QStringLiteral("id-db"),
             QStringLiteral("bp 1"), QStringLiteral("zzz"), QStringLiteral("bp.1"), QStringLiteral("lab"),
             QString() }) {
        QTest::addRow("%s", qPrintable(text)) << text << false;
        QTest::addRow("%s, empty groups hidden", qPrintable(text)) << text << true;
    }
}

// The typing path (setFilterText) shows exactly what Qt's fixed-string path shows, for every grouping.
void TestTreeFilterProxyModel::filterTextMatchesFixedString()
{
    QFETCH(QString, text);
    QFETCH(bool, hideEmptyGroups);
    Fixture f;
    TreeFilterProxyModel reference;
    reference.setSourceModel(&f.source);
    for (auto grouping : { BlueprintTreeModel::Grouping::ByTag, BlueprintTreeModel::Grouping::ByTeam,
             BlueprintTreeModel::Grouping::Recent }) {
        f.source.setGrouping(grouping);
        f.proxy.setHideEmptyGroups(hideEmptyGroups);
        reference.setHideEmptyGroups(hideEmptyGroups);
        f.proxy.setFilterText(QStringLiteral("something else first"));
        f.proxy.setFilterText(text);
        reference.setFilterFixedString(text);
        QCOMPARE(f.proxy.filterText(), text);
        QCOMPARE(dump(f.proxy), dump(reference));
    }
}

// Each keystroke narrows from the previous result (or widens after a backspace); what shows is always what a fresh
// proxy shows for the same text.
void TestTreeFilterProxyModel::typingNarrowsAndWidensLikeAFullFilter()
{
    BlueprintTreeModel source;
    source.setBlueprints(manyBlueprints());
    TreeFilterProxyModel typing;
    QAbstractItemModelTester tester(&typing, QAbstractItemModelTester::FailureReportingMode::QtTest);
    typing.setSourceModel(&source);
    const QStringList keystrokes = { QStringLiteral("w"), QStringLiteral("we"), QStringLiteral("web"),
        QStringLiteral("webs"), QStringLiteral("WEBSI"), QStringLiteral("webs"), QStringLiteral("web"),
        QStringLiteral("webh"), QStringLiteral("ebh"), QStringLiteral("é"), QStringLiteral("été"),
        QStringLiteral("été 1"), QStringLiteral("été"), QString(), QStringLiteral("1"), QStringLiteral("11"),
        QStringLiteral("prod"), QStringLiteral("prod\x01") };
    QSet<int> sizes;
    for (const QString &text : keystrokes) {
        typing.setFilterText(text);
        TreeFilterProxyModel fresh;
        fresh.setSourceModel(&source);
        fresh.setFilterText(text);
        const QStringList shown = dump(typing);
        QCOMPARE(shown, dump(fresh));
        sizes.insert(int(shown.size()));
        if (text == QStringLiteral("été")) // case-insensitive beyond ASCII
            QVERIFY(shown.contains(QStringLiteral("    ÉTÉ web 5")) || shown.contains(QStringLiteral("  ÉTÉ web 5")));
    }
    QVERIFY2(sizes.size() > 6, "the keystrokes should show trees of many different sizes");
}

void TestTreeFilterProxyModel::filterTextReplacesAnExpression()
{
    Fixture f;
    f.proxy.setFilterRegularExpression(QStringLiteral("^bp [12]$"));
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))), (QStringList { QStringLiteral("bp 1"), QStringLiteral("bp 2") }));
    f.proxy.setFilterText(QStringLiteral("BP 3"));
    QVERIFY(f.proxy.filterRegularExpression().pattern().isEmpty());
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))), QStringList { QStringLiteral("BP 3") });
    f.proxy.setFilterText(QString());
    QCOMPARE(f.names(f.group(QStringLiteral("lab"))).size(), 4);
}

// The filter re-maps the tree in one layout change: rows still visible keep their persistent indexes (a view's
// selection and expanded groups), rows filtered out lose theirs.
void TestTreeFilterProxyModel::filterTextKeepsSelectionOfVisibleRows()
{
    Fixture f;
    const QPersistentModelIndex lab = f.group(QStringLiteral("lab"));
    const QPersistentModelIndex bp2 = childNamed(f.proxy, QStringLiteral("bp 2"), lab);
    const QPersistentModelIndex frontend = childNamed(f.proxy, QStringLiteral("Web frontend"), f.group(QStringLiteral("prod")));
    QVERIFY(bp2.isValid() && frontend.isValid());
    f.proxy.setFilterText(QStringLiteral("bp"));
    QVERIFY(lab.isValid());
    QCOMPARE(bp2.data(NameRole).toString(), QStringLiteral("bp 2"));
    QCOMPARE(bp2.parent(), QModelIndex(lab));
    QVERIFY(!frontend.isValid());
}

// Snapshot rows below a blueprint (contract 5) show through the proxy newest first in both sort modes, and
// filtering for a snapshot's name keeps its blueprint and group.
void TestTreeFilterProxyModel::blueprintSnapshotsThroughTheProxy()
{
    Fixture f;
    f.source.setSnapshots(QStringLiteral("id-db-1"),
        { SnapshotEntry { QStringLiteral("s1"), at(2, 9), QStringLiteral("snap 2") },
            SnapshotEntry { QStringLiteral("s3"), at(20, 9), QStringLiteral("snap 10") },
            SnapshotEntry { QStringLiteral("s2"), at(11, 9), QStringLiteral("snap 1") } });
    const auto databaseRow = [&f] { return childNamed(f.proxy, QStringLiteral("Database"), f.group(QStringLiteral("prod"))); };
    QVERIFY(databaseRow().isValid());
    QVERIFY(f.proxy.hasChildren(databaseRow()));
    const QStringList newestFirst
        = { QStringLiteral("snap 10"), QStringLiteral("snap 1"), QStringLiteral("snap 2") };
    QCOMPARE(f.names(databaseRow()), newestFirst);
    f.proxy.setSortMode(TreeFilterProxyModel::SortMode::LastUpdated);
    QCOMPARE(f.names(databaseRow()), newestFirst);
    // A blueprint without snapshots has no children through the proxy either.
    QVERIFY(!f.proxy.hasChildren(childNamed(f.proxy, QStringLiteral("Web frontend"), f.group(QStringLiteral("prod")))));

    f.proxy.setFilterText(QStringLiteral("snap 10"));
    QCOMPARE(dump(f.proxy),
        (QStringList { QStringLiteral("lab"), QStringLiteral("prod"), QStringLiteral("  Database"),
            QStringLiteral("    snap 10"), QStringLiteral("web"), QStringLiteral("Untagged") }));
}

QTEST_GUILESS_MAIN(TestTreeFilterProxyModel)
#include "tst_treefilterproxymodel.moc"
