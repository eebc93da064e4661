// composeBlueprint: the layout a person sees (areas nested, resources inside their areas, nothing on top of
// anything else), the same bytes for the same input, and nothing left out without saying so.

#include "converttesthelpers.h"

#include "convert/blueprintlayout.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRectF>

#include <algorithm>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

InfraResource resource(const QString &address, const QString &type, const QString &parent = {}, bool container = false)
{
    InfraResource r;
    r.address = address;
    r.sourceType = QStringLiteral("test_") + (type.isEmpty() ? QStringLiteral("thing") : type);
    r.componentType = type;
    r.name = address.section(u'.', -1);
    r.parent = parent;
    r.isContainer = container;
    r.region = QStringLiteral("eu-west-1");
    return r;
}

// Two VPCs with three subnets each, an uneven number of resources per subnet, resources directly in a VPC, some
// at the top level and a few unmapped ones.
InfraModel sampleModel()
{
    InfraModel model;
    model.sourceName = QStringLiteral("sample.tfstate");
    model.format = QStringLiteral("test");
    const QStringList kinds { QStringLiteral("ec2"), QStringLiteral("rds"), QStringLiteral("lambda"), QStringLiteral("elb") };
    for (int v = 0; v < 2; ++v) {
        const QString vpc = QStringLiteral("vpc.v%1").arg(v);
        model.resources.append(resource(vpc, QStringLiteral("vpc"), {}, true));
        for (int s = 0; s < 3; ++s) {
            const QString subnet = QStringLiteral("subnet.v%1s%2").arg(v).arg(s);
            model.resources.append(resource(subnet, QStringLiteral("subnet"), vpc, true));
            for (int n = 0; n < 1 + (v * 3 + s * 2) % 7; ++n)
                model.resources.append(resource(QStringLiteral("node.v%1s%2n%3").arg(v).arg(s).arg(n), kinds.at(n % 4), subnet));
        }
        model.resources.append(resource(QStringLiteral("node.v%1direct").arg(v), QStringLiteral("natgateway"), vpc));
    }
    for (int n = 0; n < 5; ++n)
        model.resources.append(resource(QStringLiteral("top.t%1").arg(n), QStringLiteral("s3")));
    model.resources.append(resource(QStringLiteral("iam.role"), QString()));
    model.resources.append(resource(QStringLiteral("iam.policy"), QString()));
    model.resources.append(resource(QStringLiteral("iam.policy2"), QString(), QStringLiteral("subnet.v0s1")));
    model.resources.last().sourceType = QStringLiteral("test_thing");
    model.resources.append(resource(QStringLiteral("sg.web"), QStringLiteral("sg")));
    model.links.append({ QStringLiteral("node.v0s0n0"), QStringLiteral("sg.web"), QStringLiteral("security-group") });
    model.links.append({ QStringLiteral("node.v0s0n0"), QStringLiteral("node.v1s2n0"), QStringLiteral("reference") });
    model.links.append({ QStringLiteral("top.t0"), QStringLiteral("node.v0s0n0"), QStringLiteral("target") });
    model.links.append({ QStringLiteral("top.t0"), QStringLiteral("vpc.v0"), QStringLiteral("reference") });
    model.links.append({ QStringLiteral("top.t0"), QStringLiteral("missing.thing"), QStringLiteral("reference") });
    return model;
}

bool overlap(const QRectF &a, const QRectF &b)
{
    // Touching edges are fine; shared area is not.
    return a.intersected(b).width() > 1e-9 && a.intersected(b).height() > 1e-9;
}

} // namespace

class TstBlueprintComposer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentShape()
    {
        const ConversionResult result = composeBlueprint(sampleModel(), {});
        QVERIFY(result.ok());
        QCOMPARE(result.blueprint.value(u"name").toString(), QStringLiteral("sample.tfstate"));
        const QJsonObject data = result.blueprint.value(u"data").toObject();
        QCOMPARE(data.value(u"version").toInt(), 4);
        QCOMPARE(data.value(u"grid").toString(), QStringLiteral("infinite"));
        for (const char *key : { "nodes", "groups", "edges", "text", "surfaces", "icons", "images", "connectors" })
            QVERIFY2(data.value(QLatin1StringView(key)).isArray(), key);
        // Every node has an id, a type, a position and a region; every edge joins two existing nodes.
        QSet<QString> ids;
        for (const QJsonValue &value : data.value(u"nodes").toArray()) {
            const QJsonObject node = value.toObject();
            QVERIFY(!node.value(u"id").toString().isEmpty());
            QVERIFY(!node.value(u"type").toString().isEmpty());
            QCOMPARE(node.value(u"mapPos").toArray().size(), 2);
            QCOMPARE(node.value(u"region").toString(), QStringLiteral("eu-west-1"));
            ids.insert(node.value(u"id").toString());
        }
        QCOMPARE(ids.size(), result.nodeCount);
        for (const QJsonValue &value : data.value(u"edges").toArray()) {
            QVERIFY(ids.contains(value.toObject().value(u"from").toString()));
            QVERIFY(ids.contains(value.toObject().value(u"to").toString()));
        }
        // Two node-to-node links become edges; the link to an area and the one to a missing resource do not,
        // and the warnings say so.
        QCOMPARE(result.edgeCount, 2);
        QVERIFY(!result.warnings.filter(QStringLiteral("end at an area")).isEmpty());
        QVERIFY(!result.warnings.filter(QStringLiteral("not in sample.tfstate")).isEmpty());
        // The security group lists its one member.
        const QJsonObject sg = groupNamed(result, QStringLiteral("web"));
        QCOMPARE(sg.value(u"type").toString(), QStringLiteral("sg"));
        QCOMPARE(sg.value(u"nodes").toArray().size(), 1);
    }

    void nestingAndNoOverlaps()
    {
        const InfraModel model = sampleModel();
        const ConversionResult result = composeBlueprint(model, {});
        const QJsonObject data = result.blueprint.value(u"data").toObject();
        QHash<QString, QRectF> areaById;
        QHash<QString, QString> areaTypeById;
        for (const QJsonValue &value : data.value(u"groups").toArray()) {
            const QJsonObject group = value.toObject();
            if (group.contains(u"mapSize")) {
                areaById.insert(group.value(u"id").toString(), rectOf(group, 0));
                areaTypeById.insert(group.value(u"id").toString(), group.value(u"type").toString());
            }
        }
        QCOMPARE(areaById.size(), 8); // 2 VPCs + 6 subnets
        QHash<QString, QRectF> nodeById;
        for (const QJsonValue &value : data.value(u"nodes").toArray())
            nodeById.insert(value.toObject().value(u"id").toString(), rectOf(value.toObject(), BlueprintLayout::NodeSize));

        // No two nodes overlap.
        const QList<QRectF> nodes = nodeById.values();
        for (qsizetype i = 0; i < nodes.size(); ++i)
            for (qsizetype j = i + 1; j < nodes.size(); ++j)
                QVERIFY2(!overlap(nodes.at(i), nodes.at(j)), "two nodes overlap");
        // Each area's member nodes lie inside it; a node that is not a member lies outside.
        for (const QJsonValue &value : data.value(u"groups").toArray()) {
            const QJsonObject group = value.toObject();
            if (!group.contains(u"mapSize"))
                continue;
            const QRectF area = rectOf(group, 0);
            QSet<QString> members;
            for (const QJsonValue &member : group.value(u"nodes").toArray())
                members.insert(member.toString());
            QVERIFY(!members.isEmpty());
            for (auto it = nodeById.constBegin(); it != nodeById.constEnd(); ++it) {
                if (members.contains(it.key()))
                    QVERIFY2(area.contains(it.value()), qPrintable(group.value(u"name").toString()));
                else
                    QVERIFY2(!overlap(area, it.value()), qPrintable(group.value(u"name").toString()));
            }
        }
        // Subnets sit inside their VPC and never overlap one another; the two VPCs do not overlap.
        QList<QRectF> subnets;
        QList<QRectF> vpcs;
        for (auto it = areaById.constBegin(); it != areaById.constEnd(); ++it)
            (areaTypeById.value(it.key()) == u"vpc" ? vpcs : subnets).append(it.value());
        QCOMPARE(vpcs.size(), 2);
        QVERIFY(!overlap(vpcs.at(0), vpcs.at(1)));
        for (qsizetype i = 0; i < subnets.size(); ++i) {
            QVERIFY(vpcs.at(0).contains(subnets.at(i)) || vpcs.at(1).contains(subnets.at(i)));
            for (qsizetype j = i + 1; j < subnets.size(); ++j)
                QVERIFY(!overlap(subnets.at(i), subnets.at(j)));
        }
    }

    void deterministic()
    {
        const InfraModel model = sampleModel();
        const QByteArray first = QJsonDocument(composeBlueprint(model, {}).blueprint).toJson(QJsonDocument::Compact);
        QCOMPARE(QJsonDocument(composeBlueprint(model, {}).blueprint).toJson(QJsonDocument::Compact), first);
        // The order resources and links come in does not matter.
        InfraModel shuffled = model;
        QRandomGenerator random(42);
        std::shuffle(shuffled.resources.begin(), shuffled.resources.end(), random);
        std::reverse(shuffled.links.begin(), shuffled.links.end());
        QCOMPARE(QJsonDocument(composeBlueprint(shuffled, {}).blueprint).toJson(QJsonDocument::Compact), first);
    }

    void unmappedKeptListedOrLeftOut()
    {
        const ConversionResult kept = composeBlueprint(sampleModel(), {});
        QCOMPARE(kept.unmapped.value(QStringLiteral("test_thing")), 3);
        const QJsonObject block = nodeLabelled(kept, QStringLiteral("role"));
        QCOMPARE(block.value(u"type").toString(), QStringLiteral("block"));
        QVERIFY(labelOf(kept, block.value(u"id").toString()).startsWith(QStringLiteral("test_thing: ")));
        QVERIFY(!kept.warnings.filter(QStringLiteral("drawn as generic blocks")).isEmpty());

        ComposeOptions drop;
        drop.keepUnmapped = false;
        const ConversionResult dropped = composeBlueprint(sampleModel(), drop);
        QCOMPARE(dropped.unmapped, kept.unmapped); // still listed
        QCOMPARE(dropped.nodeCount, kept.nodeCount - 3);
        QVERIFY(nodeLabelled(dropped, QStringLiteral("role")).isEmpty());
        QVERIFY(!dropped.warnings.filter(QStringLiteral("left out")).isEmpty());

        // A draw.io shape we cannot map says its kind without the drawing library's prefix.
        InfraModel drawing;
        drawing.sourceName = QStringLiteral("d.drawio");
        drawing.resources.append(resource(QStringLiteral("alarm1"), QString()));
        drawing.resources.last().sourceType = QStringLiteral("mxgraph.aws4.alarm");
        drawing.resources.last().name = QStringLiteral("Latency alarm");
        const ConversionResult fromDrawing = composeBlueprint(drawing, {});
        QCOMPARE(dataArray(fromDrawing, "nodes").at(0).toObject().value(u"name").toString(),
                 QStringLiteral("alarm: Latency alarm"));
        QCOMPARE(fromDrawing.unmapped.value(QStringLiteral("mxgraph.aws4.alarm")), 1); // listed by its full type
    }

    void malformedModelsStillCompose()
    {
        InfraModel model;
        model.sourceName = QStringLiteral("loop.json");
        // A parent cycle, a parent that is not an area, an unknown parent and a duplicate address.
        model.resources.append(resource(QStringLiteral("a"), QStringLiteral("vpc"), QStringLiteral("b"), true));
        model.resources.append(resource(QStringLiteral("b"), QStringLiteral("subnet"), QStringLiteral("a"), true));
        model.resources.append(resource(QStringLiteral("c"), QStringLiteral("ec2"), QStringLiteral("d")));
        model.resources.append(resource(QStringLiteral("d"), QStringLiteral("ec2"), QStringLiteral("nowhere")));
        model.resources.append(resource(QStringLiteral("d"), QStringLiteral("rds")));
        const ConversionResult result = composeBlueprint(model, {});
        QVERIFY(result.ok());
        QCOMPARE(result.nodeCount, 2);
        QVERIFY(!result.warnings.filter(QStringLiteral("more than once")).isEmpty());
    }

    void containersWithoutAGroupTypeBecomeZones()
    {
        InfraModel model;
        model.sourceName = QStringLiteral("d.drawio");
        model.resources.append(resource(QStringLiteral("az"), QString(), {}, true));
        model.resources.append(resource(QStringLiteral("vm"), QStringLiteral("ec2"), QStringLiteral("az")));
        const ConversionResult result = composeBlueprint(model, {});
        QCOMPARE(dataArray(result, "surfaces").size(), 1);
        QCOMPARE(dataArray(result, "surfaces").at(0).toObject().value(u"type").toString(), QStringLiteral("zone"));
        const QRectF zone = rectOf(dataArray(result, "surfaces").at(0).toObject(), 0);
        QVERIFY(zone.contains(rectOf(dataArray(result, "nodes").at(0).toObject(), BlueprintLayout::NodeSize)));
        // Captioned with the name its author gave it, not "test_thing: az" (that prefix is for generic blocks).
        QCOMPARE(dataArray(result, "text").size(), 1);
        QCOMPARE(dataArray(result, "text").at(0).toObject().value(u"text").toString(), QStringLiteral("az"));
        // An unnamed one still says what it is.
        model.resources.first().name.clear();
        const ConversionResult unnamed = composeBlueprint(model, {});
        QCOMPARE(dataArray(unnamed, "text").at(0).toObject().value(u"text").toString(), QStringLiteral("test_thing: az"));
    }

    // Subnets routed to an internet gateway are drawn above the others, whatever their names; a subnet routed to a
    // NAT gateway is not public. The route links themselves are not edges (a subnet is an area) and are counted.
    void publicSubnetsAboveOthers()
    {
        InfraModel model;
        model.sourceName = QStringLiteral("net.template");
        model.resources.append(resource(QStringLiteral("net"), QStringLiteral("vpc"), {}, true));
        for (const char *subnet : { "a-app", "b-app", "y-web", "z-web" })
            model.resources.append(resource(QLatin1String(subnet), QStringLiteral("subnet"), QStringLiteral("net"), true));
        model.resources.append(resource(QStringLiteral("igw"), QStringLiteral("internetgateway"), QStringLiteral("net")));
        model.resources.append(resource(QStringLiteral("nat"), QStringLiteral("natgateway"), QStringLiteral("y-web")));
        for (const char *subnet : { "y-web", "z-web" })
            model.links.append({ QLatin1String(subnet), QStringLiteral("igw"), QStringLiteral("route") });
        for (const char *subnet : { "a-app", "b-app" })
            model.links.append({ QLatin1String(subnet), QStringLiteral("nat"), QStringLiteral("route") });
        const ConversionResult result = composeBlueprint(model, {});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QHash<QString, QRectF> areas;
        for (const QJsonValue &group : dataArray(result, "groups"))
            areas.insert(group.toObject().value(u"name").toString(), rectOf(group.toObject(), 0));
        for (const char *web : { "y-web", "z-web" }) {
            for (const char *app : { "a-app", "b-app" })
                QVERIFY2(areas.value(QLatin1String(web)).bottom() <= areas.value(QLatin1String(app)).top(),
                         qPrintable(QStringLiteral("%1 is not above %2").arg(QLatin1String(web), QLatin1String(app))));
        }
        QCOMPARE(result.edgeCount, 0);
        QVERIFY(!result.warnings.filter(QStringLiteral("4 default routes of subnets")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstBlueprintComposer)
#include "tst_blueprintcomposer.moc"
