#include "workspacegenerator.h"

#include "architectures.h"
#include "iampolicies.h"
#include "liveinventory.h"
#include "rng.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

// All generated history lies between these instants; the scenario starts right after.
const qint64 kHistoryStart = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kHistoryEnd = QDateTime(QDate(2026, 1, 4), QTime(18, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString iso(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

/// A creation time and a later update time inside the history window.
std::pair<qint64, qint64> timespan(Rng &rng)
{
    const qint64 days = (kHistoryEnd - kHistoryStart) / kDayMs;
    const qint64 created = kHistoryStart + rng.below(static_cast<int>(days)) * kDayMs + rng.below(86400000);
    const qint64 remaining = (kHistoryEnd - created) / kDayMs;
    const qint64 updated = created + rng.below(static_cast<int>(remaining + 1)) * kDayMs + rng.below(3600000);
    return { created, std::min(updated, kHistoryEnd) };
}

struct Person
{
    QString id;
    QString name;
    QString email;
};

/// Shared identity of a workspace: who exists, which teams, which customer.
struct Directory
{
    QString customerId;
    QList<Person> people;
    QJsonArray users;
    QJsonArray teams;
    QStringList teamIds;
    QJsonArray keys;
    QJsonObject iamParameters;
};

Directory makeDirectory(
    Rng &rng, const QList<std::pair<QString, QString>> &names, const QString &domain, const QStringList &teamNames)
{
    Directory directory;
    directory.customerId = rng.uuid();
    for (qsizetype i = 0; i < names.size(); ++i) {
        Person person { rng.uuid(), names.at(i).first + u' ' + names.at(i).second,
            (names.at(i).first + u'.' + names.at(i).second).toLower() + u'@' + domain };
        person.email.replace(u' ', u'-');
        directory.people.append(person);
        const auto [created, updated] = timespan(rng);
        QJsonObject settings;
        if (i % 3 == 0)
            settings = QJsonObject { { u"currency"_s, i == 0 ? u"USD"_s : u"EUR"_s }, { u"firstTime"_s, false } };
        directory.users.append(QJsonObject { { u"id"_s, person.id }, { u"name"_s, person.name },
            { u"email"_s, person.email }, { u"settings"_s, settings }, { u"createdAt"_s, iso(created) },
            { u"updatedAt"_s, iso(updated) }, { u"accessedAt"_s, iso(kHistoryEnd + (i + 1) * 600000LL) } });
    }
    for (qsizetype t = 0; t < teamNames.size(); ++t) {
        const QString teamId = rng.uuid();
        directory.teamIds << teamId;
        QJsonArray members;
        // Everyone is in the first team; the others get a rotating subset.
        for (qsizetype p = 0; p < directory.people.size(); ++p) {
            if (t != 0 && (p + t) % 3 == 0)
                continue;
            const Person &person = directory.people.at(p);
            members.append(QJsonObject { { u"id"_s, rng.uuid() },
                { u"role"_s, p == t % directory.people.size() ? u"admin"_s : u"member"_s }, { u"userId"_s, person.id },
                { u"name"_s, person.name }, { u"email"_s, person.email }, { u"mfaEnabled"_s, (p + t) % 2 == 0 } });
        }
        const auto [created, updated] = timespan(rng);
        directory.teams.append(QJsonObject { { u"id"_s, teamId }, { u"name"_s, teamNames.at(t) },
            { u"visible"_s, true }, { u"crossOrganizational"_s, false }, { u"customerId"_s, directory.customerId },
            { u"createdAt"_s, iso(created) }, { u"updatedAt"_s, iso(updated) }, { u"externalSharing"_s, t != 2 },
            { u"role"_s, t == 0 ? u"admin"_s : u"member"_s }, { u"members"_s, members } });
    }
    directory.keys = QJsonArray {
        QJsonObject { { u"key"_s, rng.apiKey() }, { u"userId"_s, directory.people.at(0).id },
            { u"access"_s, u"read-write"_s }, { u"name"_s, u"Desktop (read-write)"_s } },
        QJsonObject { { u"key"_s, rng.apiKey() }, { u"userId"_s, directory.people.at(1 % directory.people.size()).id },
            { u"access"_s, u"read"_s }, { u"name"_s, u"Reporting (read-only)"_s } },
    };
    const QString trustedAccount = rng.digits(12);
    const QString externalId = rng.uuid();
    directory.iamParameters = QJsonObject { { u"accountId"_s, trustedAccount }, { u"externalId"_s, externalId },
        { u"awsConsoleUrl"_s,
            QString(u"https://console.aws.amazon.com/iam/home?#/roles$new?step=type&roleType=crossAccount&isThirdParty"
                    "&accountID="_s
                + trustedAccount + u"&externalID="_s + externalId
                + u"&roleName=cloudcraft&policies=arn:aws:iam::aws:policy%2FReadOnlyAccess"_s) } };
    return directory;
}

QJsonValue access(const QStringList &entries)
{
    return entries.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(entries));
}

QJsonObject blueprintRecord(Rng &rng, const Directory &directory, const QString &name, const QStringList &tags,
    const QStringList &readAccess, const QStringList &writeAccess, const QJsonObject &data)
{
    const auto [created, updated] = timespan(rng);
    const Person &creator = directory.people.at(rng.below(static_cast<int>(directory.people.size())));
    const Person &lastUser
        = rng.chance(60) ? creator : directory.people.at(rng.below(static_cast<int>(directory.people.size())));
    return QJsonObject { { u"id"_s, rng.uuid() }, { u"name"_s, name },
        { u"tags"_s, tags.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(tags)) },
        { u"readAccess"_s, access(readAccess) }, { u"writeAccess"_s, access(writeAccess) },
        { u"createdAt"_s, iso(created) }, { u"updatedAt"_s, iso(updated) }, { u"CreatorId"_s, creator.id },
        { u"LastUserId"_s, lastUser.id }, { u"CustomerId"_s, directory.customerId },
        { u"CurrentVersionId"_s, rng.uuid() }, { u"data"_s, data } };
}

QJsonObject awsAccount(Rng &rng, const Directory &directory, const QString &name, const QString &environment,
    const QStringList &regions, const QStringList &acl, int steps, int size)
{
    LiveAccountContext context;
    context.accountId = rng.uuid();
    context.name = name;
    context.awsAccountNumber = rng.digits(12);
    context.environment = environment;
    QJsonObject scans;
    for (const QString &region : regions)
        scans.insert(region, LiveInventory::scenario(context, region, steps, size, rng));
    const auto [created, updated] = timespan(rng);
    return QJsonObject { { u"id"_s, context.accountId }, { u"name"_s, name },
        { u"roleArn"_s, QString(u"arn:aws:iam::"_s + context.awsAccountNumber + u":role/cloudcraft"_s) },
        { u"externalId"_s, directory.iamParameters.value(u"externalId"_s) },
        { u"readAccess"_s, QJsonArray::fromStringList(acl) },
        { u"writeAccess"_s, QJsonArray::fromStringList(acl.mid(0, 1)) }, { u"createdAt"_s, iso(created) },
        { u"updatedAt"_s, iso(updated) }, { u"CreatorId"_s, directory.people.first().id }, { u"source"_s, u"aws"_s },
        { u"regions"_s, scans } };
}

QJsonObject azureAccount(Rng &rng, const Directory &directory, const QString &name, const QString &environment,
    const QStringList &regions, const QStringList &acl, int steps, int size)
{
    LiveAccountContext context;
    context.azure = true;
    context.accountId = rng.uuid();
    context.name = name;
    context.subscriptionId = rng.uuid();
    context.resourceGroup = u"rg-"_s + environment + u"-"_s + rng.hex(4);
    context.environment = environment;
    QJsonObject scans;
    for (const QString &region : regions)
        scans.insert(region, LiveInventory::scenario(context, region, steps, size, rng));
    // Azure client secrets look like "<3 chars>8Q~<37 chars>"; the API shows the first three as a hint.
    const QString secret = rng.apiKey().left(3).replace(u'/', u'x').replace(u'+', u'y') + u"8Q~"_s
        + rng.apiKey().left(37).replace(u'/', u'_').replace(u'+', u'-');
    const auto [created, updated] = timespan(rng);
    return QJsonObject { { u"id"_s, context.accountId }, { u"name"_s, name }, { u"applicationId"_s, rng.uuid() },
        { u"directoryId"_s, rng.uuid() }, { u"subscriptionId"_s, context.subscriptionId },
        { u"hint"_s, secret.left(3) }, { u"readAccess"_s, QJsonArray::fromStringList(acl) },
        { u"writeAccess"_s, QJsonArray::fromStringList(acl.mid(0, 1)) }, { u"createdAt"_s, iso(created) },
        { u"updatedAt"_s, iso(updated) }, { u"CreatorId"_s, directory.people.first().id }, { u"source"_s, u"azure"_s },
        { u"clientSecret"_s, secret }, { u"regions"_s, scans } };
}

QJsonObject assemble(
    const Directory &directory, const QJsonArray &blueprints, const QJsonArray &aws, const QJsonArray &azure)
{
    return QJsonObject { { u"keys"_s, directory.keys }, { u"users"_s, directory.users },
        { u"teams"_s, directory.teams }, { u"blueprints"_s, blueprints }, { u"awsAccounts"_s, aws },
        { u"azureAccounts"_s, azure }, { u"iamParameters"_s, directory.iamParameters },
        { u"iamPolicies"_s,
            QJsonObject { { u"custom"_s, IamPolicies::custom() }, { u"minimal"_s, IamPolicies::minimal() } } },
        { u"scenario"_s,
            QJsonObject {
                { u"step"_s, 0 }, { u"startTime"_s, u"2026-01-05T09:00:00.000Z"_s }, { u"stepMinutes"_s, 60 } } } };
}

QString team(const Directory &directory, int index)
{
    return u"team/"_s + directory.teamIds.at(index % directory.teamIds.size());
}

} // namespace

QJsonObject WorkspaceGenerator::demo()
{
    Rng rng(0x6e6f72746877696eULL); // fixed: the demo is generated once and committed
    const Directory directory = makeDirectory(rng,
        { { u"Maya"_s, u"Lindqvist"_s }, { u"Priya"_s, u"Raman"_s }, { u"Daniel"_s, u"Okafor"_s } },
        u"northwind-traders.example"_s, { u"Platform Engineering"_s, u"Payments"_s, u"Data & Analytics"_s });
    const QString platform = team(directory, 0);
    const QString payments = team(directory, 1);
    const QString data = team(directory, 2);
    const QString customer = u"customer/"_s + directory.customerId;

    struct Entry
    {
        Architecture architecture;
        QString name;
        QStringList tags;
        QStringList read;
        QStringList write;
        ArchitectureParams params;
    };
    const QList<Entry> entries {
        { Architecture::WebApp, u"Storefront web app (production)"_s, { u"production"_s, u"web"_s },
            { platform, customer }, { platform }, { u"us-east-1"_s, 2, u"prod"_s } },
        { Architecture::WebApp, u"Storefront web app (staging)"_s, { u"staging"_s, u"web"_s }, { platform },
            { platform }, { u"us-east-1"_s, 0, u"staging"_s } },
        { Architecture::ServerlessApi, u"Orders API"_s, { u"production"_s, u"serverless"_s }, { platform, payments },
            { payments }, { u"us-east-1"_s, 2, u"prod"_s } },
        { Architecture::ServerlessApi, u"Notification service"_s, { u"serverless"_s }, { platform }, { platform },
            { u"eu-west-1"_s, 0, u"prod"_s } },
        { Architecture::DataLake, u"Analytics data lake"_s, { u"data"_s, u"production"_s }, { data, platform },
            { data }, { u"us-east-1"_s, 1, u"prod"_s } },
        { Architecture::DataLake, u"Clickstream ingestion (draft)"_s, { u"data"_s, u"draft"_s }, {}, {},
            { u"eu-west-1"_s, 0, u"dev"_s } },
        { Architecture::EksPlatform, u"EKS platform (eu-west-1)"_s, { u"platform"_s, u"kubernetes"_s }, { platform },
            { platform }, { u"eu-west-1"_s, 1, u"prod"_s } },
        { Architecture::StaticSite, u"Marketing website"_s, { u"web"_s }, { customer }, { platform },
            { u"us-east-1"_s, 1, u"prod"_s } },
        { Architecture::BatchPipeline, u"Nightly invoice batch"_s, { u"batch"_s, u"payments"_s }, { payments, data },
            { payments }, { u"us-east-1"_s, 1, u"prod"_s } },
        { Architecture::Microservices, u"Payments microservices"_s, { u"production"_s, u"payments"_s }, { payments },
            { payments }, { u"us-east-1"_s, 2, u"prod"_s } },
        { Architecture::AzureWebApp, u"Customer portal on Azure"_s, { u"azure"_s, u"production"_s }, { platform },
            { platform }, { u"eastus"_s, 1, u"prod"_s } },
        { Architecture::WebApp, u"Storefront disaster recovery (us-west-2)"_s, { u"dr"_s, u"web"_s }, { platform }, {},
            { u"us-west-2"_s, 0, u"dr"_s } },
    };
    QJsonArray blueprints;
    for (const Entry &entry : entries) {
        const QJsonObject diagram = Architectures::build(entry.architecture, entry.name, entry.params, rng);
        blueprints.append(blueprintRecord(rng, directory, entry.name, entry.tags, entry.read, entry.write, diagram));
    }
    const QJsonArray aws {
        awsAccount(rng, directory, u"Northwind Production"_s, u"prod"_s, { u"us-east-1"_s, u"eu-west-1"_s },
            { platform, payments }, 3, 1),
        awsAccount(rng, directory, u"Northwind Staging"_s, u"staging"_s, { u"us-west-2"_s }, { platform }, 3, 0),
    };
    const QJsonArray azure {
        azureAccount(rng, directory, u"Northwind Azure Portal"_s, u"portal"_s, { u"eastus"_s }, { platform }, 3, 1),
    };
    return assemble(directory, blueprints, aws, azure);
}

QJsonObject WorkspaceGenerator::generate(const WorkspaceOptions &options)
{
    Rng rng(options.seed * 0x2545f4914f6cdd1dULL + 0x1234567ULL);
    const QList<std::pair<QString, QString>> names {
        { u"Ava"_s, u"Chen"_s },
        { u"Liam"_s, u"Novak"_s },
        { u"Sofia"_s, u"Rossi"_s },
        { u"Noah"_s, u"Haddad"_s },
        { u"Emma"_s, u"Schmidt"_s },
        { u"Lucas"_s, u"Silva"_s },
        { u"Mia"_s, u"Kowalski"_s },
        { u"Ethan"_s, u"Nakamura"_s },
        { u"Zara"_s, u"Ahmed"_s },
        { u"Oliver"_s, u"Jensen"_s },
        { u"Chloe"_s, u"Dubois"_s },
        { u"Mateo"_s, u"Garcia"_s },
    };
    const QStringList teamNames { u"Platform"_s, u"Payments"_s, u"Data"_s, u"Mobile"_s, u"Security"_s, u"SRE"_s,
        u"Growth"_s, u"Internal Tools"_s };
    const Directory directory = makeDirectory(rng, names, u"example-corp.example"_s, teamNames);

    const QList<Architecture> architectures = Architectures::all();
    const QStringList environments { u"prod"_s, u"staging"_s, u"dev"_s, u"qa"_s };
    const QStringList awsRegions { u"us-east-1"_s, u"us-east-2"_s, u"us-west-2"_s, u"eu-west-1"_s, u"eu-central-1"_s,
        u"ap-southeast-2"_s, u"ap-northeast-1"_s, u"sa-east-1"_s };
    const QStringList azureRegions { u"eastus"_s, u"westeurope"_s, u"northeurope"_s, u"canadaeast"_s,
        u"australiaeast"_s };
    const QStringList products { u"Checkout"_s, u"Catalog"_s, u"Search"_s, u"Identity"_s, u"Billing"_s, u"Reporting"_s,
        u"Inventory"_s, u"Shipping"_s, u"Loyalty"_s, u"Support"_s };

    QJsonArray blueprints;
    for (int i = 0; i < std::max(0, options.blueprints); ++i) {
        const Architecture architecture = rng.pick(architectures);
        const QString environment = rng.pick(environments);
        ArchitectureParams params;
        params.environment = environment;
        params.size = rng.below(3);
        params.region = Architectures::isAzure(architecture) ? rng.pick(azureRegions) : rng.pick(awsRegions);
        const QString name = rng.pick(products) + u' ' + Architectures::slug(architecture) + u" ("_s + environment
            + u") "_s + QString::number(i + 1).rightJustified(4, u'0');
        QStringList tags { Architectures::slug(architecture), environment };
        if (rng.chance(20))
            tags.clear();
        QStringList read;
        QStringList write;
        const int owner = rng.below(static_cast<int>(directory.teamIds.size()));
        if (rng.chance(70)) {
            read << team(directory, owner);
            write << team(directory, owner);
            if (rng.chance(30))
                read << team(directory, owner + 1);
        } else if (rng.chance(30)) {
            read << u"customer/"_s + directory.customerId;
        }
        const QJsonObject diagram = Architectures::build(architecture, name, params, rng);
        blueprints.append(blueprintRecord(rng, directory, name, tags, read, write, diagram));
    }

    QJsonArray aws;
    QJsonArray azure;
    for (int i = 0; i < std::max(0, options.accounts); ++i) {
        const bool isAzure = i % 10 >= 7;
        const QString environment = environments.at(i % environments.size());
        const QString name = rng.pick(products) + u' ' + environment + u' ' + QString::number(i + 1);
        const QStringList acl { team(directory, i) };
        const int regionCount = 1 + rng.below(3);
        QStringList regions;
        const QStringList &pool = isAzure ? azureRegions : awsRegions;
        const int first = rng.below(static_cast<int>(pool.size()));
        for (int r = 0; r < regionCount; ++r)
            regions << pool.at((first + r) % pool.size());
        if (isAzure)
            azure.append(azureAccount(rng, directory, name, environment, regions, acl, options.steps, rng.below(3)));
        else
            aws.append(awsAccount(rng, directory, name, environment, regions, acl, options.steps, rng.below(3)));
    }
    return assemble(directory, blueprints, aws, azure);
}

} // namespace Cloudcraft::Emulator
