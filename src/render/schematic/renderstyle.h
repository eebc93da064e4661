#pragma once

#include <QColor>
#include <QJsonValue>
#include <QString>

namespace Cloudcraft::Core::RenderStyle {

enum class TypeFamily { Compute, Storage, Database, Network, Azure, Other };

/// Family of a component `type` (ec2 -> Compute, s3 -> Storage, azurevm -> Azure, ...).
TypeFamily familyOf(const QString &type);
/// Fixed fill colour per family.
QColor familyColor(TypeFamily family);
/// Default outline colour of a group type (vpc, subnet, sg, asg, region, ...).
QColor groupColor(const QString &type);
/// Short upper-case tag drawn inside a node box ("EC2", "LAMBDA", Azure types without their prefix).
QString typeTag(const QString &type);

/// Reads a Cloudcraft colour: "#hex", a CSS name, "rgb()/rgba()", or {"2d": ..., "isometric": ...}.
/// Returns an invalid QColor when absent or unreadable, Qt::transparent for "none"/"transparent".
QColor parseColor(const QJsonValue &value);

/// Black or white, whichever reads better on `background`.
QColor contrastingText(const QColor &background);

/// `color` with its alpha composed over an opaque `background` (for formats without transparency).
QColor flattened(const QColor &color, const QColor &background);

} // namespace Cloudcraft::Core::RenderStyle
