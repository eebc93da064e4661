#pragma once

#include "infrastructuremodel.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Cloudcraft::Core {

struct ComposeOptions
{
    /// Blueprint name; empty = the model's source file name.
    QString name;
    /// Unmapped resources become labelled generic "block" nodes (default); off = only listed in `unmapped`.
    bool keepUnmapped = true;
    /// Planned actions (create/update/delete/replace) shown as node colour plus a text label.
    bool markPlannedActions = true;
    /// Region for resources that name none.
    QString defaultRegion = QStringLiteral("us-east-1");
    QString projection = QStringLiteral("isometric");
};

struct ConversionResult
{
    /// {"name": ..., "data": {"version": 4, "nodes", "groups", "edges", "text", ...}}; empty on error.
    QJsonObject blueprint;
    /// sourceType -> count of resources we could not map to a Cloudcraft component.
    QMap<QString, int> unmapped;
    /// sourceType -> count of resources folded into the resources they configure (InfraModel::folded): not drawn
    /// on their own, their meaning carried by edges, placement or attributes.
    QMap<QString, int> folded;
    QStringList warnings;
    /// One sentence naming the file and the problem.
    QString error;
    /// The source format that was read ("terraform-state", ...).
    QString format;
    int nodeCount = 0;
    int groupCount = 0;
    int edgeCount = 0;
    bool ok() const { return error.isEmpty(); }
};

/// Turns a model into a data version 4 blueprint with an automatic layout: VPCs and subnets as nested groups,
/// resources on a grid inside them, no overlaps. Deterministic: the same model gives byte-identical JSON
/// (resources are sorted by address; ids derive from addresses).
ConversionResult composeBlueprint(const InfraModel &model, const ComposeOptions &options);

} // namespace Cloudcraft::Core
