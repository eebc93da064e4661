#pragma once

#include <QColor>
#include <QString>

namespace Cloudcraft::Core::TextFormat {

/// Fixed-precision number without trailing zeros ("12", "0.5", "-3.25"); never "-0", never exponent form.
QString number(double value, int decimals = 2);
/// Text safe inside XML character data and attribute values: &<>"' escaped, characters XML forbids removed.
QString xmlEscaped(QStringView text);
/// "#rrggbb" (alpha is written separately where a format supports it).
QString hexColor(const QColor &color);

} // namespace Cloudcraft::Core::TextFormat
