#pragma once

namespace Cloudcraft::Ui {

/// How the compare view shows a before/after pair (contract 3); the order is the toolbar's and keys 1..5.
enum class CompareMode { SideBySide, Swipe, Onion, Blink, Difference };

} // namespace Cloudcraft::Ui
