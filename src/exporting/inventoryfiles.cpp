#include "inventoryfiles.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace Cloudcraft::Core::InventoryFiles {

namespace {

QString tagsText(const QJsonValue &tags)
{
    QStringList parts;
    if (tags.isObject()) {
        const QJsonObject o = tags.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            parts << it.key() + u'=' + it.value().toVariant().toString();
    } else {
        // AWS's own form: [{"Key": ..., "Value": ...}]
        for (const QJsonValue &v : tags.toArray()) {
            const QJsonObject o = v.toObject();
            parts << (o.contains(QLatin1String("Key"))
                          ? o.value(QLatin1String("Key")).toString() + u'=' + o.value(QLatin1String("Value")).toString()
                          : v.toVariant().toString());
        }
    }
    return parts.join(u';');
}

/// Quoted when it holds a comma, a quote or a line break; quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

} // namespace

QList<Row> rows(const QJsonObject &document)
{
    const QJsonObject data = document.value(QLatin1String("data")).toObject();
    const QJsonArray groups = data.value(QLatin1String("groups")).toArray();
    QHash<QString, QString> groupName; // group id → name (or id)
    QHash<QString, QString> subnetOf;  // member id → subnet group id
    QHash<QString, QString> vpcOf;     // member id → VPC group id
    for (const QJsonValue &g : groups) {
        const QJsonObject group = g.toObject();
        const QString id = group.value(QLatin1String("id")).toString();
        const QString name = group.value(QLatin1String("name")).toString();
        groupName.insert(id, name.isEmpty() ? id : name);
        const QString type = group.value(QLatin1String("type")).toString();
        if (type != u"subnet" && type != u"vpc")
            continue;
        for (const QJsonValue &member : group.value(QLatin1String("nodes")).toArray())
            (type == u"subnet" ? subnetOf : vpcOf).insert(member.toString(), id);
    }
    QList<Row> out;
    const auto add = [&](const QJsonObject &o) {
        Row row;
        const QString id = o.value(QLatin1String("id")).toString();
        row.type = o.value(QLatin1String("type")).toString();
        row.id = o.value(QLatin1String("arn")).toString();
        if (row.id.isEmpty())
            row.id = o.value(QLatin1String("resourceId")).toString();
        if (row.id.isEmpty())
            row.id = id;
        row.name = o.value(QLatin1String("name")).toString();
        const QString subnet = subnetOf.value(id);
        const QString vpc = vpcOf.contains(id) ? vpcOf.value(id) : vpcOf.value(subnet);
        row.subnet = subnet.isEmpty() ? QString() : groupName.value(subnet);
        row.vpc = vpc.isEmpty() ? QString() : groupName.value(vpc);
        row.tags = tagsText(o.value(QLatin1String("tags")));
        out.append(row);
    };
    for (const QJsonValue &n : data.value(QLatin1String("nodes")).toArray())
        add(n.toObject());
    for (const QJsonValue &g : groups)
        add(g.toObject());
    return out;
}

QByteArray csv(const QString &provider, const QString &region, const QList<Row> &rows)
{
    QString out = QStringLiteral("provider,region,type,id,name,vpc,subnet,tags\r\n");
    for (const Row &r : rows) {
        const QStringList fields{provider, region, r.type, r.id, r.name, r.vpc, r.subnet, r.tags};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QJsonObject countsByType(const QList<Row> &rows)
{
    QMap<QString, int> counts;
    for (const Row &r : rows)
        ++counts[r.type];
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject summary(const QString &account, const QString &provider, const QMap<QString, QJsonObject> &regions)
{
    QMap<QString, int> byType;
    QJsonObject byRegion;
    QJsonArray entries;
    int total = 0;
    for (auto it = regions.constBegin(); it != regions.constEnd(); ++it) {
        const QJsonObject &entry = it.value();
        entries.append(entry);
        if (entry.value(QLatin1String("status")).toString() != u"complete")
            continue;
        const QJsonObject counts = entry.value(QLatin1String("countsByType")).toObject();
        for (auto c = counts.constBegin(); c != counts.constEnd(); ++c)
            byType[c.key()] += c.value().toInt();
        byRegion.insert(it.key(), entry.value(QLatin1String("resources")).toInt());
        total += entry.value(QLatin1String("resources")).toInt();
    }
    QJsonObject types;
    for (auto it = byType.constBegin(); it != byType.constEnd(); ++it)
        types.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("account"), account},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("regions"), entries},
                       {QStringLiteral("countsByType"), types},
                       {QStringLiteral("countsByRegion"), byRegion},
                       {QStringLiteral("total"), total}};
}

} // namespace Cloudcraft::Core::InventoryFiles
