#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Cloudcraft::Core {

struct DiffReportInput;

namespace HtmlReport {

/// The whole report as UTF-8.
QByteArray render(const DiffReportInput &input);

/// The "Open in Cloudcraft Desktop" link of a report: `cloudcraft-desktop://compare?a=<ref>&b=<ref>`, each side
/// percent-encoded whole. A file is named by its absolute path, so the link works from wherever the app starts.
QUrl desktopCompareUrl(const QString &labelA, const QString &labelB);

} // namespace HtmlReport

} // namespace Cloudcraft::Core
