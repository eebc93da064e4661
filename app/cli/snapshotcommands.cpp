// snapshot take|list|show|name|note|rm|prune|export|gc: the local snapshot history (src/history).

#include "clicontext.h"
#include "commands.h"
#include "exportoptions.h"

#include "history/snapshotselector.h"
#include "history/snapshotstore.h"
#include "history/snapshottaker.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

ExitCode historyFail(CliContext &ctx, const HistoryError &error)
{
    ctx.out().error(error.message);
    switch (error.kind) {
    case HistoryError::Kind::None:
        return ExitCode::Success;
    case HistoryError::Kind::InvalidArgument:
        return ExitCode::Usage;
    case HistoryError::Kind::NotFound:
        return ExitCode::NotFound;
    case HistoryError::Kind::DiskFull:
    case HistoryError::Kind::Locked:
    case HistoryError::Kind::Corrupt:
    case HistoryError::Kind::TooNew:
    case HistoryError::Kind::Io:
        break;
    }
    return ExitCode::LocalFile;
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 0, QLocale::DataSizeTraditionalFormat);
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString filesText(const SnapshotRecord &r)
{
    QStringList parts;
    for (const SnapshotFile &f : r.files)
        parts << QStringLiteral("%1 %2").arg(f.role.toUpper(), sizeText(f.size));
    return parts.join(QStringLiteral(", "));
}

/// `30d`, `12h`, `2w`, `90min`, `45s`; a bare number is days.
std::optional<std::chrono::seconds> parseAge(const QString &text)
{
    static const QList<std::pair<QString, qint64>> units{
        {QStringLiteral("min"), 60}, {QStringLiteral("s"), 1}, {QStringLiteral("h"), 3600},
        {QStringLiteral("d"), 86400}, {QStringLiteral("w"), 7 * 86400}};
    QString number = text.trimmed().toLower();
    qint64 unit = 86400;
    for (const auto &[suffix, seconds] : units) {
        if (number.endsWith(suffix)) {
            number.chop(suffix.size());
            unit = seconds;
            break;
        }
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok || value < 0 || value > 100LL * 365)
        return std::nullopt;
    return std::chrono::seconds(value * unit);
}

class SnapshotCommands final
{
public:
    explicit SnapshotCommands(CliContext &ctx)
        : m_ctx(ctx)
        , m_store(SnapshotStore::defaultRoot())
    {
    }

    ExitCode open()
    {
        if (const HistoryError error = m_store.open())
            return historyFail(m_ctx, error);
        return ExitCode::Success;
    }

    ExitCode take(const QString &reference)
    {
        QString why;
        auto source = SnapshotSource::parse(reference, &why);
        if (!source)
            return m_ctx.usage(why);
        TakeOptions options;
        options.svg = m_ctx.isSet(QStringLiteral("svg"));
        if (const ExitCode code = readSnapshotOptions(m_ctx, options.render); code != ExitCode::Success)
            return code;
        if (const ExitCode code = m_ctx.connect(); code != ExitCode::Success)
            return code;
        source->profile = m_ctx.profileName();

        SnapshotTaker taker(&m_ctx.api());
        TakeResult result;
        QEventLoop loop;
        QObject::connect(&taker, &SnapshotTaker::progress, &loop, [this](const QString &message) {
            m_ctx.out().progress(message);
        });
        QObject::connect(&taker, &SnapshotTaker::callFinished, &loop,
                         [this](const QString &method, const QString &path, int status, int attempts) {
                             m_ctx.out().debug(QStringLiteral("%1 %2 -> %3 (%4 attempt(s))").arg(method, path).arg(status).arg(attempts));
                         });
        QObject::connect(&taker, &SnapshotTaker::finished, &loop, [&](const TakeResult &r) {
            result = r;
            loop.quit();
        });
        taker.take(*source, options);
        loop.exec();
        m_ctx.out().endProgress();
        if (!result.ok())
            return m_ctx.fail(result.error);

        NewSnapshot snapshot = result.snapshot;
        snapshot.name = m_ctx.value(QStringLiteral("name")).trimmed();
        snapshot.note = m_ctx.value(QStringLiteral("note"));
        const auto added = m_store.add(snapshot);
        if (!added.ok())
            return historyFail(m_ctx, added.error);
        if (m_ctx.out().json()) {
            m_ctx.out().printJson(added.value.toJson());
            return ExitCode::Success;
        }
        const SnapshotRecord &r = added.value;
        m_ctx.out().data(QStringLiteral("Saved snapshot %1 of %2%3 (%4).")
                             .arg(r.id)
                             .arg(r.source.reference(), r.title.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(r.title),
                                  filesText(r)));
        return ExitCode::Success;
    }

    ExitCode list(const QStringList &args)
    {
        std::optional<SnapshotSource> filter;
        if (!args.isEmpty()) {
            QString why;
            filter = SnapshotSource::parse(args.first(), &why, true);
            if (!filter)
                return m_ctx.usage(why);
        }
        // Every profile's snapshots unless one was asked for.
        const QString profile = m_ctx.isSet(QStringLiteral("profile")) ? m_ctx.value(QStringLiteral("profile")) : QString();
        const auto records = m_store.list(filter, profile);
        if (!records.ok())
            return historyFail(m_ctx, records.error);
        if (m_ctx.out().json()) {
            QJsonArray array;
            for (const SnapshotRecord &r : records.value)
                array.append(r.toJson());
            m_ctx.out().printJson(array);
            return ExitCode::Success;
        }
        QList<QStringList> rows;
        for (const SnapshotRecord &r : records.value)
            rows.append({QString::number(r.id), localTime(r.takenAt), r.source.reference(), r.name, r.title,
                         r.file(u"png") ? r.file(u"png")->sha256.left(12) : QString()});
        m_ctx.out().table({QStringLiteral("ID"), QStringLiteral("TAKEN"), QStringLiteral("SOURCE"), QStringLiteral("NAME"),
                           QStringLiteral("TITLE"), QStringLiteral("PNG SHA-256")},
                          rows);
        return ExitCode::Success;
    }

    std::optional<SnapshotRecord> find(const QString &selector, ExitCode *code)
    {
        auto found = SnapshotSelector::find(m_store, selector);
        if (!found.ok()) {
            *code = historyFail(m_ctx, found.error);
            return std::nullopt;
        }
        return found.value;
    }

    ExitCode show(const QString &selector)
    {
        ExitCode code = ExitCode::Success;
        const auto r = find(selector, &code);
        if (!r)
            return code;
        if (m_ctx.out().json()) {
            m_ctx.out().printJson(r->toJson());
            return ExitCode::Success;
        }
        QList<QStringList> fields{{QStringLiteral("ID"), QString::number(r->id)},
                                  {QStringLiteral("Source"), r->source.reference()},
                                  {QStringLiteral("Profile"), r->source.profile},
                                  {QStringLiteral("Title"), r->title},
                                  {QStringLiteral("Taken"), localTime(r->takenAt)},
                                  {QStringLiteral("Updated"), localTime(r->updatedAt)},
                                  {QStringLiteral("Name"), r->name},
                                  {QStringLiteral("Note"), r->note}};
        for (const SnapshotFile &f : r->files)
            fields.append({f.role.toUpper(), QStringLiteral("%1  %2  %3").arg(sizeText(f.size), f.sha256, f.path)});
        m_ctx.out().table({QStringLiteral("FIELD"), QStringLiteral("VALUE")}, fields);
        return ExitCode::Success;
    }

    ExitCode name(const QString &selector, const QString &newName, bool isNote)
    {
        ExitCode code = ExitCode::Success;
        const auto r = find(selector, &code);
        if (!r)
            return code;
        const HistoryError error = isNote ? m_store.setNote(r->id, newName) : m_store.rename(r->id, newName);
        if (error)
            return historyFail(m_ctx, error);
        if (isNote)
            m_ctx.out().info(QStringLiteral("Changed the note of snapshot %1.").arg(r->id));
        else if (newName.trimmed().isEmpty())
            m_ctx.out().info(QStringLiteral("Snapshot %1 has no name now; prune may remove it.").arg(r->id));
        else
            m_ctx.out().info(QStringLiteral("Named snapshot %1 \"%2\"; prune keeps it.").arg(r->id).arg(newName.trimmed()));
        return ExitCode::Success;
    }

    ExitCode remove(const QStringList &selectors)
    {
        QList<SnapshotRecord> doomed;
        for (const QString &selector : selectors) {
            ExitCode code = ExitCode::Success;
            const auto r = find(selector, &code);
            if (!r)
                return code;
            doomed.append(*r);
        }
        QStringList ids;
        for (const SnapshotRecord &r : doomed)
            ids << QString::number(r.id);
        if (const ExitCode code = m_ctx.confirm(QStringLiteral("Delete snapshot(s) %1?").arg(ids.join(QStringLiteral(", "))));
            code != ExitCode::Success)
            return code;
        CleanupReport total;
        for (const SnapshotRecord &r : doomed) {
            const auto removed = m_store.remove(r.id);
            if (!removed.ok())
                return historyFail(m_ctx, removed.error);
            total.snapshotsRemoved += removed.value.snapshotsRemoved;
            total.bytesFreed += removed.value.bytesFreed;
        }
        m_ctx.out().info(QStringLiteral("Deleted %1 snapshot(s); %2 freed.").arg(total.snapshotsRemoved).arg(sizeText(total.bytesFreed)));
        return ExitCode::Success;
    }

    ExitCode prune(const QStringList &args)
    {
        PruneRule rule;
        if (!args.isEmpty()) {
            QString why;
            rule.only = SnapshotSource::parse(args.first(), &why, true);
            if (!rule.only)
                return m_ctx.usage(why);
        }
        if (m_ctx.isSet(QStringLiteral("keep"))) {
            bool ok = false;
            const int keep = m_ctx.value(QStringLiteral("keep")).toInt(&ok);
            if (!ok || keep < 0)
                return m_ctx.usage(QStringLiteral("--keep takes a whole number of snapshots (0 or more)."));
            rule.keep = keep;
        }
        if (m_ctx.isSet(QStringLiteral("older-than"))) {
            rule.olderThan = parseAge(m_ctx.value(QStringLiteral("older-than")));
            if (!rule.olderThan)
                return m_ctx.usage(QStringLiteral("--older-than takes an age such as 30d, 12h, 2w or 90min."));
        }
        if (!rule.keep && !rule.olderThan)
            return m_ctx.usage(QStringLiteral("`snapshot prune` needs --keep N, --older-than AGE or both."));
        if (const ExitCode code = m_ctx.confirm(QStringLiteral("Delete the unnamed snapshots these rules select?"));
            code != ExitCode::Success)
            return code;
        const auto pruned = m_store.prune(rule);
        if (!pruned.ok())
            return historyFail(m_ctx, pruned.error);
        if (m_ctx.out().json())
            m_ctx.out().printJson(QJsonObject{{QStringLiteral("removed"), pruned.value.snapshotsRemoved},
                                              {QStringLiteral("filesRemoved"), pruned.value.filesRemoved},
                                              {QStringLiteral("bytesFreed"), double(pruned.value.bytesFreed)}});
        else
            m_ctx.out().info(QStringLiteral("Pruned %1 snapshot(s); %2 freed.")
                                 .arg(pruned.value.snapshotsRemoved)
                                 .arg(sizeText(pruned.value.bytesFreed)));
        return ExitCode::Success;
    }

    ExitCode exportTo(const QString &selector)
    {
        const QString dir = m_ctx.value(QStringLiteral("output"));
        if (dir.isEmpty() || dir == u"-")
            return m_ctx.usage(QStringLiteral("`snapshot export` needs --output DIR."));
        ExitCode code = ExitCode::Success;
        const auto r = find(selector, &code);
        if (!r)
            return code;
        if (!QDir().mkpath(dir))
            return m_ctx.localFileError(QStringLiteral("Cannot create the directory %1.").arg(dir));
        QJsonArray written;
        for (const SnapshotFile &f : r->files) {
            const auto bytes = m_store.read(f);
            if (!bytes.ok())
                return historyFail(m_ctx, bytes.error);
            const QString path = QDir(dir).filePath(QStringLiteral("snapshot-%1.%2").arg(r->id).arg(f.role));
            if (const ExitCode c = m_ctx.writeFile(path, bytes.value); c != ExitCode::Success)
                return c;
            written.append(path);
            if (!m_ctx.out().json())
                m_ctx.out().info(QStringLiteral("Wrote %1 (%2).").arg(path, sizeText(f.size)));
        }
        if (m_ctx.out().json())
            m_ctx.out().printJson(written);
        return ExitCode::Success;
    }

    ExitCode collectGarbage()
    {
        const auto swept = m_store.collectGarbage();
        if (!swept.ok())
            return historyFail(m_ctx, swept.error);
        m_ctx.out().info(QStringLiteral("Removed %1 unused file(s); %2 freed.")
                             .arg(swept.value.filesRemoved)
                             .arg(sizeText(swept.value.bytesFreed)));
        return ExitCode::Success;
    }

private:
    CliContext &m_ctx;
    SnapshotStore m_store;
};

} // namespace

void addSnapshotOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption({QStringLiteral("note")}, QStringLiteral("Snapshot note."), QStringLiteral("text")));
    parser.addOption(QCommandLineOption({QStringLiteral("svg")}, QStringLiteral("Also keep the SVG in the snapshot.")));
    parser.addOption(QCommandLineOption({QStringLiteral("keep")}, QStringLiteral("Snapshots to keep per source."), QStringLiteral("n")));
    parser.addOption(QCommandLineOption({QStringLiteral("older-than")}, QStringLiteral("Age such as 30d."), QStringLiteral("age")));
}

QString snapshotHelpText()
{
    return QStringLiteral(R"(  snapshot take REF [--name N] [--note T] [--svg] [image and scan options as above]
                                 save a snapshot in the local history; REF is blueprint:<id>,
                                 aws:<account id>/<region> or azure:<account id>/<region> (live scans wait through 202)
  snapshot list [REF] [--json]   snapshots, newest first (all profiles unless --profile is given)
  snapshot show SEL              one snapshot; SEL is <id>, REF@latest, REF@previous or REF@<name>
  snapshot name SEL NAME         name a snapshot (prune keeps named ones; "" removes the name)
  snapshot note SEL TEXT         change its note
  snapshot rm SEL...             delete snapshots (and the files no other snapshot uses)
  snapshot prune [--keep N] [--older-than AGE] [REF]
                                 per source, delete unnamed snapshots beyond the N newest and/or older than AGE
                                 (30d, 12h, 2w, 90min); also sweeps files left by interrupted runs
  snapshot export SEL --output DIR
                                 write its files as DIR/snapshot-<id>.png|svg|json
  snapshot gc                    delete files no snapshot uses
)");
}

ExitCode runSnapshot(CliContext &ctx, const QString &verb, const QStringList &args)
{
    static const QHash<QString, std::pair<int, int>> arity{
        {QStringLiteral("take"), {1, 1}},  {QStringLiteral("list"), {0, 1}}, {QStringLiteral("show"), {1, 1}},
        {QStringLiteral("name"), {2, 2}},  {QStringLiteral("note"), {2, 2}}, {QStringLiteral("rm"), {1, 1000}},
        {QStringLiteral("prune"), {0, 1}}, {QStringLiteral("export"), {1, 1}}, {QStringLiteral("gc"), {0, 0}}};
    if (!arity.contains(verb))
        return ctx.usage(QStringLiteral("Unknown command `snapshot %1`; see cloudcraft-cli --help.").arg(verb));
    const auto [least, most] = arity.value(verb);
    if (args.size() < least || args.size() > most)
        return ctx.usage(QStringLiteral("Wrong number of arguments for `snapshot %1`; see cloudcraft-cli --help.").arg(verb));
    SnapshotCommands commands(ctx);
    if (const ExitCode code = commands.open(); code != ExitCode::Success)
        return code;
    if (verb == u"take")
        return commands.take(args[0]);
    if (verb == u"list")
        return commands.list(args);
    if (verb == u"show")
        return commands.show(args[0]);
    if (verb == u"name" || verb == u"note")
        return commands.name(args[0], args[1], verb == u"note");
    if (verb == u"rm")
        return commands.remove(args);
    if (verb == u"prune")
        return commands.prune(args);
    if (verb == u"export")
        return commands.exportTo(args[0]);
    return commands.collectGarbage();
}

} // namespace Cloudcraft::Cli
