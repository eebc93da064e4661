#pragma once

#include "diff/attributediff.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

/// How one resource differs between the two documents.
enum class ResourceChange { Added, Removed, Changed, Moved, Unchanged };

/// Counts of resources per kind of change.
struct InventoryCounts
{
    int added = 0;
    int removed = 0;
    int changed = 0;
    int moved = 0;
    int unchanged = 0;

    int total() const { return added + removed + changed + moved + unchanged; }
    void add(ResourceChange change);
    friend bool operator==(const InventoryCounts &, const InventoryCounts &) = default;
};

/// One resource (a node, group, edge, surface, text, icon ...) and what happened to it.
struct ResourceDiff
{
    ResourceChange change = ResourceChange::Unchanged;
    QString collection;  ///< "nodes", "groups", "edges", ...
    QString key;         ///< what matched it: its arn, resourceId, "from → to" for edges, or component id
    QString type;        ///< "ec2", "sg", "isotext" ...
    QString label;       ///< name, text or type, for people
    QString region;      ///< of the newer version ("" when it has none)
    QString vpc;         ///< name (or id) of the VPC group it sits in, directly or through nested groups
    QList<AttributeChange> changes; ///< real changes (Changed)
    QList<AttributeChange> moves;   ///< position changes; a Changed resource may also have moved
    QJsonObject before;  ///< empty when Added
    QJsonObject after;   ///< empty when Removed

    /// The component id in the newer version (the older one when removed).
    QString componentId() const;
    const AttributeChange *changeAt(const QString &path) const;
};

struct InventoryDiffOptions
{
    /// Arrays of `data` compared as resources.
    QStringList collections{QStringLiteral("nodes"),    QStringLiteral("groups"), QStringLiteral("edges"),
                            QStringLiteral("surfaces"), QStringLiteral("text"),   QStringLiteral("icons"),
                            QStringLiteral("images"),   QStringLiteral("connectors")};
    /// Attribute paths that are noise (see AttributePathSet): tags and timestamps by default.
    QStringList ignoredPaths{QStringLiteral("tags"), QStringLiteral("**.updatedAt"), QStringLiteral("**.createdAt")};
    /// Attribute paths that say where a resource is drawn, reported as "moved" rather than "changed".
    QStringList positionPaths{QStringLiteral("mapPos"), QStringLiteral("mapSize")};
};

struct InventoryDiffResult
{
    QList<ResourceDiff> resources; ///< per collection: the older document's order, then what was added
    QList<AttributeChange> documentChanges; ///< attributes of `data` itself (name, grid, theme ...)

    InventoryCounts totals;
    QMap<QString, InventoryCounts> byCollection;
    QMap<QString, InventoryCounts> byType;
    QMap<QString, InventoryCounts> byRegion; ///< "" for resources without a region
    QMap<QString, InventoryCounts> byVpc;    ///< only resources inside a VPC group

    bool hasChanges() const;
    QList<const ResourceDiff *> withChange(ResourceChange change) const;
    /// The resource whose key or component id (in either version) is `keyOrId`, or nullptr.
    const ResourceDiff *find(const QString &keyOrId) const;
};

/// Structural diff of two blueprint documents or two live-account snapshots (QJsonObject, with or without the
/// `{"data": ...}` envelope of GET /blueprint/{id}).
///
/// Resources are matched by `arn`, else `resourceId`, else (edges) the two resources they join, else component
/// `id`; two resources that both carry a stronger key are never matched by a weaker one. References to other
/// components (group members, edge ends, `mapPos.relTo`) are compared through those same keys, so two scans of
/// one account that gave every component a new random id still line up.
class InventoryDiff final
{
public:
    explicit InventoryDiff(InventoryDiffOptions options = {});

    const InventoryDiffOptions &options() const { return m_options; }
    InventoryDiffResult compare(const QJsonObject &before, const QJsonObject &after) const;

private:
    InventoryDiffOptions m_options;
};

/// "added", "removed", "changed", "moved", "unchanged".
QString changeName(ResourceChange change);

} // namespace Cloudcraft::Core
