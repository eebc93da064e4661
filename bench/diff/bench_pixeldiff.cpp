// Times PixelDiff on an 8K (7680 × 4320) diagram-like pair with a few changes: one thread against two (the ratio
// is the speed-up), then the identical-image fast path. Each figure is the best of several runs.

#include "diff/pixeldiff.h"

#include <QElapsedTimer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <thread>

using namespace Cloudcraft::Core;

namespace {

QImage drawDiagram(QSize size)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(QColor(245, 247, 250));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(220, 224, 230), 1));
    for (int x = 0; x < size.width(); x += 48)
        painter.drawLine(x, 0, x, size.height());
    for (int y = 0; y < size.height(); y += 48)
        painter.drawLine(0, y, size.width(), y);
    // Rows of "components" with anti-aliased outlines, like an isometric blueprint export.
    for (int row = 0; row < size.height() / 180; ++row) {
        for (int column = 0; column < size.width() / 200; ++column) {
            const QRectF box(column * 200 + 30.5, row * 180 + 40.25, 120, 90);
            painter.setBrush(QColor::fromHsv((row * 40 + column * 13) % 360, 120, 230));
            painter.setPen(QPen(QColor(40, 40, 60), 2));
            painter.drawRoundedRect(box, 12, 12);
            painter.drawLine(box.center(), box.center() + QPointF(140, 70));
        }
    }
    return image;
}

QImage withChanges(const QImage &before)
{
    QImage after = before.copy();
    QPainter painter(&after);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(230, 80, 60));
    painter.drawEllipse(QRectF(1000.5, 800.5, 220, 160));         // a new component
    painter.fillRect(QRect(5000, 2100, 400, 300), Qt::white);     // a removed one
    painter.setPen(QPen(Qt::black, 3));
    painter.drawLine(QPointF(300, 4000), QPointF(7000, 3900));    // a new long connection
    return after;
}

// Best wall time of `runs` calls, in milliseconds.
double bestOf(int runs, const std::function<void()> &work)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QPainter on a QImage needs no platform plugin
    QTextStream out(stdout);
    const QSize size(7680, 4320);
    out << "bench_pixeldiff: " << size.width() << " x " << size.height() << ", hardware threads "
        << std::thread::hardware_concurrency() << Qt::endl;

    const QImage before = drawDiagram(size);
    const QImage after = withChanges(before);
    const int runs = 3;

    PixelDiffResult single, dual;
    PixelDiffOptions options;
    options.threads = 1;
    const double oneThread = bestOf(runs, [&] { single = PixelDiff(options).compare(before, after); });
    options.threads = 2;
    const double twoThreads = bestOf(runs, [&] { dual = PixelDiff(options).compare(before, after); });

    out << "changed pixels " << single.mismatchCount << ", anti-aliased " << single.antiAliasedCount << ", regions "
        << single.regions.size() << Qt::endl;
    if (dual.mismatchCount != single.mismatchCount || dual.diffImage != single.diffImage
        || dual.regions != single.regions) {
        out << "ERROR: two threads gave a different result" << Qt::endl;
        return 1;
    }
    out << "PixelDiff 1 thread:  " << oneThread << " ms" << Qt::endl;
    out << "PixelDiff 2 threads: " << twoThreads << " ms" << Qt::endl;
    out << "speed-up (1 thread / 2 threads): " << oneThread / twoThreads << Qt::endl;

    options.produceDiffImage = false;
    options.threads = 1;
    const double countOnly = bestOf(runs, [&] { PixelDiff(options).compare(before, after); });
    options.threads = 2;
    const double countOnlyTwo = bestOf(runs, [&] { PixelDiff(options).compare(before, after); });
    // Without the diff image there are no page faults on a fresh 130 MB buffer: this ratio is the compute scaling.
    out << "count only, 1 thread: " << countOnly << " ms, 2 threads: " << countOnlyTwo << " ms, speed-up "
        << countOnly / countOnlyTwo << Qt::endl;
    options.threads = 1;

    // Identical content in two buffers: the memcmp fast path.
    const QImage copy = before.copy();
    PixelDiffResult same;
    const double identicalCount = bestOf(runs, [&] { same = PixelDiff(options).compare(before, copy); });
    options.produceDiffImage = true;
    options.threads = 0;
    const double identicalImage = bestOf(runs, [&] { PixelDiff(options).compare(before, copy); });
    out << "identical, count only: " << identicalCount << " ms (identical=" << (same.identical ? "yes" : "no")
        << ")" << Qt::endl;
    out << "identical, with diff image: " << identicalImage << " ms" << Qt::endl;
    out << "full diff / identical count only: " << oneThread / identicalCount << Qt::endl;
    return same.identical && same.mismatchCount == 0 ? 0 : 1;
}
