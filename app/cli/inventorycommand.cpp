// inventory ACCOUNT: the live inventory of each asked region (the account snapshot endpoint's json format), one
// file per region plus index.json, resumable, with a summary of resource counts by type and region.

#include "clicontext.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

const QStringList &allRegions(const QString &provider)
{
    // Every public region the scanner accepts (China is not supported by Cloudcraft, GovCloud only on request).
    static const QStringList aws{
        QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),      QStringLiteral("us-west-1"),
        QStringLiteral("us-west-2"),      QStringLiteral("af-south-1"),     QStringLiteral("ap-east-1"),
        QStringLiteral("ap-south-1"),     QStringLiteral("ap-south-2"),     QStringLiteral("ap-southeast-1"),
        QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-4"),
        QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"), QStringLiteral("ap-northeast-3"),
        QStringLiteral("ca-central-1"),   QStringLiteral("ca-west-1"),      QStringLiteral("eu-central-1"),
        QStringLiteral("eu-central-2"),   QStringLiteral("eu-west-1"),      QStringLiteral("eu-west-2"),
        QStringLiteral("eu-west-3"),      QStringLiteral("eu-south-1"),     QStringLiteral("eu-south-2"),
        QStringLiteral("eu-north-1"),     QStringLiteral("il-central-1"),   QStringLiteral("me-south-1"),
        QStringLiteral("me-central-1"),   QStringLiteral("sa-east-1")};
    static const QStringList azure{
        QStringLiteral("eastus"),         QStringLiteral("eastus2"),          QStringLiteral("westus"),
        QStringLiteral("westus2"),        QStringLiteral("westus3"),          QStringLiteral("centralus"),
        QStringLiteral("northcentralus"), QStringLiteral("southcentralus"),   QStringLiteral("westcentralus"),
        QStringLiteral("canadacentral"),  QStringLiteral("canadaeast"),       QStringLiteral("brazilsouth"),
        QStringLiteral("northeurope"),    QStringLiteral("westeurope"),       QStringLiteral("uksouth"),
        QStringLiteral("ukwest"),         QStringLiteral("francecentral"),    QStringLiteral("germanywestcentral"),
        QStringLiteral("norwayeast"),     QStringLiteral("switzerlandnorth"), QStringLiteral("swedencentral"),
        QStringLiteral("eastasia"),       QStringLiteral("southeastasia"),    QStringLiteral("japaneast"),
        QStringLiteral("japanwest"),      QStringLiteral("koreacentral"),     QStringLiteral("australiaeast"),
        QStringLiteral("australiasoutheast"), QStringLiteral("centralindia"), QStringLiteral("southindia"),
        QStringLiteral("uaenorth"),       QStringLiteral("southafricanorth")};
    return provider == u"azure" ? azure : aws;
}

/// One resource of a snapshot, flattened for the CSV and the counts.
struct InventoryRow
{
    QString type;
    QString id; ///< ARN (AWS), resource id (Azure), else the component id
    QString name;
    QString vpc;
    QString subnet;
    QString tags;
};

QString tagsText(const QJsonValue &tags)
{
    QStringList parts;
    if (tags.isObject()) {
        const QJsonObject o = tags.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            parts << it.key() + u'=' + it.value().toVariant().toString();
    } else {
        for (const QJsonValue &v : tags.toArray()) {
            const QJsonObject o = v.toObject();
            parts << (o.contains(QLatin1String("Key")) ? o.value(QLatin1String("Key")).toString() + u'=' + o.value(QLatin1String("Value")).toString()
                                                        : v.toVariant().toString());
        }
    }
    return parts.join(u';');
}

/// Nodes and groups (VPCs, subnets, security groups...) of a snapshot document, with the VPC and subnet each sits
/// in when the document's groups say so (directly, or through a subnet listed in a VPC).
QList<InventoryRow> inventoryRows(const QJsonObject &document)
{
    const QJsonObject data = document.value(QLatin1String("data")).toObject();
    const QJsonArray groups = data.value(QLatin1String("groups")).toArray();
    QHash<QString, QString> groupName; // group id → name (or id)
    QHash<QString, QString> subnetOf;  // member id → subnet group id
    QHash<QString, QString> vpcOf;     // member id → VPC group id
    for (const QJsonValue &g : groups) {
        const QJsonObject group = g.toObject();
        const QString id = group.value(QLatin1String("id")).toString();
        const QString name = group.value(QLatin1String("name")).toString();
        groupName.insert(id, name.isEmpty() ? id : name);
        const QString type = group.value(QLatin1String("type")).toString();
        if (type != u"subnet" && type != u"vpc")
            continue;
        for (const QJsonValue &member : group.value(QLatin1String("nodes")).toArray())
            (type == u"subnet" ? subnetOf : vpcOf).insert(member.toString(), id);
    }
    QList<InventoryRow> rows;
    const auto add = [&](const QJsonObject &o) {
        InventoryRow row;
        const QString id = o.value(QLatin1String("id")).toString();
        row.type = o.value(QLatin1String("type")).toString();
        row.id = o.value(QLatin1String("arn")).toString();
        if (row.id.isEmpty())
            row.id = o.value(QLatin1String("resourceId")).toString();
        if (row.id.isEmpty())
            row.id = id;
        row.name = o.value(QLatin1String("name")).toString();
        const QString subnet = subnetOf.value(id);
        const QString vpc = vpcOf.contains(id) ? vpcOf.value(id) : vpcOf.value(subnet);
        row.subnet = subnet.isEmpty() ? QString() : groupName.value(subnet);
        row.vpc = vpc.isEmpty() ? QString() : groupName.value(vpc);
        row.tags = tagsText(o.value(QLatin1String("tags")));
        rows.append(row);
    };
    for (const QJsonValue &n : data.value(QLatin1String("nodes")).toArray())
        add(n.toObject());
    for (const QJsonValue &g : groups)
        add(g.toObject());
    return rows;
}

/// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

QByteArray csvFor(const QString &provider, const QString &region, const QList<InventoryRow> &rows)
{
    QString out = QStringLiteral("provider,region,type,id,name,vpc,subnet,tags\r\n");
    for (const InventoryRow &r : rows) {
        const QStringList fields{provider, region, r.type, r.id, r.name, r.vpc, r.subnet, r.tags};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QJsonObject countsByType(const QList<InventoryRow> &rows)
{
    QMap<QString, int> counts;
    for (const InventoryRow &r : rows)
        ++counts[r.type];
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

bool isUnknownRegion(const ApiError &error)
{
    return error.httpStatus() == 400 && error.serverMessage().contains(QLatin1String("region"), Qt::CaseInsensitive);
}

class InventoryRun
{
public:
    InventoryRun(CliContext &ctx, QString account, QString provider, QString format, QString dir)
        : m_ctx(ctx)
        , m_account(std::move(account))
        , m_provider(std::move(provider))
        , m_format(std::move(format))
        , m_dir(std::move(dir))
    {
    }

    ExitCode run(const QStringList &regions)
    {
        if (!QDir().mkpath(m_dir))
            return m_ctx.localFileError(QStringLiteral("Cannot create the folder %1.").arg(m_dir));
        loadIndex();
        ExitCode result = ExitCode::Success;
        for (qsizetype i = 0; i < regions.size(); ++i) {
            const QString &region = regions.at(i);
            QJsonObject entry = m_regions.value(region).toObject();
            const QString file = entry.value(QLatin1String("files")).toObject().value(m_format).toString();
            if (entry.value(QLatin1String("status")).toString() == u"complete" && !file.isEmpty()
                && QFileInfo::exists(m_dir + u'/' + file)) {
                ++m_skipped;
                continue; // resumed: finished by an earlier run
            }
            m_ctx.out().progress(QStringLiteral("Inventory %1/%2: %3…").arg(i + 1).arg(regions.size()).arg(region));
            const CallResult r = m_ctx.run(m_provider == u"azure"
                                               ? m_ctx.api().snapshotAzureAccount(m_account, region, ExportFormat::Json)
                                               : m_ctx.api().snapshotAwsAccount(m_account, region, ExportFormat::Json));
            entry.insert(QStringLiteral("region"), region);
            if (!r.ok() && isUnknownRegion(r.error)) {
                entry.insert(QStringLiteral("status"), QStringLiteral("unavailable"));
                entry.insert(QStringLiteral("message"), r.error.serverMessage());
                m_regions.insert(region, entry);
                continue;
            }
            if (!r.ok()) {
                entry.insert(QStringLiteral("status"), QStringLiteral("failed"));
                entry.insert(QStringLiteral("message"), r.error.userMessage());
                m_regions.insert(region, entry);
                writeIndex();
                result = m_ctx.fail(r.error);
                break; // the rest would meet the same problem; a re-run resumes here
            }
            const QJsonObject document = r.json.toObject();
            const QList<InventoryRow> rows = inventoryRows(document);
            const QString name = region + u'.' + m_format;
            const QByteArray bytes = m_format == u"csv" ? csvFor(m_provider, region, rows)
                                                        : QJsonDocument(document).toJson(QJsonDocument::Indented);
            if (const ExitCode code = m_ctx.writeFile(m_dir + u'/' + name, bytes); code != ExitCode::Success) {
                writeIndex();
                return code;
            }
            QJsonObject files = entry.value(QLatin1String("files")).toObject();
            files.insert(m_format, name);
            entry.insert(QStringLiteral("files"), files);
            entry.insert(QStringLiteral("status"), QStringLiteral("complete"));
            entry.insert(QStringLiteral("resources"), int(rows.size()));
            entry.insert(QStringLiteral("countsByType"), countsByType(rows));
            entry.insert(QStringLiteral("downloadedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            entry.remove(QStringLiteral("message"));
            m_regions.insert(region, entry);
            ++m_downloaded;
            // After every region, so an interrupted run loses at most the region in flight.
            if (const ExitCode code = writeIndex(); code != ExitCode::Success)
                return code;
        }
        m_ctx.out().endProgress();
        if (const ExitCode code = writeIndex(); code != ExitCode::Success && result == ExitCode::Success)
            result = code;
        printSummary(regions);
        return result;
    }

private:
    void loadIndex()
    {
        QFile f(m_dir + QStringLiteral("/index.json"));
        if (!f.open(QIODevice::ReadOnly))
            return;
        const QJsonObject index = QJsonDocument::fromJson(f.readAll()).object();
        // Another account's folder is not resumed: its regions would be taken for this account's.
        if (index.value(QLatin1String("account")).toString() != m_account)
            return;
        for (const QJsonValue &v : index.value(QLatin1String("regions")).toArray())
            m_regions.insert(v.toObject().value(QLatin1String("region")).toString(), v.toObject());
    }

    QJsonObject summary() const
    {
        QMap<QString, int> byType;
        QJsonObject byRegion;
        QJsonArray regions;
        int total = 0;
        for (auto it = m_regions.constBegin(); it != m_regions.constEnd(); ++it) {
            const QJsonObject entry = it.value().toObject();
            regions.append(entry);
            if (entry.value(QLatin1String("status")).toString() != u"complete")
                continue;
            const QJsonObject counts = entry.value(QLatin1String("countsByType")).toObject();
            for (auto c = counts.constBegin(); c != counts.constEnd(); ++c)
                byType[c.key()] += c.value().toInt();
            byRegion.insert(it.key(), entry.value(QLatin1String("resources")).toInt());
            total += entry.value(QLatin1String("resources")).toInt();
        }
        QJsonObject types;
        for (auto it = byType.constBegin(); it != byType.constEnd(); ++it)
            types.insert(it.key(), it.value());
        return QJsonObject{{QStringLiteral("account"), m_account},
                           {QStringLiteral("provider"), m_provider},
                           {QStringLiteral("regions"), regions},
                           {QStringLiteral("countsByType"), types},
                           {QStringLiteral("countsByRegion"), byRegion},
                           {QStringLiteral("total"), total}};
    }

    ExitCode writeIndex()
    {
        QJsonObject index = summary();
        index.insert(QStringLiteral("updatedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        return m_ctx.writeFile(m_dir + QStringLiteral("/index.json"), QJsonDocument(index).toJson(QJsonDocument::Indented));
    }

    void printSummary(const QStringList &asked)
    {
        QJsonObject s = summary();
        if (m_ctx.out().json()) {
            s.insert(QStringLiteral("output"), m_dir);
            s.insert(QStringLiteral("format"), m_format);
            s.insert(QStringLiteral("downloaded"), m_downloaded);
            s.insert(QStringLiteral("skipped"), m_skipped);
            m_ctx.out().printJson(s);
            return;
        }
        QList<QStringList> rows;
        for (const QString &region : asked) {
            const QJsonObject e = m_regions.value(region).toObject();
            const QString status = e.value(QLatin1String("status")).toString();
            rows.append({region, status.isEmpty() ? QStringLiteral("not started") : status,
                         status == u"complete" ? QString::number(e.value(QLatin1String("resources")).toInt()) : QString()});
        }
        m_ctx.out().table({QStringLiteral("REGION"), QStringLiteral("STATUS"), QStringLiteral("RESOURCES")}, rows);
        QList<QStringList> types;
        const QJsonObject counts = s.value(QLatin1String("countsByType")).toObject();
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            types.append({it.key(), QString::number(it.value().toInt())});
        if (!types.isEmpty()) {
            m_ctx.out().data(QString());
            m_ctx.out().table({QStringLiteral("TYPE"), QStringLiteral("COUNT")}, types);
        }
        m_ctx.out().info(QStringLiteral("%1 resources; %2 region(s) downloaded, %3 already complete; index in %4/index.json.")
                             .arg(s.value(QLatin1String("total")).toInt())
                             .arg(m_downloaded)
                             .arg(m_skipped)
                             .arg(m_dir));
    }

    CliContext &m_ctx;
    QString m_account;
    QString m_provider;
    QString m_format;
    QString m_dir;
    QMap<QString, QJsonValue> m_regions; // region → index entry, sorted by region
    int m_downloaded = 0;
    int m_skipped = 0;
};

} // namespace

void addInventoryOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption({QStringLiteral("provider")}, QStringLiteral("aws or azure."), QStringLiteral("p")));
    parser.addOption(QCommandLineOption({QStringLiteral("regions")}, QStringLiteral("all or r1,r2."), QStringLiteral("list")));
}

QString inventoryHelpText()
{
    return QStringLiteral(R"(  inventory ACCOUNT --output DIR [--provider aws|azure] [--regions all|r1,r2] [--format json|csv]
                                 the live inventory of each region (account snapshot, json) as DIR/<region>.json
                                 or .csv (provider, region, type, id/ARN, name, VPC, subnet, tags) plus
                                 DIR/index.json; a re-run skips regions already complete; --json prints the
                                 summary (resource counts by type and region)
)");
}

ExitCode runInventory(CliContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("`inventory` takes one account id; see cloudcraft-cli --help."));
    const QString provider = ctx.isSet(QStringLiteral("provider")) ? ctx.value(QStringLiteral("provider")).toLower()
                                                                   : QStringLiteral("aws");
    if (provider != u"aws" && provider != u"azure")
        return ctx.usage(QStringLiteral("--provider must be aws or azure."));
    const QString format = ctx.isSet(QStringLiteral("format")) ? ctx.value(QStringLiteral("format")).toLower()
                                                               : QStringLiteral("json");
    if (format != u"json" && format != u"csv")
        return ctx.usage(QStringLiteral("--format must be json or csv for `inventory`."));
    const QString dir = ctx.value(QStringLiteral("output"));
    if (dir.isEmpty() || dir == u"-")
        return ctx.usage(QStringLiteral("`inventory` needs --output DIR, the folder for the region files."));
    const QString regionsText = ctx.isSet(QStringLiteral("regions")) ? ctx.value(QStringLiteral("regions")) : QStringLiteral("all");
    QStringList regions = regionsText == u"all" ? allRegions(provider) : regionsText.split(u',', Qt::SkipEmptyParts);
    for (QString &r : regions)
        r = r.trimmed();
    regions.removeDuplicates();
    if (regions.isEmpty())
        return ctx.usage(QStringLiteral("--regions names no region."));
    if (const ExitCode code = ctx.connect(); code != ExitCode::Success)
        return code;
    InventoryRun run(ctx, args.first(), provider, format, QDir::cleanPath(dir));
    return run.run(regions);
}

} // namespace Cloudcraft::Cli
