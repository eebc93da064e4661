// InventoryFiles: what a spreadsheet user and the summary see of a live scan, the same for the CLI and the desktop:
// one CSV row per resource with its VPC and subnet, quoted so that a comma in a name does not shift the columns,
// and counts that only add up regions that were downloaded.

#include "exporting/inventoryfiles.h"

#include <QJsonArray>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

QJsonObject scan()
{
    const auto node = [](const char *id, const char *type, const char *name, const QJsonValue &tags = {}) {
        QJsonObject o{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("type"), QLatin1String(type)},
                      {QStringLiteral("name"), QString::fromUtf8(name)}};
        if (!tags.isUndefined())
            o.insert(QStringLiteral("tags"), tags);
        return o;
    };
    QJsonObject web = node("n1", "ec2", "web, \"blue\"",
                           QJsonArray{QJsonObject{{QStringLiteral("Key"), QStringLiteral("env")},
                                                  {QStringLiteral("Value"), QStringLiteral("prod")}}});
    web.insert(QStringLiteral("arn"), QStringLiteral("arn:aws:ec2:us-east-1:1:instance/i-1"));
    const QJsonArray nodes{web, node("n2", "rds", "db"), node("n3", "s3", "logs")};
    QJsonObject subnet = node("g-sub", "subnet", "private-a");
    subnet.insert(QStringLiteral("nodes"), QJsonArray{QStringLiteral("n1"), QStringLiteral("n2")});
    QJsonObject vpc = node("g-vpc", "vpc", "prod-vpc");
    vpc.insert(QStringLiteral("nodes"), QJsonArray{QStringLiteral("g-sub")});
    return QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("nodes"), nodes},
                                                            {QStringLiteral("groups"), QJsonArray{subnet, vpc}}}}};
}

} // namespace

class TestInventoryFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsKnowTheirSubnetAndVpc()
    {
        const QList<InventoryFiles::Row> rows = InventoryFiles::rows(scan());
        QCOMPARE(rows.size(), 5); // 3 nodes and the 2 groups: a VPC is a resource too
        QCOMPARE(rows.at(0).id, QStringLiteral("arn:aws:ec2:us-east-1:1:instance/i-1"));
        QCOMPARE(rows.at(0).subnet, QStringLiteral("private-a"));
        QCOMPARE(rows.at(0).vpc, QStringLiteral("prod-vpc")); // through its subnet
        QCOMPARE(rows.at(0).tags, QStringLiteral("env=prod"));
        QCOMPARE(rows.at(2).subnet, QString()); // the bucket is in no subnet
        QCOMPARE(rows.at(2).id, QStringLiteral("n3"));
        const QJsonObject counts = InventoryFiles::countsByType(rows);
        QCOMPARE(counts.value(u"ec2").toInt(), 1);
        QCOMPARE(counts.value(u"vpc").toInt(), 1);
    }

    void csvKeepsItsColumns()
    {
        const QByteArray csv = InventoryFiles::csv(QStringLiteral("aws"), QStringLiteral("us-east-1"),
                                                   InventoryFiles::rows(scan()));
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.at(0), QByteArray("provider,region,type,id,name,vpc,subnet,tags\r"));
        // The comma and the quotes of "web, "blue"" stay inside one quoted field.
        QCOMPARE(lines.at(1), QByteArray("aws,us-east-1,ec2,arn:aws:ec2:us-east-1:1:instance/i-1,\"web, \"\"blue\"\"\","
                                         "prod-vpc,private-a,env=prod\r"));
        QVERIFY(csv.endsWith("\r\n"));
    }

    void summaryCountsOnlyCompleteRegions()
    {
        QMap<QString, QJsonObject> regions;
        regions.insert(QStringLiteral("us-east-1"),
                       {{QStringLiteral("region"), QStringLiteral("us-east-1")}, {QStringLiteral("status"), QStringLiteral("complete")},
                        {QStringLiteral("resources"), 5},
                        {QStringLiteral("countsByType"), QJsonObject{{QStringLiteral("ec2"), 3}, {QStringLiteral("vpc"), 2}}}});
        regions.insert(QStringLiteral("eu-west-1"),
                       {{QStringLiteral("region"), QStringLiteral("eu-west-1")}, {QStringLiteral("status"), QStringLiteral("complete")},
                        {QStringLiteral("resources"), 2}, {QStringLiteral("countsByType"), QJsonObject{{QStringLiteral("ec2"), 2}}}});
        regions.insert(QStringLiteral("ap-south-1"),
                       {{QStringLiteral("region"), QStringLiteral("ap-south-1")}, {QStringLiteral("status"), QStringLiteral("failed")},
                        {QStringLiteral("resources"), 99}, {QStringLiteral("countsByType"), QJsonObject{{QStringLiteral("ec2"), 99}}}});
        const QJsonObject s = InventoryFiles::summary(QStringLiteral("acc"), QStringLiteral("aws"), regions);
        QCOMPARE(s.value(u"total").toInt(), 7);
        QCOMPARE(s.value(u"countsByType").toObject().value(u"ec2").toInt(), 5);
        QCOMPARE(s.value(u"countsByRegion").toObject().size(), 2);
        QCOMPARE(s.value(u"regions").toArray().size(), 3); // the failed one is listed, so a re-run resumes it
        QCOMPARE(s.value(u"account").toString(), QStringLiteral("acc"));
    }
};

QTEST_GUILESS_MAIN(TestInventoryFiles)
#include "tst_inventoryfiles.moc"
