// UI-thread stalls while the real MainWindow opens the large emulator workspace (5,000 blueprints, 50 accounts) and
// previews an 8K PNG. A 5 ms heartbeat QTimer runs on the UI thread the whole time; every gap between two ticks
// beyond the interval is time the UI could not react. Prints, per phase, the longest gap and the gaps over 50 ms.
//
//   bench_uistall [--blueprints N] [--keep]      (offscreen unless QT_QPA_PLATFORM says otherwise)
//
// Phases: sign in (welcome dialog, GET /user/me), load (lists, JSON, model reset, tree fill), filter (typing
// "web" into the filter box, then clearing it), select (first blueprint → render at the view's size, decode,
// display), 8k (the same blueprint exported at width 7680, decoded by the preview's loader, shown fitted, at 100 %
// and panned), idle (a quiet second, for reference).
#include "emulatorprocess.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "previewcontroller.h"
#include "previewview.h"
#include "prompter.h"
#include "sessioncontroller.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/requestscheduler.h"
#include "auth/keyservice.h"
#include "auth/memorysecretstore.h"
#include "auth/profilestore.h"
#include "render/diagramimageloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Cloudcraft;

namespace {

constexpr int kHeartbeatMs = 5;
constexpr double kStallMs = 50.0;

/// Records the gaps between ticks of a fast timer, attributed to the phase running when the gap ended.
class Heartbeat final
{
public:
    struct Phase
    {
        QString name;
        double durationMs = 0;
        double maxGapMs = 0;
        std::vector<double> stalls; ///< gaps over kStallMs
    };

    Heartbeat()
    {
        m_timer.setInterval(kHeartbeatMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void begin(const QString &phase)
    {
        end();
        m_phases.push_back({phase, 0, 0, {}});
        m_phaseClock.start();
        m_last.start();
        m_timer.start();
    }
    void end()
    {
        if (!m_phases.empty() && m_phaseClock.isValid() && m_phases.back().durationMs == 0) {
            tick();
            m_phases.back().durationMs = double(m_phaseClock.nsecsElapsed()) / 1e6;
        }
    }
    const std::vector<Phase> &phases() const { return m_phases; }

private:
    void tick()
    {
        if (m_phases.empty())
            return;
        const double gap = double(m_last.nsecsElapsed()) / 1e6;
        m_last.restart();
        Phase &phase = m_phases.back();
        phase.maxGapMs = std::max(phase.maxGapMs, gap);
        if (gap > kStallMs)
            phase.stalls.push_back(gap);
    }

    QTimer m_timer;
    QElapsedTimer m_last;
    QElapsedTimer m_phaseClock;
    std::vector<Phase> m_phases;
};

/// Runs the event loop until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qSleep(1);
    }
    return true;
}

int fail(const char *what)
{
    std::fprintf(stderr, "bench_uistall: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    cloudcraftInitUiResources();
    int blueprintCount = 5000;
    bool keep = false;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--blueprints") && i + 1 < args.size())
            blueprintCount = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--keep"))
            keep = true;
    }

    QTemporaryDir dir;
    dir.setAutoRemove(!keep);
    const QString workspaceFile = dir.filePath(QStringLiteral("large-workspace.json"));
    {
        QProcess generator;
        generator.start(QStringLiteral(CLOUDCRAFT_WORKSPACE_GEN),
                        {QStringLiteral("--blueprints"), QString::number(blueprintCount), QStringLiteral("--accounts"),
                         QStringLiteral("50"), QStringLiteral("--output"), workspaceFile});
        if (!generator.waitForFinished(300000) || generator.exitCode() != 0)
            return fail("cloudcraft-workspace-gen failed");
    }
    Test::EmulatorProcess emulator;
    Test::EmulatorProcess::Options emulatorOptions;
    emulatorOptions.workspace = workspaceFile;
    emulatorOptions.rateLimits = false;
    if (!emulator.start(emulatorOptions))
        return fail(qPrintable(emulator.errorString()));

    // The real services, except an in-memory key store: a benchmark must not need (or touch) a keyring.
    QNetworkAccessManager network;
    Core::RequestScheduler scheduler;
    Core::ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
    Core::MemorySecretStore secrets;
    Core::KeyService keys(profiles, secrets, QProcessEnvironment());
    Ui::WidgetPrompter prompter;
    QSettings settings(dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
    Ui::SessionController session({&network, &profiles, &keys, &scheduler, &prompter});
    session.setEndpointOverride(emulator.baseUrl(), emulator.caFile());
    Ui::MainWindow window(session, prompter, &scheduler, settings);
    window.resize(1440, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail("the window was never exposed");

    Heartbeat heartbeat;
    bool loaded = false;
    QObject::connect(window.workspace(), &Ui::WorkspaceController::loaded, [&loaded] { loaded = true; });

    heartbeat.begin(QStringLiteral("sign in"));
    session.start(QStringLiteral("bench"));
    Ui::WelcomeDialog *dialog = nullptr;
    if (!waitFor([&] { return (dialog = window.findChild<Ui::WelcomeDialog *>()) != nullptr; }, 20000))
        return fail("no welcome dialog");
    auto *keyField = dialog->findChild<Ui::KeyField *>(QStringLiteral("apiKeyField"));
    auto *signIn = dialog->findChild<QPushButton *>(QStringLiteral("signInButton"));
    if (!keyField || !signIn)
        return fail("welcome dialog without key field or button");
    QTest::keyClicks(keyField, emulator.readWriteKey());
    QTest::mouseClick(signIn, Qt::LeftButton);
    if (!waitFor([&] { return !dialog->successText().isEmpty() || !dialog->problemText().isEmpty(); }, 30000)
        || dialog->successText().isEmpty())
        return fail("sign-in failed");

    heartbeat.begin(QStringLiteral("load"));
    QTest::mouseClick(signIn, Qt::LeftButton); // Continue
    Ui::NavigatorPanel *navigator = window.navigator();
    if (!waitFor([&] { return loaded && navigator->blueprintTree()->model()->rowCount() > 0; }, 120000))
        return fail("the workspace did not load");
    waitFor([] { return false; }, 300); // the tree lays out and paints

    heartbeat.begin(QStringLiteral("filter"));
    QLineEdit *filter = navigator->filterField();
    for (const QChar c : QStringLiteral("web")) {
        QTest::keyClick(filter, c.toLatin1());
        waitFor([] { return false; }, 60);
    }
    filter->clear();
    waitFor([] { return false; }, 200);

    heartbeat.begin(QStringLiteral("select"));
    bool previewShown = false;
    QString previewError;
    QObject::connect(window.previewController(), &Ui::PreviewController::previewLoaded,
                     [&](const QString &) { previewShown = true; });
    QObject::connect(window.previewController(), &Ui::PreviewController::previewFailed,
                     [&](const QString &, const QString &message) { previewError = message; });
    if (!navigator->selectFirstBlueprint())
        return fail("no blueprint to select");
    if (!waitFor([&] { return previewShown || !previewError.isEmpty(); }, 120000) || !previewShown)
        return fail(qPrintable(QStringLiteral("the preview failed: ") + previewError));
    waitFor([] { return false; }, 200);

    heartbeat.begin(QStringLiteral("8k"));
    const QString blueprintId = window.previewController()->currentBlueprint();
    Core::ExportOptions eightK;
    eightK.width = 7680;
    Core::ApiCall *call = session.client()->exportBlueprint(blueprintId, Core::ExportFormat::Png, eightK,
                                                            Core::Priority::Interactive);
    bool fetched = false;
    QObject::connect(call, &Core::ApiCall::finished, [&fetched] { fetched = true; });
    if (!waitFor([&] { return fetched; }, 120000) || !call->succeeded())
        return fail("the 8K export failed");
    const QByteArray png = call->body();
    Core::DiagramImageLoader loader;
    Core::DiagramImage decoded;
    bool decodedDone = false;
    QObject::connect(&loader, &Core::DiagramImageLoader::loaded, [&](quint64, const Core::DiagramImage &image) {
        decoded = image;
        decodedDone = true;
    });
    loader.load(png, Core::ImageFormat::Png);
    if (!waitFor([&] { return decodedDone; }, 120000) || decoded.image.isNull())
        return fail("the 8K PNG did not decode");
    Ui::PreviewView *view = window.preview();
    view->setImage(decoded.image);
    waitFor([] { return false; }, 300);
    view->actualSize();
    waitFor([] { return false; }, 200);
    for (int step = 0; step < 5; ++step) {
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 400);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 200);
        waitFor([] { return false; }, 60);
    }
    view->fitToView();
    waitFor([] { return false; }, 300);
    const QSize eightKSize = decoded.image.size();

    heartbeat.begin(QStringLiteral("idle"));
    waitFor([] { return false; }, 1000);
    heartbeat.end();

    std::printf("UI-thread heartbeat every %d ms; %d blueprints, 8K preview %dx%d (%.1f MB PNG)\n", kHeartbeatMs,
                blueprintCount, eightKSize.width(), eightKSize.height(), double(png.size()) / 1e6);
    std::printf("%-8s %10s %12s %s\n", "phase", "time ms", "max gap ms", "gaps > 50 ms");
    double worst = 0;
    for (const Heartbeat::Phase &phase : heartbeat.phases()) {
        QStringList stalls;
        for (double gap : phase.stalls)
            stalls.append(QString::number(gap, 'f', 0));
        std::printf("%-8s %10.0f %12.1f %s\n", qPrintable(phase.name), phase.durationMs, phase.maxGapMs,
                    stalls.isEmpty() ? "none" : qPrintable(stalls.join(QStringLiteral(", "))));
        worst = std::max(worst, phase.maxGapMs);
    }
    std::printf("max stall %.1f ms (target: none over %.0f ms)\n", worst, kStallMs);
    if (keep)
        std::printf("workspace kept in %s\n", qPrintable(dir.path()));
    return 0;
}
