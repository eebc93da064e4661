#pragma once

#include "api/apitypes.h"

#include <QDateTime>
#include <QSize>
#include <QString>

#include <chrono>

namespace Cloudcraft::Core {

/// Keys of the RenderCache. A key names everything the answer depends on, so a changed input is a different key
/// and a stale answer is never served: blueprint id + updatedAt (+ format and export options for renders).
///
/// Live account snapshots have no version to key on: the inventory changes whenever the cloud does. They are keyed
/// by provider, account, region, format and a wall-clock bucket of kLiveBucket. Within a bucket, browsing back to a
/// region is served from disk (zero requests, like an unchanged blueprint); the first look after the bucket rolls
/// over scans live again, so live data is at most one bucket old when merely browsing (the inspector's Scan button
/// always scans live). Offline, the newest snapshot of the region is shown whatever its bucket
/// (snapshotPrefix() + RenderCache::entriesWithPrefix()).
///
/// Keys are empty when the input has no version (no updatedAt): such answers are not cached.
namespace CacheKeys {

inline constexpr std::chrono::minutes kLiveBucket{15};

/// "2026-01-05T09:00:00.000Z"; empty for an invalid time.
QString versionTag(const QDateTime &updatedAt);

/// A render of a blueprint at one pixel size: renderPrefix() + "<width>x<height>" (0 when not set).
QString render(const QString &blueprintId, const QDateTime &updatedAt, ExportFormat format,
               const ExportOptions &options);
/// Every size of the same render (all options but width and height).
QString renderPrefix(const QString &blueprintId, const QDateTime &updatedAt, ExportFormat format,
                     const ExportOptions &options);
/// The pixel size a render key was requested at (empty when the key is not a render key or has no size).
QSize renderSize(const QString &key);

/// The blueprint document (GET /blueprint/{id}).
QString document(const QString &blueprintId, const QDateTime &updatedAt);

/// The last fetched workspace lists, kept so the trees can be shown offline: "blueprints", "teams", "aws", "azure".
QString list(const QString &name);

/// A live snapshot of an account region in the bucket that holds `now`.
QString snapshot(const QString &provider, const QString &accountId, const QString &region, ExportFormat format,
                 const QDateTime &now);
QString snapshotPrefix(const QString &provider, const QString &accountId, const QString &region, ExportFormat format);

} // namespace CacheKeys

} // namespace Cloudcraft::Core
