#pragma once

#include "history/blobstore.h"
#include "history/historydatabase.h"
#include "history/historyerror.h"
#include "history/snapshotsource.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <chrono>
#include <optional>

namespace Cloudcraft::Core {

/// One stored file of a snapshot: `role` is "png", "svg" or "json".
struct SnapshotFile
{
    QString role;
    QString sha256;
    qint64 size = 0;
    QString path; ///< where the content lives (read-only; shared by every snapshot with the same content)
};

/// A snapshot as the history index knows it.
struct SnapshotRecord
{
    qint64 id = 0;
    SnapshotSource source;
    QString title;       ///< blueprint name when known
    QDateTime takenAt;   ///< UTC
    QDateTime updatedAt; ///< the blueprint's updatedAt at that moment (invalid for live scans)
    QString name;        ///< empty = unnamed; named snapshots survive prune
    QString note;
    QList<SnapshotFile> files;

    std::optional<SnapshotFile> file(QStringView role) const;
    QJsonObject toJson() const;
};

/// What a new snapshot holds; the store adds the id and file paths.
struct NewSnapshot
{
    SnapshotSource source;
    QString title;
    QDateTime takenAt; ///< invalid = now
    QDateTime updatedAt;
    QString name;
    QString note;
    QByteArray png;
    QByteArray svg;  ///< optional
    QByteArray json; ///< the blueprint record or the live inventory
};

/// Which snapshots prune removes: per source, those beyond the `keep` newest and (when given) older than
/// `olderThan`; named snapshots are never removed. At least one of the two must be set.
struct PruneRule
{
    std::optional<int> keep;
    std::optional<std::chrono::seconds> olderThan;
    std::optional<SnapshotSource> only; ///< limit to one source (region optional)
    QDateTime now;                      ///< invalid = now
};

struct CleanupReport
{
    int snapshotsRemoved = 0;
    int filesRemoved = 0;
    qint64 bytesFreed = 0;
};

/// The local snapshot history: an SQLite index (HistoryDatabase) over content-addressed files (BlobStore) under
/// one private directory. Files are written and synced before the row that names them, so a killed process leaves
/// at most unreferenced files, which prune/collectGarbage sweep. Use one instance per thread.
class SnapshotStore final
{
public:
    /// `root` holds history.sqlite and objects/. defaultRoot() in the app; a temporary directory in tests.
    explicit SnapshotStore(QString root, int busyTimeoutMs = HistoryDatabase::kBusyTimeoutMs);
    Q_DISABLE_COPY_MOVE(SnapshotStore)

    /// `<XDG data home>/cloudcraft-desktop/history`, shared by the desktop app and the CLI.
    static QString defaultRoot();

    /// Creates the private directory (0700) and opens the database. Call once before anything else.
    HistoryError open();
    QString root() const { return m_root; }
    HistoryDatabase &database() { return m_db; }
    const BlobStore &blobs() const { return m_blobs; }

    HistoryResult<SnapshotRecord> add(const NewSnapshot &snapshot);
    HistoryResult<SnapshotRecord> get(qint64 id);
    /// Newest first. `filter` narrows to one source (a source without region matches every region); a non-empty
    /// `profile` narrows to one profile.
    HistoryResult<QList<SnapshotRecord>> list(const std::optional<SnapshotSource> &filter = std::nullopt,
                                              const QString &profile = {});
    /// The newest snapshot of `source` (`back` = 0), the one before it (1), ...
    HistoryResult<SnapshotRecord> latest(const SnapshotSource &source, int back = 0);

    /// An empty name clears it.
    HistoryError rename(qint64 id, const QString &name);
    HistoryError setNote(qint64 id, const QString &note);
    /// Removes the snapshot and the files no other snapshot uses.
    HistoryResult<CleanupReport> remove(qint64 id);
    HistoryResult<CleanupReport> prune(const PruneRule &rule);
    /// Deletes files no snapshot names (left by a killed writer) and temporary files older than `temporaryGrace`.
    HistoryResult<CleanupReport> collectGarbage(std::chrono::seconds temporaryGrace = std::chrono::minutes(10));

    /// The content of one file, checked against its hash.
    HistoryResult<QByteArray> read(const SnapshotFile &file) const;

private:
    HistoryResult<QList<SnapshotRecord>> select(const QString &where, const QVariantList &bindings,
                                                const QString &suffix = {});
    HistoryError checkOpen() const;
    /// Deletes the files queued in pending_deletes that nothing references any more (under the write lock, so a
    /// writer adding the same content either sees the file gone and rewrites it, or has already named it).
    HistoryResult<CleanupReport> deletePendingFiles(CleanupReport report);
    /// Inside a write transaction: deletes the rows and queues their files for deletion.
    static HistoryError removeRows(QSqlDatabase &db, const QList<qint64> &ids, CleanupReport &report);

    QString m_root;
    HistoryDatabase m_db;
    BlobStore m_blobs;
    bool m_open = false;
};

} // namespace Cloudcraft::Core
