#include "compare/comparetypes.h"

namespace Cloudcraft::Core {

// Green for what appeared, magenta for what went away: told apart by people with the common red-green colour
// deficiencies too, since they differ in blue.
QColor compareAddedColor()
{
    return QColor(0, 170, 60);
}

QColor compareRemovedColor()
{
    return QColor(220, 0, 160);
}

QColor compareAntiAliasColor()
{
    return QColor(255, 200, 0);
}

} // namespace Cloudcraft::Core
