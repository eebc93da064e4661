#include "terraformindex.h"

#include <QJsonArray>

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

// Attribute values other resources use to refer to a resource. Lambda's function_name appears bare in event
// source mappings; the DNS names are how CloudFront origins and Route 53 aliases name their targets.
const QStringList &identifyingKeys()
{
    static const QStringList keys { QStringLiteral("id"),
                                    QStringLiteral("arn"),
                                    QStringLiteral("dns_name"),
                                    QStringLiteral("domain_name"),
                                    QStringLiteral("bucket_regional_domain_name"),
                                    QStringLiteral("bucket_domain_name"),
                                    QStringLiteral("url"),
                                    QStringLiteral("invoke_arn"),
                                    QStringLiteral("qualified_arn") };
    return keys;
}

void collectStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isString()) {
        if (!value.toString().isEmpty())
            out->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectStrings(item, out);
    }
}

void collectAtPath(const QJsonValue &value, const QStringList &parts, qsizetype depth, QStringList *out)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectAtPath(item, parts, depth, out);
        return;
    }
    if (depth == parts.size()) {
        collectStrings(value, out);
        return;
    }
    if (value.isObject())
        collectAtPath(value.toObject().value(parts.at(depth)), parts, depth + 1, out);
}

} // namespace

QStringList stringsAt(const QJsonObject &values, const QString &path)
{
    QStringList result;
    collectAtPath(values, path.split(u'.'), 0, &result);
    return result;
}

TerraformIndex::TerraformIndex(const QList<TerraformResource> &resources)
{
    for (const TerraformResource &resource : resources) {
        m_byAddress.insert(resource.address, &resource);
        m_byBase[resource.baseAddress].append(resource.address);
    }
    // Value index in address order so that a value shared by two resources resolves the same way every run.
    QList<const TerraformResource *> sorted;
    sorted.reserve(resources.size());
    for (const TerraformResource &resource : resources)
        sorted.append(&resource);
    std::sort(sorted.begin(), sorted.end(),
              [](const TerraformResource *a, const TerraformResource *b) { return a->address < b->address; });
    for (const TerraformResource *resource : std::as_const(sorted)) {
        for (const QString &key : identifyingKeys()) {
            const QString value = resource->values.value(key).toString();
            if (!value.isEmpty() && !m_byValue.contains(value))
                m_byValue.insert(value, resource->address);
        }
        if (resource->type == u"aws_lambda_function") {
            const QString functionName = resource->values.value(u"function_name").toString();
            if (!functionName.isEmpty() && !m_byValue.contains(functionName))
                m_byValue.insert(functionName, resource->address);
        }
        const QString arn = resource->values.value(u"arn").toString();
        if (arn.startsWith(u"arn:"))
            m_arns.append({ arn, resource->address });
    }
    std::stable_sort(m_arns.begin(), m_arns.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

const TerraformResource *TerraformIndex::resource(const QString &address) const
{
    return m_byAddress.value(address, nullptr);
}

QString TerraformIndex::findByValue(const QString &value) const
{
    if (value.isEmpty())
        return {};
    const auto it = m_byValue.constFind(value);
    if (it != m_byValue.constEnd())
        return *it;
    // Route 53 alias names carry a trailing dot and sometimes a "dualstack." prefix.
    QString trimmed = value.toLower();
    if (trimmed.endsWith(u'.'))
        trimmed.chop(1);
    if (trimmed.startsWith(u"dualstack."))
        trimmed = trimmed.mid(10);
    return trimmed == value ? QString() : m_byValue.value(trimmed);
}

QString TerraformIndex::findArnInside(const QString &text) const
{
    for (const auto &[arn, address] : m_arns) {
        if (text.contains(arn))
            return address;
    }
    return {};
}

QStringList TerraformIndex::resolveReference(const QString &reference, const QString &modulePath) const
{
    // A reference names a resource, an instance or an attribute of either ("aws_vpc.main.id",
    // "aws_subnet.a[0].id"); try the longest prefix that is an address, in the module and then absolute.
    QStringList candidates;
    if (!modulePath.isEmpty() && !reference.startsWith(u"module."))
        candidates.append(modulePath + u'.' + reference);
    candidates.append(reference);
    for (QString candidate : std::as_const(candidates)) {
        while (!candidate.isEmpty()) {
            if (m_byAddress.contains(candidate))
                return { candidate };
            const auto base = m_byBase.constFind(candidate);
            if (base != m_byBase.constEnd())
                return *base;
            const qsizetype cut = std::max(candidate.lastIndexOf(u'.'), candidate.lastIndexOf(u'['));
            if (cut <= 0)
                break;
            candidate.truncate(cut);
        }
    }
    return {};
}

QStringList TerraformIndex::targets(const TerraformResource &from, const QString &attribute) const
{
    QStringList result;
    for (const QString &value : stringsAt(from.values, attribute)) {
        QString address = findByValue(value);
        if (address.isEmpty() && value.startsWith(u"arn:"))
            address = findArnInside(value);
        if (!address.isEmpty() && address != from.address && !result.contains(address))
            result.append(address);
    }
    const QString leaf = attribute.section(u'.', -1);
    for (const QString &key : { attribute, leaf }) {
        for (const QString &reference : from.references.value(key)) {
            for (const QString &address : resolveReference(reference, from.modulePath)) {
                if (address != from.address && !result.contains(address))
                    result.append(address);
            }
        }
    }
    return result;
}

} // namespace Cloudcraft::Core
