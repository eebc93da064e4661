#pragma once

#include "diffoptions.h"

#include <QJsonObject>

namespace Cloudcraft::Core {
struct InventoryDiffResult;
struct PixelDiffResult;
}

namespace Cloudcraft::Cli {

class CliOutput;

/// What one `diff` run found, for the verdict, stdout and the reports.
struct DiffOutcome
{
    const Core::PixelDiffResult *pixels = nullptr;        ///< image comparison
    const Core::InventoryDiffResult *structure = nullptr; ///< structural comparison
    bool different = false;
};

/// Changed pixels over all pixels of the canvas (0 for an empty canvas).
double mismatchRatio(const Core::PixelDiffResult &result);
/// Different when a limit is exceeded; with no limit given, when any pixel changed.
bool isDifferent(const Core::PixelDiffResult &result, const DiffSettings &settings);
/// Different when a resource was added, removed or changed, or the document's own attributes changed; resources
/// that only moved on the canvas are reported but do not count.
bool isDifferent(const Core::InventoryDiffResult &result);

/// The --json document: verdict, settings, DiffReport JSON of the result, and the files written.
QJsonObject diffJson(const DiffSettings &settings, const DiffOutcome &outcome);
/// The human summary on stdout: verdict line, then the change regions or the changed resources.
void printDiffSummary(CliOutput &out, const DiffSettings &settings, const DiffOutcome &outcome);

} // namespace Cloudcraft::Cli
