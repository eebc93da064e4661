#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Cloudcraft::Core {

/// Shows a secret the way a user may see it: "…" plus its last four characters ("…J8e="). Secrets of eight
/// characters or fewer are shown as "…" only, so the mask never reveals half of a short secret.
QString maskSecret(QStringView secret);

/// Replaces every occurrence of `secret` in `text` (and of its percent-encoded form, which is how it would appear
/// in a URL or header dump) with maskSecret(secret). An empty secret leaves the text unchanged.
QString scrubSecret(QString text, QStringView secret);
QByteArray scrubSecret(QByteArray text, QStringView secret);

/// Makes a short text received from a server safe to show or log: control characters become spaces, runs of
/// whitespace collapse, and it is cut at `maxLength` characters with "…".
QString sanitizeServerText(QStringView text, qsizetype maxLength = 300);

} // namespace Cloudcraft::Core
