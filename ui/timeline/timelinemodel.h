#pragma once

#include "history/snapshotchanges.h"
#include "history/snapshotstore.h"

#include <QAbstractListModel>
#include <QImage>

#include <optional>

namespace Cloudcraft::Ui {

/// The snapshots of one source for the timeline strip, oldest first, with what arrives later from worker threads:
/// each one's thumbnail and its changes against the snapshot before it.
class TimelineModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Role {
        SnapshotIdRole = Qt::UserRole + 1, ///< qint64
        TakenAtRole,       ///< QDateTime (UTC)
        ThumbnailRole,     ///< QImage, null until decoded
        ChangesTextRole,   ///< QString: "1.234 % · +1 −0 ~2", "First snapshot", "Comparing…"
        ChangeRatioRole,   ///< double: changed pixels / canvas pixels; -1 when unknown
        StructureTotalRole, ///< int: added + removed + changed resources; -1 when unknown
        NamedRole,         ///< bool: has a name (kept safe by prune and delete asks twice)
        NoteRole,          ///< QString
    };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    /// Replaces the list (oldest first). Thumbnails and changes of records whose content is unchanged are kept.
    void setRecords(const QList<Core::SnapshotRecord> &oldestFirst);
    const QList<Core::SnapshotRecord> &records() const { return m_records; }
    const Core::SnapshotRecord &record(int row) const { return m_records.at(row); }
    int rowOf(qint64 snapshotId) const;

    void setThumbnail(qint64 snapshotId, const QImage &thumbnail);
    /// The changes of `snapshotId` against the snapshot before it.
    void setChanges(qint64 snapshotId, const Core::SnapshotChanges &changes);
    std::optional<Core::SnapshotChanges> changes(int row) const;

    /// The card text for a change: the pixel share, then the structural counts when known.
    static QString changesText(const Core::SnapshotChanges &changes);
    /// What a card is called: its name, else its local time.
    static QString cardTitle(const Core::SnapshotRecord &record);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Core::SnapshotRecord> m_records;
    QHash<qint64, QImage> m_thumbnails;
    QHash<qint64, Core::SnapshotChanges> m_changes;
};

} // namespace Cloudcraft::Ui
