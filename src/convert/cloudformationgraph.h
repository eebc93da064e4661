#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace Cloudcraft::Core::CloudFormationTypes {

/// A resource's reference to another resource of the template, with the top-level property it was found under.
struct Reference
{
    QString target;
    QString property;
};

/// Everything learnt about a template's resources before the model is written: their types and the resources
/// each one names (Ref, GetAtt, Sub, DependsOn), by logical id.
struct TemplateGraph
{
    QJsonObject resources;
    QHash<QString, QList<Reference>> references; // by logical id
    QHash<QString, QString> types; // logical id → AWS type

    QString type(const QString &id) const { return types.value(id); }

    QJsonObject properties(const QString &id) const
    {
        return resources.value(id).toObject().value(QLatin1String("Properties")).toObject();
    }

    /// Logical ids in name order: QHash iteration order changes from run to run, the model must not.
    QStringList sortedIds() const
    {
        QStringList ids = types.keys();
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    /// Resources named under `property` of `id` (every one, in the template's order).
    QStringList referencedUnder(const QString &id, const QString &property) const
    {
        QStringList out;
        for (const Reference &r : references.value(id)) {
            if (r.property == property && !out.contains(r.target))
                out << r.target;
        }
        return out;
    }

    /// Subnets a resource is placed in, directly or through a DB/cache subnet group.
    QStringList subnetsOf(const QString &id) const
    {
        QStringList subnets;
        for (const Reference &r : references.value(id)) {
            const QString t = type(r.target);
            if (t == u"AWS::EC2::Subnet" && !subnets.contains(r.target))
                subnets << r.target;
            else if (t.endsWith(QLatin1String("SubnetGroup"))) {
                for (const Reference &inner : references.value(r.target)) {
                    if (type(inner.target) == u"AWS::EC2::Subnet" && !subnets.contains(inner.target))
                        subnets << inner.target;
                }
            }
        }
        return subnets;
    }

    QString vpcOf(const QString &id) const
    {
        for (const Reference &r : references.value(id)) {
            if (type(r.target) == u"AWS::EC2::VPC")
                return r.target;
        }
        return {};
    }
};

} // namespace Cloudcraft::Core::CloudFormationTypes
