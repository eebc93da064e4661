#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Cloudcraft::Core {

/// The files an inventory download leaves in its folder, shared by `cloudcraft-cli inventory` and the desktop's
/// Download inventory… so both write, resume and summarise the same way: one file per region (the live scan's JSON,
/// or CSV) and index.json, whose `regions` entries carry status, files, resources and countsByType.
namespace InventoryFiles {

/// One resource of a live scan, flattened for the CSV and the counts.
struct Row
{
    QString type;
    QString id; ///< ARN (AWS), resource id (Azure), else the component id
    QString name;
    QString vpc;
    QString subnet;
    QString tags; ///< key=value;key=value
};

/// The nodes and groups (VPCs, subnets, security groups…) of a scan document, with the VPC and subnet each sits in
/// when the document's groups say so (directly, or through a subnet listed in a VPC).
QList<Row> rows(const QJsonObject &document);

/// RFC 4180 CSV, one line per row: provider, region, type, id, name, vpc, subnet, tags.
QByteArray csv(const QString &provider, const QString &region, const QList<Row> &rows);

/// Resource type → count.
QJsonObject countsByType(const QList<Row> &rows);

/// The summary (and the body of index.json, without its updatedAt): account, provider, every region's entry, and
/// over the complete ones the counts by type, by region and the total. `regions`: region → index entry.
QJsonObject summary(const QString &account, const QString &provider, const QMap<QString, QJsonObject> &regions);

} // namespace InventoryFiles
} // namespace Cloudcraft::Core
