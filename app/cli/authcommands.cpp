// auth login|logout|status and profile list|add|use|remove.

#include "clicontext.h"
#include "commands.h"
#include "terminal.h"

#include "api/apiparse.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

QString userLine(const User &user)
{
    return user.email.isEmpty() ? user.name : user.name + QStringLiteral(" <") + user.email + u'>';
}

ExitCode login(CliContext &ctx)
{
    CliOutput &out = ctx.out();
    const QString profile = ctx.profileName();
    QString key = out.stdinIsTerminal() ? Terminal::readHiddenLine(QStringLiteral("API key for profile %1: ").arg(profile))
                                        : Terminal::readStdin();
    if (key.isEmpty())
        return ctx.usage(QStringLiteral("No API key was given: pipe it on stdin, e.g. `cloudcraft-cli auth login < "
                                        "keyfile`, or type it at the prompt."));
    if (key.contains(u'\n') || key.contains(u' '))
        return ctx.usage(QStringLiteral("The API key must be a single word on one line."));
    if (const ExitCode code = ctx.connectWithKey(key); code != ExitCode::Success)
        return code;

    const CallResult me = ctx.run(ctx.api().me());
    if (!me.ok())
        return ctx.fail(me.error);
    const auto user = ApiParse::user(me.json);
    if (!user.ok())
        return ctx.fail(user.error);

    // The endpoint given with this login belongs to the profile from now on.
    Profile p = *ctx.profile();
    p.readOnly = false;
    if (auto error = ctx.profiles().save(p))
        return ctx.localFileError(*error);
    const KeyResult saved = ctx.waitFor(ctx.keys().saveKey(profile, key));
    key.fill(QChar(u'\0'));
    if (!saved.ok())
        return ctx.fail(*saved.error);

    if (out.json()) {
        out.printJson(QJsonObject{{QStringLiteral("profile"), profile},
                                  {QStringLiteral("user"), user.value.raw},
                                  {QStringLiteral("storedIn"), keySourceName(saved.source)}});
    } else {
        out.data(QStringLiteral("Signed in as %1 %2 (profile %3)").arg(user.value.name, user.value.email, profile));
    }
    if (saved.source == KeySource::Memory) {
        // For a one-shot process "until you quit" means the key is already gone: say so and fail the run.
        out.warning(saved.notice + QStringLiteral(" Set CLOUDCRAFT_API_KEY to use the CLI without a keychain."));
        return ExitCode::Keychain;
    }
    if (!ctx.keys().environmentKey().isEmpty())
        out.warning(QStringLiteral("Note: CLOUDCRAFT_API_KEY is set and overrides the saved key."));
    return ExitCode::Success;
}

ExitCode logout(CliContext &ctx)
{
    const QString profile = ctx.profileName();
    if (const ExitCode code = ctx.confirm(QStringLiteral("Remove the API key of profile \"%1\" from the keychain?")
                                              .arg(profile));
        code != ExitCode::Success)
        return code;
    const KeyResult result = ctx.waitFor(ctx.keys().forgetKey(profile));
    if (!result.ok())
        return ctx.fail(*result.error);
    ctx.out().info(QStringLiteral("Signed out of profile %1; its key was removed from the keychain.").arg(profile));
    if (!ctx.keys().environmentKey().isEmpty())
        ctx.out().warning(QStringLiteral("Note: CLOUDCRAFT_API_KEY is still set in this environment."));
    return ExitCode::Success;
}

ExitCode status(CliContext &ctx)
{
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    const Profile profile = *ctx.profile();
    const CallResult me = ctx.run(ctx.api().me(Priority::Interactive));
    const auto user = me.ok() ? ApiParse::user(me.json) : ApiResult<User>{{}, me.error};
    const bool readOnly = ctx.profiles().profile(profile.name).value_or(profile).readOnly;
    CliOutput &out = ctx.out();
    if (out.json()) {
        QJsonObject o{{QStringLiteral("profile"), profile.name},
                      {QStringLiteral("apiUrl"), profile.apiUrl.toString()},
                      {QStringLiteral("key"), KeyService::mask(ctx.key())},
                      {QStringLiteral("source"), keySourceName(ctx.keySource())},
                      {QStringLiteral("readOnly"), readOnly}};
        if (user.ok())
            o.insert(QStringLiteral("user"), user.value.raw);
        else
            o.insert(QStringLiteral("error"), user.error.userMessage());
        out.printJson(o);
    } else {
        out.table({QStringLiteral("FIELD"), QStringLiteral("VALUE")},
                  {{QStringLiteral("Profile"), profile.name},
                   {QStringLiteral("API URL"), profile.apiUrl.toString()},
                   {QStringLiteral("Key"), KeyService::mask(ctx.key())},
                   {QStringLiteral("Source"), keySourceName(ctx.keySource())},
                   {QStringLiteral("User"), user.ok() ? userLine(user.value) : QString()},
                   {QStringLiteral("Read-only"), readOnly ? QStringLiteral("yes") : QStringLiteral("no")}});
    }
    return user.ok() ? ExitCode::Success : ctx.fail(user.error);
}

ExitCode profileList(CliContext &ctx)
{
    ProfileStore &store = ctx.profiles();
    const QString current = store.currentProfile();
    QJsonArray json;
    QList<QStringList> rows;
    for (const QString &name : store.profileNames()) {
        const Profile p = *store.profile(name);
        json.append(QJsonObject{{QStringLiteral("name"), p.name},
                                {QStringLiteral("current"), p.name == current},
                                {QStringLiteral("apiUrl"), p.apiUrl.toString()},
                                {QStringLiteral("caFile"), p.caFile},
                                {QStringLiteral("keySaved"), p.keySaved},
                                {QStringLiteral("readOnly"), p.readOnly}});
        rows.append({p.name == current ? QStringLiteral("*") : QStringLiteral(" "), p.name, p.apiUrl.toString(),
                     p.caFile, p.keySaved ? QStringLiteral("yes") : QStringLiteral("no"),
                     p.readOnly ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    if (ctx.out().json())
        ctx.out().printJson(json);
    else
        ctx.out().table({QStringLiteral(" "), QStringLiteral("NAME"), QStringLiteral("API URL"),
                         QStringLiteral("CA FILE"), QStringLiteral("KEY SAVED"), QStringLiteral("READ-ONLY")},
                        rows);
    return ExitCode::Success;
}

ExitCode profileAdd(CliContext &ctx, const QString &name)
{
    if (!ProfileStore::isValidName(name))
        return ctx.usage(QStringLiteral("\"%1\" is not a valid profile name: use letters, digits, '.', '_' or '-'.")
                             .arg(name));
    Profile p = ctx.profiles().profile(name).value_or(Profile{name, ProfileStore::defaultApiUrl(), {}, false, false});
    if (ctx.isSet(QStringLiteral("api-url")))
        p.apiUrl = QUrl(ctx.value(QStringLiteral("api-url")));
    if (ctx.isSet(QStringLiteral("ca-file"))) {
        const QFileInfo ca(ctx.value(QStringLiteral("ca-file")));
        if (!ca.isReadable())
            return ctx.localFileError(QStringLiteral("The CA file %1 cannot be read.").arg(ca.filePath()));
        p.caFile = ca.absoluteFilePath();
    }
    if (auto error = ProfileStore::validateApiUrl(p.apiUrl))
        return ctx.usage(*error);
    if (auto error = ctx.profiles().save(p))
        return ctx.localFileError(*error);
    ctx.out().info(QStringLiteral("Saved profile %1 (%2).").arg(name, p.apiUrl.toString()));
    return ExitCode::Success;
}

ExitCode profileRemove(CliContext &ctx, const QString &name)
{
    if (!ctx.profiles().profile(name))
        return ctx.usage(QStringLiteral("There is no profile named \"%1\".").arg(name));
    if (const ExitCode code = ctx.confirm(QStringLiteral("Remove profile \"%1\" and its saved key?").arg(name));
        code != ExitCode::Success)
        return code;
    const KeyResult forgot = ctx.waitFor(ctx.keys().forgetKey(name));
    if (!forgot.ok())
        return ctx.fail(*forgot.error);
    if (auto error = ctx.profiles().remove(name))
        return ctx.localFileError(*error);
    ctx.out().info(QStringLiteral("Removed profile %1.").arg(name));
    return ExitCode::Success;
}

} // namespace

ExitCode runAuth(CliContext &ctx, const QString &verb, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.usage(QStringLiteral("`auth %1` takes no arguments.").arg(verb));
    if (verb == u"login")
        return login(ctx);
    if (verb == u"logout")
        return logout(ctx);
    if (verb == u"status")
        return status(ctx);
    return ctx.usage(QStringLiteral("Unknown command `auth %1`; use login, logout or status.").arg(verb));
}

ExitCode runProfile(CliContext &ctx, const QString &verb, const QStringList &args)
{
    if (verb == u"list")
        return args.isEmpty() ? profileList(ctx) : ctx.usage(QStringLiteral("`profile list` takes no arguments."));
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("`profile %1` needs exactly one profile name.").arg(verb));
    const QString &name = args.first();
    if (verb == u"add")
        return profileAdd(ctx, name);
    if (verb == u"use") {
        if (auto error = ctx.profiles().setCurrentProfile(name))
            return ctx.usage(*error);
        ctx.out().info(QStringLiteral("Now using profile %1.").arg(name));
        return ExitCode::Success;
    }
    if (verb == u"remove")
        return profileRemove(ctx, name);
    return ctx.usage(QStringLiteral("Unknown command `profile %1`; use list, add, use or remove.").arg(verb));
}

} // namespace Cloudcraft::Cli
