#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

/// A JSON value as one line for people: strings quoted, lists and objects as compact JSON, `(none)` for an absent
/// value, cut with an ellipsis after `maxLength` characters (120: one line in a terminal or a tooltip). Shared by
/// change texts and the diff reports.
QString attributeValueText(const QJsonValue &value, qsizetype maxLength = 120);

/// One attribute that differs between two versions of a resource.
struct AttributeChange
{
    QString path;          ///< "instanceSize", "mapPos", "inboundRules[0].port"
    QJsonValue oldValue;   ///< Undefined when the attribute is new
    QJsonValue newValue;   ///< Undefined when it is gone
    QStringList addedItems;   ///< for lists of names or ids, compared as sets (group members): what joined
    QStringList removedItems; ///< ... and what left

    /// `instanceSize: "large" → "xlarge"`, or `nodes: +a, −b` for member lists.
    QString toString() const;

    friend bool operator==(const AttributeChange &, const AttributeChange &) = default;
};

/// A set of attribute path patterns. Paths are dot-separated keys with `[n]` for array elements
/// ("inboundRules[0].port"). A pattern matches a path and everything below it: "tags" matches "tags.env".
/// `*` stands for one segment (a key or an index), `**` for any number of segments, so "**.updatedAt" matches
/// "updatedAt" and "meta.updatedAt".
class AttributePathSet final
{
public:
    AttributePathSet() = default;
    explicit AttributePathSet(const QStringList &patterns);

    bool matches(const QString &path) const;
    const QStringList &patterns() const { return m_patterns; }

private:
    QStringList m_patterns;
    QList<QStringList> m_segments;
};

/// Attribute-level comparison of two versions of one resource.
struct AttributeDiff
{
    QList<AttributeChange> changes; ///< real changes
    QList<AttributeChange> moves;   ///< changes under position paths (mapPos, mapSize)

    /// Compares `before` with `after`, skipping `ignored` paths and sorting `position` paths into moves.
    /// Lists of strings are compared as sets (order and repeats do not matter); lists of objects of the same
    /// length element by element; anything else as a whole.
    static AttributeDiff compare(const QJsonObject &before, const QJsonObject &after, const AttributePathSet &ignored,
                                 const AttributePathSet &position);
};

} // namespace Cloudcraft::Core
