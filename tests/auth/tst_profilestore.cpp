// ProfileStore: profiles in an INI file, https-only endpoints, flags that survive a restart, and never the key.

#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

class TstProfileStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("cfg/profiles.ini")); }

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void defaultProfileExistsWithoutSaving()
    {
        ProfileStore store(path());
        QCOMPARE(store.profileNames(), QStringList{QStringLiteral("default")});
        QCOMPARE(store.currentProfile(), QStringLiteral("default"));
        const auto p = store.profile(QStringLiteral("default"));
        QVERIFY(p.has_value());
        QCOMPARE(p->apiUrl, QUrl(QStringLiteral("https://api.cloudcraft.co")));
        QVERIFY(!p->readOnly);
        QVERIFY(!p->keySaved);
        QVERIFY(!store.profile(QStringLiteral("other")).has_value());
    }

    void defaultFileIsInUserConfigDir()
    {
        const QString file = ProfileStore::defaultFilePath();
        QVERIFY(file.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
        QVERIFY(file.endsWith(QStringLiteral("/cloudcraft-desktop/profiles.ini")));
    }

    void addUseRemoveSurviveRestart()
    {
        {
            ProfileStore store(path());
            QVERIFY(!store.save({QStringLiteral("gov"), QUrl(QStringLiteral("https://api.gov.example:8443/base")),
                                 QStringLiteral("/etc/ssl/gov-ca.pem"), false, false})
                         .has_value());
            QVERIFY(!store.save({QStringLiteral("b-team"), QUrl(), {}, false, false}).has_value());
            QVERIFY(!store.setCurrentProfile(QStringLiteral("gov")).has_value());
            QVERIFY(!store.setReadOnly(QStringLiteral("gov"), true).has_value());
            QVERIFY(!store.setKeySaved(QStringLiteral("gov"), true).has_value());
            QVERIFY(store.setCurrentProfile(QStringLiteral("missing")).has_value());
        }
        ProfileStore store(path());
        QCOMPARE(store.profileNames(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("b-team"), QStringLiteral("gov")}));
        QCOMPARE(store.currentProfile(), QStringLiteral("gov"));
        const auto gov = store.profile(QStringLiteral("gov"));
        QCOMPARE(gov->apiUrl, QUrl(QStringLiteral("https://api.gov.example:8443/base")));
        QCOMPARE(gov->caFile, QStringLiteral("/etc/ssl/gov-ca.pem"));
        QVERIFY(gov->readOnly);
        QVERIFY(gov->keySaved);
        QCOMPARE(store.profile(QStringLiteral("b-team"))->apiUrl, ProfileStore::defaultApiUrl());

        QVERIFY(!store.remove(QStringLiteral("gov")).has_value());
        QCOMPARE(store.currentProfile(), QStringLiteral("default"));
        QVERIFY(!store.profile(QStringLiteral("gov")).has_value());
        QVERIFY(store.remove(QStringLiteral("gov")).has_value());
    }

    void apiUrlValidation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("public") << QStringLiteral("https://api.cloudcraft.co") << true;
        QTest::newRow("port and path") << QStringLiteral("https://127.0.0.1:4443/api") << true;
        QTest::newRow("plain http") << QStringLiteral("http://api.cloudcraft.co") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://api.cloudcraft.co") << false;
        QTest::newRow("relative") << QStringLiteral("api.cloudcraft.co") << false;
        QTest::newRow("credentials") << QStringLiteral("https://user:pw@api.cloudcraft.co") << false;
        QTest::newRow("query") << QStringLiteral("https://api.cloudcraft.co/?x=1") << false;
    }
    void apiUrlValidation()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        ProfileStore store(path());
        const auto error = store.save({QStringLiteral("p"), QUrl(url), {}, false, false});
        QCOMPARE(!error.has_value(), accepted);
        QCOMPARE(store.profile(QStringLiteral("p")).has_value(), accepted);
        if (!accepted)
            QVERIFY(!error->isEmpty());
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("work") << true;
        QTest::newRow("dots dashes") << QStringLiteral("prod.eu-1_x") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("colon") << QStringLiteral("a:b") << false; // would break the keychain item name
        QTest::newRow("leading dash") << QStringLiteral("-x") << false;
        QTest::newRow("too long") << QString(65, u'a') << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ProfileStore::isValidName(name), valid);
    }

    void settingsFileNeverHoldsTheKey()
    {
        // Row 1: after a real save through KeyService the INI file has the flag but not the key.
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("Run this test inside scripts/with-test-session.sh (private D-Bus session and gnome-keyring).");
        ProfileStore store(path());
        KeychainSecretStore keychain;
        KeyService keys(store, keychain, QProcessEnvironment());
        const QString profile = QStringLiteral("grep-%1").arg(QRandomGenerator::global()->generate());
        QByteArray raw(32, '\0');
        for (char &c : raw)
            c = char(QRandomGenerator::global()->bounded(256));
        const QString key = QString::fromLatin1(raw.toBase64());
        KeyRequest *request = keys.saveKey(profile, key);
        QSignalSpy spy(request, &KeyRequest::finished);
        QVERIFY(spy.wait(15000));
        QVERIFY(spy.first().first().value<KeyResult>().ok());

        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("keySaved=true"));
        QVERIFY(!text.contains(key.toLatin1()));
        QVERIFY(!text.contains(key.left(12).toLatin1()));
        QVERIFY(!text.contains(raw.toHex()));

        KeyRequest *forget = keys.forgetKey(profile);
        QSignalSpy forgetSpy(forget, &KeyRequest::finished);
        QVERIFY(forgetSpy.wait(15000));
    }
};

QTEST_GUILESS_MAIN(TstProfileStore)
#include "tst_profilestore.moc"
