#pragma once

#include "diff/diffsource.h"

#include <memory>

namespace Cloudcraft::Core {

class SnapshotStore;

/// The `snapshot:` references of a diff, read from the local history: `snapshot:<id>`,
/// `snapshot:<source>@latest`, `snapshot:<source>@previous`, `snapshot:<source>@<name>` (SnapshotSelector).
/// An image is the snapshot's PNG (its SVG when it has no PNG); a structure is its JSON (blueprint record or
/// live inventory). The history is opened on the first fetch, on the calling thread, so registering the resolver
/// touches no file.
class SnapshotDiffSourceResolver final : public DiffSourceResolver
{
public:
    /// `root` as for SnapshotStore; empty = SnapshotStore::defaultRoot().
    explicit SnapshotDiffSourceResolver(QString root = {});
    ~SnapshotDiffSourceResolver() override;

    QString scheme() const override;
    QString syntax() const override;
    void fetch(const QString &reference, DiffWant want, Done done) override;

private:
    QString m_root;
    std::unique_ptr<SnapshotStore> m_store;
};

} // namespace Cloudcraft::Core
