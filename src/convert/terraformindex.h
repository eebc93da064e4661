#pragma once

#include "terraformresource.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace Cloudcraft::Core {

/// Finds resources by address and by the values other resources use to point at them (ids, ARNs, DNS names).
class TerraformIndex final
{
public:
    explicit TerraformIndex(const QList<TerraformResource> &resources);

    /// Addresses of the resources `from` points at through attribute `attribute` (its values looked up as ids,
    /// ARNs and names; and, in plans, the configuration's references). `attribute` may be a dotted path into
    /// nested blocks ("vpc_config.subnet_ids"); lists and blocks are searched through.
    QStringList targets(const TerraformResource &from, const QString &attribute) const;
    /// The resource addresses a reference expression or dependency names ("aws_vpc.main.id", "module.x.aws_y.z").
    QStringList resolveReference(const QString &reference, const QString &modulePath) const;
    /// The address whose id/arn/name equals `value`, or "" (first one, in address order).
    QString findByValue(const QString &value) const;
    /// The address whose ARN occurs inside `text` (e.g. a Lambda ARN inside an API Gateway integration URI).
    QString findArnInside(const QString &text) const;
    const TerraformResource *resource(const QString &address) const;

private:
    QHash<QString, const TerraformResource *> m_byAddress;
    QHash<QString, QStringList> m_byBase;
    QHash<QString, QString> m_byValue;
    QList<QPair<QString, QString>> m_arns; // arn -> address, longest first
};

/// Strings found at `path` in `values` (a dotted path; arrays of blocks are searched through).
QStringList stringsAt(const QJsonObject &values, const QString &path);

} // namespace Cloudcraft::Core
