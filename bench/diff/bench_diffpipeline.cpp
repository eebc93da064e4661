// The phases of `cloudcraft-cli diff a.png b.png --diff-out d.png`, timed one by one: read, decode both sides (in
// parallel, as DiffInput does), PixelDiff, PNG encode and write. Prints each phase's wall time and the peak RSS so
// far, to see where the time and the memory go.
//
//   bench_diffpipeline A.png B.png OUT.png [RUNS]

#include "diff/pixeldiff.h"
#include "render/pngdecoder.h"
#include "render/pngencoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <thread>

using namespace Cloudcraft::Core;

namespace {

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::number(line.mid(6).trimmed().split(' ').first().toLongLong() / 1024) + QStringLiteral(" MiB");
    }
    return QStringLiteral("?");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 4) {
        QTextStream(stderr) << "usage: bench_diffpipeline A.png B.png OUT.png [RUNS]\n";
        return 2;
    }
    const int runs = args.size() > 4 ? args.at(4).toInt() : 1;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer total;
        total.start();
        QElapsedTimer phase;
        phase.start();
        QByteArray bytesA = readAll(args.at(1));
        QByteArray bytesB = readAll(args.at(2));
        const qint64 readMs = phase.restart();

        DiagramImage imageB;
        std::thread second([&] {
            imageB = PngDecoder().decode(bytesB);
            bytesB = QByteArray();
        });
        DiagramImage imageA = PngDecoder().decode(bytesA);
        bytesA = QByteArray();
        second.join();
        const qint64 decodeMs = phase.restart();
        if (!imageA.ok() || !imageB.ok()) {
            QTextStream(stderr) << imageA.error << imageB.error << '\n';
            return 2;
        }
        const QString rssAfterDecode = peakRss();

        // As the CLI does when no report needs the "before" image: the diff is drawn into A's pixels.
        PixelDiffResult result = PixelDiff().compareInto(std::move(imageA.image), imageB.image);
        const qint64 compareMs = phase.restart();
        const QString rssAfterCompare = peakRss();
        imageA = {};
        imageB = {};
        const QString problem = PngEncoder::writeFile(result.diffImage, args.at(3));
        const qint64 encodeMs = phase.restart();
        out << "read " << readMs << " ms, decode " << decodeMs << " ms (peak " << rssAfterDecode << "), compare "
            << compareMs << " ms (peak " << rssAfterCompare << "), encode+write " << encodeMs << " ms (peak "
            << peakRss() << "); total " << total.elapsed() << " ms; mismatch " << result.mismatchCount << problem
            << '\n';
        out.flush();
    }
    return 0;
}
