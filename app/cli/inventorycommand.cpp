// inventory ACCOUNT: the live inventory of each asked region (the account snapshot endpoint's json format), one
// file per region plus index.json, resumable, with a summary of resource counts by type and region.

#include "clicontext.h"
#include "commands.h"

#include "exporting/inventoryfiles.h"

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
            QJsonObject entry = m_regions.value(region);
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
            const QList<InventoryFiles::Row> rows = InventoryFiles::rows(document);
            const QString name = region + u'.' + m_format;
            const QByteArray bytes = m_format == u"csv" ? InventoryFiles::csv(m_provider, region, rows)
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
            entry.insert(QStringLiteral("countsByType"), InventoryFiles::countsByType(rows));
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

    QJsonObject summary() const { return InventoryFiles::summary(m_account, m_provider, m_regions); }

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
            const QJsonObject e = m_regions.value(region);
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
    QMap<QString, QJsonObject> m_regions; // region → index entry, sorted by region
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
