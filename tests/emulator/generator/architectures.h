#pragma once

#include "rng.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cloudcraft::Emulator {

/// Reference architectures the generator draws blueprints from (5 to 20 nodes each, with groups and edges).
enum class Architecture {
    WebApp,
    ServerlessApi,
    DataLake,
    EksPlatform,
    StaticSite,
    BatchPipeline,
    Microservices,
    AzureWebApp,
};

struct ArchitectureParams
{
    QString region = QStringLiteral("us-east-1");
    int size = 1; ///< 0 small, 1 medium, 2 large: how many replicas/workers
    QString environment = QStringLiteral("prod");
};

class Architectures final
{
public:
    static QList<Architecture> all();
    /// Short machine name ("web-app", "serverless-api", ...), also used as a tag.
    static QString slug(Architecture architecture);
    static bool isAzure(Architecture architecture);
    /// Blueprint `data` named `name`.
    static QJsonObject build(
        Architecture architecture, const QString &name, const ArchitectureParams &params, Rng &rng);
};

} // namespace Cloudcraft::Emulator
