// Window state across restarts, as a user sees it: resize the window and move the splitter, quit, start again with the
// same settings file and get the same size and splitter, with the blueprint selected last shown again once the
// emulator's workspace has loaded, the tree groups the user closed still closed and previews in the format chosen.
// With "reopen with the last layout" turned off, none of the layout comes back.

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "previewcontroller.h"
#include "sessioncontroller.h"
#include "uiresources.h"
#include "workspacecontroller.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "models/treeroles.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

namespace Cloudcraft::Test {
/// The top-level row of `model` whose IdRole is `id`.
inline QModelIndex childWithId(const QAbstractItemModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(Core::IdRole).toString() == id)
            return model.index(row, 0);
    }
    return {};
}
} // namespace Cloudcraft::Test

class TestWindowState final : public QObject
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
    QString m_profile;
    QStringList m_blueprintIds;
    QString m_chosen;
    QString m_closedGroup;
    QString m_openGroup;

    QString settingsPath() const { return m_dir.filePath(QStringLiteral("desktop.ini")); }

    /// One "run" of the app: a session and a main window over the settings file, signed in, workspace loaded.
    struct Run
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<SessionController> session;
        std::unique_ptr<MainWindow> window;
    };

    bool startRun(Run &run)
    {
        run.settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
        run.session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        run.window = std::make_unique<MainWindow>(*run.session, m_prompter, &m_scheduler, *run.settings);
        run.window->restoreState();
        run.window->show();
        if (!QTest::qWaitForWindowExposed(run.window.get()))
            return false;
        QSignalSpy loaded(run.window->workspace(), &WorkspaceController::loaded);
        run.session->start(m_profile);
        return loaded.wait(30000) || !loaded.isEmpty();
    }

    static QSplitter *splitter(const Run &run) { return child<QSplitter>(run.window.get(), "mainSplitter"); }

    /// Blueprint ids in the order the tree shows them.
    static QStringList treeBlueprintIds(const QAbstractItemModel *model, const QModelIndex &parent = {})
    {
        QStringList ids;
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(KindRole).toInt() == int(TreeNodeKind::Blueprint))
                ids << index.data(IdRole).toString();
            ids << treeBlueprintIds(model, index);
        }
        return ids;
    }


    // The user closes the second group of the blueprint tree (Left on it) and the first provider of the account
    // tree, and picks View > Preview as SVG; by default every group is open.
    void closeSecondGroupAndChooseSvg(Run &run)
    {
        NavigatorPanel *navigator = run.window->navigator();
        QTRY_VERIFY_WITH_TIMEOUT(!navigator->isExpanding(), 10000);
        QTreeView *tree = navigator->blueprintTree();
        const QAbstractItemModel *model = tree->model();
        QVERIFY(model->rowCount() >= 2);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(tree->isExpanded(model->index(row, 0)));
        const QModelIndex toClose = model->index(1, 0);
        m_closedGroup = toClose.data(IdRole).toString();
        m_openGroup = model->index(0, 0).data(IdRole).toString();
        tree->setCurrentIndex(toClose);
        QTest::keyClick(tree, Qt::Key_Left);
        QVERIFY(!tree->isExpanded(toClose));
        QTreeView *accounts = navigator->accountTree();
        const QModelIndex provider = accounts->model()->index(0, 0);
        QVERIFY(accounts->isExpanded(provider));
        accounts->collapse(provider);
        auto *svg = run.window->findChild<QAction *>(QStringLiteral("previewFormatSvg"));
        QVERIFY(svg);
        svg->trigger();
    }

    // In the next run the closed group and provider stay closed, the others open, and previews are SVG.
    void checkExpansionAndSvgCameBack(Run &run)
    {
        NavigatorPanel *navigator = run.window->navigator();
        QTRY_VERIFY_WITH_TIMEOUT(!navigator->isExpanding(), 10000);
        QTreeView *tree = navigator->blueprintTree();
        const QModelIndex closed = Test::childWithId(*tree->model(), m_closedGroup);
        const QModelIndex open = Test::childWithId(*tree->model(), m_openGroup);
        QVERIFY(closed.isValid() && open.isValid());
        QVERIFY(!tree->isExpanded(closed));
        QVERIFY(tree->isExpanded(open));
        QTreeView *accounts = navigator->accountTree();
        QVERIFY(!accounts->isExpanded(accounts->model()->index(0, 0)));
        if (accounts->model()->hasChildren(accounts->model()->index(1, 0)))
            QVERIFY(accounts->isExpanded(accounts->model()->index(1, 0)));
        auto *svg = run.window->findChild<QAction *>(QStringLiteral("previewFormatSvg"));
        QVERIFY(svg && svg->isChecked());
        QCOMPARE(run.window->previewController()->format(), ExportFormat::Svg);
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        const QJsonObject workspace = Test::readWorkspace(m_emulator.workspacePath());
        for (const QJsonValue &value : workspace.value(QLatin1String("blueprints")).toArray())
            m_blueprintIds << value.toObject().value(QLatin1String("id")).toString();
        QVERIFY(m_blueprintIds.size() >= 3);

        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_profile = QStringLiteral("ws-%1").arg(QRandomGenerator::global()->generate());
        QVERIFY(!m_profiles->save({m_profile, m_emulator.baseUrl(), m_emulator.caFile(), false, false}).has_value());
        QSignalSpy saved(m_keys->saveKey(m_profile, m_emulator.readWriteKey()), &KeyRequest::finished);
        QVERIFY(saved.wait(15000));
        QVERIFY(saved.first().first().value<KeyResult>().ok());
    }

    void cleanupTestCase()
    {
        QSignalSpy(m_keys->forgetKey(m_profile), &KeyRequest::finished).wait(15000);
    }

    void geometrySplitterAndSelectionComeBack()
    {
        QRect geometry;
        QList<int> sizes;
        {
            Run first;
            QVERIFY(startRun(first));
            // The last blueprint of the tree, not the first, which a fresh start selects anyway.
            const QStringList inTree = treeBlueprintIds(first.window->navigator()->blueprintTree()->model());
            QVERIFY(inTree.size() >= 3);
            m_chosen = inTree.last();
            const QString chosen = m_chosen;
            first.window->resize(1111, 777);
            QTRY_COMPARE(first.window->size(), QSize(1111, 777));
            QSplitter *s = splitter(first);
            s->setSizes({420, 400, 260});
            sizes = s->sizes();
            QSignalSpy previewed(first.window->previewController(), &PreviewController::previewLoaded);
            QVERIFY(first.window->navigator()->selectBlueprint(chosen));
            QTRY_COMPARE(first.window->previewController()->currentBlueprint(), chosen);
            geometry = first.window->geometry();
            closeSecondGroupAndChooseSvg(first);
            first.window->close(); // quitting saves the state
        }

        const QString chosen = m_chosen;
        Run second;
        QVERIFY(startRun(second));
        QCOMPARE(second.window->size(), geometry.size());
        QCOMPARE(splitter(second)->sizes(), sizes);
        // Once the workspace is in, the blueprint chosen last is selected and previewed again.
        QTRY_COMPARE_WITH_TIMEOUT(second.window->previewController()->currentBlueprint(), chosen, 20000);
        const QModelIndex current = second.window->navigator()->blueprintTree()->currentIndex();
        QVERIFY(current.isValid());
        checkExpansionAndSvgCameBack(second);
        if (QTest::currentTestFailed())
            return;
        // Back to PNG is remembered as well.
        second.window->findChild<QAction *>(QStringLiteral("previewFormatPng"))->trigger();
        second.window->close();
        QSettings ini(settingsPath(), QSettings::IniFormat);
        QVERIFY(!AppSettings(ini).previewAsSvg());
    }

    void theLastSelectionIsKeptPerProfile()
    {
        QSettings ini(settingsPath(), QSettings::IniFormat);
        const AppSettings settings(ini);
        QCOMPARE(settings.lastBlueprint(m_profile), m_chosen);
        QVERIFY(settings.lastBlueprint(QStringLiteral("some-other-profile")).isEmpty());
    }

    void turnedOffNothingComesBack()
    {
        {
            QSettings ini(settingsPath(), QSettings::IniFormat);
            AppSettings settings(ini);
            settings.setRestoreWindowState(false);
            settings.sync();
        }
        Run run;
        QVERIFY(startRun(run));
        QCOMPARE(run.window->size(), QSize(1400, 860)); // the default size, not 1111×777
        // The first blueprint is shown, as on a first start, instead of the one chosen last time.
        QTRY_VERIFY_WITH_TIMEOUT(!run.window->previewController()->currentBlueprint().isEmpty(), 20000);
        QVERIFY(run.window->previewController()->currentBlueprint() != m_chosen);
        run.window->close();
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
