// bench_compare: what the compare view waits for on an 8K pair. Writes the diagram-like 7680×4320 pair with
// bench_diagrampair (the pair bench/diff uses), then per run:
//   - two PNG files → first CompareResult (CompareLoader: read + parallel decode; CompareSession: diff, regions,
//     difference image), target < 1.5 s;
//   - a threshold change → its CompareResult (the recompute a slider drag causes);
//   - the longest gap of a 5 ms heartbeat on the UI thread during both, target < 50 ms;
// and `cloudcraft-cli diff A B --json` wall time on the same pair in the same run (ratio), whose count must equal ours.
//
//   bench_compare [RUNS]     default 3; medians printed

#include "compare/compareloader.h"
#include "compare/comparesession.h"
#include "diff/diffsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Cloudcraft::Core;

namespace {

/// The longest interval between two ticks of a 5 ms timer on this thread while it runs.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        m_longest = std::max(m_longest, m_clock.nsecsElapsed() - m_last);
        return m_longest / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

struct CliRun
{
    double ms = 0;
    qint64 mismatch = -1;
};

CliRun runCli(const QString &a, const QString &b, const QString &configDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(CLOUDCRAFT_CLI_BINARY), {QStringLiteral("--json"), QStringLiteral("diff"), a, b});
    process.waitForFinished(120000);
    CliRun run;
    run.ms = clock.nsecsElapsed() / 1e6;
    run.mismatch = QJsonDocument::fromJson(process.readAllStandardOutput())
                       .object()
                       .value(u"pixels")
                       .toObject()
                       .value(u"mismatch")
                       .toInteger(-1);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = std::max(1, app.arguments().value(1, QStringLiteral("3")).toInt());
    QTemporaryDir dir;
    QProcess generator;
    QProcessEnvironment generatorEnv = QProcessEnvironment::systemEnvironment();
    if (!generatorEnv.contains(QStringLiteral("QT_QPA_PLATFORM")))
        generatorEnv.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // it draws with QPainter
    generator.setProcessEnvironment(generatorEnv);
    generator.start(QStringLiteral(CLOUDCRAFT_DIAGRAMPAIR_BINARY), {dir.path(), QStringLiteral("7680x4320:8k")});
    if (!generator.waitForFinished(300000) || generator.exitCode() != 0) {
        std::fprintf(stderr, "bench_diagrampair failed: %s\n", generator.readAllStandardError().constData());
        return 1;
    }
    const QString a = dir.filePath(QStringLiteral("8k-a.png"));
    const QString b = dir.filePath(QStringLiteral("8k-b.png"));
    std::printf("8K pair (7680x4320) from bench_diagrampair, %d run(s)\n", runs);

    DiffSourceRegistry registry; // files only
    QList<double> firstMs, recomputeMs, firstGap, recomputeGap, cliMs;
    qint64 ours = -1;
    qint64 theirs = -1;
    for (int run = 0; run < runs; ++run) {
        CompareLoader loader(registry);
        CompareSession session;
        QEventLoop loop;
        QObject::connect(&loader, &CompareLoader::loaded, &session,
                         [&](CompareSide before, CompareSide after) { session.setSides(std::move(before), std::move(after)); });
        QObject::connect(&loader, &CompareLoader::failed, [&](const QString &why) {
            std::fprintf(stderr, "%s\n", qPrintable(why));
            std::exit(1);
        });
        QObject::connect(&session, &CompareSession::resultReady, &loop, &QEventLoop::quit);

        Heartbeat heartbeat;
        QElapsedTimer clock;
        heartbeat.start();
        clock.start();
        loader.load(a, b);
        loop.exec();
        firstMs << clock.nsecsElapsed() / 1e6;
        firstGap << heartbeat.stopMs();
        ours = session.result().differentPixels;

        heartbeat.start();
        clock.restart();
        CompareSettings looser;
        looser.threshold = 0.2;
        session.setSettings(looser);
        loop.exec();
        recomputeMs << clock.nsecsElapsed() / 1e6;
        recomputeGap << heartbeat.stopMs();

        const CliRun cli = runCli(a, b, dir.filePath(QStringLiteral("config")));
        cliMs << cli.ms;
        theirs = cli.mismatch;
        std::printf("run %d: files->first result %.0f ms (UI gap %.1f ms), threshold change %.0f ms (UI gap %.1f ms), "
                    "cloudcraft-cli diff %.0f ms\n",
                    run + 1, firstMs.last(), firstGap.last(), recomputeMs.last(), recomputeGap.last(), cli.ms);
    }
    const double first = median(firstMs);
    std::printf("\nmedian: files->first result %.0f ms (target < 1500), threshold change %.0f ms, "
                "longest UI-thread gap %.1f ms (target < 50)\n",
                first, median(recomputeMs), std::max(*std::max_element(firstGap.begin(), firstGap.end()),
                                                     *std::max_element(recomputeGap.begin(), recomputeGap.end())));
    std::printf("peer: cloudcraft-cli diff (process, read+decode+diff, no diff image) %.0f ms; "
                "compare view / CLI = %.2f\n",
                median(cliMs), first / std::max(1.0, median(cliMs)));
    std::printf("counts: compare session %lld, cloudcraft-cli %lld (%s)\n", static_cast<long long>(ours),
                static_cast<long long>(theirs), ours == theirs ? "equal" : "DIFFERENT");
    return ours == theirs ? 0 : 2;
}
