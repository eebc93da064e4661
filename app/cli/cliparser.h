#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Cloudcraft::Cli {

/// Registers every global and per-command option of cloudcraft-cli on `parser`.
void addOptions(QCommandLineParser &parser);
/// The full --help text: groups, verbs, options, exit codes.
QString helpText();
/// Options that would put a secret on the command line (visible to every user in the process list). Returns the
/// offending option name when argv contains one.
std::optional<QString> findSecretOption(const QStringList &arguments);

} // namespace Cloudcraft::Cli
