#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The Cloudcraft component types the converters emit and the attribute names they fill, taken from
// cloudcraft-api.md §3 and the real blueprints in samples/cloudcraft/blueprint-*.json. Readers map their own
// source types onto these names; the composer only lays them out.

namespace Cloudcraft::Core::Components {

// Nodes (data.nodes[].type)
inline const QString Ec2 = QStringLiteral("ec2");
inline const QString Ebs = QStringLiteral("ebs");
inline const QString Elb = QStringLiteral("elb");
inline const QString Rds = QStringLiteral("rds");
inline const QString DynamoDb = QStringLiteral("dynamodb");
inline const QString S3 = QStringLiteral("s3");
inline const QString Lambda = QStringLiteral("lambda");
inline const QString ApiGateway = QStringLiteral("apigateway");
inline const QString Sqs = QStringLiteral("sqs");
inline const QString Sns = QStringLiteral("sns");
inline const QString ElastiCache = QStringLiteral("elasticache");
inline const QString CloudFront = QStringLiteral("cloudfront");
inline const QString Route53 = QStringLiteral("r53");
inline const QString EksCluster = QStringLiteral("ekscluster");
inline const QString EcsCluster = QStringLiteral("ecscluster");
inline const QString EcsService = QStringLiteral("ecsservice");
inline const QString Efs = QStringLiteral("efs");
inline const QString KinesisStream = QStringLiteral("kinesisstream");
inline const QString Redshift = QStringLiteral("redshift");
inline const QString ElasticSearch = QStringLiteral("es");
inline const QString NatGateway = QStringLiteral("natgateway");
inline const QString InternetGateway = QStringLiteral("internetgateway");
inline const QString VpnGateway = QStringLiteral("vpngateway");
inline const QString CustomerGateway = QStringLiteral("customergateway");
inline const QString VpcEndpoint = QStringLiteral("vpcgateway");
inline const QString Ses = QStringLiteral("ses");
inline const QString User = QStringLiteral("user");
/// Generic box: unmapped resources when ComposeOptions::keepUnmapped.
inline const QString Block = QStringLiteral("block");

// Groups (data.groups[].type)
inline const QString Vpc = QStringLiteral("vpc");
inline const QString Subnet = QStringLiteral("subnet");
inline const QString SecurityGroup = QStringLiteral("sg");
inline const QString AutoScalingGroup = QStringLiteral("asg");

// Text (data.text[].type)
inline const QString IsoText = QStringLiteral("isotext");

// Edges (data.edges[].type)
inline const QString Edge = QStringLiteral("edge");

/// Attribute names (as Cloudcraft spells them) that readers put into InfraResource::attributes.
namespace Attr {
inline const QString Region = QStringLiteral("region");
inline const QString InstanceType = QStringLiteral("instanceType"); // "m5", "t3a" (ec2, rds, elasticache, es, redshift)
inline const QString InstanceSize = QStringLiteral("instanceSize"); // "large", "xlarge"
inline const QString Platform = QStringLiteral("platform");         // ec2: "linux", "mswin", ...
inline const QString Engine = QStringLiteral("engine");             // rds: "mysql", "postgres", "aurora-mysql"; elasticache: "redis"
inline const QString Role = QStringLiteral("role");                 // rds: "master"/"slave"
inline const QString MultiAz = QStringLiteral("multiAZ");
inline const QString ElbType = QStringLiteral("elbType");           // "application", "network", "classic"
inline const QString VolumeType = QStringLiteral("volumeType");     // s3: "Standard"; ebs uses "volume"
inline const QString Volume = QStringLiteral("volume");             // ebs: "gp2", "gp3", "io1"
inline const QString Storage = QStringLiteral("storage");           // ebs: GiB
inline const QString Memory = QStringLiteral("memory");             // lambda: MB
inline const QString CapacityMode = QStringLiteral("capacityMode"); // dynamodb: "provisioned"/"on-demand"
inline const QString QueueType = QStringLiteral("queueType");       // sqs: "standard"/"fifo"
inline const QString ApiType = QStringLiteral("apiType");           // apigateway: "rest"/"http"/"websocket"
inline const QString Shards = QStringLiteral("shards");             // kinesisstream
inline const QString NodeCount = QStringLiteral("nodeCount");       // redshift
inline const QString InstanceCount = QStringLiteral("instanceCount"); // es
// Block (generic) nodes
inline const QString Width = QStringLiteral("width");
inline const QString Height = QStringLiteral("height");
inline const QString Depth = QStringLiteral("depth");
// Common
inline const QString Name = QStringLiteral("name");
inline const QString EngineVersion = QStringLiteral("engineVersion");
inline const QString Color = QStringLiteral("color");
inline const QString Arn = QStringLiteral("arn");
} // namespace Attr

enum class ComponentKind { Node, Group };

struct ComponentInfo
{
    QString type;
    ComponentKind kind = ComponentKind::Node;
    /// Human name for lists and labels ("EC2 instance").
    QString displayName;
    /// The attribute names (Attr::*) the composer copies onto the node; others are dropped.
    QStringList attributes;
};

/// Every component type the converters may emit.
const QList<ComponentInfo> &knownComponents();
/// nullptr when `type` is not one we emit.
const ComponentInfo *componentInfo(const QString &type);
bool isGroupType(const QString &type);

} // namespace Cloudcraft::Core::Components
