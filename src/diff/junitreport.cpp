#include "diff/junitreport.h"

#include "diff/diffreportwriter.h"

namespace Cloudcraft::Core::JUnitReport {

QByteArray render(const DiffReportInput &input)
{
    Q_UNUSED(input);
    return {};
}

} // namespace Cloudcraft::Core::JUnitReport
