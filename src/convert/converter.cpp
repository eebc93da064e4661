#include "converter.h"

#include "cloudformation.h"
#include "drawio.h"
#include "terraformjson.h"
#include "terraformplan.h"
#include "terraformstate.h"

#include <QFile>
#include <QFileInfo>

namespace Cloudcraft::Core {

namespace {

// Enough of the start of a file to see its first keys even after a long "outputs" or comment header.
constexpr qsizetype SniffBytes = 64 * 1024;

QString sizeText(qint64 bytes)
{
    const double mb = double(bytes) / (1024.0 * 1024.0);
    return QStringLiteral("%1 MB").arg(mb >= 10 ? QString::number(qRound64(mb)) : QString::number(mb, 'f', 1));
}

InfraReadResult readWith(SourceFormat format, const QByteArray &bytes, const QString &fileName)
{
    switch (format) {
    case SourceFormat::TerraformState:
        return readTerraformState(bytes, fileName);
    case SourceFormat::TerraformPlan:
        return readTerraformPlan(bytes, fileName);
    case SourceFormat::CloudFormation:
        return readCloudFormation(bytes, fileName);
    case SourceFormat::Drawio:
        return readDrawio(bytes, fileName);
    case SourceFormat::Auto:
        break;
    }
    InfraReadResult result;
    result.error = QStringLiteral("%1 is not a format the converter knows (Terraform state or plan JSON, "
                                  "CloudFormation, draw.io); name one with --from.")
                       .arg(displayFileName(fileName));
    return result;
}

} // namespace

SourceFormat detectFormat(const QByteArray &bytes, const QString &fileName)
{
    QByteArray head = bytes.left(SniffBytes).trimmed();
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3).trimmed();
    if (head.startsWith('{')) {
        if (head.contains("\"format_version\""))
            return SourceFormat::TerraformPlan;
        if (head.contains("\"terraform_version\"") || head.contains("\"lineage\""))
            return SourceFormat::TerraformState;
        if (head.contains("\"AWSTemplateFormatVersion\"") || head.contains("\"Resources\""))
            return SourceFormat::CloudFormation;
    } else if (head.startsWith('<')) {
        if (head.contains("<mxfile") || head.contains("<mxGraphModel"))
            return SourceFormat::Drawio;
    } else if (head.contains("AWSTemplateFormatVersion") || head.contains("\nResources:")
               || head.startsWith("Resources:")) {
        return SourceFormat::CloudFormation;
    }
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const QString name = QFileInfo(fileName).fileName().toLower();
    if (suffix == u"tfstate" || name.endsWith(u".tfstate.backup"))
        return SourceFormat::TerraformState;
    if (suffix == u"drawio")
        return SourceFormat::Drawio;
    if (suffix == u"yaml" || suffix == u"yml" || suffix == u"template")
        return SourceFormat::CloudFormation;
    if (suffix == u"json" && (name.contains(u"plan") || name.contains(u"tfplan")))
        return SourceFormat::TerraformPlan;
    return SourceFormat::Auto;
}

QString sourceFormatName(SourceFormat format)
{
    switch (format) {
    case SourceFormat::TerraformState:
        return QStringLiteral("terraform");
    case SourceFormat::TerraformPlan:
        return QStringLiteral("plan");
    case SourceFormat::CloudFormation:
        return QStringLiteral("cloudformation");
    case SourceFormat::Drawio:
        return QStringLiteral("drawio");
    case SourceFormat::Auto:
        break;
    }
    return QStringLiteral("auto");
}

bool parseSourceFormat(const QString &name, SourceFormat *format)
{
    const QString n = name.trimmed().toLower();
    if (n == u"terraform" || n == u"state" || n == u"tfstate")
        *format = SourceFormat::TerraformState;
    else if (n == u"plan" || n == u"terraform-plan")
        *format = SourceFormat::TerraformPlan;
    else if (n == u"cloudformation" || n == u"cfn")
        *format = SourceFormat::CloudFormation;
    else if (n == u"drawio" || n == u"draw.io")
        *format = SourceFormat::Drawio;
    else if (n == u"auto" || n.isEmpty())
        *format = SourceFormat::Auto;
    else
        return false;
    return true;
}

ConversionResult convertBytes(const QByteArray &bytes, const QString &fileName, SourceFormat format,
                              const ComposeOptions &options)
{
    ConversionResult result;
    if (bytes.size() > MaxConvertInputBytes) {
        result.error = QStringLiteral("%1 is %2; the converter reads files up to 100 MB.")
                           .arg(displayFileName(fileName), sizeText(bytes.size()));
        return result;
    }
    if (bytes.trimmed().isEmpty()) {
        result.error = QStringLiteral("%1 is empty; there is nothing to convert.").arg(displayFileName(fileName));
        return result;
    }
    const SourceFormat effective = format == SourceFormat::Auto ? detectFormat(bytes, fileName) : format;
    const InfraReadResult read = readWith(effective, bytes, fileName);
    if (!read.ok()) {
        result.error = read.error;
        return result;
    }
    ComposeOptions compose = options;
    if (compose.name.isEmpty())
        compose.name = QFileInfo(fileName).completeBaseName();
    result = composeBlueprint(read.model, compose);
    return result;
}

ConversionResult convertFile(const QString &path, SourceFormat format, const ComposeOptions &options)
{
    ConversionResult result;
    const QString file = displayFileName(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("%1 does not exist.").arg(path);
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1 is a folder; give the file to convert.").arg(path);
        return result;
    }
    // Checked before reading so a huge file is refused without loading it.
    if (info.size() > MaxConvertInputBytes) {
        result.error = QStringLiteral("%1 is %2; the converter reads files up to 100 MB.").arg(file, sizeText(info.size()));
        return result;
    }
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1 cannot be read: %2.").arg(file, input.errorString());
        return result;
    }
    const QByteArray bytes = input.read(MaxConvertInputBytes + 1);
    if (input.error() != QFileDevice::NoError) {
        result.error = QStringLiteral("%1 cannot be read: %2.").arg(file, input.errorString());
        return result;
    }
    return convertBytes(bytes, path, format, options);
}

} // namespace Cloudcraft::Core
