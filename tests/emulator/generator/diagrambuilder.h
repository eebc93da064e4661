#pragma once

#include "rng.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Emulator {

/// Assembles a blueprint `data` object (cloudcraft-api.md §3) component by component, with random UUID ids.
class DiagramBuilder final
{
public:
    DiagramBuilder(Rng &rng, const QString &region);

    /// Adds a node at grid position (x, y); `props` adds type-specific fields. Returns the node id.
    QString node(const QString &type, double x, double y, const QJsonObject &props = {});
    /// Adds a node with a fixed id (live inventories keep ids stable across scans).
    void nodeWithId(const QString &id, const QString &type, double x, double y, const QJsonObject &props);
    QString group(const QString &type, const QString &name, const QStringList &members, const QJsonObject &props = {});
    /// Adds a group with a fixed id (live inventories keep ids stable across scans).
    void groupWithId(const QString &id, const QString &type, const QString &name, const QStringList &members,
        const QJsonObject &props = {});
    void edge(const QString &from, const QString &to, const QString &type = QStringLiteral("edge"));
    /// An automatic connection as live scans draw them: type "autoedge", id "<from>-<to>".
    void autoEdge(const QString &from, const QString &to);
    /// A label placed relative to a component (mapPos {"relTo", "offset"}).
    void label(const QString &text, const QString &relTo, double dx, double dy, int size = 15);
    void text(const QString &text, double x, double y, int size = 25);
    void zone(double x, double y, double width, double height);

    QJsonObject data(const QString &name) const;
    /// The snapshot shape (grid "infinite", liveAccount, liveOptions) returned by account scans.
    QJsonObject liveData(const QString &name, const QString &accountId, const QString &provider) const;
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }

private:
    Rng &m_rng;
    QString m_region;
    QJsonArray m_nodes;
    QJsonArray m_groups;
    QJsonArray m_edges;
    QJsonArray m_surfaces;
    QJsonArray m_text;
};

} // namespace Cloudcraft::Emulator
