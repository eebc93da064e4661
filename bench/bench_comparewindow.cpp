// The compare window on an 8K pair (7680 × 4320 PNGs of a generated diagram, the after one with a few boxes moved,
// added and recoloured), opened by file name in the real CompareWindow. A 5 ms heartbeat QTimer runs on the UI
// thread throughout; every gap beyond the interval is time the window could not react.
//
//   bench_comparewindow [--runs N]      (offscreen unless QT_QPA_PLATFORM says otherwise)
//
// Prints per run: time from openReferences() to the first result on screen (decode of both PNGs + the diff +
// the difference image), and the worst heartbeat gap in each phase: open, mode switches (keys 1..5), a threshold
// change (slider → debounce → recompute → counts), and a quiet second for reference; and for the open and the
// threshold phases the longest single event the UI thread handled (a result arriving, a paint), in wall time and in
// the UI thread's own CPU time: a long wall time with little CPU is the UI thread waiting for something.
#include "comparewindow.h"
#include "compare/compareview.h"

#include "diff/diffsource.h"
#include "render/pngencoder.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Cloudcraft;

namespace {

constexpr int kHeartbeatMs = 5;

/// The longest gap between two ticks of a fast UI-thread timer since the last reset().
class Heartbeat final
{
public:
    Heartbeat()
    {
        m_timer.setInterval(kHeartbeatMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_worst = std::max(m_worst, double(m_clock.nsecsElapsed()) / 1e6);
            m_clock.start();
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_worst = 0;
        m_clock.start();
    }
    /// The worst gap so far, including the one still open.
    double worstMs() const { return std::max(m_worst, double(m_clock.nsecsElapsed()) / 1e6); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worst = 0;
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// Times each event the UI thread dispatches (the outermost notify() only) and keeps the longest since reset().
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread() || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer wall;
        wall.start();
        const double cpuBefore = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        if (wallMs > m_worstWallMs) {
            m_worstWallMs = wallMs;
            m_worstCpuMs = threadCpuMs() - cpuBefore;
        }
        --m_depth;
        return handled;
    }
    void resetWorst() { m_worstWallMs = m_worstCpuMs = 0; }
    /// "wall/cpu" of the longest event since resetWorst().
    QByteArray worst() const
    {
        return QByteArray::number(m_worstWallMs, 'f', 1) + '/' + QByteArray::number(m_worstCpuMs, 'f', 1);
    }

private:
    int m_depth = 0;
    double m_worstWallMs = 0;
    double m_worstCpuMs = 0;
};

/// A diagram-like 8K picture: a grid of labelled boxes in groups on white; `after` moves, adds and recolours some.
QImage diagram(bool after)
{
    QImage image(7680, 4320, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(28);
    p.setFont(font);
    for (int gy = 0; gy < 3; ++gy) {
        for (int gx = 0; gx < 4; ++gx) {
            const QRect group(120 + gx * 1880, 140 + gy * 1400, 1700, 1200);
            p.setPen(QPen(QColor(0x3b, 0x7d, 0xd8), 6, Qt::DashLine));
            p.setBrush(QColor(0xee, 0xf4, 0xfd));
            p.drawRoundedRect(group, 24, 24);
            for (int i = 0; i < 12; ++i) {
                QRect box(group.x() + 80 + (i % 4) * 400, group.y() + 120 + (i / 4) * 360, 260, 200);
                QColor fill(0xf5, 0x9e, 0x0b);
                if (after && gx == 1 && gy == 1 && i == 5)
                    box.translate(60, 40); // moved
                if (after && gx == 3 && gy == 0 && i == 2)
                    fill = QColor(0x10, 0xb9, 0x81); // recoloured
                p.setPen(QPen(Qt::black, 3));
                p.setBrush(fill);
                p.drawRoundedRect(box, 16, 16);
                p.drawText(box.adjusted(0, 210, 0, 260), Qt::AlignHCenter | Qt::AlignTop,
                           QStringLiteral("instance-%1-%2-%3").arg(gx).arg(gy).arg(i));
                if (i > 0)
                    p.drawLine(box.left() - 140, box.center().y(), box.left(), box.center().y());
            }
        }
    }
    if (after) { // added
        p.setBrush(QColor(0xdc, 0x26, 0x26));
        p.drawRoundedRect(QRect(6900, 3900, 300, 240), 16, 16);
    }
    return image;
}

void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    int runs = 3;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = std::max(1, args.at(i + 1).toInt());

    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("before-8k.png"));
    const QString after = dir.filePath(QStringLiteral("after-8k.png"));
    for (const auto &[path, isAfter] : {std::pair{before, false}, std::pair{after, true}}) {
        if (const QString problem = Core::PngEncoder::writeFile(diagram(isAfter), path); !problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(problem));
            return 1;
        }
    }
    std::printf("8K pair: 7680 x 4320, %.1f + %.1f MB PNG\n", QFileInfo(before).size() / 1048576.0,
                QFileInfo(after).size() / 1048576.0);
    std::printf("%-4s %10s %9s %10s %10s %11s %12s %9s\n", "run", "first(ms)", "open-gap", "open-event", "modes-gap",
                "thresh-gap", "thresh-event", "idle-gap");

    Core::DiffSourceRegistry registry; // files only
    QSettings settings(dir.filePath(QStringLiteral("bench.ini")), QSettings::IniFormat);
    Heartbeat heartbeat;
    for (int run = 1; run <= runs; ++run) {
        Ui::CompareWindow window({&registry, nullptr, settings, QString()});
        window.resize(1600, 1000);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        spin(200);

        bool shown = false;
        bool failed = false;
        QObject::connect(&window, &Ui::CompareWindow::firstResultShown, [&shown] { shown = true; });
        QObject::connect(&window, &Ui::CompareWindow::loadFailed, [&failed](const QString &why) {
            std::fprintf(stderr, "%s\n", qPrintable(why));
            failed = true;
        });
        heartbeat.reset();
        app.resetWorst();
        QElapsedTimer clock;
        clock.start();
        window.openReferences(before, after);
        if (!waitFor([&] { return shown || failed; }, 60000) || failed)
            return 1;
        const double firstMs = double(clock.nsecsElapsed()) / 1e6;
        spin(100); // the paint of the first result
        const double openGap = heartbeat.worstMs();
        const QByteArray openEvent = app.worst();

        heartbeat.reset();
        for (Qt::Key key : {Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_1, Qt::Key_5}) {
            QTest::keyClick(window.view(), key);
            spin(150);
        }
        const double modesGap = heartbeat.worstMs();

        auto *slider = window.findChild<QSlider *>(QStringLiteral("thresholdSlider"));
        const quint64 generation = window.session()->generation();
        heartbeat.reset();
        app.resetWorst();
        slider->setValue(slider->value() == 30 ? 10 : 30);
        if (!waitFor([&] { return window.session()->generation() != generation && !window.session()->isComputing(); },
                     60000))
            return 1;
        spin(100);
        const double thresholdGap = heartbeat.worstMs();
        const QByteArray thresholdEvent = app.worst();

        heartbeat.reset();
        spin(1000);
        const double idleGap = heartbeat.worstMs();
        std::printf("%-4d %10.0f %9.1f %10s %10.1f %11.1f %12s %9.1f\n", run, firstMs, openGap, openEvent.constData(),
                    modesGap, thresholdGap, thresholdEvent.constData(), idleGap);
        std::fflush(stdout);
    }
    return 0;
}
