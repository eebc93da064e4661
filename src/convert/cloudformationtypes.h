#pragma once

#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Core::CloudFormationTypes {

/// The Cloudcraft component for a CloudFormation resource type ("AWS::EC2::Instance" → "ec2"); empty when unmapped.
QString componentFor(const QString &resourceType);
/// VPCs, subnets and auto scaling groups: drawn as areas around their members.
bool isContainer(const QString &resourceType);

/// A property as plain text when it is text or a Ref to a parameter with a Default; empty otherwise.
QString plainText(const QJsonValue &value, const QJsonObject &parameters);

/// Cloudcraft attributes (instanceType/instanceSize, engine, memory, ...) from a resource's Properties.
QJsonObject attributesFor(const QString &resourceType, const QJsonObject &properties, const QJsonObject &parameters);

/// The name a person would read: a name property (BucketName, FunctionName, ...; a !Sub keeps its ${} text), the
/// Name tag, or empty when there is none.
QString nameFor(const QJsonObject &properties, const QJsonObject &parameters);

} // namespace Cloudcraft::Core::CloudFormationTypes
