// Decoding an 8K (7680 × 4320) PNG: PngDecoder (libspng into the QImage) against QImage::loadFromData with Qt's
// allocation limit lifted, in the same run. Prints both times (best and median of N) and the ratio.
#include "render/pngdecoder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Cloudcraft::Core;

namespace {

// A diagram-like frame: flat background, boxes, lines and some noise, so it compresses like a real render.
QByteArray makePng(bool alpha)
{
    QImage image(7680, 4320, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(alpha ? qRgba(0, 0, 0, 0) : qRgb(255, 255, 255));
    quint32 state = 7;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((x / 240 + y / 240) % 3 == 0) {
                state = state * 1664525u + 1013904223u;
                line[x] = qRgba(40 + int(state >> 29), 120, 200 - (y & 15), 255);
            } else if (x % 97 == 0 || y % 89 == 0) {
                line[x] = qRgba(30, 30, 30, 255);
            }
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    return bytes;
}

template <typename F> std::vector<double> timeRuns(int runs, F &&decode)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        decode();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    QImageReader::setAllocationLimit(0); // Qt refuses 8K (132 MB) under its default 128 MB limit
    for (bool alpha : { false, true }) {
        const QByteArray png = makePng(alpha);
        std::printf("8K PNG (7680 x 4320, %s), %.1f MB file, %d runs each\n", alpha ? "RGBA" : "RGB",
            double(png.size()) / 1e6, runs);
        QSize ours;
        QSize theirs;
        const auto spng = timeRuns(runs, [&] { ours = PngDecoder().decode(png).image.size(); });
        const auto qt = timeRuns(runs, [&] {
            QImage image;
            image.loadFromData(png, "PNG");
            theirs = image.size();
        });
        if (ours != QSize(7680, 4320) || theirs != ours) {
            std::printf("  decode failed (ours %dx%d, Qt %dx%d)\n", ours.width(), ours.height(), theirs.width(),
                theirs.height());
            return 1;
        }
        const double spngMedian = spng[spng.size() / 2];
        const double qtMedian = qt[qt.size() / 2];
        std::printf("  PngDecoder (libspng):   best %7.1f ms, median %7.1f ms\n", spng.front(), spngMedian);
        std::printf("  QImage::loadFromData:   best %7.1f ms, median %7.1f ms\n", qt.front(), qtMedian);
        std::printf("  ratio Qt / PngDecoder (median): %.2fx\n\n", qtMedian / spngMedian);
    }

    // Real Cloudcraft exports (read in place from ../shared): these come from Cloudcraft's own encoder, whose
    // filter choices differ from Qt's, so the ratio differs from the generated frames above.
    const QDir samples(QStringLiteral(CLOUDCRAFT_SHARED_DIR) + QStringLiteral("/samples/cloudcraft"));
    const QStringList files = samples.entryList({QStringLiteral("export-*.png")}, QDir::Files, QDir::Name);
    if (!files.isEmpty()) {
        QList<QByteArray> blobs;
        qint64 pixels = 0;
        for (const QString &file : files) {
            QFile in(samples.filePath(file));
            if (in.open(QIODevice::ReadOnly))
                blobs.append(in.readAll());
            const auto size = PngDecoder::headerSize(blobs.last());
            pixels += size ? qint64(size->width()) * size->height() : 0;
        }
        bool ok = true;
        const auto spng = timeRuns(runs, [&] {
            for (const QByteArray &blob : std::as_const(blobs))
                ok = PngDecoder().decode(blob).ok() && ok;
        });
        const auto qt = timeRuns(runs, [&] {
            for (const QByteArray &blob : std::as_const(blobs)) {
                QImage image;
                ok = image.loadFromData(blob, "PNG") && ok;
            }
        });
        if (!ok) {
            std::printf("a sample failed to decode\n");
            return 1;
        }
        const double spngMedian = spng[spng.size() / 2];
        const double qtMedian = qt[qt.size() / 2];
        std::printf("%lld real Cloudcraft exports (%.1f Mpx in all), %d runs each\n", qlonglong(blobs.size()),
                    double(pixels) / 1e6, runs);
        std::printf("  PngDecoder (libspng):   best %7.1f ms, median %7.1f ms\n", spng.front(), spngMedian);
        std::printf("  QImage::loadFromData:   best %7.1f ms, median %7.1f ms\n", qt.front(), qtMedian);
        std::printf("  ratio Qt / PngDecoder (median): %.2fx\n", qtMedian / spngMedian);
    }
    return 0;
}
