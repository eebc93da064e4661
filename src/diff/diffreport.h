#pragma once

#include <QJsonObject>

namespace Cloudcraft::Core {

struct InventoryDiffResult;
struct PixelDiffResult;

/// Machine-readable forms of diff results, for `cloudcraft-cli diff --json`, CI artefacts and saved comparisons.
/// Key names are part of the CLI's output contract: add keys, do not rename them.
namespace DiffReport {

/// {"identical", "mismatch", "outsideOverlap", "antiAliased", "compared", "sizeA": [w, h], "sizeB", "canvas",
///  "sizeChanged", "overlap": [x, y, w, h], "regions": [{"x", "y", "width", "height", "pixels"}]}
/// or {"error": "..."} when the comparison failed.
QJsonObject toJson(const PixelDiffResult &result);

/// {"totals": counts, "byCollection" | "byType" | "byRegion" | "byVpc": {name: counts}, "documentChanges": [...],
///  "resources": [{"change", "collection", "key", "id", "type", "label", "region", "vpc", "changes", "moves"}]}
/// where counts = {"added", "removed", "changed", "moved", "unchanged"} and each change is
/// {"path", "old", "new", "text"} (+ "added"/"removed" lists for member sets). Unchanged resources are left out
/// of "resources" unless asked for.
QJsonObject toJson(const InventoryDiffResult &result, bool includeUnchanged = false);

} // namespace DiffReport

} // namespace Cloudcraft::Core
