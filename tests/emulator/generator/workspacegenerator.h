#pragma once

#include <QJsonObject>

#include <cstdint>

namespace Cloudcraft::Emulator {

struct WorkspaceOptions
{
    int blueprints = 5000;
    int accounts = 50; ///< about 70 % AWS, the rest Azure
    int steps = 3; ///< scenario steps per scanned region
    std::uint64_t seed = 1;
};

/// Builds emulator workspaces in the format of docs/contracts.md. Same options -> same JSON.
class WorkspaceGenerator final
{
public:
    /// A large synthetic workspace (load and scale tests).
    static QJsonObject generate(const WorkspaceOptions &options);
    /// The hand-composed demo workspace committed as tests/emulator/workspaces/demo.json.
    static QJsonObject demo();
};

} // namespace Cloudcraft::Emulator
