#pragma once

#include "infrastructuremodel.h"

#include <QByteArray>

namespace Cloudcraft::Core {

/// Reads `terraform show -json <planfile>` output: planned_values for the resources, resource_changes for what
/// each one will undergo (InfraResource::action).
InfraReadResult readTerraformPlan(const QByteArray &bytes, const QString &fileName);

} // namespace Cloudcraft::Core
