#include "diff/attributediff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

// "a.b[2].c" -> ["a", "b", "[2]", "c"]; the same split is used for patterns, so "rules[*].port" works too.
QStringList splitPath(const QString &path)
{
    QStringList segments;
    QString current;
    for (const QChar c : path) {
        if (c == u'.') {
            if (!current.isEmpty())
                segments.append(current);
            current.clear();
        } else if (c == u'[') {
            if (!current.isEmpty())
                segments.append(current);
            current = QStringLiteral("[");
        } else if (c == u']') {
            current.append(c);
            segments.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        segments.append(current);
    return segments;
}

bool segmentMatches(const QString &pattern, const QString &segment)
{
    if (pattern == u"*" || pattern == segment)
        return true;
    return pattern == u"[*]" && segment.startsWith(u'[');
}

// Prefix match: once the pattern is used up, everything below the matched node matches too.
bool matchFrom(const QStringList &pattern, qsizetype p, const QStringList &path, qsizetype s)
{
    if (p == pattern.size())
        return true;
    if (pattern.at(p) == u"**") {
        for (qsizetype skip = s; skip <= path.size(); ++skip) {
            if (matchFrom(pattern, p + 1, path, skip))
                return true;
        }
        return false;
    }
    if (s == path.size() || !segmentMatches(pattern.at(p), path.at(s)))
        return false;
    return matchFrom(pattern, p + 1, path, s + 1);
}

bool allStrings(const QJsonArray &array)
{
    return std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return v.isString(); });
}

bool allObjects(const QJsonArray &array)
{
    return std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return v.isObject(); });
}

// Items of `from` missing in `other`, first occurrences in order.
QStringList missingFrom(const QJsonArray &from, const QSet<QString> &other)
{
    QStringList result;
    QSet<QString> seen;
    for (const QJsonValue &value : from) {
        const QString item = value.toString();
        if (!other.contains(item) && !seen.contains(item)) {
            seen.insert(item);
            result.append(item);
        }
    }
    return result;
}

QSet<QString> stringSet(const QJsonArray &array)
{
    QSet<QString> set;
    for (const QJsonValue &value : array)
        set.insert(value.toString());
    return set;
}

class Walker final
{
public:
    Walker(const AttributePathSet &ignored, const AttributePathSet &position, AttributeDiff &result)
        : m_ignored(ignored)
        , m_position(position)
        , m_result(result)
    {
    }

    void compareObjects(const QString &prefix, const QJsonObject &before, const QJsonObject &after)
    {
        QStringList keys = before.keys();
        for (const QString &key : after.keys()) {
            if (!before.contains(key))
                keys.append(key);
        }
        std::sort(keys.begin(), keys.end());
        for (const QString &key : keys)
            compareValues(prefix.isEmpty() ? key : prefix + u'.' + key, before.value(key), after.value(key));
    }

private:
    void compareValues(const QString &path, const QJsonValue &before, const QJsonValue &after)
    {
        if (before == after || m_ignored.matches(path))
            return;
        if (m_position.matches(path)) {
            m_result.moves.append({path, before, after, {}, {}});
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareObjects(path, before.toObject(), after.toObject());
            return;
        }
        if (before.isArray() && after.isArray()) {
            const QJsonArray a = before.toArray();
            const QJsonArray b = after.toArray();
            if (allStrings(a) && allStrings(b)) {
                const QSet<QString> setA = stringSet(a);
                const QSet<QString> setB = stringSet(b);
                if (setA != setB)
                    m_result.changes.append({path, before, after, missingFrom(b, setA), missingFrom(a, setB)});
                return;
            }
            if (a.size() == b.size() && allObjects(a) && allObjects(b)) {
                for (qsizetype i = 0; i < a.size(); ++i)
                    compareValues(path + u'[' + QString::number(i) + u']', a.at(i), b.at(i));
                return;
            }
        }
        m_result.changes.append({path, before, after, {}, {}});
    }

    const AttributePathSet &m_ignored;
    const AttributePathSet &m_position;
    AttributeDiff &m_result;
};

} // namespace

QString attributeValueText(const QJsonValue &value, qsizetype maxLength)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("(none)");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        text = u'"' + value.toString() + u'"';
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    return text.size() > maxLength ? text.left(maxLength - 1) + u'…' : text;
}

QString AttributeChange::toString() const
{
    if (!addedItems.isEmpty() || !removedItems.isEmpty()) {
        QStringList parts;
        for (const QString &item : addedItems)
            parts.append(u'+' + item);
        for (const QString &item : removedItems)
            parts.append(u'−' + item);
        return path + u": " + parts.join(u", ");
    }
    return path + u": " + attributeValueText(oldValue) + u" → " + attributeValueText(newValue);
}

AttributePathSet::AttributePathSet(const QStringList &patterns)
    : m_patterns(patterns)
{
    for (const QString &pattern : patterns)
        m_segments.append(splitPath(pattern));
}

bool AttributePathSet::matches(const QString &path) const
{
    if (m_segments.isEmpty())
        return false;
    const QStringList segments = splitPath(path);
    return std::any_of(m_segments.begin(), m_segments.end(), [&](const QStringList &pattern) {
        return !pattern.isEmpty() && matchFrom(pattern, 0, segments, 0);
    });
}

AttributeDiff AttributeDiff::compare(const QJsonObject &before, const QJsonObject &after,
                                     const AttributePathSet &ignored, const AttributePathSet &position)
{
    AttributeDiff result;
    Walker(ignored, position, result).compareObjects(QString(), before, after);
    return result;
}

} // namespace Cloudcraft::Core
