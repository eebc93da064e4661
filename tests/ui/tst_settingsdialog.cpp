// Settings dialog against the real emulator, profile store and keychain: the pages are there, the theme changes the
// colours of the open window at once and is remembered, and the Profiles page lists, switches, signs out of and
// removes profiles the way the rest of the app sees them.

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "generalsettingspage.h"
#include "mainwindow.h"
#include "profilessettingspage.h"
#include "sessioncontroller.h"
#include "settingsdialog.h"
#include "themeswitcher.h"
#include "uiresources.h"
#include "welcomedialog.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

class TestSettingsDialog final : public QObject
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
    std::unique_ptr<ThemeSwitcher> m_theme;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_first;
    QString m_second;
    QPalette m_startPalette;

    /// The key stored in the real keychain for `profile`, or nothing.
    std::optional<QString> keychainKey(const QString &profile)
    {
        QSignalSpy read(m_keychain.read(SecretStore::apiKeyName(profile)), &SecretJob::finished);
        if (!read.wait(15000))
            return QStringLiteral("<no answer>");
        const auto result = read.first().first().value<SecretResult>();
        if (!result.ok())
            return std::nullopt;
        return result.secret;
    }

    bool saveKey(const QString &profile, const QString &key)
    {
        QSignalSpy saved(m_keys->saveKey(profile, key), &KeyRequest::finished);
        return saved.wait(15000) && saved.first().first().value<KeyResult>().ok();
    }

    SettingsDialog *openDialog()
    {
        SettingsDialog *dialog = m_window->openSettings();
        return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    QTreeWidgetItem *profileRow(ProfilesSettingsPage *page, const QString &name)
    {
        auto *list = child<QTreeWidget>(page, "profilesList");
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == name)
                return list->topLevelItem(i);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        m_startPalette = QApplication::palette();
        m_theme = std::make_unique<ThemeSwitcher>();
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("config/profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("config/desktop.ini")),
                                                 QSettings::IniFormat);

        // Two profiles pointing at the emulator, each with its key in the real keychain.
        const quint32 tag = QRandomGenerator::global()->generate();
        m_first = QStringLiteral("set-a-%1").arg(tag);
        m_second = QStringLiteral("set-b-%1").arg(tag);
        for (const QString &name : {m_first, m_second}) {
            QVERIFY(!m_profiles->save({name, m_emulator.baseUrl(), m_emulator.caFile(), false, false}).has_value());
            QVERIFY(saveKey(name, name == m_first ? m_emulator.readWriteKey() : m_emulator.readOnlyKey()));
        }

        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->setThemeSwitcher(m_theme.get());
        m_window->restoreState();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy signedIn(m_session.get(), &SessionController::signedIn);
        m_session->start(m_first);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isSignedIn() && !signedIn.isEmpty(), 20000);
    }

    void cleanupTestCase()
    {
        for (const QString &name : {m_first, m_second})
            QSignalSpy(m_keys->forgetKey(name), &KeyRequest::finished).wait(15000);
        m_window.reset();
        m_theme->apply(Theme::System);
    }

    void settingsActionOpensGeneralAndProfilesPages()
    {
        auto *action = child<QAction>(m_window.get(), "settingsAction");
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
        action->trigger();
        auto *dialog = m_window->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->pageCount() >= 2);
        QCOMPARE(dialog->pageTitle(0), QStringLiteral("General"));
        QCOMPARE(dialog->page(0)->objectName(), QStringLiteral("generalSettingsPage"));
        QVERIFY(dialog->currentPage() == dialog->page(0));
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        QCOMPARE(dialog->currentPage()->objectName(), QStringLiteral("profilesSettingsPage"));
        QCOMPARE(child<QLabel>(dialog, "settingsPageHeading")->text(), QStringLiteral("Profiles"));
        QVERIFY(dialog->currentPage()->isVisible());
        QVERIFY(!dialog->showPage(QStringLiteral("No such page")));
        // A second Settings… raises the same dialog rather than stacking another.
        QCOMPARE(m_window->openSettings(), dialog);
        dialog->close();
        QTRY_VERIFY(m_window->findChild<SettingsDialog *>() == nullptr);
    }

    void pagesFromOtherPartsPlugIn()
    {
        SettingsDialog dialog;
        auto *page = new QLabel(QStringLiteral("Export defaults here"));
        page->setObjectName(QStringLiteral("examplePage"));
        dialog.addPage(QStringLiteral("Example"), QIcon(), page);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.pageCount(), 1);
        QCOMPARE(dialog.page(0), page);
        QVERIFY(page->isVisible());
        // Clicking an entry of the page list shows that page.
        auto *second = new QLabel(QStringLiteral("Cache"));
        dialog.addPage(QStringLiteral("Cache"), QIcon(), second);
        auto *list = child<QListWidget>(&dialog, "settingsPageList");
        const QRect rect = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(second->isVisible());
        QVERIFY(!page->isVisible());
    }

    void themeChangesTheOpenWindowAtOnceAndIsRemembered()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *combo = child<QComboBox>(dialog, "themeCombo");
        QVERIFY(combo);
        auto *tree = m_window->findChild<QWidget *>(QStringLiteral("mainSplitter"));
        QVERIFY(tree);

        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End); // "Dark", the last entry
        QCOMPARE(combo->currentText(), QStringLiteral("Dark"));
        QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(tree->palette().color(QPalette::WindowText).lightness() > 180);
        QVERIFY(dialog->palette().color(QPalette::Base).lightness() < 60);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QCOMPARE(AppSettings(*m_settings).theme(), Theme::Dark);
        // The window repaints with the new colours: its pixels turn dark.
        const QImage dark = m_window->grab().toImage();
        if (const QString dir = qEnvironmentVariable("CLOUDCRAFT_UI_SHOT_DIR"); !dir.isEmpty()) {
            dialog->grab().save(dir + QStringLiteral("/settings-dark.png"));
            dark.save(dir + QStringLiteral("/mainwindow-dark.png"));
        }
        QVERIFY(QColor(dark.pixel(dark.width() / 2, dark.height() - 5)).lightness() < 100);

        QTest::keyClick(combo, Qt::Key_Up); // "Light"
        QCOMPARE(combo->currentText(), QStringLiteral("Light"));
        QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightness() > 200);
        QVERIFY(m_window->palette().color(QPalette::WindowText).lightness() < 80);
        QCOMPARE(AppSettings(*m_settings).theme(), Theme::Light);

        QTest::keyClick(combo, Qt::Key_Home); // "Same as the system"
        QTRY_COMPARE(m_window->palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
        QCOMPARE(AppSettings(*m_settings).theme(), Theme::System);

        // A new dialog shows the saved choice.
        QTest::keyClick(combo, Qt::Key_End);
        dialog->close();
        QTRY_VERIFY(m_window->findChild<SettingsDialog *>() == nullptr);
        dialog = openDialog();
        QCOMPARE(child<QComboBox>(dialog, "themeCombo")->currentText(), QStringLiteral("Dark"));
        m_theme->apply(Theme::System);
        AppSettings(*m_settings).setTheme(Theme::System);
        dialog->close();
    }

    void generalPageOffersGermanAndTheRestoreSwitch()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *language = child<QComboBox>(dialog, "languageCombo");
        QVERIFY(language->findData(QStringLiteral("de")) > 0);
        QCOMPARE(language->itemText(language->findData(QStringLiteral("de"))), QStringLiteral("Deutsch"));
        language->setFocus();
        QTest::keyClick(language, Qt::Key_End);
        QCOMPARE(AppSettings(*m_settings).language(), language->currentData().toString());
        QTest::keyClick(language, Qt::Key_Home);
        QVERIFY(AppSettings(*m_settings).language().isEmpty());

        auto *restore = child<QCheckBox>(dialog, "restoreStateCheck");
        QVERIFY(restore->isChecked());
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(!AppSettings(*m_settings).restoreWindowState());
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(AppSettings(*m_settings).restoreWindowState());
        dialog->close();
    }

    void profilesPageListsProfilesWithTheirApiUrl()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        auto *page = qobject_cast<ProfilesSettingsPage *>(dialog->currentPage());
        QVERIFY(page);
        for (const QString &name : {m_first, m_second, QStringLiteral("default")}) {
            QTreeWidgetItem *row = profileRow(page, name);
            QVERIFY2(row, qPrintable(name));
        }
        QCOMPARE(profileRow(page, m_first)->text(1), m_emulator.baseUrl().toDisplayString());
        QCOMPARE(profileRow(page, QStringLiteral("default"))->text(1), QStringLiteral("https://api.cloudcraft.co"));
        QVERIFY2(profileRow(page, m_first)->text(2).startsWith(QLatin1String("Signed in as")),
                 qPrintable(profileRow(page, m_first)->text(2)));
        QCOMPARE(profileRow(page, m_second)->text(2), QStringLiteral("Key saved"));
        if (const QString dir = qEnvironmentVariable("CLOUDCRAFT_UI_SHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + QStringLiteral("/settings-profiles.png"));
        // The profile in use cannot be removed or switched to; the other one can.
        QCOMPARE(page->selectedProfile(), m_first);
        QVERIFY(!child<QPushButton>(page, "removeProfileButton")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "switchProfileButton")->isEnabled());
        QVERIFY(page->selectProfile(m_second));
        QVERIFY(child<QPushButton>(page, "removeProfileButton")->isEnabled());
        QVERIFY(child<QPushButton>(page, "switchProfileButton")->isEnabled());
        dialog->close();
    }

    void switchingFromThePageSignsInWithTheOtherProfile()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        auto *page = qobject_cast<ProfilesSettingsPage *>(dialog->currentPage());
        QVERIFY(page->selectProfile(m_second));
        QSignalSpy signedIn(m_session.get(), &SessionController::signedIn);
        QTest::mouseClick(child<QPushButton>(page, "switchProfileButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() && m_session->isSignedIn(), 20000);
        QCOMPARE(m_session->profile().name, m_second);
        QCOMPARE(m_profiles->currentProfile(), m_second);
        // The list follows: the new profile is the one signed in.
        QTRY_VERIFY(profileRow(page, m_second)->text(2).startsWith(QLatin1String("Signed in as")));
        QCOMPARE(profileRow(page, m_first)->text(2), QStringLiteral("Key saved"));
        QVERIFY(m_window->windowTitle().contains(m_second));
        dialog->close();
    }

    void signingOutRemovesTheKeyFromTheKeychain()
    {
        QCOMPARE(keychainKey(m_second), std::optional<QString>(m_emulator.readOnlyKey()));
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        auto *page = qobject_cast<ProfilesSettingsPage *>(dialog->currentPage());
        QVERIFY(page->selectProfile(m_second));
        m_prompter.messages.clear();
        QSignalSpy signedOut(m_session.get(), &SessionController::signedOut);
        QTest::mouseClick(child<QPushButton>(page, "signOutProfileButton"), Qt::LeftButton);
        QVERIFY(!m_prompter.messages.isEmpty()); // asked first
        QVERIFY(m_prompter.messages.first().contains(m_second));
        QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), 15000);
        QVERIFY(!m_session->isSignedIn());
        QCOMPARE(keychainKey(m_second), std::nullopt);
        QVERIFY(!m_profiles->profile(m_second)->keySaved);
        QTRY_COMPARE(profileRow(page, m_second)->text(2), QStringLiteral("No key"));
        // Signed out, the app asks for a key again.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<WelcomeDialog *>() != nullptr, 10000);
        m_window->findChild<WelcomeDialog *>()->close();
        dialog->close();
    }

    void removingAProfileAsksThenForgetsItAndItsKey()
    {
        QCOMPARE(keychainKey(m_first), std::optional<QString>(m_emulator.readWriteKey()));
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        auto *page = qobject_cast<ProfilesSettingsPage *>(dialog->currentPage());

        // Declined: nothing happens.
        QVERIFY(page->selectProfile(m_first));
        m_prompter.nextConfirm = false;
        QTest::mouseClick(child<QPushButton>(page, "removeProfileButton"), Qt::LeftButton);
        QTest::qWait(200);
        QVERIFY(m_profiles->contains(m_first));
        QVERIFY(profileRow(page, m_first));

        m_prompter.nextConfirm = true;
        QTest::mouseClick(child<QPushButton>(page, "removeProfileButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!profileRow(page, m_first), 15000);
        QVERIFY(!m_profiles->contains(m_first));
        QVERIFY(!m_profiles->profileNames().contains(m_first));
        QCOMPARE(keychainKey(m_first), std::nullopt);
        dialog->close();
    }

    void addingAProfileOpensTheWelcomeDialogForIt()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog->showPage(QStringLiteral("Profiles")));
        auto *page = dialog->currentPage();
        m_prompter.nextText = QStringLiteral("not a name!");
        m_prompter.messages.clear();
        QTest::mouseClick(child<QPushButton>(page, "addProfileButton"), Qt::LeftButton);
        QVERIFY(!m_prompter.messages.isEmpty());
        QVERIFY(m_window->findChild<WelcomeDialog *>() == nullptr);

        const QString name = QStringLiteral("added-%1").arg(QRandomGenerator::global()->generate());
        m_prompter.nextText = name;
        QTest::mouseClick(child<QPushButton>(page, "addProfileButton"), Qt::LeftButton);
        WelcomeDialog *welcome = nullptr;
        QTRY_VERIFY((welcome = m_window->findChild<WelcomeDialog *>()) != nullptr);
        auto *profileEdit = welcome->findChild<QLineEdit *>(QStringLiteral("profileEdit"));
        QVERIFY(profileEdit);
        QCOMPARE(profileEdit->text(), name);
        welcome->close();
        m_prompter.nextText.clear();
        dialog->close();
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
