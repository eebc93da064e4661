// MainWindow against the real emulator: sign in through the welcome dialog, then browse the demo workspace as a user
// would: groups and counts, filtering as you type, selecting a blueprint to see its render and its inspector.

#include "uitesthelpers.h"

#include "accountcontroller.h"
#include "emulatorprocess.h"
#include "helpdialogs.h"
#include "inspectorpanel.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
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
#include "models/accounttreemodel.h"
#include "models/treeroles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QTabWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

#include <map>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

class TestMainWindow final : public QObject
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
    std::unique_ptr<MainWindow> m_window;
    QJsonObject m_workspace;
    QString m_profile;

    QJsonArray blueprints() const { return m_workspace.value(QLatin1String("blueprints")).toArray(); }

    /// Rows of blueprints visible in the tree, by name (each once).
    static QSet<QString> visibleBlueprintNames(const QAbstractItemModel *model, const QModelIndex &parent = {})
    {
        QSet<QString> names;
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(KindRole).toInt() == int(TreeNodeKind::Blueprint))
                names.insert(index.data(NameRole).toString());
            names.unite(visibleBlueprintNames(model, index));
        }
        return names;
    }

    /// GET exports of blueprint `id` in `format` ("png", "svg") the emulator has seen.
    int exportsOf(const QString &id, const QString &format) const
    {
        const QString suffix = QStringLiteral("/blueprint/%1/%2").arg(id, format);
        int count = 0;
        for (const QJsonObject &request : m_emulator.requests()) {
            count += request.value(QLatin1String("method")).toString() == QLatin1String("GET")
                     && request.value(QLatin1String("path")).toString().endsWith(suffix);
        }
        return count;
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        window->restoreState();
        window->resize(1280, 800);
        window->show();
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        m_workspace = Test::readWorkspace(m_emulator.workspacePath());
        QVERIFY(!blueprints().isEmpty());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_session->setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        m_profile = QStringLiteral("mw-%1").arg(QRandomGenerator::global()->generate());
        m_window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // No key saved yet: the welcome dialog asks for one.
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

    void statusBarShowsWhoIsSignedIn()
    {
        const QJsonObject user = Test::userForKey(m_workspace, m_emulator.readWriteKey());
        const QString text = m_window->statusPanel()->userText();
        QVERIFY2(text.contains(user.value(QLatin1String("name")).toString()), qPrintable(text));
        QVERIFY2(text.contains(m_profile), qPrintable(text));
        QVERIFY(m_window->statusPanel()->connectionText().contains(QLatin1String("Online")));
    }

    void treeHasTheWorkspaceGroupsAndCounts()
    {
        std::map<QString, int> expected; // tag → blueprints
        int untagged = 0;
        for (const QJsonValue &value : blueprints()) {
            const QJsonArray tags = value.toObject().value(QLatin1String("tags")).toArray();
            if (tags.isEmpty())
                ++untagged;
            for (const QJsonValue &tag : tags)
                ++expected[tag.toString()];
        }
        const QAbstractItemModel *model = m_window->navigator()->blueprintTree()->model();
        std::map<QString, int> shown;
        int shownUntagged = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex group = model->index(row, 0);
            QCOMPARE(group.data(KindRole).toInt(), int(TreeNodeKind::Group));
            const QString key = group.data(IdRole).toString();
            const int children = model->rowCount(group);
            QCOMPARE(group.data(CountRole).toInt(), children);
            QVERIFY2(group.data(Qt::DisplayRole).toString().contains(QString::number(children)),
                     "the count is visible next to the group name");
            if (key.isEmpty())
                shownUntagged = children;
            else
                shown[key] = children;
        }
        QCOMPARE(shown, expected);
        QCOMPARE(shownUntagged, untagged > 0 ? untagged : -1);
        // Groups open a slice at a time after the load (TreeExpansion), not all in one stall.
        QTRY_VERIFY(m_window->navigator()->blueprintTree()->isExpanded(model->index(0, 0)));
    }

    void filterNarrowsTheTreeAsYouType()
    {
        // A word from one blueprint's name; the expected rows come from the workspace file, not from the app.
        const QString name = blueprints().at(2).toObject().value(QLatin1String("name")).toString();
        const QString needle = name.section(u' ', 0, 0).left(5).toLower();
        QSet<QString> expected;
        for (const QJsonValue &value : blueprints()) {
            const QJsonObject bp = value.toObject();
            QString haystack = bp.value(QLatin1String("name")).toString() + u' ' + bp.value(QLatin1String("id")).toString();
            for (const QJsonValue &tag : bp.value(QLatin1String("tags")).toArray())
                haystack += u' ' + tag.toString();
            if (haystack.contains(needle, Qt::CaseInsensitive))
                expected.insert(bp.value(QLatin1String("name")).toString());
        }
        QVERIFY(!expected.isEmpty());
        QVERIFY(expected.size() < blueprints().size());

        QLineEdit *filter = child<QLineEdit>(m_window.get(), "filterField");
        QVERIFY(filter);
        filter->setFocus();
        QTest::keyClicks(filter, needle);
        const QAbstractItemModel *model = m_window->navigator()->blueprintTree()->model();
        QCOMPARE(visibleBlueprintNames(model), expected);

        filter->clear();
        QCOMPARE(visibleBlueprintNames(model).size(), blueprints().size());
    }

    void selectingABlueprintShowsItsRenderAndInspector()
    {
        const QJsonObject bp = blueprints().at(1).toObject();
        const QString name = bp.value(QLatin1String("name")).toString();
        QSignalSpy previewed(m_window->previewController(), &PreviewController::previewLoaded);
        QSignalSpy inspected(m_window->previewController(), &PreviewController::inspectorLoaded);

        // Click its row like a user.
        QTreeView *tree = m_window->navigator()->blueprintTree();
        const QAbstractItemModel *model = tree->model();
        QModelIndex target;
        for (int row = 0; row < model->rowCount() && !target.isValid(); ++row) {
            const QModelIndex group = model->index(row, 0);
            for (int c = 0; c < model->rowCount(group); ++c) {
                if (model->index(c, 0, group).data(NameRole).toString() == name) {
                    target = model->index(c, 0, group);
                    break;
                }
            }
        }
        QVERIFY(target.isValid());
        tree->scrollTo(target);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(target).center());
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty() && previewed.last().first().toString()
                                     == bp.value(QLatin1String("id")).toString(), 30000);

        const PreviewView *preview = m_window->preview();
        const QSize requested = m_window->previewController()->lastRequestedSize();
        // At least the view's size (never blurred by scaling up), rounded up to a 64-pixel step so that a view that
        // settles a pixel or two later does not spend another export.
        const QSize viewport = preview->devicePixelViewportSize().expandedTo(QSize(320, 320));
        QVERIFY(requested.width() >= viewport.width() && requested.height() >= viewport.height());
        QVERIFY(requested.width() < viewport.width() + 64 && requested.height() < viewport.height() + 64);
        QCOMPARE(requested.width() % 64, 0);
        QCOMPARE(requested.height() % 64, 0);
        QCOMPARE(preview->image().size(), requested);
        QVERIFY(!preview->isBusy());

        // The server got the render at that size.
        bool sawExport = false;
        for (const QJsonObject &request : m_emulator.requests()) {
            if (request.value(QLatin1String("path")).toString().endsWith(QLatin1String("/png"))) {
                const QString query = request.value(QLatin1String("query")).toString();
                sawExport |= query.contains(QStringLiteral("width=%1").arg(requested.width()))
                             && query.contains(QStringLiteral("height=%1").arg(requested.height()));
            }
        }
        QVERIFY(sawExport);

        QTRY_VERIFY_WITH_TIMEOUT(!inspected.isEmpty(), 20000);
        const InspectorPanel *inspector = m_window->inspector();
        QCOMPARE(child<QLabel>(inspector, "inspectorTitle")->text(), name);
        QCOMPARE(inspector->fieldText(QStringLiteral("ID")), bp.value(QLatin1String("id")).toString());
        QStringList tags;
        for (const QJsonValue &tag : bp.value(QLatin1String("tags")).toArray())
            tags << tag.toString();
        QCOMPARE(inspector->fieldText(QStringLiteral("Tags")), tags.join(QStringLiteral(", ")));

        std::map<QString, int> expected;
        const QJsonObject data = bp.value(QLatin1String("data")).toObject();
        for (const char *list : {"nodes", "groups"}) {
            for (const QJsonValue &item : data.value(QLatin1String(list)).toArray())
                ++expected[item.toObject().value(QLatin1String("type")).toString()];
        }
        std::map<QString, int> shown;
        for (const auto &[type, count] : inspector->resourceCounts())
            shown[type] = count;
        QCOMPARE(shown, expected);
    }

    void zoomKeysAndFitOnTheWindow()
    {
        PreviewView *preview = m_window->preview();
        QVERIFY(!preview->image().isNull());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // The shortcuts of the View menu work wherever the focus is, e.g. in the blueprint tree.
        m_window->navigator()->blueprintTree()->setFocus();
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        const double fit = preview->fitZoom();
        QTest::keyClick(focus, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(preview->zoom() > fit);
        QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(preview->zoom(), fit);
        QTest::keyClick(focus, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(preview->zoom(), 1.0);
        QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(preview->isFitMode());
    }

    void previewSwitchesToSvgAndBackToPngFromTheCache()
    {
        PreviewController *controller = m_window->previewController();
        PreviewView *preview = m_window->preview();
        const QString id = controller->currentBlueprint();
        QVERIFY(!id.isEmpty());
        const QImage png = preview->image();
        QVERIFY(!png.isNull());
        auto *pngAction = m_window->findChild<QAction *>(QStringLiteral("previewFormatPng"));
        auto *svgAction = m_window->findChild<QAction *>(QStringLiteral("previewFormatSvg"));
        QVERIFY(pngAction && svgAction);
        QVERIFY(pngAction->isChecked()); // PNG is the default
        QCOMPARE(exportsOf(id, QStringLiteral("svg")), 0);

        QSignalSpy previewed(controller, &PreviewController::previewLoaded);
        svgAction->trigger();
        QVERIFY(svgAction->isChecked());
        QVERIFY(!pngAction->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), 60000);
        QCOMPARE(previewed.last().first().toString(), id);
        QCOMPARE(exportsOf(id, QStringLiteral("svg")), 1);
        QVERIFY(preview->hasSvg());
        QVERIFY(!preview->isBusy());
        // A drawing, not a blank raster: more than one colour.
        const QImage raster = preview->image().convertToFormat(QImage::Format_ARGB32);
        QVERIFY(!raster.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < raster.height() && colours.size() < 2; y += 3) {
            for (int x = 0; x < raster.width() && colours.size() < 2; x += 3)
                colours.insert(raster.pixel(x, y));
        }
        QVERIFY(colours.size() >= 2);

        const int pngExports = exportsOf(id, QStringLiteral("png"));
        previewed.clear();
        pngAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), 30000);
        QVERIFY(!preview->hasSvg());
        QCOMPARE(preview->image(), png);
        QCOMPARE(exportsOf(id, QStringLiteral("png")), pngExports); // served from the cache, no new export
    }

    void lastSelectionIsRestored()
    {
        const QString selected = m_window->previewController()->currentBlueprint();
        QVERIFY(!selected.isEmpty());
        m_window->close();
        m_window.reset();

        m_window = makeWindow();
        QSignalSpy previewed(m_window->previewController(), &PreviewController::previewLoaded);
        m_window->workspace()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), 30000);
        QCOMPARE(m_window->previewController()->currentBlueprint(), selected);
    }

    void scanningAnAccountRegionShowsItsInventory()
    {
        const QJsonObject account = m_workspace.value(QLatin1String("awsAccounts")).toArray().first().toObject();
        const QString accountName = account.value(QLatin1String("name")).toString();
        const QString region = account.value(QLatin1String("regions")).toObject().keys().first();
        // Resource types the workspace holds for that region (any scenario step).
        QSet<QString> knownTypes;
        for (const QJsonValue &step : account.value(QLatin1String("regions")).toObject().value(region).toArray()) {
            for (const char *list : {"nodes", "groups"}) {
                for (const QJsonValue &item : step.toObject().value(QLatin1String(list)).toArray())
                    knownTypes.insert(item.toObject().value(QLatin1String("type")).toString());
            }
        }

        child<QTabWidget>(m_window.get(), "navigatorTabs")->setCurrentIndex(1);
        QTreeView *tree = m_window->navigator()->accountTree();
        QModelIndex accountRow;
        const QAbstractItemModel *model = tree->model();
        for (int p = 0; p < model->rowCount() && !accountRow.isValid(); ++p) {
            for (int a = 0; a < model->rowCount(model->index(p, 0)); ++a) {
                const QModelIndex index = model->index(a, 0, model->index(p, 0));
                if (index.data(NameRole).toString() == accountName)
                    accountRow = index;
            }
        }
        QVERIFY(accountRow.isValid());
        // Right-click on an account offers what the Account and Snapshot menus do for it.
        QCOMPARE(tree->contextMenuPolicy(), Qt::ActionsContextMenu);
        QStringList offered;
        for (const QAction *action : tree->actions())
            offered << action->objectName();
        QVERIFY2(offered.contains(QStringLiteral("downloadInventoryAction")), qPrintable(offered.join(u',')));
        QVERIFY2(offered.contains(QStringLiteral("takeSnapshotAction")), qPrintable(offered.join(u',')));
        tree->scrollTo(accountRow);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(accountRow).center());
        const InspectorPanel *inspector = m_window->inspector();
        QCOMPARE(child<QLabel>(inspector, "inspectorTitle")->text(), accountName);
        QCOMPARE(inspector->fieldText(QStringLiteral("Role ARN")), account.value(QLatin1String("roleArn")).toString());

        QSignalSpy loaded(m_window->accountController(), &AccountController::inventoryLoaded);
        auto *combo = child<QComboBox>(inspector, "scanRegionCombo");
        combo->setCurrentText(region);
        QTest::mouseClick(child<QPushButton>(inspector, "scanRegionButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QCOMPARE(child<QLabel>(inspector, "inspectorTitle")->text(), region);
        const auto counts = inspector->resourceCounts();
        QVERIFY(!counts.isEmpty());
        for (const auto &[type, count] : counts) {
            QVERIFY2(knownTypes.contains(type), qPrintable(type));
            QVERIFY(count > 0);
        }
        // The scanned region now shows under the account and is remembered for the next start.
        const QModelIndex sourceAccount = m_window->workspace()->accountModel()->accountIndex(
            account.value(QLatin1String("id")).toString());
        QVERIFY(m_window->workspace()->accountModel()->regionIndex(account.value(QLatin1String("id")).toString(), region)
                    .isValid());
        QVERIFY(sourceAccount.isValid());
        // For looking at it by eye: CLOUDCRAFT_UI_SHOT_DIR=/some/dir keeps a picture of this state.
        if (const QString dir = qEnvironmentVariable("CLOUDCRAFT_UI_SHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/accounts.png"));
        child<QTabWidget>(m_window.get(), "navigatorTabs")->setCurrentIndex(0);
    }

    void aLocalSketchShowsWhileTheRenderDownloads()
    {
        // A slow export: the blueprint's own document arrives first and is drawn locally until the render is here.
        const QJsonArray all = blueprints();
        const QString id = all.last().toObject().value(QLatin1String("id")).toString(); // not viewed before
        QVERIFY(id != m_window->previewController()->currentBlueprint());
        QVERIFY(m_emulator.addFault(QStringLiteral("GET"), QStringLiteral("^/blueprint/%1/png").arg(id),
                                    QStringLiteral("delay:4000")));
        QSignalSpy sketch(m_window->previewController(), &PreviewController::placeholderShown);
        QSignalSpy loaded(m_window->previewController(), &PreviewController::previewLoaded);
        QVERIFY(m_window->navigator()->selectBlueprint(id));
        QTRY_COMPARE_WITH_TIMEOUT(sketch.count(), 1, 3500);
        QCOMPARE(loaded.count(), 0); // the render is still on its way...
        QVERIFY(m_window->preview()->isBusy());
        const QImage placeholder = m_window->preview()->image();
        QVERIFY(!placeholder.isNull()); // ...and the user already sees the diagram's shape
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QVERIFY(!m_window->preview()->isBusy());
        QVERIFY(m_window->preview()->image() != placeholder); // the real render replaced the sketch
        QVERIFY(m_emulator.clearFaults());
    }

    void goingBackToABlueprintSpendsNoNewExport()
    {
        // Exports are scarce (a few a minute): flipping between two blueprints shows the renders already fetched, even
        // after the view has moved by a pixel (the inspector's width follows its content; the user resizes).
        PreviewController *controller = m_window->previewController();
        const QString first = controller->currentBlueprint(); // the sketch test's blueprint, rendered since
        const QString second = blueprints().at(1).toObject().value(QLatin1String("id")).toString(); // rendered earlier
        QVERIFY(!first.isEmpty() && second != first);
        QSignalSpy previewed(controller, &PreviewController::previewLoaded);
        const auto show = [&](const QString &id) {
            previewed.clear();
            return m_window->navigator()->selectBlueprint(id)
                   && QTest::qWaitFor([&] { return !previewed.isEmpty() && previewed.last().first().toString() == id; },
                                      30000);
        };
        QVERIFY(show(second));
        const int firstExports = exportsOf(first, QStringLiteral("png"));
        const int secondExports = exportsOf(second, QStringLiteral("png"));
        m_window->resize(m_window->size() + QSize(1, 1));
        QVERIFY(show(first));
        QVERIFY(show(second));
        m_window->resize(m_window->size() - QSize(1, 1));
        QVERIFY(show(first)); // where the next test expects to start
        QVERIFY(!m_window->preview()->image().isNull());
        QCOMPARE(exportsOf(first, QStringLiteral("png")), firstExports);
        QCOMPARE(exportsOf(second, QStringLiteral("png")), secondExports);
    }

    void waitingForTheExportBudgetIsShown()
    {
        // The client allows few exports a minute; when the budget is spent the user sees the wait, not a frozen app.
        m_scheduler.setBudget(RateRoute::Export, RateBudget{1, std::chrono::seconds(60)});
        const QString current = m_window->previewController()->currentBlueprint();
        QString other;
        for (const QJsonValue &value : blueprints()) {
            if (value.toObject().value(QLatin1String("id")).toString() != current) {
                other = value.toObject().value(QLatin1String("id")).toString();
                break;
            }
        }
        QVERIFY(m_window->navigator()->selectBlueprint(other));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusPanel()->queueText().contains(QLatin1String("next export in")), 5000);
        QVERIFY(m_window->preview()->isBusy());
        QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("previewBusyBar"))->isVisible());
    }

    void fullScreenAndAbout()
    {
        auto *fullScreen = m_window->findChild<QAction *>(QStringLiteral("fullScreenAction"));
        QVERIFY(fullScreen);
        QCOMPARE(fullScreen->shortcut(), QKeySequence(Qt::Key_F11));
        fullScreen->trigger();
        QTRY_VERIFY(m_window->windowState().testFlag(Qt::WindowFullScreen));
        fullScreen->trigger();
        QTRY_VERIFY(!m_window->windowState().testFlag(Qt::WindowFullScreen));

        const QString versions = AboutDialog::versionsText();
        QVERIFY2(versions.contains(QString::fromLatin1(qVersion())), qPrintable(versions));
        QVERIFY2(!versions.contains(QLatin1String("unknown")), qPrintable(versions));
        m_window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QTRY_VERIFY(m_window->findChild<AboutDialog *>() && m_window->findChild<AboutDialog *>()->isVisible());
        m_window->findChild<AboutDialog *>()->close();
    }

    void signOutForgetsTheKeyAndAsksAgain()
    {
        QSignalSpy signedOut(m_session.get(), &SessionController::signedOut);
        m_prompter.nextConfirm = true;
        m_window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<WelcomeDialog *>() != nullptr, 15000);
        QCOMPARE(m_window->statusPanel()->userText(), QStringLiteral("Not signed in"));
        QCOMPARE(m_window->navigator()->blueprintTree()->model()->rowCount(), 0);
        KeychainSecretStore store;
        QSignalSpy read(store.read(SecretStore::apiKeyName(m_profile)), &SecretJob::finished);
        QVERIFY(read.wait(15000));
        const auto result = read.first().first().value<SecretResult>();
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, SecretError::Kind::NotFound);
        QVERIFY(!m_profiles->profile(m_profile)->keySaved);
        m_window->findChild<WelcomeDialog *>()->close();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSignalSpy forgot(m_keys->forgetKey(m_profile), &KeyRequest::finished);
        forgot.wait(10000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
