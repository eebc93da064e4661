#include "diff/htmlreport.h"

#include "diff/diffreportwriter.h"

namespace Cloudcraft::Core::HtmlReport {

QByteArray render(const DiffReportInput &input)
{
    Q_UNUSED(input);
    return {};
}

} // namespace Cloudcraft::Core::HtmlReport
