#include "workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Cloudcraft::Emulator {

namespace {
QList<QJsonObject> objects(const QJsonArray &array)
{
    QList<QJsonObject> result;
    result.reserve(array.size());
    for (const QJsonValue &value : array)
        result.append(value.toObject());
    return result;
}

QJsonArray toArray(const QList<QJsonObject> &list)
{
    QJsonArray array;
    for (const QJsonObject &object : list)
        array.append(object);
    return array;
}

qsizetype indexById(const QList<QJsonObject> &list, const QString &id)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).value(QStringLiteral("id")).toString().compare(id, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}
} // namespace

QString isoTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool Workspace::load(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QStringLiteral("cannot open workspace %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *errorMessage = QStringLiteral("workspace %1 is not a JSON object: %2").arg(path, parseError.errorString());
        return false;
    }
    m_root = document.object();
    m_keys.clear();
    for (const QJsonValue &value : m_root.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject object = value.toObject();
        ApiKey key;
        key.key = object.value(QStringLiteral("key")).toString();
        key.userId = object.value(QStringLiteral("userId")).toString();
        key.name = object.value(QStringLiteral("name")).toString();
        key.access = object.value(QStringLiteral("access")).toString() == QLatin1String("read-write") ? KeyAccess::ReadWrite
                                                                                                       : KeyAccess::Read;
        if (key.key.isEmpty()) {
            *errorMessage = QStringLiteral("workspace %1 has a key entry without \"key\"").arg(path);
            return false;
        }
        m_keys.append(key);
    }
    m_users = m_root.value(QStringLiteral("users")).toArray();
    m_teams = m_root.value(QStringLiteral("teams")).toArray();
    m_blueprints = objects(m_root.value(QStringLiteral("blueprints")).toArray());
    m_awsAccounts = objects(m_root.value(QStringLiteral("awsAccounts")).toArray());
    m_azureAccounts = objects(m_root.value(QStringLiteral("azureAccounts")).toArray());
    m_iamParameters = m_root.value(QStringLiteral("iamParameters")).toObject();
    m_iamPolicies = m_root.value(QStringLiteral("iamPolicies")).toObject();
    const QJsonObject scenario = m_root.value(QStringLiteral("scenario")).toObject();
    m_initialStep = scenario.value(QStringLiteral("step")).toInt(0);
    m_startTime = QDateTime::fromString(scenario.value(QStringLiteral("startTime")).toString(), Qt::ISODateWithMs);
    if (!m_startTime.isValid())
        m_startTime = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    m_stepMinutes = scenario.value(QStringLiteral("stepMinutes")).toInt(60);
    return true;
}

bool Workspace::save(const QString &path, QString *errorMessage) const
{
    QJsonObject root = m_root;
    root.insert(QStringLiteral("blueprints"), toArray(m_blueprints));
    root.insert(QStringLiteral("awsAccounts"), toArray(m_awsAccounts));
    root.insert(QStringLiteral("azureAccounts"), toArray(m_azureAccounts));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = file.errorString();
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *errorMessage = file.errorString();
        return false;
    }
    return true;
}

std::optional<ApiKey> Workspace::findKey(const QString &token) const
{
    for (const ApiKey &key : m_keys) {
        if (key.key == token)
            return key;
    }
    return std::nullopt;
}

QJsonObject Workspace::user(const QString &id) const
{
    for (const QJsonValue &value : m_users) {
        if (value.toObject().value(QStringLiteral("id")).toString() == id)
            return value.toObject();
    }
    return {};
}

qsizetype Workspace::blueprintIndex(const QString &id) const
{
    return indexById(m_blueprints, id);
}

QList<QJsonObject> &Workspace::accounts(CloudProvider provider)
{
    return provider == CloudProvider::Aws ? m_awsAccounts : m_azureAccounts;
}

const QList<QJsonObject> &Workspace::accounts(CloudProvider provider) const
{
    return provider == CloudProvider::Aws ? m_awsAccounts : m_azureAccounts;
}

qsizetype Workspace::accountIndex(CloudProvider provider, const QString &id) const
{
    return indexById(accounts(provider), id);
}

} // namespace Cloudcraft::Emulator
