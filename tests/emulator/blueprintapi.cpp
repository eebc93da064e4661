#include "blueprintapi.h"

#include "apiutil.h"
#include "exportrenderer.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace Cloudcraft::Emulator {

namespace {
const QStringList &listFields()
{
    static const QStringList fields{QStringLiteral("id"),        QStringLiteral("name"),
                                    QStringLiteral("tags"),      QStringLiteral("readAccess"),
                                    QStringLiteral("writeAccess"), QStringLiteral("createdAt"),
                                    QStringLiteral("updatedAt"), QStringLiteral("CreatorId"),
                                    QStringLiteral("CurrentVersionId"), QStringLiteral("LastUserId")};
    return fields;
}

QJsonValue nullable(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

HttpResponse withEtag(HttpResponse response, const QJsonObject &blueprint)
{
    response.setHeader(QByteArrayLiteral("ETag"), '"' + BlueprintApi::etag(blueprint) + '"');
    return response;
}

QByteArray normalizedTag(QByteArray tag)
{
    tag = tag.trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    if (tag.size() >= 2 && tag.startsWith('"') && tag.endsWith('"'))
        tag = tag.mid(1, tag.size() - 2);
    return tag;
}
} // namespace

QByteArray BlueprintApi::etag(const QJsonObject &blueprint)
{
    return QCryptographicHash::hash(QJsonDocument(blueprint).toJson(QJsonDocument::Compact), QCryptographicHash::Md5)
        .toHex();
}

qsizetype BlueprintApi::find(const QString &id, HttpResponse *error) const
{
    if (!ApiUtil::isUuid(id)) {
        *error = HttpResponse::error(400, QStringLiteral("Invalid parameter format: blueprintId"));
        return -1;
    }
    const qsizetype index = m_workspace.blueprintIndex(id);
    if (index < 0)
        *error = HttpResponse::error(404, QStringLiteral("Blueprint not found"));
    return index;
}

HttpResponse BlueprintApi::list() const
{
    // The real server answers {} rather than an empty array when there is nothing to list.
    if (m_workspace.blueprints().isEmpty())
        return HttpResponse::json(200, QJsonObject{});
    QJsonArray entries;
    for (const QJsonObject &blueprint : m_workspace.blueprints()) {
        QJsonObject entry;
        for (const QString &field : listFields())
            entry.insert(field, nullable(blueprint, field));
        entries.append(entry);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("blueprints"), entries}});
}

HttpResponse BlueprintApi::create(const HttpRequest &request, const ApiKey &key)
{
    HttpResponse error;
    const auto body = ApiUtil::jsonBody(request, &error);
    if (!body)
        return error;
    if (!body->value(QStringLiteral("data")).isObject())
        return HttpResponse::error(400, QStringLiteral("Missing parameter: data"));
    QJsonObject data = body->value(QStringLiteral("data")).toObject();
    // The diagram's own name wins; the top-level copy only fills in when the diagram has none.
    QString name = data.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = body->value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = QStringLiteral("Untitled blueprint");
    data.insert(QStringLiteral("name"), name);
    if (!data.contains(QStringLiteral("version")))
        data.insert(QStringLiteral("version"), 4);

    const QString timestamp = ApiUtil::now();
    QJsonObject blueprint{
        {QStringLiteral("id"), ApiUtil::newUuid()},
        {QStringLiteral("name"), name},
        {QStringLiteral("tags"), nullable(*body, QStringLiteral("tags"))},
        {QStringLiteral("readAccess"), nullable(*body, QStringLiteral("readAccess"))},
        {QStringLiteral("writeAccess"), nullable(*body, QStringLiteral("writeAccess"))},
        {QStringLiteral("createdAt"), timestamp},
        {QStringLiteral("updatedAt"), timestamp},
        {QStringLiteral("CreatorId"), key.userId},
        {QStringLiteral("LastUserId"), key.userId},
        {QStringLiteral("CustomerId"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("CurrentVersionId"), ApiUtil::newUuid()},
        {QStringLiteral("data"), data},
    };
    m_workspace.blueprints().append(blueprint);
    return withEtag(HttpResponse::json(201, blueprint), blueprint);
}

HttpResponse BlueprintApi::get(const QString &id) const
{
    HttpResponse error;
    const qsizetype index = find(id, &error);
    if (index < 0)
        return error;
    const QJsonObject &blueprint = m_workspace.blueprints().at(index);
    return withEtag(HttpResponse::json(200, blueprint), blueprint);
}

HttpResponse BlueprintApi::replace(const QString &id, const HttpRequest &request, const ApiKey &key)
{
    HttpResponse error;
    const qsizetype index = find(id, &error);
    if (index < 0)
        return error;
    QJsonObject blueprint = m_workspace.blueprints().at(index);
    if (request.hasHeader("if-match")) {
        const QByteArray wanted = normalizedTag(request.header("if-match"));
        if (wanted != "*" && wanted != etag(blueprint))
            return HttpResponse::error(412, QStringLiteral("Resource out of date"));
    }
    const auto body = ApiUtil::jsonBody(request, &error);
    if (!body)
        return error;
    if (!body->value(QStringLiteral("data")).isObject())
        return HttpResponse::error(400, QStringLiteral("Missing parameter: data"));
    QJsonObject data = body->value(QStringLiteral("data")).toObject();
    QString name = data.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = body->value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = blueprint.value(QStringLiteral("name")).toString();
    data.insert(QStringLiteral("name"), name);
    for (const QString &field : {QStringLiteral("tags"), QStringLiteral("readAccess"), QStringLiteral("writeAccess")}) {
        if (body->contains(field))
            blueprint.insert(field, body->value(field));
    }
    blueprint.insert(QStringLiteral("name"), name);
    blueprint.insert(QStringLiteral("data"), data);
    blueprint.insert(QStringLiteral("updatedAt"), ApiUtil::now());
    blueprint.insert(QStringLiteral("LastUserId"), key.userId);
    blueprint.insert(QStringLiteral("CurrentVersionId"), ApiUtil::newUuid());
    m_workspace.blueprints()[index] = blueprint;
    return withEtag(HttpResponse::noContent(), blueprint);
}

HttpResponse BlueprintApi::remove(const QString &id)
{
    HttpResponse error;
    const qsizetype index = find(id, &error);
    if (index < 0)
        return error;
    m_workspace.blueprints().removeAt(index);
    return HttpResponse::noContent();
}

HttpResponse BlueprintApi::exportImage(const QString &id, const QString &format, const HttpRequest &request) const
{
    HttpResponse error;
    const qsizetype index = find(id, &error);
    if (index < 0)
        return error;
    const QJsonObject &blueprint = m_workspace.blueprints().at(index);
    if (format == QLatin1String("json"))
        return withEtag(HttpResponse::json(200, blueprint), blueprint);
    if (!ExportRenderer::isImageFormat(format)) {
        return HttpResponse::error(
            400, QStringLiteral("Invalid parameter: fileFormat. Must be one of: json, svg, png, pdf, mxGraph"));
    }
    return ExportRenderer::render(blueprint.value(QStringLiteral("data")).toObject(), format, request);
}

HttpResponse BlueprintApi::exportBudget(const QString &id, const QString &format, const HttpRequest &request) const
{
    HttpResponse error;
    const qsizetype index = find(id, &error);
    if (index < 0)
        return error;
    return ExportRenderer::budget(m_workspace.blueprints().at(index).value(QStringLiteral("data")).toObject(), format,
                                  request);
}

} // namespace Cloudcraft::Emulator
