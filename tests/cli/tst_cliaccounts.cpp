// cloudcraft-cli aws, azure, team and user commands end to end; snapshots wait through 202 STILL_PROCESSING.

#include "clirunner.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonObject>

using namespace Cloudcraft::Test;

namespace {
const QString kAws = QStringLiteral("f0000000-0000-4000-8000-000000000001");
const QString kAzure = QStringLiteral("f0000000-0000-4000-8000-000000000002");
} // namespace

class TstCliAccounts final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

    CliRun cli(const QStringList &args, const QByteArray &input = {}) { return m_cli->run(args, input); }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        options.snapshotPending = 2; // two 202 answers before each scan result
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
    }

    void awsListAndShow()
    {
        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("aws"), QStringLiteral("list")});
        CLI_EXPECT(list, 0);
        const QJsonArray accounts = list.json().array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.at(0).toObject().value(QLatin1String("id")).toString(), kAws);
        const CliRun human = cli({QStringLiteral("aws"), QStringLiteral("list")});
        QVERIFY(human.out.contains("arn:aws:iam::111122223333:role/cloudcraft"));

        const CliRun show = cli({QStringLiteral("--json"), QStringLiteral("aws"), QStringLiteral("show"), kAws});
        CLI_EXPECT(show, 0);
        QCOMPARE(show.json().object().value(QLatin1String("name")).toString(), QStringLiteral("Test AWS"));
        const CliRun missing = cli({QStringLiteral("aws"), QStringLiteral("show"), QStringLiteral("f0000000-0000-4000-8000-0000000000ff")});
        CLI_EXPECT(missing, 5);
        QVERIFY(missing.err.contains("No AWS account"));
    }

    void awsAddUpdateRemove()
    {
        const CliRun added = cli({QStringLiteral("--json"), QStringLiteral("aws"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("CLI account"), QStringLiteral("--role-arn"),
                                  QStringLiteral("arn:aws:iam::444455556666:role/cloudcraft")});
        CLI_EXPECT(added, 0);
        const QString id = added.json().object().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("update"), id, QStringLiteral("--name"), QStringLiteral("Renamed")}), 0);
        const CliRun show = cli({QStringLiteral("--json"), QStringLiteral("aws"), QStringLiteral("show"), id});
        QCOMPARE(show.json().object().value(QLatin1String("name")).toString(), QStringLiteral("Renamed"));
        // The role was kept from the current account (the API replaces the whole account).
        QCOMPARE(show.json().object().value(QLatin1String("roleArn")).toString(),
                 QStringLiteral("arn:aws:iam::444455556666:role/cloudcraft"));
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x")}), 2);
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("remove"), id}), 2);
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("aws"), QStringLiteral("remove"), id}), 0);
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("show"), id}), 5);
    }

    void awsSnapshotWaitsThrough202()
    {
        const QString out = m_dir.filePath(QStringLiteral("scan.png"));
        QVERIFY(m_emulator.clearRequests());
        const CliRun r = cli({QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-east-1"),
                              QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--width"),
                              QStringLiteral("800"), QStringLiteral("--height"), QStringLiteral("600"),
                              QStringLiteral("--exclude"), QStringLiteral("sg"), QStringLiteral("--label"),
                              QStringLiteral("false"), QStringLiteral("--theme"), QStringLiteral("dark"),
                              QStringLiteral("--output"), out});
        CLI_EXPECT(r, 0);
        QImage image;
        QVERIFY(image.load(out, "PNG"));
        QCOMPARE(image.size(), QSize(800, 600));
        // Progress is for terminals only: stderr is not one here, so it stays empty.
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        int scans = 0;
        QString query;
        for (const QJsonObject &o : m_emulator.requests()) {
            if (o.value(QLatin1String("path")).toString().startsWith(QStringLiteral("/aws/account/") + kAws)) {
                ++scans;
                query = o.value(QLatin1String("query")).toString();
            }
        }
        QCOMPARE(scans, 3); // two 202 answers, then the image
        QVERIFY2(query.contains(QStringLiteral("label=false")) && query.contains(QStringLiteral("exclude=sg"))
                     && query.contains(QStringLiteral("theme=dark")),
                 qPrintable(query));

        const QString json = m_dir.filePath(QStringLiteral("scan.json"));
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-west-2"),
                        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), json}),
                   0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("data")).toObject().contains(
            QLatin1String("nodes")));
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-east-1"),
                        QStringLiteral("--format"), QStringLiteral("png")}),
                   2);
    }

    void progressAndPromptsOnATerminal()
    {
        // `script` gives the CLI a pseudo-terminal: progress appears there (and not with --quiet), and destructive
        // verbs ask instead of refusing.
        const auto onTty = [this](const QStringList &args, const QByteArray &input) {
            QStringList quoted{QStringLiteral(CLOUDCRAFT_CLI_BINARY), QStringLiteral("--api-url"),
                               m_emulator.baseUrl().toString(), QStringLiteral("--ca-file"), m_emulator.caFile()};
            quoted << args;
            for (QString &a : quoted)
                a = u'\'' + a + u'\'';
            return m_cli->runRaw({QStringLiteral("-qec"), quoted.join(u' '), QStringLiteral("/dev/null")}, input, 45000,
                                 QStringLiteral("script"));
        };
        const QString out = m_dir.filePath(QStringLiteral("tty.png"));
        const QStringList snapshot{QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-east-1"),
                                   QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--output"), out};
        const CliRun shown = onTty(snapshot, {});
        CLI_EXPECT(shown, 0);
        QVERIFY2(shown.out.contains("still running on the server"), shown.out.constData());
        const CliRun quiet = onTty(QStringList{QStringLiteral("--quiet")} + snapshot, {});
        CLI_EXPECT(quiet, 0);
        QVERIFY2(!quiet.out.contains("still running"), quiet.out.constData());
        QVERIFY(!quiet.out.contains("Wrote"));

        const CliRun declined = onTty({QStringLiteral("aws"), QStringLiteral("remove"), kAws}, "n\n");
        CLI_EXPECT(declined, 1);
        QVERIFY(declined.out.contains("[y/N]"));
        QVERIFY(declined.out.contains("Nothing was changed."));
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("show"), kAws}), 0);
    }

    void iamParams()
    {
        const CliRun params = cli({QStringLiteral("--json"), QStringLiteral("aws"), QStringLiteral("iam-params")});
        CLI_EXPECT(params, 0);
        QVERIFY(!params.json().object().value(QLatin1String("externalId")).toString().isEmpty());
        const CliRun human = cli({QStringLiteral("aws"), QStringLiteral("iam-params")});
        QVERIFY(human.out.contains("External ID"));
        for (const QString &kind : {QStringLiteral("custom"), QStringLiteral("minimal")}) {
            const CliRun policy = cli({QStringLiteral("aws"), QStringLiteral("iam-params"), QStringLiteral("--policy"), kind});
            CLI_EXPECT(policy, 0);
            QCOMPARE(policy.json().object().value(QLatin1String("Version")).toString(), QStringLiteral("2012-10-17"));
        }
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("iam-params"), QStringLiteral("--policy"), QStringLiteral("max")}), 2);
    }

    void azure()
    {
        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("azure"), QStringLiteral("list")});
        CLI_EXPECT(list, 0);
        QCOMPARE(list.json().array().at(0).toObject().value(QLatin1String("id")).toString(), kAzure);
        CLI_EXPECT(cli({QStringLiteral("azure"), QStringLiteral("show"), kAzure}), 0);

        // The client secret comes from stdin, like the API key, and is never printed.
        const QString secret = QStringLiteral("azure-client-secret-never-printed-123");
        m_cli->addSecret(secret);
        const CliRun added = cli({QStringLiteral("--json"), QStringLiteral("azure"), QStringLiteral("add"),
                                  QStringLiteral("--name"), QStringLiteral("CLI Azure"), QStringLiteral("--application-id"),
                                  QStringLiteral("a1"), QStringLiteral("--directory-id"), QStringLiteral("d1"),
                                  QStringLiteral("--subscription-id"), QStringLiteral("s1")},
                                 secret.toUtf8());
        CLI_EXPECT(added, 0);
        const QString id = added.json().object().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        CLI_EXPECT(cli({QStringLiteral("azure"), QStringLiteral("update"), id, QStringLiteral("--name"),
                        QStringLiteral("Azure renamed")}),
                   0);
        const CliRun shown = cli({QStringLiteral("--json"), QStringLiteral("azure"), QStringLiteral("show"), id});
        QCOMPARE(shown.json().object().value(QLatin1String("name")).toString(), QStringLiteral("Azure renamed"));
        QVERIFY(!shown.json().object().contains(QLatin1String("clientSecret")));
        CLI_EXPECT(cli({QStringLiteral("--yes"), QStringLiteral("azure"), QStringLiteral("remove"), id}), 0);
        const CliRun noSecret = cli({QStringLiteral("azure"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x"),
                                     QStringLiteral("--application-id"), QStringLiteral("a"), QStringLiteral("--directory-id"),
                                     QStringLiteral("d"), QStringLiteral("--subscription-id"), QStringLiteral("s")});
        CLI_EXPECT(noSecret, 2);
        CLI_EXPECT(cli({QStringLiteral("azure"), QStringLiteral("add"), QStringLiteral("--client-secret=abc")}), 2);

        const QString svg = m_dir.filePath(QStringLiteral("azure.svg"));
        CLI_EXPECT(cli({QStringLiteral("azure"), QStringLiteral("snapshot"), kAzure, QStringLiteral("eastus"),
                        QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--output"), svg}),
                   0);
        QVERIFY(QFileInfo(svg).size() > 100);
    }

    void teamAndUser()
    {
        const CliRun teams = cli({QStringLiteral("--json"), QStringLiteral("team"), QStringLiteral("list")});
        CLI_EXPECT(teams, 0);
        QCOMPARE(teams.json().array().at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Platform Team"));
        const CliRun human = cli({QStringLiteral("team"), QStringLiteral("list")});
        QVERIFY(human.out.contains("Platform Team"));
        const CliRun me = cli({QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("me")});
        CLI_EXPECT(me, 0);
        QCOMPARE(me.json().object().value(QLatin1String("email")).toString(), QStringLiteral("owner@example.test"));
        const CliRun meHuman = cli({QStringLiteral("user"), QStringLiteral("me")});
        QVERIFY(meHuman.out.contains("Test Owner"));
    }

    void cleanupTestCase()
    {
        if (m_cli)
            QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_MAIN(TstCliAccounts)
#include "tst_cliaccounts.moc"
