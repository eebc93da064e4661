#pragma once

#include <QByteArray>

namespace Cloudcraft::Core {

struct DiffReportInput;

namespace JUnitReport {

/// The whole report as UTF-8.
QByteArray render(const DiffReportInput &input);

} // namespace JUnitReport

} // namespace Cloudcraft::Core
