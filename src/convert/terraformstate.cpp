#include "terraformstate.h"

#include "terraformjson.h"
#include "terraformresource.h"

#include <QJsonArray>

namespace Cloudcraft::Core {

namespace {

QString instanceKeyText(const QJsonValue &key)
{
    if (key.isDouble())
        return QStringLiteral("[%1]").arg(key.toInteger());
    if (key.isString())
        return QStringLiteral("[\"%1\"]").arg(key.toString());
    return {};
}

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

} // namespace

InfraReadResult readTerraformState(const QByteArray &bytes, const QString &fileName)
{
    InfraReadResult result;
    const QString file = displayFileName(fileName);
    const QString what = QStringLiteral("a Terraform state (terraform.tfstate)");
    const QJsonObject root = parseTerraformJson(bytes, fileName, what, &result.error);
    if (!result.ok())
        return result;

    if (!root.contains(u"version") || !root.value(u"version").isDouble()) {
        if (root.contains(u"format_version"))
            result.error = QStringLiteral("%1 is Terraform JSON output, not a state file; convert it with --from plan.")
                               .arg(file);
        else
            result.error = QStringLiteral("%1 is not a Terraform state: it has no \"version\" field.").arg(file);
        return result;
    }
    const int version = root.value(u"version").toInt();
    if (version < 4) {
        result.error = QStringLiteral("%1 is a Terraform state of format %2; convert it with Terraform 0.12 or later "
                                      "(terraform init && terraform apply -refresh-only) first.")
                           .arg(file)
                           .arg(version);
        return result;
    }
    if (version > 4) {
        result.error = QStringLiteral("%1 is a Terraform state of format %2; this converter reads format 4.")
                           .arg(file)
                           .arg(version);
        return result;
    }
    if (!root.value(u"resources").isArray() && root.contains(u"resources")) {
        result.error = QStringLiteral("%1 is a Terraform state whose \"resources\" is not a list.").arg(file);
        return result;
    }

    QList<TerraformResource> resources;
    int dataSources = 0;
    for (const QJsonValue &value : root.value(u"resources").toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"mode").toString() == u"data") {
            ++dataSources;
            continue;
        }
        const QString module = entry.value(u"module").toString();
        const QString type = entry.value(u"type").toString();
        const QString name = entry.value(u"name").toString();
        if (type.isEmpty() || name.isEmpty())
            continue;
        const QString base = (module.isEmpty() ? QString() : module + u'.') + type + u'.' + name;
        for (const QJsonValue &instanceValue : entry.value(u"instances").toArray()) {
            const QJsonObject instance = instanceValue.toObject();
            TerraformResource r;
            r.baseAddress = base;
            r.address = base + instanceKeyText(instance.value(u"index_key"));
            r.modulePath = module;
            r.type = type;
            r.name = name;
            r.values = instance.value(u"attributes").toObject();
            r.dependencies = stringList(instance.value(u"dependencies")) + stringList(instance.value(u"depends_on"))
                + stringList(entry.value(u"depends_on"));
            resources.append(r);
        }
    }
    result.model = buildTerraformModel(resources, fileName, QStringLiteral("terraform-state"), QString());
    if (dataSources > 0)
        result.model.warnings.append(
            QStringLiteral("%1 data sources in %2 were read-only lookups and are not drawn.").arg(dataSources).arg(file));
    return result;
}

} // namespace Cloudcraft::Core
