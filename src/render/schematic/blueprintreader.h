#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <optional>

namespace Cloudcraft::Core::BlueprintReader {

/// Tolerant readers for blueprint JSON: wrong types, NaN-like or absurd values give a fallback, never a crash.

/// Clamps a grid coordinate so absurd input cannot overflow the pixel maths.
double clampCoordinate(double value);
/// `[x, y]` with two finite numbers, clamped; anything else is nullopt.
std::optional<QPointF> readPair(const QJsonValue &value);
/// A number (or numeric string) clamped to [low, high]; otherwise `fallback`.
double readNumber(const QJsonValue &value, double fallback, double low, double high);
/// The objects of the array at `key` (non-objects skipped).
QList<QJsonObject> objectsOf(const QJsonObject &data, QLatin1StringView key);
/// Text split into lines, line count and length bounded.
QStringList textLines(const QString &text);

} // namespace Cloudcraft::Core::BlueprintReader
