// readDrawio: AWS shapes to components, containers from the parent hierarchy, security group boxes, edges, labels
// without HTML, the compressed page form, several pages, and damaged files as one sentence. Real drawings from
// tests/data/drawio (tests/data/SOURCES.md): every one converts, and five are checked against what a person reads in
// them.

#include "convert/cloudcraftcomponents.h"
#include "convert/converter.h"
#include "convert/drawio.h"

#include "converttesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <zlib.h>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

// A three-tier drawing as diagrams.net saves it with the AWS 2019+ (aws4) library: AWS Cloud > VPC > public and
// private subnets, an ALB, two instances in an auto scaling group, an RDS database inside a security group box,
// users outside, edges users -> ALB -> instances -> database, and a free text note.
const char *const kThreeTier = R"(<mxGraphModel><root>
  <mxCell id="0"/><mxCell id="1" parent="0"/>
  <mxCell id="cloud" value="AWS Cloud" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud_alt;container=1;" vertex="1" parent="1"><mxGeometry x="100" y="0" width="900" height="600" as="geometry"/></mxCell>
  <mxCell id="vpc" value="&lt;b&gt;Production&lt;/b&gt; VPC&lt;br&gt;10.0.0.0/16" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;strokeColor=#8C4FFF;container=1;" vertex="1" parent="cloud"><mxGeometry x="20" y="40" width="860" height="540" as="geometry"/></mxCell>
  <mxCell id="pub" value="Public subnet" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;container=1;" vertex="1" parent="vpc"><mxGeometry x="20" y="40" width="400" height="200" as="geometry"/></mxCell>
  <mxCell id="priv" value="Private subnet" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;container=1;" vertex="1" parent="vpc"><mxGeometry x="20" y="260" width="800" height="260" as="geometry"/></mxCell>
  <mxCell id="alb" value="web-alb" style="outlineConnect=0;shape=mxgraph.aws4.application_load_balancer;fillColor=#8C4FFF;" vertex="1" parent="pub"><mxGeometry x="40" y="60" width="78" height="78" as="geometry"/></mxCell>
  <mxCell id="asg" value="Auto Scaling group" style="shape=mxgraph.aws4.groupCenter;grIcon=mxgraph.aws4.group_auto_scaling_group;dashed=1;container=1;" vertex="1" parent="priv"><mxGeometry x="20" y="40" width="300" height="180" as="geometry"/></mxCell>
  <UserObject label="web-1" owner="team-a" id="web1"><mxCell style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.ec2;" vertex="1" parent="asg"><mxGeometry x="20" y="60" width="60" height="60" as="geometry"/></mxCell></UserObject>
  <mxCell id="web2" value="web-2" style="shape=mxgraph.aws4.instance2;" vertex="1" parent="asg"><mxGeometry x="160" y="60" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="dbsg" value="db-sg" style="rounded=0;fillColor=none;strokeColor=#DD3522;dashed=0;container=1;" vertex="1" parent="priv"><mxGeometry x="400" y="40" width="200" height="180" as="geometry"/></mxCell>
  <mxCell id="db" value="orders&amp;nbsp;db" style="shape=mxgraph.aws4.rds_postgresql_instance;" vertex="1" parent="dbsg"><mxGeometry x="60" y="60" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="users" value="Users" style="shape=mxgraph.aws4.users;" vertex="1" parent="1"><mxGeometry x="0" y="200" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="note" value="Drawn for the design review" style="text;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="100" height="20" as="geometry"/></mxCell>
  <mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1" source="users" target="alb"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="e2" edge="1" parent="1" source="alb" target="web1"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="e3" edge="1" parent="1" source="alb" target="web2"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="e4" edge="1" parent="1" source="web1" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="e5" edge="1" parent="1" source="web2" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="dangling" edge="1" parent="1" source="db"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel>)";

const char *const kServerless = R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
  <mxCell id="api" value="Orders API" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.api_gateway;" vertex="1" parent="1"><mxGeometry as="geometry"/></mxCell>
  <mxCell id="fn" value="handler" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;" vertex="1" parent="1"><mxGeometry as="geometry"/></mxCell>
  <mxCell id="table" value="orders" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.dynamodb;" vertex="1" parent="1"><mxGeometry as="geometry"/></mxCell>
  <mxCell id="x1" edge="1" parent="1" source="api" target="fn"><mxGeometry as="geometry"/></mxCell>
  <mxCell id="x2" edge="1" parent="1" source="fn" target="table"><mxGeometry as="geometry"/></mxCell>
</root></mxGraphModel>)";

// The older aws3 library as many drawings still use it: a plain dashed box marked as a VPC by the small VPC badge
// on its corner (on the layer, not a child of the box), a labelled subnet box, instance, NAT gateway and MySQL
// shapes placed over the boxes without being their children (instance and NAT gateway grouped with Ctrl+G, so
// their positions are relative to the invisible group cell), a classic load balancer outside, and a large
// unlabelled background frame behind everything.
const char *const kAws3 = R"(<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
  <mxCell id="frame" value="" style="rounded=0;whiteSpace=wrap;html=1;fillColor=#F5F5F5;" vertex="1" parent="1"><mxGeometry x="-200" y="0" width="1000" height="800" as="geometry"/></mxCell>
  <mxCell id="vpcbox" value="" style="rounded=1;arcSize=10;dashed=1;fillColor=none;strokeColor=#F59D56;" vertex="1" parent="1"><mxGeometry x="100" y="100" width="600" height="400" as="geometry"/></mxCell>
  <mxCell id="badge" value="" style="outlineConnect=0;dashed=0;html=1;shape=mxgraph.aws3.virtual_private_cloud;fillColor=#F58534;" vertex="1" parent="1"><mxGeometry x="90" y="84" width="79.5" height="54" as="geometry"/></mxCell>
  <mxCell id="subnet" value="Public subnet&lt;br&gt;10.0.1.0/24" style="rounded=0;html=1;fillColor=#E9F3E6;strokeColor=#248814;" vertex="1" parent="1"><mxGeometry x="140" y="160" width="300" height="300" as="geometry"/></mxCell>
  <mxCell id="pair" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="180" y="220" width="180" height="60" as="geometry"/></mxCell>
  <mxCell id="web" value="web" style="outlineConnect=0;html=1;shape=mxgraph.aws3.instance;fillColor=#F58534;" vertex="1" parent="pair"><mxGeometry width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="nat" value="NAT" style="outlineConnect=0;html=1;shape=mxgraph.aws3.vpc_nat_gateway;fillColor=#F58534;" vertex="1" parent="pair"><mxGeometry x="120" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="db" value="orders" style="outlineConnect=0;html=1;shape=mxgraph.aws3.mysql_db_instance;fillColor=#2E73B8;" vertex="1" parent="1"><mxGeometry x="520" y="220" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="lb" value="lb" style="outlineConnect=0;html=1;shape=mxgraph.aws3.classic_load_balancer;fillColor=#F58534;" vertex="1" parent="1"><mxGeometry x="-100" y="220" width="60" height="60" as="geometry"/></mxCell>
  <mxCell id="e1" edge="1" parent="1" source="lb" target="web"><mxGeometry relative="1" as="geometry"/></mxCell>
  <mxCell id="e2" edge="1" parent="1" source="web" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel>)";

QByteArray page(const char *name, const QByteArray &content)
{
    return QByteArray("<diagram id=\"") + name + "\" name=\"" + name + "\">" + content + "</diagram>";
}

QByteArray file(const QList<QByteArray> &pages)
{
    QByteArray out = "<mxfile host=\"app.diagrams.net\" version=\"24.7.17\">";
    for (const QByteArray &p : pages)
        out += p;
    return out + "</mxfile>";
}

/// draw.io's compressed page: base64(raw deflate(encodeURIComponent(xml))).
QByteArray compressed(const QByteArray &xml)
{
    const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(xml), "-_.!~*'()");
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(encoded.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(encoded.constData()));
    s.avail_in = uInt(encoded.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out.toBase64();
}

QString realDrawingsDir()
{
    return QStringLiteral(CLOUDCRAFT_CONVERT_DATA_DIR "/drawio");
}

QByteArray realDrawing(const QString &name)
{
    QFile file(realDrawingsDir() + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The areas around a resource, outermost first: "Region A > VPC"; "top level" when none.
QString placeOf(const InfraModel &model, const InfraResource &resource)
{
    QStringList chain;
    for (const InfraResource *area = findResource(model, resource.parent); area && chain.size() < 100;
         area = findResource(model, area->parent))
        chain.prepend(area->name);
    return chain.isEmpty() ? QStringLiteral("top level") : chain.join(QLatin1String(" > "));
}

/// What a person names in a drawing: kind (Cloudcraft type, or the draw.io shape when unmapped), label, place.
QString describe(const InfraModel &model, const InfraResource &resource)
{
    const QString kind = resource.componentType.isEmpty() ? resource.sourceType : resource.componentType;
    return QStringLiteral("%1 \"%2\" in %3").arg(kind, resource.name, placeOf(model, resource));
}

QStringList describeResources(const InfraModel &model)
{
    QStringList out;
    for (const InfraResource &resource : model.resources)
        out << describe(model, resource);
    out.sort();
    return out;
}

/// The arrows: "label (place) -> label (place)".
QStringList describeArrows(const InfraModel &model)
{
    const auto end = [&model](const QString &address) {
        const InfraResource *r = findResource(model, address);
        return r ? QStringLiteral("%1 (%2)").arg(r->name, placeOf(model, *r)) : QStringLiteral("missing ") + address;
    };
    QStringList out;
    for (const InfraLink &link : model.links) {
        if (link.kind == u"reference")
            out << end(link.from) + QStringLiteral(" -> ") + end(link.to);
    }
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TstDrawio final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What a person sees in the three-tier drawing, written out by hand.
    void threeTierAsAPersonSeesIt()
    {
        const QByteArray bytes = file({page("Page-1", kThreeTier)});
        QVERIFY(looksLikeDrawio(bytes));
        const InfraReadResult r = readDrawio(bytes, QStringLiteral("three-tier.drawio"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        QCOMPARE(m.format, QStringLiteral("drawio"));
        QStringList addresses;
        for (const InfraResource &resource : m.resources)
            addresses << resource.address;
        QVERIFY2(m.resources.size() == 11, qPrintable(addresses.join(u' '))); // cloud, vpc, 2 subnets, alb, asg, 2 instances, sg, db, users; not the note
        QVERIFY(!findResource(m, QStringLiteral("note")));

        const InfraResource *cloud = findResource(m, QStringLiteral("cloud"));
        QVERIFY(cloud->isContainer);
        QCOMPARE(cloud->componentType, QString()); // an area with no Cloudcraft group type
        const InfraResource *vpc = findResource(m, QStringLiteral("vpc"));
        QCOMPARE(vpc->componentType, QStringLiteral("vpc"));
        QCOMPARE(vpc->name, QStringLiteral("Production VPC 10.0.0.0/16"));
        QCOMPARE(vpc->parent, QStringLiteral("cloud"));
        QCOMPARE(findResource(m, QStringLiteral("pub"))->componentType, QStringLiteral("subnet"));
        QCOMPARE(findResource(m, QStringLiteral("pub"))->parent, QStringLiteral("vpc"));
        QCOMPARE(findResource(m, QStringLiteral("priv"))->componentType, QStringLiteral("subnet"));

        const InfraResource *alb = findResource(m, QStringLiteral("alb"));
        QCOMPARE(alb->componentType, QStringLiteral("elb"));
        QCOMPARE(alb->attributes.value(QLatin1String("elbType")).toString(), QStringLiteral("application"));
        QCOMPARE(alb->parent, QStringLiteral("pub"));
        QCOMPARE(findResource(m, QStringLiteral("asg"))->componentType, QStringLiteral("asg"));
        QCOMPARE(findResource(m, QStringLiteral("asg"))->parent, QStringLiteral("priv"));
        const InfraResource *web1 = findResource(m, QStringLiteral("web1"));
        QCOMPARE(web1->componentType, QStringLiteral("ec2"));
        QCOMPARE(web1->name, QStringLiteral("web-1")); // label of the UserObject wrapper
        QCOMPARE(web1->parent, QStringLiteral("asg"));
        QCOMPARE(findResource(m, QStringLiteral("web2"))->componentType, QStringLiteral("ec2"));

        // The red box is a security group around the database, not an area: the database sits in the subnet.
        const InfraResource *sg = findResource(m, QStringLiteral("dbsg"));
        QCOMPARE(sg->componentType, QStringLiteral("sg"));
        QVERIFY(!sg->isContainer);
        const InfraResource *db = findResource(m, QStringLiteral("db"));
        QCOMPARE(db->componentType, QStringLiteral("rds"));
        QCOMPARE(db->attributes.value(QLatin1String("engine")).toString(), QStringLiteral("postgres"));
        QCOMPARE(db->name, QStringLiteral("orders db"));
        QCOMPARE(db->parent, QStringLiteral("priv"));
        QVERIFY(hasLink(m, QStringLiteral("db"), QStringLiteral("dbsg"), QStringLiteral("security-group")));

        QCOMPARE(findResource(m, QStringLiteral("users"))->componentType, QStringLiteral("user"));
        QCOMPARE(findResource(m, QStringLiteral("users"))->parent, QString());
        for (const auto &[from, to] : {std::pair{"users", "alb"}, {"alb", "web1"}, {"alb", "web2"}, {"web1", "db"}, {"web2", "db"}})
            QVERIFY2(hasLink(m, QLatin1String(from), QLatin1String(to), QStringLiteral("reference")), from);
        QCOMPARE(m.links.size(), 6); // five edges and the security group; the dangling edge is left out

        // Converted: five nodes, the VPC, two subnets, the auto scaling group and the security group as groups,
        // and the five arrows as edges.
        QCOMPARE(detectFormat(bytes, QStringLiteral("three-tier.drawio")), SourceFormat::Drawio);
        const ConversionResult c = convertBytes(bytes, QStringLiteral("three-tier.drawio"), SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.nodeCount, 5);
        QCOMPARE(c.groupCount, 5);
        QCOMPARE(c.edgeCount, 5);
        QVERIFY(c.unmapped.isEmpty());
    }

    void compressedPageReadsLikeThePlainOne()
    {
        const InfraReadResult plain = readDrawio(file({page("Page-1", kThreeTier)}), QStringLiteral("a.drawio"));
        const QByteArray packed = file({QByteArray("<diagram id=\"x\" name=\"Page-1\">") + compressed(kThreeTier) + "</diagram>"});
        const InfraReadResult r = readDrawio(packed, QStringLiteral("b.drawio"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.model.resources.size(), plain.model.resources.size());
        QCOMPARE(r.model.links.size(), plain.model.links.size());
        QCOMPARE(findResource(r.model, QStringLiteral("vpc"))->name, QStringLiteral("Production VPC 10.0.0.0/16"));
        QCOMPARE(findResource(r.model, QStringLiteral("db"))->parent, QStringLiteral("priv"));
    }

    void multiplePages()
    {
        const QByteArray bytes = file({page("Network", kThreeTier), QByteArray("<diagram id=\"s\" name=\"Serverless\">")
                                                                         + compressed(kServerless) + "</diagram>"});
        const InfraReadResult all = readDrawio(bytes, QStringLiteral("two.drawio"));
        QVERIFY2(all.ok(), qPrintable(all.error));
        // Each page is an area named after it; ids repeat across pages, so they carry the page number.
        const InfraResource *second = findResource(all.model, QStringLiteral("p2/page"));
        QVERIFY(second);
        QVERIFY(second->isContainer);
        QCOMPARE(second->name, QStringLiteral("Serverless"));
        QCOMPARE(findResource(all.model, QStringLiteral("p2/fn"))->componentType, QStringLiteral("lambda"));
        QCOMPARE(findResource(all.model, QStringLiteral("p2/fn"))->parent, QStringLiteral("p2/page"));
        QCOMPARE(findResource(all.model, QStringLiteral("p1/vpc"))->parent, QStringLiteral("p1/cloud"));
        QCOMPARE(findResource(all.model, QStringLiteral("p1/cloud"))->parent, QStringLiteral("p1/page"));
        QVERIFY(hasLink(all.model, QStringLiteral("p2/api"), QStringLiteral("p2/fn"), QStringLiteral("reference")));
        QVERIFY(hasLink(all.model, QStringLiteral("p2/fn"), QStringLiteral("p2/table"), QStringLiteral("reference")));
        QCOMPARE(all.model.resources.size(), 2 + 11 + 3);

        const InfraReadResult first = readDrawio(bytes, QStringLiteral("two.drawio"), DrawioPages::First);
        QVERIFY(first.ok());
        QCOMPARE(first.model.resources.size(), 11);
        QVERIFY(findResource(first.model, QStringLiteral("vpc")));
    }

    // The badge makes its box the VPC and is not a resource itself; shapes are placed in the boxes they lie in;
    // the unlabelled background frame is no area.
    void aws3VpcBadgeAndNestingByPosition()
    {
        const InfraReadResult r = readDrawio(file({page("Page-1", kAws3)}), QStringLiteral("aws3.drawio"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QStringList seen = describeResources(r.model);
        const QStringList expected = sorted({
            QStringLiteral("vpc \"VPC\" in top level"),
            QStringLiteral("subnet \"Public subnet 10.0.1.0/24\" in VPC"),
            QStringLiteral("ec2 \"web\" in VPC > Public subnet 10.0.1.0/24"),
            QStringLiteral("natgateway \"NAT\" in VPC > Public subnet 10.0.1.0/24"),
            QStringLiteral("rds \"orders\" in VPC"),
            QStringLiteral("elb \"lb\" in top level"),
        });
        QVERIFY2(seen == expected, qPrintable(seen.join(u'\n')));
        const auto attribute = [&r](const char *address, const char *name) {
            return findResource(r.model, QLatin1String(address))->attributes.value(QLatin1String(name)).toString();
        };
        QCOMPARE(attribute("db", "engine"), QStringLiteral("mysql"));
        QCOMPARE(attribute("lb", "elbType"), QStringLiteral("classic"));
        QCOMPARE(describeArrows(r.model),
                 sorted({QStringLiteral("lb (top level) -> web (VPC > Public subnet 10.0.1.0/24)"),
                         QStringLiteral("web (VPC > Public subnet 10.0.1.0/24) -> orders (VPC)")}));
    }

    void realDrawingsAreThere()
    {
        const QStringList files = QDir(realDrawingsDir()).entryList({QStringLiteral("*.drawio")}, QDir::Files);
        QVERIFY2(files.size() >= 5, qPrintable(files.join(u' ')));
    }

    // Every real drawing converts: no error, something drawn, and whatever has no Cloudcraft type is listed by its
    // shape and kept as a block, never dropped.
    void everyRealDrawingConverts_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : QDir(realDrawingsDir()).entryList({QStringLiteral("*.drawio")}, QDir::Files))
            QTest::newRow(qPrintable(name)) << name;
    }

    void everyRealDrawingConverts()
    {
        QFETCH(QString, name);
        const QByteArray bytes = realDrawing(name);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(detectFormat(bytes, name), SourceFormat::Drawio);
        const InfraReadResult read = readDrawio(bytes, name);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QMap<QString, int> unmappedShapes;
        int drawnAsNodes = 0;
        for (const InfraResource &r : read.model.resources) {
            QVERIFY2(!r.sourceType.startsWith(u"mxgraph.mxgraph"), qPrintable(r.sourceType));
            if (r.isContainer || Cloudcraft::Core::Components::isGroupType(r.componentType))
                continue;
            ++drawnAsNodes;
            if (r.componentType.isEmpty())
                ++unmappedShapes[r.sourceType];
        }
        QVERIFY(drawnAsNodes > 0);

        const ConversionResult c = convertBytes(bytes, name, SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.nodeCount, drawnAsNodes);
        QCOMPARE(c.unmapped, unmappedShapes);
        QVERIFY(c.nodeCount > unmappedShapes.size()); // some AWS services are recognised in each
    }

    // Five real drawings read by a person and written down: the services and areas they see, where each sits, and
    // the arrows between them.
    void realDrawingAsAPersonReadsIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("resources");
        QTest::addColumn<QStringList>("arrows");

        // Two regions, each with a VPC where a network load balancer sends to ECS on Fargate; in N. Virginia a
        // Route 53 failover record points at both balancers, and two CloudWatch alarms notify an SNS topic. Health
        // check arrows end in the air and the e-mail envelope is a picture: neither is a resource.
        QTest::newRow("route53 failover")
            << QStringLiteral("aws-cdk-route53-failover.drawio")
            << QStringList{
                   QStringLiteral("mxgraph.aws4.group_region \"Region N.Virginia\" in top level"),
                   QStringLiteral("mxgraph.aws4.group_region \"Region A\" in top level"),
                   QStringLiteral("mxgraph.aws4.group_region \"Region B\" in top level"),
                   QStringLiteral("vpc \"VPC\" in Region A"),
                   QStringLiteral("vpc \"VPC\" in Region B"),
                   QStringLiteral("elb \"NLB\" in Region A > VPC"),
                   QStringLiteral("elb \"NLB\" in Region B > VPC"),
                   QStringLiteral("ecscluster \"ECS\" in Region A > VPC"),
                   QStringLiteral("ecscluster \"ECS\" in Region B > VPC"),
                   QStringLiteral("ecsservice \"Fargate\" in Region A > VPC"),
                   QStringLiteral("ecsservice \"Fargate\" in Region B > VPC"),
                   QStringLiteral("r53 \"Route 53 HostedZone Failover Record\" in Region N.Virginia"),
                   QStringLiteral("r53 \"Route 53 Health Check\" in Region N.Virginia"),
                   QStringLiteral("r53 \"Route 53 Health Check\" in Region N.Virginia"),
                   QStringLiteral("sns \"SNS Topic\" in Region N.Virginia"),
                   QStringLiteral("mxgraph.aws4.alarm \"Alarm\" in Region N.Virginia"),
                   QStringLiteral("mxgraph.aws4.alarm \"Alarm\" in Region N.Virginia"),
                   QStringLiteral("mxgraph.aws4.metrics \"HealthCheckStatus Metric\" in Region N.Virginia"),
                   QStringLiteral("mxgraph.aws4.metrics \"HealthCheckStatus Metric\" in Region N.Virginia"),
               }
            << QStringList{
                   QStringLiteral("NLB (Region A > VPC) -> Fargate (Region A > VPC)"),
                   QStringLiteral("NLB (Region B > VPC) -> Fargate (Region B > VPC)"),
                   QStringLiteral("Route 53 HostedZone Failover Record (Region N.Virginia) -> NLB (Region A > VPC)"),
                   QStringLiteral("Route 53 HostedZone Failover Record (Region N.Virginia) -> NLB (Region B > VPC)"),
                   QStringLiteral("Alarm (Region N.Virginia) -> SNS Topic (Region N.Virginia)"),
                   QStringLiteral("Alarm (Region N.Virginia) -> SNS Topic (Region N.Virginia)"),
               };

        // AWS Cloud > VPC > two private subnets: one with a loader Lambda and the Aurora database, one with a second
        // loader. Outside the VPC an S3 bucket notifies an SQS queue (with a dead-letter queue) that both loaders
        // consume; the database reads the CSV from the bucket; an alarm watches the dead-letter queue and notifies
        // SNS; a loader logs to CloudWatch Logs. Labels are HTML ("Load Function<div>Lambda</div>"); the upload
        // arrow has no source and the arrow captions are labels, not resources.
        const QString subnet = QStringLiteral("AWS Cloud > VPC > Private subnet");
        QTest::newRow("aurora s3 data load")
            << QStringLiteral("aws-cdk-aurora-s3-data-load.drawio")
            << QStringList{
                   QStringLiteral("mxgraph.aws4.group_aws_cloud_alt \"AWS Cloud\" in top level"),
                   QStringLiteral("vpc \"VPC\" in AWS Cloud"),
                   QStringLiteral("subnet \"Private subnet\" in AWS Cloud > VPC"),
                   QStringLiteral("subnet \"Private subnet\" in AWS Cloud > VPC"),
                   QStringLiteral("lambda \"Load Function Lambda\" in ") + subnet,
                   QStringLiteral("lambda \"Load Function Lambda\" in ") + subnet,
                   QStringLiteral("rds \"Database Aurora\" in ") + subnet,
                   QStringLiteral("s3 \"Data Bucket S3\" in AWS Cloud"),
                   QStringLiteral("sqs \"Notification Queue SQS\" in AWS Cloud"),
                   QStringLiteral("sqs \"Dead-letter queue SQS\" in AWS Cloud"),
                   QStringLiteral("mxgraph.aws4.alarm \"Alarm CloudWatch\" in AWS Cloud"),
                   QStringLiteral("sns \"Alarm Notification SNS\" in AWS Cloud"),
                   QStringLiteral("mxgraph.aws4.cloudwatch_logs \"CloudWatch Logs\" in AWS Cloud"),
               }
            << QStringList{
                   QStringLiteral("Data Bucket S3 (AWS Cloud) -> Notification Queue SQS (AWS Cloud)"),
                   QStringLiteral("Notification Queue SQS (AWS Cloud) -> Dead-letter queue SQS (AWS Cloud)"),
                   QStringLiteral("Notification Queue SQS (AWS Cloud) -> Load Function Lambda (%1)").arg(subnet),
                   QStringLiteral("Notification Queue SQS (AWS Cloud) -> Load Function Lambda (%1)").arg(subnet),
                   QStringLiteral("Load Function Lambda (%1) -> Database Aurora (%1)").arg(subnet),
                   QStringLiteral("Load Function Lambda (%1) -> Database Aurora (%1)").arg(subnet),
                   QStringLiteral("Database Aurora (%1) -> Data Bucket S3 (AWS Cloud)").arg(subnet),
                   QStringLiteral("Alarm CloudWatch (AWS Cloud) -> Dead-letter queue SQS (AWS Cloud)"),
                   QStringLiteral("Alarm CloudWatch (AWS Cloud) -> Alarm Notification SNS (AWS Cloud)"),
                   QStringLiteral("Load Function Lambda (%1) -> CloudWatch Logs (AWS Cloud)").arg(subnet),
               };

        // Nothing here is nested in the file: the shapes lie on the layer, inside the "CDK Deployment" box and the
        // AWS Cloud group only to the eye. The Lambda is the older aws3 shape; the CDK icon has no label.
        const QString deployment = QStringLiteral("AWS Cloud > CDK Deployment");
        QTest::newRow("iot core (nesting by position)")
            << QStringLiteral("aws-cdk-iotcore.drawio")
            << QStringList{
                   QStringLiteral("mxgraph.aws4.group_aws_cloud_alt \"AWS Cloud\" in top level"),
                   QStringLiteral("rectangle \"CDK Deployment\" in AWS Cloud"),
                   QStringLiteral("mxgraph.aws4.cloud_development_kit \"cloud development kit\" in AWS Cloud"),
                   QStringLiteral("mxgraph.aws4.policy \"Thing Policy\" in ") + deployment,
                   QStringLiteral("mxgraph.aws4.certificate_manager \"Certificate\" in ") + deployment,
                   QStringLiteral("mxgraph.aws4.internet_of_things \"Thing(s)\" in ") + deployment,
                   QStringLiteral("mxgraph.aws4.iot_core \"Amazon IoT Core\" in ") + deployment,
                   QStringLiteral("lambda \"Lambda Custom Resource\" in ") + deployment,
                   QStringLiteral("mxgraph.aws4.private_certificate_authority \"Private CA\" in ") + deployment,
               }
            << QStringList{
                   QStringLiteral("Thing Policy (%1) -> Certificate (%1)").arg(deployment),
                   QStringLiteral("Certificate (%1) -> Thing(s) (%1)").arg(deployment),
                   QStringLiteral("Thing(s) (%1) -> Amazon IoT Core (%1)").arg(deployment),
                   QStringLiteral("Lambda Custom Resource (%1) -> Amazon IoT Core (%1)").arg(deployment),
                   QStringLiteral("cloud development kit (AWS Cloud) -> CDK Deployment (AWS Cloud)"),
               };

        // The compressed page: a user (a UML stick figure) reaches an OpenSearch domain in a region through the
        // internet (a picture with a label); Secrets Manager sits beside the domain.
        QTest::newRow("opensearch (compressed)")
            << QStringLiteral("aws-cdk-opensearch-simple-domain.drawio")
            << QStringList{
                   QStringLiteral("mxgraph.aws4.group_region \"Region\" in top level"),
                   QStringLiteral("es \"Amazon OpenSearch Service\" in Region"),
                   QStringLiteral("mxgraph.aws4.secrets_manager \"AWS Secrets Manager\" in Region"),
                   QStringLiteral("user \"User\" in top level"),
                   QStringLiteral("image \"Internet\" in top level"),
               }
            << QStringList{
                   QStringLiteral("User (top level) -> Internet (top level)"),
                   QStringLiteral("Internet (top level) -> Amazon OpenSearch Service (Region)"),
               };

        // A client (the isometric aws3d figure) calls API Gateway, which asks a Lambda authorizer (the arrow ends on
        // the dashed frame around it) and queues to SQS; a Lambda drains the queue into DynamoDB, failures go to a
        // dead-letter queue. The numbered circles mark the steps and are no resources.
        const auto top = [](const char *from, const char *to) {
            return QStringLiteral("%1 (top level) -> %2 (top level)").arg(QLatin1String(from), QLatin1String(to));
        };
        QTest::newRow("serverless pattern")
            << QStringLiteral("serverless-patterns-apigw-sqs-lambda-ddb.drawio")
            << QStringList{
                   QStringLiteral("user \"Client\" in top level"),
                   QStringLiteral("apigateway \"API Gateway\" in top level"),
                   QStringLiteral("lambda \"Authorizer\" in top level"),
                   QStringLiteral("sqs \"SQS\" in top level"),
                   QStringLiteral("sqs \"DLQ\" in top level"),
                   QStringLiteral("lambda \"Lambda\" in top level"),
                   QStringLiteral("dynamodb \"DynamoDB (Pay Per Request)\" in top level"),
               }
            << QStringList{top("Client", "API Gateway"), top("API Gateway", "Authorizer"), top("API Gateway", "SQS"),
                           top("SQS", "Lambda"), top("SQS", "DLQ"), top("Lambda", "DynamoDB (Pay Per Request)")};
    }

    void realDrawingAsAPersonReadsIt()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, resources);
        QFETCH(QStringList, arrows);
        const InfraReadResult r = readDrawio(realDrawing(name), name);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QStringList seen = describeResources(r.model);
        QVERIFY2(seen == sorted(resources), qPrintable(seen.join(u'\n')));
        const QStringList seenArrows = describeArrows(r.model);
        QVERIFY2(seenArrows == sorted(arrows), qPrintable(seenArrows.join(u'\n')));
    }

    void networkBalancersAndAuroraKeepTheirKind()
    {
        const InfraReadResult failover =
            readDrawio(realDrawing(QStringLiteral("aws-cdk-route53-failover.drawio")), QStringLiteral("f.drawio"));
        QVERIFY(failover.ok());
        int balancers = 0;
        for (const InfraResource &r : failover.model.resources) {
            if (r.componentType == u"elb") {
                ++balancers;
                QCOMPARE(r.attributes.value(QLatin1String("elbType")).toString(), QStringLiteral("network"));
            }
        }
        QCOMPARE(balancers, 2);
        const InfraReadResult aurora =
            readDrawio(realDrawing(QStringLiteral("aws-cdk-aurora-s3-data-load.drawio")), QStringLiteral("a.drawio"));
        QVERIFY(aurora.ok());
        const InfraResource *db = findResource(aurora.model, QStringLiteral("Ent__ZcNR_u0Gh4VK0KP-8"));
        QVERIFY(db);
        QCOMPARE(db->attributes.value(QLatin1String("engine")).toString(), QStringLiteral("aurora"));
    }

    // "Region N.Virginia" puts what is drawn in it in us-east-1; "Region A" names no region, so the default applies.
    void regionAreasGiveTheirRegion()
    {
        ComposeOptions options;
        options.defaultRegion = QStringLiteral("eu-west-1");
        const ConversionResult c = convertBytes(realDrawing(QStringLiteral("aws-cdk-route53-failover.drawio")),
                                                QStringLiteral("f.drawio"), SourceFormat::Auto, options);
        QVERIFY2(c.ok(), qPrintable(c.error));
        QMap<QString, QString> regionOf; // "type name" -> region
        const QJsonObject data = c.blueprint.value(QLatin1String("data")).toObject();
        const QJsonArray nodes = data.value(QLatin1String("nodes")).toArray();
        for (const QJsonValue &node : nodes) {
            const QJsonObject n = node.toObject();
            const QString type = n.value(QLatin1String("type")).toString();
            regionOf.insert(type + u' ' + n.value(QLatin1String("name")).toString(),
                            n.value(QLatin1String("region")).toString());
        }
        const QString hostedZone = QStringLiteral("r53 Route 53 HostedZone Failover Record");
        QCOMPARE(regionOf.value(hostedZone), QStringLiteral("us-east-1"));
        QCOMPARE(regionOf.value(QStringLiteral("sns SNS Topic")), QStringLiteral("us-east-1"));
        QCOMPARE(regionOf.value(QStringLiteral("elb NLB")), QStringLiteral("eu-west-1"));
    }

    void damagedFilesAreOneSentence_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray good = file({page("Page-1", kThreeTier)});
        QTest::newRow("truncated XML") << good.left(good.size() / 2) << QStringLiteral("The draw.io file bad.drawio is truncated");
        QByteArray packed = compressed(kThreeTier);
        QTest::newRow("truncated compressed page")
            << file({QByteArray("<diagram name=\"P\">") + packed.left(packed.size() / 2) + "</diagram>"})
            << QStringLiteral("The draw.io file bad.drawio is damaged: the compressed page \"P\" cannot be inflated (truncated or corrupt).");
        packed[packed.size() / 2] = packed[packed.size() / 2] == 'A' ? 'B' : 'A';
        packed[packed.size() / 3] = packed[packed.size() / 3] == 'A' ? 'B' : 'A';
        QTest::newRow("corrupt compressed page") << file({QByteArray("<diagram name=\"P\">") + packed + "</diagram>"})
                                                 << QStringLiteral("bad.drawio");
        QTest::newRow("not base64") << file({QByteArray("<diagram name=\"P\">%%%not base64%%%</diagram>")})
                                    << QStringLiteral("page \"P\" is not valid base64");
        QTest::newRow("bad XML") << QByteArray("<mxfile><diagram name=\"P\"><mxGraphModel><root><mxCell id=\"0\"></root>")
                                 << QStringLiteral("is damaged");
        QTest::newRow("not draw.io") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << QStringLiteral("is not a draw.io drawing");
        QTest::newRow("no pages") << QByteArray("<mxfile></mxfile>") << QStringLiteral("has no pages");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("The draw.io file bad.drawio is empty.");
    }

    void damagedFilesAreOneSentence()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const InfraReadResult r = readDrawio(bytes, QStringLiteral("bad.drawio"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("bad.drawio")), qPrintable(r.error));
        QVERIFY(r.error.endsWith(u'.'));
    }
};

QTEST_GUILESS_MAIN(TstDrawio)
#include "tst_drawio.moc"
