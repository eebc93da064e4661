#include "models/accounttreemodel.h"

#include "modeltestdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

AwsAccount aws(const QString &id, const QString &name)
{
    AwsAccount account;
    account.id = id;
    account.name = name;
    return account;
}

AzureAccount azure(const QString &id, const QString &name)
{
    AzureAccount account;
    account.id = id;
    account.name = name;
    return account;
}

SnapshotEntry snapshot(const QString &id, const QDateTime &takenAt, const QString &label = {})
{
    return SnapshotEntry { id, takenAt, label };
}

} // namespace

class TestAccountTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realSampleAccounts();
    void providersAlwaysPresent_data();
    void providersAlwaysPresent();
    void regionsAndSnapshots();
    void regionChangesAreLocal();
    void regionsSurviveAccountRefresh();
    void regionsForUnknownAccountWaitForIt();
};

// GET /aws/account and GET /azure/account as recorded from the live API, through the project's parsing layer.
void TestAccountTreeModel::realSampleAccounts()
{
    const auto awsList = ApiParse::awsAccounts(
        ApiParse::decodeJson(readSample(QStringLiteral("api-aws-account-list-datadog-go.json"))).value);
    const auto azureList = ApiParse::azureAccounts(
        ApiParse::decodeJson(readSample(QStringLiteral("api-azure-account-list-datadog-go.json"))).value);
    QVERIFY(awsList.ok());
    QVERIFY(azureList.ok());
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(awsList.value, azureList.value);
    QCOMPARE(childTexts(model), (QStringList { QStringLiteral("AWS (1)"), QStringLiteral("Azure (1)") }));
    const QModelIndex awsAccount = model.accountIndex(QStringLiteral("47830a91-51b7-4708-b9b2-5f3d121fc039"));
    QVERIFY(awsAccount.isValid());
    QCOMPARE(awsAccount.parent(), model.providerIndex(CloudProvider::Aws));
    QCOMPARE(awsAccount.data().toString(), QStringLiteral("Go SDK Test"));
    QCOMPARE(model.awsAccount(awsAccount)->roleArn, QStringLiteral("arn:aws:iam::558791803304:role/cloudcraft"));
    QVERIFY(model.azureAccount(awsAccount) == nullptr);
    const QModelIndex azureAccount = model.accountIndex(QStringLiteral("4349ccdb-a2fd-4a89-a07b-48e3e330670b"));
    QCOMPARE(azureAccount.parent(), model.providerIndex(CloudProvider::Azure));
    QCOMPARE(model.azureAccount(azureAccount)->hint, QStringLiteral("3RK"));
    QCOMPARE(CloudProvider(azureAccount.data(ProviderRole).toInt()), CloudProvider::Azure);
    QCOMPARE(TreeNodeKind(azureAccount.data(KindRole).toInt()), TreeNodeKind::Account);
}

void TestAccountTreeModel::providersAlwaysPresent_data()
{
    QTest::addColumn<int>("awsCount");
    QTest::addColumn<int>("azureCount");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("aws only") << 3 << 0;
    QTest::newRow("azure only") << 0 << 2;
    QTest::newRow("both") << 4 << 1;
}

void TestAccountTreeModel::providersAlwaysPresent()
{
    QFETCH(int, awsCount);
    QFETCH(int, azureCount);
    QList<AwsAccount> awsAccounts;
    for (int i = 0; i < awsCount; ++i)
        awsAccounts.append(aws(QStringLiteral("a%1").arg(i), QStringLiteral("AWS %1").arg(i)));
    QList<AzureAccount> azureAccounts;
    for (int i = 0; i < azureCount; ++i)
        azureAccounts.append(azure(QStringLiteral("z%1").arg(i), QStringLiteral("Azure %1").arg(i)));
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(awsAccounts, azureAccounts);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.providerIndex(CloudProvider::Aws).data(CountRole).toInt(), awsCount);
    QCOMPARE(model.rowCount(model.providerIndex(CloudProvider::Azure)), azureCount);
    QCOMPARE(TreeNodeKind(model.index(0, 0).data(KindRole).toInt()), TreeNodeKind::Provider);
}

void TestAccountTreeModel::regionsAndSnapshots()
{
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts({ aws(QStringLiteral("a1"), QStringLiteral("Production")) }, {});
    model.setRegions(QStringLiteral("a1"),
        { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("us-east-1") });
    const QModelIndex account = model.accountIndex(QStringLiteral("a1"));
    QCOMPARE(childTexts(model, account), (QStringList { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1") }));
    model.setSnapshots(QStringLiteral("a1"), QStringLiteral("eu-west-1"),
        { snapshot(QStringLiteral("s1"), at(1)),
            snapshot(QStringLiteral("s3"), at(3), QStringLiteral("before release")),
            snapshot(QStringLiteral("s2"), at(2)) });
    const QModelIndex region = model.regionIndex(QStringLiteral("a1"), QStringLiteral("eu-west-1"));
    QCOMPARE(model.rowCount(region), 3);
    QCOMPARE(region.data(CountRole).toInt(), 3);
    // Newest first; a label replaces the time.
    QCOMPARE(model.index(0, 0, region).data().toString(), QStringLiteral("before release"));
    QCOMPARE(model.index(1, 0, region).data(IdRole).toString(), QStringLiteral("s2"));
    QCOMPARE(model.index(2, 0, region).data(UpdatedAtRole).toDateTime(), at(1));
    const QModelIndex s2 = model.snapshotIndex(QStringLiteral("a1"), QStringLiteral("eu-west-1"), QStringLiteral("s2"));
    QCOMPARE(s2.data(AccountIdRole).toString(), QStringLiteral("a1"));
    QCOMPARE(s2.data(RegionRole).toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(TreeNodeKind(s2.data(KindRole).toInt()), TreeNodeKind::Snapshot);
    // Snapshots for a region not listed yet add the region.
    model.setSnapshots(QStringLiteral("a1"), QStringLiteral("ap-south-1"), { snapshot(QStringLiteral("s9"), at(9)) });
    QCOMPARE(childTexts(model, account),
        (QStringList { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("ap-south-1") }));
    QCOMPARE(model.regions(QStringLiteral("a1")).size(), 3);
}

// Changing one account's regions touches only that account's rows: no reset, the rest of a view stays as it was.
void TestAccountTreeModel::regionChangesAreLocal()
{
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(
        { aws(QStringLiteral("a1"), QStringLiteral("One")), aws(QStringLiteral("a2"), QStringLiteral("Two")) },
        { azure(QStringLiteral("z1"), QStringLiteral("Zed")) });
    model.setRegions(QStringLiteral("a2"), { QStringLiteral("us-west-2") });
    const QPersistentModelIndex keep = model.regionIndex(QStringLiteral("a2"), QStringLiteral("us-west-2"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setRegions(QStringLiteral("a1"), { QStringLiteral("us-east-1"), QStringLiteral("us-east-2") });
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), model.accountIndex(QStringLiteral("a1")));
    model.setRegions(QStringLiteral("a1"), { QStringLiteral("us-east-2") });
    QCOMPARE(removed.count(), 1);
    QCOMPARE(childTexts(model, model.accountIndex(QStringLiteral("a1"))), QStringList { QStringLiteral("us-east-2") });
    QVERIFY(keep.isValid());
    QCOMPARE(keep.data().toString(), QStringLiteral("us-west-2"));
    model.setSnapshots(QStringLiteral("a2"), QStringLiteral("us-west-2"), { snapshot(QStringLiteral("s"), at(4)) });
    QCOMPARE(resets.count(), 0);
    QVERIFY(keep.isValid());
    QCOMPARE(model.rowCount(keep), 1);
    model.setSnapshots(QStringLiteral("a2"), QStringLiteral("us-west-2"), {});
    QCOMPARE(model.rowCount(keep), 0);
}

void TestAccountTreeModel::regionsSurviveAccountRefresh()
{
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts({ aws(QStringLiteral("a1"), QStringLiteral("One")) }, {});
    model.setSnapshots(QStringLiteral("a1"), QStringLiteral("us-east-1"), { snapshot(QStringLiteral("s1"), at(2)) });
    // Refresh: renamed account, a new one; a1's regions and snapshots are still there.
    model.setAccounts(
        { aws(QStringLiteral("a0"), QStringLiteral("Zero")), aws(QStringLiteral("a1"), QStringLiteral("One renamed")) },
        { azure(QStringLiteral("z1"), QStringLiteral("Zed")) });
    const QModelIndex account = model.accountIndex(QStringLiteral("a1"));
    QCOMPARE(account.data().toString(), QStringLiteral("One renamed"));
    QVERIFY(model.snapshotIndex(QStringLiteral("a1"), QStringLiteral("us-east-1"), QStringLiteral("s1")).isValid());
    // The account goes away: its rows go with it.
    model.setAccounts({}, {});
    QVERIFY(!model.accountIndex(QStringLiteral("a1")).isValid());
    QCOMPARE(model.rowCount(), 2);
}

void TestAccountTreeModel::regionsForUnknownAccountWaitForIt()
{
    AccountTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegions(QStringLiteral("later"), { QStringLiteral("westeurope") });
    QCOMPARE(model.rowCount(model.providerIndex(CloudProvider::Azure)), 0);
    model.setAccounts({}, { azure(QStringLiteral("later"), QStringLiteral("Arrives later")) });
    QCOMPARE(
        childTexts(model, model.accountIndex(QStringLiteral("later"))), QStringList { QStringLiteral("westeurope") });
}

QTEST_GUILESS_MAIN(TestAccountTreeModel)
#include "tst_accounttreemodel.moc"
