// The local schematic renderer (src/render/schematic) on a generated blueprint of N resources in VPCs and subnets:
// SchematicRenderer::renderPng wall time (median of runs) and peak RSS, against a peer in the same run that
// rasterises our own SVG of the same blueprint at the same pixel size: rsvg-convert (a separate process, its peak
// RSS from RUSAGE_CHILDREN) and librsvg in process (Core::SvgRasterizer).
//
//   bench_schematic [--resources 10000] [--runs 5] [--write DIR]
// --write also saves the PNGs of the generated blueprint, a 200-resource one and every sample blueprint in
// CLOUDCRAFT_SHARED_DIR/samples/cloudcraft, to look at.

#include "render/schematic/schematicrenderer.h"
#include "render/svgrasterizer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <ctime>

using namespace Cloudcraft::Core;

namespace {

long peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
    }
    return -1;
}

QJsonArray pair(double x, double y)
{
    return QJsonArray{x, y};
}

/// `resources` nodes spread over VPCs of up to 10 subnets of up to 100 resources each, laid out as the converters
/// do (nested areas, a grid inside each subnet), with an edge from every third resource to its neighbour.
QJsonObject generatedBlueprint(int resources)
{
    static const QStringList types{QStringLiteral("ec2"), QStringLiteral("rds"), QStringLiteral("lambda"),
                                   QStringLiteral("elb"), QStringLiteral("s3"), QStringLiteral("dynamodb"),
                                   QStringLiteral("sqs"), QStringLiteral("elasticache"), QStringLiteral("block")};
    const int perSubnet = std::min(100, std::max(1, resources / 8));
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(perSubnet)))));
    const double subnetSide = columns * 2.0 + 1.0;
    QJsonArray nodes;
    QJsonArray groups;
    QJsonArray edges;
    int made = 0;
    int vpc = 0;
    while (made < resources) {
        QJsonArray subnetIds;
        const double vpcX = (vpc % 3) * (5 * (subnetSide + 1.5) + 3);
        const double vpcY = (vpc / 3) * (2 * (subnetSide + 1.5) + 4);
        for (int s = 0; s < 10 && made < resources; ++s) {
            const QString subnetId = QStringLiteral("subnet-%1-%2").arg(vpc).arg(s);
            QJsonArray members;
            const double originX = vpcX + 1.5 + (s % 5) * (subnetSide + 1.5);
            const double originY = vpcY + 2.0 + (s / 5) * (subnetSide + 1.5);
            for (int n = 0; n < perSubnet && made < resources; ++n, ++made) {
                const QString id = QStringLiteral("r-%1").arg(made);
                const QString type = types.at(made % types.size());
                QJsonObject node{{QStringLiteral("id"), id},
                                 {QStringLiteral("type"), type},
                                 {QStringLiteral("name"), QStringLiteral("%1-%2").arg(type).arg(made)},
                                 {QStringLiteral("mapPos"),
                                  pair(originX + 1 + (n % columns) * 2.0, originY + 1 + (n / columns) * 2.0)}};
                if (type == QLatin1String("block")) {
                    node.insert(QStringLiteral("width"), 1);
                    node.insert(QStringLiteral("depth"), 1);
                    node.insert(QStringLiteral("name"), QStringLiteral("aws_glue_job.etl_%1").arg(made));
                }
                nodes.append(node);
                members.append(id);
                if (made % 3 == 0 && n + 1 < perSubnet && made + 1 < resources) {
                    edges.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("e-%1").arg(made)},
                                             {QStringLiteral("type"), QStringLiteral("edge")},
                                             {QStringLiteral("from"), id},
                                             {QStringLiteral("to"), QStringLiteral("r-%1").arg(made + 1)}});
                }
            }
            groups.append(QJsonObject{{QStringLiteral("id"), subnetId},
                                      {QStringLiteral("type"), QStringLiteral("subnet")},
                                      {QStringLiteral("name"), QStringLiteral("10.%1.%2.0/24").arg(vpc).arg(s)},
                                      {QStringLiteral("nodes"), members}});
            subnetIds.append(subnetId);
        }
        groups.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("vpc-%1").arg(vpc)},
                                  {QStringLiteral("type"), QStringLiteral("vpc")},
                                  {QStringLiteral("name"), QStringLiteral("vpc-%1 (10.%1.0.0/16)").arg(vpc)},
                                  {QStringLiteral("nodes"), subnetIds}});
        ++vpc;
    }
    const QJsonObject data{{QStringLiteral("version"), 4},
                           {QStringLiteral("name"), QStringLiteral("generated %1").arg(resources)},
                           {QStringLiteral("grid"), QStringLiteral("infinite")},
                           {QStringLiteral("nodes"), nodes},
                           {QStringLiteral("groups"), groups},
                           {QStringLiteral("edges"), edges}};
    return QJsonObject{{QStringLiteral("name"), data.value(QStringLiteral("name"))}, {QStringLiteral("data"), data}};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // text needs the font database (QT_QPA_PLATFORM=offscreen is enough)
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("resources"), QStringLiteral("Resources in the generated blueprint."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs per tool."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("write"), QStringLiteral("Save the PNGs into this folder."),
                      QStringLiteral("dir")});
    parser.process(app);
    const int resources = parser.value(QStringLiteral("resources")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QTextStream out(stdout);

    const QJsonObject blueprint = generatedBlueprint(resources);
    const long rssBefore = peakRssMiB();

    // Ours: the whole PNG path (scene, paint, encode, bounds chunk).
    // Wall time, and the process CPU time too: on a shared, loaded machine the CPU time says what the work costs.
    QList<double> oursMs;
    QList<double> oursCpuMs;
    SchematicResult result;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        const std::clock_t cpuStart = std::clock();
        timer.start();
        result = SchematicRenderer::renderPng(blueprint);
        oursMs.append(timer.nsecsElapsed() / 1e6);
        oursCpuMs.append(1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    }
    if (!result.ok()) {
        out << "renderPng failed: " << result.error << Qt::endl;
        return 1;
    }
    const long rssOurs = peakRssMiB();
    QImage decoded;
    decoded.loadFromData(result.png, "PNG");
    const QSize size = decoded.size();
    out << "blueprint: " << resources << " resources, " << result.bounds.size() << " bounded components\n";
    out << "renderPng: " << size.width() << " x " << size.height() << " px, " << result.png.size() / 1024
        << " KiB, median " << QString::number(median(oursMs), 'f', 1) << " ms wall ("
        << QString::number(median(oursCpuMs), 'f', 1) << " ms CPU) of " << runs
        << " runs, peak RSS " << rssOurs << " MiB (" << rssBefore << " MiB before rendering)\n";

    // The same picture as SVG (our writer), rasterised by librsvg at the same size.
    SchematicOptions sized;
    sized.width = size.width();
    sized.height = size.height();
    const QByteArray svg = SchematicRenderer::renderSvg(blueprint, sized);
    QTemporaryDir dir;
    const QString svgPath = dir.filePath(QStringLiteral("schematic.svg"));
    writeFile(svgPath, svg);
    QList<double> rsvgMs;
    bool rsvgOk = true;
    for (int run = 0; run < runs && rsvgOk; ++run) {
        QProcess rsvg;
        QElapsedTimer timer;
        timer.start();
        rsvg.start(QStringLiteral("rsvg-convert"),
                   {QStringLiteral("-w"), QString::number(size.width()), QStringLiteral("-h"),
                    QString::number(size.height()), QStringLiteral("-o"), dir.filePath(QStringLiteral("rsvg.png")),
                    svgPath});
        rsvgOk = rsvg.waitForFinished(600000) && rsvg.exitCode() == 0;
        rsvgMs.append(timer.nsecsElapsed() / 1e6);
    }
    struct rusage children {};
    getrusage(RUSAGE_CHILDREN, &children);
    if (rsvgOk) {
        out << "rsvg-convert (same SVG, same size, PNG out): median " << QString::number(median(rsvgMs), 'f', 1)
            << " ms, peak RSS " << children.ru_maxrss / 1024 << " MiB -> ours takes "
            << QString::number(median(oursMs) / median(rsvgMs), 'f', 2) << "x its time\n";
    } else {
        out << "rsvg-convert: not available or failed\n";
    }

    QList<double> librsvgMs;
    const SvgRasterizer rasterizer;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const DiagramImage image = rasterizer.render(svg);
        librsvgMs.append(timer.nsecsElapsed() / 1e6);
        if (!image.ok()) {
            out << "SvgRasterizer failed: " << image.error << Qt::endl;
            break;
        }
    }
    out << "librsvg in process (SvgRasterizer, raster only, no PNG encode): median "
        << QString::number(median(librsvgMs), 'f', 1) << " ms -> ours (with encode) takes "
        << QString::number(median(oursMs) / median(librsvgMs), 'f', 2) << "x its time\n";

    if (parser.isSet(QStringLiteral("write"))) {
        const QDir target(parser.value(QStringLiteral("write")));
        QDir().mkpath(target.absolutePath());
        writeFile(target.filePath(QStringLiteral("generated-%1.png").arg(resources)), result.png);
        writeFile(target.filePath(QStringLiteral("generated-200.png")),
                  SchematicRenderer::renderPng(generatedBlueprint(200)).png);
        const QDir samples(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft"));
        for (const QString &name : samples.entryList({QStringLiteral("blueprint-*.json")}, QDir::Files)) {
            QFile file(samples.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject sample = QJsonDocument::fromJson(file.readAll()).object();
            writeFile(target.filePath(QString(name).replace(QStringLiteral(".json"), QStringLiteral(".png"))),
                      SchematicRenderer::renderPng(sample).png);
        }
        out << "PNGs written to " << target.absolutePath() << "\n";
    }
    return 0;
}
