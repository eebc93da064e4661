#include "diff/diffreport.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

QJsonObject sample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QImage fixture(const QString &name)
{
    return QImage(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/fixtures/pixelmatch/") + name, "PNG");
}

// What a CI job would read back: the report must survive being written as text.
QJsonObject throughText(const QJsonObject &report)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QJsonDocument(report).toJson(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestDiffReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inventoryReport();
    void inventoryReportWithUnchanged();
    void appearedAttributeIsNull();
    void pixelReport();
    void pixelErrorReport();
};

void TestDiffReport::inventoryReport()
{
    const InventoryDiffResult diff = InventoryDiff().compare(sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json")),
                                                             sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json")));
    const QJsonObject report = throughText(DiffReport::toJson(diff));
    QVERIFY(!report.isEmpty());

    const QJsonObject totals = report.value(u"totals").toObject();
    QCOMPARE(totals.value(u"added").toInt(), diff.totals.added);
    QCOMPARE(totals.value(u"changed").toInt(), diff.totals.changed);
    QCOMPARE(totals.value(u"unchanged").toInt(), diff.totals.unchanged);
    QCOMPARE(report.value(u"byType").toObject().value(u"sg").toObject().value(u"added").toInt(), 2);

    // Only what changed is listed: the two new security groups, the load balancer and the VPC.
    const QJsonArray resources = report.value(u"resources").toArray();
    QCOMPARE(resources.size(), 4);
    QJsonObject vpc, elb;
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        if (resource.value(u"type").toString() == u"vpc")
            vpc = resource;
        if (resource.value(u"type").toString() == u"elb")
            elb = resource;
    }
    QCOMPARE(elb.value(u"change").toString(), QStringLiteral("changed"));
    const QJsonObject elbType = elb.value(u"changes").toArray().first().toObject();
    QCOMPARE(elbType.value(u"path").toString(), QStringLiteral("elbType"));
    QCOMPARE(elbType.value(u"old").toString(), QStringLiteral("classic"));
    QCOMPARE(elbType.value(u"new").toString(), QStringLiteral("application"));
    QCOMPARE(elbType.value(u"text").toString(), QStringLiteral("elbType: \"classic\" → \"application\""));
    const QJsonObject members = vpc.value(u"changes").toArray().first().toObject();
    QCOMPARE(members.value(u"added").toArray().size(), 2);
    QCOMPARE(members.value(u"removed").toArray().size(), 0);
    QCOMPARE(vpc.value(u"label").toString(), QStringLiteral("new-vpc"));
}

void TestDiffReport::inventoryReportWithUnchanged()
{
    const InventoryDiffResult diff = InventoryDiff().compare(sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json")),
                                                             sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json")));
    const QJsonObject report = DiffReport::toJson(diff, true);
    QCOMPARE(report.value(u"resources").toArray().size(), diff.resources.size());
}

void TestDiffReport::appearedAttributeIsNull()
{
    const QJsonObject before = QJsonDocument::fromJson(R"({"nodes": [{"id": "a", "type": "ec2"}]})").object();
    const QJsonObject after
        = QJsonDocument::fromJson(R"({"nodes": [{"id": "a", "type": "ec2", "platform": "linux"}]})").object();
    const QJsonObject report = throughText(DiffReport::toJson(InventoryDiff().compare(before, after)));
    const QJsonObject change
        = report.value(u"resources").toArray().first().toObject().value(u"changes").toArray().first().toObject();
    QVERIFY(change.value(u"old").isNull());
    QCOMPARE(change.value(u"new").toString(), QStringLiteral("linux"));
    QCOMPARE(change.value(u"text").toString(), QStringLiteral("platform: (none) → \"linux\""));
}

void TestDiffReport::pixelReport()
{
    PixelDiffOptions options;
    options.threshold = 0.05;
    const PixelDiffResult result = PixelDiff(options).compare(fixture(QStringLiteral("1a.png")),
                                                              fixture(QStringLiteral("1b.png")));
    const QJsonObject report = throughText(DiffReport::toJson(result));
    QCOMPARE(report.value(u"mismatch").toInteger(), result.mismatchCount);
    QCOMPARE(report.value(u"identical").toBool(true), false);
    QCOMPARE(report.value(u"sizeA").toArray(), (QJsonArray{512, 256}));
    QCOMPARE(report.value(u"sizeChanged").toBool(true), false);
    qint64 inRegions = 0;
    for (const QJsonValue &region : report.value(u"regions").toArray())
        inRegions += region.toObject().value(u"pixels").toInteger();
    QCOMPARE(inRegions, result.mismatchCount);
    QCOMPARE(report.value(u"regions").toArray().size(), result.regions.size());
}

void TestDiffReport::pixelErrorReport()
{
    static const uchar row[4] = {};
    const PixelDiffResult result = PixelDiff().compare(RgbaView{row, 40000, 1, 40000 * 4}, RgbaView{row, 1, 1, 4});
    const QJsonObject report = DiffReport::toJson(result);
    QCOMPARE(report.value(u"error").toString(), QStringLiteral("too-large"));
    QVERIFY(!report.contains(u"mismatch"));
}

QTEST_GUILESS_MAIN(TestDiffReport)
#include "tst_diffreport.moc"
