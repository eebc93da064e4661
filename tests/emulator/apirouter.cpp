#include "apirouter.h"

namespace Cloudcraft::Emulator {

namespace {
QStringList segmentsOf(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("Not found"));
}
} // namespace

bool ApiRouter::isExport(const HttpRequest &request)
{
    const QStringList segments = segmentsOf(request.path);
    return request.method == "GET" && segments.size() == 3 && segments.at(0) == QLatin1String("blueprint");
}

bool ApiRouter::isWrite(const HttpRequest &request)
{
    return request.method == "POST" || request.method == "PUT" || request.method == "DELETE"
           || request.method == "PATCH";
}

HttpResponse ApiRouter::handle(const HttpRequest &request, const ApiKey &key)
{
    const QStringList segments = segmentsOf(request.path);
    if (segments.isEmpty())
        return notFound();
    const QString &root = segments.at(0);
    if (root == QLatin1String("user") && segments.size() == 2 && segments.at(1) == QLatin1String("me")
        && request.method == "GET") {
        QJsonObject user = m_workspace.user(key.userId);
        if (user.isEmpty())
            user.insert(QStringLiteral("id"), key.userId);
        return HttpResponse::json(200, user);
    }
    if (root == QLatin1String("team") && segments.size() == 1 && request.method == "GET")
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("teams"), m_workspace.teams()}});
    if (root == QLatin1String("blueprint"))
        return handleBlueprint(segments, request, key);
    if (segments.size() >= 2 && segments.at(1) == QLatin1String("account")) {
        if (root == QLatin1String("aws"))
            return handleAccount(CloudProvider::Aws, segments, request, key);
        if (root == QLatin1String("azure"))
            return handleAccount(CloudProvider::Azure, segments, request, key);
    }
    return notFound();
}

HttpResponse ApiRouter::handleBlueprint(const QStringList &segments, const HttpRequest &request, const ApiKey &key)
{
    const QByteArray &method = request.method;
    switch (segments.size()) {
    case 1:
        if (method == "GET")
            return m_blueprints.list();
        if (method == "POST")
            return m_blueprints.create(request, key);
        break;
    case 2:
        if (method == "GET")
            return m_blueprints.get(segments.at(1));
        if (method == "PUT")
            return m_blueprints.replace(segments.at(1), request, key);
        if (method == "DELETE")
            return m_blueprints.remove(segments.at(1));
        break;
    case 3:
        if (method == "GET")
            return m_blueprints.exportImage(segments.at(1), segments.at(2), request);
        break;
    case 4:
        if (method == "GET" && segments.at(2) == QLatin1String("budget"))
            return m_blueprints.exportBudget(segments.at(1), segments.at(3), request);
        break;
    default:
        break;
    }
    return notFound();
}

HttpResponse ApiRouter::handleAccount(CloudProvider provider, const QStringList &segments, const HttpRequest &request,
                                      const ApiKey &key)
{
    const QByteArray &method = request.method;
    const bool iam = provider == CloudProvider::Aws && segments.size() >= 3
                     && segments.at(2) == QLatin1String("iamParameters");
    if (iam) {
        if (method != "GET")
            return notFound();
        if (segments.size() == 3)
            return m_accounts.iamParameters();
        if (segments.size() == 5 && segments.at(3) == QLatin1String("policy")
            && (segments.at(4) == QLatin1String("custom") || segments.at(4) == QLatin1String("minimal")))
            return m_accounts.iamPolicy(segments.at(4));
        return notFound();
    }
    switch (segments.size()) {
    case 2:
        if (method == "GET")
            return m_accounts.list(provider);
        if (method == "POST")
            return m_accounts.create(provider, request, key);
        break;
    case 3:
        if (method == "PUT")
            return m_accounts.update(provider, segments.at(2), request);
        if (method == "DELETE")
            return m_accounts.remove(provider, segments.at(2));
        break;
    case 5:
        if (method == "GET")
            return m_accounts.snapshot(provider, segments.at(2), segments.at(3), segments.at(4), request);
        break;
    default:
        break;
    }
    return notFound();
}

} // namespace Cloudcraft::Emulator
