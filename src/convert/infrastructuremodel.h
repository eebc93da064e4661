#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

/// What a plan intends to do with a resource; None for states, templates and drawings.
enum class PlannedAction { None, Create, Update, Delete, Replace };

/// One resource read from a third-party description, already mapped to Cloudcraft's vocabulary where we can.
struct InfraResource
{
    /// Unique within the model: "aws_instance.web", a CloudFormation logical id, a draw.io cell id.
    QString address;
    /// The source's own type: "aws_instance", "AWS::EC2::Instance", "mxgraph.aws4.ec2".
    QString sourceType;
    /// Cloudcraft component type ("ec2", "rds", "vpc", ...; see cloudcraftcomponents.h), empty when unmapped.
    QString componentType;
    QString name;
    QString region;
    /// Address of the enclosing VPC/subnet/group resource, "" for top level.
    QString parent;
    /// In Cloudcraft's attribute names (instanceType, instanceSize, engine, ...).
    QJsonObject attributes;
    PlannedAction action = PlannedAction::None;
    /// VPC, subnet, availability zone, security group area: drawn as an area around its children.
    bool isContainer = false;
};

/// A relationship between two resources, by address.
struct InfraLink
{
    QString from;
    QString to;
    /// "security-group", "target", "event-source", "subnet", "reference".
    QString kind;
};

struct InfraModel
{
    /// The file name the model was read from (for names and messages).
    QString sourceName;
    /// "terraform-state", "terraform-plan", "cloudformation", "drawio".
    QString format;
    QList<InfraResource> resources;
    QList<InfraLink> links;
    /// Resources that only describe a relationship or a setting (target group attachments, listeners, bucket
    /// policies, ...) and were turned into links or attributes instead of nodes: sourceType -> count.
    QMap<QString, int> folded;
    /// For readers that know it (CloudFormation): each folded resource's address → the address of the resource it
    /// configures and was folded into (a resource of this model). Empty when the reader only counts.
    QMap<QString, QString> foldedInto;
    /// Things the reader noticed and the user should hear about (one sentence each).
    QStringList warnings;
};

struct InfraReadResult
{
    InfraModel model;
    /// One sentence naming the file and the problem.
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// Readers: `InfraReadResult readX(const QByteArray &bytes, const QString &fileName)`.
/// Terraform (src/convert/terraformstate.h, terraformplan.h) by G; CloudFormation and draw.io by H.

QString plannedActionName(PlannedAction action);

} // namespace Cloudcraft::Core
