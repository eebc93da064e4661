// AppSettings: typed preferences over an INI file: defaults on a fresh file, values that survive a restart, the
// last selection kept apart per profile, and an unknown stored theme read as "system".

#include "settings/appsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

class TstAppSettings final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("desktop.ini")); }

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void defaultsOnAFreshFile()
    {
        QSettings ini(path(), QSettings::IniFormat);
        const AppSettings settings(ini);
        QCOMPARE(settings.theme(), Theme::System);
        QVERIFY(settings.language().isEmpty());
        QVERIFY(settings.restoreWindowState());
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.windowState().isEmpty());
        QVERIFY(settings.splitterState().isEmpty());
        QVERIFY(settings.inspectorVisible());
        QCOMPARE(settings.treeGrouping(), 0);
        QCOMPARE(settings.treeSort(), 0);
        QVERIFY(settings.lastBlueprint(QStringLiteral("default")).isEmpty());
    }

    void valuesSurviveARestart()
    {
        const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03", 6);
        {
            QSettings ini(path(), QSettings::IniFormat);
            AppSettings settings(ini);
            settings.setTheme(Theme::Dark);
            settings.setLanguage(QStringLiteral("de"));
            settings.setRestoreWindowState(false);
            settings.setWindowGeometry(geometry);
            settings.setWindowState(QByteArray("state"));
            settings.setSplitterState(QByteArray("splitter"));
            settings.setInspectorVisible(false);
            settings.setTreeGrouping(2);
            settings.setTreeSort(1);
            settings.setLastBlueprint(QStringLiteral("default"), QStringLiteral("bp-1"));
            settings.setLastBlueprint(QStringLiteral("gov.cloud-2"), QStringLiteral("bp-2"));
            QVERIFY(settings.sync());
        }
        QSettings ini(path(), QSettings::IniFormat);
        const AppSettings settings(ini);
        QCOMPARE(settings.theme(), Theme::Dark);
        QCOMPARE(settings.language(), QStringLiteral("de"));
        QVERIFY(!settings.restoreWindowState());
        QCOMPARE(settings.windowGeometry(), geometry);
        QCOMPARE(settings.windowState(), QByteArray("state"));
        QCOMPARE(settings.splitterState(), QByteArray("splitter"));
        QVERIFY(!settings.inspectorVisible());
        QCOMPARE(settings.treeGrouping(), 2);
        QCOMPARE(settings.treeSort(), 1);
        QCOMPARE(settings.lastBlueprint(QStringLiteral("default")), QStringLiteral("bp-1"));
        QCOMPARE(settings.lastBlueprint(QStringLiteral("gov.cloud-2")), QStringLiteral("bp-2"));
        QVERIFY(settings.lastBlueprint(QStringLiteral("other")).isEmpty());
    }

    void themeKeysRoundTrip_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("theme");
        QTest::newRow("system") << QStringLiteral("system") << int(Theme::System);
        QTest::newRow("light") << QStringLiteral("light") << int(Theme::Light);
        QTest::newRow("dark") << QStringLiteral("dark") << int(Theme::Dark);
        QTest::newRow("case and spaces") << QStringLiteral(" Dark ") << int(Theme::Dark);
        QTest::newRow("unknown") << QStringLiteral("solarized") << int(Theme::System);
        QTest::newRow("empty") << QString() << int(Theme::System);
    }

    void themeKeysRoundTrip()
    {
        QFETCH(QString, key);
        QFETCH(int, theme);
        QCOMPARE(int(AppSettings::themeFromKey(key)), theme);
        QCOMPARE(AppSettings::themeFromKey(AppSettings::themeKey(Theme(theme))), Theme(theme));

        QSettings ini(path(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("appearance/theme"), key);
        QCOMPARE(int(AppSettings(ini).theme()), theme);
    }

    void clearingLanguageFollowsTheSystemAgain()
    {
        QSettings ini(path(), QSettings::IniFormat);
        AppSettings settings(ini);
        settings.setLanguage(QStringLiteral("de"));
        settings.setLanguage({});
        QVERIFY(settings.language().isEmpty());
        QVERIFY(!ini.contains(QStringLiteral("appearance/language")));
    }

    void clearWindowStateKeepsPreferences()
    {
        QSettings ini(path(), QSettings::IniFormat);
        AppSettings settings(ini);
        settings.setTheme(Theme::Light);
        settings.setRestoreWindowState(true);
        settings.setWindowGeometry(QByteArray("g"));
        settings.setSplitterState(QByteArray("s"));
        settings.setLastBlueprint(QStringLiteral("default"), QStringLiteral("bp-1"));
        settings.clearWindowState();
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.splitterState().isEmpty());
        QVERIFY(settings.lastBlueprint(QStringLiteral("default")).isEmpty());
        QCOMPARE(settings.theme(), Theme::Light);
        QVERIFY(settings.restoreWindowState());
    }

    void clearingTheLastBlueprintRemovesIt()
    {
        QSettings ini(path(), QSettings::IniFormat);
        AppSettings settings(ini);
        settings.setLastBlueprint(QStringLiteral("default"), QStringLiteral("bp-1"));
        settings.setLastBlueprint(QStringLiteral("default"), {});
        QVERIFY(settings.lastBlueprint(QStringLiteral("default")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_appsettings.moc"
