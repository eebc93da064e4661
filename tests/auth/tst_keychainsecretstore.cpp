// KeychainSecretStore against the real Secret Service (gnome-keyring in the test session of
// scripts/with-test-session.sh), plus child-process scenarios for a missing bus, a locked collection and a frozen
// daemon. RELIABILITY.md rows 1, 3, 4, 5, 6, 7, 33.

#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "scenariorunner.h"

#include <cloudcraft/version.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

using namespace Cloudcraft::Core;
using namespace std::chrono_literals;

namespace {

QString uniqueKey()
{
    // 44 characters like a real key (32 random bytes in base64).
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QString::fromLatin1(bytes.toBase64());
}

SecretResult wait(SecretJob *job)
{
    SecretResult result;
    QEventLoop loop;
    QObject::connect(job, &SecretJob::finished, &loop, [&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

KeyResult wait(KeyRequest *request)
{
    KeyResult result;
    QEventLoop loop;
    QObject::connect(request, &KeyRequest::finished, &loop, [&](const KeyResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

QString secretTool(const QStringList &args, int *exitCode = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"), args);
    process.waitForFinished(15000);
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

QString kindOf(const SecretResult &r)
{
    return r.ok() ? QStringLiteral("ok") : secretErrorKindName(r.error->kind);
}

QString kindOf(const KeyResult &r)
{
    return r.ok() ? QStringLiteral("ok") : secretErrorKindName(r.error->kind);
}

// ---- child-process scenarios --------------------------------------------------------------------------------

int scenarioNoBus()
{
    QTextStream out(stdout);
    KeychainSecretStore store(QString(), 5s);
    QElapsedTimer timer;
    timer.start();
    const SecretResult read = wait(store.read(SecretStore::apiKeyName(QStringLiteral("nobus"))));
    out << "read=" << kindOf(read) << "\nreadMessage=" << (read.ok() ? QString() : read.error->message)
        << "\nreadMs=" << timer.elapsed() << '\n';

    ProfileStore profiles(ProfileStore::defaultFilePath());
    KeyService keys(profiles, store, QProcessEnvironment());
    const QString key = uniqueKey();
    const KeyResult saved = wait(keys.saveKey(QStringLiteral("nobus"), key));
    out << "save=" << kindOf(saved) << "\nsaveSource=" << keySourceName(saved.source) << "\nnotice=" << saved.notice
        << '\n';
    const KeyResult loaded = wait(keys.loadKey(QStringLiteral("nobus")));
    out << "load=" << kindOf(loaded) << "\nloadSource=" << keySourceName(loaded.source)
        << "\nloadMatches=" << (loaded.key == key ? 1 : 0) << "\nflag=" << (profiles.profile(QStringLiteral("nobus")).value_or(Profile{}).keySaved ? 1 : 0)
        << '\n';
    return 0;
}

int scenarioLocked()
{
    QTextStream out(stdout);
    KeychainSecretStore store(QString(), 5s);
    ProfileStore profiles(ProfileStore::defaultFilePath());
    KeyService keys(profiles, store, QProcessEnvironment());
    const KeyResult saved = wait(keys.saveKey(QStringLiteral("work"), uniqueKey()));
    out << "save=" << kindOf(saved) << "\nsaveSource=" << keySourceName(saved.source)
        << "\nsaveMessage=" << (saved.ok() ? QString() : saved.error->message) << '\n';
    out << "lock=" << secretTool({QStringLiteral("lock"), QStringLiteral("--collection=login")}).trimmed() << '\n';
    const KeyResult saved2 = wait(keys.loadKey(QStringLiteral("work")));
    out << "loadSaved=" << kindOf(saved2) << "\nloadSavedMessage=" << (saved2.ok() ? QString() : saved2.error->message)
        << '\n';
    const KeyResult never = wait(keys.loadKey(QStringLiteral("never-saved")));
    out << "loadNever=" << kindOf(never) << "\nloadNeverMessage=" << (never.ok() ? QString() : never.error->message)
        << '\n';
    return 0;
}

int scenarioFrozen(qint64 daemonPid)
{
    QTextStream out(stdout);
    out << "daemonPid=" << daemonPid << '\n';
    if (daemonPid <= 1)
        return 3;
    KeychainSecretStore store(QString(), 2s);
    const QString name = SecretStore::apiKeyName(QStringLiteral("frozen"));
    out << "write=" << kindOf(wait(store.write(name, uniqueKey()))) << '\n';
    out.flush();

    ::kill(static_cast<pid_t>(daemonPid), SIGSTOP);
    int beats = 0;
    qint64 maxGap = 0;
    QElapsedTimer sinceBeat;
    sinceBeat.start();
    QTimer heartbeat;
    heartbeat.setInterval(50);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        ++beats;
        maxGap = std::max(maxGap, sinceBeat.restart());
    });
    heartbeat.start();
    QElapsedTimer timer;
    timer.start();
    const SecretResult read = wait(store.read(name));
    const qint64 elapsed = timer.elapsed();
    heartbeat.stop();
    ::kill(static_cast<pid_t>(daemonPid), SIGCONT);
    out << "read=" << kindOf(read) << "\nreadMessage=" << (read.ok() ? QString() : read.error->message)
        << "\nelapsedMs=" << elapsed << "\nbeats=" << beats << "\nmaxGapMs=" << maxGap << '\n';
    return 0;
}

int scenarioNoGlib()
{
    // Without a GLib main loop libsecret never calls back: only our deadline ends the job.
    QTextStream out(stdout);
    KeychainSecretStore store(QString(), 1s);
    QElapsedTimer timer;
    timer.start();
    const SecretResult read = wait(store.read(SecretStore::apiKeyName(QStringLiteral("noglib"))));
    out << "read=" << kindOf(read) << "\nelapsedMs=" << timer.elapsed() << '\n';
    return 0;
}

int runScenario(const QStringList &args)
{
    const QString name = args.value(0);
    if (name == u"no-glib")
        return scenarioNoGlib();
    if (name == u"no-bus")
        return scenarioNoBus();
    if (name == u"locked")
        return scenarioLocked();
    if (name == u"frozen")
        return scenarioFrozen(args.value(1).toLongLong());
    return 2;
}

} // namespace

class TstKeychainSecretStore final : public QObject
{
    Q_OBJECT

private:
    struct DirState
    {
        bool exists = false;
        QDateTime newest;
        QStringList entries;
    };
    static DirState stateOf(const QString &dir)
    {
        DirState s;
        QFileInfo info(dir);
        s.exists = info.exists();
        if (!s.exists)
            return s;
        s.newest = info.lastModified();
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            s.entries << it.filePath();
            s.newest = std::max(s.newest, it.fileInfo().lastModified());
        }
        return s;
    }
    QString realKeyringDir() const
    {
        return qEnvironmentVariable("CLOUDCRAFT_TEST_REAL_HOME") + QStringLiteral("/.local/share/keyrings");
    }
    DirState m_realKeyringsBefore;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") || qEnvironmentVariableIsEmpty("CLOUDCRAFT_TEST_REAL_HOME"))
            QFAIL("Run this test inside scripts/with-test-session.sh (private D-Bus session and gnome-keyring).");
        m_realKeyringsBefore = stateOf(realKeyringDir());
    }

    void roundTripInRealKeyring()
    {
        KeychainSecretStore store;
        QCOMPARE(store.service(), QString::fromLatin1(Cloudcraft::kAppId));
        const QString profile = QStringLiteral("roundtrip-%1").arg(QRandomGenerator::global()->generate());
        const QString name = SecretStore::apiKeyName(profile);
        QCOMPARE(name, QStringLiteral("cloudcraft-desktop:") + profile + QStringLiteral(":api-key"));
        const QString key = uniqueKey();

        const SecretResult written = wait(store.write(name, key));
        QVERIFY2(written.ok(), qPrintable(written.error->message));

        const SecretResult read = wait(store.read(name));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error->message));
        QCOMPARE(read.secret, key);

        // Row 1: another Secret Service client finds the item under our service name.
        int rc = -1;
        const QString lookup = secretTool({QStringLiteral("lookup"), QStringLiteral("server"), store.service(),
                                           QStringLiteral("user"), name, QStringLiteral("type"),
                                           QStringLiteral("plaintext")},
                                          &rc);
        QCOMPARE(rc, 0);
        QCOMPARE(lookup.trimmed(), key);
        // Row 6: the item's user attribute is namespaced by app and profile.
        const QString search = secretTool({QStringLiteral("search"), QStringLiteral("--all"),
                                           QStringLiteral("server"), store.service()});
        QVERIFY2(search.contains(QStringLiteral("attribute.user = ") + name), qPrintable(search.left(2000)));

        const SecretResult removed = wait(store.remove(name));
        QVERIFY(removed.ok());
        const SecretResult gone = wait(store.read(name));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error->kind, SecretError::Kind::NotFound);
        secretTool({QStringLiteral("lookup"), QStringLiteral("server"), store.service(), QStringLiteral("user"), name},
                   &rc);
        QVERIFY(rc != 0);
    }

    void keyringLivesInTestDataHome()
    {
        // Row 33: the write above went to the throwaway keyring, never the developer's.
        KeychainSecretStore store;
        QVERIFY(wait(store.write(SecretStore::apiKeyName(QStringLiteral("row33")), uniqueKey())).ok());
        const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
        QVERIFY(!dataHome.isEmpty());
        QVERIFY2(QFileInfo::exists(dataHome + QStringLiteral("/keyrings/login.keyring")), qPrintable(dataHome));
        QVERIFY(wait(store.remove(SecretStore::apiKeyName(QStringLiteral("row33")))).ok());
    }

    void oversizeRejectedBeforeAnyJob()
    {
        // Row 7: nothing is sent to the Secret Service; the answer is immediate and says why.
        KeychainSecretStore store;
        const QString name = SecretStore::apiKeyName(QStringLiteral("oversize"));
        QElapsedTimer timer;
        timer.start();
        const SecretResult r = wait(store.write(name, QString(SecretStore::kMaxSecretBytes + 1, u'x')));
        QVERIFY(timer.elapsed() < 500);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, SecretError::Kind::TooLarge);
        QVERIFY(r.error->message.contains(QStringLiteral("2048")));
        int rc = -1;
        secretTool({QStringLiteral("lookup"), QStringLiteral("user"), name}, &rc);
        QVERIFY(rc != 0);
        // Exactly at the limit is fine (multi-byte characters count as bytes).
        const SecretResult atLimit = wait(store.write(name, QString(SecretStore::kMaxSecretBytes, u'y')));
        QVERIFY(atLimit.ok());
        const SecretResult overInBytes = wait(store.write(name, QString(SecretStore::kMaxSecretBytes / 2 + 1, u'é')));
        QVERIFY(!overInBytes.ok());
        QCOMPARE(overInBytes.error->kind, SecretError::Kind::TooLarge);
        QVERIFY(wait(store.remove(name)).ok());
    }

    void classify_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        using K = SecretError::Kind;
        QTest::newRow("not found") << 1 << QString() << int(K::NotFound);
        QTest::newRow("denied by user") << 3 << QString() << int(K::Denied);
        QTest::newRow("denied") << 4 << QString() << int(K::Denied);
        QTest::newRow("no backend") << 5 << QString() << int(K::Unavailable);
        QTest::newRow("autolaunch") << 7 << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                    << int(K::Unavailable);
        QTest::newRow("no service") << 7
                                    << QStringLiteral("The name org.freedesktop.secrets was not provided by any "
                                                      ".service files")
                                    << int(K::Unavailable);
        QTest::newRow("locked") << 7 << QStringLiteral("Cannot create an item in a locked collection") << int(K::Locked);
        QTest::newRow("other") << 7 << QStringLiteral("Something odd") << int(K::Other);
        QTest::newRow("could not delete") << 2 << QStringLiteral("x") << int(K::Other);
    }
    void classify()
    {
        QFETCH(int, code);
        QFETCH(QString, text);
        QFETCH(int, kind);
        const SecretError e = KeychainSecretStore::classify(code, text);
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.message.isEmpty());
    }

    void noBusIsUnavailableAndFallsBackToMemory()
    {
        // Rows 2 and 3: no session bus at all.
        QTemporaryDir dir;
        const auto out = Cloudcraft::Test::runWithoutBus(QStringLiteral("no-bus"), {}, dir.path());
        QVERIFY2(out.finished && out.exitCode == 0, qPrintable(out.stdErr));
        QVERIFY2(out.values.value(QStringLiteral("read")) == u"unavailable",
                 qPrintable(out.values.value(QStringLiteral("readMessage"))));
        QVERIFY(out.values.value(QStringLiteral("readMs")).toInt() < 5000);
        QCOMPARE(out.values.value(QStringLiteral("save")), QStringLiteral("ok"));
        QCOMPARE(out.values.value(QStringLiteral("saveSource")), QStringLiteral("memory"));
        QCOMPARE(out.values.value(QStringLiteral("notice")),
                 QStringLiteral("No keychain is available; the key is kept only until you quit."));
        QCOMPARE(out.values.value(QStringLiteral("load")), QStringLiteral("ok"));
        QCOMPARE(out.values.value(QStringLiteral("loadSource")), QStringLiteral("memory"));
        QCOMPARE(out.values.value(QStringLiteral("loadMatches")), QStringLiteral("1"));
        // The key-saved flag was not set: nothing was saved anywhere that survives the process.
        QCOMPARE(out.values.value(QStringLiteral("flag")), QStringLiteral("0"));
    }

    void withoutGlibLoopTimesOutInsteadOfHanging()
    {
        // Row 4: QT_NO_GLIB=1 makes QtKeychain/libsecret jobs never finish; the deadline still answers.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
        process.setProcessEnvironment(env);
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--scenario"), QStringLiteral("no-glib")});
        const auto out = Cloudcraft::Test::parseScenario(process, 20000);
        QVERIFY2(out.finished && out.exitCode == 0, qPrintable(out.stdErr));
        QCOMPARE(out.values.value(QStringLiteral("read")), QStringLiteral("timed-out"));
        const int elapsed = out.values.value(QStringLiteral("elapsedMs")).toInt();
        QVERIFY2(elapsed >= 900 && elapsed <= 2000, qPrintable(QString::number(elapsed)));
    }

    void lockedAfterSaveSaysLocked()
    {
        // Row 5, in a private session so locking does not disturb tests running in parallel.
        QTemporaryDir dir;
        const auto out = Cloudcraft::Test::runInPrivateKeyring(QStringLiteral("locked"), {}, dir);
        QVERIFY2(out.finished && out.exitCode == 0, qPrintable(out.stdErr));
        QVERIFY2(out.values.value(QStringLiteral("save")) == u"ok", qPrintable(out.values.value(QStringLiteral("saveMessage"))));
        QCOMPARE(out.values.value(QStringLiteral("saveSource")), QStringLiteral("keychain"));
        QCOMPARE(out.values.value(QStringLiteral("loadSaved")), QStringLiteral("locked"));
        QVERIFY(out.values.value(QStringLiteral("loadSavedMessage")).contains(QStringLiteral("locked or unavailable")));
        QCOMPARE(out.values.value(QStringLiteral("loadNever")), QStringLiteral("not-found"));
        QVERIFY(out.values.value(QStringLiteral("loadNeverMessage")).contains(QStringLiteral("No API key is saved")));
    }

    void frozenDaemonTimesOutWithoutBlocking()
    {
        // Row 4: SIGSTOP of our private daemon; the job ends as "timed out" within deadline + 1 s and the event
        // loop keeps ticking meanwhile.
        QTemporaryDir dir;
        const auto out = Cloudcraft::Test::runInPrivateKeyring(QStringLiteral("frozen"), {}, dir);
        QVERIFY2(out.finished && out.exitCode == 0, qPrintable(out.stdErr + out.values.value(QStringLiteral("daemonPid"))));
        QCOMPARE(out.values.value(QStringLiteral("write")), QStringLiteral("ok"));
        QCOMPARE(out.values.value(QStringLiteral("read")), QStringLiteral("timed-out"));
        QVERIFY(out.values.value(QStringLiteral("readMessage")).contains(QStringLiteral("did not answer")));
        const int elapsed = out.values.value(QStringLiteral("elapsedMs")).toInt();
        QVERIFY2(elapsed >= 1900 && elapsed <= 3000, qPrintable(QString::number(elapsed)));
        QVERIFY2(out.values.value(QStringLiteral("beats")).toInt() >= 25, qPrintable(out.values.value(QStringLiteral("beats"))));
        QVERIFY2(out.values.value(QStringLiteral("maxGapMs")).toInt() < 500, qPrintable(out.values.value(QStringLiteral("maxGapMs"))));
    }

    void insecureFallbackNeverEnabled()
    {
        // Row 1: QtKeychain's plaintext fallback must never be switched on anywhere in the sources.
        int scanned = 0;
        for (const QString &root : {QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/src"), QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/app"),
                                    QStringLiteral(CLOUDCRAFT_SOURCE_DIR "/ui")}) {
            QDirIterator it(root, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray text = file.readAll();
                ++scanned;
                QVERIFY2(!text.contains("setInsecureFallback(true)") && !text.contains("setInsecureFallback( true )"),
                         qPrintable(file.fileName()));
            }
        }
        QVERIFY(scanned > 5);
    }

    void cleanupTestCase()
    {
        const DirState after = stateOf(realKeyringDir());
        QCOMPARE(after.exists, m_realKeyringsBefore.exists);
        QCOMPARE(after.entries, m_realKeyringsBefore.entries);
        QCOMPARE(after.newest, m_realKeyringsBefore.newest);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == u"--scenario")
        return runScenario(args.mid(2));
    TstKeychainSecretStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
