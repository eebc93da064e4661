// cloudcraft-cli backup and restore: files and index, resuming, and a restore that meets a blueprint changed on the
// server since the backup (reported as a conflict, not overwritten, exit 8).

#include "clirunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Cloudcraft::Test;

namespace {
const QString kWebTier = QStringLiteral("e0000000-0000-4000-8000-000000000001");
const QString kPipeline = QStringLiteral("e0000000-0000-4000-8000-000000000002");
const QString kSketch = QStringLiteral("e0000000-0000-4000-8000-000000000003");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class TstCliBackup final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

    CliRun cli(const QStringList &args) { return m_cli->run(args); }
    int getCount() const
    {
        int n = 0;
        for (const QJsonObject &o : m_emulator.requests())
            n += o.value(QLatin1String("method")).toString() == u"GET"
                && o.value(QLatin1String("path")).toString().startsWith(QStringLiteral("/blueprint/"));
        return n;
    }

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

    void backupRestoreRoundTripWithConflict()
    {
        const QString dir = m_dir.filePath(QStringLiteral("backup"));
        QVERIFY(m_emulator.clearRequests());
        const CliRun backup = cli({QStringLiteral("--json"), QStringLiteral("backup"), dir});
        CLI_EXPECT(backup, 0);
        QCOMPARE(backup.json().object().value(QLatin1String("saved")).toInt(), 3);
        QCOMPARE(getCount(), 3);

        const QJsonObject index = readJson(dir + QStringLiteral("/index.json"));
        const QJsonArray entries = index.value(QLatin1String("blueprints")).toArray();
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            QVERIFY(!e.value(QLatin1String("etag")).toString().isEmpty());
            QVERIFY(!e.value(QLatin1String("updatedAt")).toString().isEmpty());
            const QJsonObject record = readJson(dir + u'/' + e.value(QLatin1String("id")).toString() + QStringLiteral(".json"));
            QCOMPARE(record.value(QLatin1String("id")).toString(), e.value(QLatin1String("id")).toString());
            QVERIFY(record.value(QLatin1String("data")).isObject());
        }

        // Resumable: a second run fetches nothing that did not change; losing one file re-fetches only that one.
        QVERIFY(m_emulator.clearRequests());
        const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("backup"), dir});
        CLI_EXPECT(again, 0);
        QCOMPARE(again.json().object().value(QLatin1String("unchanged")).toInt(), 3);
        QCOMPARE(getCount(), 0);
        QVERIFY(QFile::remove(dir + u'/' + kPipeline + QStringLiteral(".json")));
        const CliRun resumed = cli({QStringLiteral("--json"), QStringLiteral("backup"), dir});
        QCOMPARE(resumed.json().object().value(QLatin1String("saved")).toInt(), 1);
        QCOMPARE(getCount(), 1);

        // Someone changes "Web tier" on the server after the backup, and "Empty sketch" is deleted.
        const QString changed = m_dir.filePath(QStringLiteral("changed.json"));
        {
            QFile f(changed);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"json({"name":"Web tier (edited)","data":{"grid":"standard","name":"Web tier (edited)","nodes":[]}})json");
        }
        CLI_EXPECT(cli({QStringLiteral("blueprint"), QStringLiteral("update"), kWebTier, changed}), 0);
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("blueprint"), QStringLiteral("delete"), kSketch}), 0);

        // Overwriting needs --yes off a terminal.
        const CliRun refused = cli({QStringLiteral("restore"), dir});
        CLI_EXPECT(refused, 2);
        QVERIFY(refused.err.contains("--yes"));

        const CliRun restore = cli({QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("restore"), dir});
        CLI_EXPECT(restore, 8);
        const QJsonObject report = restore.json().object();
        QCOMPARE(report.value(QLatin1String("conflicts")).toArray(), QJsonArray{kWebTier});
        QCOMPARE(report.value(QLatin1String("created")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("updated")).toInt(), 1);
        QVERIFY(restore.err.contains(QByteArray(QByteArray("Conflict: blueprint ") + kWebTier.toUtf8())));

        // The conflicting edit survived; the deleted blueprint is back (under a new id) with its content.
        const CliRun web = cli({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), kWebTier});
        QCOMPARE(web.json().object().value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Web tier (edited)"));
        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("list")});
        int sketches = 0;
        for (const QJsonValue &v : list.json().array())
            sketches += v.toObject().value(QLatin1String("name")).toString() == u"Empty sketch";
        QCOMPARE(sketches, 1);
    }

    void restoreFromNonBackupIsFileError()
    {
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("restore"), m_dir.filePath(QStringLiteral("nothing-here"))}), 12);
        CLI_EXPECT(cli({QStringLiteral("backup")}), 2);
    }

    void cleanupTestCase()
    {
        if (m_cli)
            QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstCliBackup)
#include "tst_clibackup.moc"
