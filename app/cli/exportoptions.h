#pragma once

#include "api/apitypes.h"
#include "exitcode.h"

namespace Cloudcraft::Cli {

class CliContext;

/// Reads --scale --width --height --grid --transparent --landscape --paper-size --projection --theme.
ExitCode readExportOptions(CliContext &ctx, Core::ExportOptions &options);
/// The export options plus --filter --exclude --label --autoconnect.
ExitCode readSnapshotOptions(CliContext &ctx, Core::SnapshotOptions &options);
/// --currency --period --rate.
ExitCode readBudgetOptions(CliContext &ctx, Core::BudgetOptions &options);

} // namespace Cloudcraft::Cli
