// readYaml: YAML 1.1 into JSON values, CloudFormation's short tags into their long forms, and broken input as one
// sentence naming the file and the line.

#include "convert/yamldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {
QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object().value(QLatin1String("v"));
}
} // namespace

class TstYamlDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalarsMappingsAndSequences_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("plain text") << QByteArray("v: hello world") << json(R"({"v":"hello world"})");
        QTest::newRow("integer") << QByteArray("v: 42") << json(R"({"v":42})");
        QTest::newRow("negative float") << QByteArray("v: -1.5") << json(R"({"v":-1.5})");
        QTest::newRow("quoted number stays text") << QByteArray("v: \"42\"") << json(R"({"v":"42"})");
        QTest::newRow("booleans") << QByteArray("v: [true, False, 'true']") << json(R"({"v":[true,false,"true"]})");
        QTest::newRow("nulls") << QByteArray("v: [~, null, ]") << json(R"({"v":[null,null]})");
        QTest::newRow("account id keeps its digits") << QByteArray("v: 123456789012345678")
                                                     << json(R"({"v":"123456789012345678"})");
        QTest::newRow("cidr is text") << QByteArray("v: 10.0.0.0/16") << json(R"({"v":"10.0.0.0/16"})");
        QTest::newRow("block sequence of mappings") << QByteArray("v:\n  - Key: Name\n    Value: web\n  - Key: Env\n    Value: prod\n")
                                                    << json(R"({"v":[{"Key":"Name","Value":"web"},{"Key":"Env","Value":"prod"}]})");
        QTest::newRow("literal block") << QByteArray("v: |\n  line one\n  line two\n") << json(R"({"v":"line one\nline two\n"})");
        QTest::newRow("folded block") << QByteArray("v: >\n  one\n  two\n") << json(R"({"v":"one two\n"})");
        QTest::newRow("anchor and merge") << QByteArray("base: &b {a: 1, b: 2}\nv:\n  <<: *b\n  b: 3\n")
                                          << json(R"({"v":{"a":1,"b":3}})");
    }

    void scalarsMappingsAndSequences()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, expected);
        const YamlReadResult r = readYaml(yaml, QStringLiteral("t.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.toObject().value(QLatin1String("v")), expected);
    }

    void cloudFormationShortTagsBecomeLongForms_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("!Ref") << QByteArray("v: !Ref MyVpc") << json(R"({"v":{"Ref":"MyVpc"}})");
        QTest::newRow("!GetAtt dotted") << QByteArray("v: !GetAtt Db.Endpoint.Address")
                                        << json(R"({"v":{"Fn::GetAtt":["Db","Endpoint.Address"]}})");
        QTest::newRow("!GetAtt list") << QByteArray("v: !GetAtt [Queue, Arn]") << json(R"({"v":{"Fn::GetAtt":["Queue","Arn"]}})");
        QTest::newRow("!Sub") << QByteArray("v: !Sub '${AWS::StackName}-bucket'")
                              << json(R"({"v":{"Fn::Sub":"${AWS::StackName}-bucket"}})");
        QTest::newRow("!Join nested !Ref") << QByteArray("v: !Join ['', [!Ref Name, -x]]")
                                           << json(R"({"v":{"Fn::Join":["",[{"Ref":"Name"},"-x"]]}})");
        QTest::newRow("!Select !GetAZs empty") << QByteArray("v: !Select [0, !GetAZs '']")
                                               << json(R"({"v":{"Fn::Select":[0,{"Fn::GetAZs":""}]}})");
        QTest::newRow("!GetAZs without value") << QByteArray("v: !GetAZs\n") << json(R"({"v":{"Fn::GetAZs":""}})");
        QTest::newRow("!If with !Ref AWS::NoValue")
            << QByteArray("v: !If [IsProd, m5.large, !Ref 'AWS::NoValue']")
            << json(R"({"v":{"Fn::If":["IsProd","m5.large",{"Ref":"AWS::NoValue"}]}})");
        QTest::newRow("!Equals") << QByteArray("v: !Equals [!Ref Env, prod]") << json(R"({"v":{"Fn::Equals":[{"Ref":"Env"},"prod"]}})");
        QTest::newRow("Fn::ImportValue with !Sub") << QByteArray("v:\n  Fn::ImportValue: !Sub '${Net}-VPC'\n")
                                           << json(R"({"v":{"Fn::ImportValue":{"Fn::Sub":"${Net}-VPC"}}})");
        QTest::newRow("!Condition") << QByteArray("v: !Condition IsProd") << json(R"({"v":{"Condition":"IsProd"}})");
        QTest::newRow("unknown tag kept as Fn::") << QByteArray("v: !Frobnicate x") << json(R"({"v":{"Fn::Frobnicate":"x"}})");
    }

    void cloudFormationShortTagsBecomeLongForms()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, expected);
        const YamlReadResult r = readYaml(yaml, QStringLiteral("t.yaml"), YamlTags::CloudFormation);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.toObject().value(QLatin1String("v")), expected);
    }

    void tagsKeptWhenAskedTo()
    {
        const YamlReadResult r = readYaml("v: !Ref X", QStringLiteral("t.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r.value.toObject().value(QLatin1String("v")), json(R"({"v":{"!Ref":"X"}})"));
    }

    void brokenInputIsOneSentenceWithTheLine_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << QStringLiteral("line 3");
        QTest::newRow("unclosed flow") << QByteArray("a: [1, 2\n") << QStringLiteral("broken.yaml");
        QTest::newRow("unknown alias") << QByteArray("a: *nothing\n") << QStringLiteral("names no anchor");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("is empty");
    }

    void brokenInputIsOneSentenceWithTheLine()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const YamlReadResult r = readYaml(yaml, QStringLiteral("broken.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("broken.yaml")), qPrintable(r.error));
        QVERIFY(r.error.endsWith(u'.'));
    }

    void aliasBombIsRefused()
    {
        QByteArray yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 9; ++i)
            yaml += QStringLiteral("a%1: &a%1 [*a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2]\n").arg(i).arg(i - 1).toUtf8();
        QElapsedTimer timer;
        timer.start();
        const YamlReadResult r = readYaml(yaml, QStringLiteral("bomb.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("aliases")), qPrintable(r.error));
        QVERIFY(timer.elapsed() < 5000);
    }
};

QTEST_GUILESS_MAIN(TstYamlDocument)
#include "tst_yamldocument.moc"
