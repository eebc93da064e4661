#pragma once

#include "httpmessage.h"
#include "workspace.h"

namespace Cloudcraft::Emulator {

/// /blueprint endpoints: list, create, get, replace (If-Match), delete, image export and budget.
class BlueprintApi final
{
public:
    explicit BlueprintApi(Workspace &workspace) : m_workspace(workspace) { }

    HttpResponse list() const;
    HttpResponse create(const HttpRequest &request, const ApiKey &key);
    HttpResponse get(const QString &id) const;
    HttpResponse replace(const QString &id, const HttpRequest &request, const ApiKey &key);
    HttpResponse remove(const QString &id);
    HttpResponse exportImage(const QString &id, const QString &format, const HttpRequest &request) const;
    HttpResponse exportBudget(const QString &id, const QString &format, const HttpRequest &request) const;

    /// Strong ETag: MD5 (32 hex) of the stored record.
    static QByteArray etag(const QJsonObject &blueprint);

private:
    /// Index of the blueprint, or -1 with the 400/404 answer filled in.
    qsizetype find(const QString &id, HttpResponse *error) const;

    Workspace &m_workspace;
};

} // namespace Cloudcraft::Emulator
