// team list and user me.

#include "clicontext.h"
#include "commands.h"

#include "api/apiparse.h"

#include <QJsonArray>

namespace Cloudcraft::Cli {

using namespace Core;

ExitCode runTeam(CliContext &ctx, const QString &verb, const QStringList &args)
{
    if (verb != u"list" || !args.isEmpty())
        return ctx.usage(QStringLiteral("Use `cloudcraft-cli team list`."));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    const CallResult r = ctx.run(ctx.api().teams(Priority::Interactive));
    const auto teams = r.ok() ? ApiParse::teams(r.json) : ApiResult<QList<Team>>{{}, r.error};
    if (!teams.ok())
        return ctx.fail(teams.error);
    if (ctx.out().json()) {
        QJsonArray array;
        for (const Team &t : teams.value)
            array.append(t.raw);
        ctx.out().printJson(array);
        return ExitCode::Success;
    }
    QList<QStringList> rows;
    for (const Team &t : teams.value)
        rows.append({t.id, t.name, t.role, QString::number(t.members.size())});
    ctx.out().table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ROLE"), QStringLiteral("MEMBERS")},
                    rows);
    return ExitCode::Success;
}

ExitCode runUser(CliContext &ctx, const QString &verb, const QStringList &args)
{
    if (verb != u"me" || !args.isEmpty())
        return ctx.usage(QStringLiteral("Use `cloudcraft-cli user me`."));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    const CallResult r = ctx.run(ctx.api().me(Priority::Interactive));
    const auto user = r.ok() ? ApiParse::user(r.json) : ApiResult<User>{{}, r.error};
    if (!user.ok())
        return ctx.fail(user.error);
    if (ctx.out().json()) {
        ctx.out().printJson(user.value.raw);
        return ExitCode::Success;
    }
    ctx.out().table({QStringLiteral("FIELD"), QStringLiteral("VALUE")},
                    {{QStringLiteral("ID"), user.value.id},
                     {QStringLiteral("Name"), user.value.name},
                     {QStringLiteral("Email"), user.value.email},
                     {QStringLiteral("Created"), user.value.createdAt.toUTC().toString(Qt::ISODate)}});
    return ExitCode::Success;
}

} // namespace Cloudcraft::Cli
