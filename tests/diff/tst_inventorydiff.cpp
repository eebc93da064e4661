#include "diff/inventorydiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Cloudcraft::Core;

namespace QTest {
template<>
char *toString(const ResourceChange &change)
{
    return qstrdup(changeName(change).toUtf8().constData());
}
template<>
char *toString(const InventoryCounts &c)
{
    return qstrdup(QStringLiteral("added %1, removed %2, changed %3, moved %4, unchanged %5")
                       .arg(c.added)
                       .arg(c.removed)
                       .arg(c.changed)
                       .arg(c.moved)
                       .arg(c.unchanged)
                       .toUtf8()
                       .constData());
}
} // namespace QTest

namespace {

QJsonObject sample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// How many resources a document has in all compared collections (read from the file, not assumed).
int resourceCount(const QJsonObject &document, const QStringList &collections)
{
    int count = 0;
    for (const QString &collection : collections)
        count += int(document.value(u"data").toObject().value(collection).toArray().size());
    return count;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Two scans of one account: the scanner gave every component a new id, and some things really changed.
const char *scanMonday = R"({
  "nodes": [
    {"id": "n1", "type": "ec2", "name": "web-1", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:instance/i-1",
     "instanceType": "m5", "instanceSize": "large", "mapPos": [0, 0], "tags": {"env": "prod"},
     "updatedAt": "2026-01-05T09:00:00Z"},
    {"id": "n2", "type": "ec2", "name": "web-2", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:instance/i-2",
     "instanceType": "m5", "instanceSize": "large", "mapPos": [3, 0]},
    {"id": "n3", "type": "rds", "name": "orders-db", "region": "us-east-1", "arn": "arn:aws:rds:us-east-1:1:db:orders",
     "mapPos": [0, 4]},
    {"id": "n4", "type": "lambda", "name": "resize", "region": "us-west-2",
     "arn": "arn:aws:lambda:us-west-2:1:function:resize", "mapPos": [9, 9]}
  ],
  "groups": [
    {"id": "g1", "type": "vpc", "name": "prod-vpc", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:vpc/vpc-1",
     "nodes": ["g2", "n3"]},
    {"id": "g2", "type": "sg", "name": "web-sg", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:sg/sg-1",
     "nodes": ["n1", "n2"]}
  ],
  "edges": [{"id": "e1", "type": "edge", "from": "n1", "to": "n3"}]
})";

const char *scanTuesday = R"({
  "nodes": [
    {"id": "x7", "type": "rds", "name": "orders-db", "region": "us-east-1", "arn": "arn:aws:rds:us-east-1:1:db:orders",
     "mapPos": [0, 4]},
    {"id": "x8", "type": "ec2", "name": "web-2", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:instance/i-2",
     "instanceType": "m5", "instanceSize": "large", "mapPos": [6, 1]},
    {"id": "x9", "type": "ec2", "name": "web-1", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:instance/i-1",
     "instanceType": "m5", "instanceSize": "xlarge", "mapPos": [0, 0], "tags": {"env": "staging"},
     "updatedAt": "2026-01-06T09:00:00Z"},
    {"id": "x5", "type": "sqs", "name": "jobs", "region": "us-east-1", "arn": "arn:aws:sqs:us-east-1:1:jobs",
     "mapPos": [2, 2]}
  ],
  "groups": [
    {"id": "h2", "type": "sg", "name": "web-sg", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:sg/sg-1",
     "nodes": ["x8", "x9"]},
    {"id": "h1", "type": "vpc", "name": "prod-vpc", "region": "us-east-1", "arn": "arn:aws:ec2:us-east-1:1:vpc/vpc-1",
     "nodes": ["x7", "h2", "x5"]}
  ],
  "edges": [{"id": "f1", "type": "edge", "from": "x9", "to": "x7"}]
})";

} // namespace

class TestInventoryDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vpcSgV1toV2AddsTwoSecurityGroups();
    void vpcSgV2toV3MovesEverythingToEuWest1();
    void defaultV1toV2RemovesQueueAndTopic();
    void sameDocumentHasNoChanges();
    void rescanMatchesByArnNotByComponentId();
    void arnWinsOverId();
    void idMatchesWhenOnlyOneSideHasAnArn();
    void ignoredPaths_data();
    void ignoredPaths();
    void positionChangesAreMovesUnlessConfigured();
    void movedAndChangedTogether();
    void documentSettingsChanges();
    void edgesWithoutIdMatchByEnds();
    void itemsWithoutKeysMatchByContent();
    void emptyDocuments();
};

// Reading v1 and v2 side by side: someone drew a security group around each of the two load balancers
// (alb2-sg around de208ffc, elb1-sg around 4fa727c9), and turned the first load balancer from a classic
// into an application load balancer. The VPC gained the two groups as members. Nothing else moved.
void TestInventoryDiff::vpcSgV1toV2AddsTwoSecurityGroups()
{
    const QJsonObject v1 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json"));
    const QJsonObject v2 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json"));
    QVERIFY(!v1.isEmpty() && !v2.isEmpty());
    const InventoryDiff differ;
    const InventoryDiffResult result = differ.compare(v1, v2);

    QCOMPARE(result.totals.added, 2);
    QCOMPARE(result.totals.removed, 0);
    QCOMPARE(result.totals.changed, 2);
    QCOMPARE(result.totals.moved, 0);
    QCOMPARE(result.totals.unchanged, resourceCount(v1, differ.options().collections) - 2);
    QVERIFY(result.documentChanges.isEmpty()); // only the envelope's updatedAt differs

    const ResourceDiff *alb2 = result.find(QStringLiteral("fd98feaa-a46d-4fe5-b1dc-3f9b9660bca0"));
    QVERIFY(alb2);
    QCOMPARE(alb2->change, ResourceChange::Added);
    QCOMPARE(alb2->collection, QStringLiteral("groups"));
    QCOMPARE(alb2->type, QStringLiteral("sg"));
    QCOMPARE(alb2->label, QStringLiteral("alb2-sg"));
    QCOMPARE(alb2->vpc, QStringLiteral("new-vpc"));
    const ResourceDiff *elb1 = result.find(QStringLiteral("df5528b6-06f9-4390-a6ad-c88f5e753b14"));
    QVERIFY(elb1);
    QCOMPARE(elb1->change, ResourceChange::Added);
    QCOMPARE(elb1->label, QStringLiteral("elb1-sg"));

    const ResourceDiff *elb = result.find(QStringLiteral("de208ffc-304e-450f-a337-fec5e86a3f47"));
    QVERIFY(elb);
    QCOMPARE(elb->change, ResourceChange::Changed);
    QCOMPARE(elb->changes.size(), 1);
    QCOMPARE(elb->changes.first().toString(), QStringLiteral("elbType: \"classic\" → \"application\""));

    const ResourceDiff *vpc = result.find(QStringLiteral("2b2afa10-3f61-4806-8628-9d3a83cb9852"));
    QVERIFY(vpc);
    QCOMPARE(vpc->change, ResourceChange::Changed);
    QCOMPARE(vpc->changes.size(), 1);
    QCOMPARE(vpc->changes.first().path, QStringLiteral("nodes"));
    QCOMPARE(vpc->changes.first().addedItems, (QStringList{QStringLiteral("fd98feaa-a46d-4fe5-b1dc-3f9b9660bca0"),
                                                           QStringLiteral("df5528b6-06f9-4390-a6ad-c88f5e753b14")}));
    QVERIFY(vpc->changes.first().removedItems.isEmpty());

    QCOMPARE(result.byType.value(QStringLiteral("sg")).added, 2);
    QCOMPARE(result.byType.value(QStringLiteral("elb")).changed, 1);
    QCOMPARE(result.byType.value(QStringLiteral("vpc")).changed, 1);
    QCOMPARE(result.byRegion.value(QStringLiteral("us-east-1")).added, 2);
    QCOMPARE(result.byVpc.value(QStringLiteral("new-vpc")).added, 2);
    QCOMPARE(result.byVpc.value(QStringLiteral("new-vpc")).changed, 2); // the load balancer and the VPC itself
}

// v3 is the same diagram re-exported for another region: every regional thing (13 nodes, the 8 groups, the
// two availability-zone surfaces) says eu-west-1 instead of us-east-1. CloudFront, Route 53 and the user are
// global and stay as they were; so do texts, icons and edges.
void TestInventoryDiff::vpcSgV2toV3MovesEverythingToEuWest1()
{
    const InventoryDiffResult result = InventoryDiff().compare(sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json")),
                                                               sample(QStringLiteral("blueprint-webapp-vpc-sg-v3.json")));
    QCOMPARE(result.totals.added, 0);
    QCOMPARE(result.totals.removed, 0);
    QCOMPARE(result.totals.changed, 13 + 8 + 2);
    QCOMPARE(result.byCollection.value(QStringLiteral("nodes")).changed, 13);
    QCOMPARE(result.byCollection.value(QStringLiteral("nodes")).unchanged, 3);
    QCOMPARE(result.byCollection.value(QStringLiteral("groups")).changed, 8);
    QCOMPARE(result.byCollection.value(QStringLiteral("surfaces")).changed, 2);
    QCOMPARE(result.byCollection.value(QStringLiteral("edges")).changed, 0);
    QCOMPARE(result.byRegion.value(QStringLiteral("eu-west-1")).changed, 23);
    QCOMPARE(result.byRegion.value(QStringLiteral("us-east-1")).total(), 0);

    for (const ResourceDiff *diff : result.withChange(ResourceChange::Changed)) {
        QCOMPARE(diff->changes.size(), 1);
        QCOMPARE(diff->changes.first().toString(), QStringLiteral("region: \"us-east-1\" → \"eu-west-1\""));
    }
    for (const QString &global : {QStringLiteral("f84564ab"), QStringLiteral("2685515d"), QStringLiteral("19f80e78")}) {
        bool found = false;
        for (const ResourceDiff &diff : result.resources) {
            if (diff.componentId().startsWith(global)) {
                found = true;
                QCOMPARE(diff.change, ResourceChange::Unchanged);
            }
        }
        QVERIFY2(found, qPrintable(global));
    }
}

// Four hours later the same blueprint lost its SQS queue and SNS topic (both in us-west-2) with their
// "SQS1"/"SNS2" labels, the first load balancer became a network load balancer, and the "Auto Scaling" label
// was deleted and drawn again (new id, blue #4286c5 instead of #004b91, now placed relative to the group).
void TestInventoryDiff::defaultV1toV2RemovesQueueAndTopic()
{
    const InventoryDiffResult result = InventoryDiff().compare(sample(QStringLiteral("blueprint-webapp-default-v1.json")),
                                                               sample(QStringLiteral("blueprint-webapp-default-v2.json")));
    QCOMPARE(result.totals.removed, 2 + 3);
    QCOMPARE(result.totals.added, 1);
    QCOMPARE(result.totals.changed, 1);
    QCOMPARE(result.totals.moved, 0);

    const ResourceDiff *sqs = result.find(QStringLiteral("4430c35a-3888-4dad-8b37-ad4733ea7e09"));
    QVERIFY(sqs);
    QCOMPARE(sqs->change, ResourceChange::Removed);
    QCOMPARE(sqs->type, QStringLiteral("sqs"));
    const ResourceDiff *sns = result.find(QStringLiteral("ee048920-4d9a-46ef-b450-6193caa64069"));
    QVERIFY(sns);
    QCOMPARE(sns->change, ResourceChange::Removed);
    QCOMPARE(result.byRegion.value(QStringLiteral("us-west-2")).removed, 2);
    QCOMPARE(result.byType.value(QStringLiteral("sqs")).removed, 1);
    QCOMPARE(result.byType.value(QStringLiteral("sns")).removed, 1);

    const ResourceDiff *elb = result.find(QStringLiteral("de208ffc-304e-450f-a337-fec5e86a3f47"));
    QVERIFY(elb);
    QCOMPARE(elb->changes.size(), 1);
    QCOMPARE(elb->changes.first().toString(), QStringLiteral("elbType: \"application\" → \"network\""));

    QStringList removedTexts;
    for (const ResourceDiff *diff : result.withChange(ResourceChange::Removed)) {
        if (diff->collection == u"text")
            removedTexts.append(diff->label);
    }
    removedTexts.sort();
    QCOMPARE(removedTexts, (QStringList{QStringLiteral("Auto Scaling"), QStringLiteral("SNS2"), QStringLiteral("SQS1")}));
    const ResourceDiff *label = result.find(QStringLiteral("3ffc3e63-abbd-4626-a62f-3297831154ee"));
    QVERIFY(label);
    QCOMPARE(label->change, ResourceChange::Added);
    QCOMPARE(label->after.value(u"color").toString(), QStringLiteral("#4286c5"));
}

void TestInventoryDiff::sameDocumentHasNoChanges()
{
    const QJsonObject document = sample(QStringLiteral("blueprint-example1-clusters.json"));
    const InventoryDiff differ;
    const InventoryDiffResult result = differ.compare(document, document);
    QVERIFY(!result.hasChanges());
    QCOMPARE(result.totals.unchanged, resourceCount(document, differ.options().collections));
    QVERIFY(result.totals.unchanged > 1000);
}

// The rescan renamed every component id (n1 → x9 ...) and reordered everything; the ARNs say what is what.
// web-1 grew to xlarge (its tag and timestamp changed too, which is noise), web-2 was dragged elsewhere, a queue
// appeared in the VPC and the lambda in us-west-2 is gone. Group members and the edge refer to the same
// resources, so they did not change.
void TestInventoryDiff::rescanMatchesByArnNotByComponentId()
{
    const InventoryDiffResult result = InventoryDiff().compare(parse(scanMonday), parse(scanTuesday));

    const ResourceDiff *web1 = result.find(QStringLiteral("arn:aws:ec2:us-east-1:1:instance/i-1"));
    QVERIFY(web1);
    QCOMPARE(web1->change, ResourceChange::Changed);
    QCOMPARE(web1->changes.size(), 1);
    QCOMPARE(web1->changes.first().toString(), QStringLiteral("instanceSize: \"large\" → \"xlarge\""));
    QCOMPARE(web1->vpc, QStringLiteral("prod-vpc")); // through the security group inside the VPC

    const ResourceDiff *web2 = result.find(QStringLiteral("x8"));
    QVERIFY(web2);
    QCOMPARE(web2->change, ResourceChange::Moved);
    QVERIFY(web2->changes.isEmpty());
    QCOMPARE(web2->moves.size(), 1);
    QCOMPARE(web2->moves.first().path, QStringLiteral("mapPos"));

    QCOMPARE(result.find(QStringLiteral("arn:aws:sqs:us-east-1:1:jobs"))->change, ResourceChange::Added);
    QCOMPARE(result.find(QStringLiteral("arn:aws:lambda:us-west-2:1:function:resize"))->change,
             ResourceChange::Removed);
    QCOMPARE(result.find(QStringLiteral("arn:aws:ec2:us-east-1:1:sg/sg-1"))->change, ResourceChange::Unchanged);

    const ResourceDiff *vpc = result.find(QStringLiteral("arn:aws:ec2:us-east-1:1:vpc/vpc-1"));
    QCOMPARE(vpc->change, ResourceChange::Changed);
    QCOMPARE(vpc->changes.size(), 1);
    QCOMPARE(vpc->changes.first().addedItems, QStringList{QStringLiteral("arn:aws:sqs:us-east-1:1:jobs")});

    QCOMPARE(result.byCollection.value(QStringLiteral("edges")).unchanged, 1);
    QCOMPARE(result.totals, (InventoryCounts{1, 1, 2, 1, 3}));
    QCOMPARE(result.byVpc.value(QStringLiteral("prod-vpc")).added, 1);
    QCOMPARE(result.byRegion.value(QStringLiteral("us-west-2")).removed, 1);
}

void TestInventoryDiff::arnWinsOverId()
{
    // Same component id, different instance: a replaced server is a removal and an addition.
    const QJsonObject before = parse(R"({"nodes": [{"id": "c1", "type": "ec2", "arn": "arn:aws:ec2:r:1:instance/i-old"}]})");
    const QJsonObject after = parse(R"({"nodes": [{"id": "c1", "type": "ec2", "arn": "arn:aws:ec2:r:1:instance/i-new"}]})");
    const InventoryDiffResult result = InventoryDiff().compare(before, after);
    QCOMPARE(result.totals.removed, 1);
    QCOMPARE(result.totals.added, 1);
    QCOMPARE(result.totals.changed, 0);
}

void TestInventoryDiff::idMatchesWhenOnlyOneSideHasAnArn()
{
    // A hand-drawn component later linked to the live resource is the same component, now with an ARN.
    const QJsonObject before = parse(R"({"nodes": [{"id": "c1", "type": "ec2", "instanceSize": "large"}]})");
    const QJsonObject after = parse(
        R"({"nodes": [{"id": "c1", "type": "ec2", "instanceSize": "large", "arn": "arn:aws:ec2:r:1:instance/i-1"}]})");
    const InventoryDiffResult result = InventoryDiff().compare(before, after);
    QCOMPARE(result.totals.changed, 1);
    QCOMPARE(result.resources.first().changes.first().path, QStringLiteral("arn"));
}

void TestInventoryDiff::ignoredPaths_data()
{
    QTest::addColumn<QStringList>("ignored");
    QTest::addColumn<QStringList>("expectedPaths");
    QTest::newRow("defaults: tags and timestamps are noise")
        << InventoryDiffOptions().ignoredPaths << QStringList{QStringLiteral("instanceSize")};
    QTest::newRow("nothing ignored") << QStringList{}
                                     << QStringList{QStringLiteral("instanceSize"), QStringLiteral("tags.env"),
                                                    QStringLiteral("updatedAt")};
    QTest::newRow("ignore the size, keep the tags")
        << QStringList{QStringLiteral("instanceSize"), QStringLiteral("**.updatedAt")}
        << QStringList{QStringLiteral("tags.env")};
    QTest::newRow("wildcard segment") << QStringList{QStringLiteral("tags.*"), QStringLiteral("instance*"),
                                                     QStringLiteral("updatedAt")}
                                      << QStringList{QStringLiteral("instanceSize")};
}

void TestInventoryDiff::ignoredPaths()
{
    QFETCH(QStringList, ignored);
    QFETCH(QStringList, expectedPaths);
    InventoryDiffOptions options;
    options.ignoredPaths = ignored;
    const InventoryDiffResult result = InventoryDiff(options).compare(parse(scanMonday), parse(scanTuesday));
    const ResourceDiff *web1 = result.find(QStringLiteral("arn:aws:ec2:us-east-1:1:instance/i-1"));
    QVERIFY(web1);
    QStringList paths;
    for (const AttributeChange &change : web1->changes)
        paths.append(change.path);
    QCOMPARE(paths, expectedPaths);
}

void TestInventoryDiff::positionChangesAreMovesUnlessConfigured()
{
    const QJsonObject before = parse(R"({"text": [{"id": "t1", "type": "isotext", "text": "Web tier",
        "mapPos": {"relTo": "g1", "offset": [0, 1]}}], "groups": [{"id": "g1", "type": "asg", "mapSize": [4, 1]}]})");
    const QJsonObject after = parse(R"({"text": [{"id": "t1", "type": "isotext", "text": "Web tier",
        "mapPos": {"relTo": "g1", "offset": [0, 2.5]}}], "groups": [{"id": "g1", "type": "asg", "mapSize": [6, 1]}]})");
    const InventoryDiffResult moved = InventoryDiff().compare(before, after);
    QCOMPARE(moved.totals.moved, 2);
    QCOMPARE(moved.totals.changed, 0);
    // A move is reported as the whole position, old and new, whatever form it takes.
    const AttributeChange &move = moved.find(QStringLiteral("t1"))->moves.first();
    QCOMPARE(move.path, QStringLiteral("mapPos"));
    QCOMPARE(move.newValue.toObject().value(u"offset").toArray().at(1).toDouble(), 2.5);

    InventoryDiffOptions options;
    options.positionPaths = {};
    const InventoryDiffResult changed = InventoryDiff(options).compare(before, after);
    QCOMPARE(changed.totals.changed, 2);
    QCOMPARE(changed.totals.moved, 0);
    QCOMPARE(changed.find(QStringLiteral("g1"))->changes.first().toString(), QStringLiteral("mapSize: [4,1] → [6,1]"));
}

void TestInventoryDiff::movedAndChangedTogether()
{
    const QJsonObject before = parse(R"({"nodes": [{"id": "r1", "type": "rds", "engine": "mysql", "mapPos": [1, 1]}]})");
    const QJsonObject after = parse(R"({"nodes": [{"id": "r1", "type": "rds", "engine": "postgres", "mapPos": [4, 1]}]})");
    const InventoryDiffResult result = InventoryDiff().compare(before, after);
    const ResourceDiff &db = result.resources.first();
    QCOMPARE(db.change, ResourceChange::Changed); // a real change outranks the move ...
    QCOMPARE(db.moves.size(), 1);                  // ... which is still reported
    QCOMPARE(db.changeAt(QStringLiteral("engine"))->toString(), QStringLiteral("engine: \"mysql\" → \"postgres\""));
    QCOMPARE(result.totals.moved, 0);
}

void TestInventoryDiff::documentSettingsChanges()
{
    QJsonObject v2 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json"));
    QJsonObject data = v2.value(u"data").toObject();
    data.insert(QStringLiteral("name"), QStringLiteral("Web App (eu)"));
    v2.insert(QStringLiteral("data"), data);
    const InventoryDiffResult result = InventoryDiff().compare(sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json")), v2);
    QCOMPARE(result.documentChanges.size(), 1);
    QCOMPARE(result.documentChanges.first().toString(),
             QStringLiteral("name: \"Web App Reference Architecture\" → \"Web App (eu)\""));
    QVERIFY(result.hasChanges());
    QCOMPARE(result.totals.changed, 0);
}

void TestInventoryDiff::edgesWithoutIdMatchByEnds()
{
    const QJsonObject before = parse(R"({"edges": [{"from": "a", "to": "b", "type": "edge", "width": 2},
                                                   {"from": "b", "to": "c", "type": "edge", "width": 2}]})");
    const QJsonObject after = parse(R"({"edges": [{"from": "b", "to": "c", "type": "edge", "width": 2},
                                                  {"from": "a", "to": "b", "type": "edge", "width": 4}]})");
    const InventoryDiffResult result = InventoryDiff().compare(before, after);
    QCOMPARE(result.totals.changed, 1);
    QCOMPARE(result.totals.unchanged, 1);
    QCOMPARE(result.find(QStringLiteral("a → b"))->changes.first().toString(), QStringLiteral("width: 2 → 4"));
}

// Labels with no id, pinned to a node that the rescan renamed (n1 -> x9): the same label is still the same.
void TestInventoryDiff::itemsWithoutKeysMatchByContent()
{
    const QJsonObject before = parse(R"({"nodes": [{"id": "n1", "type": "ec2", "arn": "arn:aws:ec2:r:1:instance/i-1"}],
        "text": [{"type": "isotext", "text": "web", "mapPos": {"relTo": "n1", "offset": [0, 1]}},
                 {"type": "isotext", "text": "old note"}]})");
    const QJsonObject after = parse(R"({"nodes": [{"id": "x9", "type": "ec2", "arn": "arn:aws:ec2:r:1:instance/i-1"}],
        "text": [{"type": "isotext", "text": "new note"},
                 {"type": "isotext", "text": "web", "mapPos": {"relTo": "x9", "offset": [0, 1]}}]})");
    const InventoryDiffResult result = InventoryDiff().compare(before, after);
    const InventoryCounts text = result.byCollection.value(QStringLiteral("text"));
    QCOMPARE(text, (InventoryCounts{1, 1, 0, 0, 1}));
    QCOMPARE(result.withChange(ResourceChange::Added).first()->label, QStringLiteral("new note"));
    QCOMPARE(result.withChange(ResourceChange::Removed).first()->label, QStringLiteral("old note"));
}

void TestInventoryDiff::emptyDocuments()
{
    const InventoryDiffResult none = InventoryDiff().compare(QJsonObject(), QJsonObject());
    QVERIFY(!none.hasChanges());
    QCOMPARE(none.totals.total(), 0);
    const InventoryDiffResult all = InventoryDiff().compare(QJsonObject(), sample(QStringLiteral("blueprint-test-small.json")));
    QVERIFY(all.totals.added > 0);
    QCOMPARE(all.totals.added, all.totals.total());
}

QTEST_GUILESS_MAIN(TestInventoryDiff)
#include "tst_inventorydiff.moc"
