#include "cloudcraftcomponents.h"

#include <QHash>

namespace Cloudcraft::Core::Components {

namespace {

QList<ComponentInfo> buildComponents()
{
    using namespace Attr;
    const auto node = [](const QString &type, const QString &display, const QStringList &attributes) {
        return ComponentInfo { type, ComponentKind::Node, display, QStringList { Region } + attributes };
    };
    const auto group = [](const QString &type, const QString &display) {
        return ComponentInfo { type, ComponentKind::Group, display, QStringList { Region, Name } };
    };
    return {
        node(Ec2, QStringLiteral("EC2 instance"), { InstanceType, InstanceSize, Platform }),
        node(Ebs, QStringLiteral("EBS volume"), { Volume, Storage }),
        node(Elb, QStringLiteral("Load balancer"), { ElbType }),
        node(Rds, QStringLiteral("RDS database"), { Engine, InstanceType, InstanceSize, MultiAz, Role }),
        node(DynamoDb, QStringLiteral("DynamoDB table"), { CapacityMode }),
        node(S3, QStringLiteral("S3 bucket"), { VolumeType }),
        node(Lambda, QStringLiteral("Lambda function"), { Memory }),
        node(ApiGateway, QStringLiteral("API Gateway"), { ApiType }),
        node(Sqs, QStringLiteral("SQS queue"), { QueueType }),
        node(Sns, QStringLiteral("SNS topic"), {}),
        node(ElastiCache, QStringLiteral("ElastiCache"), { Engine, InstanceType, InstanceSize }),
        node(CloudFront, QStringLiteral("CloudFront distribution"), {}),
        node(Route53, QStringLiteral("Route 53 zone"), {}),
        node(EksCluster, QStringLiteral("EKS cluster"), {}),
        node(EcsCluster, QStringLiteral("ECS cluster"), {}),
        node(EcsService, QStringLiteral("ECS service"), {}),
        node(Efs, QStringLiteral("EFS file system"), {}),
        node(KinesisStream, QStringLiteral("Kinesis stream"), { Shards }),
        node(Redshift, QStringLiteral("Redshift cluster"), { InstanceType, InstanceSize, NodeCount }),
        node(ElasticSearch, QStringLiteral("OpenSearch domain"), { InstanceType, InstanceSize, InstanceCount }),
        node(NatGateway, QStringLiteral("NAT gateway"), {}),
        node(InternetGateway, QStringLiteral("Internet gateway"), {}),
        node(VpnGateway, QStringLiteral("VPN gateway"), {}),
        node(CustomerGateway, QStringLiteral("Customer gateway"), {}),
        node(VpcEndpoint, QStringLiteral("VPC endpoint"), {}),
        node(Ses, QStringLiteral("SES"), {}),
        node(User, QStringLiteral("User"), {}),
        node(Block, QStringLiteral("Generic block"), { Width, Height, Depth, Color }),
        group(Vpc, QStringLiteral("VPC")),
        group(Subnet, QStringLiteral("Subnet")),
        group(SecurityGroup, QStringLiteral("Security group")),
        group(AutoScalingGroup, QStringLiteral("Auto Scaling group")),
    };
}

} // namespace

const QList<ComponentInfo> &knownComponents()
{
    static const QList<ComponentInfo> components = buildComponents();
    return components;
}

const ComponentInfo *componentInfo(const QString &type)
{
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> result;
        const QList<ComponentInfo> &all = knownComponents();
        for (qsizetype i = 0; i < all.size(); ++i)
            result.insert(all.at(i).type, i);
        return result;
    }();
    const auto it = index.constFind(type);
    return it == index.constEnd() ? nullptr : &knownComponents().at(*it);
}

bool isGroupType(const QString &type)
{
    const ComponentInfo *info = componentInfo(type);
    return info && info->kind == ComponentKind::Group;
}

} // namespace Cloudcraft::Core::Components
