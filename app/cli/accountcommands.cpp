// aws list|show|add|update|remove|snapshot|iam-params and azure list|show|add|update|remove|snapshot.

#include "clicontext.h"
#include "commands.h"
#include "exportoptions.h"
#include "terminal.h"

#include "api/apiparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

enum class Provider { Aws, Azure };

QString providerName(Provider p)
{
    return p == Provider::Aws ? QStringLiteral("AWS") : QStringLiteral("Azure");
}

/// One listed account reduced to what the commands print.
struct AccountRow
{
    QString id;
    QStringList cells;
    QJsonObject raw;
    AwsAccount aws;
    AzureAccount azure;
};

std::optional<QList<AccountRow>> listAccounts(CliContext &ctx, Provider provider, ExitCode *code)
{
    const CallResult r = ctx.run(provider == Provider::Aws ? ctx.api().listAwsAccounts(Priority::Interactive)
                                                           : ctx.api().listAzureAccounts(Priority::Interactive));
    if (!r.ok()) {
        *code = ctx.fail(r.error);
        return std::nullopt;
    }
    QList<AccountRow> rows;
    if (provider == Provider::Aws) {
        const auto parsed = ApiParse::awsAccounts(r.json);
        if (!parsed.ok()) {
            *code = ctx.fail(parsed.error);
            return std::nullopt;
        }
        for (const AwsAccount &a : parsed.value)
            rows.append({a.id, {a.id, a.name, a.roleArn, a.externalId}, a.raw, a, {}});
    } else {
        const auto parsed = ApiParse::azureAccounts(r.json);
        if (!parsed.ok()) {
            *code = ctx.fail(parsed.error);
            return std::nullopt;
        }
        for (const AzureAccount &a : parsed.value)
            rows.append({a.id, {a.id, a.name, a.subscriptionId, a.applicationId}, a.raw, {}, a});
    }
    return rows;
}

QStringList headers(Provider provider)
{
    if (provider == Provider::Aws)
        return {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ROLE ARN"), QStringLiteral("EXTERNAL ID")};
    return {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("SUBSCRIPTION"), QStringLiteral("APPLICATION")};
}

ExitCode list(CliContext &ctx, Provider provider)
{
    ExitCode code = ExitCode::Success;
    const auto rows = listAccounts(ctx, provider, &code);
    if (!rows)
        return code;
    if (ctx.out().json()) {
        QJsonArray array;
        for (const AccountRow &row : *rows)
            array.append(row.raw);
        ctx.out().printJson(array);
        return ExitCode::Success;
    }
    QList<QStringList> cells;
    for (const AccountRow &row : *rows)
        cells.append(row.cells);
    ctx.out().table(headers(provider), cells);
    return ExitCode::Success;
}

std::optional<AccountRow> findAccount(CliContext &ctx, Provider provider, const QString &id, ExitCode *code)
{
    const auto rows = listAccounts(ctx, provider, code);
    if (!rows)
        return std::nullopt;
    for (const AccountRow &row : *rows) {
        if (row.id == id)
            return row;
    }
    ctx.out().error(QStringLiteral("No %1 account with id %2 is linked.").arg(providerName(provider), id));
    *code = ExitCode::NotFound;
    return std::nullopt;
}

ExitCode show(CliContext &ctx, Provider provider, const QString &id)
{
    ExitCode code = ExitCode::Success;
    const auto row = findAccount(ctx, provider, id, &code);
    if (!row)
        return code;
    if (ctx.out().json()) {
        ctx.out().printJson(row->raw);
        return ExitCode::Success;
    }
    QList<QStringList> fields;
    for (auto it = row->raw.constBegin(); it != row->raw.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items << item.toString();
            text = items.join(u',');
        } else {
            text = v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        }
        fields.append({it.key(), text});
    }
    ctx.out().table({QStringLiteral("FIELD"), QStringLiteral("VALUE")}, fields);
    return ExitCode::Success;
}

std::optional<QStringList> accessList(CliContext &ctx, const QString &option)
{
    if (!ctx.isSet(option))
        return std::nullopt;
    return ctx.value(option).split(u',', Qt::SkipEmptyParts);
}

/// The Azure client secret is a secret like the API key: stdin or a hidden prompt, never an argument.
QString readClientSecret(CliContext &ctx)
{
    return ctx.out().stdinIsTerminal() ? Terminal::readHiddenLine(QStringLiteral("Azure client secret: "))
                                       : Terminal::readStdin();
}

ExitCode printAccount(CliContext &ctx, const CallResult &r, const QString &verbDone)
{
    const QJsonObject o = r.json.toObject();
    if (ctx.out().json())
        ctx.out().printJson(o);
    else
        ctx.out().data(QStringLiteral("%1 account %2 \"%3\".")
                           .arg(verbDone, ApiParse::idString(o.value(QLatin1String("id"))),
                                o.value(QLatin1String("name")).toString()));
    return ExitCode::Success;
}

ExitCode add(CliContext &ctx, Provider provider)
{
    const QString name = ctx.value(QStringLiteral("name"));
    if (name.isEmpty())
        return ctx.usage(QStringLiteral("--name is required."));
    if (provider == Provider::Aws) {
        AwsAccountInput input{name, ctx.value(QStringLiteral("role-arn")), std::nullopt,
                              accessList(ctx, QStringLiteral("read-access")), accessList(ctx, QStringLiteral("write-access"))};
        if (input.roleArn.isEmpty())
            return ctx.usage(QStringLiteral("--role-arn is required (see `cloudcraft-cli aws iam-params`)."));
        if (ctx.isSet(QStringLiteral("region")))
            input.region = ctx.value(QStringLiteral("region"));
        const CallResult r = ctx.run(ctx.api().addAwsAccount(input));
        return r.ok() ? printAccount(ctx, r, QStringLiteral("Added AWS")) : ctx.fail(r.error, true);
    }
    AzureAccountInput input{name,
                            ctx.value(QStringLiteral("application-id")),
                            ctx.value(QStringLiteral("directory-id")),
                            ctx.value(QStringLiteral("subscription-id")),
                            std::nullopt,
                            accessList(ctx, QStringLiteral("read-access")),
                            accessList(ctx, QStringLiteral("write-access"))};
    if (input.applicationId.isEmpty() || input.directoryId.isEmpty() || input.subscriptionId.isEmpty())
        return ctx.usage(QStringLiteral("--application-id, --directory-id and --subscription-id are required."));
    const QString secret = readClientSecret(ctx);
    if (secret.isEmpty())
        return ctx.usage(QStringLiteral("No client secret was given: pipe it on stdin or type it at the prompt."));
    input.clientSecret = secret;
    const CallResult r = ctx.run(ctx.api().addAzureAccount(input));
    return r.ok() ? printAccount(ctx, r, QStringLiteral("Added Azure")) : ctx.fail(r.error, true);
}

ExitCode update(CliContext &ctx, Provider provider, const QString &id)
{
    ExitCode code = ExitCode::Success;
    // The API replaces the whole account: start from what is there and change what was given.
    const auto current = findAccount(ctx, provider, id, &code);
    if (!current)
        return code;
    const auto pick = [&ctx](const QString &option, const QString &fallback) {
        return ctx.isSet(option) ? ctx.value(option) : fallback;
    };
    CallResult r;
    if (provider == Provider::Aws) {
        AwsAccountInput input{pick(QStringLiteral("name"), current->aws.name),
                              pick(QStringLiteral("role-arn"), current->aws.roleArn), std::nullopt,
                              accessList(ctx, QStringLiteral("read-access")), accessList(ctx, QStringLiteral("write-access"))};
        r = ctx.run(ctx.api().updateAwsAccount(id, input));
    } else {
        AzureAccountInput input{pick(QStringLiteral("name"), current->azure.name),
                                pick(QStringLiteral("application-id"), current->azure.applicationId),
                                pick(QStringLiteral("directory-id"), current->azure.directoryId),
                                pick(QStringLiteral("subscription-id"), current->azure.subscriptionId),
                                std::nullopt,
                                accessList(ctx, QStringLiteral("read-access")),
                                accessList(ctx, QStringLiteral("write-access"))};
        if (ctx.isSet(QStringLiteral("new-secret"))) {
            const QString secret = readClientSecret(ctx);
            if (secret.isEmpty())
                return ctx.usage(QStringLiteral("--new-secret was given but no secret arrived on stdin."));
            input.clientSecret = secret;
        }
        r = ctx.run(ctx.api().updateAzureAccount(id, input));
    }
    if (!r.ok())
        return ctx.fail(r.error, true);
    if (r.json.isObject())
        return printAccount(ctx, r, QStringLiteral("Updated %1").arg(providerName(provider)));
    ctx.out().info(QStringLiteral("Updated %1 account %2.").arg(providerName(provider), id));
    return ExitCode::Success;
}

ExitCode remove(CliContext &ctx, Provider provider, const QString &id)
{
    if (const ExitCode code = ctx.confirm(QStringLiteral("Unlink %1 account %2 from Cloudcraft?").arg(providerName(provider), id));
        code != ExitCode::Success)
        return code;
    const CallResult r = ctx.run(provider == Provider::Aws ? ctx.api().removeAwsAccount(id)
                                                           : ctx.api().removeAzureAccount(id));
    if (!r.ok())
        return ctx.fail(r.error, true);
    ctx.out().info(QStringLiteral("Removed %1 account %2.").arg(providerName(provider), id));
    return ExitCode::Success;
}

ExitCode snapshot(CliContext &ctx, Provider provider, const QString &id, const QString &region)
{
    const QString format = ctx.value(QStringLiteral("format")).toLower();
    const QString output = ctx.value(QStringLiteral("output"));
    if (format.isEmpty() || output.isEmpty())
        return ctx.usage(QStringLiteral("`snapshot` needs --format and --output (\"-\" for stdout)."));
    const auto exportFormat = exportFormatFromName(format);
    if (!exportFormat || *exportFormat == ExportFormat::Webp)
        return ctx.usage(QStringLiteral("Unknown format \"%1\"; use png, svg, pdf, json or mxgraph.").arg(format));
    SnapshotOptions options;
    if (const ExitCode code = readSnapshotOptions(ctx, options); code != ExitCode::Success)
        return code;
    ctx.out().progress(QStringLiteral("Scanning %1 %2…").arg(providerName(provider), region));
    const CallResult r = ctx.run(provider == Provider::Aws
                                     ? ctx.api().snapshotAwsAccount(id, region, *exportFormat, options)
                                     : ctx.api().snapshotAzureAccount(id, region, *exportFormat, options));
    if (!r.ok())
        return ctx.fail(r.error);
    if (const ExitCode code = ctx.writeFile(output, r.body); code != ExitCode::Success)
        return code;
    if (output == u"-")
        return ExitCode::Success;
    if (ctx.out().json())
        ctx.out().printJson(QJsonObject{{QStringLiteral("file"), output},
                                        {QStringLiteral("format"), format},
                                        {QStringLiteral("bytes"), double(r.body.size())}});
    else
        ctx.out().info(QStringLiteral("Wrote %1 (%2 bytes).").arg(output).arg(r.body.size()));
    return ExitCode::Success;
}

ExitCode iamParams(CliContext &ctx)
{
    if (ctx.isSet(QStringLiteral("policy"))) {
        const QString kind = ctx.value(QStringLiteral("policy")).toLower();
        if (kind != u"custom" && kind != u"minimal")
            return ctx.usage(QStringLiteral("--policy must be custom or minimal."));
        const CallResult r = ctx.run(
            ctx.api().awsIamPolicy(kind == u"custom" ? IamPolicyKind::Custom : IamPolicyKind::Minimal));
        if (!r.ok())
            return ctx.fail(r.error);
        // A policy is a JSON document in every mode: it is meant to be pasted into AWS.
        ctx.out().printJson(r.json);
        return ExitCode::Success;
    }
    const CallResult r = ctx.run(ctx.api().awsIamParameters());
    const auto parsed = r.ok() ? ApiParse::iamParameters(r.json) : ApiResult<IamParameters>{{}, r.error};
    if (!parsed.ok())
        return ctx.fail(parsed.error);
    if (ctx.out().json()) {
        ctx.out().printJson(parsed.value.raw);
        return ExitCode::Success;
    }
    ctx.out().table({QStringLiteral("FIELD"), QStringLiteral("VALUE")},
                    {{QStringLiteral("Cloudcraft AWS account"), parsed.value.accountId},
                     {QStringLiteral("External ID"), parsed.value.externalId},
                     {QStringLiteral("Console URL"), parsed.value.awsConsoleUrl}});
    return ExitCode::Success;
}

ExitCode runAccounts(CliContext &ctx, Provider provider, const QString &verb, const QStringList &args)
{
    const QString group = provider == Provider::Aws ? QStringLiteral("aws") : QStringLiteral("azure");
    QHash<QString, int> arity{{QStringLiteral("list"), 0},   {QStringLiteral("show"), 1},
                              {QStringLiteral("add"), 0},    {QStringLiteral("update"), 1},
                              {QStringLiteral("remove"), 1}, {QStringLiteral("snapshot"), 2}};
    if (provider == Provider::Aws)
        arity.insert(QStringLiteral("iam-params"), 0);
    if (!arity.contains(verb))
        return ctx.usage(QStringLiteral("Unknown command `%1 %2`; see cloudcraft-cli --help.").arg(group, verb));
    if (args.size() != arity.value(verb))
        return ctx.usage(
            QStringLiteral("`%1 %2` takes %3 argument(s); see cloudcraft-cli --help.").arg(group, verb).arg(arity.value(verb)));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    if (verb == u"list")
        return list(ctx, provider);
    if (verb == u"show")
        return show(ctx, provider, args[0]);
    if (verb == u"add")
        return add(ctx, provider);
    if (verb == u"update")
        return update(ctx, provider, args[0]);
    if (verb == u"remove")
        return remove(ctx, provider, args[0]);
    if (verb == u"snapshot")
        return snapshot(ctx, provider, args[0], args[1]);
    return iamParams(ctx);
}

} // namespace

ExitCode runAws(CliContext &ctx, const QString &verb, const QStringList &args)
{
    return runAccounts(ctx, Provider::Aws, verb, args);
}

ExitCode runAzure(CliContext &ctx, const QString &verb, const QStringList &args)
{
    return runAccounts(ctx, Provider::Azure, verb, args);
}

} // namespace Cloudcraft::Cli
