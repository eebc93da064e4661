// SnapshotController in the real main window, against the real emulator and keychain, with a real history on disk:
// Take Snapshot of a blueprint (PNG + JSON stored, the tree and the timeline show it), of an account region (the
// 202 long-poll shows progress; Cancel stops it with nothing stored) and the auto-snapshot when a previewed
// blueprint's updatedAt changed (exactly one new snapshot; previewing it again takes none).

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "previewcontroller.h"
#include "sessioncontroller.h"
#include "testpaths.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"
#include "comparewindow/comparewindow.h"
#include "timeline/snapshotcontroller.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinestrip.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "history/snapshotstore.h"
#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>

#include <algorithm>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

namespace {
const QString kAwsAccount = QStringLiteral("f0000000-0000-4000-8000-000000000001");
const QString kRegion = QStringLiteral("us-east-1");
} // namespace

class TestSnapshotController final : public QObject
{
    Q_OBJECT

private:
    Test::EmulatorProcess m_emulator;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    KeychainSecretStore m_keychain;
    std::unique_ptr<KeyService> m_keys;
    QNetworkAccessManager m_network;
    RequestScheduler m_scheduler;
    Test::RecordingPrompter m_prompter;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<SnapshotStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_blueprintIds;
    QString m_profile;

    SnapshotController *controller() const { return m_window->snapshots(); }

    SnapshotSource blueprintSource(const QString &id) const
    {
        SnapshotSource source;
        source.profile = m_profile;
        source.id = id;
        return source;
    }

    QList<SnapshotRecord> stored(const SnapshotSource &source) const
    {
        const auto listed = m_store->list(source, m_profile);
        return listed.ok() ? listed.value : QList<SnapshotRecord>();
    }

    /// Selects blueprint `id` in the tree and waits for its preview.
    bool preview(const QString &id)
    {
        QSignalSpy loaded(m_window->previewController(), &PreviewController::previewLoaded);
        if (!m_window->navigator()->selectBlueprint(id))
            return false;
        // A render from the cache is shown (and signalled) inside selectBlueprint(): count that, wait only otherwise.
        const auto shown = [&] {
            return std::any_of(loaded.cbegin(), loaded.cend(), [&](const QList<QVariant> &args) {
                return args.value(0).toString() == id;
            });
        };
        return QTest::qWaitFor(shown, 20000) || m_window->previewController()->currentBlueprint() == id;
    }

    /// Changes the blueprint through the API (a real PUT: the server gives it a new updatedAt).
    bool renameBlueprint(const QString &id, const QString &name)
    {
        ApiCall *get = m_session->client()->getBlueprint(id);
        QSignalSpy got(get, &ApiCall::finished);
        if (!got.wait(15000) || get->error().isError())
            return false;
        QJsonObject document = get->json().toObject();
        QJsonObject data = document.value(QLatin1String("data")).toObject();
        data.insert(QStringLiteral("name"), name);
        document.insert(QStringLiteral("data"), data);
        document.insert(QStringLiteral("name"), name);
        ApiCall *put = m_session->client()->updateBlueprint(id, document);
        QSignalSpy done(put, &ApiCall::finished);
        return done.wait(15000) && !put->error().isError();
    }

    /// Reloads the lists (F5) and waits until the workspace lists blueprint `id` with a newer updatedAt.
    bool reloadWorkspace(const QString &id, const QDateTime &before)
    {
        m_window->workspace()->reload();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            QTest::qWait(100);
            const BlueprintSummary *summary = m_window->workspace()->blueprint(id);
            if (summary && summary->updatedAt > before)
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SnapshotRecord>();
        cloudcraftInitUiResources();
        Test::EmulatorProcess::Options options;
        options.workspace = Test::testWorkspacePath();
        options.rateLimits = false;
        options.snapshotPending = 1; // each live scan answers 202 once before its result
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        for (const QJsonValue &blueprint :
             Test::readWorkspace(m_emulator.workspacePath()).value(QLatin1String("blueprints")).toArray())
            m_blueprintIds.append(blueprint.toObject().value(QLatin1String("id")).toString());
        QVERIFY(m_blueprintIds.size() >= 2);

        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_session->setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        m_profile = QStringLiteral("snap-%1").arg(QRandomGenerator::global()->generate());
        // Snapshots, not throttling, are under test here (tst_requestscheduler and tst_mainwindow cover the budgets):
        // without this, most of this test's minute and a half was spent waiting for export slots.
        m_scheduler.setBudget(RateRoute::General, {1000, std::chrono::seconds(1)});
        m_scheduler.setBudget(RateRoute::Export, {1000, std::chrono::seconds(1)});
        m_store = std::make_unique<SnapshotStore>(m_dir.filePath(QStringLiteral("history")));
        QVERIFY(!m_store->open().isError());

        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->setSnapshotStore(m_store.get());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        m_session->start(m_profile);
        WelcomeDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<WelcomeDialog *>()) != nullptr, 15000);
        QTest::keyClicks(child<KeyField>(dialog, "apiKeyField"), m_emulator.readWriteKey());
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->successText().isEmpty(), 20000);
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->signOut();
        m_window.reset();
    }

    void takeSnapshotOfABlueprint()
    {
        const QString id = m_blueprintIds.at(0);
        QVERIFY(preview(id));
        QCOMPARE(controller()->currentSource()->reference(), QStringLiteral("blueprint:") + id);
        auto *take = child<QAction>(m_window.get(), "takeSnapshotAction");
        QVERIFY(take);
        QVERIFY(take->isEnabled());
        QCOMPARE(take->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
        auto *hint = child<QLabel>(m_window.get(), "timelineHint");
        QVERIFY(hint->isVisible());

        QSignalSpy taken(controller(), &SnapshotController::snapshotTaken);
        take->trigger();
        QVERIFY(taken.wait(30000));
        const QList<SnapshotRecord> records = stored(blueprintSource(id));
        QCOMPARE(records.size(), 1);
        const SnapshotRecord &record = records.first();
        QVERIFY(record.updatedAt.isValid());
        const auto png = m_store->read(*record.file(u"png"));
        QVERIFY(png.ok());
        QVERIFY(!QImage::fromData(png.value, "PNG").isNull());
        const auto json = m_store->read(*record.file(u"json"));
        QVERIFY(json.ok());
        QVERIFY(QJsonDocument::fromJson(json.value).object().contains(QLatin1String("data")));

        // The blueprint tree shows it under the blueprint; the timeline shows its card instead of the hint.
        QVERIFY(!m_window->workspace()->blueprintModel()->snapshotIndexes(id, QString::number(record.id)).isEmpty());
        QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 1);
        QVERIFY(!hint->isVisible());
        QVERIFY(m_window->statusBar()->currentMessage().contains(QString::number(record.id)));
    }

    void autoSnapshotWhenTheBlueprintChanged()
    {
        const QString id = m_blueprintIds.at(0);
        const QString other = m_blueprintIds.at(1);
        QCOMPARE(stored(blueprintSource(id)).size(), 1);
        // Unchanged: previewing again takes nothing.
        QVERIFY(preview(other));
        QVERIFY(preview(id));
        QTest::qWait(500);
        QVERIFY(!controller()->isTaking());
        QCOMPARE(stored(blueprintSource(id)).size(), 1);
        // A blueprint never snapshotted is not tracked.
        QVERIFY(stored(blueprintSource(other)).isEmpty());

        const QDateTime before = m_window->workspace()->blueprint(id)->updatedAt;
        QVERIFY(renameBlueprint(id, QStringLiteral("Web tier, resized")));
        QVERIFY(preview(other));
        QSignalSpy taken(controller(), &SnapshotController::snapshotTaken);
        QVERIFY(reloadWorkspace(id, before));
        if (m_window->previewController()->currentBlueprint() != id)
            QVERIFY(preview(id));
        if (!taken.wait(30000) && taken.isEmpty())
            qWarning() << "no auto snapshot:" << m_window->workspace()->blueprint(id)->updatedAt
                       << m_store->latest(blueprintSource(id)).value.updatedAt
                       << m_window->previewController()->currentBlueprint() << m_session->isOnline();
        QVERIFY(!taken.isEmpty());
        QCOMPARE(taken.first().at(1).toBool(), true);
        QTRY_VERIFY(!controller()->isTaking());
        const QList<SnapshotRecord> records = stored(blueprintSource(id));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.first().title, QStringLiteral("Web tier, resized"));

        // Previewing it again takes no other.
        QVERIFY(preview(other));
        QVERIFY(preview(id));
        QTest::qWait(1000);
        QVERIFY(!controller()->isTaking());
        QCOMPARE(stored(blueprintSource(id)).size(), 2);
        QCOMPARE(taken.size(), 1);
        QVERIFY(stored(blueprintSource(other)).isEmpty());

        // Both selected in the timeline, Compare opens the compare window on the pair, which shows its counts.
        TimelineStrip *timeline = m_window->timeline();
        QTRY_COMPARE(timeline->model()->rowCount(), 2);
        timeline->selectRow(0);
        timeline->selectRow(1, true);
        timeline->compareSelected();
        CompareWindow *compare = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((compare = m_window->findChild<CompareWindow *>()) != nullptr, 5000);
        auto *counts = child<QLabel>(compare, "compareCounts");
        QVERIFY(counts);
        QTRY_VERIFY_WITH_TIMEOUT(!counts->text().isEmpty() && !counts->text().startsWith(QStringLiteral("Comparing")), 30000);
        compare->close();
    }

    void cancelTheLongPollOfAnAccountRegion()
    {
        AccountTreeModel *accounts = m_window->workspace()->accountModel();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->awsAccounts().isEmpty(), 20000);
        accounts->setRegions(kAwsAccount, {kRegion});
        const QModelIndex region = accounts->regionIndex(kAwsAccount, kRegion);
        QVERIFY(region.isValid());
        controller()->selectAccountRow(region);
        QCOMPARE(controller()->currentSource()->reference(), QStringLiteral("aws:%1/%2").arg(kAwsAccount, kRegion));

        auto *progress = child<QLabel>(m_window.get(), "snapshotProgressLabel");
        auto *cancel = child<QToolButton>(m_window.get(), "snapshotCancelButton");
        QVERIFY(progress && cancel);
        QSignalSpy taking(controller(), &SnapshotController::takingChanged);
        controller()->takeAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progress->text().contains(QStringLiteral("still running")), 20000);
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller()->isTaking(), 10000);
        QVERIFY(!cancel->isVisible());
        QCOMPARE(taking.last().first().toBool(), false);
        SnapshotSource source;
        source.kind = SnapshotSource::Kind::Aws;
        source.id = kAwsAccount;
        source.region = kRegion;
        QVERIFY(stored(source).isEmpty());
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));

        // Waited out, the scan is stored and shown under the region.
        QSignalSpy taken(controller(), &SnapshotController::snapshotTaken);
        controller()->takeAction()->trigger();
        QVERIFY(taken.wait(40000));
        const QList<SnapshotRecord> records = stored(source);
        QCOMPARE(records.size(), 1);
        QVERIFY(records.first().file(u"png").has_value());
        QVERIFY(records.first().file(u"json").has_value());
        QVERIFY(accounts->snapshotIndex(kAwsAccount, kRegion, QString::number(records.first().id)).isValid());
    }
};

QTEST_MAIN(TestSnapshotController)
#include "tst_snapshotcontroller.moc"
