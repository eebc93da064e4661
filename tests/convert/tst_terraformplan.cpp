// `terraform show -json` plan output: a real plan from a public project read as a person reads it, planned actions
// (create, update, delete, replace) shown on the nodes, references followed through the plan's configuration when
// ids are unknown until apply, and bad input as one sentence.

#include "converttesthelpers.h"

#include "convert/converter.h"
#include "convert/terraformplan.h"

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

// A plan that creates a subnet and an instance in an existing VPC (ids unknown until apply, so only the
// configuration's references say where they go), updates a bucket, replaces a database and destroys a queue.
QByteArray changesPlan()
{
    return readTerraformData(QStringLiteral("handwritten-changes.plan.json"));
}

} // namespace

class TstTerraformPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // terraform-compliance's test_issue-sgr plan: a VPC, an internet gateway attached to it, a security group and
    // a rule, all to be created.
    void realPlanAsAPersonReadsIt()
    {
        const QByteArray bytes = readTerraformData(QStringLiteral("terraform-compliance-sgr.plan.json"));
        QCOMPARE(detectFormat(bytes, QStringLiteral("terraform-compliance-sgr.plan.json")), SourceFormat::TerraformPlan);
        const InfraReadResult read = readTerraformPlan(bytes, QStringLiteral("terraform-compliance-sgr.plan.json"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const InfraModel &m = read.model;
        QCOMPARE(m.resources.size(), 3);
        const InfraResource *vpc = findResource(m, QStringLiteral("aws_vpc.fail"));
        QVERIFY(vpc && vpc->isContainer);
        QCOMPARE(vpc->componentType, QStringLiteral("vpc"));
        QCOMPARE(vpc->action, PlannedAction::Create);
        // The gateway's vpc_id is unknown until apply; the configuration says it is the VPC's.
        const InfraResource *gateway = findResource(m, QStringLiteral("aws_internet_gateway.gw"));
        QCOMPARE(gateway->componentType, QStringLiteral("internetgateway"));
        QCOMPARE(gateway->parent, QStringLiteral("aws_vpc.fail"));
        QCOMPARE(gateway->action, PlannedAction::Create);
        QCOMPARE(findResource(m, QStringLiteral("aws_security_group.allow_tls"))->componentType, QStringLiteral("sg"));
        QCOMPARE(m.folded.value(QStringLiteral("aws_security_group_rule")), 1);

        const ConversionResult result = composeBlueprint(m, {});
        QVERIFY(result.ok());
        QCOMPARE(result.nodeCount, 1);
        const QJsonObject node = dataArray(result, "nodes").at(0).toObject();
        QCOMPARE(node.value(u"type").toString(), QStringLiteral("internetgateway"));
        // To be created: green, and said in the label.
        QCOMPARE(node.value(u"color").toObject().value(u"2d").toString(), QStringLiteral("#2e7d32"));
        QCOMPARE(labelOf(result, node.value(u"id").toString()), QStringLiteral("gw (create)"));
        const QJsonObject vpcGroup = groupNamed(result, QStringLiteral("fail (create)"));
        QCOMPARE(vpcGroup.value(u"type").toString(), QStringLiteral("vpc"));
        QCOMPARE(vpcGroup.value(u"nodes").toArray(), QJsonArray { node.value(u"id") });
        bool legend = false;
        for (const QJsonValue &text : dataArray(result, "text"))
            legend = legend || text.toObject().value(u"text").toString().startsWith(QStringLiteral("Planned changes"));
        QVERIFY(legend);
    }

    void plannedActionsAndConfigurationReferences()
    {
        const InfraReadResult read = readTerraformPlan(changesPlan(), QStringLiteral("changes.json"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const InfraModel &m = read.model;
        QCOMPARE(m.format, QStringLiteral("terraform-plan"));
        QCOMPARE(findResource(m, QStringLiteral("aws_vpc.main"))->action, PlannedAction::None);
        QCOMPARE(findResource(m, QStringLiteral("aws_s3_bucket.logs"))->action, PlannedAction::Update);
        QCOMPARE(findResource(m, QStringLiteral("aws_db_instance.orders"))->action, PlannedAction::Replace);
        // Destroyed resources are not in planned_values: drawn from their state before the change.
        const InfraResource *old = findResource(m, QStringLiteral("aws_sqs_queue.old"));
        QVERIFY(old);
        QCOMPARE(old->action, PlannedAction::Delete);
        QCOMPARE(old->name, QStringLiteral("old-jobs"));
        QCOMPARE(old->attributes.value(u"queueType").toString(), QStringLiteral("fifo"));
        const InfraResource *web = findResource(m, QStringLiteral("module.app.aws_instance.web[0]"));
        QCOMPARE(web->action, PlannedAction::Create);
        QCOMPARE(web->name, QStringLiteral("web-1"));
        QCOMPARE(web->attributes.value(u"instanceType").toString(), QStringLiteral("c5"));
        QCOMPARE(web->attributes.value(u"instanceSize").toString(), QStringLiteral("xlarge"));
        QCOMPARE(web->region, QStringLiteral("ap-southeast-2")); // the provider's region
        QCOMPARE(web->parent, QStringLiteral("module.app.aws_subnet.app[0]")); // module-relative reference
        QVERIFY(!findResource(m, QStringLiteral("data.aws_ami.ubuntu")));

        const ConversionResult result = composeBlueprint(m, {});
        QCOMPARE(nodeLabelled(result, QStringLiteral("logs (update)")).value(u"color").toObject().value(u"isometric").toString(),
                 QStringLiteral("#f9a825"));
        QCOMPARE(nodeLabelled(result, QStringLiteral("orders (replace)")).value(u"color").toObject().value(u"isometric").toString(),
                 QStringLiteral("#6a1b9a"));
        QCOMPARE(nodeLabelled(result, QStringLiteral("old-jobs (delete)")).value(u"color").toObject().value(u"isometric").toString(),
                 QStringLiteral("#c62828"));
        // markPlannedActions off: plain labels, no action colours.
        ComposeOptions plain;
        plain.markPlannedActions = false;
        const ConversionResult quiet = composeBlueprint(m, plain);
        QVERIFY(nodeLabelled(quiet, QStringLiteral("(update)")).isEmpty());
        QVERIFY(!nodeLabelled(quiet, QStringLiteral("logs")).contains(u"color"));
    }

    // terraform-compliance's test_child_modules: `terraform show -json` of a state, one bucket in a child module.
    void realShowOfAStateWithAChildModule()
    {
        const QByteArray bytes = readTerraformData(QStringLiteral("terraform-compliance-child-modules.show.json"));
        QCOMPARE(detectFormat(bytes, QStringLiteral("x.json")), SourceFormat::TerraformPlan);
        const InfraReadResult read = readTerraformPlan(bytes, QStringLiteral("terraform-compliance-child-modules.show.json"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.model.format, QStringLiteral("terraform-show"));
        QCOMPARE(read.model.resources.size(), 1);
        const InfraResource &bucket = read.model.resources.first();
        QCOMPARE(bucket.componentType, QStringLiteral("s3"));
        QCOMPARE(bucket.name, QStringLiteral("some_random_bucket_name-123808h0i1h3085018g531"));
        QCOMPARE(bucket.action, PlannedAction::None);
        const ConversionResult result = composeBlueprint(read.model, {});
        QCOMPARE(result.nodeCount, 1);
        QCOMPARE(labelOf(result, dataArray(result, "nodes").at(0).toObject().value(u"id").toString()),
                 QStringLiteral("some_random_bucket_name-123808h0i1h3085018g531"));
    }

    void showJsonOfAStateReadsToo()
    {
        const InfraReadResult read = readTerraformPlan(
            R"({"format_version":"1.0","terraform_version":"1.5.0","values":{"root_module":{"resources":[
                {"address":"aws_sqs_queue.q","mode":"managed","type":"aws_sqs_queue","name":"q","values":{"name":"q"}}]}}})",
            QStringLiteral("show.json"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.model.resources.size(), 1);
        QCOMPARE(read.model.resources.first().action, PlannedAction::None);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray real = readTerraformData(QStringLiteral("terraform-compliance-sgr.plan.json"));
        QTest::newRow("empty") << QByteArray() << QStringLiteral("p.json is empty");
        QTest::newRow("binary plan file") << QByteArray("PK\x03\x04tfplan", 10) << QStringLiteral("p.json is not JSON");
        QTest::newRow("text plan") << QByteArray("Terraform will perform the following actions:\n") << QStringLiteral("p.json is not JSON");
        QTest::newRow("truncated") << real.left(2000) << QStringLiteral("p.json ends before its JSON is complete");
        QTest::newRow("a state") << QByteArray(R"({"version":4,"resources":[]})") << QStringLiteral("p.json is a Terraform state file, not a plan");
        QTest::newRow("other json") << QByteArray(R"({"hello":"world"})") << QStringLiteral("p.json is JSON but not terraform show -json output");
        QTest::newRow("format 2") << QByteArray(R"({"format_version":"2.0","planned_values":{}})") << QStringLiteral("p.json has plan format 2.0");
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const InfraReadResult read = readTerraformPlan(bytes, QStringLiteral("p.json"));
        QVERIFY(!read.ok());
        QVERIFY2(read.error.startsWith(expected), qPrintable(read.error));
    }
};

QTEST_GUILESS_MAIN(TstTerraformPlan)
#include "tst_terraformplan.moc"
