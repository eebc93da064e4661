#include "render/schematic/diagramscene.h"

#include "render/schematic/scenebuilder.h"

#include <algorithm>

namespace Cloudcraft::Core {

QSizeF estimatedTextSize(const QStringList &lines, double fontPx)
{
    qsizetype longest = 0;
    for (const QString &line : lines)
        longest = std::max(longest, line.size());
    return QSizeF(static_cast<double>(longest) * 0.56 * fontPx, static_cast<double>(lines.size()) * 1.25 * fontPx);
}

DiagramScene DiagramScene::build(const QJsonObject &data, const QString &themeOverride, bool fitLabels)
{
    return SceneBuilder(data, themeOverride, fitLabels).build();
}

} // namespace Cloudcraft::Core
