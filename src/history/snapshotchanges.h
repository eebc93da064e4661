#pragma once

#include "history/blobstore.h"
#include "history/historydatabase.h"
#include "history/historyerror.h"
#include "history/snapshotstore.h"

#include <optional>

namespace Cloudcraft::Core {

/// What changed from one snapshot to the next, as the timeline shows it: pixels with the CLI diff's defaults
/// (pixelmatch threshold 0.1, anti-aliasing not counted, top-left alignment), so the figures equal
/// `cloudcraft-cli diff snapshot:<a> snapshot:<b>`; resources with InventoryDiff when both hold a document.
struct SnapshotChanges
{
    qint64 differentPixels = 0;
    qint64 canvasPixels = 0; ///< width × height of the larger canvas (the CLI's "of N pixels")
    bool identical = false;
    bool sizeChanged = false;
    bool hasStructure = false; ///< both snapshots carried a readable document
    int added = 0;
    int removed = 0;
    int changed = 0;
    int moved = 0;
    QString error; ///< one sentence when the images could not be compared

    bool ok() const { return error.isEmpty(); }
    double differentRatio() const { return canvasPixels > 0 ? double(differentPixels) / double(canvasPixels) : 0.0; }
};

/// Identifies a comparison by content (the files' SHA-256), not by snapshot id: ids can be reused after a delete,
/// and two snapshots holding the same renders share one result.
struct SnapshotChangeKey
{
    QString beforePng;
    QString afterPng;
    QString beforeJson;
    QString afterJson;

    static SnapshotChangeKey of(const SnapshotRecord &before, const SnapshotRecord &after);
    bool isComparable() const { return !beforePng.isEmpty() && !afterPng.isEmpty(); }
};

/// Computes the changes between two stored snapshots. Reads the files through `blobs` (a copy is fine), so it may
/// run on any thread; decodes with the CLI's decoder (DiffInput).
SnapshotChanges computeSnapshotChanges(const BlobStore &blobs, const SnapshotRecord &before,
                                       const SnapshotRecord &after);

/// The computed changes, kept in the history database (table snapshot_changes, created on first use) so the
/// timeline does not decode and compare the same pair twice, even after a restart. Use on the database's thread.
class SnapshotChangeCache final
{
public:
    explicit SnapshotChangeCache(HistoryDatabase &db) : m_db(db) {}

    /// Creates the table if needed.
    HistoryError prepare();
    /// The stored result for `key`, nullopt when there is none yet.
    HistoryResult<std::optional<SnapshotChanges>> find(const SnapshotChangeKey &key);
    HistoryError save(const SnapshotChangeKey &key, const SnapshotChanges &changes);

private:
    HistoryDatabase &m_db;
    bool m_prepared = false;
};

} // namespace Cloudcraft::Core
