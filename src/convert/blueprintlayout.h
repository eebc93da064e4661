#pragma once

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

namespace Cloudcraft::Core {

/// One thing to place: a resource box (leaf) or an area around other items (container).
struct LayoutItem
{
    QString key;
    /// Key of the enclosing container, "" for top level (also when the parent is unknown or not a container).
    QString parent;
    bool isContainer = false;
    /// Orders siblings before their key does (lower first); 0 for all keeps plain key order.
    int rank = 0;
};

/// Nested grid layout in Cloudcraft grid units: leaves on a square-ish grid at the top of their container, child
/// containers packed in rows below them, every container padded around its content. Deterministic: children are
/// ordered by rank, then key. No two siblings overlap and every child lies inside its container.
class BlueprintLayout final
{
public:
    static constexpr double CellSize = 3.0;    ///< one resource: a 2x2 footprint plus its label and gap
    static constexpr double NodeSize = 2.0;    ///< footprint of a node inside its cell
    static constexpr double Padding = 1.5;     ///< inside a container, as Cloudcraft's VPC default
    static constexpr double LabelSpace = 1.0;  ///< room for a container's name at its top edge
    static constexpr double Gap = 1.0;         ///< between sibling containers

    /// Places the items. The result maps each key to its rectangle: a leaf's node footprint, a container's area.
    static QHash<QString, QRectF> place(const QList<LayoutItem> &items);
};

} // namespace Cloudcraft::Core
