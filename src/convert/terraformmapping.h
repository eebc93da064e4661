#pragma once

#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Core {

enum class TerraformRole {
    Unmapped,  ///< kept as a generic block (componentType empty)
    Node,      ///< a Cloudcraft node
    Container, ///< VPC, subnet, Auto Scaling group: an area around its children
    SecurityGroup,
    Folded, ///< describes a relationship or a setting of another resource: becomes links/attributes
};

struct TerraformMapping
{
    TerraformRole role = TerraformRole::Unmapped;
    QString componentType;
};

/// The Cloudcraft component for a Terraform AWS resource type (one table, terraformmapping.cpp).
TerraformMapping terraformMapping(const QString &terraformType);

/// Cloudcraft attributes (instanceType, engine, ...) from a resource's Terraform values.
QJsonObject terraformComponentAttributes(const QString &terraformType, const QJsonObject &values);

/// "t3.micro" -> {"t3", "micro"}; "db.m5.large" -> {"m5", "large"}; "cache.r6g.xlarge" -> {"r6g", "xlarge"};
/// "r5.large.search" -> {"r5", "large"}. Empty strings when the text has no family and size.
void splitInstanceClass(const QString &instanceClass, QString *family, QString *size);

/// The region in an ARN ("arn:aws:ec2:eu-west-1:..." -> "eu-west-1") or an availability zone ("eu-west-1b").
QString regionFromValues(const QJsonObject &values);

} // namespace Cloudcraft::Core
