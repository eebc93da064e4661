#include "accountapi.h"

#include "apiutil.h"
#include "exportrenderer.h"
#include "snapshotfilter.h"

#include <QRegularExpression>
#include <QSet>

namespace Cloudcraft::Emulator {

namespace {
QString providerName(CloudProvider provider)
{
    return provider == CloudProvider::Aws ? QStringLiteral("AWS") : QStringLiteral("Azure");
}

bool isValidRoleArn(const QString &arn)
{
    static const QRegularExpression pattern(
        QStringLiteral("^arn:aws(-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$"));
    return pattern.match(arn).hasMatch();
}

bool looksLikeRegion(CloudProvider provider, const QString &region)
{
    static const QRegularExpression aws(QStringLiteral("^(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-[a-z]+-[0-9]$"));
    static const QRegularExpression azure(QStringLiteral("^[a-z]+[a-z0-9]*$"));
    return (provider == CloudProvider::Aws ? aws : azure).match(region).hasMatch();
}

QJsonObject defaultPolicy(const QString &kind)
{
    const QJsonArray actions = kind == QLatin1String("minimal")
                                   ? QJsonArray{QStringLiteral("ec2:DescribeInstances"), QStringLiteral("s3:ListAllMyBuckets")}
                                   : QJsonArray{QStringLiteral("ec2:Describe*"), QStringLiteral("s3:List*")};
    return QJsonObject{{QStringLiteral("Version"), QStringLiteral("2012-10-17")},
                       {QStringLiteral("Statement"),
                        QJsonArray{QJsonObject{{QStringLiteral("Effect"), QStringLiteral("Allow")},
                                               {QStringLiteral("Action"), actions},
                                               {QStringLiteral("Resource"), QStringLiteral("*")}}}}};
}
} // namespace

QJsonObject AccountApi::publicView(const QJsonObject &account)
{
    QJsonObject view = account;
    view.remove(QStringLiteral("regions"));
    view.remove(QStringLiteral("clientSecret"));
    return view;
}

qsizetype AccountApi::find(CloudProvider provider, const QString &id, HttpResponse *error) const
{
    if (!ApiUtil::isUuid(id)) {
        *error = HttpResponse::error(400, QStringLiteral("Invalid parameter format: accountId"));
        return -1;
    }
    const qsizetype index = m_workspace.accountIndex(provider, id);
    if (index < 0)
        *error = HttpResponse::error(404, QStringLiteral("%1 account not found").arg(providerName(provider)));
    return index;
}

HttpResponse AccountApi::list(CloudProvider provider) const
{
    const QList<QJsonObject> &accounts = m_workspace.accounts(provider);
    if (accounts.isEmpty())
        return HttpResponse::json(200, QJsonObject{});
    QJsonArray entries;
    for (const QJsonObject &account : accounts)
        entries.append(publicView(account));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("accounts"), entries}});
}

HttpResponse AccountApi::create(CloudProvider provider, const HttpRequest &request, const ApiKey &key)
{
    HttpResponse error;
    const auto body = ApiUtil::jsonBody(request, &error);
    if (!body)
        return error;
    const QString timestamp = ApiUtil::now();
    QJsonObject account{
        {QStringLiteral("id"), ApiUtil::newUuid()},
        {QStringLiteral("readAccess"), body->value(QStringLiteral("readAccess")).toArray()},
        {QStringLiteral("writeAccess"), body->value(QStringLiteral("writeAccess")).toArray()},
        {QStringLiteral("createdAt"), timestamp},
        {QStringLiteral("updatedAt"), timestamp},
        {QStringLiteral("CreatorId"), key.userId},
        {QStringLiteral("CustomerId"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("regions"), QJsonObject{}},
    };
    if (provider == CloudProvider::Aws) {
        const QString name = body->value(QStringLiteral("name")).toString();
        const QString roleArn = body->value(QStringLiteral("roleArn")).toString();
        if (name.isEmpty())
            return HttpResponse::error(400, QStringLiteral("Missing parameter: name"));
        if (!isValidRoleArn(roleArn))
            return HttpResponse::error(400, QStringLiteral("Invalid role ARN: %1").arg(roleArn));
        account.insert(QStringLiteral("name"), name);
        account.insert(QStringLiteral("roleArn"), roleArn);
        account.insert(QStringLiteral("externalId"),
                       m_workspace.iamParameters().value(QStringLiteral("externalId")).toString());
        account.insert(QStringLiteral("source"), QStringLiteral("aws"));
    } else {
        for (const QString &field : {QStringLiteral("name"), QStringLiteral("applicationId"), QStringLiteral("directoryId"),
                                     QStringLiteral("subscriptionId"), QStringLiteral("clientSecret")}) {
            const QString value = body->value(field).toString();
            if (value.isEmpty())
                return HttpResponse::error(400, QStringLiteral("Missing parameter: %1").arg(field));
            account.insert(field, value);
        }
        account.insert(QStringLiteral("hint"), body->value(QStringLiteral("clientSecret")).toString().left(3));
        account.insert(QStringLiteral("source"), QStringLiteral("azure"));
    }
    m_workspace.accounts(provider).append(account);
    return HttpResponse::json(201, publicView(account));
}

HttpResponse AccountApi::update(CloudProvider provider, const QString &id, const HttpRequest &request)
{
    HttpResponse error;
    const qsizetype index = find(provider, id, &error);
    if (index < 0)
        return error;
    const auto body = ApiUtil::jsonBody(request, &error);
    if (!body)
        return error;
    QJsonObject account = m_workspace.accounts(provider).at(index);
    if (provider == CloudProvider::Aws && body->contains(QStringLiteral("roleArn"))) {
        const QString roleArn = body->value(QStringLiteral("roleArn")).toString();
        if (!isValidRoleArn(roleArn))
            return HttpResponse::error(400, QStringLiteral("Invalid role ARN: %1").arg(roleArn));
    }
    const QStringList editable = provider == CloudProvider::Aws
                                     ? QStringList{QStringLiteral("name"), QStringLiteral("roleArn"),
                                                   QStringLiteral("readAccess"), QStringLiteral("writeAccess")}
                                     : QStringList{QStringLiteral("name"), QStringLiteral("applicationId"),
                                                   QStringLiteral("directoryId"), QStringLiteral("subscriptionId"),
                                                   QStringLiteral("clientSecret"), QStringLiteral("readAccess"),
                                                   QStringLiteral("writeAccess")};
    for (const QString &field : editable) {
        if (!body->contains(field))
            continue;
        if (field != QLatin1String("readAccess") && field != QLatin1String("writeAccess")
            && body->value(field).toString().isEmpty())
            return HttpResponse::error(400, QStringLiteral("Invalid parameter: %1").arg(field));
        account.insert(field, body->value(field));
    }
    if (provider == CloudProvider::Azure && body->contains(QStringLiteral("clientSecret")))
        account.insert(QStringLiteral("hint"), body->value(QStringLiteral("clientSecret")).toString().left(3));
    account.insert(QStringLiteral("updatedAt"), ApiUtil::now());
    m_workspace.accounts(provider)[index] = account;
    return HttpResponse::json(200, publicView(account));
}

HttpResponse AccountApi::remove(CloudProvider provider, const QString &id)
{
    HttpResponse error;
    const qsizetype index = find(provider, id, &error);
    if (index < 0)
        return error;
    m_workspace.accounts(provider).removeAt(index);
    return HttpResponse::noContent();
}

HttpResponse AccountApi::iamParameters() const
{
    return HttpResponse::json(200, m_workspace.iamParameters());
}

HttpResponse AccountApi::iamPolicy(const QString &kind) const
{
    QJsonObject policy = m_workspace.iamPolicy(kind);
    if (policy.isEmpty())
        policy = defaultPolicy(kind);
    return HttpResponse::json(200, policy);
}

HttpResponse AccountApi::snapshot(CloudProvider provider, const QString &id, const QString &region,
                                  const QString &format, const HttpRequest &request)
{
    HttpResponse error;
    const qsizetype index = find(provider, id, &error);
    if (index < 0)
        return error;
    if (format != QLatin1String("json") && !ExportRenderer::isImageFormat(format)) {
        return HttpResponse::error(
            400, QStringLiteral("Invalid parameter: fileFormat. Must be one of: json, svg, png, pdf, mxGraph"));
    }
    const QJsonObject account = m_workspace.accounts(provider).at(index);
    const QJsonObject regions = account.value(QStringLiteral("regions")).toObject();
    // An account with scan data knows its regions; a freshly added one scans as empty in any plausible region.
    const bool knownRegion = regions.isEmpty() ? looksLikeRegion(provider, region) : regions.contains(region);
    if (!knownRegion)
        return HttpResponse::error(400, QStringLiteral("Invalid region parameter: %1").arg(region));
    for (const QString &name : {QStringLiteral("label"), QStringLiteral("autoconnect")}) {
        bool ignored = true;
        if (!ApiUtil::optionalBool(request, name, &ignored))
            return HttpResponse::error(400, QStringLiteral("Invalid parameter: %1").arg(name));
    }
    if (request.hasQueryItem(QStringLiteral("projection"))) {
        const QString projection = request.queryItem(QStringLiteral("projection"));
        if (projection != QLatin1String("isometric") && projection != QLatin1String("2d"))
            return HttpResponse::error(400, QStringLiteral("Invalid parameter: projection"));
    }
    SnapshotFilter filter;
    QString filterError;
    if (!filter.parse(request.queryItem(QStringLiteral("filter")), &filterError))
        return HttpResponse::error(400, QStringLiteral("Invalid parameter: filter (%1)").arg(filterError));

    // Long poll: the same scan answers 202 a configured number of times before the result is ready.
    const QString pendingKey = providerName(provider) % u'|' % id.toLower() % u'|' % region % u'|' % format % u'|'
                               % QString::fromUtf8(request.rawQuery);
    int &given = m_scan.pendingByQuery[pendingKey];
    if (given < m_scan.pendingCalls) {
        ++given;
        return HttpResponse::json(
            202, QJsonObject{{QStringLiteral("code"), QStringLiteral("STILL_PROCESSING")},
                             {QStringLiteral("message"),
                              QStringLiteral("Result wait time exceeded. Processing continues in the background, "
                                             "retry to receive result.")},
                             {QStringLiteral("retry"), true}});
    }
    m_scan.pendingByQuery.remove(pendingKey);

    const QJsonArray steps = regions.value(region).toArray();
    const QJsonObject stepData = steps.isEmpty() ? QJsonObject{}
                                                 : steps.at(qBound(0, m_scan.step, int(steps.size()) - 1)).toObject();
    const QJsonObject document = buildScan(provider, account, region, stepData, request);
    if (format == QLatin1String("json"))
        return HttpResponse::json(200, document);
    return ExportRenderer::render(document.value(QStringLiteral("data")).toObject(), format, request);
}

QJsonObject AccountApi::buildScan(CloudProvider provider, const QJsonObject &account, const QString &region,
                                  const QJsonObject &stepData, const HttpRequest &request) const
{
    SnapshotFilter filter;
    QString ignored;
    filter.parse(request.queryItem(QStringLiteral("filter")), &ignored);
    const QStringList excluded = request.queryItem(QStringLiteral("exclude")).split(QLatin1Char(','), Qt::SkipEmptyParts);

    QSet<QString> removed;
    QJsonArray nodes;
    for (const QJsonValue &value : stepData.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = value.toObject();
        if (excluded.contains(node.value(QStringLiteral("type")).toString()) || !filter.matches(node))
            removed.insert(node.value(QStringLiteral("id")).toString());
        else
            nodes.append(node);
    }
    QJsonArray groups;
    for (const QJsonValue &value : stepData.value(QStringLiteral("groups")).toArray()) {
        QJsonObject group = value.toObject();
        const QJsonArray members = group.value(QStringLiteral("nodes")).toArray();
        QJsonArray kept;
        for (const QJsonValue &member : members) {
            if (!removed.contains(member.toString()))
                kept.append(member);
        }
        // A group is dropped when its type is excluded or when the filter removed every member.
        if (excluded.contains(group.value(QStringLiteral("type")).toString()) || (!members.isEmpty() && kept.isEmpty())) {
            removed.insert(group.value(QStringLiteral("id")).toString());
            continue;
        }
        group.insert(QStringLiteral("nodes"), kept);
        groups.append(group);
    }
    QJsonArray edges;
    for (const QJsonValue &value : stepData.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject edge = value.toObject();
        if (!removed.contains(edge.value(QStringLiteral("from")).toString())
            && !removed.contains(edge.value(QStringLiteral("to")).toString()))
            edges.append(edge);
    }

    const QString accountName = account.value(QStringLiteral("name")).toString();
    const QDateTime time = m_workspace.startTime().addSecs(qint64(m_scan.step) * m_workspace.stepMinutes() * 60);
    const QString projection = request.hasQueryItem(QStringLiteral("projection"))
                                   ? request.queryItem(QStringLiteral("projection"))
                                   : QStringLiteral("isometric");
    const QJsonObject data{
        {QStringLiteral("name"), QString(accountName % u' ' % region % u' ' % isoTimestamp(time))},
        {QStringLiteral("grid"), QStringLiteral("infinite")},
        {QStringLiteral("projection"), projection},
        {QStringLiteral("liveOptions"), QJsonObject{}},
        {QStringLiteral("shareDocs"), false},
        {QStringLiteral("surfaces"), stepData.value(QStringLiteral("surfaces")).toArray()},
        {QStringLiteral("connectors"), QJsonArray{}},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("groups"), groups},
        {QStringLiteral("edges"), edges},
    };
    return QJsonObject{{QStringLiteral("tags"), QJsonArray{providerName(provider), region, accountName}},
                       {QStringLiteral("data"), data}};
}

} // namespace Cloudcraft::Emulator
