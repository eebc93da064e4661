#include "convert/cloudformationfolding.h"

#include <QSet>

namespace Cloudcraft::Core::CloudFormationTypes {

namespace {

/// One way to find the resource a configuration resource configures: the resource named under one of its
/// properties, or a resource (of a type, or of any type when empty) that names it.
struct Hop
{
    bool namedBy = false;
    QString name;
};

Hop via(const char *property)
{
    return { false, QLatin1String(property) };
}

Hop namedBy(const char *type = "")
{
    return { true, QLatin1String(type) };
}

// The hops are tried in order; the first that reaches a resource wins. Same idea as the Terraform table's Folded
// role (terraformmapping.cpp), with CloudFormation's own glue types.
const QHash<QString, QList<Hop>> &foldRules()
{
    static const QHash<QString, QList<Hop>> rules = [] {
        QHash<QString, QList<Hop>> r;
        const auto add = [&r](std::initializer_list<const char *> types, const QList<Hop> &hops) {
            for (const char *type : types)
                r.insert(QLatin1String(type), hops);
        };
        // Networking: routes, ACLs and attachments belong to the VPC, the subnet or the gateway they set up.
        add({ "AWS::EC2::Route" }, { via("RouteTableId") });
        add({ "AWS::EC2::RouteTable", "AWS::EC2::NetworkAcl", "AWS::EC2::VPCCidrBlock",
                "AWS::EC2::VPCDHCPOptionsAssociation" },
            { via("VpcId") });
        add({ "AWS::EC2::NetworkAclEntry" }, { via("NetworkAclId") });
        add({ "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::SubnetNetworkAclAssociation",
                "AWS::EC2::SubnetCidrBlock" },
            { via("SubnetId") });
        add({ "AWS::EC2::GatewayRouteTableAssociation" }, { via("GatewayId") });
        add({ "AWS::EC2::VPCGatewayAttachment" }, { via("InternetGatewayId"), via("VpnGatewayId"), via("VpcId") });
        add({ "AWS::EC2::VPNGatewayRoutePropagation" }, { via("VpnGatewayId") });
        add({ "AWS::EC2::DHCPOptions" }, { namedBy("AWS::EC2::VPCDHCPOptionsAssociation") });
        // An elastic IP is the address of the NAT gateway or instance it is given to.
        add({ "AWS::EC2::EIP" },
            { via("InstanceId"), namedBy("AWS::EC2::NatGateway"), namedBy("AWS::EC2::EIPAssociation") });
        add({ "AWS::EC2::EIPAssociation" },
            { via("InstanceId"), via("NetworkInterfaceId"), via("AllocationId"), via("EIP") });
        add({ "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress" },
            { via("GroupId"), via("GroupName") });
        add({ "AWS::EC2::VolumeAttachment", "AWS::EC2::NetworkInterfaceAttachment" }, { via("InstanceId") });
        // Compute: what an auto scaling group launches and how it scales.
        add({ "AWS::AutoScaling::LaunchConfiguration" }, { namedBy("AWS::AutoScaling::AutoScalingGroup") });
        add({ "AWS::EC2::LaunchTemplate" },
            { namedBy("AWS::AutoScaling::AutoScalingGroup"), namedBy("AWS::EC2::Instance") });
        add({ "AWS::AutoScaling::ScalingPolicy", "AWS::AutoScaling::ScheduledAction",
                "AWS::AutoScaling::LifecycleHook" },
            { via("AutoScalingGroupName") });
        add({ "AWS::ECS::TaskDefinition" }, { namedBy("AWS::ECS::Service") });
        add({ "AWS::EFS::MountTarget" }, { via("FileSystemId") });
        // Load balancers: listeners, rules and target groups are how the balancer sends traffic (the target links).
        add({ "AWS::ElasticLoadBalancingV2::Listener" }, { via("LoadBalancerArn") });
        add({ "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::ListenerCertificate" },
            { via("ListenerArn") });
        add({ "AWS::ElasticLoadBalancingV2::TargetGroup" },
            { namedBy("AWS::ElasticLoadBalancingV2::Listener"), namedBy("AWS::ElasticLoadBalancingV2::ListenerRule") });
        // Databases: subnet and parameter groups are settings of the database that names them.
        add({ "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup",
                "AWS::RDS::OptionGroup", "AWS::ElastiCache::SubnetGroup", "AWS::ElastiCache::ParameterGroup",
                "AWS::Redshift::ClusterSubnetGroup", "AWS::Redshift::ClusterParameterGroup" },
            { namedBy() });
        // Serverless glue: permissions, mappings, subscriptions and policies of the function, topic, queue, bucket.
        add({ "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Version",
                "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig" },
            { via("FunctionName") });
        add({ "AWS::SNS::Subscription" }, { via("TopicArn") });
        add({ "AWS::SNS::TopicPolicy" }, { via("Topics") });
        add({ "AWS::SQS::QueuePolicy" }, { via("Queues") });
        add({ "AWS::S3::BucketPolicy" }, { via("Bucket") });
        add({ "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method", "AWS::ApiGateway::Deployment",
                "AWS::ApiGateway::Stage", "AWS::ApiGateway::Model", "AWS::ApiGateway::Authorizer",
                "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::GatewayResponse",
                "AWS::ApiGateway::BasePathMapping" },
            { via("RestApiId") });
        add({ "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Stage",
                "AWS::ApiGatewayV2::Deployment", "AWS::ApiGatewayV2::Authorizer" },
            { via("ApiId") });
        return r;
    }();
    return rules;
}

// Types whose references are relationships of the resource they are folded into: a launch configuration's
// security groups and the database its cfn-init files name are the auto scaling group's.
bool carriesLinks(const QString &type)
{
    return type == u"AWS::EC2::SecurityGroupIngress" || type == u"AWS::EC2::SecurityGroupEgress"
        || type == u"AWS::ApiGateway::Method" || type == u"AWS::ApiGatewayV2::Integration"
        || type == u"AWS::EC2::VolumeAttachment" || type == u"AWS::AutoScaling::LaunchConfiguration"
        || type == u"AWS::EC2::LaunchTemplate";
}

class Folder
{
public:
    explicit Folder(const TemplateGraph &graph)
        : m_graph(graph)
    {
        for (const QString &id : graph.sortedIds()) {
            for (const Reference &r : graph.references.value(id)) {
                QStringList &referrers = m_referrers[r.target];
                if (!referrers.contains(id))
                    referrers << id;
            }
        }
    }

    /// The resource `id` is folded into, "" when it stays a resource of its own.
    QString ownerOf(const QString &id)
    {
        if (m_owner.contains(id))
            return m_owner.value(id);
        if (m_visiting.contains(id))
            return {}; // a loop of configuration resources naming each other
        m_visiting.insert(id);
        QString owner;
        for (const Hop &hop : foldRules().value(m_graph.type(id))) {
            for (const QString &candidate : candidates(id, hop)) {
                owner = drawnStandIn(candidate);
                if (!owner.isEmpty() && owner != id)
                    break;
                owner.clear();
            }
            if (!owner.isEmpty())
                break;
        }
        m_visiting.remove(id);
        m_owner.insert(id, owner);
        return owner;
    }

private:
    QStringList candidates(const QString &id, const Hop &hop) const
    {
        if (!hop.namedBy)
            return m_graph.referencedUnder(id, hop.name);
        QStringList out;
        for (const QString &referrer : m_referrers.value(id)) {
            if (hop.name.isEmpty() || m_graph.type(referrer) == hop.name)
                out << referrer;
        }
        return out;
    }

    // What stands for `id` in the drawing: itself, or what it is folded into when it is configuration too.
    QString drawnStandIn(const QString &id)
    {
        if (!isConfigurationType(m_graph.type(id)))
            return id;
        const QString owner = ownerOf(id);
        return owner.isEmpty() ? id : owner;
    }

    const TemplateGraph &m_graph;
    QHash<QString, QStringList> m_referrers;
    QHash<QString, QString> m_owner;
    QSet<QString> m_visiting;
};

} // namespace

bool isConfigurationType(const QString &resourceType)
{
    return foldRules().contains(resourceType);
}

QMap<QString, QString> foldConfiguration(const TemplateGraph &graph)
{
    Folder folder(graph);
    QMap<QString, QString> foldedInto;
    for (const QString &id : graph.sortedIds()) {
        if (!isConfigurationType(graph.type(id)))
            continue;
        const QString owner = folder.ownerOf(id);
        if (!owner.isEmpty())
            foldedInto.insert(id, owner);
    }
    // Inside a loop of configuration resources naming each other one of them can be handed another that folds
    // later; follow such a chain to its end, so every owner is a resource that stays in the model.
    for (auto it = foldedInto.begin(); it != foldedInto.end(); ++it) {
        QSet<QString> seen;
        while (foldedInto.contains(it.value()) && !seen.contains(it.value())) {
            seen.insert(it.value());
            it.value() = foldedInto.value(it.value());
        }
    }
    return foldedInto;
}

QList<InfraLink> carriedLinks(const TemplateGraph &graph, const QMap<QString, QString> &foldedInto)
{
    QList<InfraLink> links;
    for (auto it = foldedInto.constBegin(); it != foldedInto.constEnd(); ++it) {
        if (!carriesLinks(graph.type(it.key())))
            continue;
        for (const Reference &r : graph.references.value(it.key())) {
            const QString target = foldedInto.value(r.target, r.target);
            const QString targetType = graph.type(target);
            if (target == it.value() || targetType == u"AWS::EC2::VPC" || targetType == u"AWS::EC2::Subnet")
                continue;
            // Membership for a configured resource (a group launching into a security group), a plain reference
            // for a rule naming another group as its source.
            const bool member =
                targetType == u"AWS::EC2::SecurityGroup" && graph.type(it.value()) != u"AWS::EC2::SecurityGroup";
            links.append({ it.value(), target, member ? QStringLiteral("security-group") : QStringLiteral("reference") });
        }
    }
    return links;
}

QList<InfraLink> defaultRouteLinks(const TemplateGraph &graph)
{
    const auto isDefaultRoute = [&](const QString &route) {
        const QJsonObject p = graph.properties(route);
        return p.value(QLatin1String("DestinationCidrBlock")).toString() == u"0.0.0.0/0"
            || p.value(QLatin1String("DestinationIpv6CidrBlock")).toString() == u"::/0";
    };
    QHash<QString, QStringList> gatewaysOfTable;
    for (const QString &id : graph.sortedIds()) {
        if (graph.type(id) != u"AWS::EC2::Route" || !isDefaultRoute(id))
            continue;
        QStringList gateways = graph.referencedUnder(id, QStringLiteral("NatGatewayId"));
        for (const QString &gateway : graph.referencedUnder(id, QStringLiteral("GatewayId"))) {
            if (graph.type(gateway) == u"AWS::EC2::InternetGateway")
                gateways << gateway;
        }
        for (const QString &table : graph.referencedUnder(id, QStringLiteral("RouteTableId")))
            gatewaysOfTable[table] += gateways;
    }
    QList<InfraLink> links;
    for (const QString &id : graph.sortedIds()) {
        if (graph.type(id) != u"AWS::EC2::SubnetRouteTableAssociation")
            continue;
        for (const QString &subnet : graph.referencedUnder(id, QStringLiteral("SubnetId"))) {
            for (const QString &table : graph.referencedUnder(id, QStringLiteral("RouteTableId"))) {
                for (const QString &gateway : gatewaysOfTable.value(table))
                    links.append({ subnet, gateway, QStringLiteral("route") });
            }
        }
    }
    return links;
}

} // namespace Cloudcraft::Core::CloudFormationTypes
