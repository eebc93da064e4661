// Every control a keyboard or screen-reader user can reach has a name: walk the main window (signed in, workspace
// loaded), the welcome dialog and the settings dialog with all its pages, and ask Qt's accessibility layer for the
// name of each widget that takes focus: what a screen reader would announce (accessibleName, a button's text, or the
// QLabel buddy's text).

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "settingsdialog.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QAccessible>
#include <QAction>
#include <QDialog>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;

class TestAccessibility final : public QObject
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
    QString m_profile;

    /// Widgets under `root` that take keyboard focus yet have no accessible name, as "class objectName" lines.
    /// Qt's own inner parts (objectName "qt_…", e.g. a spin box's line edit) are named through their owner.
    static QStringList unnamedFocusableWidgets(QWidget *root, int *checked)
    {
        QStringList unnamed;
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *widget : std::as_const(widgets)) {
            if (widget->focusPolicy() == Qt::NoFocus || widget->objectName().startsWith(QLatin1String("qt_")))
                continue;
            if (widget->window() != root)
                continue; // in another window (a combo box's popup list, a dialog): checked on its own
            ++*checked;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
            if (name.isEmpty()) {
                unnamed << QStringLiteral("%1 \"%2\" in %3")
                               .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                    widget->parentWidget() ? widget->parentWidget()->objectName() : QString());
            }
        }
        return unnamed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_profile = QStringLiteral("a11y-%1").arg(QRandomGenerator::global()->generate());
        QVERIFY(!m_profiles->save({m_profile, m_emulator.baseUrl(), m_emulator.caFile(), false, false}).has_value());
        QSignalSpy saved(m_keys->saveKey(m_profile, m_emulator.readWriteKey()), &KeyRequest::finished);
        QVERIFY(saved.wait(15000));

        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->restoreState();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        m_session->start(m_profile);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSignalSpy(m_keys->forgetKey(m_profile), &KeyRequest::finished).wait(15000);
    }

    void mainWindowControlsHaveNames()
    {
        int checked = 0;
        const QStringList unnamed = unnamedFocusableWidgets(m_window.get(), &checked);
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }

    void welcomeDialogControlsHaveNames()
    {
        WelcomeDialog *welcome = m_session->openWelcome(m_profile);
        QVERIFY(welcome);
        QVERIFY(QTest::qWaitForWindowExposed(welcome));
        int checked = 0;
        const QStringList unnamed = unnamedFocusableWidgets(welcome, &checked);
        welcome->close();
        QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }

    void helpDialogsControlsHaveNames()
    {
        for (const char *actionName : {"shortcutsAction", "aboutAction"}) {
            auto *action = Test::child<QAction>(m_window.get(), actionName);
            QVERIFY(action);
            const QList<QDialog *> before = m_window->findChildren<QDialog *>();
            action->trigger();
            QDialog *dialog = nullptr;
            for (QDialog *candidate : m_window->findChildren<QDialog *>()) {
                if (!before.contains(candidate) && candidate->isVisible())
                    dialog = candidate;
            }
            QVERIFY2(dialog, actionName);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            int checked = 0;
            const QStringList unnamed = unnamedFocusableWidgets(dialog, &checked);
            dialog->close();
            QVERIFY2(checked >= 1, actionName);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
        }
    }

    void settingsDialogControlsHaveNames()
    {
        SettingsDialog *dialog = m_window->openSettings();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->pageCount() >= 2);
        int checked = 0;
        QStringList unnamed;
        for (int i = 0; i < dialog->pageCount(); ++i) {
            dialog->setCurrentIndex(i); // pages may build parts of themselves when shown
            QCoreApplication::processEvents();
        }
        unnamed = unnamedFocusableWidgets(dialog, &checked);
        dialog->close();
        QVERIFY2(checked >= 8, qPrintable(QString::number(checked)));
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
