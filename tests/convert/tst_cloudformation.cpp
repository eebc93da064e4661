// readCloudFormation on real templates (tests/data/cloudformation, sources in tests/data/SOURCES.md) and on small
// inline ones: resources, the areas they sit in and the relationships a person reading the template sees.

#include "convert/cloudformation.h"
#include "convert/converter.h"
#include "convert/yamldocument.h"

#include "converttesthelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRectF>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(CLOUDCRAFT_CONVERT_DATA_DIR "/cloudformation/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The logical ids of a template's Resources, read with the plain JSON/YAML parsers (not the reader under test).
QStringList templateResourceIds(const QByteArray &bytes, const QString &file)
{
    const QJsonObject document = file.endsWith(QLatin1String(".json"))
        ? QJsonDocument::fromJson(bytes).object()
        : readYaml(bytes, file, YamlTags::CloudFormation).value.toObject();
    return document.value(QLatin1String("Resources")).toObject().keys();
}

QStringList drawnAddresses(const InfraModel &model)
{
    QStringList out;
    for (const InfraResource &r : model.resources)
        out << r.address;
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TstCloudFormation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRealTemplateReads_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("templateResources"); // counted by hand in the file
        QTest::addColumn<int>("mapped");
        QTest::newRow("VPC with NAT (YAML)") << QStringLiteral("VPC_With_Managed_NAT_And_Private_Subnet.yaml") << 26 << 8;
        QTest::newRow("ELB + ASG (JSON)") << QStringLiteral("ELBWithLockedDownAutoScaledInstances.json") << 4 << 4;
        QTest::newRow("LAMP: ALB + ASG + RDS (JSON)") << QStringLiteral("AWS_LAMP_CFT.json") << 8 << 6;
        QTest::newRow("API Gateway + Lambda (JSON)") << QStringLiteral("apigateway_lambda_integration.json") << 7 << 2;
    }

    // Every resource of the template is drawn (a node, an area or a generic block) or folded into a named resource
    // that is drawn, and the counts add up: nothing disappears.
    void everyRealTemplateReads()
    {
        QFETCH(QString, file);
        QFETCH(int, templateResources);
        QFETCH(int, mapped);
        const QByteArray bytes = readData(file);
        QVERIFY2(!bytes.isEmpty(), qPrintable(file));
        QVERIFY(looksLikeCloudFormation(bytes));
        const InfraReadResult r = readCloudFormation(bytes, file);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        QCOMPARE(m.format, QStringLiteral("cloudformation"));
        int count = 0;
        for (const InfraResource &resource : m.resources)
            count += !resource.componentType.isEmpty();
        QCOMPARE(count, mapped);

        const QStringList ids = templateResourceIds(bytes, file);
        QCOMPARE(ids.size(), templateResources);
        const QStringList drawn = drawnAddresses(m);
        int foldedTotal = 0;
        for (const int n : m.folded)
            foldedTotal += n;
        QCOMPARE(foldedTotal, int(m.foldedInto.size()));
        for (const QString &id : ids) {
            const bool isDrawn = drawn.contains(id);
            const bool isFolded = m.foldedInto.contains(id);
            QVERIFY2(isDrawn != isFolded, qPrintable(id + QStringLiteral(": drawn and folded, or neither")));
            if (isFolded)
                QVERIFY2(drawn.contains(m.foldedInto.value(id)),
                         qPrintable(id + QStringLiteral(" is folded into ") + m.foldedInto.value(id)
                                    + QStringLiteral(", which is not drawn")));
        }
        int synthetic = 0; // nodes that stand for things the template implies (an auto scaling group's instances)
        for (const QString &address : drawn)
            synthetic += address.contains(u'#');
        QCOMPARE(int(drawn.size()) - synthetic + foldedTotal, templateResources);
        for (const InfraLink &link : m.links)
            QVERIFY2(drawn.contains(link.from) && drawn.contains(link.to), qPrintable(linkLines(m).join(u'\n')));

        QCOMPARE(detectFormat(bytes, file), SourceFormat::CloudFormation);
        const ConversionResult c = convertBytes(bytes, file, SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.format, QStringLiteral("cloudformation"));
        QCOMPARE(c.nodeCount + c.groupCount, int(m.resources.size()));
        int unmapped = 0;
        for (const int n : c.unmapped)
            unmapped += n;
        QCOMPARE(unmapped, int(m.resources.size()) - mapped);
        QCOMPARE(c.folded, m.folded);
        QCOMPARE(c.blueprint.value(QLatin1String("data")).toObject().value(QLatin1String("version")).toInt(), 4);
    }

    // What a person sees reading VPC_With_Managed_NAT_And_Private_Subnet.yaml: one VPC named after the VPCName
    // parameter's default, two public and two private subnets in it, a NAT gateway in each public subnet, an
    // internet gateway attached to the VPC, and private subnets routing to the internet through the NAT gateways.
    // Route tables, routes, ACLs and their entries, subnet associations, the gateway attachment and the elastic
    // IPs only configure those: folded into what they configure, counted by type, not drawn.
    void vpcWithNatAsAPersonReadsIt()
    {
        const InfraReadResult r = readCloudFormation(readData(QStringLiteral("VPC_With_Managed_NAT_And_Private_Subnet.yaml")),
                                                     QStringLiteral("vpc.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        QCOMPARE(drawnAddresses(m),
                 QStringList({QStringLiteral("InternetGateway"), QStringLiteral("NATGateway0"), QStringLiteral("NATGateway1"),
                              QStringLiteral("PrivateSubnet0"), QStringLiteral("PrivateSubnet1"), QStringLiteral("PublicSubnet0"),
                              QStringLiteral("PublicSubnet1"), QStringLiteral("VPC")}));
        const InfraResource *vpc = findResource(m, QStringLiteral("VPC"));
        QCOMPARE(vpc->componentType, QStringLiteral("vpc"));
        QVERIFY(vpc->isContainer);
        QCOMPARE(vpc->name, QStringLiteral("VPC Public and Private with NAT"));
        QCOMPARE(vpc->parent, QString());
        for (const char *subnet : {"PublicSubnet0", "PublicSubnet1", "PrivateSubnet0", "PrivateSubnet1"}) {
            const InfraResource *s = findResource(m, QLatin1String(subnet));
            QCOMPARE(s->componentType, QStringLiteral("subnet"));
            QVERIFY(s->isContainer);
            QCOMPARE(s->parent, QStringLiteral("VPC"));
        }
        QCOMPARE(findResource(m, QStringLiteral("NATGateway0"))->componentType, QStringLiteral("natgateway"));
        QCOMPARE(findResource(m, QStringLiteral("NATGateway0"))->parent, QStringLiteral("PublicSubnet0"));
        QCOMPARE(findResource(m, QStringLiteral("NATGateway1"))->parent, QStringLiteral("PublicSubnet1"));
        QCOMPARE(findResource(m, QStringLiteral("InternetGateway"))->componentType, QStringLiteral("internetgateway"));
        QCOMPARE(findResource(m, QStringLiteral("InternetGateway"))->parent, QStringLiteral("VPC")); // through GatewayToInternet

        const QMap<QString, int> folded{
            {QStringLiteral("AWS::EC2::EIP"), 2},
            {QStringLiteral("AWS::EC2::NetworkAcl"), 1},
            {QStringLiteral("AWS::EC2::NetworkAclEntry"), 2},
            {QStringLiteral("AWS::EC2::Route"), 3},
            {QStringLiteral("AWS::EC2::RouteTable"), 3},
            {QStringLiteral("AWS::EC2::SubnetNetworkAclAssociation"), 2},
            {QStringLiteral("AWS::EC2::SubnetRouteTableAssociation"), 4},
            {QStringLiteral("AWS::EC2::VPCGatewayAttachment"), 1},
        };
        QCOMPARE(m.folded, folded);
        // Each into the resource it configures: an elastic IP into the NAT gateway that uses it, an association into
        // its subnet, the attachment into the gateway, tables, routes and ACLs into the VPC.
        const QMap<QString, QString> into{
            {QStringLiteral("ElasticIP0"), QStringLiteral("NATGateway0")},
            {QStringLiteral("ElasticIP1"), QStringLiteral("NATGateway1")},
            {QStringLiteral("GatewayToInternet"), QStringLiteral("InternetGateway")},
            {QStringLiteral("PublicSubnetRouteTableAssociation1"), QStringLiteral("PublicSubnet1")},
            {QStringLiteral("PrivateSubnetRouteTableAssociation0"), QStringLiteral("PrivateSubnet0")},
            {QStringLiteral("PublicSubnetNetworkAclAssociation0"), QStringLiteral("PublicSubnet0")},
            {QStringLiteral("PrivateRouteTable1"), QStringLiteral("VPC")},
            {QStringLiteral("PrivateRouteToInternet0"), QStringLiteral("VPC")},
            {QStringLiteral("PublicNetworkAcl"), QStringLiteral("VPC")},
            {QStringLiteral("OutboundPublicNetworkAclEntry"), QStringLiteral("VPC")},
        };
        for (auto it = into.constBegin(); it != into.constEnd(); ++it)
            QCOMPARE(m.foldedInto.value(it.key()), it.value());

        // The routes a person reads from the route tables: private subnets out through their zone's NAT gateway,
        // public subnets through the internet gateway.
        const QString links = linkLines(m).join(u'\n');
        QVERIFY2(hasLink(m, QStringLiteral("PrivateSubnet0"), QStringLiteral("NATGateway0"), QStringLiteral("route")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("PrivateSubnet1"), QStringLiteral("NATGateway1"), QStringLiteral("route")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("PublicSubnet0"), QStringLiteral("InternetGateway"), QStringLiteral("route")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("PublicSubnet1"), QStringLiteral("InternetGateway"), QStringLiteral("route")), qPrintable(links));
        QVERIFY2(!hasLink(m, QStringLiteral("PrivateSubnet0"), QStringLiteral("NATGateway1"), QStringLiteral("route")), qPrintable(links));
        QCOMPARE(m.links.size(), 4);

        // Drawn: the VPC and four subnet areas, the internet gateway in the VPC and each NAT gateway inside its
        // public subnet's rectangle; no generic blocks, no edges to things that are not drawn.
        const ConversionResult c = convertBytes(readData(QStringLiteral("VPC_With_Managed_NAT_And_Private_Subnet.yaml")),
                                                QStringLiteral("vpc.yaml"), SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.nodeCount, 3);
        QCOMPARE(c.groupCount, 5);
        QCOMPARE(c.edgeCount, 0);
        QVERIFY(c.unmapped.isEmpty());
        const Drawing d = drawingOf(c);
        QCOMPARE(d.nodeTypes(), QStringList({QStringLiteral("internetgateway"), QStringLiteral("natgateway"), QStringLiteral("natgateway")}));
        QCOMPARE(d.groups.size(), 5);
        for (const auto &[nat, subnet] : {std::pair{"NATGateway0", "PublicSubnet0"}, std::pair{"NATGateway1", "PublicSubnet1"}}) {
            QCOMPARE(d.groups.value(QLatin1String(subnet)).value(QLatin1String("type")).toString(), QStringLiteral("subnet"));
            QCOMPARE(d.membersOf(QLatin1String(subnet)), QJsonArray{d.idOf(QLatin1String(nat))});
            QVERIFY2(rectOf(d.groups.value(QLatin1String(subnet))).contains(rectOf(d.nodes.value(QLatin1String(nat)))), nat);
        }
        QVERIFY(d.membersOf(QStringLiteral("PrivateSubnet0")).isEmpty());
        QVERIFY(d.membersOf(QStringLiteral("PrivateSubnet1")).isEmpty());
        // Public subnets (routed to the internet gateway) above the private ones, one zone per column.
        for (const QString &zone : {QStringLiteral("0"), QStringLiteral("1")}) {
            const QRectF publicArea = rectOf(d.groups.value(QStringLiteral("PublicSubnet") + zone));
            const QRectF privateArea = rectOf(d.groups.value(QStringLiteral("PrivateSubnet") + zone));
            QVERIFY(publicArea.bottom() <= privateArea.top());
            QCOMPARE(publicArea.left(), privateArea.left());
        }
        const QJsonArray inVpc = d.membersOf(QStringLiteral("VPC Public and Private with NAT"));
        QCOMPARE(inVpc.size(), 3);
        QVERIFY(inVpc.contains(d.idOf(QStringLiteral("InternetGateway"))));
    }

    // ELBWithLockedDownAutoScaledInstances.json: a classic load balancer in front of an auto scaling group whose
    // launch configuration puts its instances in a security group that only lets the balancer in.
    void elbWithLockedDownInstancesAsAPersonReadsIt()
    {
        const InfraReadResult r = readCloudFormation(readData(QStringLiteral("ELBWithLockedDownAutoScaledInstances.json")),
                                                     QStringLiteral("elb.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        // Three resources of the template, and one EC2 node inside the group for the instances it runs; the launch
        // configuration is what the group launches: folded into it (its instance type is on the EC2 node).
        QCOMPARE(m.resources.size(), 4);
        QCOMPARE(m.foldedInto.value(QStringLiteral("LaunchConfig")), QStringLiteral("WebServerGroup"));
        QCOMPARE(m.folded.value(QStringLiteral("AWS::AutoScaling::LaunchConfiguration")), 1);
        const InfraResource *instances = findResource(m, QStringLiteral("WebServerGroup#instances"));
        QVERIFY(instances);
        QCOMPARE(instances->componentType, QStringLiteral("ec2"));
        QCOMPARE(instances->parent, QStringLiteral("WebServerGroup"));
        QVERIFY(!instances->attributes.value(QLatin1String("instanceType")).toString().isEmpty()); // from LaunchConfig
        QCOMPARE(findResource(m, QStringLiteral("ElasticLoadBalancer"))->componentType, QStringLiteral("elb"));
        QCOMPARE(findResource(m, QStringLiteral("ElasticLoadBalancer"))->attributes.value(QLatin1String("elbType")).toString(),
                 QStringLiteral("classic"));
        QCOMPARE(findResource(m, QStringLiteral("WebServerGroup"))->componentType, QStringLiteral("asg"));
        QVERIFY(findResource(m, QStringLiteral("WebServerGroup"))->isContainer);
        QCOMPARE(findResource(m, QStringLiteral("InstanceSecurityGroup"))->componentType, QStringLiteral("sg"));
        QVERIFY(!findResource(m, QStringLiteral("InstanceSecurityGroup"))->isContainer);
        const QString links = linkLines(m).join(u'\n');
        QVERIFY2(hasLink(m, QStringLiteral("ElasticLoadBalancer"), QStringLiteral("WebServerGroup"), QStringLiteral("target")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("WebServerGroup"), QStringLiteral("InstanceSecurityGroup"), QStringLiteral("security-group")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("InstanceSecurityGroup"), QStringLiteral("ElasticLoadBalancer"), QStringLiteral("reference")), qPrintable(links)); // ingress from the balancer
        QVERIFY2(hasLink(m, QStringLiteral("WebServerGroup#instances"), QStringLiteral("InstanceSecurityGroup"), QStringLiteral("security-group")), qPrintable(links));

        // Drawn, the balancer's traffic goes to the group's instances: an edge from the ELB node to the EC2 node.
        const ConversionResult c = convertBytes(readData(QStringLiteral("ELBWithLockedDownAutoScaledInstances.json")),
                                                QStringLiteral("elb.json"), SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        const Drawing d = drawingOf(c);
        QCOMPARE(d.edges, QStringList{QStringLiteral("ElasticLoadBalancer -> WebServerGroup")});
        QCOMPARE(d.nodeTypes(), QStringList({QStringLiteral("ec2"), QStringLiteral("elb")})); // no generic block
    }

    // AWS_LAMP_CFT.json, a three-tier web application as a person reads it: an application load balancer sends
    // traffic to an auto scaling group of web servers (two t2.small instances by default), which connect to a
    // multi-AZ MySQL database (its endpoint is written into the servers' PHP page by cfn-init); the web servers'
    // group lets in the balancer, the database's group lets in the web servers. The listener, target group and
    // launch configuration are how the balancer and the group are set up: folded into them.
    void lampStackAsAPersonReadsIt()
    {
        const QByteArray bytes = readData(QStringLiteral("AWS_LAMP_CFT.json"));
        const InfraReadResult r = readCloudFormation(bytes, QStringLiteral("lamp.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        QCOMPARE(drawnAddresses(m),
                 QStringList({QStringLiteral("ApplicationLoadBalancer"), QStringLiteral("DBEC2SecurityGroup"),
                              QStringLiteral("MySQLDatabase"), QStringLiteral("WebServerGroup"),
                              QStringLiteral("WebServerGroup#instances"), QStringLiteral("WebServerSecurityGroup")}));
        QCOMPARE(m.foldedInto.value(QStringLiteral("ALBListener")), QStringLiteral("ApplicationLoadBalancer"));
        QCOMPARE(m.foldedInto.value(QStringLiteral("ALBTargetGroup")), QStringLiteral("ApplicationLoadBalancer"));
        QCOMPARE(m.foldedInto.value(QStringLiteral("LaunchConfig")), QStringLiteral("WebServerGroup"));
        const InfraResource *alb = findResource(m, QStringLiteral("ApplicationLoadBalancer"));
        QCOMPARE(alb->componentType, QStringLiteral("elb"));
        QCOMPARE(alb->attributes.value(QLatin1String("elbType")).toString(), QStringLiteral("application"));
        const InfraResource *web = findResource(m, QStringLiteral("WebServerGroup#instances"));
        QCOMPARE(web->componentType, QStringLiteral("ec2"));
        QCOMPARE(web->parent, QStringLiteral("WebServerGroup"));
        QCOMPARE(web->name, QStringLiteral("WebServerGroup (2 instances)")); // DesiredCapacity's parameter default
        QCOMPARE(web->attributes.value(QLatin1String("instanceType")).toString(), QStringLiteral("t2"));
        QCOMPARE(web->attributes.value(QLatin1String("instanceSize")).toString(), QStringLiteral("small"));
        const InfraResource *db = findResource(m, QStringLiteral("MySQLDatabase"));
        QCOMPARE(db->componentType, QStringLiteral("rds"));
        QCOMPARE(db->attributes.value(QLatin1String("engine")).toString(), QStringLiteral("mysql"));
        QCOMPARE(db->attributes.value(QLatin1String("instanceType")).toString(), QStringLiteral("t2"));
        QCOMPARE(db->attributes.value(QLatin1String("instanceSize")).toString(), QStringLiteral("small"));
        QVERIFY(db->attributes.value(QLatin1String("multiAZ")).toBool());

        const QString links = linkLines(m).join(u'\n');
        QVERIFY2(hasLink(m, QStringLiteral("ApplicationLoadBalancer"), QStringLiteral("WebServerGroup"), QStringLiteral("target")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("WebServerGroup"), QStringLiteral("MySQLDatabase"), QStringLiteral("reference")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("WebServerGroup#instances"), QStringLiteral("WebServerSecurityGroup"), QStringLiteral("security-group")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("MySQLDatabase"), QStringLiteral("DBEC2SecurityGroup"), QStringLiteral("security-group")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("DBEC2SecurityGroup"), QStringLiteral("WebServerSecurityGroup"), QStringLiteral("reference")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("WebServerSecurityGroup"), QStringLiteral("ApplicationLoadBalancer"), QStringLiteral("reference")), qPrintable(links));

        // Drawn: balancer → web servers (solid, traffic) and web servers → database (dashed), each server and the
        // database inside its security group.
        const ConversionResult c = convertBytes(bytes, QStringLiteral("lamp.json"), SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        const Drawing d = drawingOf(c);
        const QString servers = QStringLiteral("WebServerGroup (2 instances)");
        QCOMPARE(d.edges, QStringList({QStringLiteral("ApplicationLoadBalancer -> ") + servers,
                                       servers + QStringLiteral(" -> MySQLDatabase (dashed)")}));
        QCOMPARE(d.membersOf(QStringLiteral("WebServerGroup")), QJsonArray{d.idOf(servers)});
        QCOMPARE(d.membersOf(QStringLiteral("WebServerSecurityGroup")), QJsonArray{d.idOf(servers)});
        QCOMPARE(d.membersOf(QStringLiteral("DBEC2SecurityGroup")), QJsonArray{d.idOf(QStringLiteral("MySQLDatabase"))});
    }

    // apigateway_lambda_integration.json: a REST API whose one method calls a Lambda function (through the
    // integration URI), the function allowed to be invoked by the API and running with an IAM role. The API's
    // resource, model and method, and the permission, are folded; the role has no Cloudcraft component.
    void apiGatewayLambdaAsAPersonReadsIt()
    {
        const QByteArray bytes = readData(QStringLiteral("apigateway_lambda_integration.json"));
        const InfraReadResult r = readCloudFormation(bytes, QStringLiteral("api.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        QCOMPARE(drawnAddresses(m), QStringList({QStringLiteral("LambdaFunction"), QStringLiteral("LambdaIamRole"),
                                                 QStringLiteral("RestApi")}));
        const QMap<QString, QString> into{
            {QStringLiteral("ApiMethod"), QStringLiteral("RestApi")},
            {QStringLiteral("ApiResource"), QStringLiteral("RestApi")},
            {QStringLiteral("LambdaApiGatewayInvoke"), QStringLiteral("LambdaFunction")},
            {QStringLiteral("RequestModel"), QStringLiteral("RestApi")},
        };
        QCOMPARE(m.foldedInto, into);
        QCOMPARE(findResource(m, QStringLiteral("RestApi"))->componentType, QStringLiteral("apigateway"));
        QCOMPARE(findResource(m, QStringLiteral("RestApi"))->name, QStringLiteral("MyApi"));
        QCOMPARE(findResource(m, QStringLiteral("RestApi"))->attributes.value(QLatin1String("apiType")).toString(), QStringLiteral("rest"));
        const InfraResource *fn = findResource(m, QStringLiteral("LambdaFunction"));
        QCOMPARE(fn->componentType, QStringLiteral("lambda"));
        QCOMPARE(fn->name, QStringLiteral("My-APIGW-Integ-Function")); // the parameter's default
        QCOMPARE(fn->attributes.value(QLatin1String("memory")).toDouble(), 128.0);
        QCOMPARE(findResource(m, QStringLiteral("LambdaIamRole"))->componentType, QString());
        const QString links = linkLines(m).join(u'\n');
        QVERIFY2(hasLink(m, QStringLiteral("RestApi"), QStringLiteral("LambdaFunction"), QStringLiteral("reference")), qPrintable(links)); // the method's integration
        QVERIFY2(hasLink(m, QStringLiteral("RestApi"), QStringLiteral("LambdaFunction"), QStringLiteral("event-source")), qPrintable(links)); // the permission
        QVERIFY2(hasLink(m, QStringLiteral("LambdaFunction"), QStringLiteral("LambdaIamRole"), QStringLiteral("reference")), qPrintable(links));

        const ConversionResult c = convertBytes(bytes, QStringLiteral("api.json"), SourceFormat::Auto, ComposeOptions{});
        QVERIFY2(c.ok(), qPrintable(c.error));
        // The API → function edge once (integration and permission), the function → its role.
        QCOMPARE(drawingOf(c).edges, QStringList({QStringLiteral("My-APIGW-Integ-Function -> AWS::IAM::Role: LambdaIamRole (dashed)"),
                                                  QStringLiteral("MyApi -> My-APIGW-Integ-Function (dashed)")}));
        QCOMPARE(c.unmapped, (QMap<QString, int>{{QStringLiteral("AWS::IAM::Role"), 1}}));
    }

    // Resources that only configure another one fold into it and carry their relationships over to it; one that
    // configures nothing in the template stays a resource of its own.
    void configurationFoldsIntoWhatItConfigures()
    {
        const QByteArray yaml = R"(
Resources:
  Net: {Type: AWS::EC2::VPC}
  App: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net}}
  WebSg: {Type: AWS::EC2::SecurityGroup, Properties: {VpcId: !Ref Net, GroupDescription: web}}
  LbSg: {Type: AWS::EC2::SecurityGroup, Properties: {VpcId: !Ref Net, GroupDescription: lb}}
  WebFromLb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref WebSg, SourceSecurityGroupId: !GetAtt LbSg.GroupId, IpProtocol: tcp, FromPort: 80, ToPort: 80}
  Web: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref App, SecurityGroupIds: [!Ref WebSg]}}
  WebIp: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref Web}}
  Spare: {Type: AWS::EC2::EIP}
  Data: {Type: AWS::EC2::Volume}
  DataOnWeb: {Type: AWS::EC2::VolumeAttachment, Properties: {InstanceId: !Ref Web, VolumeId: !Ref Data, Device: /dev/sdf}}
  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer}
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Alb, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]}
  Tg: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Targets: [{Id: !Ref Web}]}}
  Api: {Type: AWS::ApiGateway::RestApi}
  Orders: {Type: AWS::ApiGateway::Resource, Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId}}
  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      Integration: {Type: AWS_PROXY, Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Handler.Arn}/invocations'}
  Handler: {Type: AWS::Lambda::Function}
  Invoke:
    Type: AWS::Lambda::Permission
    Properties: {FunctionName: !Ref Handler, Principal: apigateway.amazonaws.com, SourceArn: !Sub 'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*'}
)";
        const InfraReadResult r = readCloudFormation(yaml, QStringLiteral("app.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        const QMap<QString, QString> into{
            {QStringLiteral("WebFromLb"), QStringLiteral("WebSg")}, {QStringLiteral("WebIp"), QStringLiteral("Web")},
            {QStringLiteral("DataOnWeb"), QStringLiteral("Web")},   {QStringLiteral("Http"), QStringLiteral("Alb")},
            {QStringLiteral("Tg"), QStringLiteral("Alb")},          {QStringLiteral("Orders"), QStringLiteral("Api")},
            {QStringLiteral("GetOrders"), QStringLiteral("Api")},   {QStringLiteral("Invoke"), QStringLiteral("Handler")},
        };
        QCOMPARE(m.foldedInto, into);
        QCOMPARE(m.folded.value(QStringLiteral("AWS::EC2::EIP")), 1);
        QVERIFY(findResource(m, QStringLiteral("Spare"))); // an address nobody uses: kept, drawn as a generic block
        QCOMPARE(findResource(m, QStringLiteral("Spare"))->componentType, QString());
        const QString links = linkLines(m).join(u'\n');
        QVERIFY2(hasLink(m, QStringLiteral("WebSg"), QStringLiteral("LbSg"), QStringLiteral("reference")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("Web"), QStringLiteral("Data"), QStringLiteral("reference")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("Alb"), QStringLiteral("Web"), QStringLiteral("target")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("Api"), QStringLiteral("Handler"), QStringLiteral("reference")), qPrintable(links));
        QVERIFY2(hasLink(m, QStringLiteral("Api"), QStringLiteral("Handler"), QStringLiteral("event-source")), qPrintable(links));
        for (const InfraLink &link : m.links)
            QVERIFY2(!m.foldedInto.contains(link.from) && !m.foldedInto.contains(link.to), qPrintable(links));
    }

    void attributesAndNames()
    {
        const QByteArray yaml = R"(
Parameters:
  Size: {Type: String, Default: r5.xlarge}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: m5.large, SubnetId: !Ref App}
  Db:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
    Properties:
      DBInstanceClass: !Sub 'db.${Size}'
      Engine: postgres
      MultiAZ: true
      DBInstanceIdentifier: !Sub '${AWS::StackName}-db'
      DBSubnetGroupName: !Ref DbSubnets
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {SubnetIds: [!Ref App, !Ref Data]}
  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {CacheNodeType: !Ref CacheType, Engine: Redis, VpcSecurityGroupIds: [!GetAtt CacheSg.GroupId]}
  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {VpcId: !Ref Net, GroupDescription: cache}
  Net: {Type: AWS::EC2::VPC}
  App: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net}}
  Data: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net}}
  Table:
    Type: AWS::DynamoDB::Table
    Properties: {TableName: orders, BillingMode: PAY_PER_REQUEST}
  Queue: {Type: AWS::SQS::Queue, Properties: {FifoQueue: true}}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: 512
      Environment: {Variables: {TABLE: !Ref Table, QUEUE: !Sub '${Queue.Arn}', IMPORTED: !ImportValue shared-topic}}
)";
        const InfraReadResult r = readCloudFormation(yaml, QStringLiteral("app.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const InfraModel &m = r.model;
        const InfraResource *web = findResource(m, QStringLiteral("Web"));
        QCOMPARE(web->attributes.value(QLatin1String("instanceType")).toString(), QStringLiteral("m5"));
        QCOMPARE(web->attributes.value(QLatin1String("instanceSize")).toString(), QStringLiteral("large"));
        QCOMPARE(web->parent, QStringLiteral("App"));
        const InfraResource *db = findResource(m, QStringLiteral("Db"));
        QCOMPARE(db->componentType, QStringLiteral("rds"));
        QCOMPARE(db->name, QStringLiteral("${AWS::StackName}-db")); // symbolic, never evaluated
        QCOMPARE(db->attributes.value(QLatin1String("engine")).toString(), QStringLiteral("postgres"));
        QVERIFY(db->attributes.value(QLatin1String("multiAZ")).toBool());
        QCOMPARE(db->attributes.value(QLatin1String("condition")).toString(), QStringLiteral("IsProd"));
        QVERIFY(!db->attributes.contains(QLatin1String("instanceType"))); // a !Sub is not evaluated
        // In two subnets through its subnet group: in their VPC, linked to both.
        QCOMPARE(db->parent, QStringLiteral("Net"));
        QVERIFY(hasLink(m, QStringLiteral("Db"), QStringLiteral("App"), QStringLiteral("subnet")));
        QVERIFY(hasLink(m, QStringLiteral("Db"), QStringLiteral("Data"), QStringLiteral("subnet")));
        const InfraResource *cache = findResource(m, QStringLiteral("Cache"));
        QCOMPARE(cache->attributes.value(QLatin1String("engine")).toString(), QStringLiteral("redis"));
        QVERIFY(hasLink(m, QStringLiteral("Cache"), QStringLiteral("CacheSg"), QStringLiteral("security-group")));
        QCOMPARE(findResource(m, QStringLiteral("CacheSg"))->parent, QString());
        QCOMPARE(findResource(m, QStringLiteral("Table"))->name, QStringLiteral("orders"));
        QCOMPARE(findResource(m, QStringLiteral("Table"))->attributes.value(QLatin1String("capacityMode")).toString(), QStringLiteral("on-demand"));
        QCOMPARE(findResource(m, QStringLiteral("Queue"))->attributes.value(QLatin1String("queueType")).toString(), QStringLiteral("fifo"));
        const InfraResource *fn = findResource(m, QStringLiteral("Fn"));
        QCOMPARE(fn->attributes.value(QLatin1String("memory")).toDouble(), 512.0);
        QVERIFY(hasLink(m, QStringLiteral("Fn"), QStringLiteral("Table"), QStringLiteral("reference")));
        QVERIFY(hasLink(m, QStringLiteral("Fn"), QStringLiteral("Queue"), QStringLiteral("reference"))); // through ${Queue.Arn}
        QCOMPARE(fn->attributes.value(QLatin1String("imports")).toArray().first().toString(), QStringLiteral("shared-topic"));
    }

    void eventSourcesAndTargets()
    {
        const QByteArray yaml = R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders: {Type: AWS::SQS::Queue}
  Topic:
    Type: AWS::SNS::Topic
  Sub:
    Type: AWS::SNS::Subscription
    Properties: {TopicArn: !Ref Topic, Protocol: sqs, Endpoint: !GetAtt Orders.Arn}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        FromQueue: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn}}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: {EventSourceArn: !GetAtt Stream.Arn, FunctionName: !Ref Worker}
  Stream: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 2}}
  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Targets: [{Id: !Ref Box}]}
  Box: {Type: AWS::EC2::Instance}
)";
        const InfraReadResult r = readCloudFormation(yaml, QStringLiteral("events.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QString links = linkLines(r.model).join(u'\n');
        QVERIFY2(hasLink(r.model, QStringLiteral("Orders"), QStringLiteral("Worker"), QStringLiteral("event-source")), qPrintable(links));
        QVERIFY2(hasLink(r.model, QStringLiteral("Topic"), QStringLiteral("Orders"), QStringLiteral("event-source")), qPrintable(links));
        QVERIFY2(hasLink(r.model, QStringLiteral("Stream"), QStringLiteral("Worker"), QStringLiteral("event-source")), qPrintable(links));
        QVERIFY2(hasLink(r.model, QStringLiteral("Alb"), QStringLiteral("Box"), QStringLiteral("target")), qPrintable(links));
        QCOMPARE(findResource(r.model, QStringLiteral("Worker"))->componentType, QStringLiteral("lambda"));
        QCOMPARE(findResource(r.model, QStringLiteral("Alb"))->attributes.value(QLatin1String("elbType")).toString(), QStringLiteral("application"));
        QCOMPARE(findResource(r.model, QStringLiteral("Stream"))->attributes.value(QLatin1String("shards")).toDouble(), 2.0);
    }

    void badTemplatesAreOneSentence_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown intrinsic (long form)")
            << QByteArray(R"({"Resources":{"Web":{"Type":"AWS::EC2::Instance","Properties":{"ImageId":{"Fn::Frobnicate":["a"]}}}}})")
            << QStringLiteral("The CloudFormation template bad.template uses Fn::Frobnicate in resource Web, which is not a CloudFormation intrinsic function.");
        QTest::newRow("unknown intrinsic (short tag)")
            << QByteArray("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Concat [a, b]\n")
            << QStringLiteral("The CloudFormation template bad.template uses Fn::Concat in resource Bucket, which is not a CloudFormation intrinsic function.");
        QTest::newRow("not JSON") << QByteArray("{\"Resources\": {") << QStringLiteral("is not valid JSON");
        QTest::newRow("not YAML") << QByteArray("Resources:\n  A: [\n") << QStringLiteral("cannot be read");
        QTest::newRow("no resources") << QByteArray("AWSTemplateFormatVersion: '2010-09-09'\nDescription: x\n")
                                      << QStringLiteral("has no Resources section");
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("is empty");
        QTest::newRow("resource without type") << QByteArray("Resources:\n  A: {Properties: {}}\n") << QStringLiteral("without a Type");
    }

    void badTemplatesAreOneSentence()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const InfraReadResult r = readCloudFormation(bytes, QStringLiteral("bad.template"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("bad.template")), qPrintable(r.error));
        QVERIFY(r.model.resources.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCloudFormation)
#include "tst_cloudformation.moc"
