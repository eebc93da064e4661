#include "convert/cloudformation.h"

#include "convert/cloudcraftcomponents.h"
#include "convert/cloudformationfolding.h"
#include "convert/cloudformationtypes.h"
#include "convert/yamldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace Cloudcraft::Core {

namespace {

using namespace CloudFormationTypes;

const QSet<QString> &knownIntrinsics()
{
    static const QSet<QString> names{
        QStringLiteral("Ref"),          QStringLiteral("Condition"),       QStringLiteral("Fn::Base64"),
        QStringLiteral("Fn::Cidr"),     QStringLiteral("Fn::FindInMap"),   QStringLiteral("Fn::GetAtt"),
        QStringLiteral("Fn::GetAZs"),   QStringLiteral("Fn::ImportValue"), QStringLiteral("Fn::Join"),
        QStringLiteral("Fn::Select"),   QStringLiteral("Fn::Split"),       QStringLiteral("Fn::Sub"),
        QStringLiteral("Fn::Transform"), QStringLiteral("Fn::If"),         QStringLiteral("Fn::Equals"),
        QStringLiteral("Fn::And"),      QStringLiteral("Fn::Or"),          QStringLiteral("Fn::Not"),
        QStringLiteral("Fn::Length"),   QStringLiteral("Fn::ToJsonString"), QStringLiteral("Fn::ForEach"),
    };
    return names;
}

/// Walks one resource's values and collects the resources it names. Nothing is evaluated: every branch of an
/// Fn::If counts, a Sub's ${Name} and ${Name.Attr} count, parameters and pseudo parameters are ignored.
class ReferenceCollector
{
public:
    ReferenceCollector(const QJsonObject &resources, const QString &fileName, const QString &resource)
        : m_resources(resources)
        , m_fileName(fileName)
        , m_resource(resource)
    {
    }

    QList<Reference> references;
    QStringList imports;
    QString error;

    void walk(const QJsonValue &value, const QString &property, int depth = 0)
    {
        if (!error.isEmpty() || depth > 100)
            return;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                walk(item, property, depth + 1);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject o = value.toObject();
        if (o.size() == 1) {
            const QString key = o.constBegin().key();
            const QJsonValue argument = o.constBegin().value();
            if (key.startsWith(QLatin1String("Fn::")) && !knownIntrinsics().contains(key)) {
                error = QStringLiteral("The CloudFormation template %1 uses %2 in resource %3, which is not a "
                                       "CloudFormation intrinsic function.")
                            .arg(m_fileName, key, m_resource);
                return;
            }
            if (key == u"Ref") {
                add(argument.toString(), property);
                return;
            }
            if (key == u"Fn::GetAtt") {
                const QString target = argument.isArray() ? argument.toArray().first().toString()
                                                          : argument.toString().section(u'.', 0, 0);
                add(target, property);
                return;
            }
            if (key == u"Fn::Sub") {
                subReferences(argument, property, depth);
                return;
            }
            if (key == u"Fn::ImportValue") {
                // An export of another stack: kept as a symbolic name, there is nothing here to link to.
                imports << (argument.isString() ? argument.toString()
                                                : QString::fromUtf8(QJsonDocument(argument.toObject()).toJson(QJsonDocument::Compact)));
            }
        }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            walk(it.value(), property, depth + 1);
    }

private:
    void add(const QString &target, const QString &property)
    {
        if (target.isEmpty() || target == m_resource || !m_resources.contains(target))
            return; // a parameter, a pseudo parameter (AWS::Region) or itself
        references.append({target, property});
    }

    void subReferences(const QJsonValue &argument, const QString &property, int depth)
    {
        QString text;
        QJsonObject variables;
        if (argument.isArray()) {
            text = argument.toArray().at(0).toString();
            variables = argument.toArray().at(1).toObject();
            walk(variables, property, depth + 1);
        } else {
            text = argument.toString();
        }
        static const QRegularExpression placeholder(QStringLiteral("\\$\\{([^!}][^}]*)\\}"));
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1).trimmed().section(u'.', 0, 0);
            if (!variables.contains(name))
                add(name, property);
        }
    }

    const QJsonObject &m_resources;
    QString m_fileName;
    QString m_resource;
};

QString linkKind(const QString &property)
{
    if (property.contains(QLatin1String("SecurityGroup")))
        return QStringLiteral("security-group");
    if (property.contains(QLatin1String("Target")))
        return QStringLiteral("target");
    if (property == u"EventSourceArn" || property == u"Events")
        return QStringLiteral("event-source");
    return QStringLiteral("reference");
}

std::optional<QJsonObject> parseTemplate(const QByteArray &bytes, const QString &fileName, QString *error)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("The CloudFormation template %1 is empty.").arg(fileName);
        return std::nullopt;
    }
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("The CloudFormation template %1 is not valid JSON: %2 at byte %3.")
                         .arg(fileName, parseError.errorString())
                         .arg(parseError.offset);
            return std::nullopt;
        }
        return doc.object();
    }
    const YamlReadResult yaml = readYaml(bytes, fileName, YamlTags::CloudFormation);
    if (!yaml.ok()) {
        *error = yaml.error;
        return std::nullopt;
    }
    if (!yaml.value.isObject()) {
        *error = QStringLiteral("The CloudFormation template %1 is not a mapping of sections.").arg(fileName);
        return std::nullopt;
    }
    return yaml.value.toObject();
}

// An Auto Scaling group's instances are not resources of the template; one EC2 node inside the group stands for
// them (sized from its launch configuration or template), so the group shows what it runs, load balancers have
// something to point at and the launch configuration's security groups have members.
void addAutoScalingInstances(const TemplateGraph &graph, const InfraResource &group, const QJsonObject &parameters,
                             InfraModel *model, QList<InfraLink> *links)
{
    InfraResource instances;
    instances.address = group.address + QStringLiteral("#instances");
    instances.sourceType = group.sourceType;
    instances.componentType = componentFor(QStringLiteral("AWS::EC2::Instance"));
    instances.name = group.name;
    const QJsonObject groupProperties = graph.properties(group.address);
    const double desired = plainText(groupProperties.value(QLatin1String("DesiredCapacity")), parameters).toDouble();
    if (desired > 1)
        instances.name = QStringLiteral("%1 (%2 instances)").arg(group.name).arg(desired);
    instances.region = group.region;
    instances.parent = group.address;
    for (const Reference &ref : graph.references.value(group.address)) {
        const QString targetType = graph.type(ref.target);
        if (targetType != u"AWS::AutoScaling::LaunchConfiguration" && targetType != u"AWS::EC2::LaunchTemplate")
            continue;
        QJsonObject properties = graph.resources.value(ref.target).toObject().value(QLatin1String("Properties")).toObject();
        if (targetType == u"AWS::EC2::LaunchTemplate")
            properties = properties.value(QLatin1String("LaunchTemplateData")).toObject();
        instances.attributes = attributesFor(QStringLiteral("AWS::EC2::Instance"), properties, parameters);
        for (const Reference &inner : graph.references.value(ref.target)) {
            if (graph.type(inner.target) == u"AWS::EC2::SecurityGroup")
                links->append({instances.address, inner.target, QStringLiteral("security-group")});
        }
    }
    model->resources.append(instances);
}

QString placeIn(const TemplateGraph &graph, const QString &id, const QString &type, QList<InfraLink> *links)
{
    // Security groups are drawn around their members (the "security-group" links), not inside a VPC.
    if (type == u"AWS::EC2::VPC" || type == u"AWS::EC2::SecurityGroup")
        return {};
    if (type == u"AWS::EC2::Subnet")
        return graph.vpcOf(id);
    if (type == u"AWS::EC2::InternetGateway" || type == u"AWS::EC2::VPNGateway") {
        // A gateway names no VPC itself: its VPCGatewayAttachment joins the two.
        for (auto it = graph.types.constBegin(); it != graph.types.constEnd(); ++it) {
            if (it.value() != u"AWS::EC2::VPCGatewayAttachment")
                continue;
            const QList<Reference> refs = graph.references.value(it.key());
            if (std::any_of(refs.begin(), refs.end(), [&](const Reference &r) { return r.target == id; }))
                return graph.vpcOf(it.key());
        }
    }
    const QStringList subnets = graph.subnetsOf(id);
    if (subnets.size() == 1)
        return subnets.first();
    if (subnets.size() > 1) {
        for (const QString &subnet : subnets)
            links->append({id, subnet, QStringLiteral("subnet")});
        return graph.vpcOf(subnets.first());
    }
    return graph.vpcOf(id);
}

/// Links through resources that only glue others together: listeners and target groups (load balancer → targets),
/// event source mappings, subscriptions and permissions (source → function or endpoint).
void glueLinks(const TemplateGraph &graph, QList<InfraLink> *links)
{
    QHash<QString, QStringList> balancersOfTargetGroup;
    QHash<QString, QString> balancerOfListener;
    const auto refsOfType = [&](const QString &id, const QString &type, const QString &property = {}) {
        QStringList out;
        for (const Reference &r : graph.references.value(id)) {
            if (graph.type(r.target) == type && (property.isEmpty() || r.property == property))
                out << r.target;
        }
        return out;
    };
    for (auto it = graph.types.constBegin(); it != graph.types.constEnd(); ++it) {
        if (it.value() == u"AWS::ElasticLoadBalancingV2::Listener")
            balancerOfListener.insert(it.key(), refsOfType(it.key(), QStringLiteral("AWS::ElasticLoadBalancingV2::LoadBalancer")).value(0));
    }
    for (auto it = graph.types.constBegin(); it != graph.types.constEnd(); ++it) {
        if (it.value() != u"AWS::ElasticLoadBalancingV2::Listener" && it.value() != u"AWS::ElasticLoadBalancingV2::ListenerRule")
            continue;
        QString balancer = balancerOfListener.value(it.key());
        if (balancer.isEmpty()) {
            const QStringList listeners = refsOfType(it.key(), QStringLiteral("AWS::ElasticLoadBalancingV2::Listener"));
            balancer = listeners.isEmpty() ? QString() : balancerOfListener.value(listeners.first());
        }
        if (balancer.isEmpty())
            continue;
        for (const QString &group : refsOfType(it.key(), QStringLiteral("AWS::ElasticLoadBalancingV2::TargetGroup")))
            balancersOfTargetGroup[group] << balancer;
    }
    for (auto it = graph.types.constBegin(); it != graph.types.constEnd(); ++it) {
        const QString &id = it.key();
        const QString &type = it.value();
        const QList<Reference> refs = graph.references.value(id);
        if (type == u"AWS::ElasticLoadBalancingV2::TargetGroup") {
            for (const Reference &r : refs) {
                if (r.property == u"Targets") {
                    for (const QString &balancer : balancersOfTargetGroup.value(id))
                        links->append({balancer, r.target, QStringLiteral("target")});
                }
            }
            continue;
        }
        // An ASG or an ECS service registered in a target group is that balancer's target.
        for (const Reference &r : refs) {
            if (graph.type(r.target) == u"AWS::ElasticLoadBalancingV2::TargetGroup") {
                for (const QString &balancer : balancersOfTargetGroup.value(r.target)) {
                    if (!componentFor(type).isEmpty())
                        links->append({balancer, id, QStringLiteral("target")});
                }
            }
        }
        const auto firstRef = [&](const char *property) {
            for (const Reference &r : refs) {
                if (r.property == QLatin1String(property))
                    return r.target;
            }
            return QString();
        };
        QString from;
        QString to;
        if (type == u"AWS::Lambda::EventSourceMapping") {
            from = firstRef("EventSourceArn");
            to = firstRef("FunctionName");
        } else if (type == u"AWS::SNS::Subscription") {
            from = firstRef("TopicArn");
            to = firstRef("Endpoint");
        } else if (type == u"AWS::Lambda::Permission") {
            from = firstRef("SourceArn");
            to = firstRef("FunctionName");
        }
        if (!from.isEmpty() && !to.isEmpty())
            links->append({from, to, QStringLiteral("event-source")});
    }
}

} // namespace

bool looksLikeCloudFormation(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(64 * 1024);
    return head.contains("AWSTemplateFormatVersion")
        || (head.contains("Resources") && (head.contains("\"AWS::") || head.contains("Type: AWS::")
                                           || head.contains("Type: 'AWS::") || head.contains("Type: \"AWS::")));
}

InfraReadResult readCloudFormation(const QByteArray &bytes, const QString &fileName)
{
    InfraReadResult result;
    result.model.sourceName = fileName;
    result.model.format = QStringLiteral("cloudformation");
    const auto document = parseTemplate(bytes, fileName, &result.error);
    if (!document)
        return result;
    const QJsonValue resourcesValue = document->value(QLatin1String("Resources"));
    if (!resourcesValue.isObject()) {
        result.error = QStringLiteral("The file %1 is not a CloudFormation template: it has no Resources section.").arg(fileName);
        return result;
    }
    const QJsonObject parameters = document->value(QLatin1String("Parameters")).toObject();
    TemplateGraph graph;
    graph.resources = resourcesValue.toObject();
    QList<InfraLink> links;
    QHash<QString, QStringList> imports; // Fn::ImportValue names by resource: other stacks' outputs, kept symbolic
    for (auto it = graph.resources.constBegin(); it != graph.resources.constEnd(); ++it) {
        const QString id = it.key();
        const QJsonObject resource = it.value().toObject();
        if (id.startsWith(QLatin1String("Fn::ForEach"))) {
            result.error = QStringLiteral("The CloudFormation template %1 uses Fn::ForEach (the LanguageExtensions "
                                          "transform) for %2, which the converter does not expand.")
                               .arg(fileName, id);
            return result;
        }
        const QString type = resource.value(QLatin1String("Type")).toString();
        if (type.isEmpty()) {
            result.error = QStringLiteral("The CloudFormation template %1 has a resource %2 without a Type.").arg(fileName, id);
            return result;
        }
        graph.types.insert(id, type);
        ReferenceCollector collector(graph.resources, fileName, id);
        const QJsonObject properties = resource.value(QLatin1String("Properties")).toObject();
        for (auto p = properties.constBegin(); p != properties.constEnd(); ++p)
            collector.walk(p.value(), p.key());
        // cfn-init's configuration (files, commands) is what the instance is set up with: a database endpoint
        // written into a config file there is the instance talking to that database.
        const QJsonValue init = resource.value(QLatin1String("Metadata")).toObject().value(QLatin1String("AWS::CloudFormation::Init"));
        if (init.isObject())
            collector.walk(init, QStringLiteral("Metadata"));
        if (!collector.error.isEmpty()) {
            result.error = collector.error;
            return result;
        }
        const QJsonValue dependsOn = resource.value(QLatin1String("DependsOn"));
        for (const QJsonValue &d : dependsOn.isArray() ? dependsOn.toArray() : QJsonArray{dependsOn}) {
            if (graph.resources.contains(d.toString()))
                collector.references.append({d.toString(), QStringLiteral("DependsOn")});
        }
        graph.references.insert(id, collector.references);
        if (!collector.imports.isEmpty())
            imports.insert(id, collector.imports);
    }

    // Routes, ACLs, attachments, rules...: counted under their type and named in foldedInto, not drawn.
    const QMap<QString, QString> foldedInto = foldConfiguration(graph);
    result.model.foldedInto = foldedInto;
    for (auto it = graph.types.constBegin(); it != graph.types.constEnd(); ++it) {
        const QString &id = it.key();
        const QString &type = it.value();
        if (foldedInto.contains(id)) {
            ++result.model.folded[type];
            continue;
        }
        const QJsonObject resource = graph.resources.value(id).toObject();
        const QJsonObject properties = resource.value(QLatin1String("Properties")).toObject();
        InfraResource r;
        r.address = id;
        r.sourceType = type;
        r.componentType = componentFor(type);
        r.isContainer = isContainer(type);
        r.name = nameFor(properties, parameters);
        if (r.name.isEmpty())
            r.name = id;
        r.attributes = attributesFor(type, properties, parameters);
        if (resource.contains(QLatin1String("Condition")))
            r.attributes.insert(QStringLiteral("condition"), resource.value(QLatin1String("Condition")).toString());
        if (imports.contains(id))
            r.attributes.insert(QStringLiteral("imports"), QJsonArray::fromStringList(imports.value(id)));
        r.parent = placeIn(graph, id, type, &links);
        // Every other reference is a relationship, once per pair; the parent and subnets are already drawn.
        for (const Reference &ref : graph.references.value(id)) {
            const QString targetType = graph.type(ref.target);
            if (ref.target == r.parent || targetType == u"AWS::EC2::Subnet" || targetType == u"AWS::EC2::VPC")
                continue;
            // A security group naming another resource (an ingress rule's source) is a plain reference.
            const QString kind = type == u"AWS::EC2::SecurityGroup"         ? QStringLiteral("reference")
                                 : targetType == u"AWS::EC2::SecurityGroup" ? QStringLiteral("security-group")
                                                                            : linkKind(ref.property);
            if (targetType == u"AWS::AutoScaling::LaunchConfiguration" || targetType == u"AWS::EC2::LaunchTemplate") {
                // The group's instances carry the launch configuration's security groups.
                for (const Reference &inner : graph.references.value(ref.target)) {
                    if (graph.type(inner.target) == u"AWS::EC2::SecurityGroup")
                        links.append({id, inner.target, QStringLiteral("security-group")});
                }
            }
            // A SAM function's Events name its sources (the queue, stream or API calls the function); a classic
            // load balancer named by an auto scaling group sends it traffic.
            if (ref.property == u"LoadBalancerNames")
                links.append({ref.target, id, QStringLiteral("target")});
            else if (ref.property == u"Events")
                links.append({ref.target, id, kind});
            else
                links.append({id, ref.target, kind});
        }
        result.model.resources.append(r);
        if (type == u"AWS::AutoScaling::AutoScalingGroup")
            addAutoScalingInstances(graph, r, parameters, &result.model, &links);
    }
    glueLinks(graph, &links);
    links += carriedLinks(graph, foldedInto);
    links += defaultRouteLinks(graph);
    // A link to or from a folded resource is dropped: what it means is carried by the resource it is folded into.
    QSet<QString> seen;
    for (const InfraLink &link : std::as_const(links)) {
        const QString key = link.from + u'\n' + link.to + u'\n' + link.kind;
        if (link.from == link.to || seen.contains(key) || foldedInto.contains(link.from) || foldedInto.contains(link.to))
            continue;
        seen.insert(key);
        result.model.links.append(link);
    }
    return result;
}

} // namespace Cloudcraft::Core
