// convert FILE: Terraform state/plan, CloudFormation and draw.io files into a Cloudcraft blueprint document, written
// to a file and/or uploaded (create, or update guarded by If-Match).

#include "clicontext.h"
#include "commands.h"

#include "api/apiparse.h"
#include "convert/converter.h"
#include "render/schematic/schematicrenderer.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

QString countsText(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.join(QStringLiteral(", "));
}

QJsonObject countsJson(const QMap<QString, int> &counts)
{
    QJsonObject object;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

int total(const QMap<QString, int> &counts)
{
    int sum = 0;
    for (const int count : counts)
        sum += count;
    return sum;
}

QJsonObject summaryJson(const QString &file, const ConversionResult &result)
{
    return QJsonObject { { QStringLiteral("file"), file },
                         { QStringLiteral("format"), result.format },
                         { QStringLiteral("name"), result.blueprint.value(u"name").toString() },
                         { QStringLiteral("nodes"), result.nodeCount },
                         { QStringLiteral("groups"), result.groupCount },
                         { QStringLiteral("edges"), result.edgeCount },
                         { QStringLiteral("unmapped"), countsJson(result.unmapped) },
                         { QStringLiteral("folded"), countsJson(result.folded) },
                         { QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings) } };
}

// The POST/PUT body: the composed document plus the tags asked for.
QJsonObject uploadBody(CliContext &ctx, const QJsonObject &blueprint)
{
    QJsonObject body = blueprint;
    const QString tags = ctx.value(QStringLiteral("tags"));
    if (!tags.isEmpty()) {
        QStringList list = tags.split(u',', Qt::SkipEmptyParts);
        for (QString &tag : list)
            tag = tag.trimmed();
        list.removeAll(QString());
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(list));
    }
    return body;
}

ExitCode upload(CliContext &ctx, const QJsonObject &body, QJsonObject *summary)
{
    const CallResult r = ctx.run(ctx.api().createBlueprint(body, Priority::Interactive));
    const auto bp = r.ok() ? ApiParse::blueprint(r.json, r.etag) : ApiResult<Blueprint> { {}, r.error };
    if (!bp.ok())
        return ctx.fail(bp.error, true);
    summary->insert(QStringLiteral("id"), bp.value.summary.id);
    summary->insert(QStringLiteral("etag"), bp.value.etag);
    if (!ctx.out().json())
        ctx.out().data(QStringLiteral("Created blueprint %1 \"%2\".").arg(bp.value.summary.id, bp.value.name()));
    return ExitCode::Success;
}

ExitCode update(CliContext &ctx, const QString &id, const QJsonObject &body, QJsonObject *summary)
{
    QString etag = ctx.value(QStringLiteral("etag"));
    if (etag.isEmpty()) {
        const CallResult current = ctx.run(ctx.api().getBlueprint(id, Priority::Interactive));
        if (!current.ok())
            return ctx.fail(current.error);
        etag = current.etag;
    }
    const CallResult r = ctx.run(ctx.api().updateBlueprint(id, body, etag));
    if (!r.ok()) {
        if (r.error.kind() == ApiError::Kind::Conflict) {
            ctx.out().error(QStringLiteral("Blueprint %1 was changed on the server since ETag %2, so the converted "
                                           "diagram was not saved over it. Fetch it again (or drop --etag) and "
                                           "convert once more.")
                                .arg(id, etag));
            return ExitCode::Conflict;
        }
        return ctx.fail(r.error, true);
    }
    summary->insert(QStringLiteral("id"), id);
    summary->insert(QStringLiteral("etag"), r.etag);
    if (!ctx.out().json())
        ctx.out().data(QStringLiteral("Updated blueprint %1.").arg(id));
    return ExitCode::Success;
}

} // namespace

void addConvertOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption({ QStringLiteral("from") },
                                        QStringLiteral("convert: input format terraform|plan|cloudformation|drawio."),
                                        QStringLiteral("format")));
    parser.addOption(QCommandLineOption({ QStringLiteral("upload") },
                                        QStringLiteral("convert: create a blueprint from the result.")));
    parser.addOption(QCommandLineOption({ QStringLiteral("update") },
                                        QStringLiteral("convert: replace blueprint ID with the result (If-Match)."),
                                        QStringLiteral("id")));
    parser.addOption(QCommandLineOption({ QStringLiteral("tags") }, QStringLiteral("convert: comma-separated tags."),
                                        QStringLiteral("list")));
    parser.addOption(QCommandLineOption({ QStringLiteral("preview") },
                                        QStringLiteral("convert: write a local schematic of the result (.png or .svg)."),
                                        QStringLiteral("file")));
    parser.addOption(QCommandLineOption({ QStringLiteral("drop-unmapped") },
                                        QStringLiteral("convert: leave unmapped resources out (still listed).")));
}

QString convertHelpText()
{
    return QStringLiteral(R"(  convert FILE [--from terraform|plan|cloudformation|drawio] [--output blueprint.json]
                                 [--upload [--name NAME] [--tags a,b]] [--update ID [--etag E]] [--drop-unmapped]
                                 [--preview FILE.png|FILE.svg]
                                 a Terraform state (format 4), `terraform show -json` plan output, a CloudFormation
                                 template or a draw.io file into a Cloudcraft blueprint (data version 4) with an
                                 automatic layout; planned create/update/delete/replace are coloured (green, amber,
                                 red, purple) and named in the labels; --preview draws it locally (no network, no
                                 export quota). Without --output, --upload or --update the
                                 document goes to stdout. Unreadable input: one sentence, exit 2, nothing written.
)");
}

ExitCode runConvert(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("`convert` takes one file; see cloudcraft-cli --help."));
    SourceFormat format = SourceFormat::Auto;
    if (!parseSourceFormat(ctx.value(QStringLiteral("from")), &format))
        return ctx.usage(QStringLiteral("Unknown --from \"%1\"; use terraform, plan, cloudformation or drawio.")
                             .arg(ctx.value(QStringLiteral("from"))));
    const bool wantUpload = ctx.isSet(QStringLiteral("upload"));
    const QString updateId = ctx.value(QStringLiteral("update"));
    if (wantUpload && !updateId.isEmpty())
        return ctx.usage(QStringLiteral("Use either --upload (a new blueprint) or --update ID, not both."));

    ComposeOptions options;
    options.name = ctx.value(QStringLiteral("name"));
    options.keepUnmapped = !ctx.isSet(QStringLiteral("drop-unmapped"));
    const QString file = args.first();
    // Everything is read and composed before any file is written or request sent: bad input changes nothing.
    const ConversionResult result = convertFile(file, format, options);
    if (!result.ok()) {
        ctx.out().error(result.error);
        return ExitCode::Usage;
    }

    QJsonObject summary = summaryJson(file, result);
    if (!ctx.out().json()) {
        ctx.out().warning(QStringLiteral("Converted %1 (%2): %3 nodes, %4 groups, %5 edges.")
                              .arg(QFileInfo(file).fileName(), result.format)
                              .arg(result.nodeCount)
                              .arg(result.groupCount)
                              .arg(result.edgeCount));
        // Nothing disappears silently: what is not drawn on its own is named, with counts.
        if (!result.folded.isEmpty())
            ctx.out().warning(QStringLiteral("Folded into what they configure (not drawn on their own): %1 (%2).")
                                  .arg(total(result.folded))
                                  .arg(countsText(result.folded)));
        if (!result.unmapped.isEmpty())
            ctx.out().warning(QStringLiteral("Unmapped types: %1.").arg(countsText(result.unmapped)));
        for (const QString &warning : result.warnings)
            ctx.out().debug(warning);
    }

    const QByteArray document = QJsonDocument(result.blueprint).toJson(QJsonDocument::Indented);
    const QString output = ctx.value(QStringLiteral("output"));
    if (!output.isEmpty()) {
        if (const ExitCode code = ctx.writeFile(output, document); code != ExitCode::Success)
            return code;
        summary.insert(QStringLiteral("output"), output);
        if (output != u"-")
            ctx.out().info(QStringLiteral("Wrote %1.").arg(output));
    }

    const QString preview = ctx.value(QStringLiteral("preview"));
    if (!preview.isEmpty()) {
        QByteArray picture;
        if (preview.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
            SchematicRenderer::Options svgOptions;
            svgOptions.fitLabels = true;
            picture = SchematicRenderer::renderSvg(result.blueprint, svgOptions);
        } else {
            SchematicRenderer::Options renderOptions;
            renderOptions.maxSize = QSize(4096, 4096);
            renderOptions.fitLabels = true;
            const SchematicResult rendered = SchematicRenderer::renderPng(result.blueprint, renderOptions);
            if (!rendered.ok())
                return ctx.localFileError(QStringLiteral("Could not draw the preview of %1: %2").arg(file, rendered.error));
            picture = rendered.png;
        }
        if (const ExitCode code = ctx.writeFile(preview, picture); code != ExitCode::Success)
            return code;
        summary.insert(QStringLiteral("preview"), preview);
        ctx.out().info(QStringLiteral("Wrote %1.").arg(preview));
    }

    if (wantUpload || !updateId.isEmpty()) {
        if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
            return code;
        const QJsonObject body = uploadBody(ctx, result.blueprint);
        const ExitCode code = wantUpload ? upload(ctx, body, &summary) : update(ctx, updateId, body, &summary);
        if (code != ExitCode::Success)
            return code;
    } else if (output.isEmpty()) {
        if (ctx.out().json())
            summary.insert(QStringLiteral("blueprint"), result.blueprint);
        else if (!ctx.out().writeRaw(document))
            return ctx.localFileError(QStringLiteral("Could not write to standard output."));
    }
    if (ctx.out().json())
        ctx.out().printJson(summary);
    return ExitCode::Success;
}

} // namespace Cloudcraft::Cli
