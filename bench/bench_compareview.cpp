// The compare view on an 8K pair (7680 × 4320): UI-thread stalls while images arrive, modes switch, the user zooms
// and pans. A 5 ms heartbeat QTimer runs on the UI thread the whole time; each gap between ticks beyond the interval
// is time the view could not react. Every step repaints the view synchronously, so painting is inside the gaps.
//
//   bench_compareview [--rounds N]       (offscreen unless QT_QPA_PLATFORM says otherwise; default 3 rounds)
//
// Phases: images (setImages on the pair, the view fitted, until both pyramids are built off the UI thread),
// modes (keys 1..5 over and over), zoom (Ctrl+wheel steps in and out at the cursor, fitted to 400 %), pan (a drag
// sweep across the image at 100 % and at 50 %), idle (a quiet second, for reference).
// Then a peer in the same run: one fitted frame painted from the full 8K image (what a view without reduced levels
// does each paint) against the same frame painted by ImagePyramid::draw.
#include "compareview.h"
#include "compareviewport.h"
#include "imagepyramid.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Cloudcraft;

namespace {

constexpr int kHeartbeatMs = 5;
constexpr double kStallMs = 50.0;
const QSize k8K(7680, 4320);

class Heartbeat final
{
public:
    struct Phase
    {
        QString name;
        double durationMs = 0;
        double maxGapMs = 0;
        int steps = 0;
        std::vector<double> stalls;
        std::vector<double> stepCpuMs; ///< UI-thread CPU time of each step (action + repaint): load-independent
    };

    Heartbeat()
    {
        m_timer.setInterval(kHeartbeatMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void begin(const QString &name)
    {
        end();
        m_phases.push_back({name, 0, 0, 0, {}, {}});
        m_clock.start();
        m_last.start();
        m_timer.start();
    }
    void step(double cpuMs)
    {
        ++m_phases.back().steps;
        m_phases.back().stepCpuMs.push_back(cpuMs);
    }
    void end()
    {
        if (!m_timer.isActive())
            return;
        tick();
        m_timer.stop();
        m_phases.back().durationMs = m_clock.nsecsElapsed() / 1e6;
    }
    const std::vector<Phase> &phases() const { return m_phases; }

private:
    void tick()
    {
        const double gap = m_last.nsecsElapsed() / 1e6;
        m_last.restart();
        Phase &phase = m_phases.back();
        phase.maxGapMs = std::max(phase.maxGapMs, gap);
        if (gap > kStallMs)
            phase.stalls.push_back(gap);
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_last;
    std::vector<Phase> m_phases;
};

/// A diagram-like 8K picture: background grid, a few hundred boxes with outlines and labels; `variant` moves some.
QImage makeDiagram(int variant)
{
    QImage image(k8K, QImage::Format_RGBA8888);
    image.fill(QColor(246, 247, 249));
    QPainter painter(&image);
    painter.setPen(QColor(225, 228, 232));
    for (int x = 0; x < k8K.width(); x += 40)
        painter.drawLine(x, 0, x, k8K.height());
    for (int y = 0; y < k8K.height(); y += 40)
        painter.drawLine(0, y, k8K.width(), y);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(22);
    painter.setFont(font);
    for (int i = 0; i < 300; ++i) {
        const int col = i % 20;
        const int row = i / 20;
        QRect box(120 + col * 370, 120 + row * 270, 260, 160);
        if (variant == 1 && i % 37 == 0)
            box.translate(60, 30);
        painter.setPen(QPen(QColor(60, 90, 140), 3));
        painter.setBrush(QColor::fromHsv((i * 29) % 360, 90, 240));
        painter.drawRoundedRect(box, 12, 12);
        painter.setPen(Qt::black);
        const int label = variant == 1 && i % 53 == 0 ? i + 1 : i;
        painter.drawText(box, Qt::AlignCenter, QStringLiteral("service-%1").arg(label));
    }
    return image;
}

void wheel(QWidget *widget, QPointF pos, int notches)
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void mouse(QWidget *widget, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

QWidget *currentCanvas(Ui::CompareView &view)
{
    const char *name = view.mode() == Ui::CompareMode::SideBySide ? "beforeCanvas" : "compareCanvas";
    return view.findChild<QWidget *>(QLatin1String(name));
}

/// One user step: the action, a synchronous repaint of the view, then the event loop for one heartbeat.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

void stepAndPaint(Heartbeat &beat, Ui::CompareView &view, const std::function<void()> &action)
{
    const double cpu = threadCpuMs();
    action();
    view.repaint();
    beat.step(threadCpuMs() - cpu);
    QTest::qWait(kHeartbeatMs);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rounds = 3;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--rounds")); at >= 0 && at + 1 < args.size())
        rounds = std::max(1, args.at(at + 1).toInt());

    std::printf("Generating the 8K pair (%dx%d)...\n", k8K.width(), k8K.height());
    const QImage before = makeDiagram(0);
    const QImage after = makeDiagram(1);
    QImage difference = after.convertToFormat(QImage::Format_RGBA8888);

    Ui::CompareView view;
    view.resize(1600, 1000);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        std::fprintf(stderr, "The compare view was not shown.\n");
        return 1;
    }
    view.setFocus();
    const auto pyramids = view.findChildren<Ui::ImagePyramid *>();

    Heartbeat beat;
    QTest::qWait(100);
    beat.begin(QStringLiteral("images"));
    QElapsedTimer firstPaint;
    firstPaint.start();
    const double firstPaintCpu = threadCpuMs();
    view.setImages(before, after);
    view.setDifferenceImage(difference);
    view.repaint();
    const double firstPaintMs = firstPaint.nsecsElapsed() / 1e6;
    const double firstPaintCpuMs = threadCpuMs() - firstPaintCpu;
    QElapsedTimer ready;
    ready.start();
    while (!std::all_of(pyramids.begin(), pyramids.end(), [](auto *p) { return p->isNull() || p->isReady(); })
           && ready.elapsed() < 30000)
        QTest::qWait(kHeartbeatMs);
    const double readyMs = firstPaint.nsecsElapsed() / 1e6;
    const double readyCpuMs = threadCpuMs() - firstPaintCpu;
    view.repaint();

    beat.begin(QStringLiteral("modes"));
    std::vector<double> switchMs;
    for (int r = 0; r < rounds * 4; ++r) {
        for (int key = Qt::Key_1; key <= Qt::Key_5; ++key) {
            QElapsedTimer t;
            t.start();
            stepAndPaint(beat, view, [&] { QTest::keyClick(&view, Qt::Key(key)); });
            switchMs.push_back(t.nsecsElapsed() / 1e6 - kHeartbeatMs);
        }
    }

    beat.begin(QStringLiteral("zoom"));
    for (int r = 0; r < rounds; ++r) {
        for (Ui::CompareMode mode : {Ui::CompareMode::SideBySide, Ui::CompareMode::Onion}) {
            view.setMode(mode);
            view.fitToWindow();
            QWidget *canvas = currentCanvas(view);
            const QPointF at(canvas->width() * 0.3, canvas->height() * 0.6);
            while (view.zoom() < 4.0)
                stepAndPaint(beat, view, [&] { wheel(canvas, at, 1); });
            while (view.zoom() > view.viewport()->fitZoom() * 1.01)
                stepAndPaint(beat, view, [&] { wheel(canvas, at, -1); });
        }
    }

    beat.begin(QStringLiteral("pan"));
    for (int r = 0; r < rounds; ++r) {
        for (double zoom : {1.0, 0.5}) {
            for (Ui::CompareMode mode : {Ui::CompareMode::SideBySide, Ui::CompareMode::Swipe}) {
                view.setMode(mode);
                view.fitToWindow();
                view.setZoom(zoom);
                QWidget *canvas = currentCanvas(view);
                QPointF pos(canvas->width() - 20.0, canvas->height() - 20.0);
                mouse(canvas, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
                for (int i = 0; i < 40; ++i) {
                    pos -= QPointF(30, 18);
                    stepAndPaint(beat, view,
                                 [&] { mouse(canvas, QEvent::MouseMove, pos, Qt::NoButton, Qt::LeftButton); });
                }
                mouse(canvas, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
            }
        }
    }

    beat.begin(QStringLiteral("idle"));
    QTest::qWait(1000);
    beat.end();

    std::printf("\n8K pair in a %dx%d compare view, heartbeat %d ms, %d rounds\n", view.width(), view.height(),
                kHeartbeatMs, rounds);
    std::printf("setImages + first paint (RGBA8888 sides wait for the worker's copy): %.1f ms wall, %.1f ms CPU\n",
                firstPaintMs, firstPaintCpuMs);
    std::printf("levels of all three images built off the UI thread after: %.0f ms (UI thread CPU meanwhile %.0f ms)\n",
                readyMs, readyCpuMs);
    std::printf("%-8s %8s %6s %12s %14s %13s  %s\n", "phase", "ms", "steps", "max gap ms", "step cpu med", "step cpu max",
                "gaps over 50 ms");
    double worst = 0;
    for (const Heartbeat::Phase &phase : beat.phases()) {
        QString stalls;
        for (double s : phase.stalls)
            stalls += QString::number(s, 'f', 0) + QLatin1Char(' ');
        const double cpuMax = phase.stepCpuMs.empty()
            ? 0
            : *std::max_element(phase.stepCpuMs.begin(), phase.stepCpuMs.end());
        std::printf("%-8s %8.0f %6d %12.1f %14.1f %13.1f  %s\n", qPrintable(phase.name), phase.durationMs, phase.steps,
                    phase.maxGapMs, median(phase.stepCpuMs), cpuMax, stalls.isEmpty() ? "none" : qPrintable(stalls));
        if (phase.name != QLatin1String("images"))
            worst = std::max(worst, phase.maxGapMs);
    }
    std::printf("mode switch incl. repaint: median %.1f ms, worst %.1f ms\n", median(switchMs),
                *std::max_element(switchMs.begin(), switchMs.end()));

    // Peer: the same fitted frame painted from the full image vs from the pyramid.
    view.setMode(Ui::CompareMode::Swipe);
    view.fitToWindow();
    QWidget *canvas = currentCanvas(view);
    const QRectF target = view.viewport()->toWidget(QRectF(QPointF(0, 0), QSizeF(k8K)));
    QImage frame(canvas->size(), QImage::Format_ARGB32_Premultiplied);
    const Ui::ImagePyramid *pyramid = pyramids.first();
    std::vector<double> full;
    std::vector<double> reduced;
    for (int i = 0; i < 5 * rounds; ++i) {
        QElapsedTimer t;
        t.start();
        {
            QPainter painter(&frame);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(target, pyramid->image());
        }
        full.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        {
            QPainter painter(&frame);
            pyramid->draw(painter, target, QRectF(QPointF(0, 0), QSizeF(k8K)), view.zoom());
        }
        reduced.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("fitted frame (zoom %.3f): full 8K image %.1f ms, pyramid level %.1f ms (median), %.1fx faster\n",
                view.zoom(), median(full), median(reduced), median(full) / std::max(0.01, median(reduced)));
    std::printf("worst gap after the images phase: %.1f ms (target < %.0f ms): %s\n", worst, kStallMs,
                worst < kStallMs ? "ok" : "OVER");
    return 0;
}
