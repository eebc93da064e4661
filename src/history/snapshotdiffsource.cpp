#include "history/snapshotdiffsource.h"

#include "diff/diffinput.h"
#include "history/snapshotselector.h"
#include "history/snapshotstore.h"

namespace Cloudcraft::Core {

SnapshotDiffSourceResolver::SnapshotDiffSourceResolver(QString root)
    : m_root(root.isEmpty() ? SnapshotStore::defaultRoot() : std::move(root))
{
}

SnapshotDiffSourceResolver::~SnapshotDiffSourceResolver() = default;

QString SnapshotDiffSourceResolver::scheme() const
{
    return QStringLiteral("snapshot");
}

QString SnapshotDiffSourceResolver::syntax() const
{
    return QStringLiteral("snapshot:<id>, snapshot:<source>@latest|@previous|@<name>");
}

void SnapshotDiffSourceResolver::fetch(const QString &reference, DiffWant want, Done done)
{
    const auto fail = [&](const QString &sentence) {
        done(DiffSource::failure(reference, DiffInput::labelled(reference, sentence)));
    };
    if (!m_store) {
        auto store = std::make_unique<SnapshotStore>(m_root);
        if (const HistoryError error = store->open()) {
            fail(error.message);
            return;
        }
        m_store = std::move(store);
    }
    const QString selector = reference.mid(reference.indexOf(u':') + 1);
    const auto found = SnapshotSelector::find(*m_store, selector);
    if (!found.ok()) {
        fail(found.error.message);
        return;
    }
    const SnapshotRecord &record = found.value;
    std::optional<SnapshotFile> file = want == DiffWant::Image ? record.file(u"png") : record.file(u"json");
    if (!file && want == DiffWant::Image)
        file = record.file(u"svg");
    if (!file) {
        fail(QStringLiteral("Snapshot %1 holds no %2.")
                 .arg(record.id)
                 .arg(want == DiffWant::Image ? QStringLiteral("image") : QStringLiteral("JSON document")));
        return;
    }
    const auto bytes = m_store->read(*file);
    if (!bytes.ok()) {
        fail(bytes.error.message);
        return;
    }
    DiffSource source;
    source.label = reference;
    source.bytes = bytes.value;
    source.content = DiffInput::detect(source.bytes);
    done(std::move(source));
}

} // namespace Cloudcraft::Core
