#pragma once

#include "infrastructuremodel.h"

#include <QByteArray>

namespace Cloudcraft::Core {

/// Reads a Terraform state file (format version 4, `terraform.tfstate`). Older formats are refused with a
/// sentence telling which Terraform upgrades them.
InfraReadResult readTerraformState(const QByteArray &bytes, const QString &fileName);

} // namespace Cloudcraft::Core
