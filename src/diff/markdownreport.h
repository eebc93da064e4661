#pragma once

#include <QByteArray>

namespace Cloudcraft::Core {

struct DiffReportInput;

namespace MarkdownReport {

/// The whole report as UTF-8.
QByteArray render(const DiffReportInput &input);

} // namespace MarkdownReport

} // namespace Cloudcraft::Core
