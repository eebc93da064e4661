#pragma once

#include "convert/cloudformationgraph.h"
#include "convert/infrastructuremodel.h"

#include <QMap>
#include <QString>

namespace Cloudcraft::Core::CloudFormationTypes {

/// True for types that only configure another resource (routes, route tables, ACLs and their entries, subnet
/// associations, gateway attachments, elastic IPs, security group rules, listeners, launch configurations,
/// API Gateway methods, policies...): an architect does not draw them, the resource they configure stands for them.
bool isConfigurationType(const QString &resourceType);

/// Which resource each configuration resource of the template is folded into: logical id → logical id of the
/// resource it configures, followed through other configuration resources (a route → its route table → the VPC)
/// until one that is drawn. A configuration resource that configures nothing in the template (an elastic IP
/// nobody uses) is absent and stays a resource of its own: nothing disappears. Deterministic.
QMap<QString, QString> foldConfiguration(const TemplateGraph &graph);

/// Links the folded resources carry over to the resource they were folded into: a security group ingress rule's
/// source (group → source group), an API Gateway method's or integration's backend (API → function), a volume
/// attachment's volume (instance → volume).
QList<InfraLink> carriedLinks(const TemplateGraph &graph, const QMap<QString, QString> &foldedInto);

/// The default routes of subnets: a subnet whose route table sends 0.0.0.0/0 (or ::/0) through a NAT gateway or
/// an internet gateway gets a "route" link subnet → gateway.
QList<InfraLink> defaultRouteLinks(const TemplateGraph &graph);

} // namespace Cloudcraft::Core::CloudFormationTypes
