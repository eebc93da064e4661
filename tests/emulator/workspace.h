#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Cloudcraft::Emulator {

enum class KeyAccess { Read, ReadWrite };

struct ApiKey
{
    QString key;
    QString userId;
    KeyAccess access = KeyAccess::Read;
    QString name;
};

enum class CloudProvider { Aws, Azure };

/// The emulator's data: what the workspace file holds (format in docs/contracts.md), kept in memory.
/// Writes change only memory unless the server is told to save.
class Workspace final
{
public:
    bool load(const QString &path, QString *errorMessage);
    bool save(const QString &path, QString *errorMessage) const;

    std::optional<ApiKey> findKey(const QString &token) const;
    QJsonObject user(const QString &id) const;
    QJsonArray teams() const { return m_teams; }

    QList<QJsonObject> &blueprints() { return m_blueprints; }
    const QList<QJsonObject> &blueprints() const { return m_blueprints; }
    qsizetype blueprintIndex(const QString &id) const;

    QList<QJsonObject> &accounts(CloudProvider provider);
    const QList<QJsonObject> &accounts(CloudProvider provider) const;
    qsizetype accountIndex(CloudProvider provider, const QString &id) const;

    QJsonObject iamParameters() const { return m_iamParameters; }
    QJsonObject iamPolicy(const QString &kind) const { return m_iamPolicies.value(kind).toObject(); }

    int initialStep() const { return m_initialStep; }
    QDateTime startTime() const { return m_startTime; }
    int stepMinutes() const { return m_stepMinutes; }

private:
    QJsonObject m_root;
    QList<ApiKey> m_keys;
    QJsonArray m_users;
    QJsonArray m_teams;
    QList<QJsonObject> m_blueprints;
    QList<QJsonObject> m_awsAccounts;
    QList<QJsonObject> m_azureAccounts;
    QJsonObject m_iamParameters;
    QJsonObject m_iamPolicies;
    int m_initialStep = 0;
    QDateTime m_startTime;
    int m_stepMinutes = 60;
};

/// ISO-8601 UTC with milliseconds, the API's timestamp format.
QString isoTimestamp(const QDateTime &time);

} // namespace Cloudcraft::Emulator
