// Cache and offline mode of the desktop app against the real emulator, counted in the emulator's request log:
// browsing an unchanged workspace again (also after a restart on the same cache) sends zero export requests; an
// updated blueprint is fetched again; with the server gone the offline banner shows, cached previews still show and
// the rest says "Not available offline"; a server back on the same port ends offline mode by itself.

#include "uitesthelpers.h"

#include "accountcontroller.h"
#include "connectivitymonitor.h"
#include "emulatorprocess.h"
#include "inspectorpanel.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "offlinebanner.h"
#include "previewcontroller.h"
#include "previewview.h"
#include "sessioncontroller.h"
#include "statuspanel.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "cache/cachekeys.h"
#include "cache/rendercache.h"
#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"

#include <QAction>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

namespace {

const QRegularExpression kExportPath(QStringLiteral("^/blueprint/[^/]+/png$"));
const QRegularExpression kDocumentPath(QStringLiteral("^/blueprint/[^/]+$"));

} // namespace

class TestOfflineMode final : public QObject
{
    Q_OBJECT

private:
    Test::EmulatorProcess m_emulator;
    Test::EmulatorProcess::Options m_emulatorOptions;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    KeychainSecretStore m_keychain;
    std::unique_ptr<KeyService> m_keys;
    QNetworkAccessManager m_network;
    RequestScheduler m_scheduler;
    Test::RecordingPrompter m_prompter;
    std::unique_ptr<QSettings> m_settings;
    // One "run of the app": its own cache object, session and window on the same directories.
    std::unique_ptr<RenderCache> m_cache;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_ids;
    QString m_profile;

    QString cacheRoot() const { return m_dir.filePath(QStringLiteral("cache")); }

    int countRequests(const QRegularExpression &path, const QString &method = QStringLiteral("GET")) const
    {
        int count = 0;
        for (const QJsonObject &request : m_emulator.requests()) {
            if (request.value(QLatin1String("method")).toString() == method
                && path.match(request.value(QLatin1String("path")).toString()).hasMatch())
                ++count;
        }
        return count;
    }

    /// The export requests in the log, for failure messages: "path?query" per line.
    QByteArray exportsText() const
    {
        QStringList lines;
        for (const QJsonObject &request : m_emulator.requests()) {
            const QString path = request.value(QLatin1String("path")).toString();
            if (kExportPath.match(path).hasMatch())
                lines << path + u'?' + request.value(QLatin1String("query")).toString();
        }
        if (m_cache) {
            for (const CacheEntryInfo &entry : m_cache->entriesWithPrefix(QStringLiteral("render/")))
                lines << QStringLiteral("cached: ") + entry.key;
        }
        return lines.join(u'\n').toUtf8();
    }

    /// Starts the app as main() does: a cache, a session, the window; signs in with the saved key (or through the
    /// welcome dialog the first time) and waits until the workspace lists have been fetched.
    bool openApp(bool firstTime = false)
    {
        m_cache = std::make_unique<RenderCache>();
        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_session->setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->setCache(m_cache.get(), cacheRoot());
        m_window->restoreState();
        m_window->resize(1280, 800);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        m_session->start(m_profile);
        if (firstTime) {
            WelcomeDialog *dialog = nullptr;
            if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<WelcomeDialog *>()) != nullptr; }, 15000))
                return false;
            QTest::keyClicks(child<KeyField>(dialog, "apiKeyField"), m_emulator.readWriteKey());
            QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
            if (!QTest::qWaitFor([&] { return !dialog->successText().isEmpty(); }, 20000))
                return false;
            QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        }
        return waitForLists();
    }

    bool waitForLists()
    {
        WorkspaceController *workspace = m_window->workspace();
        return QTest::qWaitFor([&] { return m_session->isSignedIn() && !workspace->isLoading()
                                            && workspace->blueprints().size() == m_ids.size(); },
                               30000)
               && waitForPreviewIdle();
    }

    /// Nothing is being fetched or decoded for the preview.
    bool waitForPreviewIdle()
    {
        return QTest::qWaitFor([&] { return !m_window->preview()->isBusy(); }, 30000);
    }

    void closeApp()
    {
        if (m_window)
            m_window->close();
        m_window.reset();
        m_session.reset();
        m_cache.reset(); // writes its index, as when the app quits
    }

    /// Selects a blueprint in the tree and waits for its preview and inspector.
    bool browse(const QString &id)
    {
        PreviewController *preview = m_window->previewController();
        QSignalSpy loaded(preview, &PreviewController::previewLoaded);
        QSignalSpy inspected(preview, &PreviewController::inspectorLoaded);
        if (preview->currentBlueprint() == id && !m_window->preview()->image().isNull()
            && !m_window->preview()->isBusy())
            return true;
        if (!m_window->navigator()->selectBlueprint(id))
            return false;
        return QTest::qWaitFor([&] { return !loaded.isEmpty() && loaded.last().first().toString() == id; }, 30000)
               && QTest::qWaitFor([&] { return !inspected.isEmpty(); }, 30000)
               && !m_window->preview()->image().isNull();
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY(m_dir.isValid());
        m_emulatorOptions.workspace = Test::testWorkspacePath();
        m_emulatorOptions.rateLimits = false; // budgets are tst_requestscheduler's job; here we count requests
        QVERIFY2(m_emulator.start(m_emulatorOptions), qPrintable(m_emulator.errorString()));
        m_scheduler.setBudget(RateRoute::General, {1000, std::chrono::seconds(1)});
        m_scheduler.setBudget(RateRoute::Export, {1000, std::chrono::seconds(1)});
        for (const QJsonValue &value :
             Test::readWorkspace(m_emulator.workspacePath()).value(QLatin1String("blueprints")).toArray())
            m_ids << value.toObject().value(QLatin1String("id")).toString();
        QVERIFY(m_ids.size() >= 3);
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_profile = QStringLiteral("off-%1").arg(QRandomGenerator::global()->generate());
        QVERIFY(openApp(true));
    }

    void cleanupTestCase()
    {
        closeApp();
        m_keys->forgetKey(m_profile);
    }

    void reBrowsingAnUnchangedWorkspaceMakesZeroExportRequests()
    {
        // First look at every blueprint (counted since the emulator started, so the one selected at sign-in counts
        // too): one export each.
        for (const QString &id : std::as_const(m_ids))
            QVERIFY2(browse(id), qPrintable(id));
        const int firstExports = countRequests(kExportPath);
        const int firstDocuments = countRequests(kDocumentPath);
        qInfo("first browse of %lld blueprints: %d export and %d document requests", qlonglong(m_ids.size()),
              firstExports, firstDocuments);
        QCOMPARE(firstExports, m_ids.size());

        // Again, in the same window.
        QVERIFY(m_emulator.clearRequests());
        for (int round = 0; round < 2; ++round) {
            for (const QString &id : std::as_const(m_ids))
                QVERIFY2(browse(id), qPrintable(id));
        }
        qInfo("re-browse in the same window: %d export and %d document requests", countRequests(kExportPath),
              countRequests(kDocumentPath));
        QCOMPARE(countRequests(kExportPath), 0);
        QCOMPARE(countRequests(kDocumentPath), 0);

        // After a restart on the same cache directory: from disk, still zero.
        closeApp();
        QVERIFY(m_emulator.clearRequests());
        QVERIFY(openApp());
        for (const QString &id : std::as_const(m_ids))
            QVERIFY2(browse(id), qPrintable(id));
        // A render made for a slightly different view size (the inspector's width follows its content) serves.
        const QSize requested = m_window->previewController()->lastRequestedSize();
        const QSize shown = m_window->preview()->image().size();
        QVERIFY2(shown.width() >= 0.85 * requested.width() && shown.height() >= 0.85 * requested.height(),
                 qPrintable(QStringLiteral("%1x%2 for %3x%4").arg(shown.width()).arg(shown.height())
                                .arg(requested.width()).arg(requested.height())));
        qInfo("re-browse after a restart: %d export and %d document requests", countRequests(kExportPath),
              countRequests(kDocumentPath));
        QVERIFY2(countRequests(kExportPath) == 0, exportsText().constData());
        QCOMPARE(countRequests(kDocumentPath), 0);
        QVERIFY(m_cache->count() >= 2 * m_ids.size());
        QVERIFY(m_cache->directory().startsWith(cacheRoot()));
    }

    void anUpdatedBlueprintIsFetchedAgain()
    {
        const QString id = m_ids.at(1);
        Test::TestHttpClient http;
        const QUrl url = m_emulator.url(QStringLiteral("/blueprint/") + id);
        const Test::HttpResult current = http.get(url, m_emulator.readWriteKey());
        QCOMPARE(current.status, 200);
        QJsonObject document = current.json();
        QJsonObject data = document.value(QLatin1String("data")).toObject();
        data.insert(QStringLiteral("name"), QStringLiteral("Updated by tst_offlinemode"));
        document.insert(QStringLiteral("data"), data);
        QTest::qWait(5); // updatedAt has millisecond resolution
        const Test::HttpResult put = http.send("PUT", url, m_emulator.readWriteKey(),
                                               QJsonDocument(document).toJson(QJsonDocument::Compact));
        QVERIFY2(put.status == 200 || put.status == 204, put.body.constData());

        QVERIFY(m_emulator.clearRequests());
        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        child<QAction>(m_window.get(), "reloadAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !m_window->workspace()->isLoading(), 30000);
        QVERIFY(waitForPreviewIdle());
        for (const QString &other : std::as_const(m_ids))
            QVERIFY2(browse(other), qPrintable(other));
        QVERIFY2(browse(id), qPrintable(id));

        int exportsOfUpdated = 0;
        int exportsOfOthers = 0;
        for (const QJsonObject &request : m_emulator.requests()) {
            const QString path = request.value(QLatin1String("path")).toString();
            if (kExportPath.match(path).hasMatch())
                ++(path.contains(id) ? exportsOfUpdated : exportsOfOthers);
        }
        qInfo("after updating one blueprint: %d export of it, %d of the unchanged ones", exportsOfUpdated,
              exportsOfOthers);
        QCOMPARE(exportsOfUpdated, 1);
        QCOMPARE(exportsOfOthers, 0);
    }

    void aScannedRegionIsShownAgainFromTheCache()
    {
        const QJsonObject account = Test::readWorkspace(m_emulator.workspacePath())
                                        .value(QLatin1String("awsAccounts")).toArray().first().toObject();
        const QString accountId = account.value(QLatin1String("id")).toString();
        const QString region = account.value(QLatin1String("regions")).toObject().keys().first();
        const QRegularExpression snapshotPath(QStringLiteral("^/aws/account/[^/]+/[^/]+/json$"));
        AccountTreeModel *model = m_window->workspace()->accountModel();
        AccountController *accounts = m_window->accountController();
        QSignalSpy inventory(accounts, &AccountController::inventoryLoaded);
        QVERIFY(m_emulator.clearRequests());
        const QString bucket = CacheKeys::snapshot(QStringLiteral("aws"), accountId, region, ExportFormat::Json,
                                                   QDateTime::currentDateTimeUtc());

        // The Scan button scans live.
        accounts->select(model->accountIndex(accountId));
        accounts->scan(region);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.count(), 1, 30000);
        QCOMPARE(countRequests(snapshotPath), 1);
        // Looking at the region again (its row in the tree) within the time bucket: from the cache.
        const QModelIndex regionRow = model->regionIndex(accountId, region);
        QVERIFY(regionRow.isValid());
        accounts->select(regionRow);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.count(), 2, 30000);
        QVERIFY(!m_window->inspector()->resourceCounts().isEmpty());
        if (bucket == CacheKeys::snapshot(QStringLiteral("aws"), accountId, region, ExportFormat::Json,
                                          QDateTime::currentDateTimeUtc()))
            QCOMPARE(countRequests(snapshotPath), 1);
        // Scan again: live again.
        accounts->scan(region);
        QTRY_COMPARE_WITH_TIMEOUT(inventory.count(), 3, 30000);
        QVERIFY(countRequests(snapshotPath) >= 2);
    }

    void offlineShowsWhatIsCachedAndReconnectsByItself()
    {
        // A fresh run, with one blueprint never fetched on this computer.
        closeApp();
        QVERIFY(openApp());
        const QString cached = m_window->previewController()->currentBlueprint().isEmpty()
                                   ? m_ids.at(0)
                                   : m_window->previewController()->currentBlueprint();
        QString uncached;
        for (const QString &id : std::as_const(m_ids)) {
            if (id != cached)
                uncached = id;
        }
        for (const QString &prefix : {QStringLiteral("render/"), QStringLiteral("document/")}) {
            for (const CacheEntryInfo &entry : m_cache->entriesWithPrefix(prefix + uncached + u'/'))
                m_cache->remove(entry.key);
        }
        QVERIFY(browse(cached));

        OfflineBanner *banner = child<OfflineBanner>(m_window.get(), "offlineBanner");
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        // The server goes away; the next request finds out.
        const int port = m_emulator.baseUrl().port();
        m_emulator.stop();
        QSignalSpy failed(m_window->previewController(), &PreviewController::previewFailed);
        child<QAction>(m_window.get(), "reloadAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
        QVERIFY(banner->text().contains(QLatin1String("You are offline")));
        QVERIFY(child<QPushButton>(banner, "offlineRetryButton")->isVisible());
        QVERIFY(m_window->statusPanel()->connectionText().contains(QLatin1String("Offline")));
        QVERIFY(m_window->connectivity()->isOffline());
        // The trees still hold the workspace.
        QCOMPARE(m_window->workspace()->blueprints().size(), m_ids.size());
        QCOMPARE(m_window->workspace()->blueprintModel()->blueprintCount(), m_ids.size());

        // Cached: shown. Uncached: a clear placeholder, no request, no error.
        for (const QString &id : std::as_const(m_ids)) {
            if (id == uncached)
                continue;
            QVERIFY2(browse(id), qPrintable(id));
            QVERIFY(m_window->preview()->message().isEmpty());
        }
        QSignalSpy unavailable(m_window->previewController(), &PreviewController::previewUnavailableOffline);
        QVERIFY(m_window->navigator()->selectBlueprint(uncached));
        QTRY_VERIFY_WITH_TIMEOUT(!unavailable.isEmpty(), 5000);
        QVERIFY2(m_window->preview()->message().contains(QLatin1String("Not available offline")),
                 qPrintable(m_window->preview()->message()));
        QVERIFY(m_window->preview()->image().isNull());
        QVERIFY(!m_window->preview()->isBusy());
        QCOMPARE(failed.count(), 0);
        // For looking at it by eye: CLOUDCRAFT_UI_SHOT_DIR=/some/dir keeps a picture of this state.
        if (const QString dir = qEnvironmentVariable("CLOUDCRAFT_UI_SHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/offline.png"));

        // Retry now probes at once (and fails: still no server).
        QTest::mouseClick(child<QPushButton>(banner, "offlineRetryButton"), Qt::LeftButton);
        QVERIFY(m_window->connectivity()->isProbing());
        QCOMPARE(banner->detailText(), QStringLiteral("Checking the connection…"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->connectivity()->isProbing(), 20000);
        QVERIFY(banner->isVisible());

        // The same server comes back on the same port: offline mode ends by itself, the tree is refreshed and the
        // blueprint that could not be shown is fetched.
        Test::EmulatorProcess::Options options = m_emulatorOptions;
        options.port = port;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        QCOMPARE(m_emulator.baseUrl().port(), port);
        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        QSignalSpy previewed(m_window->previewController(), &PreviewController::previewLoaded);
        QElapsedTimer back;
        back.start();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 75000); // backoff 2, 4, 8, 16, 30 s between probes
        qInfo("offline mode ended %lld ms after the server came back", back.elapsed());
        QVERIFY(m_window->statusPanel()->connectionText().contains(QLatin1String("Online")));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !m_window->workspace()->isLoading(), 30000);
        QVERIFY(countRequests(QRegularExpression(QStringLiteral("^/blueprint$"))) >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty() && previewed.last().first().toString() == uncached, 30000);
        QVERIFY(!m_window->preview()->image().isNull());
    }

    void startingWithoutANetworkShowsTheCachedWorkspace()
    {
        closeApp();
        const int port = m_emulator.baseUrl().port();
        m_emulator.stop();
        const qsizetype messagesBefore = m_prompter.messages.size();
        QVERIFY(openApp()); // the lists come from the cache
        OfflineBanner *banner = child<OfflineBanner>(m_window.get(), "offlineBanner");
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
        QCOMPARE(m_window->workspace()->blueprintModel()->blueprintCount(), m_ids.size());
        QVERIFY(m_window->statusPanel()->connectionText().contains(QLatin1String("Offline")));
        // The last blueprint looked at is on show, from disk; no message box to dismiss (the banner says it).
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->preview()->image().isNull(), 30000);
        QCOMPARE(m_prompter.messages.size(), messagesBefore);

        Test::EmulatorProcess::Options options = m_emulatorOptions;
        options.port = port;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 75000);
    }
};

QTEST_MAIN(TestOfflineMode)
#include "tst_offlinemode.moc"
