#pragma once

#include <QHash>
#include <QString>

namespace Cloudcraft::Core::DrawioShapes {

/// A cell's style string parsed: "shape=mxgraph.aws4.group;grIcon=...;text;" → {shape: ..., grIcon: ..., text: ""}.
QHash<QString, QString> parseStyle(const QString &style);

/// What a draw.io cell stands for in Cloudcraft terms.
struct ShapeMeaning
{
    QString sourceType;    ///< "mxgraph.aws4.ec2", "mxgraph.aws4.group_vpc", "rectangle"...
    QString componentType; ///< Cloudcraft type; empty when unmapped
    bool isContainer = false;
    bool isSecurityGroup = false; ///< a box drawn around members (membership group), not an area
    bool isAnnotation = false;    ///< text, labels, decorations: not a resource
    /// The small VPC icon the aws3 library puts in the corner of a plain box to say the box is a VPC.
    bool isVpcBadge = false;
    QString engine;               ///< rds/elasticache engine when the icon names one
    QString elbType;              ///< "application", "network", "classic"
};

/// The meaning of a vertex cell from its style, its label (for plain boxes named "VPC", "Subnet"...) and
/// whether other cells sit inside it.
ShapeMeaning meaningOf(const QHash<QString, QString> &style, const QString &label, bool hasChildren);

/// Label text without HTML tags and entities, whitespace collapsed.
QString plainLabel(const QString &value);

/// The AWS region a region area's label names: a code ("eu-west-1") anywhere in any label, or, for a region group
/// (`isRegionGroup`), a location as the console shows it ("Region N.Virginia" -> "us-east-1"); empty when none.
QString regionFromLabel(const QString &label, bool isRegionGroup);

/// A name for an unlabelled AWS icon from its shape: "mxgraph.aws4.cloud_development_kit" -> "cloud development
/// kit"; empty for shapes of other libraries.
QString iconTitle(const QString &sourceType);

} // namespace Cloudcraft::Core::DrawioShapes
