#pragma once

#include <QByteArray>

namespace Cloudcraft::Core {

struct DiffReportInput;

namespace HtmlReport {

/// The whole report as UTF-8.
QByteArray render(const DiffReportInput &input);

} // namespace HtmlReport

} // namespace Cloudcraft::Core
