// cloudcraft-cli blueprint commands end to end, the exit-code table for server and transport failures, and atomic
// exports (a full disk keeps the previous file: RELIABILITY.md row 23).

#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>

using namespace Cloudcraft::Test;

namespace {
const QString kWebTier = QStringLiteral("e0000000-0000-4000-8000-000000000001");
const QString kPipeline = QStringLiteral("e0000000-0000-4000-8000-000000000002");

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}
} // namespace

class TstCliBlueprint final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList args(std::initializer_list<QString> list) const { return QStringList(list); }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
    }

    void cleanup() { QVERIFY(m_emulator.clearFaults()); }

    void listAndGet()
    {
        const CliRun list = m_cli->run({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("list")});
        CLI_EXPECT(list, 0);
        const QJsonArray array = list.json().array();
        QVERIFY(array.size() >= 3);
        QCOMPARE(array.at(0).toObject().value(QLatin1String("id")).toString(), kWebTier);

        const CliRun human = m_cli->run({QStringLiteral("blueprint"), QStringLiteral("list")});
        CLI_EXPECT(human, 0);
        QVERIFY(human.out.startsWith("ID "));
        QVERIFY(human.out.contains(QByteArray(kWebTier.toUtf8() + "  Web tier")));

        const CliRun get = m_cli->run({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), kWebTier});
        CLI_EXPECT(get, 0);
        const QJsonObject record = get.json().object();
        QCOMPARE(record.value(QLatin1String("name")).toString(), QStringLiteral("Web tier"));
        QVERIFY(record.value(QLatin1String("data")).toObject().value(QLatin1String("nodes")).isArray());
        const CliRun getHuman = m_cli->run({QStringLiteral("blueprint"), QStringLiteral("get"), kWebTier});
        QVERIFY(getHuman.out.contains("ETag "));
    }

    void exportFormats_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("startsWith");
        QTest::newRow("svg") << QStringList{QStringLiteral("--format"), QStringLiteral("svg")} << QByteArray("<");
        QTest::newRow("pdf") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--paper-size"),
                                            QStringLiteral("A4"), QStringLiteral("--landscape")}
                             << QByteArray("%PDF");
        QTest::newRow("mxgraph") << QStringList{QStringLiteral("--format"), QStringLiteral("mxgraph")} << QByteArray("<");
        QTest::newRow("json") << QStringList{QStringLiteral("--format"), QStringLiteral("json")} << QByteArray("{");
        QTest::newRow("budget-csv") << QStringList{QStringLiteral("--format"), QStringLiteral("budget-csv"),
                                                   QStringLiteral("--currency"), QStringLiteral("EUR"),
                                                   QStringLiteral("--period"), QStringLiteral("y")}
                                    << QByteArray("category,");
    }
    void exportFormats()
    {
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, startsWith);
        const QString out = path(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".out"));
        const CliRun r = m_cli->run(QStringList{QStringLiteral("blueprint"), QStringLiteral("export"), kPipeline,
                                                QStringLiteral("--output"), out}
                                    + extra);
        CLI_EXPECT(r, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.trimmed().startsWith(startsWith), bytes.left(80).constData());
        QVERIFY(r.out.contains("Wrote "));
    }

    void exportPngHonoursSize()
    {
        const QString out = path(QStringLiteral("web.png"));
        const CliRun r = m_cli->run({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("export"), kWebTier,
                                     QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--width"),
                                     QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("480"),
                                     QStringLiteral("--output"), out});
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().value(QLatin1String("file")).toString(), out);
        QImage image;
        QVERIFY(image.load(out, "PNG"));
        QCOMPARE(image.size(), QSize(640, 480));
        // Bad option values are usage errors before any request.
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("export"), kWebTier, QStringLiteral("--format"),
                               QStringLiteral("gif"), QStringLiteral("--output"), out}),
                   2);
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("export"), kWebTier, QStringLiteral("--format"),
                               QStringLiteral("png"), QStringLiteral("--width"), QStringLiteral("-3"),
                               QStringLiteral("--output"), out}),
                   2);
    }

    void createUpdateDelete()
    {
        const QString file = path(QStringLiteral("new.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"data":{"grid":"standard","name":"CLI created","nodes":[],"groups":[],"edges":[]}})");
        }
        const CliRun created = m_cli->run({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("create"), file});
        CLI_EXPECT(created, 0);
        const QString id = created.json().object().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());

        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(R"({"name":"CLI renamed","data":{"grid":"standard","name":"CLI renamed","nodes":[]}})");
        }
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("update"), id, file}), 0);
        const CliRun got = m_cli->run({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), id});
        QCOMPARE(got.json().object().value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("CLI renamed"));

        // Updates carry If-Match: the ETag of a fresh GET, or the caller's.
        const auto requests = m_emulator.requests();
        const auto put = std::find_if(requests.crbegin(), requests.crend(), [](const QJsonObject &o) {
            return o.value(QLatin1String("method")).toString() == u"PUT";
        });
        QVERIFY(put != requests.crend());
        QVERIFY(put->value(QLatin1String("headers")).toArray().contains(QStringLiteral("if-match")));

        const CliRun stale = m_cli->run({QStringLiteral("blueprint"), QStringLiteral("update"), id, file,
                                         QStringLiteral("--etag"), QStringLiteral("\"0123456789abcdef0123456789abcdef\"")});
        CLI_EXPECT(stale, 8);
        QVERIFY(stale.err.contains("changed on the server"));

        const CliRun noYes = m_cli->run({QStringLiteral("blueprint"), QStringLiteral("delete"), id});
        CLI_EXPECT(noYes, 2);
        QVERIFY(noYes.err.contains("--yes"));
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("get"), id}), 0);
        CLI_EXPECT(m_cli->run({QStringLiteral("--yes"), QStringLiteral("blueprint"), QStringLiteral("delete"), id}), 0);
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("get"), id}), 5);

        const QString broken = path(QStringLiteral("broken.json"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{not json");
        }
        CLI_EXPECT(m_cli->run({QStringLiteral("blueprint"), QStringLiteral("create"), broken}), 2);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("pathRegex");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList list{QStringLiteral("blueprint"), QStringLiteral("list")};
        const QStringList create{QStringLiteral("blueprint"), QStringLiteral("create"), QStringLiteral("@doc")};
        QTest::newRow("401") << "GET" << "^/blueprint$" << "status:401" << list << 3 << "rejected";
        QTest::newRow("403") << "GET" << "^/blueprint$" << "status:403" << list << 4 << "not allowed";
        QTest::newRow("404") << QString() << QString() << QString()
                             << QStringList{QStringLiteral("blueprint"), QStringLiteral("get"),
                                            QStringLiteral("e0000000-0000-4000-8000-0000000000ff")}
                             << 5 << "Not found";
        QTest::newRow("412") << "PUT" << "^/blueprint/" << "status:412"
                             << QStringList{QStringLiteral("blueprint"), QStringLiteral("update"), kWebTier, QStringLiteral("@doc")}
                             << 8 << "changed on the server";
        QTest::newRow("429") << "GET" << "^/blueprint$" << "status:429:900" << list << 7 << "Too many requests";
        QTest::newRow("500") << "POST" << "^/blueprint$" << "status:500" << create << 9 << "server had a problem";
        QTest::newRow("502") << "POST" << "^/blueprint$" << "status:502" << create << 9 << "server had a problem";
        QTest::newRow("timeout") << "POST" << "^/blueprint$" << "silent" << create << 6 << "timed out";
        QTest::newRow("invalid json") << "GET" << "^/blueprint$" << "invalid-json" << list << 11 << "invalid response";
        QTest::newRow("redirect to another origin") << "GET" << "^/blueprint$" << "redirect-foreign:302" << list << 6
                                                    << "not sent";
        QTest::newRow("tls: CA not trusted") << QString() << QString() << QString()
                                             << QStringList{QStringLiteral("notrust"), QStringLiteral("blueprint"),
                                                            QStringLiteral("list")}
                                             << 6 << "secure connection";
    }
    void exitCodes()
    {
        QFETCH(QString, method);
        QFETCH(QString, pathRegex);
        QFETCH(QString, fault);
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (!fault.isEmpty())
            QVERIFY(m_emulator.addFault(method, pathRegex, fault));
        const QString doc = path(QStringLiteral("doc.json"));
        {
            QFile f(doc);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(R"({"data":{"grid":"standard","name":"Exit code test","nodes":[]}})");
        }
        command.replaceInStrings(QStringLiteral("@doc"), doc);
        // Row 28: error paths at full verbosity must not print the key either.
        command.prepend(QStringLiteral("--verbose"));
        CliRunner cli(m_emulator);
        cli.setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        cli.setEnv(QStringLiteral("CLOUDCRAFT_TIMEOUT"), QStringLiteral("2"));
        QElapsedTimer timer;
        timer.start();
        CliRun r;
        if (command.at(1) == u"notrust")
            r = cli.runRaw(QStringList{QStringLiteral("--verbose"), QStringLiteral("--api-url"), m_emulator.baseUrl().toString()}
                           + command.mid(2));
        else
            r = cli.run(command);
        CLI_EXPECT(r, exitCode);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(cli.failures().isEmpty());
        if (QByteArray(QTest::currentDataTag()).startsWith("redirect"))
            QVERIFY(m_emulator.foreignRequests().isEmpty());
    }

    void diskFullKeepsPreviousFile()
    {
        // Row 23: a 64 KiB tmpfs in a private mount namespace (unshare -Urm) as the export directory.
        QProcess probe;
        probe.start(QStringLiteral("unshare"), {QStringLiteral("-Urm"), QStringLiteral("true")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("unshare -Urm is not permitted here; disk-full export cannot be staged.");

        // The export must be larger than the file system, or the test proves nothing.
        const QString big = path(QStringLiteral("big.png"));
        const QStringList exportArgs{QStringLiteral("blueprint"), QStringLiteral("export"), kPipeline,
                                     QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--width"),
                                     QStringLiteral("4000"), QStringLiteral("--height"), QStringLiteral("3000")};
        CLI_EXPECT(m_cli->run(exportArgs + QStringList{QStringLiteral("--output"), big}), 0);
        QVERIFY(QFileInfo(big).size() > 64 * 1024);

        const QString mount = path(QStringLiteral("full"));
        const QString results = path(QStringLiteral("results"));
        QVERIFY(QDir().mkpath(mount) && QDir().mkpath(results));
        const QString previous = results + QStringLiteral("/previous.png");
        {
            QFile f(previous);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray old(5000, '\0');
            for (qsizetype i = 0; i < old.size(); ++i)
                old[i] = char(i * 7);
            f.write(old);
        }
        const QString script = QStringLiteral(R"(set -u
mount -t tmpfs -o size=64k tmpfs "$1" || exit 90
cp "$3" "$1/out.png"
shift 3
"$@"; rc=$?
sha256sum "$MNT/out.png" | cut -d' ' -f1 > "$RES/after.txt"
ls -A "$MNT" > "$RES/ls.txt"
exit $rc
)");
        QStringList cliArgs{QStringLiteral(CLOUDCRAFT_CLI_BINARY), QStringLiteral("--api-url"), m_emulator.baseUrl().toString(),
                            QStringLiteral("--ca-file"), m_emulator.caFile()};
        cliArgs << exportArgs << QStringLiteral("--output") << mount + QStringLiteral("/out.png");
        CliRunner cli(m_emulator);
        cli.setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        cli.setEnv(QStringLiteral("MNT"), mount);
        cli.setEnv(QStringLiteral("RES"), results);
        const CliRun r = cli.runRaw(QStringList{QStringLiteral("-Urm"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                                                QStringLiteral("sh"), mount, results, previous}
                                        + cliArgs,
                                    {}, 45000, QStringLiteral("unshare"));
        QVERIFY2(r.exitCode != 90, "mounting the tmpfs failed");
        CLI_EXPECT(r, 12);
        QVERIFY2(r.err.contains("disk is full"), r.err.constData());
        QVERIFY(r.err.contains("previous file"));
        QFile after(results + QStringLiteral("/after.txt"));
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll().trimmed(), sha256(previous));
        QFile listing(results + QStringLiteral("/ls.txt"));
        QVERIFY(listing.open(QIODevice::ReadOnly));
        QCOMPARE(listing.readAll().trimmed(), QByteArray("out.png")); // no temporary file left behind
        QVERIFY(cli.failures().isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_cli)
            QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_MAIN(TstCliBlueprint)
#include "tst_cliblueprint.moc"
