#pragma once

#include "history/snapshotstore.h"

namespace Cloudcraft::Core {

/// How the CLI and the diff name a stored snapshot:
/// - `42`: the snapshot with that id;
/// - `<source>@latest`, `<source>@previous`: the newest snapshot of a source, the one before it
///   (`<source>` alone means @latest), e.g. `blueprint:<id>@previous`, `aws:<account>/us-east-1@latest`;
/// - `<source>@<name>`: the newest snapshot of that source with that name.
namespace SnapshotSelector {

/// The snapshot `selector` names, or NotFound / InvalidArgument with a sentence.
HistoryResult<SnapshotRecord> find(SnapshotStore &store, const QString &selector);
/// The accepted forms, for help and error sentences.
QString syntax();

} // namespace SnapshotSelector

} // namespace Cloudcraft::Core
