#include "iampolicies.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

QJsonObject statement(const QString &sid, const QStringList &actions, const QJsonValue &resource)
{
    return QJsonObject { { u"Sid"_s, sid }, { u"Effect"_s, u"Allow"_s },
        { u"Action"_s, QJsonArray::fromStringList(actions) }, { u"Resource"_s, resource } };
}

} // namespace

QJsonObject IamPolicies::custom()
{
    const QStringList services {
        u"acm"_s,
        u"apigateway"_s,
        u"autoscaling"_s,
        u"cloudfront"_s,
        u"cloudwatch"_s,
        u"dynamodb"_s,
        u"ec2"_s,
        u"ecr"_s,
        u"ecs"_s,
        u"eks"_s,
        u"elasticache"_s,
        u"elasticfilesystem"_s,
        u"elasticloadbalancing"_s,
        u"es"_s,
        u"events"_s,
        u"firehose"_s,
        u"fsx"_s,
        u"glacier"_s,
        u"kinesis"_s,
        u"kms"_s,
        u"lambda"_s,
        u"rds"_s,
        u"redshift"_s,
        u"route53"_s,
        u"s3"_s,
        u"sns"_s,
        u"sqs"_s,
        u"states"_s,
        u"tag"_s,
        u"wafv2"_s,
    };
    QStringList actions;
    for (const QString &service : services) {
        actions << service + u":Describe*"_s << service + u":List*"_s;
        if (service == u"s3" || service == u"lambda" || service == u"sqs" || service == u"sns"
            || service == u"apigateway" || service == u"route53")
            actions << service + u":Get*"_s;
    }
    return QJsonObject { { u"Version"_s, u"2012-10-17"_s },
        { u"Statement"_s, QJsonArray { statement(u"CloudcraftReadOnly"_s, actions, u"*"_s) } } };
}

QJsonObject IamPolicies::minimal()
{
    QJsonArray statements;
    statements.append(statement(u"ApiGatewayRead"_s, { u"apigateway:GET"_s },
        QJsonArray { u"arn:aws:apigateway:*::/apis/*"_s, u"arn:aws:apigateway:*::/restapis/*"_s,
            u"arn:aws:apigateway:*::/domainnames"_s }));
    statements.append(statement(u"ComputeAndNetwork"_s,
        { u"ec2:DescribeInstances"_s, u"ec2:DescribeVolumes"_s, u"ec2:DescribeVpcs"_s, u"ec2:DescribeSubnets"_s,
            u"ec2:DescribeSecurityGroups"_s, u"ec2:DescribeNatGateways"_s, u"ec2:DescribeInternetGateways"_s,
            u"ec2:DescribeVpnGateways"_s, u"ec2:DescribeTransitGateways"_s, u"ec2:DescribeVpcPeeringConnections"_s,
            u"ec2:DescribeRouteTables"_s, u"autoscaling:DescribeAutoScalingGroups"_s,
            u"elasticloadbalancing:DescribeLoadBalancers"_s, u"elasticloadbalancing:DescribeTargetGroups"_s,
            u"elasticloadbalancing:DescribeTargetHealth"_s, u"eks:ListClusters"_s, u"eks:DescribeCluster"_s,
            u"ecs:ListClusters"_s, u"ecs:DescribeClusters"_s, u"lambda:ListFunctions"_s,
            u"lambda:GetFunctionConfiguration"_s },
        u"*"_s));
    statements.append(statement(u"DataStores"_s,
        { u"rds:DescribeDBInstances"_s, u"rds:DescribeDBClusters"_s, u"dynamodb:ListTables"_s,
            u"dynamodb:DescribeTable"_s, u"elasticache:DescribeCacheClusters"_s, u"redshift:DescribeClusters"_s,
            u"es:ListDomainNames"_s, u"es:DescribeDomains"_s, u"elasticfilesystem:DescribeFileSystems"_s,
            u"fsx:DescribeFileSystems"_s },
        u"*"_s));
    statements.append(statement(u"BucketsAndMessaging"_s,
        { u"s3:ListAllMyBuckets"_s, u"s3:GetBucketLocation"_s, u"s3:GetBucketTagging"_s, u"sqs:ListQueues"_s,
            u"sqs:GetQueueAttributes"_s, u"sns:ListTopics"_s, u"kinesis:ListStreams"_s,
            u"kinesis:DescribeStreamSummary"_s },
        u"*"_s));
    statements.append(statement(u"EdgeAndDns"_s,
        { u"cloudfront:ListDistributions"_s, u"route53:ListHostedZones"_s, u"route53:ListResourceRecordSets"_s,
            u"tag:GetResources"_s },
        u"*"_s));
    return QJsonObject { { u"Version"_s, u"2012-10-17"_s }, { u"Statement"_s, statements } };
}

} // namespace Cloudcraft::Emulator
