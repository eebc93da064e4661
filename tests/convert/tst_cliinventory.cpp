// cloudcraft-cli inventory against the real emulator: one file per region (JSON and CSV) plus index.json, a
// region the account does not have, a summary equal to the files, and a run broken by a 5xx that resumes where it
// stopped without fetching the finished region again.

#include "clirunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Cloudcraft::Test;

namespace {

const QString kProduction = QStringLiteral("71139e25-4c10-4b98-9085-bab26ecdc05f"); // Northwind Production

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

/// Resource counts by type of one region file, counted here from the document itself (nodes and groups).
QMap<QString, int> countFile(const QJsonObject &document)
{
    QMap<QString, int> counts;
    const QJsonObject data = document.value(QLatin1String("data")).toObject();
    for (const char *collection : {"nodes", "groups"}) {
        for (const QJsonValue &v : data.value(QLatin1String(collection)).toArray())
            ++counts[v.toObject().value(QLatin1String("type")).toString()];
    }
    return counts;
}

/// A small RFC 4180 reader: fields, quoted fields with doubled quotes, CRLF records.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            fields << field;
            records << fields;
            fields.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

int snapshotRequests(const EmulatorProcess &emulator, const QString &region)
{
    int n = 0;
    for (const QJsonObject &o : emulator.requests())
        n += o.value(QLatin1String("path")).toString() == QStringLiteral("/aws/account/%1/%2/json").arg(kProduction, region);
    return n;
}

} // namespace

class TstCliInventory final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.rateLimits = false;
        options.snapshotPending = 1; // every scan answers 202 once: the long poll is part of the path
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readOnlyKey());
    }

    void jsonAndCsvFilesPerRegionWithIndexAndSummary()
    {
        const QString dir = m_dir.filePath(QStringLiteral("inv"));
        const CliRun run = m_cli->run({QStringLiteral("--json"), QStringLiteral("inventory"), kProduction,
                                       QStringLiteral("--regions"), QStringLiteral("eu-west-1,us-east-1,ap-south-1"),
                                       QStringLiteral("--output"), dir});
        CLI_EXPECT(run, 0);
        const QJsonObject summary = run.json().object();

        // One file per region the account has; the region it does not have is listed as unavailable.
        QMap<QString, int> total;
        QJsonObject byRegion;
        int resources = 0;
        for (const QString &region : {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")}) {
            const QJsonObject document = readJson(dir + u'/' + region + QStringLiteral(".json"));
            QVERIFY2(document.value(QLatin1String("data")).isObject(), qPrintable(region));
            const QMap<QString, int> counts = countFile(document);
            int n = 0;
            for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
                total[it.key()] += it.value();
                n += it.value();
            }
            QVERIFY(counts.value(QStringLiteral("ec2")) > 0);
            byRegion.insert(region, n);
            resources += n;
        }
        QVERIFY(!QFile::exists(dir + QStringLiteral("/ap-south-1.json")));

        // The summary says what the files hold.
        QJsonObject types;
        for (auto it = total.constBegin(); it != total.constEnd(); ++it)
            types.insert(it.key(), it.value());
        QCOMPARE(summary.value(QLatin1String("countsByType")).toObject(), types);
        QCOMPARE(summary.value(QLatin1String("countsByRegion")).toObject(), byRegion);
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), resources);
        QCOMPARE(summary.value(QLatin1String("downloaded")).toInt(), 2);

        const QJsonObject index = readJson(dir + QStringLiteral("/index.json"));
        QCOMPARE(index.value(QLatin1String("account")).toString(), kProduction);
        QCOMPARE(index.value(QLatin1String("countsByType")).toObject(), types);
        QMap<QString, QString> status;
        for (const QJsonValue &v : index.value(QLatin1String("regions")).toArray())
            status.insert(v.toObject().value(QLatin1String("region")).toString(), v.toObject().value(QLatin1String("status")).toString());
        QCOMPARE(status.value(QStringLiteral("eu-west-1")), QStringLiteral("complete"));
        QCOMPARE(status.value(QStringLiteral("us-east-1")), QStringLiteral("complete"));
        QCOMPARE(status.value(QStringLiteral("ap-south-1")), QStringLiteral("unavailable"));

        // CSV: one row per resource, RFC 4180, the VPC and subnet of what sits in one.
        const CliRun csv = m_cli->run({QStringLiteral("inventory"), kProduction, QStringLiteral("--regions"),
                                       QStringLiteral("eu-west-1"), QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--output"), dir});
        CLI_EXPECT(csv, 0);
        QFile f(dir + QStringLiteral("/eu-west-1.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(f.readAll()));
        QCOMPARE(records.first(), (QStringList{QStringLiteral("provider"), QStringLiteral("region"), QStringLiteral("type"),
                                               QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("vpc"),
                                               QStringLiteral("subnet"), QStringLiteral("tags")}));
        QCOMPARE(records.size() - 1, byRegion.value(QLatin1String("eu-west-1")).toInt());
        bool sawWebServer = false;
        for (const QStringList &r : records.mid(1)) {
            QCOMPARE(r.size(), 8);
            QCOMPARE(r.at(0), QStringLiteral("aws"));
            QCOMPARE(r.at(1), QStringLiteral("eu-west-1"));
            if (r.at(4) == u"prod-web-1") {
                sawWebServer = true;
                QCOMPARE(r.at(2), QStringLiteral("ec2"));
                QVERIFY(r.at(3).startsWith(QLatin1String("arn:aws:ec2:eu-west-1:")));
                QCOMPARE(r.at(6), QStringLiteral("prod-private"));
                QVERIFY2(!r.at(5).isEmpty(), "the subnet's VPC");
            }
        }
        QVERIFY(sawWebServer);
        QVERIFY(csv.text().contains(QLatin1String("index in")));
    }

    void resumesAfterAServerErrorMidway()
    {
        const QString dir = m_dir.filePath(QStringLiteral("resume"));
        QVERIFY(m_emulator.clearRequests());
        // us-east-1 keeps failing with 503 past the client's retries.
        QVERIFY(m_emulator.addFault(QStringLiteral("GET"), QStringLiteral("^/aws/account/%1/us-east-1/json").arg(kProduction),
                                    QStringLiteral("status:503:0,503:0,503:0,503:0,503:0,503:0")));
        const QStringList args{QStringLiteral("--json"), QStringLiteral("inventory"), kProduction, QStringLiteral("--regions"),
                               QStringLiteral("eu-west-1,us-east-1"), QStringLiteral("--output"), dir};
        const CliRun broken = m_cli->run(args, {}, 90000);
        CLI_EXPECT(broken, 9);
        QVERIFY2(broken.err.contains("server"), broken.err.constData());
        QVERIFY(QFile::exists(dir + QStringLiteral("/eu-west-1.json")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/us-east-1.json")));
        QVERIFY(QDir(dir).entryList({QStringLiteral("*.tmp"), QStringLiteral("*.new")}, QDir::Files).isEmpty());
        const QJsonObject index = readJson(dir + QStringLiteral("/index.json"));
        QMap<QString, QString> status;
        for (const QJsonValue &v : index.value(QLatin1String("regions")).toArray())
            status.insert(v.toObject().value(QLatin1String("region")).toString(), v.toObject().value(QLatin1String("status")).toString());
        QCOMPARE(status.value(QStringLiteral("eu-west-1")), QStringLiteral("complete"));
        QCOMPARE(status.value(QStringLiteral("us-east-1")), QStringLiteral("failed"));

        // The server is back: the re-run fetches only the region that is missing.
        QVERIFY(m_emulator.clearFaults());
        QVERIFY(m_emulator.clearRequests());
        const CliRun resumed = m_cli->run(args);
        CLI_EXPECT(resumed, 0);
        QCOMPARE(snapshotRequests(m_emulator, QStringLiteral("eu-west-1")), 0);
        QVERIFY(snapshotRequests(m_emulator, QStringLiteral("us-east-1")) >= 1);
        const QJsonObject summary = resumed.json().object();
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("downloaded")).toInt(), 1);
        QVERIFY(QFile::exists(dir + QStringLiteral("/us-east-1.json")));
        QCOMPARE(summary.value(QLatin1String("countsByRegion")).toObject().size(), 2);
    }

    void errorsAsTheOtherCommandsSayThem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = m_dir.filePath(QStringLiteral("err"));
        QTest::newRow("no output") << QStringList{QStringLiteral("inventory"), kProduction} << 2 << QStringLiteral("--output");
        QTest::newRow("bad provider") << QStringList{QStringLiteral("inventory"), kProduction, QStringLiteral("--provider"),
                                                     QStringLiteral("gcp"), QStringLiteral("--output"), out}
                                      << 2 << QStringLiteral("aws or azure");
        QTest::newRow("bad format") << QStringList{QStringLiteral("inventory"), kProduction, QStringLiteral("--format"),
                                                   QStringLiteral("png"), QStringLiteral("--output"), out}
                                    << 2 << QStringLiteral("json or csv");
        QTest::newRow("unknown account") << QStringList{QStringLiteral("inventory"), QStringLiteral("00000000-0000-4000-8000-000000000000"),
                                                        QStringLiteral("--regions"), QStringLiteral("us-east-1"),
                                                        QStringLiteral("--output"), out}
                                         << 5 << QString();
    }

    void errorsAsTheOtherCommandsSayThem()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun r = m_cli->run(args);
        CLI_EXPECT(r, exitCode);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void cleanupTestCase()
    {
        if (m_cli)
            QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstCliInventory)
#include "tst_cliinventory.moc"
