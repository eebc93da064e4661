// The translation build: the German catalogue is compiled and embedded, loading it turns the menus, the welcome
// dialog and the settings dialog German, and the .ts in the repository has no stale (vanished or obsolete) entries
// and no untranslated ones in the parts every user sees.

#include "uitesthelpers.h"

#include "mainwindow.h"
#include "sessioncontroller.h"
#include "settingsdialog.h"
#include "translations.h"
#include "uiresources.h"
#include "welcomedialog.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QAction>
#include <QApplication>
#include <QDomDocument>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString menuTitle(const QMainWindow &window, const char *name)
    {
        const auto *menu = window.findChild<QMenu *>(QString::fromLatin1(name));
        return menu ? menu->title() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY(m_dir.isValid());
    }

    void germanIsCompiledAndEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/cloudcraft_de.qm")));
        QVERIFY(Translations::availableLanguages().contains(QStringLiteral("de")));
        QCOMPARE(Translations::languageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/cloudcraft_de.qm")));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.translate("Cloudcraft::Ui::MainWindow", "&File"), QStringLiteral("&Datei"));
    }

    void germanMenusWelcomeAndSettings()
    {
        // English first: the source strings.
        QNetworkAccessManager network;
        RequestScheduler scheduler;
        ProfileStore profiles(m_dir.filePath(QStringLiteral("profiles.ini")));
        KeychainSecretStore keychain;
        KeyService keys(profiles, keychain, QProcessEnvironment());
        Test::RecordingPrompter prompter;
        QSettings settings(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        SessionController session({&network, &profiles, &keys, &scheduler, &prompter});
        {
            MainWindow english(session, prompter, &scheduler, settings);
            QCOMPARE(menuTitle(english, "fileMenu"), QStringLiteral("&File"));
        }

        // --lang de, as main() does it.
        const QString loaded = Translations::install(*QCoreApplication::instance(), QStringLiteral("de"));
        QVERIFY2(loaded.startsWith(QLatin1String("de")), qPrintable(loaded));

        // Plurals follow German rules.
        QCOMPARE(QCoreApplication::translate("Cloudcraft::Ui::StatusPanel", "%n request(s) in progress", nullptr, 1),
                 QStringLiteral("1 Anfrage läuft"));
        QCOMPARE(QCoreApplication::translate("Cloudcraft::Ui::StatusPanel", "%n request(s) in progress", nullptr, 3),
                 QStringLiteral("3 Anfragen laufen"));

        MainWindow window(session, prompter, &scheduler, settings);
        QCOMPARE(menuTitle(window, "fileMenu"), QStringLiteral("&Datei"));
        QCOMPARE(menuTitle(window, "editMenu"), QStringLiteral("&Bearbeiten"));
        QCOMPARE(menuTitle(window, "viewMenu"), QStringLiteral("&Ansicht"));
        QCOMPARE(menuTitle(window, "profilesMenu"), QStringLiteral("&Profile"));
        QCOMPARE(menuTitle(window, "helpMenu"), QStringLiteral("&Hilfe"));
        QCOMPARE(child<QAction>(&window, "settingsAction")->text(), QStringLiteral("&Einstellungen…"));
        QCOMPARE(child<QAction>(&window, "quitAction")->text(), QStringLiteral("&Beenden"));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SettingsDialog *dialog = window.openSettings();
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Einstellungen"));
        QCOMPARE(dialog->pageTitle(0), QStringLiteral("Allgemein"));
        QVERIFY(dialog->showPage(QStringLiteral("Profile")));
        QCOMPARE(child<QPushButton>(dialog, "addProfileButton")->text(), QStringLiteral("&Hinzufügen…"));
        dialog->close();

        session.setDialogParent(&window);
        WelcomeDialog *welcome = session.openWelcome(QStringLiteral("translated"));
        QVERIFY(welcome);
        QCOMPARE(welcome->windowTitle(), QStringLiteral("Bei Cloudcraft anmelden"));
        QCOMPARE(child<QPushButton>(welcome, "signInButton")->text(), QStringLiteral("Anmelden"));
        welcome->close();
    }

    void catalogueHasNoStaleOrMissingEntries()
    {
        QFile file(QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/resources/translations/cloudcraft_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument ts;
        QVERIFY(ts.setContent(&file));
        // What every user sees first must be complete; elsewhere a few untranslated strings fall back to English.
        const QStringList complete = {
            QStringLiteral("Cloudcraft::Ui::MainWindow"),          QStringLiteral("Cloudcraft::Ui::WelcomeDialog"),
            QStringLiteral("Cloudcraft::Ui::SettingsDialog"),      QStringLiteral("Cloudcraft::Ui::GeneralSettingsPage"),
            QStringLiteral("Cloudcraft::Ui::ProfilesSettingsPage")};
        int messages = 0;
        int unfinished = 0;
        QStringList stale;
        QStringList missing;
        const QDomNodeList contexts = ts.elementsByTagName(QStringLiteral("context"));
        for (int c = 0; c < contexts.size(); ++c) {
            const QDomElement context = contexts.at(c).toElement();
            const QString contextName = context.firstChildElement(QStringLiteral("name")).text();
            for (QDomElement message = context.firstChildElement(QStringLiteral("message")); !message.isNull();
                 message = message.nextSiblingElement(QStringLiteral("message"))) {
                const QString source = message.firstChildElement(QStringLiteral("source")).text();
                const QDomElement translation = message.firstChildElement(QStringLiteral("translation"));
                const QString type = translation.attribute(QStringLiteral("type"));
                ++messages;
                if (type == u"vanished" || type == u"obsolete")
                    stale << contextName + u'/' + source;
                if (type == u"unfinished" || translation.text().isEmpty()) {
                    ++unfinished;
                    if (complete.contains(contextName))
                        missing << contextName + u'/' + source;
                }
            }
        }
        QVERIFY(messages > 100);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(u'\n')));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        // Overall at least 80 % translated.
        QVERIFY2(unfinished * 5 <= messages, qPrintable(QStringLiteral("%1 of %2 untranslated").arg(unfinished).arg(messages)));
    }

    void englishSaysOneComponentAndTwoComponents()
    {
        // Every plural message (those the German catalogue has, which lupdate keeps complete) has both English
        // forms: a new "%n thing(s)" string without them would show its "(s)" to English users.
        const auto pluralSources = [](const QString &path) {
            QFile file(path);
            QDomDocument ts;
            QMap<QString, QStringList> forms; // "context/source" -> numerus forms
            if (!file.open(QIODevice::ReadOnly) || !ts.setContent(&file))
                return forms;
            const QDomNodeList messages = ts.elementsByTagName(QStringLiteral("message"));
            for (int i = 0; i < messages.size(); ++i) {
                const QDomElement message = messages.at(i).toElement();
                if (message.attribute(QStringLiteral("numerus")) != u"yes")
                    continue;
                const QString context = message.parentNode().firstChildElement(QStringLiteral("name")).text();
                QStringList texts;
                const QDomNodeList numerus = message.elementsByTagName(QStringLiteral("numerusform"));
                for (int f = 0; f < numerus.size(); ++f)
                    texts << numerus.at(f).toElement().text();
                forms.insert(context + u'/' + message.firstChildElement(QStringLiteral("source")).text(), texts);
            }
            return forms;
        };
        const auto german = pluralSources(QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/resources/translations/cloudcraft_de.ts"));
        const auto english = pluralSources(QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/resources/translations/cloudcraft_en.ts"));
        QVERIFY(german.size() >= 19);
        for (auto it = german.cbegin(); it != german.cend(); ++it) {
            const QStringList forms = english.value(it.key());
            QVERIFY2(forms.size() == 2 && !forms.at(0).isEmpty() && !forms.at(1).isEmpty(), qPrintable(it.key()));
            QVERIFY2(!forms.at(0).contains(QStringLiteral("(s)")) || it.key().contains(QStringLiteral("%1 region(s)")),
                     qPrintable(it.key()));
        }
        QVERIFY(!Translations::availableLanguages().contains(QStringLiteral("en"))); // English is the default, not a choice

        // A language we have no catalogue for gets English with its plurals (installed last: it is searched first).
        QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("fr")), QString());
        QCOMPARE(QCoreApplication::translate("Cloudcraft::Ui::StatusPanel", "%n request(s) in progress", nullptr, 1),
                 QStringLiteral("1 request in progress"));
        QCOMPARE(QCoreApplication::translate("Cloudcraft::Ui::StatusPanel", "%n request(s) in progress", nullptr, 3),
                 QStringLiteral("3 requests in progress"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
