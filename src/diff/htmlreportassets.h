#pragma once

#include <QLatin1StringView>

namespace Cloudcraft::Core::HtmlReportAssets {

/// The report's whole style sheet (light and dark through prefers-color-scheme). No external fonts or files.
QLatin1StringView styleSheet();
/// The report's whole script: the swipe slider (mouse, touch, keyboard) and selecting a change region
/// (click, Enter, or #region-N in the address). Marks <html data-report-ready="1"> once it has run.
QLatin1StringView script();

} // namespace Cloudcraft::Core::HtmlReportAssets
