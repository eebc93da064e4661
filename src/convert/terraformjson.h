#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Cloudcraft::Core {

/// Parses a Terraform JSON file into its top-level object; on failure `error` holds one sentence naming the file
/// (empty file, truncated, not JSON, not an object) and the returned object is empty.
QJsonObject parseTerraformJson(const QByteArray &bytes, const QString &fileName, const QString &what, QString *error);

/// The file name as messages show it (no directories).
QString displayFileName(const QString &fileName);

} // namespace Cloudcraft::Core
