#include "render/schematic/blueprintreader.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core::BlueprintReader {

namespace {

constexpr double kMaxCoordinate = 100000.0; // grid units
constexpr int kMaxTextLines = 60;
constexpr int kMaxLineLength = 300;

} // namespace

double clampCoordinate(double value)
{
    return std::clamp(value, -kMaxCoordinate, kMaxCoordinate);
}

std::optional<QPointF> readPair(const QJsonValue &value)
{
    const QJsonArray array = value.toArray();
    if (array.size() < 2 || !array.at(0).isDouble() || !array.at(1).isDouble())
        return std::nullopt;
    const double x = array.at(0).toDouble();
    const double y = array.at(1).toDouble();
    if (!std::isfinite(x) || !std::isfinite(y))
        return std::nullopt;
    return QPointF(clampCoordinate(x), clampCoordinate(y));
}

double readNumber(const QJsonValue &value, double fallback, double low, double high)
{
    double number = fallback;
    if (value.isDouble())
        number = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().toDouble(&ok);
        if (ok)
            number = parsed;
    }
    if (!std::isfinite(number))
        number = fallback;
    return std::clamp(number, low, high);
}

QList<QJsonObject> objectsOf(const QJsonObject &data, QLatin1StringView key)
{
    QList<QJsonObject> result;
    const QJsonArray array = data.value(key).toArray();
    result.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            result.append(value.toObject());
    }
    return result;
}

QStringList textLines(const QString &text)
{
    QString cleaned = text;
    cleaned.replace(u"\r\n"_s, u"\n"_s);
    cleaned.replace(u'\r', u'\n');
    cleaned.replace(u'\t', u' ');
    QStringList lines = cleaned.split(u'\n');
    if (lines.size() > kMaxTextLines)
        lines.resize(kMaxTextLines);
    for (QString &line : lines) {
        if (line.size() > kMaxLineLength)
            line = line.left(kMaxLineLength);
    }
    return lines;
}

} // namespace Cloudcraft::Core::BlueprintReader
