#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Cloudcraft::Emulator {

struct HttpRequest;

/// Requests the emulator received, in memory and optionally as JSON lines in a file. Records header NAMES only,
/// never a header value, so the API key cannot end up in a log.
class RequestLog final
{
public:
    bool openFile(const QString &path, QString *errorMessage);
    /// Appends one entry and returns it; status 0 means "no answer sent" (silent fault).
    QJsonObject record(const HttpRequest &request, const QString &listener, int status);
    QJsonArray entries() const;
    void clear() { m_entries.clear(); }

private:
    QList<QJsonObject> m_entries;
    QFile m_file;
};

} // namespace Cloudcraft::Emulator
