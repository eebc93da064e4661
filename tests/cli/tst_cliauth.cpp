// cloudcraft-cli auth and profile commands, end to end: the key from stdin lands in the real keyring, never on the
// command line or in any output; keychain and authentication failures have their exit codes.

#include "clirunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Cloudcraft::Test;

namespace {

QString secretToolLookup(const QString &profile)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("co.cloudcraft.Desktop"),
             QStringLiteral("user"), QStringLiteral("cloudcraft-desktop:%1:api-key").arg(profile),
             QStringLiteral("type"), QStringLiteral("plaintext")});
    p.waitForFinished(15000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString uniqueProfile()
{
    return QStringLiteral("p%1").arg(QRandomGenerator::global()->generate());
}

} // namespace

class TstCliAuth final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("Run this test inside scripts/with-test-session.sh (private D-Bus session and gnome-keyring).");
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
    }

    void loginFromStdinStoresKeyInKeyring()
    {
        const QString profile = uniqueProfile();
        const CliRun login = m_cli->run({QStringLiteral("--profile"), profile, QStringLiteral("auth"),
                                         QStringLiteral("login")},
                                        m_emulator.readWriteKey().toUtf8() + '\n');
        CLI_EXPECT(login, 0);
        QCOMPARE(QString::fromUtf8(login.out).trimmed(),
                 QStringLiteral("Signed in as Test Owner owner@example.test (profile %1)").arg(profile));
        // Row 1 / 29: the piped key is in the real Secret Service under the namespaced name.
        QCOMPARE(secretToolLookup(profile), m_emulator.readWriteKey());

        // The profile remembers the endpoint: later commands need no --api-url.
        const CliRun status = m_cli->runRaw({QStringLiteral("--profile"), profile, QStringLiteral("--json"),
                                             QStringLiteral("auth"), QStringLiteral("status")});
        CLI_EXPECT(status, 0);
        const QJsonObject o = status.json().object();
        QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("keychain"));
        QCOMPARE(o.value(QLatin1String("key")).toString(), QString(u'…' + m_emulator.readWriteKey().right(4)));
        QCOMPARE(o.value(QLatin1String("user")).toObject().value(QLatin1String("email")).toString(),
                 QStringLiteral("owner@example.test"));
        QCOMPARE(o.value(QLatin1String("readOnly")).toBool(), false);

        // Human status shows the same, aligned.
        const CliRun human = m_cli->runRaw({QStringLiteral("--profile"), profile, QStringLiteral("auth"),
                                            QStringLiteral("status")});
        CLI_EXPECT(human, 0);
        QVERIFY(human.out.contains("Source     keychain"));
        QVERIFY(human.out.contains(QString(u'…' + m_emulator.readWriteKey().right(4)).toUtf8()));

        // The settings file holds the flag, never the key.
        QFile ini(m_cli->configDir() + QStringLiteral("/cloudcraft-desktop/profiles.ini"));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray settings = ini.readAll();
        QVERIFY(settings.contains("keySaved=true"));
        QVERIFY(!settings.contains(m_emulator.readWriteKey().toUtf8()));

        // Logout needs --yes off a terminal, then removes the key.
        const CliRun refused = m_cli->runRaw({QStringLiteral("--profile"), profile, QStringLiteral("auth"),
                                              QStringLiteral("logout")});
        CLI_EXPECT(refused, 2);
        QVERIFY(refused.err.contains("--yes"));
        QCOMPARE(secretToolLookup(profile), m_emulator.readWriteKey());
        CLI_EXPECT(m_cli->runRaw({QStringLiteral("--profile"), profile, QStringLiteral("--yes"), QStringLiteral("auth"),
                                  QStringLiteral("logout")}),
                   0);
        QVERIFY(secretToolLookup(profile).isEmpty());
        const CliRun after = m_cli->runRaw({QStringLiteral("--profile"), profile, QStringLiteral("auth"),
                                            QStringLiteral("status")});
        CLI_EXPECT(after, 3);
        QVERIFY(after.err.contains("Not signed in"));
    }

    void keyOnCommandLineRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString key = QStringLiteral("eOulZ3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=");
        QTest::newRow("--api-key=") << QStringList{QStringLiteral("auth"), QStringLiteral("login"),
                                                   QStringLiteral("--api-key=") + key};
        QTest::newRow("--api-key value") << QStringList{QStringLiteral("auth"), QStringLiteral("login"),
                                                        QStringLiteral("--api-key"), key};
        QTest::newRow("--key") << QStringList{QStringLiteral("--key"), key, QStringLiteral("blueprint"),
                                              QStringLiteral("list")};
        QTest::newRow("--token=") << QStringList{QStringLiteral("user"), QStringLiteral("me"),
                                                 QStringLiteral("--token=") + key};
    }
    void keyOnCommandLineRefused()
    {
        QFETCH(QStringList, args);
        m_cli->addSecret(QStringLiteral("eOulZ3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8="));
        QVERIFY(m_emulator.clearRequests());
        const CliRun r = m_cli->run(args);
        CLI_EXPECT(r, 2);
        QVERIFY(r.err.contains("stdin"));
        QVERIFY(r.err.contains("CLOUDCRAFT_API_KEY"));
        QVERIFY(r.out.isEmpty());
        // Nothing was sent to the server.
        QVERIFY(m_emulator.requests().isEmpty());
    }

    void badKeyIsExit3AndNothingStored()
    {
        const QString profile = uniqueProfile();
        const QString wrong = QStringLiteral("WRONGwrongWRONGwrongWRONGwrongWRONGwrong123=");
        m_cli->addSecret(wrong);
        const CliRun r = m_cli->run({QStringLiteral("--profile"), profile, QStringLiteral("auth"),
                                     QStringLiteral("login")},
                                    wrong.toUtf8());
        CLI_EXPECT(r, 3);
        QVERIFY(r.err.contains("rejected"));
        QVERIFY(secretToolLookup(profile).isEmpty());
    }

    void emptyStdinIsUsageError()
    {
        const CliRun r = m_cli->run({QStringLiteral("--profile"), uniqueProfile(), QStringLiteral("auth"),
                                     QStringLiteral("login")});
        CLI_EXPECT(r, 2);
        QVERIFY(r.err.contains("No API key was given"));
    }

    void environmentKeyOverrides()
    {
        CliRunner cli(m_emulator);
        cli.setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readOnlyKey());
        const CliRun r = cli.run({QStringLiteral("--json"), QStringLiteral("auth"), QStringLiteral("status")});
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().value(QLatin1String("source")).toString(), QStringLiteral("env"));
        QCOMPARE(r.json().object().value(QLatin1String("key")).toString(), QString(u'…' + m_emulator.readOnlyKey().right(4)));
        // --verbose logs requests but never the key.
        const CliRun verbose = cli.run({QStringLiteral("--verbose"), QStringLiteral("user"), QStringLiteral("me")});
        CLI_EXPECT(verbose, 0);
        QVERIFY(verbose.err.contains("GET /user/me -> 200"));
        QVERIFY(cli.failures().isEmpty());
    }

    void readOnlyKeyWriteIsExit4AndMarksProfile()
    {
        CliRunner cli(m_emulator);
        const CliRun login = cli.run({QStringLiteral("auth"), QStringLiteral("login")}, m_emulator.readOnlyKey().toUtf8());
        CLI_EXPECT(login, 0);
        const CliRun del = cli.run({QStringLiteral("--yes"), QStringLiteral("blueprint"), QStringLiteral("delete"),
                                    QStringLiteral("e0000000-0000-4000-8000-000000000001")});
        CLI_EXPECT(del, 4);
        QVERIFY(del.err.contains("not allowed"));
        const CliRun status = cli.run({QStringLiteral("--json"), QStringLiteral("auth"), QStringLiteral("status")});
        CLI_EXPECT(status, 0);
        QCOMPARE(status.json().object().value(QLatin1String("readOnly")).toBool(), true);
        CLI_EXPECT(cli.run({QStringLiteral("--yes"), QStringLiteral("auth"), QStringLiteral("logout")}), 0);
        QVERIFY(cli.failures().isEmpty());
    }

    void noKeychainIsExit10WithPlainMessage()
    {
        // Row 2 for the CLI: no session bus at all; the key cannot outlive this process, and the user is told.
        CliRunner cli(m_emulator);
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/cloudcraft-bus"));
        const CliRun r = cli.run({QStringLiteral("auth"), QStringLiteral("login")}, m_emulator.readWriteKey().toUtf8());
        CLI_EXPECT(r, 10);
        QVERIFY(r.out.contains("Signed in as Test Owner"));
        QVERIFY(r.err.contains("No keychain is available; the key is kept only until you quit."));
        // Reading without a keychain and without a saved flag: "not signed in"/keychain error, never a crash.
        const CliRun status = cli.run({QStringLiteral("auth"), QStringLiteral("status")});
        QVERIFY(status.exitCode == 10 || status.exitCode == 3);
        QVERIFY(cli.failures().isEmpty());
    }

    void lockedKeychainAfterLoginIsExit10()
    {
        // Row 5 end to end, in a private D-Bus session with its own gnome-keyring so locking it disturbs no one.
        QTemporaryDir dir;
        for (const char *sub : {"data", "runtime", "config"})
            QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(sub)));
        QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString script = QStringLiteral(R"(printf %s private-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$0" --api-url "$1" --ca-file "$2" auth login < "$3" > "$4/login.txt" 2>&1; echo $? > "$4/login.rc"
secret-tool lock --collection=login
"$0" auth status > "$4/status.txt" 2>&1; echo $? > "$4/status.rc"
)");
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(m_emulator.readWriteKey().toUtf8());
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("CLOUDCRAFT_API_KEY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("dbus-run-session"),
                {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                 QStringLiteral(CLOUDCRAFT_CLI_BINARY), m_emulator.baseUrl().toString(), m_emulator.caFile(), keyFile,
                 dir.path()});
        QVERIFY(p.waitForFinished(60000));
        const auto read = [&dir](const char *name) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
        };
        QVERIFY2(read("login.rc") == "0", read("login.txt").constData());
        QVERIFY2(read("status.rc") == "10", read("status.txt").constData());
        QVERIFY(read("status.txt").contains("locked or unavailable"));
        QVERIFY(!read("status.txt").contains("Not signed in"));
        QVERIFY(!read("login.txt").contains(m_emulator.readWriteKey().toUtf8()));
    }

    void profileCommands()
    {
        CliRunner cli(m_emulator);
        CLI_EXPECT(cli.runRaw({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("gov"),
                               QStringLiteral("--api-url"), QStringLiteral("https://api.gov.example")}),
                   0);
        const CliRun http = cli.runRaw({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bad"),
                                        QStringLiteral("--api-url"), QStringLiteral("http://api.cloudcraft.co")});
        CLI_EXPECT(http, 2);
        QVERIFY(http.err.contains("https"));
        CLI_EXPECT(cli.runRaw({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("gov")}), 0);
        CLI_EXPECT(cli.runRaw({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("nope")}), 2);
        const CliRun list = cli.runRaw({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        CLI_EXPECT(list, 0);
        const QJsonArray profiles = list.json().array();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("gov"));
        QVERIFY(profiles.at(1).toObject().value(QLatin1String("current")).toBool());
        QCOMPARE(profiles.at(1).toObject().value(QLatin1String("apiUrl")).toString(), QStringLiteral("https://api.gov.example"));
        const CliRun human = cli.runRaw({QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY(human.out.contains("*  gov"));
        CLI_EXPECT(cli.runRaw({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("gov")}), 2);
        CLI_EXPECT(cli.runRaw({QStringLiteral("--yes"), QStringLiteral("profile"), QStringLiteral("remove"),
                               QStringLiteral("gov")}),
                   0);
        const CliRun after = cli.runRaw({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(after.json().array().size(), 1);
    }

    void helpListsGroupsAndExitCodes()
    {
        const CliRun help = m_cli->runRaw({QStringLiteral("--help")});
        CLI_EXPECT(help, 0);
        for (const char *needle : {"auth login", "profile list", "blueprint export", "aws snapshot", "azure snapshot",
                                   "aws iam-params", "team list", "user me", "backup DIR", "restore DIR",
                                   " 12  local file error", "  8  conflict", "CLOUDCRAFT_API_KEY"})
            QVERIFY2(help.out.contains(needle), needle);
        CLI_EXPECT(m_cli->runRaw({}), 2);
        CLI_EXPECT(m_cli->runRaw({QStringLiteral("frobnicate")}), 2);
        CLI_EXPECT(m_cli->runRaw({QStringLiteral("blueprint"), QStringLiteral("list"), QStringLiteral("--bogus")}), 2);
    }

    void cleanupTestCase()
    {
        // Row 28: no run of this executable printed a key.
        if (m_cli)
            QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstCliAuth)
#include "tst_cliauth.moc"
