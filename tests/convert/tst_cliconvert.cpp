// cloudcraft-cli convert end to end against the real emulator: convert -> upload -> fetch back gives the same
// nodes and edges; --update with a stale ETag is a plain conflict; every unreadable input is one sentence, exit 2,
// no file written and no request sent.

#include "clirunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Cloudcraft::Test;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(CLOUDCRAFT_TERRAFORM_DATA_DIR "/") + QLatin1StringView(name);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The parts of a diagram that must survive the trip: each node's id, type, position and attributes; each edge's
// ends; each group's type and members.
QStringList essentials(const QJsonObject &data)
{
    QStringList lines;
    for (const QJsonValue &node : data.value(u"nodes").toArray())
        lines.append(QStringLiteral("node ") + QString::fromUtf8(QJsonDocument(node.toObject()).toJson(QJsonDocument::Compact)));
    for (const QJsonValue &edge : data.value(u"edges").toArray())
        lines.append(QStringLiteral("edge %1 -> %2").arg(edge.toObject().value(u"from").toString(),
                                                         edge.toObject().value(u"to").toString()));
    for (const QJsonValue &group : data.value(u"groups").toArray()) {
        QStringList members;
        for (const QJsonValue &member : group.toObject().value(u"nodes").toArray())
            members.append(member.toString());
        lines.append(QStringLiteral("group %1 %2 [%3]").arg(group.toObject().value(u"type").toString(),
                                                          group.toObject().value(u"id").toString(), members.join(u',')));
    }
    lines.sort();
    return lines;
}

int countRequests(const QList<QJsonObject> &requests, const QString &method)
{
    return int(std::count_if(requests.cbegin(), requests.cend(), [&](const QJsonObject &o) {
        return o.value(u"method").toString() == method;
    }));
}

} // namespace

class TstCliConvert final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
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

    void cleanupTestCase() { QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n'))); }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::newRow("real state") << dataFile("inframap-aws-state-vpc.tfstate") << QString();
        QTest::newRow("real plan") << dataFile("terraform-compliance-sgr.plan.json") << QStringLiteral("plan");
        QTest::newRow("rich state") << dataFile("handwritten-shop.tfstate") << QStringLiteral("terraform");
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QString, from);
        const QString out = path(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".json");
        QStringList args { QStringLiteral("--json"), QStringLiteral("convert"), file, QStringLiteral("--output"), out,
                           QStringLiteral("--upload"), QStringLiteral("--name"), QStringLiteral("Converted"),
                           QStringLiteral("--tags"), QStringLiteral("terraform, test") };
        if (!from.isEmpty())
            args << QStringLiteral("--from") << from;
        const CliRun converted = m_cli->run(args);
        CLI_EXPECT(converted, 0);
        const QJsonObject summary = converted.json().object();
        const QString id = summary.value(u"id").toString();
        QVERIFY2(!id.isEmpty(), converted.out.constData());
        const QJsonObject written = readJson(out);
        QCOMPARE(written.value(u"name").toString(), QStringLiteral("Converted"));
        QCOMPARE(summary.value(u"nodes").toInt(), written.value(u"data").toObject().value(u"nodes").toArray().size());
        QVERIFY(summary.value(u"nodes").toInt() > 0);

        const CliRun fetched = m_cli->run({ QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), id });
        CLI_EXPECT(fetched, 0);
        const QJsonObject record = fetched.json().object();
        QCOMPARE(record.value(u"name").toString(), QStringLiteral("Converted"));
        QCOMPARE(record.value(u"tags").toArray(), QJsonArray({ QStringLiteral("terraform"), QStringLiteral("test") }));
        QCOMPARE(essentials(record.value(u"data").toObject()), essentials(written.value(u"data").toObject()));
    }

    void toStdoutWithoutOutputOrUpload()
    {
        m_emulator.clearRequests();
        const CliRun r = m_cli->run({ QStringLiteral("convert"), dataFile("inframap-multi-module.tfstate") });
        CLI_EXPECT(r, 0);
        const QJsonObject document = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(document.value(u"data").toObject().value(u"version").toInt(), 4);
        QVERIFY(r.err.contains("Unmapped types: scaleway_instance_placement_group x1"));
        QVERIFY(m_emulator.requests().isEmpty());
    }

    void foldedResourcesAreNamedWithCounts()
    {
        // The VPC template's routes, route tables, NACLs, associations and EIPs are not drawn on their own: the
        // summary says so with counts, on stderr and in --json, so nothing disappears silently.
        const QString vpc = QStringLiteral(CLOUDCRAFT_TERRAFORM_DATA_DIR "/../cloudformation/VPC_With_Managed_NAT_And_Private_Subnet.yaml");
        const CliRun text = m_cli->run({ QStringLiteral("convert"), vpc, QStringLiteral("--output"), path(QStringLiteral("vpc.json")) });
        CLI_EXPECT(text, 0);
        QVERIFY2(text.err.contains("Folded into what they configure (not drawn on their own): 18 ("), text.err.constData());
        QVERIFY2(text.err.contains("AWS::EC2::Route x3"), text.err.constData());
        QVERIFY2(text.err.contains("AWS::EC2::EIP x2"), text.err.constData());

        const CliRun json = m_cli->run({ QStringLiteral("--json"), QStringLiteral("convert"), vpc, QStringLiteral("--output"),
                                         path(QStringLiteral("vpc2.json")) });
        CLI_EXPECT(json, 0);
        const QJsonObject folded = json.json().object().value(u"folded").toObject();
        QCOMPARE(folded.value(u"AWS::EC2::Route").toInt(), 3);
        QCOMPARE(folded.value(u"AWS::EC2::SubnetRouteTableAssociation").toInt(), 4);
        QCOMPARE(folded.value(u"AWS::EC2::VPCGatewayAttachment").toInt(), 1);
        int total = 0;
        for (const QJsonValue &count : folded)
            total += count.toInt();
        QCOMPARE(total, 18);
    }

    void localPreview()
    {
        const QString png = path(QStringLiteral("preview.png"));
        const QString svg = path(QStringLiteral("preview.svg"));
        QVERIFY(m_emulator.clearRequests());
        const CliRun r = m_cli->run({ QStringLiteral("convert"), dataFile("handwritten-shop.tfstate"), QStringLiteral("--output"),
                                      path(QStringLiteral("shop.json")), QStringLiteral("--preview"), png });
        CLI_EXPECT(r, 0);
        QFile picture(png);
        QVERIFY(picture.open(QIODevice::ReadOnly));
        const QByteArray bytes = picture.readAll();
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(bytes.contains("cloudcraft:bounds")); // the renderer's resource positions
        QVERIFY(bytes.size() > 10000);
        CLI_EXPECT(m_cli->run({ QStringLiteral("convert"), dataFile("handwritten-shop.tfstate"), QStringLiteral("--output"),
                                path(QStringLiteral("shop2.json")), QStringLiteral("--preview"), svg }),
                   0);
        QFile vector(svg);
        QVERIFY(vector.open(QIODevice::ReadOnly));
        QVERIFY(vector.readAll().contains("<svg"));
        QVERIFY(m_emulator.requests().isEmpty()); // no network, no export quota
    }

    void updateGuardedByETag()
    {
        const CliRun created = m_cli->run({ QStringLiteral("--json"), QStringLiteral("convert"),
                                            dataFile("inframap-aws-state-vpc.tfstate"), QStringLiteral("--upload") });
        CLI_EXPECT(created, 0);
        const QString id = created.json().object().value(u"id").toString();
        const QString staleEtag = created.json().object().value(u"etag").toString();
        QVERIFY(!staleEtag.isEmpty());

        // Update with a fresh ETag (fetched by the command): the blueprint now holds the plan's diagram.
        const CliRun updated = m_cli->run({ QStringLiteral("convert"), dataFile("terraform-compliance-sgr.plan.json"),
                                            QStringLiteral("--update"), id, QStringLiteral("--name"), QStringLiteral("Plan") });
        CLI_EXPECT(updated, 0);
        QVERIFY(updated.out.contains("Updated blueprint"));
        const auto requests = m_emulator.requests();
        const auto put = std::find_if(requests.crbegin(), requests.crend(),
                                      [](const QJsonObject &o) { return o.value(u"method").toString() == u"PUT"; });
        QVERIFY(put != requests.crend());
        QVERIFY(put->value(u"headers").toArray().contains(QStringLiteral("if-match")));
        const CliRun got = m_cli->run({ QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), id });
        QCOMPARE(got.json().object().value(u"name").toString(), QStringLiteral("Plan"));

        // The ETag from before that update is stale now: a conflict, said plainly, and nothing overwritten.
        const CliRun stale = m_cli->run({ QStringLiteral("convert"), dataFile("inframap-aws-state-vpc.tfstate"),
                                          QStringLiteral("--update"), id, QStringLiteral("--etag"), staleEtag });
        CLI_EXPECT(stale, 8);
        QVERIFY2(stale.err.contains("was changed on the server since ETag"), stale.err.constData());
        const CliRun after = m_cli->run({ QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), id });
        QCOMPARE(after.json().object().value(u"name").toString(), QStringLiteral("Plan"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("sentence");
        QFile real(dataFile("inframap-aws-state-vpc.tfstate"));
        QVERIFY(real.open(QIODevice::ReadOnly));
        const QByteArray state = real.readAll();
        QTest::newRow("empty") << QStringLiteral("empty.tfstate") << QByteArray() << QString()
                               << QStringLiteral("empty.tfstate is empty");
        QTest::newRow("truncated") << QStringLiteral("cut.tfstate") << state.left(state.size() / 3) << QString()
                                   << QStringLiteral("cut.tfstate ends before its JSON is complete");
        QTest::newRow("older state") << QStringLiteral("old.tfstate")
                                     << QByteArray(R"({"version": 3, "terraform_version": "0.11.14", "serial": 83, "modules": []})")
                                     << QString()
                                     << QStringLiteral("old.tfstate is a Terraform state of format 3; convert it with Terraform 0.12 or later");
        QTest::newRow("plan not json") << QStringLiteral("plan.txt")
                                       << QByteArray("Terraform will perform the following actions:\n  + aws_instance.web\n")
                                       << QStringLiteral("plan") << QStringLiteral("plan.txt is not JSON");
        QTest::newRow("unknown format") << QStringLiteral("notes.txt") << QByteArray("hello") << QString()
                                        << QStringLiteral("notes.txt is not a format the converter knows");
        QTest::newRow("200 MB") << QStringLiteral("huge.tfstate") << QByteArray() << QString()
                                << QStringLiteral("huge.tfstate is 200 MB; the converter reads files up to 100 MB.");
        QTest::newRow("missing") << QStringLiteral("missing.tfstate") << QByteArray() << QString()
                                 << QStringLiteral("missing.tfstate does not exist.");
    }
    void badInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, from);
        QFETCH(QString, sentence);
        const QString input = path(name);
        if (name == u"huge.tfstate") {
            QFile huge(input);
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize(200LL * 1024 * 1024)); // sparse: no 200 MB written to disk
        } else if (name != u"missing.tfstate") {
            writeFile(name, content);
        }
        const QString out = path(QStringLiteral("bad-out.json"));
        QFile::remove(out);
        QVERIFY(m_emulator.clearRequests());
        const QString preview = path(QStringLiteral("bad-out-preview.png"));
        QStringList args { QStringLiteral("convert"), input, QStringLiteral("--output"), out, QStringLiteral("--upload"),
                           QStringLiteral("--name"), QStringLiteral("Never"), QStringLiteral("--preview"), preview };
        if (!from.isEmpty())
            args << QStringLiteral("--from") << from;
        const CliRun r = m_cli->run(args);
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(sentence.toUtf8()), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0); // one sentence
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(preview));
        QCOMPARE(countRequests(m_emulator.requests(), QStringLiteral("POST")), 0);
        QCOMPARE(m_emulator.requests().size(), 0);
        // Nothing half-written beside the output either (QSaveFile temporaries).
        const QStringList leftovers = QDir(m_dir.path()).entryList({ QStringLiteral("bad-out*") }, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
    }

    void usageErrors()
    {
        CLI_EXPECT(m_cli->run({ QStringLiteral("convert") }), 2);
        const CliRun from = m_cli->run({ QStringLiteral("convert"), dataFile("handwritten-shop.tfstate"),
                                         QStringLiteral("--from"), QStringLiteral("pulumi") });
        CLI_EXPECT(from, 2);
        QVERIFY(from.err.contains("Unknown --from \"pulumi\""));
        CLI_EXPECT(m_cli->run({ QStringLiteral("convert"), dataFile("handwritten-shop.tfstate"), QStringLiteral("--upload"),
                                QStringLiteral("--update"), QStringLiteral("x") }),
                   2);
    }
};

QTEST_GUILESS_MAIN(TstCliConvert)
#include "tst_cliconvert.moc"
