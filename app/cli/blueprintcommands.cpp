// blueprint list|get|export|create|update|delete.

#include "clicontext.h"
#include "commands.h"
#include "exportoptions.h"

#include "api/apiparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

QString isoDate(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

ExitCode list(CliContext &ctx)
{
    const CallResult r = ctx.run(ctx.api().listBlueprints(Priority::Interactive));
    const auto parsed = r.ok() ? ApiParse::blueprintList(r.json) : ApiResult<QList<BlueprintSummary>>{{}, r.error};
    if (!parsed.ok())
        return ctx.fail(parsed.error);
    if (ctx.out().json()) {
        QJsonArray array;
        for (const BlueprintSummary &b : parsed.value)
            array.append(b.raw);
        ctx.out().printJson(array);
        return ExitCode::Success;
    }
    QList<QStringList> rows;
    for (const BlueprintSummary &b : parsed.value)
        rows.append({b.id, b.name, isoDate(b.updatedAt), b.tags.join(u',')});
    ctx.out().table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("UPDATED"), QStringLiteral("TAGS")},
                    rows);
    return ExitCode::Success;
}

ApiResult<Blueprint> fetch(CliContext &ctx, const QString &id)
{
    const CallResult r = ctx.run(ctx.api().getBlueprint(id, Priority::Interactive));
    if (!r.ok())
        return {{}, r.error};
    return ApiParse::blueprint(r.json, r.etag);
}

ExitCode get(CliContext &ctx, const QString &id)
{
    const auto bp = fetch(ctx, id);
    if (!bp.ok())
        return ctx.fail(bp.error);
    if (ctx.isSet(QStringLiteral("output"))) {
        const ExitCode code = ctx.writeFile(ctx.value(QStringLiteral("output")),
                                            QJsonDocument(fullRecord(bp.value)).toJson(QJsonDocument::Indented));
        if (code == ExitCode::Success)
            ctx.out().info(QStringLiteral("Wrote %1.").arg(ctx.value(QStringLiteral("output"))));
        return code;
    }
    if (ctx.out().json()) {
        ctx.out().printJson(fullRecord(bp.value));
        return ExitCode::Success;
    }
    const QJsonObject &data = bp.value.data;
    ctx.out().table({QStringLiteral("FIELD"), QStringLiteral("VALUE")},
                    {{QStringLiteral("ID"), bp.value.summary.id},
                     {QStringLiteral("Name"), bp.value.name()},
                     {QStringLiteral("Updated"), isoDate(bp.value.summary.updatedAt)},
                     {QStringLiteral("ETag"), bp.value.etag},
                     {QStringLiteral("Tags"), bp.value.summary.tags.join(u',')},
                     {QStringLiteral("Nodes"), QString::number(data.value(QLatin1String("nodes")).toArray().size())},
                     {QStringLiteral("Groups"), QString::number(data.value(QLatin1String("groups")).toArray().size())},
                     {QStringLiteral("Edges"), QString::number(data.value(QLatin1String("edges")).toArray().size())}});
    return ExitCode::Success;
}

ExitCode reportWritten(CliContext &ctx, const QString &path, const QString &format, qsizetype bytes)
{
    if (ctx.out().json() && path != u"-")
        ctx.out().printJson(QJsonObject{{QStringLiteral("file"), path},
                                        {QStringLiteral("format"), format},
                                        {QStringLiteral("bytes"), double(bytes)}});
    else if (path != u"-")
        ctx.out().info(QStringLiteral("Wrote %1 (%2 bytes).").arg(path).arg(bytes));
    return ExitCode::Success;
}

ExitCode exportBlueprint(CliContext &ctx, const QString &id)
{
    const QString format = ctx.value(QStringLiteral("format")).toLower();
    const QString output = ctx.value(QStringLiteral("output"));
    if (format.isEmpty() || output.isEmpty())
        return ctx.usage(QStringLiteral("`blueprint export` needs --format and --output (\"-\" for stdout)."));

    CallResult r;
    if (format == u"json") {
        const auto bp = fetch(ctx, id);
        if (!bp.ok())
            return ctx.fail(bp.error);
        r.body = QJsonDocument(fullRecord(bp.value)).toJson(QJsonDocument::Indented);
    } else if (format.startsWith(QStringLiteral("budget-"))) {
        const auto budget = budgetFormatFromName(QStringView(format).mid(7));
        if (!budget)
            return ctx.usage(QStringLiteral("Unknown budget format \"%1\"; use budget-csv or budget-xlsx.").arg(format));
        BudgetOptions options;
        if (const ExitCode code = readBudgetOptions(ctx, options); code != ExitCode::Success)
            return code;
        r = ctx.run(ctx.api().exportBudget(id, *budget, options));
    } else {
        const auto image = exportFormatFromName(format);
        if (!image || *image == ExportFormat::Json || *image == ExportFormat::Webp)
            return ctx.usage(QStringLiteral("Unknown format \"%1\"; use png, svg, pdf, mxgraph, json, budget-csv or "
                                            "budget-xlsx.")
                                 .arg(format));
        ExportOptions options;
        if (const ExitCode code = readExportOptions(ctx, options); code != ExitCode::Success)
            return code;
        r = ctx.run(ctx.api().exportBlueprint(id, *image, options));
    }
    if (!r.ok())
        return ctx.fail(r.error);
    if (const ExitCode code = ctx.writeFile(output, r.body); code != ExitCode::Success)
        return code;
    return reportWritten(ctx, output, format, r.body.size());
}

/// A document file may be a whole record ({"data": ...}) or only the diagram data ({"nodes": ...}).
QJsonObject asDocument(const QJsonObject &file)
{
    if (file.contains(QLatin1String("data")))
        return file;
    return QJsonObject{{QStringLiteral("data"), file}};
}

ExitCode create(CliContext &ctx, const QString &path)
{
    ExitCode code = ExitCode::Success;
    const auto document = ctx.readJsonFile(path, &code);
    if (!document)
        return code;
    const CallResult r = ctx.run(ctx.api().createBlueprint(asDocument(*document)));
    const auto bp = r.ok() ? ApiParse::blueprint(r.json, r.etag) : ApiResult<Blueprint>{{}, r.error};
    if (!bp.ok())
        return ctx.fail(bp.error, true);
    if (ctx.out().json())
        ctx.out().printJson(bp.value.summary.raw);
    else
        ctx.out().data(QStringLiteral("Created blueprint %1 \"%2\".").arg(bp.value.summary.id, bp.value.name()));
    return ExitCode::Success;
}

ExitCode update(CliContext &ctx, const QString &id, const QString &path)
{
    ExitCode code = ExitCode::Success;
    const auto document = ctx.readJsonFile(path, &code);
    if (!document)
        return code;
    QString etag = ctx.value(QStringLiteral("etag"));
    if (etag.isEmpty()) {
        // Without a caller's ETag, guard at least the time between our read and our write.
        const auto current = fetch(ctx, id);
        if (!current.ok())
            return ctx.fail(current.error);
        etag = current.value.etag;
    }
    const CallResult r = ctx.run(ctx.api().updateBlueprint(id, asDocument(*document), etag));
    if (!r.ok()) {
        if (r.error.kind() == ApiError::Kind::Conflict) {
            ctx.out().error(QStringLiteral("Blueprint %1 was changed on the server since ETag %2; it was not "
                                           "updated. Fetch it again and reapply your change.")
                                .arg(id, etag));
            return ExitCode::Conflict;
        }
        return ctx.fail(r.error, true);
    }
    if (ctx.out().json())
        ctx.out().printJson(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("etag"), r.etag}});
    else
        ctx.out().info(QStringLiteral("Updated blueprint %1.").arg(id));
    return ExitCode::Success;
}

ExitCode remove(CliContext &ctx, const QString &id)
{
    if (const ExitCode code = ctx.confirm(QStringLiteral("Delete blueprint %1? This cannot be undone.").arg(id));
        code != ExitCode::Success)
        return code;
    const CallResult r = ctx.run(ctx.api().deleteBlueprint(id));
    if (!r.ok())
        return ctx.fail(r.error, true);
    ctx.out().info(QStringLiteral("Deleted blueprint %1.").arg(id));
    return ExitCode::Success;
}

} // namespace

ExitCode runBlueprint(CliContext &ctx, const QString &verb, const QStringList &args)
{
    static const QHash<QString, int> arity{{QStringLiteral("list"), 0},   {QStringLiteral("get"), 1},
                                           {QStringLiteral("export"), 1}, {QStringLiteral("create"), 1},
                                           {QStringLiteral("update"), 2}, {QStringLiteral("delete"), 1}};
    if (!arity.contains(verb))
        return ctx.usage(
            QStringLiteral("Unknown command `blueprint %1`; use list, get, export, create, update or delete.").arg(verb));
    if (args.size() != arity.value(verb))
        return ctx.usage(QStringLiteral("`blueprint %1` takes %2 argument(s); see cloudcraft-cli --help.")
                             .arg(verb)
                             .arg(arity.value(verb)));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    if (verb == u"list")
        return list(ctx);
    if (verb == u"get")
        return get(ctx, args[0]);
    if (verb == u"export")
        return exportBlueprint(ctx, args[0]);
    if (verb == u"create")
        return create(ctx, args[0]);
    if (verb == u"update")
        return update(ctx, args[0], args[1]);
    return remove(ctx, args[0]);
}

} // namespace Cloudcraft::Cli
