#pragma once

#include "infrastructuremodel.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Cloudcraft::Core {

/// One resource instance as both Terraform readers (state and plan) see it, before mapping.
struct TerraformResource
{
    /// Full instance address: "module.app.aws_instance.web[0]", "aws_s3_bucket.logs".
    QString address;
    /// Without the instance key: "module.app.aws_instance.web".
    QString baseAddress;
    /// "module.app" or "" for the root module.
    QString modulePath;
    QString type;
    QString name;
    /// The attribute values (state "attributes", plan "values").
    QJsonObject values;
    /// depends_on / dependencies, as written (module-relative in old states, absolute in new ones).
    QStringList dependencies;
    /// From a plan's configuration: attribute name (leaf and dotted path) -> referenced addresses, for values
    /// that are unknown until apply (ids of resources still to be created).
    QHash<QString, QStringList> references;
    PlannedAction action = PlannedAction::None;
};

/// Maps Terraform AWS resources to Cloudcraft components, finds their VPC/subnet and follows their references
/// into links. Data sources must already be left out. `defaultRegion` is the provider's region when known.
InfraModel buildTerraformModel(const QList<TerraformResource> &resources, const QString &sourceName,
                               const QString &format, const QString &defaultRegion);

/// "module.a.aws_x.y[0]" -> {"module.a", "aws_x", "y", "[0]"}; false when the address is not a resource's.
bool splitTerraformAddress(const QString &address, QString *modulePath, QString *type, QString *name,
                           QString *instanceKey);

} // namespace Cloudcraft::Core
