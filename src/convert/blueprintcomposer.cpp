#include "blueprintcomposer.h"

#include "blueprintlayout.h"
#include "cloudcraftcomponents.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Core {

namespace {

namespace C = Components;

// Ids derive from addresses (UUID v5 in our own namespace) so the same input gives the same document.
const QUuid IdNamespace = QUuid(QStringLiteral("{6f3b9c52-0d4e-4f7a-9a51-c1a0d7e2b8f3}"));

QString idFor(const QString &kind, const QString &address)
{
    return QUuid::createUuidV5(IdNamespace, kind + u':' + address).toString(QUuid::WithoutBraces);
}

QJsonObject colour(const QString &hex)
{
    return QJsonObject { { QStringLiteral("isometric"), hex }, { QStringLiteral("2d"), hex } };
}

QJsonArray point(double x, double y)
{
    // Rounded to a quarter unit: no float noise in the document, and the grid is what Cloudcraft snaps to.
    return QJsonArray { std::round(x * 4) / 4, std::round(y * 4) / 4 };
}

QString actionColour(PlannedAction action)
{
    switch (action) {
    case PlannedAction::Create:
        return QStringLiteral("#2e7d32");
    case PlannedAction::Update:
        return QStringLiteral("#f9a825");
    case PlannedAction::Delete:
        return QStringLiteral("#c62828");
    case PlannedAction::Replace:
        return QStringLiteral("#6a1b9a");
    case PlannedAction::None:
        break;
    }
    return {};
}

QString groupColour(const QString &type)
{
    if (type == C::Vpc)
        return QStringLiteral("#03a9f4");
    if (type == C::Subnet)
        return QStringLiteral("#4caf50");
    if (type == C::SecurityGroup)
        return QStringLiteral("#00bcd4");
    return QStringLiteral("#9e9e9e");
}

// What a generic block says it is: the source type, without a drawing library's prefix ("mxgraph.aws4.alarm" ->
// "alarm"; Terraform and CloudFormation types are kept whole: "aws_iam_role", "AWS::IAM::Role").
QString blockTypeText(const QString &sourceType)
{
    if (sourceType.startsWith(u"mxgraph."))
        return sourceType.mid(sourceType.lastIndexOf(u'.') + 1);
    return sourceType;
}

QString withPlannedAction(QString text, const InfraResource &resource, bool markActions)
{
    if (markActions && resource.action != PlannedAction::None)
        text += QStringLiteral(" (%1)").arg(plannedActionName(resource.action));
    return text;
}

QString labelText(const InfraResource &resource, bool markActions)
{
    QString text = resource.name.isEmpty() ? resource.address : resource.name;
    if (resource.componentType.isEmpty())
        text = blockTypeText(resource.sourceType) + QStringLiteral(": ") + text;
    return withPlannedAction(text, resource, markActions);
}

// An area's caption: its own name, as the author of the source wrote it ("Region A", not
// "mxgraph.aws4.group_region: Region A"); the source type only when it has no name. Unlike a generic block, an area
// is read as a frame around things, so the type in front of its name is noise.
QString areaCaption(const InfraResource &resource, bool markActions)
{
    if (!resource.componentType.isEmpty() || resource.name.isEmpty())
        return labelText(resource, markActions);
    return withPlannedAction(resource.name, resource, markActions);
}

class Composer
{
public:
    Composer(const InfraModel &model, const ComposeOptions &options) : m_model(model), m_options(options) {}

    ConversionResult compose()
    {
        ConversionResult result;
        result.format = m_model.format;
        result.warnings = m_model.warnings;
        result.folded = m_model.folded;

        QList<const InfraResource *> resources;
        QSet<QString> seen;
        for (const InfraResource &resource : m_model.resources) {
            if (resource.address.isEmpty() || seen.contains(resource.address)) {
                result.warnings.append(QStringLiteral("Resource \"%1\" appears more than once in %2; drawn once.")
                                           .arg(resource.address, m_model.sourceName));
                continue;
            }
            seen.insert(resource.address);
            resources.append(&resource);
        }
        std::sort(resources.begin(), resources.end(),
                  [](const InfraResource *a, const InfraResource *b) { return a->address < b->address; });

        for (const InfraResource *resource : std::as_const(resources)) {
            if (resource->componentType.isEmpty() && !resource->isContainer)
                ++result.unmapped[resource->sourceType.isEmpty() ? QStringLiteral("(no type)") : resource->sourceType];
            m_byAddress.insert(resource->address, resource);
        }

        // What gets a place on the map: nodes (mapped, or unmapped kept as blocks) and areas.
        // Subnets whose default route goes to an internet gateway come first, nearest the gateway, as architects
        // draw public subnets above private ones.
        QSet<QString> publicSubnets;
        for (const InfraLink &link : m_model.links) {
            const InfraResource *to = m_byAddress.value(link.to);
            if (link.kind == u"route" && to && to->componentType == C::InternetGateway)
                publicSubnets.insert(link.from);
        }
        QList<LayoutItem> items;
        for (const InfraResource *resource : std::as_const(resources)) {
            if (isDrawnNode(*resource) || isArea(*resource))
                items.append({ resource->address, resource->parent, isArea(*resource),
                               publicSubnets.contains(resource->address) ? 0 : 1 });
        }
        const QHash<QString, QRectF> places = BlueprintLayout::place(items);

        QJsonArray nodes;
        QJsonArray groups;
        QJsonArray surfaces;
        QJsonArray texts;
        QHash<QString, QStringList> membersOfArea; // area address -> node ids inside (all depths)
        for (const InfraResource *resource : std::as_const(resources)) {
            if (!isDrawnNode(*resource))
                continue;
            const QRectF place = places.value(resource->address);
            nodes.append(nodeJson(*resource, place));
            const QString id = idFor(QStringLiteral("node"), resource->address);
            // Every enclosing area lists the node; `seen` stops at a parent cycle in malformed input.
            QSet<QString> visited;
            for (QString area = resource->parent; m_byAddress.contains(area) && isArea(*m_byAddress.value(area));
                 area = m_byAddress.value(area)->parent) {
                if (visited.contains(area))
                    break;
                visited.insert(area);
                membersOfArea[area].append(id);
            }
        }

        // Security groups (and any group type that is not an area): membership comes from the links.
        QHash<QString, QStringList> membersOfGroup;
        QList<InfraLink> links = m_model.links;
        std::sort(links.begin(), links.end(), [](const InfraLink &a, const InfraLink &b) {
            return std::tie(a.from, a.to, a.kind) < std::tie(b.from, b.to, b.kind);
        });
        QJsonArray edges;
        QSet<QString> edgeIds;
        int linksToAreas = 0;
        int routesFromAreas = 0;
        for (const InfraLink &link : std::as_const(links)) {
            const InfraResource *from = m_byAddress.value(link.from);
            const InfraResource *to = m_byAddress.value(link.to);
            if (!from || !to) {
                ++m_danglingLinks;
                continue;
            }
            if (isDrawnNode(*from) && isMembershipGroup(*to)) {
                membersOfGroup[to->address].append(idFor(QStringLiteral("node"), from->address));
                continue;
            }
            const auto addEdge = [&](const QString &fromId, const QString &toId) {
                const QString edgeId = fromId + u'-' + toId;
                if (edgeIds.contains(edgeId))
                    return;
                edgeIds.insert(edgeId);
                edges.append(QJsonObject { { QStringLiteral("id"), edgeId },
                                           { QStringLiteral("type"), C::Edge },
                                           { QStringLiteral("from"), fromId },
                                           { QStringLiteral("to"), toId },
                                           { QStringLiteral("color"), colour(QStringLiteral("#000000")) },
                                           { QStringLiteral("width"), 2 },
                                           { QStringLiteral("dashed"), link.kind != u"target" },
                                           { QStringLiteral("endCap"), QStringLiteral("arrow") } });
            };
            // A load balancer targeting an auto scaling group (or a group using a database) is what an architect
            // draws as lines to and from the group's instances: fan the link out to the nodes inside the group.
            // VPCs and subnets are not fanned out: a link to them is shown by nesting.
            if (isDrawnNode(*from) && isFannedOutArea(*to) && !membersOfArea.value(to->address).isEmpty()) {
                for (const QString &member : membersOfArea.value(to->address))
                    addEdge(idFor(QStringLiteral("node"), from->address), member);
                continue;
            }
            if (isFannedOutArea(*from) && isDrawnNode(*to) && !membersOfArea.value(from->address).isEmpty()) {
                for (const QString &member : membersOfArea.value(from->address))
                    addEdge(member, idFor(QStringLiteral("node"), to->address));
                continue;
            }
            // A subnet's default route through a gateway: an edge joins two components, and the subnet is an area.
            if (link.kind == u"route" && isArea(*from)) {
                ++routesFromAreas;
                continue;
            }
            if (!isDrawnNode(*from) || !isDrawnNode(*to)) {
                ++linksToAreas;
                continue;
            }
            addEdge(idFor(QStringLiteral("node"), from->address), idFor(QStringLiteral("node"), to->address));
        }

        for (const InfraResource *resource : std::as_const(resources)) {
            if (isArea(*resource)) {
                const QRectF place = places.value(resource->address);
                if (C::isGroupType(resource->componentType))
                    groups.append(areaGroupJson(*resource, place, membersOfArea.value(resource->address)));
                else
                    surfaces.append(surfaceJson(*resource, place));
                if (!C::isGroupType(resource->componentType))
                    texts.append(areaLabelJson(*resource, place)); // zones have no name of their own
            } else if (isMembershipGroup(*resource)) {
                QStringList members = membersOfGroup.value(resource->address);
                members.removeDuplicates();
                std::sort(members.begin(), members.end());
                groups.append(QJsonObject { { QStringLiteral("id"), idFor(QStringLiteral("group"), resource->address) },
                                            { QStringLiteral("type"), resource->componentType },
                                            { QStringLiteral("name"), labelText(*resource, m_options.markPlannedActions) },
                                            { QStringLiteral("region"), regionOf(*resource) },
                                            { QStringLiteral("shape"), QStringLiteral("dynamic") },
                                            { QStringLiteral("padding"), 1 },
                                            { QStringLiteral("nodes"), QJsonArray::fromStringList(members) },
                                            { QStringLiteral("inboundRules"), QJsonArray() },
                                            { QStringLiteral("outboundRules"), QJsonArray() },
                                            { QStringLiteral("color"), colour(groupColour(resource->componentType)) } });
            }
        }
        if (m_options.markPlannedActions && hasActions(resources))
            texts.append(legendJson(places));

        const QString name = m_options.name.isEmpty() ? QFileInfo(m_model.sourceName).fileName() : m_options.name;
        QJsonObject data {
            { QStringLiteral("version"), 4 },
            { QStringLiteral("name"), name },
            { QStringLiteral("grid"), QStringLiteral("infinite") },
            { QStringLiteral("projection"), m_options.projection },
            { QStringLiteral("theme"), QJsonObject { { QStringLiteral("base"), QStringLiteral("light") } } },
            { QStringLiteral("nodes"), nodes },
            { QStringLiteral("groups"), groups },
            { QStringLiteral("edges"), edges },
            { QStringLiteral("surfaces"), surfaces },
            { QStringLiteral("text"), texts },
            { QStringLiteral("icons"), QJsonArray() },
            { QStringLiteral("images"), QJsonArray() },
            { QStringLiteral("connectors"), QJsonArray() },
            { QStringLiteral("disabledLayers"), QJsonArray() },
            { QStringLiteral("shareDocs"), false },
        };
        result.blueprint = QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("data"), data } };
        result.nodeCount = int(nodes.size());
        result.groupCount = int(groups.size());
        result.edgeCount = int(edges.size());

        if (!result.unmapped.isEmpty()) {
            int total = 0;
            for (const int count : std::as_const(result.unmapped))
                total += count;
            result.warnings.append(m_options.keepUnmapped
                                       ? QStringLiteral("%1 resources of %2 types have no Cloudcraft component and "
                                                        "are drawn as generic blocks.")
                                             .arg(total)
                                             .arg(result.unmapped.size())
                                       : QStringLiteral("%1 resources of %2 types have no Cloudcraft component and "
                                                        "are left out (listed as unmapped).")
                                             .arg(total)
                                             .arg(result.unmapped.size()));
        }
        if (!m_model.folded.isEmpty()) {
            QStringList parts;
            for (auto it = m_model.folded.constBegin(); it != m_model.folded.constEnd(); ++it)
                parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
            result.warnings.append(
                QStringLiteral("Folded into the resources they configure (shown by their edges, placement or "
                               "attributes): %1.").arg(parts.join(QStringLiteral(", "))));
        }
        if (routesFromAreas > 0)
            result.warnings.append(QStringLiteral("%1 default routes of subnets through an internet or NAT gateway are "
                                                  "not drawn as edges (a subnet is an area).")
                                       .arg(routesFromAreas));
        if (linksToAreas > 0)
            result.warnings.append(QStringLiteral("%1 relationships end at an area (VPC, subnet, group) and are shown "
                                                  "by nesting rather than as edges.")
                                       .arg(linksToAreas));
        if (m_danglingLinks > 0)
            result.warnings.append(
                QStringLiteral("%1 relationships name resources that are not in %2 and are left out.")
                    .arg(m_danglingLinks)
                    .arg(m_model.sourceName));
        return result;
    }

private:
    bool isArea(const InfraResource &r) const { return r.isContainer; }
    bool isFannedOutArea(const InfraResource &r) const
    {
        return r.isContainer && r.componentType == C::AutoScalingGroup;
    }
    bool isMembershipGroup(const InfraResource &r) const
    {
        return !r.isContainer && C::isGroupType(r.componentType);
    }
    bool isDrawnNode(const InfraResource &r) const
    {
        if (r.isContainer || C::isGroupType(r.componentType))
            return false;
        return !r.componentType.isEmpty() || m_options.keepUnmapped;
    }
    QString regionOf(const InfraResource &r) const
    {
        return r.region.isEmpty() ? m_options.defaultRegion : r.region;
    }
    static bool hasActions(const QList<const InfraResource *> &resources)
    {
        return std::any_of(resources.begin(), resources.end(),
                           [](const InfraResource *r) { return r->action != PlannedAction::None; });
    }

    QJsonObject nodeJson(const InfraResource &resource, const QRectF &place) const
    {
        QJsonObject node = resource.attributes;
        node.insert(QStringLiteral("id"), idFor(QStringLiteral("node"), resource.address));
        node.insert(QStringLiteral("mapPos"), point(place.x(), place.y()));
        node.insert(QStringLiteral("region"), regionOf(resource));
        // The label (with the planned action) rides on the node's name: one text that moves with the node.
        node.insert(QStringLiteral("name"), labelText(resource, m_options.markPlannedActions));
        if (resource.componentType.isEmpty()) {
            node.insert(QStringLiteral("type"), C::Block);
            node.insert(C::Attr::Width, 2);
            node.insert(C::Attr::Height, 1);
            node.insert(C::Attr::Depth, 2);
            node.insert(C::Attr::Color, colour(QStringLiteral("#b0bec5")));
        } else {
            node.insert(QStringLiteral("type"), resource.componentType);
        }
        const QString action = actionColour(resource.action);
        if (m_options.markPlannedActions && !action.isEmpty())
            node.insert(C::Attr::Color, colour(action));
        return node;
    }

    QJsonObject areaGroupJson(const InfraResource &resource, const QRectF &place, QStringList members) const
    {
        std::sort(members.begin(), members.end());
        QJsonObject group { { QStringLiteral("id"), idFor(QStringLiteral("group"), resource.address) },
                            { QStringLiteral("type"), resource.componentType },
                            { QStringLiteral("name"), labelText(resource, m_options.markPlannedActions) },
                            { QStringLiteral("region"), regionOf(resource) },
                            { QStringLiteral("shape"), QStringLiteral("rectangular") },
                            { QStringLiteral("padding"), BlueprintLayout::Padding },
                            { QStringLiteral("mapPos"), point(place.x(), place.y()) },
                            { QStringLiteral("mapSize"), point(place.width(), place.height()) },
                            { QStringLiteral("nodes"), QJsonArray::fromStringList(members) } };
        const QString action = actionColour(resource.action);
        group.insert(C::Attr::Color,
                     colour(m_options.markPlannedActions && !action.isEmpty() ? action
                                                                               : groupColour(resource.componentType)));
        if (resource.componentType == C::AutoScalingGroup)
            group.insert(QStringLiteral("layout"), QStringLiteral("even"));
        if (resource.componentType == C::Vpc)
            group.insert(QStringLiteral("peeringConnections"), QJsonArray());
        return group;
    }

    QJsonObject surfaceJson(const InfraResource &resource, const QRectF &place) const
    {
        return QJsonObject { { QStringLiteral("id"), idFor(QStringLiteral("area"), resource.address) },
                             { QStringLiteral("type"), QStringLiteral("zone") },
                             { QStringLiteral("region"), regionOf(resource) },
                             { QStringLiteral("mapPos"), point(place.x(), place.y()) },
                             { QStringLiteral("mapSize"), point(place.width(), place.height()) },
                             { QStringLiteral("color"), colour(QStringLiteral("#cfd8dc")) } };
    }

    QJsonObject areaLabelJson(const InfraResource &resource, const QRectF &place) const
    {
        return QJsonObject { { QStringLiteral("id"), idFor(QStringLiteral("label"), resource.address) },
                             { QStringLiteral("type"), C::IsoText },
                             { QStringLiteral("text"), areaCaption(resource, m_options.markPlannedActions) },
                             { QStringLiteral("textSize"), 10 },
                             { QStringLiteral("mapPos"), point(place.x() + 0.5, place.y() + 0.25) } };
    }

    QJsonObject legendJson(const QHash<QString, QRectF> &places) const
    {
        double top = 0;
        for (const QRectF &rect : places)
            top = std::min(top, rect.y());
        return QJsonObject {
            { QStringLiteral("id"), idFor(QStringLiteral("legend"), m_model.sourceName) },
            { QStringLiteral("type"), C::IsoText },
            { QStringLiteral("text"),
              QStringLiteral("Planned changes: green = create, amber = update, red = delete, purple = replace") },
            { QStringLiteral("textSize"), 16 },
            { QStringLiteral("mapPos"), point(0, top - 3) },
        };
    }

    const InfraModel &m_model;
    const ComposeOptions &m_options;
    QHash<QString, const InfraResource *> m_byAddress;
    int m_danglingLinks = 0;
};

} // namespace

ConversionResult composeBlueprint(const InfraModel &model, const ComposeOptions &options)
{
    return Composer(model, options).compose();
}

} // namespace Cloudcraft::Core
