#include "diff/diffreportwriter.h"

#include "diff/htmlreport.h"
#include "diff/junitreport.h"
#include "diff/markdownreport.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Cloudcraft::Core::DiffReportWriter {

namespace {

QByteArray render(Format format, const DiffReportInput &input)
{
    switch (format) {
    case Format::Html:
        return HtmlReport::render(input);
    case Format::Markdown:
        return MarkdownReport::render(input);
    case Format::JUnit:
        return JUnitReport::render(input);
    }
    return {};
}

} // namespace

QString write(Format format, const DiffReportInput &input, const QString &path)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    if (path.isEmpty())
        return QStringLiteral("The report path is empty.");
    if (QFileInfo(path).isDir())
        return QStringLiteral("Cannot write the report %1: it is a directory.").arg(shownPath);

    const QByteArray content = render(format, input);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write the report %1: %2.").arg(shownPath, file.errorString());
    if (file.write(content) != content.size() || !file.commit())
        return QStringLiteral("Cannot write the report %1: %2.").arg(shownPath, file.errorString());
    return {};
}

} // namespace Cloudcraft::Core::DiffReportWriter
