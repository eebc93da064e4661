#pragma once

// Shared by the Terraform and composer tests: reading the test data and finding things in a model or blueprint.

#include "convert/blueprintcomposer.h"
#include "convert/infrastructuremodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace Cloudcraft::Test {

inline QByteArray readTerraformData(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_TERRAFORM_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline const Core::InfraResource *findResource(const Core::InfraModel &model, const QString &address)
{
    for (const Core::InfraResource &resource : model.resources) {
        if (resource.address == address)
            return &resource;
    }
    return nullptr;
}

inline bool hasLink(const Core::InfraModel &model, const QString &from, const QString &to, const QString &kind)
{
    for (const Core::InfraLink &link : model.links) {
        if (link.from == from && link.to == to && link.kind == kind)
            return true;
    }
    return false;
}

/// Links as "from -> to (kind)" lines, sorted: the whole relationship picture in one comparable list.
inline QStringList linkLines(const Core::InfraModel &model)
{
    QStringList lines;
    for (const Core::InfraLink &link : model.links)
        lines.append(link.from + QStringLiteral(" -> ") + link.to + QStringLiteral(" (") + link.kind + u')');
    lines.sort();
    return lines;
}

inline QJsonArray dataArray(const Core::ConversionResult &result, const char *key)
{
    return result.blueprint.value(u"data").toObject().value(QLatin1StringView(key)).toArray();
}

/// The label shown for a node (its name).
inline QString labelOf(const Core::ConversionResult &result, const QString &nodeId)
{
    for (const QJsonValue &value : dataArray(result, "nodes")) {
        if (value.toObject().value(u"id").toString() == nodeId)
            return value.toObject().value(u"name").toString();
    }
    return {};
}

/// The node whose label contains `label` (first in document order).
inline QJsonObject nodeLabelled(const Core::ConversionResult &result, const QString &label)
{
    for (const QJsonValue &value : dataArray(result, "nodes")) {
        const QJsonObject node = value.toObject();
        if (labelOf(result, node.value(u"id").toString()).contains(label))
            return node;
    }
    return {};
}

inline QJsonObject groupNamed(const Core::ConversionResult &result, const QString &name)
{
    for (const QJsonValue &value : dataArray(result, "groups")) {
        if (value.toObject().value(u"name").toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace Cloudcraft::Test
