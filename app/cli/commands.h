#pragma once

#include "exitcode.h"

#include <QStringList>

class QCommandLineParser;

namespace Cloudcraft::Cli {

class CliContext;

/// Runs `<group> <verb> [args]` (the positional arguments after the global options).
ExitCode dispatch(CliContext &ctx, const QStringList &positional);

ExitCode runAuth(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runProfile(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runBlueprint(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runAws(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runAzure(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runTeam(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runUser(CliContext &ctx, const QString &verb, const QStringList &args);
ExitCode runBackup(CliContext &ctx, const QStringList &args);
ExitCode runRestore(CliContext &ctx, const QStringList &args);
/// `snapshot take|list|show|name|note|rm|prune|export|gc`: the local snapshot history.
ExitCode runSnapshot(CliContext &ctx, const QString &verb, const QStringList &args);
/// Registers --note, --svg, --keep, --older-than; and the `snapshot` lines of --help.
void addSnapshotOptions(QCommandLineParser &parser);
QString snapshotHelpText();
/// `diff A B`: exit 0 same, 1 different, 2 any error (its own codes, as CI tools expect).
ExitCode runDiff(CliContext &ctx, const QStringList &args);
/// `convert FILE`: Terraform/CloudFormation/draw.io into a blueprint; exit 2 for input it cannot read.
ExitCode runConvert(CliContext &ctx, const QStringList &args);
/// Registers --from, --upload, --update, --tags, --drop-unmapped; and the `convert` lines of --help.
void addConvertOptions(QCommandLineParser &parser);
QString convertHelpText();
/// `inventory ACCOUNT`: each region's live inventory as files plus index.json, resumable.
ExitCode runInventory(CliContext &ctx, const QStringList &args);
/// Registers --provider and --regions; and the `inventory` lines of --help.
void addInventoryOptions(QCommandLineParser &parser);
QString inventoryHelpText();

} // namespace Cloudcraft::Cli
