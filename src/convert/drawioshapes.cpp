#include "convert/drawioshapes.h"

#include "convert/cloudcraftcomponents.h"

#include <QList>
#include <QRegularExpression>

namespace Cloudcraft::Core::DrawioShapes {

namespace {

using namespace Components;

struct IconRule
{
    const char *prefix; ///< icon name (after "mxgraph.aws4." or "mxgraph.aws3.") starts with this
    QString component;
};

/// AWS icon names (aws4 and the older aws3 library) → Cloudcraft components, first match wins; more specific first.
const QList<IconRule> &iconRules()
{
    static const QList<IconRule> rules{
        {"rds", Rds}, {"aurora", Rds}, {"db_instance", Rds}, {"database", Rds}, {"mysql", Rds}, {"postgres", Rds},
        {"elasticache", ElastiCache}, {"cache_node", ElastiCache}, {"redis", ElastiCache}, {"memcached", ElastiCache},
        {"dynamo", DynamoDb}, {"table", DynamoDb},
        {"elastic_block_store", Ebs}, {"volume", Ebs}, {"ebs", Ebs},
        {"ec2", Ec2}, {"instance", Ec2}, {"t2_instance", Ec2},
        {"application_load_balancer", Elb}, {"network_load_balancer", Elb}, {"classic_load_balancer", Elb},
        {"elastic_load_balancing", Elb}, {"elb", Elb},
        {"s3", S3}, {"simple_storage_service", S3}, {"bucket", S3},
        {"lambda", Lambda},
        {"api_gateway", ApiGateway},
        {"sqs", Sqs}, {"simple_queue_service", Sqs}, {"queue", Sqs},
        {"sns", Sns}, {"simple_notification_service", Sns}, {"topic", Sns},
        {"cloudfront", CloudFront}, {"distribution", CloudFront},
        {"route_53", Route53}, {"route53", Route53}, {"hosted_zone", Route53},
        // A Fargate icon stands for the tasks a service runs on Fargate, drawn beside or inside the cluster.
        {"ecs_service", QStringLiteral("ecsservice")}, {"fargate", QStringLiteral("ecsservice")},
        {"ecs", QStringLiteral("ecscluster")}, {"elastic_container_service", QStringLiteral("ecscluster")},
        {"eks", QStringLiteral("ekscluster")}, {"elastic_kubernetes_service", QStringLiteral("ekscluster")},
        {"efs", Efs}, {"elastic_file_system", Efs},
        {"kinesis", KinesisStream},
        {"redshift", Redshift},
        {"elasticsearch", ElasticSearch}, {"opensearch", ElasticSearch},
        {"nat_gateway", NatGateway}, {"vpc_nat_gateway", NatGateway},
        {"internet_gateway", InternetGateway},
        {"vpn_gateway", VpnGateway},
        {"customer_gateway", CustomerGateway},
        {"endpoint", VpcEndpoint}, {"vpc_endpoint", VpcEndpoint},
        {"ses", Ses}, {"simple_email_service", Ses},
        {"user", User}, {"client", User}, {"mobile_client", User},
    };
    return rules;
}

QString engineOf(const QString &icon)
{
    static const char *const engines[] = {"aurora", "mysql", "postgresql", "mariadb", "oracle", "sql_server", "redis", "memcached"};
    for (const char *engine : engines) {
        const QLatin1String name(engine);
        if (icon.contains(name))
            return name == QLatin1String("postgresql") ? QStringLiteral("postgres")
                 : name == QLatin1String("sql_server") ? QStringLiteral("sqlserver")
                                                       : QString(name);
    }
    return {};
}

/// The AWS icon a style names: resIcon (service icons on a resourceIcon shape), then shape, then grIcon.
QString awsIcon(const QHash<QString, QString> &style, QString *library)
{
    for (const char *key : {"resIcon", "shape", "grIcon", "prIcon"}) {
        const QString value = style.value(QLatin1String(key));
        for (const char *prefix : {"mxgraph.aws4.", "mxgraph.aws3.", "mxgraph.aws3d.", "mxgraph.aws2."}) {
            if (value.startsWith(QLatin1String(prefix))) {
                const QString icon = value.mid(qsizetype(qstrlen(prefix)));
                if (icon == u"resourceIcon" || icon == u"group" || icon == u"groupCenter" || icon == u"productIcon")
                    continue;
                *library = QString::fromLatin1(prefix).chopped(1);
                return icon;
            }
        }
    }
    return {};
}

} // namespace

QHash<QString, QString> parseStyle(const QString &style)
{
    QHash<QString, QString> parsed;
    for (const QString &part : style.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0)
            parsed.insert(part.trimmed(), QString());
        else
            parsed.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    return parsed;
}

QString plainLabel(const QString &value)
{
    // Block elements start and end lines: draw.io writes "Load Function<div>Lambda</div>" for two lines.
    static const QRegularExpression lineBreak(QStringLiteral("<\\s*/?\\s*(br|div|p|li)\\b[^>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\r\\n]+"));
    QString text = value;
    text.replace(lineBreak, QStringLiteral(" "));
    text.remove(tag);
    QString decoded;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        decoded += QStringView(text).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code < 0x110000)
            decoded += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = m.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    decoded.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    decoded.replace(QLatin1String("&lt;"), QLatin1String("<"));
    decoded.replace(QLatin1String("&gt;"), QLatin1String(">"));
    decoded.replace(QLatin1String("&quot;"), QLatin1String("\""));
    decoded.replace(QLatin1String("&#39;"), QLatin1String("'"));
    decoded.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return decoded.replace(spaces, QStringLiteral(" ")).trimmed();
}

QString regionFromLabel(const QString &label, bool isRegionGroup)
{
    static const QRegularExpression code(QStringLiteral("\\b(?:us-gov|us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\\d\\b"));
    const QString lower = label.toLower();
    if (const auto match = code.match(lower); match.hasMatch())
        return match.captured();
    if (!isRegionGroup)
        return {};
    // Locations as the AWS console names the regions.
    static const QList<std::pair<const char *, const char *>> locations{
        {"virginia", "us-east-1"},     {"ohio", "us-east-2"},         {"california", "us-west-1"},
        {"oregon", "us-west-2"},       {"ireland", "eu-west-1"},      {"london", "eu-west-2"},
        {"paris", "eu-west-3"},        {"frankfurt", "eu-central-1"}, {"stockholm", "eu-north-1"},
        {"milan", "eu-south-1"},       {"tokyo", "ap-northeast-1"},   {"seoul", "ap-northeast-2"},
        {"osaka", "ap-northeast-3"},   {"singapore", "ap-southeast-1"}, {"sydney", "ap-southeast-2"},
        {"mumbai", "ap-south-1"},      {"hong kong", "ap-east-1"},    {"paulo", "sa-east-1"},
        {"canada", "ca-central-1"},    {"bahrain", "me-south-1"},     {"cape town", "af-south-1"},
    };
    for (const auto &[place, region] : locations) {
        if (lower.contains(QLatin1String(place)))
            return QString::fromLatin1(region);
    }
    return {};
}

QString iconTitle(const QString &sourceType)
{
    if (!sourceType.startsWith(QLatin1String("mxgraph.aws")))
        return {};
    QString icon = sourceType.section(u'.', 2);
    return icon.replace(u'_', u' ');
}

ShapeMeaning meaningOf(const QHash<QString, QString> &style, const QString &label, bool hasChildren)
{
    ShapeMeaning m;
    QString library;
    const QString icon = awsIcon(style, &library);
    const QString lowerLabel = label.toLower();
    if (!icon.isEmpty()) {
        m.sourceType = library + u'.' + icon; // "mxgraph.aws4.alarm"
        // The isometric aws3d library draws its arrows and edges as shapes.
        if (library == u"mxgraph.aws3d" && (icon.contains(u"arrow", Qt::CaseInsensitive) || icon.endsWith(u"Edge"))) {
            m.isAnnotation = true;
            return m;
        }
        if (icon.startsWith(QLatin1String("group_")) || icon.startsWith(QLatin1String("group"))) {
            m.isContainer = true;
            if (icon.startsWith(QLatin1String("group_vpc")) || icon == u"virtual_private_cloud")
                m.componentType = Vpc;
            else if (icon.startsWith(QLatin1String("group_security_group")) || icon.startsWith(QLatin1String("group_subnet"))) {
                // AWS's own public/private subnet group uses the padlock icon named "security group".
                m.componentType = lowerLabel.contains(QLatin1String("security group")) ? QString() : Subnet;
                if (m.componentType.isEmpty()) {
                    m.isContainer = false;
                    m.isSecurityGroup = true;
                    m.componentType = SecurityGroup;
                }
            } else if (icon.startsWith(QLatin1String("group_auto_scaling")))
                m.componentType = AutoScalingGroup;
            return m; // region, AWS cloud, account, AZ...: an area with no Cloudcraft group type
        }
        const bool vpcIcon = icon == u"virtual_private_cloud" || icon == u"vpc"
                          || icon.startsWith(QLatin1String("vpc_virtual_private_cloud"));
        if (vpcIcon || (icon.startsWith(QLatin1String("vpc")) && hasChildren)) {
            m.isContainer = hasChildren;
            m.isVpcBadge = !hasChildren;
            m.componentType = hasChildren ? Vpc : QString();
            return m;
        }
        for (const IconRule &rule : iconRules()) {
            if (icon.startsWith(QLatin1String(rule.prefix))) {
                m.componentType = rule.component;
                break;
            }
        }
        if (m.componentType == Rds || m.componentType == ElastiCache)
            m.engine = engineOf(icon);
        if (m.componentType == Elb)
            m.elbType = icon.startsWith(QLatin1String("network")) ? QStringLiteral("network")
                      : icon.startsWith(QLatin1String("classic")) ? QStringLiteral("classic")
                                                                  : QStringLiteral("application");
        if (hasChildren && m.componentType.isEmpty())
            m.isContainer = true;
        return m;
    }
    // Not an AWS icon: text, edge labels and decorations are not resources; plain boxes with members are areas,
    // named by what their label says. A person (UML actor, as many drawings show their users) is a user.
    // draw.io writes a picture either as "image;image=..." or "shape=image;image=...": a labelled one ("Internet")
    // takes part in the drawing, an unlabelled one is a logo.
    const bool isImage = style.contains(QStringLiteral("image")) || style.value(QStringLiteral("shape")) == u"image";
    // Shapes grouped with Ctrl+G hang from an invisible "group" cell: it is no area, its members belong where it is.
    // Numbered circles ("1", "2", ...) mark the steps of a flow.
    static const QRegularExpression stepMark(QStringLiteral("^([0-9]{1,2}|[A-Za-z])$"));
    const bool isCircle =
        style.contains(QStringLiteral("ellipse")) || style.value(QStringLiteral("shape")) == u"ellipse";
    if (style.contains(QStringLiteral("text")) || style.contains(QStringLiteral("edgeLabel"))
        || style.contains(QStringLiteral("group")) || (label.isEmpty() && !hasChildren)
        || (isCircle && !hasChildren && stepMark.match(label).hasMatch())) {
        m.isAnnotation = true;
        return m;
    }
    m.sourceType = isImage ? QStringLiteral("image")
                           : style.value(QStringLiteral("shape"), QStringLiteral("rectangle"));
    if (m.sourceType == u"umlActor") {
        m.componentType = User;
        return m;
    }
    if (!hasChildren)
        return m;
    const QString stroke = style.value(QStringLiteral("strokeColor")).toUpper();
    if (lowerLabel.contains(QLatin1String("security group")) || stroke == u"#DD3522") {
        m.isSecurityGroup = true;
        m.componentType = SecurityGroup;
    } else if (lowerLabel.contains(QLatin1String("subnet"))) {
        m.isContainer = true;
        m.componentType = Subnet;
    } else if (lowerLabel.contains(QLatin1String("vpc"))) {
        m.isContainer = true;
        m.componentType = Vpc;
    } else {
        m.isContainer = true;
    }
    return m;
}

} // namespace Cloudcraft::Core::DrawioShapes
