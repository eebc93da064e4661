// Converting and laying out a generated 10,000-resource Terraform state: wall time and peak RSS of the converter
// (read, parse, map, follow references, lay out, serialize) in a child process, against python3's json.load and
// jq reading the same file as a floor (bench/README.md).

#include "convert/converter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <cstdio>

using namespace Cloudcraft::Core;

namespace {

QJsonObject stateResource(const QString &type, const QString &name, const QJsonObject &attributes)
{
    return QJsonObject { { QStringLiteral("mode"), QStringLiteral("managed") },
                         { QStringLiteral("type"), type },
                         { QStringLiteral("name"), name },
                         { QStringLiteral("provider"), QStringLiteral("provider[\"registry.terraform.io/hashicorp/aws\"]") },
                         { QStringLiteral("instances"),
                           QJsonArray { QJsonObject { { QStringLiteral("schema_version"), 1 },
                                                      { QStringLiteral("attributes"), attributes } } } } };
}

// 20 VPCs x 5 subnets x ~98 resources (instances, databases, functions, queues, load balancers with targets) plus
// security groups and a few unmapped types: 10,000 resources with realistic attribute counts.
QByteArray generateState(int target)
{
    QJsonArray resources;
    int count = 0;
    const QString arn = QStringLiteral("arn:aws:%1:eu-west-1:123456789012:%2");
    for (int v = 0; count < target; ++v) {
        const QString vpcId = QStringLiteral("vpc-%1").arg(v);
        resources.append(stateResource(QStringLiteral("aws_vpc"), QStringLiteral("v%1").arg(v),
                                       { { QStringLiteral("id"), vpcId }, { QStringLiteral("cidr_block"), QStringLiteral("10.%1.0.0/16").arg(v % 250) },
                                         { QStringLiteral("arn"), arn.arg(QStringLiteral("ec2"), QString(QStringLiteral("vpc/") + vpcId)) } }));
        const QString sgId = QStringLiteral("sg-%1").arg(v);
        resources.append(stateResource(QStringLiteral("aws_security_group"), QStringLiteral("sg%1").arg(v),
                                       { { QStringLiteral("id"), sgId }, { QStringLiteral("vpc_id"), vpcId }, { QStringLiteral("name"), sgId } }));
        count += 2;
        for (int s = 0; s < 5 && count < target; ++s) {
            const QString subnetId = QStringLiteral("subnet-%1-%2").arg(v).arg(s);
            resources.append(stateResource(QStringLiteral("aws_subnet"), QStringLiteral("s%1_%2").arg(v).arg(s),
                                           { { QStringLiteral("id"), subnetId }, { QStringLiteral("vpc_id"), vpcId },
                                             { QStringLiteral("availability_zone"), QStringLiteral("eu-west-1a") } }));
            ++count;
            const QString lbArn = arn.arg(QStringLiteral("elasticloadbalancing"), QStringLiteral("loadbalancer/app/lb%1-%2").arg(v).arg(s));
            resources.append(stateResource(QStringLiteral("aws_lb"), QStringLiteral("lb%1_%2").arg(v).arg(s),
                                           { { QStringLiteral("id"), lbArn }, { QStringLiteral("arn"), lbArn },
                                             { QStringLiteral("subnets"), QJsonArray { subnetId } },
                                             { QStringLiteral("security_groups"), QJsonArray { sgId } } }));
            ++count;
            for (int n = 0; n < 96 && count < target; ++n, ++count) {
                const QString tag = QStringLiteral("%1_%2_%3").arg(v).arg(s).arg(n);
                switch (n % 6) {
                case 0:
                case 1: {
                    const QString id = QString(QStringLiteral("i-") + tag);
                    resources.append(stateResource(QStringLiteral("aws_instance"), QString(QStringLiteral("i") + tag),
                                                   { { QStringLiteral("id"), id }, { QStringLiteral("instance_type"), QStringLiteral("m5.large") },
                                                     { QStringLiteral("subnet_id"), subnetId },
                                                     { QStringLiteral("vpc_security_group_ids"), QJsonArray { sgId } },
                                                     { QStringLiteral("arn"), arn.arg(QStringLiteral("ec2"), QString(QStringLiteral("instance/") + id)) },
                                                     { QStringLiteral("tags"), QJsonObject { { QStringLiteral("Name"), QString(QStringLiteral("web-") + tag) } } } }));
                    break;
                }
                case 2:
                    resources.append(stateResource(QStringLiteral("aws_db_instance"), QString(QStringLiteral("db") + tag),
                                                   { { QStringLiteral("id"), QString(QStringLiteral("db-") + tag) }, { QStringLiteral("instance_class"), QStringLiteral("db.r5.large") },
                                                     { QStringLiteral("engine"), QStringLiteral("postgres") }, { QStringLiteral("vpc_security_group_ids"), QJsonArray { sgId } },
                                                     { QStringLiteral("arn"), arn.arg(QStringLiteral("rds"), QString(QStringLiteral("db:db-") + tag)) } }));
                    break;
                case 3:
                    resources.append(stateResource(QStringLiteral("aws_lambda_function"), QString(QStringLiteral("fn") + tag),
                                                   { { QStringLiteral("id"), QString(QStringLiteral("fn-") + tag) }, { QStringLiteral("function_name"), QString(QStringLiteral("fn-") + tag) },
                                                     { QStringLiteral("memory_size"), 256 },
                                                     { QStringLiteral("arn"), arn.arg(QStringLiteral("lambda"), QString(QStringLiteral("function:fn-") + tag)) },
                                                     { QStringLiteral("vpc_config"), QJsonArray { QJsonObject { { QStringLiteral("subnet_ids"), QJsonArray { subnetId } } } } } }));
                    break;
                case 4:
                    resources.append(stateResource(QStringLiteral("aws_sqs_queue"), QString(QStringLiteral("q") + tag),
                                                   { { QStringLiteral("id"), QString(QStringLiteral("https://sqs/q-") + tag) }, { QStringLiteral("name"), QString(QStringLiteral("q-") + tag) },
                                                     { QStringLiteral("arn"), arn.arg(QStringLiteral("sqs"), QString(QStringLiteral("q-") + tag)) } }));
                    break;
                default:
                    resources.append(stateResource(QStringLiteral("aws_lambda_event_source_mapping"), QString(QStringLiteral("esm") + tag),
                                                   { { QStringLiteral("id"), QString(QStringLiteral("esm-") + tag) },
                                                     { QStringLiteral("event_source_arn"), arn.arg(QStringLiteral("sqs"), QStringLiteral("q-%1_%2_%3").arg(v).arg(s).arg(n - 1)) },
                                                     { QStringLiteral("function_name"), arn.arg(QStringLiteral("lambda"), QStringLiteral("function:fn-%1_%2_%3").arg(v).arg(s).arg(n - 2)) } }));
                    break;
                }
            }
        }
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("version"), 4 }, { QStringLiteral("terraform_version"), QStringLiteral("1.6.6") },
                                       { QStringLiteral("serial"), 1 }, { QStringLiteral("lineage"), QStringLiteral("bench") },
                                       { QStringLiteral("resources"), resources } })
        .toJson(QJsonDocument::Indented);
}

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// User + system CPU time: on a shared, overloaded machine the wall time mostly measures the wait for a core.
qint64 cpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

// Child mode: convert the file once and print "<wall ms> <peak RSS kB> <nodes> <edges> <bytes out> <cpu ms>".
int runConversion(const QString &path)
{
    const qint64 cpuBefore = cpuMs();
    QElapsedTimer timer;
    timer.start();
    const ConversionResult result = convertFile(path, SourceFormat::Auto, {});
    const QByteArray out = QJsonDocument(result.blueprint).toJson(QJsonDocument::Compact);
    const qint64 ms = timer.elapsed();
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("%lld %ld %d %d %lld %lld\n", static_cast<long long>(ms), peakRssKb(), result.nodeCount,
                result.edgeCount, static_cast<long long>(out.size()), static_cast<long long>(cpuMs() - cpuBefore));
    return 0;
}

struct Run
{
    double ms = -1;
    long rssKb = -1;
    QStringList extra;
};

Run runChild(const QString &program, const QStringList &args, bool timedInside)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return {};
    Run run;
    const QStringList fields = QString::fromUtf8(process.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
    run.ms = timedInside && !fields.isEmpty() ? fields.value(0).toDouble() : double(timer.elapsed());
    run.rssKb = fields.value(timedInside ? 1 : 0).trimmed().toLong();
    run.extra = fields.mid(timedInside ? 2 : 1);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == u"--convert")
        return runConversion(args.at(2));
    if (args.size() == 4 && args.at(1) == u"--generate") {
        // For profilers: write the generated state and stop (then run --convert FILE under perf or callgrind).
        QFile file(args.at(3));
        return file.open(QIODevice::WriteOnly) && file.write(generateState(args.at(2).toInt())) > 0 ? 0 : 1;
    }

    const int count = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 3;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.tfstate"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(generateState(count)) < 0)
            return 1;
    }
    QTextStream out(stdout);
    out << "Generated state: " << count << " resources, " << QFile(path).size() / 1024 << " KiB\n";

    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString jq = QStandardPaths::findExecutable(QStringLiteral("jq"));
    const QString pyScript = QStringLiteral(
        "import json,sys,time,resource\nt=time.time()\nd=json.load(open(sys.argv[1]))\n"
        "ms=(time.time()-t)*1000\nr=resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(int(ms), r.ru_maxrss, len(d['resources']), int((r.ru_utime+r.ru_stime)*1000))\n");
    for (int i = 0; i < runs; ++i) {
        const Run convert = runChild(app.applicationFilePath(), { QStringLiteral("--convert"), path }, true);
        out << "run " << i + 1 << ": convert+layout " << convert.ms << " ms (CPU " << convert.extra.value(3).trimmed()
            << " ms), peak RSS " << convert.rssKb / 1024
            << " MiB (" << convert.extra.value(0) << " nodes, " << convert.extra.value(1) << " edges)";
        if (!python.isEmpty()) {
            const Run py = runChild(python, { QStringLiteral("-c"), pyScript, path }, true);
            out << " | python3 json.load " << py.ms << " ms (process CPU " << py.extra.value(1).trimmed() << " ms), "
                << py.rssKb / 1024 << " MiB, wall ratio " << QString::number(convert.ms / std::max(1.0, py.ms), 'f', 1)
                << "x";
        }
        if (!jq.isEmpty()) {
            const Run j = runChild(jq, { QStringLiteral(".resources | length"), path }, false);
            out << " | jq " << j.ms << " ms, ratio " << QString::number(convert.ms / std::max(1.0, j.ms), 'f', 1) << "x";
        }
        out << "\n";
        out.flush();
    }
    out << "Targets: under 3000 ms and under 500 MiB.\n";
    return 0;
}
