// KeyService: where a profile's key comes from (environment, session memory, keychain) and the "key saved" flag
// that tells a locked keychain apart from a missing key. Uses the real Secret Service of the test session.

#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

/// Stands in for a keychain whose service is missing; the real no-bus path is covered by tst_keychainsecretstore.
class UnavailableSecretStore final : public SecretStore
{
public:
    int calls = 0;
    SecretJob *read(const QString &) override { return fail(); }
    SecretJob *write(const QString &, const QString &) override { return fail(); }
    SecretJob *remove(const QString &) override { return fail(); }

private:
    SecretJob *fail()
    {
        ++calls;
        auto *job = new SecretJob;
        job->finish({SecretError{SecretError::Kind::Unavailable, QStringLiteral("No keychain is available.")}, {}});
        return job;
    }
};

QString uniqueKey()
{
    QByteArray bytes;
    for (int i = 0; i < 8; ++i) {
        const quint32 v = QRandomGenerator::system()->generate();
        bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    return QString::fromLatin1(bytes.toBase64());
}

KeyResult wait(KeyRequest *request)
{
    QSignalSpy spy(request, &KeyRequest::finished);
    if (!spy.wait(15000))
        return {SecretError{SecretError::Kind::Other, QStringLiteral("no answer")}, {}, KeySource::None, {}};
    return spy.first().first().value<KeyResult>();
}

QString uniqueProfile()
{
    return QStringLiteral("ks-%1").arg(QRandomGenerator::global()->generate());
}

} // namespace

class TstKeyService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("Run this test inside scripts/with-test-session.sh (private D-Bus session and gnome-keyring).");
    }

    void environmentOverridesKeychain()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        KeychainSecretStore keychain;
        const QString profile = uniqueProfile();
        const QString stored = uniqueKey();
        const QString fromEnv = uniqueKey();
        QProcessEnvironment env;
        KeyService plain(profiles, keychain, env);
        QVERIFY(wait(plain.saveKey(profile, stored)).ok());

        env.insert(QStringLiteral("CLOUDCRAFT_API_KEY"), fromEnv + QStringLiteral("\n"));
        KeyService overridden(profiles, keychain, env);
        const KeyResult r = wait(overridden.loadKey(profile));
        QVERIFY(r.ok());
        QCOMPARE(r.source, KeySource::Environment);
        QCOMPARE(r.key, fromEnv); // trimmed
        // Without the variable the keychain's key is used.
        const KeyResult k = wait(plain.loadKey(profile));
        QCOMPARE(k.source, KeySource::Keychain);
        QCOMPARE(k.key, stored);
        QVERIFY(wait(plain.forgetKey(profile)).ok());
    }

    void saveSetsFlagAndForgetClearsIt()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        KeychainSecretStore keychain;
        KeyService keys(profiles, keychain, QProcessEnvironment());
        const QString profile = uniqueProfile();
        QVERIFY(!profiles.profile(profile).has_value());

        const KeyResult saved = wait(keys.saveKey(profile, uniqueKey()));
        QVERIFY(saved.ok());
        QCOMPARE(saved.source, KeySource::Keychain);
        QVERIFY(saved.notice.isEmpty());
        QVERIFY(profiles.profile(profile)->keySaved);
        // A second store object (another process, in effect) sees the flag on disk.
        ProfileStore reread(profiles.filePath());
        QVERIFY(reread.profile(profile)->keySaved);

        QVERIFY(wait(keys.forgetKey(profile)).ok());
        QVERIFY(!profiles.profile(profile)->keySaved);
        const KeyResult after = wait(keys.loadKey(profile));
        QVERIFY(!after.ok());
        QCOMPARE(after.error->kind, SecretError::Kind::NotFound);
        QVERIFY(after.error->message.contains(QStringLiteral("No API key is saved for profile")));
        // Forgetting twice is not an error.
        QVERIFY(wait(keys.forgetKey(profile)).ok());
    }

    void notFoundAfterSaveIsReportedAsLocked()
    {
        // Row 5: the flag says a key was saved, the keychain answers "not found" (what a locked collection does).
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        KeychainSecretStore keychain;
        KeyService keys(profiles, keychain, QProcessEnvironment());
        const QString profile = uniqueProfile();
        QVERIFY(!profiles.save({profile, ProfileStore::defaultApiUrl(), {}, false, true}).has_value());
        const KeyResult r = wait(keys.loadKey(profile));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, SecretError::Kind::Locked);
        QVERIFY(r.error->message.contains(QStringLiteral("locked or unavailable")));
        QVERIFY(r.error->message.contains(profile));
    }

    void noKeychainKeepsKeyInMemoryAndSaysSo()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        UnavailableSecretStore keychain;
        KeyService keys(profiles, keychain, QProcessEnvironment());
        const QString key = uniqueKey();
        const KeyResult saved = wait(keys.saveKey(QStringLiteral("laptop"), key));
        QVERIFY(saved.ok());
        QCOMPARE(saved.source, KeySource::Memory);
        QCOMPARE(saved.notice, QStringLiteral("No keychain is available; the key is kept only until you quit."));
        QVERIFY(!profiles.profile(QStringLiteral("laptop")).value_or(Profile{}).keySaved);

        const int callsBefore = keychain.calls;
        const KeyResult loaded = wait(keys.loadKey(QStringLiteral("laptop")));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.source, KeySource::Memory);
        QCOMPARE(loaded.key, key);
        QCOMPARE(keychain.calls, callsBefore); // the session copy answers without asking the keychain

        // A new service (the next run of the app) has forgotten it.
        KeyService nextRun(profiles, keychain, QProcessEnvironment());
        const KeyResult next = wait(nextRun.loadKey(QStringLiteral("laptop")));
        QVERIFY(!next.ok());
        QCOMPARE(next.error->kind, SecretError::Kind::Unavailable);

        QFile file(profiles.filePath());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains(key.toLatin1()));
    }

    void oversizeKeyRefused()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        UnavailableSecretStore keychain;
        KeyService keys(profiles, keychain, QProcessEnvironment());
        const KeyResult r = wait(keys.saveKey(QStringLiteral("big"), QString(3000, u'a')));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, SecretError::Kind::TooLarge);
        QCOMPARE(keychain.calls, 0);
    }

    void mask_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("masked");
        QTest::newRow("44 chars") << QStringLiteral("eOulZ3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=")
                                  << QStringLiteral("…we8=");
        QTest::newRow("short keys show nothing") << QStringLiteral("abcdefgh") << QStringLiteral("…");
        QTest::newRow("empty") << QString() << QStringLiteral("…");
    }
    void mask()
    {
        QFETCH(QString, key);
        QFETCH(QString, masked);
        QCOMPARE(KeyService::mask(key), masked);
        if (key.size() > 8)
            QVERIFY(!KeyService::mask(key).contains(key.left(8)));
    }
};

QTEST_GUILESS_MAIN(TstKeyService)
#include "tst_keyservice.moc"
