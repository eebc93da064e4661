#pragma once

#include "rng.h"

#include <QJsonArray>
#include <QString>

namespace Cloudcraft::Emulator {

/// Who owns a scanned region: the Cloudcraft account record plus the cloud-side identifiers used in arn/resourceId.
struct LiveAccountContext
{
    bool azure = false;
    QString accountId; ///< Cloudcraft account UUID
    QString name; ///< Cloudcraft account name
    QString awsAccountNumber;
    QString subscriptionId;
    QString resourceGroup;
    QString environment = QStringLiteral("prod");
};

/// What a live scan of one region returns at each scenario step. Resource ids stay stable across steps so that a
/// diff shows real additions, removals and changes:
///   step 0 -> 1: resources added and one changed; step 1 -> 2: one removed and one changed;
///   later steps alternate between an addition plus a change and a removal plus a change.
/// Positions are stable too: a resource keeps its mapPos for its whole life, a new one takes a free slot of its
/// subnet, a removed one leaves its slot empty, and the drawing's outline stays the same at every step, so an image
/// diff of two scans boxes only the places that changed.
class LiveInventory final
{
public:
    /// One blueprint `data` object per step (nodes carry `arn` on AWS, `resourceId` on Azure).
    static QJsonArray scenario(const LiveAccountContext &account, const QString &region, int steps, int size, Rng &rng);
};

} // namespace Cloudcraft::Emulator
