// Terraform state (format 4) reading: real states from public projects, what a person sees when reading them, the
// mapping of common AWS types and their relationships, and every kind of bad input as one sentence.

#include "converttesthelpers.h"

#include "convert/converter.h"
#include "convert/terraformstate.h"

#include <QJsonDocument>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

// A hand-written state in today's format covering the relationships the reader follows. Values are shaped as
// Terraform 1.x writes them (ids, ARNs, nested blocks as lists).
QByteArray richState()
{
    return readTerraformData(QStringLiteral("handwritten-shop.tfstate"));
}

} // namespace

class TstTerraformState final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // inframap's aws_state_vpc.json (a Magento stack in a module): what a reader of the file sees.
    void realMagentoStateAsAPersonReadsIt()
    {
        const InfraReadResult read = readTerraformState(readTerraformData(QStringLiteral("inframap-aws-state-vpc.tfstate")),
                                                        QStringLiteral("inframap-aws-state-vpc.tfstate"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const InfraModel &m = read.model;
        // A MySQL database, a Redis cache, a classic load balancer in front of one web instance, four security groups.
        const QString p = QStringLiteral("module.magento.");
        QCOMPARE(findResource(m, p + u"aws_db_instance.magento")->componentType, QStringLiteral("rds"));
        QCOMPARE(findResource(m, p + u"aws_elasticache_cluster.redis")->componentType, QStringLiteral("elasticache"));
        QCOMPARE(findResource(m, p + u"aws_elb.front")->componentType, QStringLiteral("elb"));
        QCOMPARE(findResource(m, p + u"aws_elb.front")->attributes.value(u"elbType").toString(), QStringLiteral("classic"));
        QCOMPARE(findResource(m, p + u"aws_instance.front[0]")->componentType, QStringLiteral("ec2"));
        for (const char *sg : { "elb-front", "front", "rds", "redis" })
            QCOMPARE(findResource(m, p + u"aws_security_group." + QLatin1StringView(sg))->componentType, QStringLiteral("sg"));
        QCOMPARE(m.resources.size(), 8);
        // The two rules are relationships between groups, not things on the map.
        QCOMPARE(m.folded.value(QStringLiteral("aws_security_group_rule")), 2);
        // Who sits in which group, and the load balancer sending traffic to the instance.
        QCOMPARE(linkLines(m),
                 QStringList({ p + u"aws_db_instance.magento -> " + p + u"aws_security_group.rds (security-group)",
                               p + u"aws_elasticache_cluster.redis -> " + p + u"aws_security_group.redis (security-group)",
                               p + u"aws_elb.front -> " + p + u"aws_instance.front[0] (reference)",
                               p + u"aws_elb.front -> " + p + u"aws_security_group.elb-front (security-group)",
                               p + u"aws_instance.front[0] -> " + p + u"aws_security_group.front (security-group)" }));

        const ConversionResult result = composeBlueprint(m, {});
        QVERIFY(result.ok());
        QCOMPARE(result.nodeCount, 4);
        QCOMPARE(result.groupCount, 4);
        QCOMPARE(result.edgeCount, 1);
        // One node of each kind; the instance is the only member of the "front" security group.
        QStringList types;
        QString instanceId;
        for (const QJsonValue &node : dataArray(result, "nodes")) {
            types.append(node.toObject().value(u"type").toString());
            if (types.last() == u"ec2")
                instanceId = node.toObject().value(u"id").toString();
        }
        types.sort();
        QCOMPARE(types, QStringList({ QStringLiteral("ec2"), QStringLiteral("elasticache"), QStringLiteral("elb"),
                                      QStringLiteral("rds") }));
        QCOMPARE(groupNamed(result, QStringLiteral("front")).value(u"nodes").toArray(), QJsonArray { instanceId });
        QCOMPARE(groupNamed(result, QStringLiteral("front")).value(u"type").toString(), QStringLiteral("sg"));
    }

    // inframap's multi_module_state.json: Scaleway resources only; nothing maps, nothing disappears.
    void realNonAwsStateKeepsEverythingAsBlocks()
    {
        const ConversionResult result = convertFile(QStringLiteral(CLOUDCRAFT_TERRAFORM_DATA_DIR "/inframap-multi-module.tfstate"),
                                                    SourceFormat::Auto, {});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.format, QStringLiteral("terraform-state"));
        QCOMPARE(result.unmapped.value(QStringLiteral("scaleway_k8s_cluster_beta")), 1);
        QCOMPARE(result.unmapped.value(QStringLiteral("scaleway_k8s_pool_beta")), 1);
        QCOMPARE(result.unmapped.value(QStringLiteral("scaleway_instance_placement_group")), 1);
        QCOMPARE(result.nodeCount, 3);
        for (const QJsonValue &node : dataArray(result, "nodes"))
            QCOMPARE(node.toObject().value(u"type").toString(), QStringLiteral("block"));
        QVERIFY(labelOf(result, nodeLabelled(result, QStringLiteral("kubernetes")).value(u"id").toString())
                    .startsWith(QStringLiteral("scaleway_")));
        QVERIFY(!result.warnings.filter(QStringLiteral("generic blocks")).isEmpty());
    }

    void mapsCommonAwsTypesAndTheirRelationships()
    {
        const InfraReadResult read = readTerraformState(richState(), QStringLiteral("shop.tfstate"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const InfraModel &m = read.model;
        const auto type = [&](const char *address) { return findResource(m, QString::fromLatin1(address))->componentType; };
        QCOMPARE(type("aws_vpc.main"), QStringLiteral("vpc"));
        QVERIFY(findResource(m, QStringLiteral("aws_vpc.main"))->isContainer);
        QCOMPARE(findResource(m, QStringLiteral("aws_vpc.main"))->name, QStringLiteral("shop-vpc"));
        QCOMPARE(type("aws_subnet.public_a"), QStringLiteral("subnet"));
        QCOMPARE(findResource(m, QStringLiteral("aws_subnet.public_a"))->parent, QStringLiteral("aws_vpc.main"));
        // Instances: type and size, in their subnet.
        const InfraResource *bastion = findResource(m, QStringLiteral("aws_instance.bastion"));
        QCOMPARE(bastion->attributes.value(u"instanceType").toString(), QStringLiteral("t3"));
        QCOMPARE(bastion->attributes.value(u"instanceSize").toString(), QStringLiteral("micro"));
        QCOMPARE(bastion->region, QStringLiteral("eu-west-1"));
        QCOMPARE(bastion->parent, QStringLiteral("aws_subnet.public_a"));
        // The database spans two subnets through its subnet group: it lives in their VPC.
        const InfraResource *orders = findResource(m, QStringLiteral("aws_db_instance.orders"));
        QCOMPARE(orders->componentType, QStringLiteral("rds"));
        QCOMPARE(orders->attributes.value(u"engine").toString(), QStringLiteral("postgres"));
        QCOMPARE(orders->attributes.value(u"instanceType").toString(), QStringLiteral("r5"));
        QCOMPARE(orders->attributes.value(u"multiAZ").toBool(), true);
        QCOMPARE(orders->parent, QStringLiteral("aws_vpc.main"));
        // The Auto Scaling group is an area in its subnet holding one node for its instances (from the template).
        const InfraResource *asg = findResource(m, QStringLiteral("aws_autoscaling_group.app"));
        QVERIFY(asg->isContainer);
        QCOMPARE(asg->parent, QStringLiteral("aws_subnet.private_a"));
        const InfraResource *asgInstances = findResource(m, QStringLiteral("aws_autoscaling_group.app#instances"));
        QVERIFY(asgInstances);
        QCOMPARE(asgInstances->parent, QStringLiteral("aws_autoscaling_group.app"));
        QCOMPARE(asgInstances->attributes.value(u"instanceType").toString(), QStringLiteral("m5"));
        QCOMPARE(type("aws_dynamodb_table.carts"), QStringLiteral("dynamodb"));
        QCOMPARE(findResource(m, QStringLiteral("aws_dynamodb_table.carts"))->attributes.value(u"capacityMode").toString(),
                 QStringLiteral("on-demand"));
        QCOMPARE(findResource(m, QStringLiteral("aws_lambda_function.worker"))->attributes.value(u"memory").toDouble(), 512.0);
        QCOMPARE(type("aws_iam_role.worker"), QString()); // kept, unmapped
        QVERIFY(!findResource(m, QStringLiteral("data.aws_ami.ubuntu")));

        // Load balancer -> listener -> target group -> Auto Scaling group's instances.
        QVERIFY(hasLink(m, QStringLiteral("aws_lb.front"), QStringLiteral("aws_autoscaling_group.app#instances"), QStringLiteral("target")));
        QVERIFY(hasLink(m, QStringLiteral("aws_lb.front"), QStringLiteral("aws_security_group.web"), QStringLiteral("security-group")));
        QVERIFY(hasLink(m, QStringLiteral("aws_instance.bastion"), QStringLiteral("aws_security_group.web"), QStringLiteral("security-group")));
        QVERIFY(hasLink(m, QStringLiteral("aws_db_instance.orders"), QStringLiteral("aws_security_group.db"), QStringLiteral("security-group")));
        QVERIFY(hasLink(m, QStringLiteral("aws_sqs_queue.jobs"), QStringLiteral("aws_lambda_function.worker"), QStringLiteral("event-source")));
        QVERIFY(hasLink(m, QStringLiteral("aws_lambda_function.worker"), QStringLiteral("aws_dynamodb_table.carts"), QStringLiteral("reference")));
        QVERIFY(hasLink(m, QStringLiteral("aws_cloudfront_distribution.cdn"), QStringLiteral("aws_s3_bucket.assets"), QStringLiteral("reference")));
        QVERIFY(hasLink(m, QStringLiteral("aws_route53_zone.shop"), QStringLiteral("aws_lb.front"), QStringLiteral("reference")));
        for (const char *folded : { "aws_lb_target_group", "aws_lb_listener", "aws_db_subnet_group",
                                    "aws_lambda_event_source_mapping", "aws_route53_record", "aws_launch_template" })
            QCOMPARE(m.folded.value(QString::fromLatin1(folded)), 1);
        QVERIFY(!m.warnings.filter(QStringLiteral("data sources")).isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray real = readTerraformData(QStringLiteral("inframap-aws-state-vpc.tfstate"));
        QTest::newRow("empty") << QByteArray() << QStringLiteral("x.tfstate is empty");
        QTest::newRow("whitespace") << QByteArray(" \n\t\n") << QStringLiteral("x.tfstate is empty");
        QTest::newRow("truncated") << real.left(real.size() / 2) << QStringLiteral("x.tfstate ends before its JSON is complete");
        QTest::newRow("not json") << QByteArray("resource \"aws_instance\" \"web\" {}") << QStringLiteral("x.tfstate is not JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("x.tfstate holds JSON but not an object");
        QTest::newRow("format 3") << QByteArray(R"({"version":3,"terraform_version":"0.11.14","modules":[]})")
                                  << QStringLiteral("x.tfstate is a Terraform state of format 3; convert it with Terraform 0.12 or later");
        QTest::newRow("format 5") << QByteArray(R"({"version":5,"resources":[]})")
                                  << QStringLiteral("x.tfstate is a Terraform state of format 5; this converter reads format 4.");
        QTest::newRow("a plan") << QByteArray(R"({"format_version":"1.2","planned_values":{}})")
                                << QStringLiteral("x.tfstate is Terraform JSON output, not a state file");
        QTest::newRow("no version") << QByteArray(R"({"resources":[]})") << QStringLiteral("x.tfstate is not a Terraform state");
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const InfraReadResult read = readTerraformState(bytes, QStringLiteral("/some/dir/x.tfstate"));
        QVERIFY(!read.ok());
        QVERIFY2(read.error.startsWith(expected), qPrintable(read.error));
        QVERIFY(read.model.resources.isEmpty());
        QVERIFY(!read.error.contains(u'\n'));
    }

    void emptyStateConvertsToAnEmptyBlueprint()
    {
        const InfraReadResult read =
            readTerraformState(R"({"version":4,"terraform_version":"1.5.0","serial":1,"lineage":"l","outputs":{},"resources":[]})",
                               QStringLiteral("fresh.tfstate"));
        QVERIFY(read.ok());
        const ConversionResult result = composeBlueprint(read.model, {});
        QVERIFY(result.ok());
        QCOMPARE(result.nodeCount, 0);
        QCOMPARE(result.blueprint.value(u"data").toObject().value(u"version").toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TstTerraformState)
#include "tst_terraformstate.moc"
