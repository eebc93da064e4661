#include "terraformplan.h"

#include "terraformjson.h"
#include "terraformresource.h"

#include <QJsonArray>

namespace Cloudcraft::Core {

namespace {

PlannedAction actionFrom(const QJsonArray &actions)
{
    QStringList names;
    for (const QJsonValue &action : actions)
        names.append(action.toString());
    if (names.contains(QStringLiteral("create")) && names.contains(QStringLiteral("delete")))
        return PlannedAction::Replace;
    if (names.contains(QStringLiteral("create")))
        return PlannedAction::Create;
    if (names.contains(QStringLiteral("delete")))
        return PlannedAction::Delete;
    if (names.contains(QStringLiteral("update")))
        return PlannedAction::Update;
    return PlannedAction::None;
}

// Every "references" list below an expression, under the dotted attribute path and the leaf name.
void collectReferences(const QJsonValue &expression, const QString &path, QHash<QString, QStringList> *out)
{
    if (expression.isArray()) {
        for (const QJsonValue &item : expression.toArray())
            collectReferences(item, path, out);
        return;
    }
    const QJsonObject object = expression.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == u"references") {
            QStringList references;
            for (const QJsonValue &reference : it.value().toArray())
                references.append(reference.toString());
            (*out)[path] += references;
            const QString leaf = path.section(u'.', -1);
            if (leaf != path)
                (*out)[leaf] += references;
        } else if (it.key() != u"constant_value") {
            collectReferences(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
        }
    }
}

struct ConfigEntry
{
    QHash<QString, QStringList> references;
    QStringList dependsOn;
};

void collectConfiguration(const QJsonObject &module, const QString &prefix, QHash<QString, ConfigEntry> *out)
{
    for (const QJsonValue &value : module.value(u"resources").toArray()) {
        const QJsonObject resource = value.toObject();
        ConfigEntry entry;
        const QJsonObject expressions = resource.value(u"expressions").toObject();
        for (auto it = expressions.constBegin(); it != expressions.constEnd(); ++it)
            collectReferences(it.value(), it.key(), &entry.references);
        for (const QJsonValue &dependency : resource.value(u"depends_on").toArray())
            entry.dependsOn.append(dependency.toString());
        out->insert(prefix + resource.value(u"address").toString(), entry);
    }
    const QJsonObject calls = module.value(u"module_calls").toObject();
    for (auto it = calls.constBegin(); it != calls.constEnd(); ++it)
        collectConfiguration(it.value().toObject().value(u"module").toObject(),
                             prefix + u"module." + it.key() + u'.', out);
}

void collectPlannedValues(const QJsonObject &module, QList<QJsonObject> *out)
{
    for (const QJsonValue &value : module.value(u"resources").toArray())
        out->append(value.toObject());
    for (const QJsonValue &child : module.value(u"child_modules").toArray())
        collectPlannedValues(child.toObject(), out);
}

bool fillResource(const QString &address, const QString &type, const QString &name, const QJsonObject &values,
                  TerraformResource *r)
{
    QString modulePath, parsedType, parsedName, key;
    if (!splitTerraformAddress(address, &modulePath, &parsedType, &parsedName, &key))
        return false;
    r->address = address;
    r->baseAddress = address.left(address.size() - key.size());
    r->modulePath = modulePath;
    r->type = type.isEmpty() ? parsedType : type;
    r->name = name.isEmpty() ? parsedName : name;
    r->values = values;
    return true;
}

} // namespace

InfraReadResult readTerraformPlan(const QByteArray &bytes, const QString &fileName)
{
    InfraReadResult result;
    const QString file = displayFileName(fileName);
    const QString what = QStringLiteral("the output of terraform show -json");
    const QJsonObject root = parseTerraformJson(bytes, fileName, what, &result.error);
    if (!result.ok())
        return result;
    if (!root.contains(u"format_version")) {
        if (root.value(u"version").isDouble())
            result.error = QStringLiteral("%1 is a Terraform state file, not a plan; convert it with --from terraform.")
                               .arg(file);
        else
            result.error = QStringLiteral("%1 is JSON but not terraform show -json output: it has no "
                                          "\"format_version\".")
                               .arg(file);
        return result;
    }
    const QString formatVersion = root.value(u"format_version").toString();
    if (!formatVersion.startsWith(u"0.") && !formatVersion.startsWith(u"1.")) {
        result.error = QStringLiteral("%1 has plan format %2; this converter reads formats 0.x and 1.x.")
                           .arg(file, formatVersion);
        return result;
    }
    // A plan has planned_values; `terraform show -json` of a state has values: read both the same way.
    const bool isPlan = root.contains(u"planned_values") || root.contains(u"resource_changes");
    const QJsonObject valuesRoot =
        root.value(isPlan ? u"planned_values" : u"values").toObject().value(u"root_module").toObject();
    if (!isPlan && !root.contains(u"values")) {
        result.error = QStringLiteral("%1 has neither planned_values nor resource_changes; expected %2.")
                           .arg(file, what);
        return result;
    }

    QHash<QString, ConfigEntry> configuration;
    collectConfiguration(root.value(u"configuration").toObject().value(u"root_module").toObject(), QString(),
                         &configuration);
    QHash<QString, PlannedAction> actions;
    QList<QJsonObject> deleted;
    for (const QJsonValue &value : root.value(u"resource_changes").toArray()) {
        const QJsonObject change = value.toObject();
        if (change.value(u"mode").toString() == u"data")
            continue;
        const PlannedAction action = actionFrom(change.value(u"change").toObject().value(u"actions").toArray());
        const QString address = change.value(u"address").toString();
        actions.insert(address, action);
        if (action == PlannedAction::Delete)
            deleted.append(change);
    }

    QList<QJsonObject> planned;
    collectPlannedValues(valuesRoot, &planned);
    QList<TerraformResource> resources;
    int dataSources = 0;
    const auto attachConfiguration = [&configuration](TerraformResource *r) {
        const ConfigEntry entry = configuration.value(r->baseAddress);
        r->references = entry.references;
        r->dependencies += entry.dependsOn;
        for (const QStringList &references : std::as_const(entry.references))
            r->dependencies += references;
        r->dependencies.removeDuplicates();
    };
    for (const QJsonObject &entry : std::as_const(planned)) {
        if (entry.value(u"mode").toString() == u"data") {
            ++dataSources;
            continue;
        }
        TerraformResource r;
        if (!fillResource(entry.value(u"address").toString(), entry.value(u"type").toString(),
                          entry.value(u"name").toString(), entry.value(u"values").toObject(), &r))
            continue;
        r.action = actions.value(r.address, PlannedAction::None);
        attachConfiguration(&r);
        resources.append(r);
    }
    // Resources to be destroyed are gone from planned_values; draw them from their values before the change.
    for (const QJsonObject &change : std::as_const(deleted)) {
        TerraformResource r;
        if (!fillResource(change.value(u"address").toString(), change.value(u"type").toString(),
                          change.value(u"name").toString(),
                          change.value(u"change").toObject().value(u"before").toObject(), &r))
            continue;
        r.action = PlannedAction::Delete;
        attachConfiguration(&r);
        resources.append(r);
    }

    const QJsonObject providers = root.value(u"configuration").toObject().value(u"provider_config").toObject();
    const QString region = providers.value(u"aws")
                               .toObject()
                               .value(u"expressions")
                               .toObject()
                               .value(u"region")
                               .toObject()
                               .value(u"constant_value")
                               .toString();
    result.model = buildTerraformModel(resources, fileName,
                                       isPlan ? QStringLiteral("terraform-plan") : QStringLiteral("terraform-show"),
                                       region);
    if (dataSources > 0)
        result.model.warnings.append(
            QStringLiteral("%1 data sources in %2 were read-only lookups and are not drawn.").arg(dataSources).arg(file));
    return result;
}

} // namespace Cloudcraft::Core
