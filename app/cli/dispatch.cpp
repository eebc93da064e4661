#include "clicontext.h"
#include "commands.h"

namespace Cloudcraft::Cli {

ExitCode dispatch(CliContext &ctx, const QStringList &positional)
{
    const QString group = positional.value(0);
    if (group == u"backup")
        return runBackup(ctx, positional.mid(1));
    if (group == u"restore")
        return runRestore(ctx, positional.mid(1));
    if (group == u"diff")
        return runDiff(ctx, positional.mid(1));
    if (group == u"convert")
        return runConvert(ctx, positional.mid(1));
    if (group == u"inventory")
        return runInventory(ctx, positional.mid(1));
    const QString verb = positional.value(1);
    const QStringList args = positional.mid(2);
    using Runner = ExitCode (*)(CliContext &, const QString &, const QStringList &);
    static const QList<std::pair<QString, Runner>> groups{
        {QStringLiteral("auth"), runAuth},   {QStringLiteral("profile"), runProfile},
        {QStringLiteral("blueprint"), runBlueprint}, {QStringLiteral("aws"), runAws},
        {QStringLiteral("azure"), runAzure}, {QStringLiteral("team"), runTeam},
        {QStringLiteral("user"), runUser}, {QStringLiteral("snapshot"), runSnapshot}};
    for (const auto &[name, runner] : groups) {
        if (name != group)
            continue;
        if (verb.isEmpty())
            return ctx.usage(QStringLiteral("`%1` needs a command; see cloudcraft-cli --help.").arg(group));
        return runner(ctx, verb, args);
    }
    return ctx.usage(QStringLiteral("Unknown command \"%1\"; see cloudcraft-cli --help.").arg(group));
}

} // namespace Cloudcraft::Cli
