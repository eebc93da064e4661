#pragma once

#include "history/historyerror.h"

#include <QList>
#include <QRect>
#include <QString>

#include <memory>

namespace Cloudcraft::Core {

class HistoryDatabase;

/// The ignore regions drawn in the compare view, saved per source ("blueprint:<id>", "aws:<acct>/<region>") in
/// the snapshot history's SQLite database (its own table, created on open). Several processes may use it at once:
/// it shares HistoryDatabase's WAL mode, busy timeout and BEGIN IMMEDIATE writes. Use on one thread.
class IgnoreRegionStore final
{
public:
    /// `databasePath` is the history database file (SnapshotStore's index); empty = the default history location.
    explicit IgnoreRegionStore(QString databasePath = {});
    ~IgnoreRegionStore();
    IgnoreRegionStore(const IgnoreRegionStore &) = delete;
    IgnoreRegionStore &operator=(const IgnoreRegionStore &) = delete;

    /// Opens the database (creating file and table if needed). Called by the other members when needed.
    HistoryError open();
    QString databasePath() const { return m_path; }

    /// The regions saved for `sourceKey`, in the order they were saved; empty when none.
    HistoryResult<QList<QRect>> regions(const QString &sourceKey);
    /// Replaces the regions of `sourceKey` (an empty list removes them).
    HistoryError setRegions(const QString &sourceKey, const QList<QRect> &regions);
    /// Adds one region after the saved ones (read and write in one transaction, so concurrent adds are kept).
    HistoryError addRegion(const QString &sourceKey, const QRect &region);
    /// Removes the region at `index` of regions(); NotFound when there is none.
    HistoryError removeRegion(const QString &sourceKey, int index);

    /// The key under which a reference's regions are kept: "snapshot:<id>" and "snapshot:<ref>@..." map to the
    /// source they were taken of when it can be told from the reference ("snapshot:blueprint:x@latest" →
    /// "blueprint:x"); other references are their own key; a file path is its absolute path.
    static QString keyForReference(const QString &reference);

private:
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_database;
};

} // namespace Cloudcraft::Core
