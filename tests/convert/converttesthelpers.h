#pragma once

// Shared by the converter tests (Terraform, CloudFormation, composer): reading the test data and finding things in a
// model or a composed blueprint.

#include "convert/blueprintcomposer.h"
#include "convert/infrastructuremodel.h"

#include <QFile>
#include <QJsonArray>
#include <QHash>
#include <QJsonObject>
#include <QRectF>
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

/// An item's rectangle on the map; `defaultSize` for items that have no mapSize (nodes).
inline QRectF rectOf(const QJsonObject &item, double defaultSize = 2.0)
{
    const QJsonArray pos = item.value(u"mapPos").toArray();
    const QJsonArray size = item.value(u"mapSize").toArray();
    return QRectF(pos.at(0).toDouble(), pos.at(1).toDouble(), size.isEmpty() ? defaultSize : size.at(0).toDouble(),
                  size.isEmpty() ? defaultSize : size.at(1).toDouble());
}

/// A composed document as a person looks at it: nodes and groups by their labels, edges as "from -> to" labels.
struct Drawing
{
    QHash<QString, QJsonObject> nodes;
    QHash<QString, QJsonObject> groups;
    QStringList edges; // sorted; " (dashed)" after a dashed one

    QString idOf(const QString &node) const { return nodes.value(node).value(u"id").toString(); }
    QJsonArray membersOf(const QString &group) const { return groups.value(group).value(u"nodes").toArray(); }
    QStringList nodeTypes() const
    {
        QStringList types;
        for (const QJsonObject &node : nodes)
            types << node.value(u"type").toString();
        types.sort();
        return types;
    }
};

inline Drawing drawingOf(const Core::ConversionResult &c)
{
    Drawing d;
    QHash<QString, QString> nameOfId;
    for (const QJsonValue &node : dataArray(c, "nodes")) {
        d.nodes.insert(node.toObject().value(u"name").toString(), node.toObject());
        nameOfId.insert(node.toObject().value(u"id").toString(), node.toObject().value(u"name").toString());
    }
    for (const QJsonValue &group : dataArray(c, "groups"))
        d.groups.insert(group.toObject().value(u"name").toString(), group.toObject());
    for (const QJsonValue &edge : dataArray(c, "edges")) {
        const QJsonObject e = edge.toObject();
        d.edges << nameOfId.value(e.value(u"from").toString()) + QStringLiteral(" -> ") + nameOfId.value(e.value(u"to").toString())
                       + (e.value(u"dashed").toBool() ? QStringLiteral(" (dashed)") : QString());
    }
    d.edges.sort();
    return d;
}

} // namespace Cloudcraft::Test
