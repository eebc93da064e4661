#include "terraformresource.h"

#include "cloudcraftcomponents.h"
#include "terraformindex.h"
#include "terraformmapping.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

namespace C = Components;

const QString SyntheticInstanceSuffix = QStringLiteral("#instances");

// Attributes that put a resource in subnets, directly or through a subnet group.
const QStringList &subnetAttributes()
{
    static const QStringList keys { QStringLiteral("subnet_id"),
                                    QStringLiteral("subnet_ids"),
                                    QStringLiteral("subnets"),
                                    QStringLiteral("vpc_zone_identifier"),
                                    QStringLiteral("vpc_config.subnet_ids"),
                                    QStringLiteral("network_configuration.subnets"),
                                    QStringLiteral("subnet_mapping.subnet_id") };
    return keys;
}

const QStringList &subnetGroupAttributes()
{
    static const QStringList keys { QStringLiteral("db_subnet_group_name"), QStringLiteral("subnet_group_name"),
                                    QStringLiteral("cluster_subnet_group_name") };
    return keys;
}

const QStringList &securityGroupAttributes()
{
    static const QStringList keys { QStringLiteral("vpc_security_group_ids"),
                                    QStringLiteral("security_groups"),
                                    QStringLiteral("security_group_ids"),
                                    QStringLiteral("vpc_config.security_group_ids"),
                                    QStringLiteral("network_configuration.security_groups") };
    return keys;
}

QString displayName(const TerraformResource &resource)
{
    const QString tagName = resource.values.value(u"tags").toObject().value(u"Name").toString();
    if (!tagName.isEmpty())
        return tagName;
    for (const char *key : { "name", "bucket", "function_name", "identifier", "cluster_identifier", "cluster_id",
                             "replication_group_id", "domain_name" }) {
        const QString value = resource.values.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return resource.name.isEmpty() ? resource.address : resource.name;
}

class ModelBuilder
{
public:
    ModelBuilder(const QList<TerraformResource> &resources, const QString &defaultRegion)
        : m_resources(resources), m_index(resources), m_defaultRegion(defaultRegion)
    {
    }

    InfraModel build(const QString &sourceName, const QString &format)
    {
        m_model.sourceName = sourceName;
        m_model.format = format;
        for (const TerraformResource &resource : m_resources)
            addResource(resource);
        for (const TerraformResource &resource : m_resources)
            followReferences(resource);
        connectLoadBalancers();
        return std::move(m_model);
    }

private:
    void addResource(const TerraformResource &resource)
    {
        const TerraformMapping mapping = terraformMapping(resource.type);
        if (mapping.role == TerraformRole::Folded) {
            ++m_model.folded[resource.type];
            return;
        }
        InfraResource r;
        r.address = resource.address;
        r.sourceType = resource.type;
        r.componentType = mapping.componentType;
        r.name = displayName(resource);
        r.region = regionFromValues(resource.values);
        if (r.region.isEmpty())
            r.region = m_defaultRegion;
        r.attributes = terraformComponentAttributes(resource.type, resource.values);
        r.action = resource.action;
        r.isContainer = mapping.role == TerraformRole::Container;
        r.parent = findParent(resource);
        m_mapped.insert(r.address, r.componentType);
        m_model.resources.append(r);

        if (resource.type == u"aws_autoscaling_group")
            addAutoScalingInstances(resource, r);
    }

    // An Auto Scaling group's instances do not exist in Terraform; one node stands for them so the group shows
    // what it runs and load balancers have something to point at.
    void addAutoScalingInstances(const TerraformResource &group, const InfraResource &groupResource)
    {
        InfraResource instances;
        instances.address = group.address + SyntheticInstanceSuffix;
        instances.sourceType = group.type;
        instances.componentType = C::Ec2;
        instances.name = groupResource.name;
        instances.region = groupResource.region;
        instances.parent = group.address;
        instances.action = group.action;
        QString instanceType;
        for (const QString &attribute : { QStringLiteral("launch_template.id"), QStringLiteral("launch_template.name"),
                                          QStringLiteral("launch_configuration") }) {
            for (const QString &address : m_index.targets(group, attribute)) {
                if (const TerraformResource *template_ = m_index.resource(address))
                    instanceType = template_->values.value(u"instance_type").toString();
            }
            if (!instanceType.isEmpty())
                break;
        }
        QJsonObject values;
        values.insert(QStringLiteral("instance_type"), instanceType);
        instances.attributes = terraformComponentAttributes(QStringLiteral("aws_instance"), values);
        const double desired = group.values.value(u"desired_capacity").toDouble();
        if (desired > 1)
            instances.name = QStringLiteral("%1 (%2 instances)").arg(groupResource.name).arg(desired);
        m_mapped.insert(instances.address, instances.componentType);
        m_model.resources.append(instances);
    }

    QString parentOfSubnet(const QString &subnetAddress) const
    {
        const TerraformResource *subnet = m_index.resource(subnetAddress);
        if (!subnet)
            return {};
        const QStringList vpcs = m_index.targets(*subnet, QStringLiteral("vpc_id"));
        return vpcs.isEmpty() ? QString() : vpcs.first();
    }

    QStringList subnetsOf(const TerraformResource &resource) const
    {
        QStringList subnets;
        const auto addSubnets = [&](const QStringList &addresses) {
            for (const QString &address : addresses) {
                const TerraformResource *target = m_index.resource(address);
                if (target && terraformMapping(target->type).componentType == C::Subnet && !subnets.contains(address))
                    subnets.append(address);
            }
        };
        for (const QString &attribute : subnetAttributes())
            addSubnets(m_index.targets(resource, attribute));
        for (const QString &attribute : subnetGroupAttributes()) {
            for (const QString &groupAddress : m_index.targets(resource, attribute)) {
                if (const TerraformResource *group = m_index.resource(groupAddress))
                    addSubnets(m_index.targets(*group, QStringLiteral("subnet_ids")));
            }
        }
        std::sort(subnets.begin(), subnets.end());
        return subnets;
    }

    QString findParent(const TerraformResource &resource) const
    {
        const TerraformMapping mapping = terraformMapping(resource.type);
        if (mapping.componentType == C::Vpc || mapping.role == TerraformRole::SecurityGroup)
            return {};
        if (mapping.componentType == C::Subnet)
            return parentOfSubnet(resource.address);
        const QStringList subnets = subnetsOf(resource);
        if (subnets.size() == 1)
            return subnets.first();
        if (subnets.size() > 1) {
            // Spread over several subnets (a multi-AZ database, a load balancer): it lives in their VPC.
            QSet<QString> vpcs;
            for (const QString &subnet : subnets)
                vpcs.insert(parentOfSubnet(subnet));
            if (vpcs.size() == 1 && !vpcs.begin()->isEmpty())
                return *vpcs.begin();
        }
        for (const QString &address : m_index.targets(resource, QStringLiteral("vpc_id"))) {
            const TerraformResource *vpc = m_index.resource(address);
            if (vpc && terraformMapping(vpc->type).componentType == C::Vpc)
                return address;
        }
        return {};
    }

    void link(const QString &from, const QString &to, const QString &kind)
    {
        if (from.isEmpty() || to.isEmpty() || from == to)
            return;
        const QString key = from + u'\n' + to;
        if (m_linked.contains(key))
            return;
        m_linked.insert(key);
        m_model.links.append({ from, to, kind });
    }

    bool isMappedNode(const QString &address) const
    {
        const auto it = m_mapped.constFind(address);
        return it != m_mapped.constEnd() && !it->isEmpty() && !C::isGroupType(*it);
    }

    // Nodes a relationship should point at: an Auto Scaling group is represented by its instances node.
    QString nodeFor(const QString &address) const
    {
        if (m_mapped.value(address) == C::AutoScalingGroup)
            return address + SyntheticInstanceSuffix;
        return address;
    }

    void linkAll(const TerraformResource &from, const QStringList &attributes, const QString &kind,
                 const QString &componentFilter = {})
    {
        for (const QString &attribute : attributes) {
            for (const QString &target : m_index.targets(from, attribute)) {
                if (componentFilter.isEmpty() || m_mapped.value(target) == componentFilter)
                    link(nodeFor(from.address), nodeFor(target), kind);
            }
        }
    }

    void followReferences(const TerraformResource &resource)
    {
        const QString &type = resource.type;
        if (m_mapped.contains(resource.address) && !C::isGroupType(m_mapped.value(resource.address))) {
            const qsizetype before = m_model.links.size();
            linkAll(resource, securityGroupAttributes(), QStringLiteral("security-group"), C::SecurityGroup);
            // A classic ELB names its own group as the source group other rules refer to.
            if (type == u"aws_elb")
                linkAll(resource, { QStringLiteral("source_security_group_id") }, QStringLiteral("security-group"),
                        C::SecurityGroup);
            // A resource that names no group in its attributes (trimmed or older states) but depends on one
            // is read as a member of it.
            if (m_model.links.size() == before) {
                for (const QString &dependency : resource.dependencies) {
                    for (const QString &target : m_index.resolveReference(dependency, resource.modulePath)) {
                        if (m_mapped.value(target) == C::SecurityGroup)
                            link(resource.address, target, QStringLiteral("security-group"));
                    }
                }
            }
        } else if (m_mapped.value(resource.address) == C::AutoScalingGroup) {
            for (const QString &attribute : securityGroupAttributes()) {
                for (const QString &sg : m_index.targets(resource, attribute))
                    link(nodeFor(resource.address), sg, QStringLiteral("security-group"));
            }
        }

        if (type == u"aws_lb_listener" || type == u"aws_alb_listener") {
            const QStringList lbs = m_index.targets(resource, QStringLiteral("load_balancer_arn"));
            for (const QString &tg : m_index.targets(resource, QStringLiteral("default_action.target_group_arn")))
                m_loadBalancersOfTargetGroup[tg] += lbs;
            for (const QString &tg : m_index.targets(resource, QStringLiteral("default_action.forward.target_group.arn")))
                m_loadBalancersOfTargetGroup[tg] += lbs;
            m_loadBalancersOfListener[resource.address] = lbs;
        } else if (type == u"aws_lb_listener_rule" || type == u"aws_alb_listener_rule") {
            m_ruleListeners.append(&resource);
        } else if (type == u"aws_lb_target_group_attachment" || type == u"aws_alb_target_group_attachment") {
            for (const QString &tg : m_index.targets(resource, QStringLiteral("target_group_arn")))
                m_targetsOfTargetGroup[tg] += m_index.targets(resource, QStringLiteral("target_id"));
        } else if (type == u"aws_autoscaling_group") {
            for (const QString &tg : m_index.targets(resource, QStringLiteral("target_group_arns")))
                m_targetsOfTargetGroup[tg].append(resource.address);
            for (const QString &elb : m_index.targets(resource, QStringLiteral("load_balancers")))
                link(elb, nodeFor(resource.address), QStringLiteral("target"));
        } else if (type == u"aws_autoscaling_attachment") {
            const QStringList groups = m_index.targets(resource, QStringLiteral("autoscaling_group_name"));
            for (const QString &attribute : { QStringLiteral("lb_target_group_arn"),
                                              QStringLiteral("alb_target_group_arn") }) {
                for (const QString &tg : m_index.targets(resource, attribute))
                    m_targetsOfTargetGroup[tg] += groups;
            }
            for (const QString &elb : m_index.targets(resource, QStringLiteral("elb"))) {
                for (const QString &group : groups)
                    link(elb, nodeFor(group), QStringLiteral("target"));
            }
        } else if (type == u"aws_ecs_service") {
            for (const QString &tg : m_index.targets(resource, QStringLiteral("load_balancer.target_group_arn")))
                m_targetsOfTargetGroup[tg].append(resource.address);
            linkAll(resource, { QStringLiteral("cluster") }, QStringLiteral("reference"));
        } else if (type == u"aws_elb") {
            linkAll(resource, { QStringLiteral("instances") }, QStringLiteral("target"));
        } else if (type == u"aws_elb_attachment") {
            for (const QString &elb : m_index.targets(resource, QStringLiteral("elb"))) {
                for (const QString &instance : m_index.targets(resource, QStringLiteral("instance")))
                    link(elb, instance, QStringLiteral("target"));
            }
        } else if (type == u"aws_lambda_event_source_mapping") {
            for (const QString &source : m_index.targets(resource, QStringLiteral("event_source_arn"))) {
                for (const QString &function : m_index.targets(resource, QStringLiteral("function_name")))
                    link(source, function, QStringLiteral("event-source"));
            }
        } else if (type == u"aws_s3_bucket_notification") {
            for (const QString &bucket : m_index.targets(resource, QStringLiteral("bucket"))) {
                for (const QString &attribute : { QStringLiteral("lambda_function.lambda_function_arn"),
                                                  QStringLiteral("queue.queue_arn"), QStringLiteral("topic.topic_arn") }) {
                    for (const QString &target : m_index.targets(resource, attribute))
                        link(bucket, target, QStringLiteral("event-source"));
                }
            }
        } else if (type == u"aws_sns_topic_subscription") {
            for (const QString &topic : m_index.targets(resource, QStringLiteral("topic_arn"))) {
                for (const QString &endpoint : m_index.targets(resource, QStringLiteral("endpoint")))
                    link(topic, endpoint, QStringLiteral("event-source"));
            }
        } else if (type == u"aws_api_gateway_integration" || type == u"aws_apigatewayv2_integration") {
            QStringList apis = m_index.targets(resource, QStringLiteral("rest_api_id"));
            apis += m_index.targets(resource, QStringLiteral("api_id"));
            QStringList backends = m_index.targets(resource, QStringLiteral("uri"));
            backends += m_index.targets(resource, QStringLiteral("integration_uri"));
            for (const QString &key : { QStringLiteral("uri"), QStringLiteral("integration_uri") }) {
                const QString inside = m_index.findArnInside(resource.values.value(key).toString());
                if (!inside.isEmpty())
                    backends.append(inside);
            }
            for (const QString &api : std::as_const(apis)) {
                for (const QString &backend : std::as_const(backends)) {
                    if (isMappedNode(backend))
                        link(api, backend, QStringLiteral("reference"));
                }
            }
        } else if (type == u"aws_cloudfront_distribution") {
            for (const QString &origin : m_index.targets(resource, QStringLiteral("origin.domain_name")))
                link(resource.address, origin, QStringLiteral("reference"));
        } else if (type == u"aws_route53_record") {
            const QStringList zones = m_index.targets(resource, QStringLiteral("zone_id"));
            for (const QString &target : m_index.targets(resource, QStringLiteral("alias.name"))) {
                for (const QString &zone : zones)
                    link(zone, target, QStringLiteral("reference"));
            }
        } else if (type == u"aws_rds_cluster_instance") {
            linkAll(resource, { QStringLiteral("cluster_identifier") }, QStringLiteral("reference"));
        } else if (type == u"aws_volume_attachment") {
            for (const QString &instance : m_index.targets(resource, QStringLiteral("instance_id"))) {
                for (const QString &volume : m_index.targets(resource, QStringLiteral("volume_id")))
                    link(instance, volume, QStringLiteral("reference"));
            }
        }

        // Explicit and implicit dependencies between two drawn resources (a function reading a table).
        if (isMappedNode(resource.address)) {
            for (const QString &dependency : resource.dependencies) {
                for (const QString &target : m_index.resolveReference(dependency, resource.modulePath)) {
                    if (isMappedNode(target) && !m_linked.contains(target + u'\n' + resource.address))
                        link(resource.address, target, QStringLiteral("reference"));
                }
            }
        }
    }

    void connectLoadBalancers()
    {
        for (const TerraformResource *rule : std::as_const(m_ruleListeners)) {
            QStringList lbs;
            for (const QString &listener : m_index.targets(*rule, QStringLiteral("listener_arn")))
                lbs += m_loadBalancersOfListener.value(listener);
            for (const QString &tg : m_index.targets(*rule, QStringLiteral("action.target_group_arn")))
                m_loadBalancersOfTargetGroup[tg] += lbs;
        }
        QStringList targetGroups = m_targetsOfTargetGroup.keys();
        std::sort(targetGroups.begin(), targetGroups.end());
        for (const QString &tg : std::as_const(targetGroups)) {
            QStringList lbs = m_loadBalancersOfTargetGroup.value(tg);
            // A target group without a listener in this file still names its load balancer in its own state.
            if (const TerraformResource *group = m_index.resource(tg))
                lbs += m_index.targets(*group, QStringLiteral("load_balancer_arns"));
            lbs.removeDuplicates();
            std::sort(lbs.begin(), lbs.end());
            for (const QString &lb : std::as_const(lbs)) {
                for (const QString &target : m_targetsOfTargetGroup.value(tg))
                    link(lb, nodeFor(target), QStringLiteral("target"));
            }
        }
    }

    const QList<TerraformResource> &m_resources;
    TerraformIndex m_index;
    QString m_defaultRegion;
    InfraModel m_model;
    QHash<QString, QString> m_mapped; // address -> component type ("" = unmapped)
    QSet<QString> m_linked;
    QHash<QString, QStringList> m_loadBalancersOfTargetGroup;
    QHash<QString, QStringList> m_loadBalancersOfListener;
    QHash<QString, QStringList> m_targetsOfTargetGroup;
    QList<const TerraformResource *> m_ruleListeners;
};

} // namespace

bool splitTerraformAddress(const QString &address, QString *modulePath, QString *type, QString *name,
                           QString *instanceKey)
{
    // module.<name>[key]. repeated, then [data.]<type>.<name>[key]
    static const QRegularExpression pattern(QStringLiteral(
        R"(^((?:module\.[^.\[]+(?:\[[^\]]*\])?\.)*)(?:data\.)?([A-Za-z0-9_-]+)\.([^.\[]+)(\[.*\])?$)"));
    const QRegularExpressionMatch match = pattern.match(address);
    if (!match.hasMatch())
        return false;
    QString module = match.captured(1);
    if (module.endsWith(u'.'))
        module.chop(1);
    *modulePath = module;
    *type = match.captured(2);
    *name = match.captured(3);
    *instanceKey = match.captured(4);
    return true;
}

InfraModel buildTerraformModel(const QList<TerraformResource> &resources, const QString &sourceName,
                               const QString &format, const QString &defaultRegion)
{
    QString region = defaultRegion;
    if (region.isEmpty()) {
        // No provider region in a state file: the region most resources name in their ARNs and zones.
        QHash<QString, int> counts;
        for (const TerraformResource &resource : resources) {
            const QString r = regionFromValues(resource.values);
            if (!r.isEmpty())
                ++counts[r];
        }
        int best = 0;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < region)) {
                best = it.value();
                region = it.key();
            }
        }
    }
    ModelBuilder builder(resources, region);
    return builder.build(sourceName, format);
}

} // namespace Cloudcraft::Core
