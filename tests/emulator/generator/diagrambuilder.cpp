#include "diagrambuilder.h"

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

QJsonObject colors(const QString &twoD, const QString &isometric)
{
    return QJsonObject { { u"2d"_s, twoD }, { u"isometric"_s, isometric } };
}

QString groupColor(const QString &type)
{
    if (type == u"vpc" || type == u"azurevnet")
        return u"#248814"_s;
    if (type == u"subnet" || type == u"azuresubnet")
        return u"#147eba"_s;
    if (type == u"sg")
        return u"#dd3522"_s;
    if (type == u"asg")
        return u"#f5b720"_s;
    return u"#607d8b"_s;
}

} // namespace

DiagramBuilder::DiagramBuilder(Rng &rng, const QString &region)
    : m_rng(rng)
    , m_region(region)
{ }

QString DiagramBuilder::node(const QString &type, double x, double y, const QJsonObject &props)
{
    const QString id = m_rng.uuid();
    nodeWithId(id, type, x, y, props);
    return id;
}

void DiagramBuilder::nodeWithId(const QString &id, const QString &type, double x, double y, const QJsonObject &props)
{
    QJsonObject node = props;
    node.insert(u"id"_s, id);
    node.insert(u"type"_s, type);
    node.insert(u"mapPos"_s, QJsonArray { x, y });
    if (!node.contains(u"region"_s) && type != u"user")
        node.insert(u"region"_s, m_region);
    m_nodes.append(node);
}

QString DiagramBuilder::group(
    const QString &type, const QString &name, const QStringList &members, const QJsonObject &props)
{
    const QString id = m_rng.uuid();
    groupWithId(id, type, name, members, props);
    return id;
}

void DiagramBuilder::groupWithId(
    const QString &id, const QString &type, const QString &name, const QStringList &members, const QJsonObject &props)
{
    QJsonObject group = props;
    group.insert(u"id"_s, id);
    group.insert(u"type"_s, type);
    if (!name.isEmpty())
        group.insert(u"name"_s, name);
    group.insert(u"region"_s, m_region);
    group.insert(u"nodes"_s, QJsonArray::fromStringList(members));
    if (!group.contains(u"padding"_s) && type != u"asg")
        group.insert(u"padding"_s, 1.5);
    if (!group.contains(u"shape"_s) && type != u"asg")
        group.insert(u"shape"_s, u"rectangular"_s);
    group.insert(u"color"_s, colors(groupColor(type), groupColor(type)));
    if (type == u"sg") {
        group.insert(u"inboundRules"_s,
            QJsonArray { QJsonObject { { u"portRange"_s, u"443"_s }, { u"protocol"_s, u"tcp"_s },
                { u"target"_s, u"0.0.0.0/0"_s }, { u"targetType"_s, u"ip"_s }, { u"description"_s, u"HTTPS"_s },
                { u"hidden"_s, false } } });
        group.insert(u"outboundRules"_s, QJsonArray {});
    }
    m_groups.append(group);
}

void DiagramBuilder::autoEdge(const QString &from, const QString &to)
{
    m_edges.append(QJsonObject { { u"id"_s, QString(from + u'-' + to) }, { u"type"_s, u"autoedge"_s },
        { u"from"_s, from }, { u"to"_s, to }, { u"width"_s, 2 }, { u"dashed"_s, false }, { u"endCap"_s, u"arrow"_s },
        { u"color"_s, colors(u"#000000"_s, u"#000000"_s) } });
}

void DiagramBuilder::edge(const QString &from, const QString &to, const QString &type)
{
    QJsonObject edge { { u"id"_s, m_rng.uuid() }, { u"type"_s, type }, { u"from"_s, from }, { u"to"_s, to },
        { u"width"_s, 2 }, { u"dashed"_s, false }, { u"endCap"_s, u"arrow"_s },
        { u"color"_s, colors(u"#000000"_s, u"#000000"_s) } };
    m_edges.append(edge);
}

void DiagramBuilder::label(const QString &text, const QString &relTo, double dx, double dy, int size)
{
    m_text.append(QJsonObject { { u"id"_s, m_rng.uuid() }, { u"type"_s, u"isotext"_s }, { u"text"_s, text },
        { u"textSize"_s, size },
        { u"mapPos"_s, QJsonObject { { u"relTo"_s, relTo }, { u"offset"_s, QJsonArray { dx, dy } } } },
        { u"color"_s, colors(u"#4286c5"_s, u"#4286c5"_s) }, { u"isometric"_s, true }, { u"standing"_s, false },
        { u"direction"_s, u"down"_s } });
}

void DiagramBuilder::text(const QString &text, double x, double y, int size)
{
    m_text.append(QJsonObject { { u"id"_s, m_rng.uuid() }, { u"type"_s, u"isotext"_s }, { u"text"_s, text },
        { u"textSize"_s, size }, { u"mapPos"_s, QJsonArray { x, y } },
        { u"color"_s, colors(u"#232f3e"_s, u"#232f3e"_s) }, { u"isometric"_s, true }, { u"standing"_s, false },
        { u"direction"_s, u"down"_s } });
}

void DiagramBuilder::zone(double x, double y, double width, double height)
{
    m_surfaces.append(QJsonObject { { u"id"_s, m_rng.uuid() }, { u"type"_s, u"zone"_s }, { u"region"_s, m_region },
        { u"mapPos"_s, QJsonArray { x, y } }, { u"mapSize"_s, QJsonArray { width, height } },
        { u"color"_s, colors(u"#e8e8e8"_s, u"#e8e8e8"_s) } });
}

QJsonObject DiagramBuilder::data(const QString &name) const
{
    return QJsonObject { { u"name"_s, name }, { u"version"_s, 4 }, { u"grid"_s, u"standard"_s },
        { u"projection"_s, u"isometric"_s }, { u"theme"_s, QJsonObject { { u"base"_s, u"light"_s } } },
        { u"nodes"_s, m_nodes }, { u"groups"_s, m_groups }, { u"edges"_s, m_edges }, { u"surfaces"_s, m_surfaces },
        { u"text"_s, m_text }, { u"icons"_s, QJsonArray {} }, { u"images"_s, QJsonArray {} },
        { u"connectors"_s, QJsonArray {} }, { u"disabledLayers"_s, QJsonArray {} }, { u"shareDocs"_s, false } };
}

QJsonObject DiagramBuilder::liveData(const QString &name, const QString &accountId, const QString &provider) const
{
    QJsonObject data = this->data(name);
    data.insert(u"grid"_s, u"infinite"_s);
    data.remove(u"theme"_s);
    data.insert(u"liveAccount"_s, QJsonObject { { u"id"_s, accountId }, { u"type"_s, provider } });
    data.insert(u"liveOptions"_s,
        QJsonObject { { u"autoLabel"_s, true }, { u"autoConnect"_s, true }, { u"excludedTypes"_s, QJsonArray {} },
            { u"updatesEnabled"_s, true }, { u"updateAllOnScan"_s, true }, { u"updateGroupsOnScan"_s, true },
            { u"updateNodeOnSelect"_s, false }, { u"searchTerms"_s, QJsonArray {} } });
    return data;
}

} // namespace Cloudcraft::Emulator
