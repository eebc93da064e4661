#include "infrastructuremodel.h"

namespace Cloudcraft::Core {

QString plannedActionName(PlannedAction action)
{
    switch (action) {
    case PlannedAction::None:
        return QStringLiteral("none");
    case PlannedAction::Create:
        return QStringLiteral("create");
    case PlannedAction::Update:
        return QStringLiteral("update");
    case PlannedAction::Delete:
        return QStringLiteral("delete");
    case PlannedAction::Replace:
        return QStringLiteral("replace");
    }
    return QStringLiteral("none");
}

} // namespace Cloudcraft::Core
