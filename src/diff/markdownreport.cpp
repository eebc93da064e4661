#include "diff/markdownreport.h"

#include "diff/diffreportwriter.h"

namespace Cloudcraft::Core::MarkdownReport {

QByteArray render(const DiffReportInput &input)
{
    Q_UNUSED(input);
    return {};
}

} // namespace Cloudcraft::Core::MarkdownReport
