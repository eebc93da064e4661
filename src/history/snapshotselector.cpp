#include "history/snapshotselector.h"

namespace Cloudcraft::Core {

namespace SnapshotSelector {

QString syntax()
{
    return QStringLiteral("<id>, <source>@latest, <source>@previous or <source>@<name>");
}

HistoryResult<SnapshotRecord> find(SnapshotStore &store, const QString &selector)
{
    bool isId = false;
    const qint64 id = selector.toLongLong(&isId);
    if (isId)
        return id > 0 ? store.get(id)
                      : HistoryResult<SnapshotRecord>{{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                                                             QStringLiteral("Snapshot ids start at 1."))};
    const qsizetype at = selector.lastIndexOf(u'@');
    const QString sourceText = at < 0 ? selector : selector.left(at);
    const QString which = at < 0 ? QStringLiteral("latest") : selector.mid(at + 1);
    QString why;
    const auto source = SnapshotSource::parse(sourceText, &why);
    if (!source)
        return {{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                       QStringLiteral("\"%1\" does not name a snapshot; use %2. %3").arg(selector, syntax(), why))};
    if (which == u"latest")
        return store.latest(*source, 0);
    if (which == u"previous")
        return store.latest(*source, 1);
    if (which.trimmed().isEmpty())
        return {{}, HistoryError::make(HistoryError::Kind::InvalidArgument,
                                       QStringLiteral("\"%1\" does not name a snapshot; use %2.").arg(selector, syntax()))};
    const auto all = store.list(*source);
    if (!all.ok())
        return {{}, all.error};
    for (const SnapshotRecord &record : all.value) {
        if (record.name == which)
            return {record, {}};
    }
    return {{}, HistoryError::make(HistoryError::Kind::NotFound,
                                   QStringLiteral("No snapshot of %1 is named \"%2\".").arg(source->reference(), which))};
}

} // namespace SnapshotSelector

} // namespace Cloudcraft::Core
