#pragma once

#include "compare/comparetypes.h"
#include "diff/pixeldiff.h"

#include <atomic>

namespace Cloudcraft::Core {

/// The comparison behind CompareSession, callable on any thread: the pixel diff with the options
/// `cloudcraft-cli diff` uses for the same settings, the regions largest first, and the structural diff when both
/// sides carry a document. Reads the sides' images without copying them.
class CompareEngine final
{
public:
    /// The PixelDiff options `cloudcraft-cli diff --threshold T [--include-aa] [--ignore ...]` would use, plus the
    /// compare view's colours.
    static PixelDiffOptions pixelOptions(const CompareSettings &settings);

    /// `cancel` (may be null) stops the pixel diff early; the result then says so in `error`. `withStructure` false
    /// skips the structural diff (a caller that already has it for this pair).
    static CompareResult compare(const CompareSide &before, const CompareSide &after, const CompareSettings &settings,
                                 const std::atomic_bool *cancel = nullptr, bool withStructure = true);
};

} // namespace Cloudcraft::Core
