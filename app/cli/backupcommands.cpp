// backup DIR and restore DIR: every blueprint as <id>.json with an index.json that keeps ETag and updatedAt.

#include "clicontext.h"
#include "commands.h"

#include "api/apiparse.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

const QString kIndex = QStringLiteral("index.json");
const QString kEntries = QStringLiteral("blueprints");

/// The index maps blueprint id -> {id, name, updatedAt, etag, file}; kept in server list order.
QJsonObject readIndex(const QDir &dir)
{
    QFile file(dir.filePath(kIndex));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QHash<QString, QJsonObject> entriesById(const QJsonObject &index)
{
    QHash<QString, QJsonObject> entries;
    for (const QJsonValue &v : index.value(kEntries).toArray())
        entries.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
    return entries;
}

QString fileNameFor(const QString &id)
{
    return id + QStringLiteral(".json");
}

ExitCode writeIndex(CliContext &ctx, const QDir &dir, const QJsonArray &entries)
{
    const QJsonObject index{{QStringLiteral("format"), 1},
                            {QStringLiteral("apiUrl"), ctx.profile()->apiUrl.toString()},
                            {QStringLiteral("profile"), ctx.profile()->name},
                            {kEntries, entries}};
    return ctx.writeFile(dir.filePath(kIndex), QJsonDocument(index).toJson(QJsonDocument::Indented));
}

} // namespace

ExitCode runBackup(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("Use `cloudcraft-cli backup DIR`."));
    QDir dir(args.first());
    if (!dir.mkpath(QStringLiteral(".")))
        return ctx.localFileError(QStringLiteral("Cannot create the directory %1.").arg(dir.path()));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;

    const CallResult listed = ctx.run(ctx.api().listBlueprints(Priority::Batch));
    const auto list = listed.ok() ? ApiParse::blueprintList(listed.json)
                                  : ApiResult<QList<BlueprintSummary>>{{}, listed.error};
    if (!list.ok())
        return ctx.fail(list.error);

    const QHash<QString, QJsonObject> previous = entriesById(readIndex(dir));
    QHash<QString, QJsonObject> done = previous;
    int saved = 0;
    int unchanged = 0;
    QJsonArray order;
    const auto indexNow = [&] {
        QJsonArray entries;
        for (const BlueprintSummary &b : list.value) {
            if (done.contains(b.id))
                entries.append(done.value(b.id));
        }
        return entries;
    };
    qsizetype position = 0;
    for (const BlueprintSummary &b : list.value) {
        ++position;
        const QString updatedAt = b.raw.value(QLatin1String("updatedAt")).toString();
        const QJsonObject old = previous.value(b.id);
        if (!old.isEmpty() && old.value(QLatin1String("updatedAt")).toString() == updatedAt
            && QFile::exists(dir.filePath(fileNameFor(b.id)))) {
            ++unchanged;
            continue;
        }
        ctx.out().progress(QStringLiteral("Backing up %1/%2: %3").arg(position).arg(list.value.size()).arg(b.name));
        const CallResult r = ctx.run(ctx.api().getBlueprint(b.id, Priority::Batch));
        const auto bp = r.ok() ? ApiParse::blueprint(r.json, r.etag) : ApiResult<Blueprint>{{}, r.error};
        if (!bp.ok()) {
            // Keep what was saved so far: the next run resumes from here.
            writeIndex(ctx, dir, indexNow());
            return ctx.fail(bp.error);
        }
        const QByteArray json = QJsonDocument(fullRecord(bp.value)).toJson(QJsonDocument::Indented);
        if (const ExitCode code = ctx.writeFile(dir.filePath(fileNameFor(b.id)), json); code != ExitCode::Success) {
            writeIndex(ctx, dir, indexNow());
            return code;
        }
        done.insert(b.id, QJsonObject{{QStringLiteral("id"), b.id},
                                      {QStringLiteral("name"), bp.value.name()},
                                      {QStringLiteral("updatedAt"),
                                       bp.value.summary.raw.value(QLatin1String("updatedAt")).toString(updatedAt)},
                                      {QStringLiteral("etag"), bp.value.etag},
                                      {QStringLiteral("file"), fileNameFor(b.id)}});
        ++saved;
        // The index is rewritten after each blueprint so an interrupted backup resumes where it stopped.
        if (const ExitCode code = writeIndex(ctx, dir, indexNow()); code != ExitCode::Success)
            return code;
    }
    if (const ExitCode code = writeIndex(ctx, dir, indexNow()); code != ExitCode::Success)
        return code;
    if (ctx.out().json())
        ctx.out().printJson(QJsonObject{{QStringLiteral("directory"), dir.path()},
                                        {QStringLiteral("saved"), saved},
                                        {QStringLiteral("unchanged"), unchanged},
                                        {QStringLiteral("total"), int(list.value.size())}});
    else
        ctx.out().info(QStringLiteral("Backed up %1 blueprint(s) to %2 (%3 saved, %4 unchanged).")
                           .arg(list.value.size())
                           .arg(dir.path())
                           .arg(saved)
                           .arg(unchanged));
    return ExitCode::Success;
}

ExitCode runRestore(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("Use `cloudcraft-cli restore DIR`."));
    const QDir dir(args.first());
    const QJsonObject index = readIndex(dir);
    if (!index.value(kEntries).isArray())
        return ctx.localFileError(QStringLiteral("%1 has no readable %2; is it a backup directory?").arg(dir.path(), kIndex));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;

    const CallResult listed = ctx.run(ctx.api().listBlueprints(Priority::Batch));
    const auto list = listed.ok() ? ApiParse::blueprintList(listed.json)
                                  : ApiResult<QList<BlueprintSummary>>{{}, listed.error};
    if (!list.ok())
        return ctx.fail(list.error);
    QSet<QString> existing;
    for (const BlueprintSummary &b : list.value)
        existing.insert(b.id);

    const QJsonArray entries = index.value(kEntries).toArray();
    const qsizetype overwrites = std::count_if(entries.begin(), entries.end(), [&](const QJsonValue &v) {
        return existing.contains(v.toObject().value(QLatin1String("id")).toString());
    });
    if (overwrites > 0) {
        if (const ExitCode code = ctx.confirm(
                QStringLiteral("Restore will overwrite %1 existing blueprint(s) on the server.").arg(overwrites));
            code != ExitCode::Success)
            return code;
    }

    int created = 0;
    int updated = 0;
    QStringList conflicts;
    QJsonArray report;
    ExitCode worst = ExitCode::Success;
    for (const QJsonValue &v : entries) {
        const QJsonObject entry = v.toObject();
        const QString id = entry.value(QLatin1String("id")).toString();
        ExitCode code = ExitCode::Success;
        const auto record = ctx.readJsonFile(dir.filePath(entry.value(QLatin1String("file")).toString(fileNameFor(id))), &code);
        if (!record)
            return code;
        QJsonObject document{{QStringLiteral("data"), record->value(QLatin1String("data"))}};
        for (const QLatin1String field : {QLatin1String("name"), QLatin1String("tags")}) {
            if (record->contains(field) && !record->value(field).isNull())
                document.insert(field, record->value(field));
        }
        ctx.out().progress(QStringLiteral("Restoring %1").arg(entry.value(QLatin1String("name")).toString()));
        QString outcome;
        if (existing.contains(id)) {
            const CallResult r = ctx.run(
                ctx.api().updateBlueprint(id, document, entry.value(QLatin1String("etag")).toString(), Priority::Batch));
            if (r.ok()) {
                ++updated;
                outcome = QStringLiteral("updated");
            } else if (r.error.kind() == ApiError::Kind::Conflict) {
                conflicts << id;
                outcome = QStringLiteral("conflict");
                ctx.out().error(QStringLiteral("Conflict: blueprint %1 \"%2\" was changed on the server since the backup; "
                                               "it was not overwritten.")
                                    .arg(id, entry.value(QLatin1String("name")).toString()));
            } else {
                return ctx.fail(r.error, true);
            }
        } else {
            const CallResult r = ctx.run(ctx.api().createBlueprint(document, Priority::Batch));
            if (!r.ok())
                return ctx.fail(r.error, true);
            ++created;
            outcome = QStringLiteral("created ") + ApiParse::idString(r.json.toObject().value(QLatin1String("id")));
        }
        report.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("result"), outcome}});
    }
    if (!conflicts.isEmpty())
        worst = ExitCode::Conflict;
    if (ctx.out().json())
        ctx.out().printJson(QJsonObject{{QStringLiteral("created"), created},
                                        {QStringLiteral("updated"), updated},
                                        {QStringLiteral("conflicts"), QJsonArray::fromStringList(conflicts)},
                                        {QStringLiteral("blueprints"), report}});
    else
        ctx.out().info(QStringLiteral("Restored from %1: %2 created, %3 updated, %4 conflict(s).")
                           .arg(dir.path())
                           .arg(created)
                           .arg(updated)
                           .arg(conflicts.size()));
    return worst;
}

} // namespace Cloudcraft::Cli
