// cloudcraft-cli snapshot take|list|show|name|note|rm|prune|export|gc end to end: the real CLI against the real
// emulator, writing a real history (SQLite + files) in a temporary XDG data directory.

#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>

#include <sys/stat.h>

using namespace Cloudcraft::Test;

namespace {
const QString kWeb = QStringLiteral("blueprint:e0000000-0000-4000-8000-000000000001");
const QString kPipeline = QStringLiteral("blueprint:e0000000-0000-4000-8000-000000000002");
const QString kEast = QStringLiteral("aws:f0000000-0000-4000-8000-000000000001/us-east-1");
const QString kAzure = QStringLiteral("azure:f0000000-0000-4000-8000-000000000002/eastus");

QString fileHash(const QJsonObject &snapshot, const QString &role)
{
    for (const QJsonValue &f : snapshot.value(QLatin1String("files")).toArray()) {
        if (f.toObject().value(QLatin1String("role")).toString() == role)
            return f.toObject().value(QLatin1String("sha256")).toString();
    }
    return {};
}

QString filePath(const QJsonObject &snapshot, const QString &role)
{
    for (const QJsonValue &f : snapshot.value(QLatin1String("files")).toArray()) {
        if (f.toObject().value(QLatin1String("role")).toString() == role)
            return f.toObject().value(QLatin1String("path")).toString();
    }
    return {};
}

int mode(const QString &path)
{
    struct stat st{};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TstCliSnapshot final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_data;
    QTemporaryDir m_out;

    CliRun cli(const QStringList &args) { return m_cli->run(args); }
    QJsonObject take(const QStringList &args)
    {
        const CliRun r = cli(QStringList{QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("take")} + args);
        if (r.exitCode != 0)
            qWarning("take failed (%d): %s", r.exitCode, qPrintable(r.text()));
        return r.exitCode == 0 ? r.json().object() : QJsonObject();
    }
    QJsonArray list(const QStringList &args = {})
    {
        return cli(QStringList{QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("list")} + args).json().array();
    }
    QString historyRoot() const { return m_data.filePath(QStringLiteral("cloudcraft-desktop/history")); }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        options.snapshotPending = 1; // one 202 "still processing" before each scan result
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        m_cli->setEnv(QStringLiteral("XDG_DATA_HOME"), m_data.path());
    }

    void takeBlueprintSnapshot()
    {
        const mode_t old = ::umask(022); // inherited by the CLI: the history must still be private
        const CliRun human = cli({QStringLiteral("snapshot"), QStringLiteral("take"), kWeb, QStringLiteral("--name"),
                                  QStringLiteral("first"), QStringLiteral("--note"), QStringLiteral("before the change")});
        ::umask(old);
        CLI_EXPECT(human, 0);
        QVERIFY2(human.out.startsWith(QByteArray("Saved snapshot 1 of " + kWeb.toUtf8() + " \"Web tier\"")), human.out.constData());

        const QJsonArray all = list();
        QCOMPARE(all.size(), 1);
        const QJsonObject s = all.at(0).toObject();
        QCOMPARE(s.value(QLatin1String("reference")).toString(), kWeb);
        QCOMPARE(s.value(QLatin1String("name")).toString(), QStringLiteral("first"));
        QCOMPARE(s.value(QLatin1String("note")).toString(), QStringLiteral("before the change"));
        QCOMPARE(s.value(QLatin1String("title")).toString(), QStringLiteral("Web tier"));
        QCOMPARE(s.value(QLatin1String("profile")).toString(), QStringLiteral("default"));
        QVERIFY(!s.value(QLatin1String("updatedAt")).toString().isEmpty());
        // The files are the real export and the blueprint record, stored privately under the XDG data dir.
        const QString png = filePath(s, QStringLiteral("png"));
        QVERIFY2(png.startsWith(historyRoot()), qPrintable(png));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QVERIFY(image.width() > 100);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(readAll(png), QCryptographicHash::Sha256).toHex()),
                 fileHash(s, QStringLiteral("png")));
        const QJsonObject record = QJsonDocument::fromJson(readAll(filePath(s, QStringLiteral("json")))).object();
        QCOMPARE(record.value(QLatin1String("name")).toString(), QStringLiteral("Web tier"));
        QVERIFY(record.value(QLatin1String("data")).toObject().contains(QLatin1String("nodes")));
        QCOMPARE(mode(historyRoot()), 0700);
        QCOMPARE(mode(png), 0600);
        QCOMPARE(mode(historyRoot() + QStringLiteral("/history.sqlite")), 0600);

        // The same diagram again: a second snapshot, the same image file.
        const QJsonObject again = take({kWeb, QStringLiteral("--svg")});
        QCOMPARE(again.value(QLatin1String("id")).toInt(), 2);
        QCOMPARE(fileHash(again, QStringLiteral("png")), fileHash(s, QStringLiteral("png")));
        QCOMPARE(filePath(again, QStringLiteral("png")), png);
        QVERIFY(readAll(filePath(again, QStringLiteral("svg"))).contains("<svg"));
    }

    void liveSnapshotsFollowTheScenario()
    {
        const QJsonObject before = take({kEast});
        QVERIFY(!before.isEmpty());
        QVERIFY(m_emulator.advanceScenario());
        const QJsonObject after = take({kEast, QStringLiteral("--name"), QStringLiteral("after deploy")});
        QVERIFY(!after.isEmpty());
        QVERIFY(!fileHash(before, QStringLiteral("png")).isEmpty());
        QVERIFY2(fileHash(before, QStringLiteral("png")) != fileHash(after, QStringLiteral("png")),
                 "the scenario changed the region but the image did not change");
        QVERIFY(fileHash(before, QStringLiteral("json")) != fileHash(after, QStringLiteral("json")));
        const QJsonObject inventory = QJsonDocument::fromJson(readAll(filePath(after, QStringLiteral("json")))).object();
        QVERIFY(inventory.value(QLatin1String("data")).toObject().contains(QLatin1String("nodes")));

        // @latest, @previous and @<name> pick them out.
        const CliRun latest = cli({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("show"), kEast + QStringLiteral("@latest")});
        CLI_EXPECT(latest, 0);
        QCOMPARE(latest.json().object().value(QLatin1String("id")), after.value(QLatin1String("id")));
        const CliRun previous = cli({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("show"), kEast + QStringLiteral("@previous")});
        QCOMPARE(previous.json().object().value(QLatin1String("id")), before.value(QLatin1String("id")));
        const CliRun named = cli({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("show"), kEast + QStringLiteral("@after deploy")});
        QCOMPARE(named.json().object().value(QLatin1String("id")), after.value(QLatin1String("id")));
        QCOMPARE(list({kEast}).size(), 2);
        QCOMPARE(list({QStringLiteral("aws:f0000000-0000-4000-8000-000000000001")}).size(), 2); // every region

        const QJsonObject azure = take({kAzure});
        QCOMPARE(azure.value(QLatin1String("kind")).toString(), QStringLiteral("azure"));
        QCOMPARE(azure.value(QLatin1String("region")).toString(), QStringLiteral("eastus"));
    }

    void diffBetweenSnapshots()
    {
        // The local history needs no key: both sides come from snapshots.
        m_cli->unsetEnv(QStringLiteral("CLOUDCRAFT_API_KEY"));
        const QString previous = QStringLiteral("snapshot:") + kEast + QStringLiteral("@previous");
        const QString latest = QStringLiteral("snapshot:") + kEast + QStringLiteral("@latest");
        const CliRun images = cli({QStringLiteral("diff"), previous, latest});
        const CliRun documents = cli({QStringLiteral("diff"), QStringLiteral("--structure"), previous, latest});
        const CliRun same = cli({QStringLiteral("diff"), QStringLiteral("snapshot:3"), previous});
        const CliRun missing = cli({QStringLiteral("diff"), QStringLiteral("snapshot:999"), latest});
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        CLI_EXPECT(images, 1); // different
        CLI_EXPECT(documents, 1);
        CLI_EXPECT(same, 0);
        CLI_EXPECT(missing, 2);
        QVERIFY2(missing.err.contains("snapshot:999"), missing.err.constData());
    }

    void showNameNoteAndHumanList()
    {
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("name"), QStringLiteral("2"), QStringLiteral("release 7")}), 0);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("note"), QStringLiteral("2"), QStringLiteral("shown to the team")}), 0);
        const CliRun show = cli({QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("2")});
        CLI_EXPECT(show, 0);
        QVERIFY(show.out.contains("release 7"));
        QVERIFY(show.out.contains("shown to the team"));
        QVERIFY(show.out.contains(kWeb.toUtf8()));
        const CliRun human = cli({QStringLiteral("snapshot"), QStringLiteral("list")});
        CLI_EXPECT(human, 0);
        QVERIFY(human.out.startsWith("ID"));
        QVERIFY(human.out.contains("release 7"));
        QCOMPARE(human.out.count('\n'), 1 + 5);
    }

    void exportWritesTheFiles()
    {
        const QString dir = m_out.filePath(QStringLiteral("export"));
        const CliRun r = cli({QStringLiteral("snapshot"), QStringLiteral("export"), QStringLiteral("2"), QStringLiteral("--output"), dir});
        CLI_EXPECT(r, 0);
        const QJsonObject s = cli({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("2")}).json().object();
        for (const QString &role : {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("json")})
            QCOMPARE(readAll(dir + QStringLiteral("/snapshot-2.") + role), readAll(filePath(s, role)));
    }

    void removeAndPrune()
    {
        // Destructive verbs ask; off a terminal they need --yes.
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("rm"), QStringLiteral("1")}), 2);
        QCOMPARE(list().size(), 5);
        // Snapshot 1 shares its image with 2: removing it keeps the file.
        const QJsonObject two = cli({QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("2")}).json().object();
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("snapshot"), QStringLiteral("rm"), QStringLiteral("1")}), 0);
        QVERIFY(QFile::exists(filePath(two, QStringLiteral("png"))));
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("1")}), 5);

        // Three more of the pipeline blueprint; keep one per source: named ones and other sources stay.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!take({kPipeline}).isEmpty());
        QCOMPARE(list({kPipeline}).size(), 3);
        const CliRun pruned = cli({QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("snapshot"),
                                   QStringLiteral("prune"), QStringLiteral("--keep"), QStringLiteral("1")});
        CLI_EXPECT(pruned, 0);
        QCOMPARE(pruned.json().object().value(QLatin1String("removed")).toInt(), 3); // 2 pipeline + the unnamed east one
        QCOMPARE(list({kPipeline}).size(), 1);
        QCOMPARE(list({kWeb}).size(), 1);  // "release 7"
        QCOMPARE(list({kEast}).size(), 1); // "after deploy" is the newest anyway
        QCOMPARE(list({kAzure}).size(), 1);
        // Age: nothing is 30 days old yet.
        const CliRun aged = cli({QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("snapshot"),
                                 QStringLiteral("prune"), QStringLiteral("--older-than"), QStringLiteral("30d"), kPipeline});
        CLI_EXPECT(aged, 0);
        QCOMPARE(aged.json().object().value(QLatin1String("removed")).toInt(), 0);
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("snapshot"), QStringLiteral("prune"), QStringLiteral("--older-than"),
                        QStringLiteral("0s"), kPipeline}),
                   0);
        QCOMPARE(list({kPipeline}).size(), 0);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("gc")}), 0);
    }

    void exitCodes()
    {
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("take"), QStringLiteral("gcp:x/y")}), 2);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("take"), QStringLiteral("aws:f0000000-0000-4000-8000-000000000001")}), 2);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("take"), QStringLiteral("blueprint:e0000000-0000-4000-8000-0000000000ff")}), 5);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("9999")}), 5);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("show"), kPipeline + QStringLiteral("@latest")}), 5);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("not-a-selector")}), 2);
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("snapshot"), QStringLiteral("prune")}), 2);
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("snapshot"), QStringLiteral("prune"), QStringLiteral("--older-than"), QStringLiteral("soon")}), 2);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("frobnicate")}), 2);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("name"), QStringLiteral("2")}), 2);
        // Without a key nothing can be taken, but the local history still reads.
        m_cli->unsetEnv(QStringLiteral("CLOUDCRAFT_API_KEY"));
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("take"), kWeb}), 3);
        CLI_EXPECT(cli({QStringLiteral("snapshot"), QStringLiteral("list")}), 0);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        // A damaged history is one sentence and exit 12, and nothing is overwritten.
        const QString other = m_out.filePath(QStringLiteral("damaged"));
        QVERIFY(QDir().mkpath(other + QStringLiteral("/cloudcraft-desktop/history")));
        QFile garbage(other + QStringLiteral("/cloudcraft-desktop/history/history.sqlite"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        m_cli->setEnv(QStringLiteral("XDG_DATA_HOME"), other);
        const CliRun damaged = cli({QStringLiteral("snapshot"), QStringLiteral("list")});
        m_cli->setEnv(QStringLiteral("XDG_DATA_HOME"), m_data.path());
        CLI_EXPECT(damaged, 12);
        QVERIFY2(damaged.err.contains("damaged"), damaged.err.constData());
        QCOMPARE(readAll(garbage.fileName()), QByteArray(4096, 'x'));
    }

    void diskFullSavesNothing()
    {
        // Row 23: the history on a full file system (a tmpfs in a private mount namespace, unshare -Urm).
        QProcess probe;
        probe.start(QStringLiteral("unshare"), {QStringLiteral("-Urm"), QStringLiteral("true")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("unshare -Urm is not permitted here; a full disk cannot be staged.");
        const QString data = m_out.filePath(QStringLiteral("full"));
        const QString results = m_out.filePath(QStringLiteral("full-results"));
        QVERIFY(QDir().mkpath(data) && QDir().mkpath(results));
        // Make the history, fill the disk but for 16 KiB, take a snapshot, free the space and look at what was kept.
        const QString script = QStringLiteral(R"(set -u
mount -t tmpfs -o size=1m tmpfs "$XDG_DATA_HOME" || exit 90
"$CLI" snapshot list >/dev/null || exit 91
dd if=/dev/zero of="$XDG_DATA_HOME/filler" bs=4096 2>/dev/null
truncate -s -16K "$XDG_DATA_HOME/filler"
"$@"; rc=$?
rm -f "$XDG_DATA_HOME/filler"
"$CLI" --json snapshot list > "$RES/list.json"
(cd "$XDG_DATA_HOME" && find . -type f ! -name filler | sort) > "$RES/files.txt"
exit $rc
)");
        CliRunner cli(m_emulator);
        cli.setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        cli.setEnv(QStringLiteral("XDG_DATA_HOME"), data);
        cli.setEnv(QStringLiteral("CLI"), QStringLiteral(CLOUDCRAFT_CLI_BINARY));
        cli.setEnv(QStringLiteral("RES"), results);
        const CliRun r = cli.runRaw(QStringList{QStringLiteral("-Urm"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                                                QStringLiteral("sh"), QStringLiteral(CLOUDCRAFT_CLI_BINARY),
                                                QStringLiteral("--api-url"), m_emulator.baseUrl().toString(),
                                                QStringLiteral("--ca-file"), m_emulator.caFile(),
                                                QStringLiteral("snapshot"), QStringLiteral("take"), kWeb,
                                                QStringLiteral("--width"), QStringLiteral("2000"),
                                                QStringLiteral("--height"), QStringLiteral("1500")},
                                    {}, 45000, QStringLiteral("unshare"));
        QVERIFY2(r.exitCode != 90 && r.exitCode != 91, qPrintable(r.text()));
        CLI_EXPECT(r, 12);
        QVERIFY2(r.err.contains("disk is full"), r.err.constData());
        const QJsonDocument listed = QJsonDocument::fromJson(readAll(results + QStringLiteral("/list.json")));
        QVERIFY(listed.isArray());
        QVERIFY(listed.array().isEmpty()); // nothing was recorded
        // Nothing half-written was left: the database and its journal files only, no snapshot file.
        const QByteArray files = readAll(results + QStringLiteral("/files.txt"));
        QVERIFY2(!files.contains("objects/"), files.constData());
        QVERIFY2(files.contains("history.sqlite"), files.constData());
        QVERIFY(cli.failures().isEmpty());
    }

    void cleanupTestCase()
    {
        QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstCliSnapshot)
#include "tst_clisnapshot.moc"
