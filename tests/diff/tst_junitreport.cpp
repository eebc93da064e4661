#include "diff/diffreportwriter.h"
#include "reporttesthelpers.h"

#include <QMap>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace Cloudcraft::Core;
using namespace ReportTest;

namespace {

// What a CI server keeps from a JUnit file: the counters, the properties and each test case's verdict and text.
struct JUnitCase
{
    QString classname;
    QString name;
    QString outcome; // "passed", "failure" or "error"
    QString message;
    QString details;
    QString systemOut;
};

struct JUnitFile
{
    QString error; // empty when well-formed
    QMap<QString, QString> suitesAttributes;
    QMap<QString, QString> suiteAttributes;
    QMap<QString, QString> properties;
    QList<JUnitCase> cases;
};

QMap<QString, QString> attributes(const QXmlStreamReader &xml)
{
    QMap<QString, QString> map;
    for (const QXmlStreamAttribute &attribute : xml.attributes())
        map.insert(attribute.name().toString(), attribute.value().toString());
    return map;
}

JUnitFile parse(const QByteArray &bytes)
{
    JUnitFile file;
    QXmlStreamReader xml(bytes);
    int suites = 0;
    JUnitCase *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"testcase") {
            current = nullptr;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"testsuites") {
            file.suitesAttributes = attributes(xml);
        } else if (name == u"testsuite") {
            ++suites;
            file.suiteAttributes = attributes(xml);
        } else if (name == u"property") {
            file.properties.insert(xml.attributes().value(QLatin1StringView("name")).toString(),
                                   xml.attributes().value(QLatin1StringView("value")).toString());
        } else if (name == u"testcase") {
            file.cases.append(JUnitCase{xml.attributes().value(QLatin1StringView("classname")).toString(),
                                        xml.attributes().value(QLatin1StringView("name")).toString(),
                                        QStringLiteral("passed"), {}, {}, {}});
            current = &file.cases.last();
        } else if (current && (name == u"failure" || name == u"error")) {
            current->outcome = name.toString();
            current->message = xml.attributes().value(QLatin1StringView("message")).toString();
            current->details = xml.readElementText();
        } else if (current && name == u"system-out") {
            current->systemOut = xml.readElementText();
        }
    }
    if (xml.hasError())
        file.error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
    else if (suites != 1)
        file.error = QStringLiteral("%1 testsuite elements").arg(suites);
    return file;
}

JUnitFile writeAndParse(const DiffReportInput &input)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.xml"));
    const QString error = DiffReportWriter::write(DiffReportWriter::Format::JUnit, input, path);
    if (!error.isEmpty()) {
        JUnitFile failed;
        failed.error = error;
        return failed;
    }
    return parse(readAll(path));
}

} // namespace

class TestJUnitReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changedImagesFail();
    void sameImagesPass();
    void limitsAndPassingVerdict();
    void structuralDiffOfRealBlueprints();
    void userTextIsEscaped();
    void comparisonErrorIsAnError();
};

void TestJUnitReport::changedImagesFail()
{
    const PixelCase pixels;
    QCOMPARE(pixels.result.regions.size(), 2); // the lost orange box and the new magenta one
    const JUnitFile file = writeAndParse(pixels.input());
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));

    QCOMPARE(file.suitesAttributes.value(QStringLiteral("tests")), QStringLiteral("1"));
    QCOMPARE(file.suitesAttributes.value(QStringLiteral("failures")), QStringLiteral("1"));
    QCOMPARE(file.suiteAttributes.value(QStringLiteral("failures")), QStringLiteral("1"));
    QCOMPARE(file.suiteAttributes.value(QStringLiteral("errors")), QStringLiteral("0"));
    QCOMPARE(file.suiteAttributes.value(QStringLiteral("timestamp")), QStringLiteral("2026-01-05T09:30:00Z"));

    // Both boxes differ completely from the background: every pixel of both counts.
    const qint64 expected = qint64(beforeOnlyBox.width()) * beforeOnlyBox.height()
                            + qint64(afterOnlyBox.width()) * afterOnlyBox.height();
    QCOMPARE(pixels.result.mismatchCount, expected);
    QCOMPARE(file.properties.value(QStringLiteral("mismatch")), QString::number(expected));
    QCOMPARE(file.properties.value(QStringLiteral("regions")), QStringLiteral("2"));
    QCOMPARE(file.properties.value(QStringLiteral("sizeA")), QStringLiteral("400x300"));
    QCOMPARE(file.properties.value(QStringLiteral("verdict")), QStringLiteral("different"));
    QVERIFY(std::abs(file.properties.value(QStringLiteral("ratio")).toDouble() - double(expected) / (400.0 * 300.0))
            < 1e-7);

    QCOMPARE(file.cases.size(), 1);
    const JUnitCase &testCase = file.cases.first();
    QCOMPARE(testCase.classname, QStringLiteral("cloudcraft.diff"));
    QCOMPARE(testCase.name, QStringLiteral("pixels: before.png vs after.png"));
    QCOMPARE(testCase.outcome, QStringLiteral("failure"));
    QVERIFY2(testCase.message.startsWith(QStringLiteral("16,900 pixels differ (14.08 %)")), qPrintable(testCase.message));
    QVERIFY2(testCase.details.contains(QStringLiteral("any changed pixel counts")), qPrintable(testCase.details));
    // The change list, in reading order: the orange box (top left) before the magenta one.
    QVERIFY2(testCase.systemOut.contains(QStringLiteral("1. 40, 40, 100 × 70: 7,000")), qPrintable(testCase.systemOut));
    QVERIFY2(testCase.systemOut.contains(QStringLiteral("2. 230, 160, 110 × 90: 9,900")), qPrintable(testCase.systemOut));
}

void TestJUnitReport::sameImagesPass()
{
    PixelCase pixels;
    pixels.after = pixels.before;
    pixels.result = PixelDiff().compare(pixels.before, pixels.after);
    const JUnitFile file = writeAndParse(pixels.input());
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.suitesAttributes.value(QStringLiteral("failures")), QStringLiteral("0"));
    QCOMPARE(file.cases.size(), 1);
    QCOMPARE(file.cases.first().outcome, QStringLiteral("passed"));
    QCOMPARE(file.properties.value(QStringLiteral("mismatch")), QStringLiteral("0"));
    QCOMPARE(file.properties.value(QStringLiteral("verdict")), QStringLiteral("same"));
}

void TestJUnitReport::limitsAndPassingVerdict()
{
    // Changes within --fail-on-pixels: the caller's verdict is "same", so CI must see a pass with the numbers.
    const PixelCase pixels;
    DiffReportInput input = pixels.input();
    input.failOnPixels = 20000;
    input.failOnRatio = 0.2;
    input.different = false;
    const JUnitFile file = writeAndParse(input);
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.cases.first().outcome, QStringLiteral("passed"));
    QCOMPARE(file.properties.value(QStringLiteral("failOnPixels")), QStringLiteral("20000"));
    QCOMPARE(file.properties.value(QStringLiteral("failOnRatio")), QStringLiteral("0.2"));
    QCOMPARE(file.properties.value(QStringLiteral("mismatch")), QString::number(pixels.result.mismatchCount));
}

void TestJUnitReport::structuralDiffOfRealBlueprints()
{
    const StructureCase structure;
    const JUnitFile file = writeAndParse(structure.input());
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));

    QCOMPARE(file.properties.value(QStringLiteral("added")), QStringLiteral("2"));
    QCOMPARE(file.properties.value(QStringLiteral("removed")), QStringLiteral("0"));
    QCOMPARE(file.properties.value(QStringLiteral("changed")), QStringLiteral("2"));
    QCOMPARE(file.properties.value(QStringLiteral("unchanged")), QString::number(structure.result.totals.unchanged));
    QCOMPARE(file.cases.size(), 1);
    const JUnitCase &testCase = file.cases.first();
    QCOMPARE(testCase.outcome, QStringLiteral("failure"));
    QVERIFY2(testCase.message.startsWith(QStringLiteral("resources: 2 added, 0 removed, 2 changed")),
             qPrintable(testCase.message));
    QVERIFY2(testCase.systemOut.contains(QStringLiteral("added alb2-sg (sg)")), qPrintable(testCase.systemOut));
    QVERIFY2(testCase.systemOut.contains(QStringLiteral("added elb1-sg (sg)")), qPrintable(testCase.systemOut));
    QVERIFY2(testCase.systemOut.contains(QStringLiteral("elbType: \"classic\" → \"application\"")),
             qPrintable(testCase.systemOut));
}

void TestJUnitReport::userTextIsEscaped()
{
    // File names can hold anything a shell allows, including markup and control characters.
    const QString labelA = QStringLiteral("<script>alert(\"a\")</script> & 'b'.png");
    const QString labelB = QStringLiteral("bell\x07 and ]]> end.png");
    const PixelCase pixels;
    const JUnitFile file = writeAndParse(pixels.input(labelA, labelB));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.properties.value(QStringLiteral("labelA")), labelA);
    QCOMPARE(file.properties.value(QStringLiteral("labelB")), QStringLiteral("bell\uFFFD and ]]> end.png"));
    QCOMPARE(file.cases.first().name, QStringLiteral("pixels: ") + labelA + QStringLiteral(" vs bell\uFFFD and ]]> end.png"));
}

void TestJUnitReport::comparisonErrorIsAnError()
{
    static const uchar row[4] = {};
    const PixelDiffResult result = PixelDiff().compare(RgbaView{row, 40000, 1, 40000 * 4}, RgbaView{row, 1, 1, 4});
    QVERIFY(!result.ok());
    DiffReportInput input;
    input.labelA = QStringLiteral("huge.png");
    input.labelB = QStringLiteral("tiny.png");
    input.pixels = &result;
    input.different = true;
    const JUnitFile file = writeAndParse(input);
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.suiteAttributes.value(QStringLiteral("errors")), QStringLiteral("1"));
    QCOMPARE(file.cases.first().outcome, QStringLiteral("error"));
    QCOMPARE(file.cases.first().message, result.errorString);
}

QTEST_GUILESS_MAIN(TestJUnitReport)
#include "tst_junitreport.moc"
