#include "timelinemodel.h"

#include <QLocale>

namespace Cloudcraft::Ui {

using namespace Core;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setRecords(const QList<SnapshotRecord> &oldestFirst)
{
    beginResetModel();
    // A snapshot's changes depend on its predecessor: keep them only when that is still the one before it.
    QHash<qint64, qint64> previousBefore;
    for (qsizetype i = 1; i < m_records.size(); ++i)
        previousBefore.insert(m_records.at(i).id, m_records.at(i - 1).id);
    QHash<qint64, SnapshotChanges> keptChanges;
    QHash<qint64, QImage> keptThumbnails;
    for (qsizetype i = 0; i < oldestFirst.size(); ++i) {
        const qint64 id = oldestFirst.at(i).id;
        if (m_thumbnails.contains(id))
            keptThumbnails.insert(id, m_thumbnails.value(id));
        if (i > 0 && m_changes.contains(id) && previousBefore.value(id) == oldestFirst.at(i - 1).id)
            keptChanges.insert(id, m_changes.value(id));
    }
    m_records = oldestFirst;
    m_thumbnails = keptThumbnails;
    m_changes = keptChanges;
    endResetModel();
}

int TimelineModel::rowOf(qint64 snapshotId) const
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).id == snapshotId)
            return int(i);
    }
    return -1;
}

void TimelineModel::setThumbnail(qint64 snapshotId, const QImage &thumbnail)
{
    const int row = rowOf(snapshotId);
    if (row < 0)
        return;
    m_thumbnails.insert(snapshotId, thumbnail);
    Q_EMIT dataChanged(index(row), index(row), {ThumbnailRole});
}

void TimelineModel::setChanges(qint64 snapshotId, const SnapshotChanges &changes)
{
    const int row = rowOf(snapshotId);
    if (row < 0)
        return;
    m_changes.insert(snapshotId, changes);
    Q_EMIT dataChanged(index(row), index(row), {ChangesTextRole, ChangeRatioRole, StructureTotalRole});
}

std::optional<SnapshotChanges> TimelineModel::changes(int row) const
{
    if (row < 0 || row >= m_records.size() || !m_changes.contains(m_records.at(row).id))
        return std::nullopt;
    return m_changes.value(m_records.at(row).id);
}

QString TimelineModel::changesText(const SnapshotChanges &changes)
{
    if (!changes.ok())
        return tr("Not comparable");
    QString text = changes.identical || changes.differentPixels == 0
                       ? tr("No change")
                       : tr("%1 %").arg(QLocale().toString(changes.differentRatio() * 100.0, 'f',
                                                                   changes.differentRatio() < 0.01 ? 2 : 1));
    if (changes.hasStructure)
        text += QStringLiteral(" · +%1 −%2 ~%3").arg(changes.added).arg(changes.removed).arg(changes.changed);
    return text;
}

QString TimelineModel::cardTitle(const SnapshotRecord &record)
{
    if (!record.name.isEmpty())
        return record.name;
    return QLocale().toString(record.takenAt.toLocalTime(), QLocale::ShortFormat);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const SnapshotRecord &record = m_records.at(index.row());
    const auto found = m_changes.constFind(record.id);
    const bool known = found != m_changes.constEnd() && found->ok();
    switch (role) {
    case Qt::DisplayRole:
        return cardTitle(record);
    case Qt::ToolTipRole: {
        QString tip = tr("Snapshot %1, taken %2").arg(record.id).arg(
            QLocale().toString(record.takenAt.toLocalTime(), QLocale::LongFormat));
        if (!record.note.isEmpty())
            tip += QStringLiteral("\n") + record.note;
        return tip;
    }
    case Qt::AccessibleTextRole:
        return QString(cardTitle(record) + QStringLiteral(", ") + data(index, ChangesTextRole).toString());
    case SnapshotIdRole:
        return record.id;
    case TakenAtRole:
        return record.takenAt;
    case ThumbnailRole:
        return m_thumbnails.value(record.id);
    case ChangesTextRole:
        if (index.row() == 0)
            return tr("First snapshot");
        if (found == m_changes.constEnd())
            return tr("Comparing…");
        return changesText(*found);
    case ChangeRatioRole:
        return known ? found->differentRatio() : -1.0;
    case StructureTotalRole:
        return known && found->hasStructure ? found->added + found->removed + found->changed : -1;
    case NamedRole:
        return !record.name.isEmpty();
    case NoteRole:
        return record.note;
    default:
        return {};
    }
}

} // namespace Cloudcraft::Ui
