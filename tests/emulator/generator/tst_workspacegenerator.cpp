#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray output; ///< the written file
    QByteArray errors;
    qint64 elapsedMs = 0;
};

Run generate(const QStringList &arguments, const QString &outputName = u"workspace.json"_s)
{
    Run run;
    QTemporaryDir dir;
    if (!dir.isValid())
        return run;
    const QString path = dir.filePath(outputName);
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(CLOUDCRAFT_WORKSPACE_GEN), QStringList(arguments) << u"--output"_s << path);
    if (!process.waitForFinished(90000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.errors = process.readAllStandardError();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        run.output = file.readAll();
    return run;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "JSON error" << error.errorString() << "at" << error.offset;
    return document.object();
}

/// Every edge and group member refers to something in the same diagram; ids are unique.
QString danglingReference(const QJsonObject &data)
{
    QSet<QString> ids;
    for (const QString &key : { u"nodes"_s, u"groups"_s }) {
        for (const QJsonValue &value : data.value(key).toArray()) {
            const QString id = value.toObject().value(u"id"_s).toString();
            if (id.isEmpty() || ids.contains(id))
                return u"duplicate or empty id "_s + id;
            ids.insert(id);
        }
    }
    for (const QJsonValue &value : data.value(u"edges"_s).toArray()) {
        const QJsonObject edge = value.toObject();
        if (!ids.contains(edge.value(u"from"_s).toString()) || !ids.contains(edge.value(u"to"_s).toString()))
            return u"edge "_s + edge.value(u"id"_s).toString();
    }
    for (const QJsonValue &value : data.value(u"groups"_s).toArray()) {
        for (const QJsonValue &member : value.toObject().value(u"nodes"_s).toArray()) {
            if (!ids.contains(member.toString()))
                return u"group member "_s + member.toString();
        }
    }
    return {};
}

} // namespace

class TestWorkspaceGenerator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAreExact_data();
    void countsAreExact();
    void sameSeedSameBytes();
    void diagramsAndScansAreConsistent();
    void liveScansKeepEveryResourceInPlace();
    void defaultSizeIsFast();
    void demoModeReproducesTheCommittedDemo();
    void badArgumentsAreUsageErrors_data();
    void badArgumentsAreUsageErrors();
};

void TestWorkspaceGenerator::countsAreExact_data()
{
    QTest::addColumn<int>("blueprints");
    QTest::addColumn<int>("accounts");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("expectedAzure");
    QTest::newRow("empty") << 0 << 0 << 3 << 0;
    QTest::newRow("small") << 7 << 3 << 3 << 0;
    QTest::newRow("mixed clouds") << 40 << 10 << 3 << 3;
    QTest::newRow("five steps") << 3 << 20 << 5 << 6;
}

void TestWorkspaceGenerator::countsAreExact()
{
    QFETCH(int, blueprints);
    QFETCH(int, accounts);
    QFETCH(int, steps);
    QFETCH(int, expectedAzure);
    const Run run = generate({ u"--blueprints"_s, QString::number(blueprints), u"--accounts"_s,
        QString::number(accounts), u"--steps"_s, QString::number(steps), u"--seed"_s, u"7"_s });
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    const QJsonObject workspace = parse(run.output);
    QCOMPARE(workspace.value(u"blueprints"_s).toArray().size(), blueprints);
    const QJsonArray aws = workspace.value(u"awsAccounts"_s).toArray();
    const QJsonArray azure = workspace.value(u"azureAccounts"_s).toArray();
    QCOMPARE(aws.size() + azure.size(), accounts);
    QCOMPARE(azure.size(), expectedAzure);
    for (const QJsonArray &list : { aws, azure }) {
        for (const QJsonValue &account : list) {
            const QJsonObject regions = account.toObject().value(u"regions"_s).toObject();
            QVERIFY(!regions.isEmpty());
            for (const QJsonValue &scans : regions)
                QCOMPARE(scans.toArray().size(), steps);
        }
    }
    QCOMPARE(workspace.value(u"keys"_s).toArray().size(), 2);
    QVERIFY(workspace.value(u"users"_s).toArray().size() >= 2);
    QVERIFY(workspace.value(u"teams"_s).toArray().size() >= 3);
    QVERIFY(workspace.value(u"iamPolicies"_s).toObject().contains(u"minimal"_s));
    QCOMPARE(workspace.value(u"scenario"_s).toObject().value(u"step"_s).toInt(-1), 0);
}

void TestWorkspaceGenerator::liveScansKeepEveryResourceInPlace()
{
    // Six steps: growth, scale-in, growth into the freed slot, ... in AWS and Azure regions of every size.
    const Run run
        = generate({ u"--blueprints"_s, u"0"_s, u"--accounts"_s, u"20"_s, u"--steps"_s, u"6"_s, u"--seed"_s, u"11"_s });
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    const QJsonObject workspace = parse(run.output);
    int regionsSeen = 0;
    int refilledSlots = 0;
    for (const QString &list : { u"awsAccounts"_s, u"azureAccounts"_s }) {
        for (const QJsonValue &account : workspace.value(list).toArray()) {
            const QJsonObject regions = account.toObject().value(u"regions"_s).toObject();
            for (auto region = regions.begin(); region != regions.end(); ++region) {
                ++regionsSeen;
                QHash<QString, QJsonValue> placeOf; // every id's place, over the whole scenario
                QHash<QString, QString> lastHolder; // place -> id that last stood there
                for (const QJsonValue &step : region.value().toArray()) {
                    QSet<QString> taken;
                    for (const QJsonValue &value : step.toObject().value(u"nodes"_s).toArray()) {
                        const QJsonObject node = value.toObject();
                        const QString id = node.value(u"id"_s).toString();
                        const QJsonValue place = node.value(u"mapPos"_s);
                        const QString key = QString::fromUtf8(QJsonDocument(place.toArray()).toJson());
                        const QString where = region.key() + u' ' + node.value(u"name"_s).toString();
                        // A resource never moves, and two resources never share a place.
                        QVERIFY2(placeOf.value(id, place) == place, qPrintable(where + u" moved"_s));
                        QVERIFY2(!taken.contains(key), qPrintable(where + u" sits on another resource"_s));
                        placeOf.insert(id, place);
                        taken.insert(key);
                        if (lastHolder.contains(key) && lastHolder.value(key) != id)
                            ++refilledSlots;
                        lastHolder.insert(key, id);
                    }
                }
            }
        }
    }
    QVERIFY(regionsSeen >= 20);
    // Scale-in frees a slot and the next growth takes it instead of extending the subnet.
    QVERIFY(refilledSlots > 0);
}

void TestWorkspaceGenerator::sameSeedSameBytes()
{
    const QStringList arguments { u"--blueprints"_s, u"60"_s, u"--accounts"_s, u"6"_s, u"--seed"_s, u"42"_s };
    const Run first = generate(arguments);
    const Run second = generate(arguments, u"other-name.json"_s);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(second.exitCode, 0);
    QVERIFY(!first.output.isEmpty());
    QVERIFY(first.output == second.output);

    const Run otherSeed = generate({ u"--blueprints"_s, u"60"_s, u"--accounts"_s, u"6"_s, u"--seed"_s, u"43"_s });
    QCOMPARE(otherSeed.exitCode, 0);
    QVERIFY(otherSeed.output != first.output);
    // Different seeds give different keys and ids, not just a different order.
    const QJsonObject a = parse(first.output);
    const QJsonObject b = parse(otherSeed.output);
    QVERIFY(a.value(u"keys"_s).toArray().at(0).toObject().value(u"key"_s)
        != b.value(u"keys"_s).toArray().at(0).toObject().value(u"key"_s));
}

void TestWorkspaceGenerator::diagramsAndScansAreConsistent()
{
    const Run run = generate({ u"--blueprints"_s, u"80"_s, u"--accounts"_s, u"10"_s, u"--seed"_s, u"3"_s });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject workspace = parse(run.output);
    QSet<QString> blueprintIds;
    QSet<QString> types;
    for (const QJsonValue &value : workspace.value(u"blueprints"_s).toArray()) {
        const QJsonObject blueprint = value.toObject();
        blueprintIds.insert(blueprint.value(u"id"_s).toString());
        const QJsonObject data = blueprint.value(u"data"_s).toObject();
        QCOMPARE(data.value(u"name"_s).toString(), blueprint.value(u"name"_s).toString());
        const qsizetype nodes = data.value(u"nodes"_s).toArray().size();
        QVERIFY2(nodes >= 5 && nodes <= 20, qPrintable(QString::number(nodes)));
        QVERIFY(!data.value(u"edges"_s).toArray().isEmpty());
        const QString problem = danglingReference(data);
        QVERIFY2(problem.isEmpty(), qPrintable(blueprint.value(u"name"_s).toString() + u": "_s + problem));
        for (const QJsonValue &node : data.value(u"nodes"_s).toArray())
            types.insert(node.toObject().value(u"type"_s).toString());
    }
    QCOMPARE(blueprintIds.size(), 80);
    for (const QString &type : { u"ec2"_s, u"rds"_s, u"s3"_s, u"lambda"_s, u"elb"_s, u"dynamodb"_s })
        QVERIFY2(types.contains(type), qPrintable(type));

    for (const QString &provider : { u"awsAccounts"_s, u"azureAccounts"_s }) {
        for (const QJsonValue &value : workspace.value(provider).toArray()) {
            const QJsonObject account = value.toObject();
            const QString idField = provider == u"awsAccounts" ? u"arn"_s : u"resourceId"_s;
            for (const QJsonValue &scans : account.value(u"regions"_s).toObject()) {
                for (const QJsonValue &step : scans.toArray()) {
                    const QJsonObject data = step.toObject();
                    QVERIFY(danglingReference(data).isEmpty());
                    for (const QJsonValue &node : data.value(u"nodes"_s).toArray())
                        QVERIFY(!node.toObject().value(idField).toString().isEmpty());
                }
            }
        }
    }
}

void TestWorkspaceGenerator::defaultSizeIsFast()
{
    const Run run = generate({});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QVERIFY2(run.elapsedMs < 30000, qPrintable(u"took %1 ms"_s.arg(run.elapsedMs)));
    const QJsonObject workspace = parse(run.output);
    QCOMPARE(workspace.value(u"blueprints"_s).toArray().size(), 5000);
    const qsizetype accounts
        = workspace.value(u"awsAccounts"_s).toArray().size() + workspace.value(u"azureAccounts"_s).toArray().size();
    QCOMPARE(accounts, 50);
    QVERIFY(!workspace.value(u"azureAccounts"_s).toArray().isEmpty());
    qInfo("default workspace: %lld bytes in %lld ms", static_cast<long long>(run.output.size()), run.elapsedMs);
}

void TestWorkspaceGenerator::demoModeReproducesTheCommittedDemo()
{
    const Run run = generate({ u"--demo"_s });
    QCOMPARE(run.exitCode, 0);
    QFile committed(QStringLiteral(CLOUDCRAFT_DEMO_WORKSPACE));
    QVERIFY2(committed.open(QIODevice::ReadOnly), qPrintable(committed.fileName()));
    // demo.json is generator output; regenerate it with `cloudcraft-workspace-gen --demo -o ...` after changes.
    QVERIFY(run.output == committed.readAll());
}

void TestWorkspaceGenerator::badArgumentsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("not a number") << QStringList { u"--blueprints"_s, u"many"_s };
    QTest::newRow("negative") << QStringList { u"--accounts"_s, u"-3"_s };
    QTest::newRow("zero steps") << QStringList { u"--steps"_s, u"0"_s };
    QTest::newRow("bad seed") << QStringList { u"--seed"_s, u"x1"_s };
}

void TestWorkspaceGenerator::badArgumentsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = generate(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.output.isEmpty());
    QVERIFY(!run.errors.isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkspaceGenerator)
#include "tst_workspacegenerator.moc"
