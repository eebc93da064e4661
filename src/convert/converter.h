#pragma once

#include "blueprintcomposer.h"

#include <QByteArray>
#include <QString>

namespace Cloudcraft::Core {

enum class SourceFormat { Auto, TerraformState, TerraformPlan, CloudFormation, Drawio };

/// The converters read files up to this size; larger ones are refused with a sentence.
inline constexpr qint64 MaxConvertInputBytes = 100LL * 1024 * 1024;

/// Guesses the format from the content (JSON keys, XML root) and then the file name; Auto when unknown.
SourceFormat detectFormat(const QByteArray &bytes, const QString &fileName);

/// "terraform", "plan", "cloudformation", "drawio" (the CLI's --from values); "auto" for Auto.
QString sourceFormatName(SourceFormat format);
/// Parses a --from value; std::nullopt-like: returns false when `name` is not one of them.
bool parseSourceFormat(const QString &name, SourceFormat *format);

/// Reads with the reader for `format` (detected when Auto) and composes. `fileName` names the input in messages.
ConversionResult convertBytes(const QByteArray &bytes, const QString &fileName, SourceFormat format,
                              const ComposeOptions &options);

/// Reads `path` (refusing files over MaxConvertInputBytes with a sentence), then convertBytes.
ConversionResult convertFile(const QString &path, SourceFormat format, const ComposeOptions &options);

} // namespace Cloudcraft::Core
