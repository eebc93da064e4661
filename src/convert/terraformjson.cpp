#include "terraformjson.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Cloudcraft::Core {

QString displayFileName(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    return name.isEmpty() ? fileName : name;
}

QJsonObject parseTerraformJson(const QByteArray &bytes, const QString &fileName, const QString &what, QString *error)
{
    const QString file = displayFileName(fileName);
    if (bytes.trimmed().isEmpty()) {
        *error = QStringLiteral("%1 is empty; expected %2.").arg(file, what);
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Running out of input is the signature of a file cut short (an interrupted copy or download).
        const bool truncated = parseError.error == QJsonParseError::UnterminatedObject
            || parseError.error == QJsonParseError::UnterminatedArray
            || parseError.error == QJsonParseError::UnterminatedString
            || parseError.offset >= bytes.trimmed().size();
        if (truncated && bytes.trimmed().startsWith('{'))
            *error = QStringLiteral("%1 ends before its JSON is complete (truncated at byte %2); expected %3.")
                         .arg(file)
                         .arg(bytes.size())
                         .arg(what);
        else
            *error = QStringLiteral("%1 is not JSON (%2 at byte %3); expected %4.")
                         .arg(file, parseError.errorString())
                         .arg(parseError.offset)
                         .arg(what);
        return {};
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1 holds JSON but not an object; expected %2.").arg(file, what);
        return {};
    }
    error->clear();
    return document.object();
}

} // namespace Cloudcraft::Core
