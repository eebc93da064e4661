#include "convert/cloudformationtypes.h"

#include "convert/cloudcraftcomponents.h"

#include <QHash>
#include <QJsonArray>

namespace Cloudcraft::Core::CloudFormationTypes {

namespace {

using namespace Components;

const QHash<QString, QString> &componentTable()
{
    // Same AWS families as the Terraform table; SAM's AWS::Serverless::* types map to what they expand into.
    static const QHash<QString, QString> table{
        {QStringLiteral("AWS::EC2::Instance"), Ec2},
        {QStringLiteral("AWS::EC2::Volume"), Ebs},
        {QStringLiteral("AWS::EC2::VPC"), Vpc},
        {QStringLiteral("AWS::EC2::Subnet"), Subnet},
        {QStringLiteral("AWS::EC2::SecurityGroup"), SecurityGroup},
        {QStringLiteral("AWS::EC2::InternetGateway"), InternetGateway},
        {QStringLiteral("AWS::EC2::NatGateway"), NatGateway},
        {QStringLiteral("AWS::EC2::VPNGateway"), VpnGateway},
        {QStringLiteral("AWS::EC2::CustomerGateway"), CustomerGateway},
        {QStringLiteral("AWS::EC2::VPCEndpoint"), VpcEndpoint},
        {QStringLiteral("AWS::AutoScaling::AutoScalingGroup"), AutoScalingGroup},
        {QStringLiteral("AWS::ElasticLoadBalancingV2::LoadBalancer"), Elb},
        {QStringLiteral("AWS::ElasticLoadBalancing::LoadBalancer"), Elb},
        {QStringLiteral("AWS::RDS::DBInstance"), Rds},
        {QStringLiteral("AWS::RDS::DBCluster"), Rds},
        {QStringLiteral("AWS::DynamoDB::Table"), DynamoDb},
        {QStringLiteral("AWS::DynamoDB::GlobalTable"), DynamoDb},
        {QStringLiteral("AWS::Serverless::SimpleTable"), DynamoDb},
        {QStringLiteral("AWS::S3::Bucket"), S3},
        {QStringLiteral("AWS::Lambda::Function"), Lambda},
        {QStringLiteral("AWS::Serverless::Function"), Lambda},
        {QStringLiteral("AWS::ApiGateway::RestApi"), ApiGateway},
        {QStringLiteral("AWS::ApiGatewayV2::Api"), ApiGateway},
        {QStringLiteral("AWS::Serverless::Api"), ApiGateway},
        {QStringLiteral("AWS::Serverless::HttpApi"), ApiGateway},
        {QStringLiteral("AWS::SQS::Queue"), Sqs},
        {QStringLiteral("AWS::SNS::Topic"), Sns},
        {QStringLiteral("AWS::ElastiCache::CacheCluster"), ElastiCache},
        {QStringLiteral("AWS::ElastiCache::ReplicationGroup"), ElastiCache},
        {QStringLiteral("AWS::CloudFront::Distribution"), CloudFront},
        {QStringLiteral("AWS::ECS::Cluster"), QStringLiteral("ecscluster")},
        {QStringLiteral("AWS::ECS::Service"), QStringLiteral("ecsservice")},
        {QStringLiteral("AWS::EKS::Cluster"), QStringLiteral("ekscluster")},
        {QStringLiteral("AWS::EFS::FileSystem"), Efs},
        {QStringLiteral("AWS::Kinesis::Stream"), KinesisStream},
        {QStringLiteral("AWS::Redshift::Cluster"), Redshift},
        {QStringLiteral("AWS::Elasticsearch::Domain"), ElasticSearch},
        {QStringLiteral("AWS::OpenSearchService::Domain"), ElasticSearch},
        {QStringLiteral("AWS::Route53::HostedZone"), Route53},
        {QStringLiteral("AWS::Route53::RecordSet"), Route53},
        {QStringLiteral("AWS::SES::ConfigurationSet"), Ses},
    };
    return table;
}

/// "m5.large" → (m5, large); "db.r5.xlarge" / "cache.t3.micro" → (r5, xlarge) / (t3, micro).
void splitInstanceClass(const QString &text, QJsonObject *attributes)
{
    QStringList parts = text.split(u'.');
    if (parts.size() == 3 && (parts.first() == u"db" || parts.first() == u"cache"))
        parts.removeFirst();
    if (parts.size() != 2)
        return;
    attributes->insert(Attr::InstanceType, parts.at(0));
    attributes->insert(Attr::InstanceSize, parts.at(1));
}

void setText(QJsonObject *attributes, const QString &name, const QString &text)
{
    if (!text.isEmpty())
        attributes->insert(name, text);
}

void setNumber(QJsonObject *attributes, const QString &name, const QString &text)
{
    bool ok = false;
    const double n = text.toDouble(&ok);
    if (ok)
        attributes->insert(name, n);
}

} // namespace

QString componentFor(const QString &resourceType)
{
    return componentTable().value(resourceType);
}

bool isContainer(const QString &resourceType)
{
    return resourceType == u"AWS::EC2::VPC" || resourceType == u"AWS::EC2::Subnet"
        || resourceType == u"AWS::AutoScaling::AutoScalingGroup";
}

QString plainText(const QJsonValue &value, const QJsonObject &parameters)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    const QJsonObject o = value.toObject();
    if (o.size() == 1 && o.contains(QLatin1String("Ref"))) {
        const QJsonObject parameter = parameters.value(o.value(QLatin1String("Ref")).toString()).toObject();
        const QJsonValue fallback = parameter.value(QLatin1String("Default"));
        if (fallback.isString() || fallback.isDouble())
            return plainText(fallback, {});
    }
    return {};
}

QJsonObject attributesFor(const QString &resourceType, const QJsonObject &properties, const QJsonObject &parameters)
{
    const auto text = [&](const char *name) { return plainText(properties.value(QLatin1String(name)), parameters); };
    QJsonObject a;
    const QString component = componentFor(resourceType);
    if (component == Ec2) {
        splitInstanceClass(text("InstanceType"), &a);
        a.insert(Attr::Platform, properties.contains(QLatin1String("ImageId")) && text("ImageId").contains(u"win", Qt::CaseInsensitive)
                                     ? QStringLiteral("mswin")
                                     : QStringLiteral("linux"));
    } else if (component == Rds) {
        splitInstanceClass(text("DBInstanceClass"), &a);
        setText(&a, Attr::Engine, text("Engine").toLower()); // "MySQL" in templates, "mysql" in Cloudcraft
        if (properties.value(QLatin1String("MultiAZ")).toBool() || text("MultiAZ") == u"true")
            a.insert(Attr::MultiAz, true);
    } else if (component == ElastiCache) {
        splitInstanceClass(text("CacheNodeType"), &a);
        setText(&a, Attr::Engine, text("Engine").toLower());
    } else if (component == Redshift) {
        splitInstanceClass(text("NodeType"), &a);
        setNumber(&a, Attr::NodeCount, text("NumberOfNodes"));
    } else if (component == ElasticSearch) {
        const QJsonObject cluster = properties.value(resourceType.contains(u"OpenSearch") ? QLatin1String("ClusterConfig")
                                                                                           : QLatin1String("ElasticsearchClusterConfig"))
                                        .toObject();
        const QString type = plainText(cluster.value(QLatin1String("InstanceType")), parameters);
        splitInstanceClass(type.endsWith(QLatin1String(".search")) || type.endsWith(QLatin1String(".elasticsearch"))
                               ? type.section(u'.', 0, 1)
                               : type,
                           &a);
        setNumber(&a, Attr::InstanceCount, plainText(cluster.value(QLatin1String("InstanceCount")), parameters));
    } else if (component == Elb) {
        const QString type = text("Type").toLower();
        a.insert(Attr::ElbType, resourceType.contains(u"V2") ? (type.isEmpty() ? QStringLiteral("application") : type)
                                                              : QStringLiteral("classic"));
    } else if (component == Lambda) {
        setNumber(&a, Attr::Memory, text("MemorySize"));
    } else if (component == DynamoDb) {
        if (text("BillingMode") == u"PAY_PER_REQUEST" || resourceType == u"AWS::Serverless::SimpleTable")
            a.insert(Attr::CapacityMode, QStringLiteral("on-demand"));
        else
            a.insert(Attr::CapacityMode, QStringLiteral("provisioned"));
    } else if (component == Sqs) {
        a.insert(Attr::QueueType, text("FifoQueue") == u"true" ? QStringLiteral("fifo") : QStringLiteral("standard"));
    } else if (component == ApiGateway) {
        const QString protocol = text("ProtocolType").toLower();
        if (resourceType == u"AWS::Serverless::HttpApi")
            a.insert(Attr::ApiType, QStringLiteral("http"));
        else if (resourceType == u"AWS::ApiGatewayV2::Api")
            a.insert(Attr::ApiType, protocol.isEmpty() ? QStringLiteral("http") : protocol);
        else
            a.insert(Attr::ApiType, QStringLiteral("rest"));
    } else if (component == Ebs) {
        setText(&a, Attr::Volume, text("VolumeType"));
        setNumber(&a, Attr::Storage, text("Size"));
    } else if (component == KinesisStream) {
        setNumber(&a, Attr::Shards, text("ShardCount"));
    }
    return a;
}

QString nameFor(const QJsonObject &properties, const QJsonObject &parameters)
{
    static const char *const nameProperties[] = {
        "BucketName", "TableName", "FunctionName", "QueueName", "TopicName", "DBInstanceIdentifier",
        "DBClusterIdentifier", "ClusterName", "CacheClusterId", "ReplicationGroupId", "DomainName", "GroupName",
        "LoadBalancerName", "AutoScalingGroupName", "StreamName", "ClusterIdentifier", "Name",
    };
    const auto symbolic = [&](const QJsonValue &v) {
        QString t = plainText(v, parameters);
        const QJsonObject o = v.toObject();
        if (t.isEmpty() && o.contains(QLatin1String("Fn::Sub"))) {
            const QJsonValue sub = o.value(QLatin1String("Fn::Sub"));
            t = sub.isArray() ? sub.toArray().first().toString() : sub.toString();
        }
        if (t.isEmpty() && o.contains(QLatin1String("Ref")))
            t = QStringLiteral("${%1}").arg(o.value(QLatin1String("Ref")).toString());
        return t;
    };
    for (const char *property : nameProperties) {
        const QString t = symbolic(properties.value(QLatin1String(property)));
        if (!t.isEmpty())
            return t;
    }
    for (const QJsonValue &tag : properties.value(QLatin1String("Tags")).toArray()) {
        const QJsonObject o = tag.toObject();
        if (o.value(QLatin1String("Key")).toString() == u"Name")
            return symbolic(o.value(QLatin1String("Value")));
    }
    return {};
}

} // namespace Cloudcraft::Core::CloudFormationTypes
