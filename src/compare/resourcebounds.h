#pragma once

#include <QByteArray>
#include <QHash>
#include <QRect>
#include <QString>

#include <optional>

namespace Cloudcraft::Core {

/// The PNG tEXt keyword under which our renders (the emulator's and the schematic renderer's) record where each
/// component was drawn: compact JSON {"<component id>":[x,y,w,h], ...} in that PNG's pixels.
inline constexpr char ResourceBoundsKeyword[] = "cloudcraft:bounds";

/// Reads the component rectangles from a PNG's "cloudcraft:bounds" tEXt chunk, walking the chunks without
/// decoding pixels. nullopt when the bytes are not a PNG, the chunk is absent, or its JSON is not such an object
/// (entries that are not four numbers are skipped).
std::optional<QHash<QString, QRect>> readResourceBounds(const QByteArray &png);

} // namespace Cloudcraft::Core
