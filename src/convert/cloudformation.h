#pragma once

#include "convert/infrastructuremodel.h"

#include <QByteArray>
#include <QString>

namespace Cloudcraft::Core {

/// Reads an AWS CloudFormation (or SAM) template, JSON or YAML with the short intrinsic tags (!Ref, !GetAtt, !Sub...).
/// Resources map to Cloudcraft components by their Type (a table in cloudformation.cpp; unmapped ones are kept
/// with an empty componentType). Relationships come from following Ref, GetAtt, Sub, Join, ImportValue and
/// DependsOn inside each resource: never evaluated, never looked up in AWS; parameters and conditions stay symbolic
/// (a parameter's Default is used only to fill an attribute such as the instance type). VPCs, subnets and
/// auto scaling groups become containers; a resource in exactly one subnet sits in it, one spread over several
/// subnets sits in their VPC with "subnet" links. Resources that only configure another (routes, route tables,
/// ACLs, associations, attachments, elastic IPs, security group rules, listeners, launch configurations...) are
/// folded into it: counted in InfraModel::folded and named in InfraModel::foldedInto, their meaning carried by
/// placement and links (a subnet's default route through a NAT or internet gateway becomes a "route" link).
/// An intrinsic function CloudFormation does not have is an error naming the file, the resource and the function.
InfraReadResult readCloudFormation(const QByteArray &bytes, const QString &fileName);

/// True when the bytes look like a CloudFormation template (AWSTemplateFormatVersion, or Resources of AWS:: types).
bool looksLikeCloudFormation(const QByteArray &bytes);

} // namespace Cloudcraft::Core
