#include "terraformmapping.h"

#include "cloudcraftcomponents.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace Cloudcraft::Core {

namespace C = Components;

namespace {

QHash<QString, TerraformMapping> buildTable()
{
    QHash<QString, TerraformMapping> table;
    const auto node = [&table](const QString &component, std::initializer_list<const char *> types) {
        for (const char *type : types)
            table.insert(QString::fromLatin1(type), { TerraformRole::Node, component });
    };
    const auto container = [&table](const QString &component, std::initializer_list<const char *> types) {
        for (const char *type : types)
            table.insert(QString::fromLatin1(type), { TerraformRole::Container, component });
    };
    node(C::Ec2, { "aws_instance", "aws_spot_instance_request" });
    node(C::Ebs, { "aws_ebs_volume" });
    node(C::Elb, { "aws_lb", "aws_alb", "aws_elb" });
    node(C::Rds, { "aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_docdb_cluster" });
    node(C::DynamoDb, { "aws_dynamodb_table" });
    node(C::S3, { "aws_s3_bucket" });
    node(C::Lambda, { "aws_lambda_function" });
    node(C::ApiGateway, { "aws_api_gateway_rest_api", "aws_apigatewayv2_api" });
    node(C::Sqs, { "aws_sqs_queue" });
    node(C::Sns, { "aws_sns_topic" });
    node(C::ElastiCache, { "aws_elasticache_cluster", "aws_elasticache_replication_group" });
    node(C::CloudFront, { "aws_cloudfront_distribution" });
    node(C::Route53, { "aws_route53_zone" });
    node(C::EksCluster, { "aws_eks_cluster" });
    node(C::EcsCluster, { "aws_ecs_cluster" });
    node(C::EcsService, { "aws_ecs_service" });
    node(C::Efs, { "aws_efs_file_system" });
    node(C::KinesisStream, { "aws_kinesis_stream" });
    node(C::Redshift, { "aws_redshift_cluster" });
    node(C::ElasticSearch, { "aws_elasticsearch_domain", "aws_opensearch_domain" });
    node(C::NatGateway, { "aws_nat_gateway" });
    node(C::InternetGateway, { "aws_internet_gateway", "aws_egress_only_internet_gateway" });
    node(C::VpnGateway, { "aws_vpn_gateway" });
    node(C::CustomerGateway, { "aws_customer_gateway" });
    node(C::VpcEndpoint, { "aws_vpc_endpoint" });
    node(C::Ses, { "aws_ses_domain_identity", "aws_ses_email_identity" });
    container(C::Vpc, { "aws_vpc", "aws_default_vpc" });
    container(C::Subnet, { "aws_subnet", "aws_default_subnet" });
    container(C::AutoScalingGroup, { "aws_autoscaling_group" });
    table.insert(QStringLiteral("aws_security_group"), { TerraformRole::SecurityGroup, C::SecurityGroup });
    table.insert(QStringLiteral("aws_default_security_group"), { TerraformRole::SecurityGroup, C::SecurityGroup });
    // Relationships and settings of other resources: their meaning is carried by links or attributes.
    for (const char *type :
         { "aws_lb_target_group", "aws_alb_target_group", "aws_lb_target_group_attachment",
           "aws_alb_target_group_attachment", "aws_lb_listener", "aws_alb_listener", "aws_lb_listener_rule",
           "aws_alb_listener_rule", "aws_lb_listener_certificate", "aws_autoscaling_attachment",
           "aws_elb_attachment", "aws_lambda_event_source_mapping", "aws_lambda_permission",
           "aws_s3_bucket_notification", "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_s3_bucket_versioning",
           "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
           "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls",
           "aws_s3_bucket_website_configuration", "aws_s3_bucket_cors_configuration", "aws_s3_bucket_logging",
           "aws_sns_topic_subscription", "aws_sns_topic_policy", "aws_sqs_queue_policy",
           "aws_api_gateway_integration", "aws_api_gateway_method", "aws_api_gateway_resource",
           "aws_api_gateway_deployment", "aws_api_gateway_stage", "aws_api_gateway_method_response",
           "aws_api_gateway_integration_response", "aws_apigatewayv2_integration", "aws_apigatewayv2_route",
           "aws_apigatewayv2_stage", "aws_apigatewayv2_deployment", "aws_route53_record",
           "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
           "aws_route_table_association", "aws_route", "aws_main_route_table_association", "aws_db_subnet_group",
           "aws_elasticache_subnet_group", "aws_redshift_subnet_group", "aws_launch_template",
           "aws_launch_configuration", "aws_network_interface_sg_attachment", "aws_volume_attachment",
           "aws_eip_association", "aws_efs_mount_target", "aws_iam_role_policy_attachment",
           "aws_iam_policy_attachment", "aws_iam_role_policy" })
        table.insert(QString::fromLatin1(type), { TerraformRole::Folded, {} });
    return table;
}

QString text(const QJsonObject &values, QStringView key)
{
    return values.value(key).toString();
}

// First element's field of a nested block list ("cluster_config": [{"instance_type": ...}]).
QJsonValue blockField(const QJsonObject &values, QStringView block, QStringView field)
{
    const QJsonValue value = values.value(block);
    const QJsonObject first = value.isArray() ? value.toArray().first().toObject() : value.toObject();
    return first.value(field);
}

void putInstanceClass(QJsonObject *attributes, const QString &instanceClass)
{
    QString family;
    QString size;
    splitInstanceClass(instanceClass, &family, &size);
    if (!family.isEmpty()) {
        attributes->insert(C::Attr::InstanceType, family);
        attributes->insert(C::Attr::InstanceSize, size);
    }
}

} // namespace

TerraformMapping terraformMapping(const QString &terraformType)
{
    static const QHash<QString, TerraformMapping> table = buildTable();
    return table.value(terraformType);
}

void splitInstanceClass(const QString &instanceClass, QString *family, QString *size)
{
    QStringList parts = instanceClass.split(u'.', Qt::SkipEmptyParts);
    if (!parts.isEmpty() && (parts.first() == u"db" || parts.first() == u"cache"))
        parts.removeFirst();
    if (parts.size() >= 2) {
        *family = parts.at(0);
        *size = parts.at(1);
    } else {
        family->clear();
        size->clear();
    }
}

QString regionFromValues(const QJsonObject &values)
{
    static const QRegularExpression regionPattern(QStringLiteral("^[a-z]{2}(-gov)?-[a-z]+-\\d$"));
    const QString arn = values.value(u"arn").toString();
    if (arn.startsWith(u"arn:")) {
        const QString region = arn.section(u':', 3, 3);
        if (regionPattern.match(region).hasMatch())
            return region;
    }
    QString zone = values.value(u"availability_zone").toString();
    if (zone.isEmpty())
        zone = values.value(u"region").toString();
    while (!zone.isEmpty() && zone.back().isLetter() && !regionPattern.match(zone).hasMatch())
        zone.chop(1);
    return regionPattern.match(zone).hasMatch() ? zone : QString();
}

QJsonObject terraformComponentAttributes(const QString &type, const QJsonObject &values)
{
    QJsonObject a;
    if (type == u"aws_instance" || type == u"aws_spot_instance_request") {
        putInstanceClass(&a, text(values, u"instance_type"));
        a.insert(C::Attr::Platform,
                 text(values, u"platform").contains(u"windows", Qt::CaseInsensitive) ? QStringLiteral("mswin")
                                                                                      : QStringLiteral("linux"));
    } else if (type == u"aws_ebs_volume") {
        if (values.contains(u"type"))
            a.insert(C::Attr::Volume, text(values, u"type"));
        if (values.value(u"size").isDouble())
            a.insert(C::Attr::Storage, values.value(u"size").toDouble());
    } else if (type == u"aws_lb" || type == u"aws_alb") {
        const QString lbType = text(values, u"load_balancer_type");
        a.insert(C::Attr::ElbType, lbType.isEmpty() ? QStringLiteral("application") : lbType);
    } else if (type == u"aws_elb") {
        a.insert(C::Attr::ElbType, QStringLiteral("classic"));
    } else if (type == u"aws_db_instance" || type == u"aws_rds_cluster_instance") {
        putInstanceClass(&a, text(values, u"instance_class"));
        if (!text(values, u"engine").isEmpty())
            a.insert(C::Attr::Engine, text(values, u"engine"));
        if (values.value(u"multi_az").isBool())
            a.insert(C::Attr::MultiAz, values.value(u"multi_az").toBool());
        a.insert(C::Attr::Role, text(values, u"replicate_source_db").isEmpty() ? QStringLiteral("master")
                                                                                : QStringLiteral("slave"));
    } else if (type == u"aws_rds_cluster" || type == u"aws_docdb_cluster") {
        const QString engine = text(values, u"engine");
        a.insert(C::Attr::Engine,
                 engine.isEmpty() ? (type == u"aws_docdb_cluster" ? QStringLiteral("docdb") : QStringLiteral("aurora"))
                                  : engine);
    } else if (type == u"aws_elasticache_cluster" || type == u"aws_elasticache_replication_group") {
        putInstanceClass(&a, text(values, u"node_type"));
        const QString engine = text(values, u"engine");
        a.insert(C::Attr::Engine, engine.isEmpty() ? QStringLiteral("redis") : engine);
    } else if (type == u"aws_dynamodb_table") {
        a.insert(C::Attr::CapacityMode, text(values, u"billing_mode") == u"PAY_PER_REQUEST"
                                            ? QStringLiteral("on-demand")
                                            : QStringLiteral("provisioned"));
    } else if (type == u"aws_s3_bucket") {
        a.insert(C::Attr::VolumeType, QStringLiteral("Standard"));
    } else if (type == u"aws_lambda_function") {
        a.insert(C::Attr::Memory, values.value(u"memory_size").isDouble() ? values.value(u"memory_size").toDouble()
                                                                          : 128.0);
    } else if (type == u"aws_api_gateway_rest_api") {
        a.insert(C::Attr::ApiType, QStringLiteral("rest"));
    } else if (type == u"aws_apigatewayv2_api") {
        const QString protocol = text(values, u"protocol_type").toLower();
        a.insert(C::Attr::ApiType, protocol.isEmpty() ? QStringLiteral("http") : protocol);
    } else if (type == u"aws_sqs_queue") {
        a.insert(C::Attr::QueueType,
                 values.value(u"fifo_queue").toBool() ? QStringLiteral("fifo") : QStringLiteral("standard"));
    } else if (type == u"aws_kinesis_stream") {
        if (values.value(u"shard_count").isDouble())
            a.insert(C::Attr::Shards, values.value(u"shard_count").toDouble());
    } else if (type == u"aws_redshift_cluster") {
        putInstanceClass(&a, text(values, u"node_type"));
        if (values.value(u"number_of_nodes").isDouble())
            a.insert(C::Attr::NodeCount, values.value(u"number_of_nodes").toDouble());
    } else if (type == u"aws_elasticsearch_domain" || type == u"aws_opensearch_domain") {
        putInstanceClass(&a, blockField(values, u"cluster_config", u"instance_type").toString());
        const QJsonValue count = blockField(values, u"cluster_config", u"instance_count");
        if (count.isDouble())
            a.insert(C::Attr::InstanceCount, count.toDouble());
    }
    return a;
}

} // namespace Cloudcraft::Core
