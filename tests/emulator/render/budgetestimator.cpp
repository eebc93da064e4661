#include "budgetestimator.h"

#include "formatwriters.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

constexpr double kHoursPerMonth = 730.0;

struct Price
{
    QString category;
    double monthlyUsd = 0.0; ///< effective rate per component
    double statedMonthlyUsd = 0.0; ///< without amortised upfront fees
    int count = 1;
};

double numberOf(const QJsonObject &node, QStringView key, double fallback = 0.0)
{
    const QJsonValue value = node.value(key);
    double number = fallback;
    if (value.isDouble())
        number = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().toDouble(&ok);
        if (ok)
            number = parsed;
    }
    return std::isfinite(number) ? std::clamp(number, 0.0, 1.0e9) : fallback;
}

/// On-demand USD per hour of a "large" size of each instance family; sizes scale from there.
double familyHourly(const QString &family)
{
    static const QHash<QString, double> prices = {
        { u"t2"_s, 0.0928 },
        { u"t3"_s, 0.0832 },
        { u"t3a"_s, 0.0752 },
        { u"t4g"_s, 0.0672 },
        { u"m4"_s, 0.10 },
        { u"m5"_s, 0.096 },
        { u"m5a"_s, 0.086 },
        { u"m6g"_s, 0.077 },
        { u"m6i"_s, 0.096 },
        { u"m7g"_s, 0.0816 },
        { u"c4"_s, 0.10 },
        { u"c5"_s, 0.085 },
        { u"c6g"_s, 0.068 },
        { u"c6i"_s, 0.085 },
        { u"r4"_s, 0.133 },
        { u"r5"_s, 0.126 },
        { u"r6g"_s, 0.1008 },
        { u"r6i"_s, 0.126 },
        { u"x1"_s, 0.834 },
        { u"i3"_s, 0.156 },
        { u"g4dn"_s, 0.376 },
        { u"p3"_s, 1.53 },
        { u"db.t3"_s, 0.0832 },
        { u"db.m5"_s, 0.096 },
        { u"db.r5"_s, 0.126 },
        { u"cache.t3"_s, 0.068 },
        { u"cache.m5"_s, 0.156 },
        { u"cache.r5"_s, 0.216 },
    };
    return prices.value(family.toLower(), 0.10);
}

double sizeFactor(const QString &size)
{
    static const QHash<QString, double> factors = {
        { u"nano"_s, 1.0 / 16 },
        { u"micro"_s, 1.0 / 8 },
        { u"small"_s, 1.0 / 4 },
        { u"medium"_s, 1.0 / 2 },
        { u"large"_s, 1.0 },
        { u"xlarge"_s, 2.0 },
        { u"2xlarge"_s, 4.0 },
        { u"3xlarge"_s, 6.0 },
        { u"4xlarge"_s, 8.0 },
        { u"6xlarge"_s, 12.0 },
        { u"8xlarge"_s, 16.0 },
        { u"9xlarge"_s, 18.0 },
        { u"10xlarge"_s, 20.0 },
        { u"12xlarge"_s, 24.0 },
        { u"16xlarge"_s, 32.0 },
        { u"18xlarge"_s, 36.0 },
        { u"24xlarge"_s, 48.0 },
        { u"32xlarge"_s, 64.0 },
        { u"metal"_s, 48.0 },
    };
    return factors.value(size.toLower(), 1.0);
}

double instanceHourly(const QJsonObject &node)
{
    return familyHourly(node.value(u"instanceType").toString()) * sizeFactor(node.value(u"instanceSize").toString());
}

double platformFactor(const QString &platform)
{
    const QString p = platform.toLower();
    double factor = 1.0;
    if (p.startsWith(u"mswin") || p == u"windows")
        factor = 1.45;
    else if (p == u"rhel")
        factor = 1.3;
    else if (p == u"sles")
        factor = 1.2;
    if (p.contains(u"sqlenterprise"))
        factor += 2.5;
    else if (p.contains(u"sqlweb"))
        factor += 0.2;
    else if (p.contains(u"sql"))
        factor += 0.9;
    return factor;
}

/// Multiplier for billingOptions: {effective, stated}.
std::pair<double, double> billingFactors(const QJsonObject &node)
{
    const QJsonObject billing = node.value(u"billingOptions").toObject();
    const QString type = billing.value(u"type").toString(u"od"_s);
    const double utilization = std::clamp(numberOf(billing, u"utilization", 1.0), 0.0, 1.0);
    if (type == u"ri") {
        const double term = numberOf(billing, u"leaseContractLength", 12.0) >= 36.0 ? 0.42 : 0.62;
        const QString purchase = billing.value(u"purchaseOption").toString().toLower();
        const double upfrontShare = purchase.startsWith(u"all") ? 1.0 : (purchase.startsWith(u"partial") ? 0.5 : 0.0);
        return { term, term * (1.0 - upfrontShare) };
    }
    if (type == u"si")
        return { 0.3 * utilization, 0.3 * utilization };
    return { utilization, utilization };
}

double azureHourly(const QString &instance)
{
    static const QHash<QString, double> prices = {
        { u"b1s"_s, 0.0104 },
        { u"b1ms"_s, 0.0207 },
        { u"b2s"_s, 0.0416 },
        { u"b2ms"_s, 0.0832 },
        { u"d2s_v3"_s, 0.096 },
        { u"d4s_v3"_s, 0.192 },
        { u"d8s_v3"_s, 0.384 },
        { u"e4s_v3"_s, 0.252 },
        { u"f4s_v2"_s, 0.169 },
        { u"d2s_v5"_s, 0.096 },
        { u"d4s_v5"_s, 0.192 },
    };
    return prices.value(instance.toLower(), 0.10);
}

std::optional<Price> priceOf(const QJsonObject &node)
{
    const QString type = node.value(u"type").toString().toLower();
    const auto [effective, stated] = billingFactors(node);
    auto flat = [](const QString &category, double usd) { return Price { category, usd, usd, 1 }; };
    const int instances
        = std::max(1, static_cast<int>(numberOf(node, u"instanceCount", numberOf(node, u"nodeCount", 1))));

    if (type == u"ec2") {
        const double base = instanceHourly(node) * kHoursPerMonth * platformFactor(node.value(u"platform").toString());
        return Price { u"Compute"_s, base * effective, base * stated, instances };
    }
    if (type == u"lambda") {
        const double requests = numberOf(node, u"mRequests", 1.0);
        const double gbSeconds = requests * 1.0e6 * numberOf(node, u"computeDuration", 200.0) / 1000.0
            * numberOf(node, u"memory", 128.0) / 1024.0;
        return flat(u"Compute"_s, requests * 0.20 + gbSeconds * 0.0000166667);
    }
    if (type == u"eks")
        return flat(u"Compute"_s, 73.0);
    if (type == u"rds" || type == u"docdb" || type == u"elasticache" || type == u"redshift" || type == u"es") {
        static const QHash<QString, double> premium = { { u"rds"_s, 1.45 }, { u"docdb"_s, 1.4 },
            { u"elasticache"_s, 1.35 }, { u"redshift"_s, 2.5 }, { u"es"_s, 1.5 } };
        double base = instanceHourly(node) * premium.value(type) * kHoursPerMonth;
        const QString engine = node.value(u"engine").toString().toLower();
        if (engine.contains(u"oracle") || engine.contains(u"sqlserver"))
            base *= 1.8;
        else if (engine.startsWith(u"aurora"))
            base *= 1.2;
        if (node.value(u"multiAZ").toBool())
            base *= 2.0;
        base += numberOf(node, u"storage") * 0.115;
        return Price { u"Database"_s, base * effective, base * stated, instances };
    }
    if (type == u"dynamodb") {
        return flat(u"Database"_s,
            numberOf(node, u"readUnits") * 0.09 + numberOf(node, u"writeUnits") * 0.47
                + numberOf(node, u"datasetGb") * 0.25);
    }
    if (type == u"s3") {
        const QString tier = node.value(u"volumeType").toString().toLower();
        const double perGb = tier.contains(u"one zone") ? 0.01 : (tier.contains(u"infrequent") ? 0.0125 : 0.023);
        return flat(u"Storage"_s,
            numberOf(node, u"dataGb", 10.0) * perGb + numberOf(node, u"getAndOtherRequests") * 0.0004
                + numberOf(node, u"putCopyPostRequests") * 0.005);
    }
    if (type == u"ebs") {
        const QString volume = node.value(u"volume").toString().toLower();
        const double perGb = volume.contains(u"io") ? 0.125 : (volume.contains(u"magnetic") ? 0.05 : 0.10);
        return flat(u"Storage"_s,
            numberOf(node, u"storage", 8.0) * perGb
                + numberOf(node, u"iops") * 0.065 * (volume.contains(u"io") ? 1.0 : 0.0)
                + numberOf(node, u"snapshots") * 0.05);
    }
    if (type == u"efs")
        return flat(u"Storage"_s, numberOf(node, u"usageGb", numberOf(node, u"dataGb", 10.0)) * 0.30);
    if (type == u"fsx")
        return flat(u"Storage"_s, numberOf(node, u"storage", 100.0) * 0.13);
    if (type == u"elb") {
        const bool classic = node.value(u"elbType").toString().toLower() == u"classic";
        return flat(u"Networking"_s,
            (classic ? 18.25 : 16.43) + numberOf(node, u"lcu") * 5.84 + numberOf(node, u"dataGb") * 0.008);
    }
    if (type == u"cloudfront")
        return flat(u"Networking"_s, numberOf(node, u"dataGb", 50.0) * 0.085 + numberOf(node, u"requests") * 0.75);
    if (type == u"r53")
        return flat(u"Networking"_s, 0.5 + numberOf(node, u"requests") * 0.4);
    if (type == u"apigateway") {
        return flat(
            u"Networking"_s, numberOf(node, u"apiCalls", 1.0) * 3.5 + (node.value(u"cache").toBool() ? 14.6 : 0.0));
    }
    if (type == u"natgateway")
        return flat(u"Networking"_s, 32.85 + numberOf(node, u"dataGb") * 0.045);
    if (type == u"vpngateway" || type == u"transitgateway")
        return flat(u"Networking"_s, 36.5);
    if (type == u"dxconnection")
        return flat(u"Networking"_s, 219.0);
    if (type == u"sqs")
        return flat(u"Application Integration"_s, numberOf(node, u"requests", 1.0) * 0.40);
    if (type == u"sns") {
        return flat(u"Application Integration"_s,
            numberOf(node, u"notifications", 1.0) * 0.50 + numberOf(node, u"emailsOut") * 2.0);
    }
    if (type == u"kinesis")
        return flat(u"Analytics"_s, numberOf(node, u"shards", 1.0) * 10.95 + numberOf(node, u"putUnits") * 0.014);
    if (type == u"azurevm" || type == u"azurevmss") {
        const QString tier = node.value(u"tier").toString().toLower();
        const double tierFactor = tier.startsWith(u"low") ? 0.2 : (tier == u"basic" ? 0.9 : 1.0);
        const double platform = node.value(u"platform").toString().toLower() == u"windows" ? 1.4 : 1.0;
        const double reserved = node.value(u"reservationTerm").toString(u"OnDemand"_s) == u"OnDemand" ? 1.0 : 0.6;
        const double base = azureHourly(node.value(u"instance").toString()) * kHoursPerMonth * tierFactor * platform;
        return Price { u"Azure Compute"_s, base * reserved, base * reserved, instances };
    }
    if (type.startsWith(u"azure")) {
        static const QHash<QString, std::pair<QString, double>> azure = {
            { u"azuresql"_s, { u"Azure Databases"_s, 147.17 } },
            { u"azurecosmosdb"_s, { u"Azure Databases"_s, 23.36 } },
            { u"azureblob"_s, { u"Azure Storage"_s, 18.4 } },
            { u"azurestorage"_s, { u"Azure Storage"_s, 20.8 } },
            { u"azurelb"_s, { u"Azure Networking"_s, 18.25 } },
            { u"azureappgateway"_s, { u"Azure Networking"_s, 179.58 } },
            { u"azurefunctions"_s, { u"Azure Compute"_s, 4.2 } },
            { u"azureappservice"_s, { u"Azure Compute"_s, 73.0 } },
            { u"azureaks"_s, { u"Azure Compute"_s, 73.0 } },
            { u"azureredis"_s, { u"Azure Databases"_s, 40.15 } },
            { u"azuretable"_s, { u"Azure Storage"_s, 4.5 } },
            { u"azurequeue"_s, { u"Azure Storage"_s, 2.6 } },
        };
        const auto found = azure.constFind(type);
        if (found != azure.cend())
            return flat(found->first, found->second);
    }
    return std::nullopt;
}

double periodFactor(const QString &period)
{
    if (period == u"h")
        return 1.0 / kHoursPerMonth;
    if (period == u"d")
        return 24.0 / kHoursPerMonth;
    if (period == u"w")
        return 168.0 / kHoursPerMonth;
    if (period == u"y")
        return 12.0;
    return 1.0;
}

double currencyFactor(const QString &currency)
{
    // Fixed illustrative rates (not market data) so exports are reproducible.
    static const QHash<QString, double> rates = {
        { u"USD"_s, 1.0 },
        { u"AUD"_s, 1.52 },
        { u"CHF"_s, 0.88 },
        { u"CKK"_s, 6.86 },
        { u"EUR"_s, 0.92 },
        { u"GBP"_s, 0.79 },
        { u"HKD"_s, 7.8 },
        { u"JPY"_s, 150.0 },
        { u"NOK"_s, 10.6 },
        { u"NZD"_s, 1.65 },
        { u"SEK"_s, 10.5 },
        { u"ZAR"_s, 18.5 },
    };
    return rates.value(currency.toUpper(), 1.0);
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return TextFormat::number(value.toDouble(), 4);
    return {};
}

} // namespace

QList<BudgetLine> BudgetEstimator::estimate(const QJsonObject &blueprintData, const BudgetOptions &options)
{
    const double factor = periodFactor(options.period) * currencyFactor(options.currency);
    const bool stated = options.rate == u"stated";
    QList<BudgetLine> lines;
    for (const QJsonValue &value : blueprintData.value(u"nodes").toArray()) {
        const QJsonObject node = value.toObject();
        const std::optional<Price> price = priceOf(node);
        if (!price)
            continue;
        BudgetLine line;
        line.category = price->category;
        line.type = node.value(u"type").toString();
        line.region = node.value(u"region").toString();
        line.count = price->count;
        line.unitPrice = (stated ? price->statedMonthlyUsd : price->monthlyUsd) * factor;
        line.cost = line.unitPrice * line.count;
        line.node = node;
        lines.append(line);
    }
    return lines;
}

QStringList BudgetEstimator::csvColumns()
{
    return QStringList { u"category"_s, u"type"_s, u"region"_s, u"count"_s, u"unitPrice"_s, u"cost"_s,
        u"instanceType"_s, u"instanceSize"_s, u"platform"_s, u"role"_s, u"engine"_s, u"storage"_s, u"dataGb"_s,
        u"snapshots"_s, u"volume"_s, u"iops"_s, u"memory"_s, u"mRequests"_s, u"computeDuration"_s, u"readUnits"_s,
        u"writeUnits"_s, u"readConsistency"_s, u"shards"_s, u"putUnits"_s, u"extendedRetention"_s, u"emailsOut"_s,
        u"requests"_s, u"notifications"_s, u"notificationType"_s, u"cache"_s, u"apiCalls"_s, u"tier"_s, u"instance"_s };
}

QByteArray BudgetEstimator::csv(const QJsonObject &blueprintData, const BudgetOptions &options)
{
    const QStringList columns = csvColumns();
    QString out = columns.join(u',') + u'\n';
    for (const BudgetLine &line : estimate(blueprintData, options)) {
        QStringList row { csvField(line.category), csvField(line.type), csvField(line.region),
            QString::number(line.count), TextFormat::number(line.unitPrice, 4), TextFormat::number(line.cost, 4) };
        for (qsizetype i = row.size(); i < columns.size(); ++i)
            row.append(csvField(scalarText(line.node.value(columns.at(i)))));
        out += row.join(u',') + u'\n';
    }
    return out.toUtf8();
}

} // namespace Cloudcraft::Emulator
