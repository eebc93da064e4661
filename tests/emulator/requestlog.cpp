#include "requestlog.h"

#include "httpmessage.h"
#include "workspace.h"

#include <QJsonDocument>

namespace Cloudcraft::Emulator {

bool RequestLog::openFile(const QString &path, QString *errorMessage)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        *errorMessage = QStringLiteral("cannot open request log %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

QJsonObject RequestLog::record(const HttpRequest &request, const QString &listener, int status)
{
    const QJsonObject entry{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("query"), QString::fromUtf8(request.rawQuery)},
        {QStringLiteral("headers"), QJsonArray::fromStringList(request.headerNames())},
        {QStringLiteral("authorization"), request.hasHeader("authorization")},
        {QStringLiteral("status"), status},
        {QStringLiteral("time"), isoTimestamp(request.receivedAt.isValid() ? request.receivedAt : QDateTime::currentDateTimeUtc())},
        {QStringLiteral("listener"), listener},
    };
    m_entries.append(entry);
    if (m_file.isOpen()) {
        m_file.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
        m_file.flush();
    }
    return entry;
}

QJsonArray RequestLog::entries() const
{
    QJsonArray array;
    for (const QJsonObject &entry : m_entries)
        array.append(entry);
    return array;
}

} // namespace Cloudcraft::Emulator
