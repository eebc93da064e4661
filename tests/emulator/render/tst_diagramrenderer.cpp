#include "diagramrenderer.h"
#include "rendertestdata.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <array>
#include <thread>
#include <vector>

#include <functional>

using namespace Qt::StringLiterals;
using Cloudcraft::Emulator::BudgetOptions;
using Cloudcraft::Emulator::DiagramRenderer;
using Cloudcraft::Emulator::RenderFormat;
using Cloudcraft::Emulator::RenderOptions;

Q_DECLARE_METATYPE(RenderFormat)

using namespace Cloudcraft::Test::RenderTestData;

class TestDiagramRenderer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void identicalInputGivesIdenticalBytes_data();
    void identicalInputGivesIdenticalBytes();
    void concurrentRendersMatch();
    void samplesRenderInEveryFormat_data();
    void samplesRenderInEveryFormat();
    void brokenDocumentsDoNotCrash_data();
    void brokenDocumentsDoNotCrash();
    void svgEscapesBlueprintText();
    void svgDrawsLikePngWithLibrsvg();
    void mxGraphHasCellsForNodesAndEdges();
    void pdfStructureIsValid_data();
    void pdfStructureIsValid();
    void pdfRendersWithPoppler();
    void budgetCsvHeaderAndRows();
    void budgetCsvPeriodCurrencyAndRate();
};

void TestDiagramRenderer::initTestCase()
{
    // Explicit sizes go up to 8192 x 8192 (256 MB decoded), above Qt's default reader limit.
    QImageReader::setAllocationLimit(1024);
}

void TestDiagramRenderer::identicalInputGivesIdenticalBytes_data()
{
    QTest::addColumn<RenderFormat>("format");
    QTest::addColumn<bool>("grid");
    for (RenderFormat format : { RenderFormat::Png, RenderFormat::Svg, RenderFormat::Pdf, RenderFormat::MxGraph }) {
        QTest::newRow(qPrintable(formatName(format))) << format << false;
        QTest::newRow(qPrintable(formatName(format) + u"-grid"_s)) << format << true;
    }
}

void TestDiagramRenderer::identicalInputGivesIdenticalBytes()
{
    QFETCH(RenderFormat, format);
    QFETCH(bool, grid);
    RenderOptions options;
    options.grid = grid;
    const QJsonObject data = referenceBlueprint();
    const QByteArray first = DiagramRenderer::render(data, format, options);
    verifyWellFormed(format, first);
    // A copy made through JSON text, so no shared state can make the second call look equal; and another hash
    // seed, as a new process would have, so output never depends on QHash iteration order.
    const QJsonObject copy = QJsonDocument::fromJson(QJsonDocument(data).toJson()).object();
    QHashSeed::setDeterministicGlobalSeed();
    const QByteArray second = DiagramRenderer::render(copy, format, options);
    QHashSeed::resetRandomGlobalSeed();
    QCOMPARE(second.size(), first.size());
    QVERIFY(second == first);

    if (format == RenderFormat::Png) {
        // No time chunk and no text but the component bounds (contract 1, tested in tests/render): nothing in the
        // file may vary between runs or leak from the machine.
        const QList<QByteArray> chunks = pngChunkTypes(first);
        QVERIFY(!chunks.isEmpty());
        QCOMPARE(chunks.first(), QByteArray("IHDR"));
        QCOMPARE(chunks.last(), QByteArray("IEND"));
        QCOMPARE(chunks.count("tEXt"), 1);
        QVERIFY(first.contains(QByteArray("tEXtcloudcraft:bounds\0{", 23)));
        for (const QByteArray &chunk : chunks)
            QVERIFY2(chunk != "zTXt" && chunk != "iTXt" && chunk != "tIME", chunk.constData());
    }

    // And a different diagram gives different bytes.
    const QByteArray other = DiagramRenderer::render(withoutNode(data, u"db"_s), format, options);
    QVERIFY(other != first);
}

void TestDiagramRenderer::concurrentRendersMatch()
{
    // The emulator may render on worker threads: same bytes as on the main thread, no crash.
    const QJsonObject data = referenceBlueprint();
    const QByteArray png = DiagramRenderer::render(data, RenderFormat::Png, {});
    const QByteArray pdf = DiagramRenderer::render(data, RenderFormat::Pdf, {});
    std::array<QByteArray, 4> pngs;
    std::array<QByteArray, 4> pdfs;
    std::vector<std::thread> threads;
    for (size_t i = 0; i < pngs.size(); ++i) {
        threads.emplace_back([&, i] {
            pngs[i] = DiagramRenderer::render(data, RenderFormat::Png, {});
            pdfs[i] = DiagramRenderer::render(data, RenderFormat::Pdf, {});
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (size_t i = 0; i < pngs.size(); ++i) {
        QVERIFY(pngs[i] == png);
        QVERIFY(pdfs[i] == pdf);
    }
}

void TestDiagramRenderer::samplesRenderInEveryFormat_data()
{
    QTest::addColumn<QString>("path");
    const QDir samples(sharedDir() + u"/samples/cloudcraft"_s);
    const QStringList files = samples.entryList({ u"blueprint-*.json"_s }, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(u"no samples in "_s + samples.absolutePath()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << samples.filePath(file);
}

void TestDiagramRenderer::samplesRenderInEveryFormat()
{
    QFETCH(QString, path);
    const QJsonObject data = readBlueprintData(path);
    QVERIFY(!data.isEmpty());
    for (RenderFormat format : { RenderFormat::Png, RenderFormat::Svg, RenderFormat::Pdf, RenderFormat::MxGraph }) {
        RenderOptions options;
        options.grid = true;
        const QByteArray bytes = DiagramRenderer::render(data, format, options);
        verifyWellFormed(format, bytes);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"format "_s + formatName(format)));
    }
    RenderOptions fixed;
    fixed.width = 1280;
    fixed.height = 720;
    QCOMPARE(renderImage(data, fixed).size(), QSize(1280, 720));
    // Every sample has priced components (EC2, S3, Lambda, ...), so the budget has rows.
    const QByteArray csv = DiagramRenderer::budgetCsv(data, {});
    QVERIFY(csv.count('\n') >= 2);
}

void TestDiagramRenderer::brokenDocumentsDoNotCrash_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("{}");
    QTest::newRow("wrong types") << QByteArray(
        R"json({"nodes":"x","groups":7,"edges":{},"text":[1,"a",null],"surfaces":[{"type":"area","points":"p"}]})json");
    QTest::newRow("missing positions") << QByteArray(
        R"json({"nodes":[{"id":"a","type":"ec2"},{"id":"b","type":"rds","mapPos":"here"},{"type":"s3","mapPos":[1]}],
            "edges":[{"from":"a","to":"b"},{"from":"a"},{"to":"zzz","from":"a"}]})json");
    QTest::newRow("relTo cycle") << QByteArray(
        R"json({"text":[{"id":"t1","text":"one","mapPos":{"relTo":"t2","offset":[1,1]}},
                    {"id":"t2","text":"two","mapPos":{"relTo":"t1","offset":[1,1]}},
                    {"id":"t3","text":"three","mapPos":{"relTo":"t3"}}]})json");
    QTest::newRow("group cycle") << QByteArray(
        R"json({"nodes":[{"id":"n","type":"ec2","mapPos":[0,0]}],
            "groups":[{"id":"g1","type":"vpc","nodes":["g2","n"]},{"id":"g2","type":"sg","nodes":["g1"]},
                      {"type":"subnet","nodes":["n"]},{"id":"g1","type":"vpc","nodes":[]}]})json");
    QTest::newRow("huge coordinates") << QByteArray(
        R"json({"nodes":[{"id":"a","type":"ec2","mapPos":[-1e300,1e300]},{"id":"b","type":"ec2","mapPos":[1e308,0]}],
            "text":[{"text":"far","mapPos":[1e200,1e200],"textSize":1e9}]})json");
    QTest::newRow("odd colours and sizes") << QByteArray(
        R"json({"nodes":[{"id":"a","type":"block","mapPos":[0,0],"width":-4,"depth":"wide","color":{"2d":null}}],
            "icons":[{"mapPos":[2,2],"iconSize":-3,"background":"rgba(300,-1,2,9)"}],
            "images":[{"mapPos":[3,3],"scale":"big"}],"connectors":[{"id":"c","mapPos":[5,5]}],
            "edges":[{"from":"a","to":"c","width":1e9,"color":"#12"}],
            "surfaces":[{"type":"zone","mapPos":[0,0],"mapSize":[-2,-2],"color":"url(javascript:x)"}]})json");
}

void TestDiagramRenderer::brokenDocumentsDoNotCrash()
{
    QFETCH(QByteArray, json);
    QJsonParseError error {};
    const QJsonObject data = QJsonDocument::fromJson(json, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (RenderFormat format : { RenderFormat::Png, RenderFormat::Svg, RenderFormat::Pdf, RenderFormat::MxGraph }) {
        verifyWellFormed(format, DiagramRenderer::render(data, format, {}));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"format "_s + formatName(format)));
    }
    QVERIFY(DiagramRenderer::budgetCsv(data, {}).startsWith("category,type,region,"));
}

void TestDiagramRenderer::svgEscapesBlueprintText()
{
    QJsonObject data = referenceBlueprint();
    data.insert(u"name"_s, u"</title><script>alert(1)</script>"_s);
    data = withNode(data, u"mover"_s, [](QJsonObject &n) {
        n.insert(u"name"_s, u"<script>alert('x')</script> & \"quotes\""_s);
        n.insert(u"color"_s, u"#fff\" onload=\"alert(2)"_s);
    });
    QJsonArray text = data.value(u"text"_s).toArray();
    text.append(QJsonObject { { u"text"_s, u"]]><!ENTITY x \u0001\u0008 bell"_s }, { u"mapPos"_s, QJsonArray { 2, 2 } },
        { u"color"_s, u"red\"/><script>"_s } });
    data.insert(u"text"_s, text);

    for (RenderFormat format : { RenderFormat::Svg, RenderFormat::MxGraph }) {
        const QByteArray bytes = DiagramRenderer::render(data, format, {});
        QString error;
        QVERIFY2(xmlIsWellFormed(bytes, &error), qPrintable(error));
        QVERIFY(!bytes.contains("<script"));
        QVERIFY(!bytes.contains("onload="));
        QVERIFY(!bytes.contains("<!ENTITY"));
        QVERIFY(bytes.contains("&lt;script&gt;"));
        // The text itself survives, readable by an XML parser.
        QXmlStreamReader reader(bytes);
        QString allText;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isCharacters())
                allText += reader.text();
            if (reader.isStartElement() && reader.attributes().hasAttribute(u"value"_s))
                allText += reader.attributes().value(u"value"_s);
        }
        QVERIFY2(allText.contains(u"<script>alert('x')</script> & \"quotes\""_s), qPrintable(formatName(format)));
    }
}

void TestDiagramRenderer::svgDrawsLikePngWithLibrsvg()
{
    // The desktop client rasterizes SVG with librsvg: our SVG must show the same picture as our PNG there.
    const QString rsvg = QStandardPaths::findExecutable(u"rsvg-convert"_s);
    if (rsvg.isEmpty())
        QSKIP("rsvg-convert (librsvg2-bin) is not installed");
    RenderOptions options;
    options.width = 800;
    options.height = 600;
    options.grid = true;
    QProcess process;
    process.start(rsvg, { u"--format=png"_s });
    QVERIFY(process.waitForStarted());
    process.write(DiagramRenderer::render(referenceBlueprint(), RenderFormat::Svg, options));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QImage fromSvg;
    QVERIFY(fromSvg.loadFromData(process.readAllStandardOutput(), "PNG"));
    fromSvg = fromSvg.convertToFormat(QImage::Format_ARGB32);
    const QImage fromPng = renderImage(referenceBlueprint(), options);
    QCOMPARE(fromSvg.size(), fromPng.size());
    qint64 different = 0;
    for (int y = 0; y < fromPng.height(); ++y) {
        for (int x = 0; x < fromPng.width(); ++x) {
            const QRgb a = fromPng.pixel(x, y);
            const QRgb b = fromSvg.pixel(x, y);
            const int delta = std::max({ qAbs(qRed(a) - qRed(b)), qAbs(qGreen(a) - qGreen(b)),
                qAbs(qBlue(a) - qBlue(b)), qAbs(qAlpha(a) - qAlpha(b)) });
            different += delta > 64 ? 1 : 0;
        }
    }
    const double share = double(different) / (fromPng.width() * fromPng.height());
    qInfo("SVG (librsvg) vs PNG: %.2f %% of pixels differ", share * 100);
    // Anti-aliasing and glyph rasterization differ slightly; shapes, colours and places must not.
    QVERIFY2(share < 0.02, qPrintable(QString::number(share * 100) + u" %"_s));
}

void TestDiagramRenderer::mxGraphHasCellsForNodesAndEdges()
{
    const QByteArray xml = DiagramRenderer::render(referenceBlueprint(), RenderFormat::MxGraph, {});
    QXmlStreamReader reader(xml);
    int vertices = 0;
    int edges = 0;
    QStringList ids;
    QStringList references;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.name() != u"mxCell")
            continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        ids << attributes.value(u"id"_s).toString();
        if (attributes.value(u"vertex"_s) == u"1")
            ++vertices;
        if (attributes.value(u"edge"_s) == u"1") {
            ++edges;
            references << attributes.value(u"source"_s).toString() << attributes.value(u"target"_s).toString();
        }
    }
    QVERIFY(ids.startsWith(u"0"_s));
    QCOMPARE(ids.at(1), u"1"_s);
    QCOMPARE(edges, 2);
    QVERIFY(vertices >= 9 + 2 + 1); // nodes, groups, surface (+ text)
    for (const QString &reference : std::as_const(references))
        QVERIFY2(ids.contains(reference), qPrintable(reference));
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void TestDiagramRenderer::pdfStructureIsValid_data()
{
    QTest::addColumn<QString>("paper");
    QTest::addColumn<bool>("landscape");
    QTest::addColumn<QString>("mediaBox");
    QTest::newRow("Letter") << u"Letter"_s << false << u"0 0 612 792"_s;
    QTest::newRow("A4 landscape") << u"A4"_s << true << u"0 0 842 595"_s;
    QTest::newRow("Ledger") << u"Ledger"_s << true << u"0 0 1224 792"_s;
    QTest::newRow("Ledger portrait") << u"Ledger"_s << false << u"0 0 792 1224"_s;
    QTest::newRow("A0") << u"A0"_s << false << u"0 0 2384 3370"_s;
    QTest::newRow("unknown = Letter") << u"Napkin"_s << false << u"0 0 612 792"_s;
}

void TestDiagramRenderer::pdfStructureIsValid()
{
    QFETCH(QString, paper);
    QFETCH(bool, landscape);
    QFETCH(QString, mediaBox);
    RenderOptions options;
    options.paperSize = paper;
    options.landscape = landscape;
    QJsonObject data = referenceBlueprint();
    data = withNode(data, u"mover"_s, [](QJsonObject &n) { n.insert(u"name"_s, u"Ünïcødé (parens) \\ ☃"_s); });
    const QByteArray pdf = DiagramRenderer::render(data, RenderFormat::Pdf, options);
    QVERIFY(pdf.startsWith("%PDF-1.4\n"));
    QVERIFY(pdf.contains(QByteArray("/MediaBox [" + mediaBox.toLatin1() + "]")));

    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    QVERIFY(startxref > 0);
    const qsizetype xrefOffset = pdf.mid(startxref + 10).split('\n').value(0).toLongLong();
    QVERIFY(pdf.mid(xrefOffset).startsWith("xref\n0 "));
    const QList<QByteArray> lines = pdf.mid(xrefOffset).split('\n');
    const int count = lines.value(1).split(' ').value(1).toInt();
    QVERIFY(count >= 5);
    QCOMPARE(lines.value(2), QByteArray("0000000000 65535 f "));
    for (int object = 1; object < count; ++object) {
        const QByteArray entry = lines.value(2 + object);
        QCOMPARE(entry.size(), 19); // plus the newline: 20 bytes per entry
        const qsizetype offset = entry.left(10).toLongLong();
        QVERIFY2(pdf.mid(offset).startsWith(QByteArray(QByteArray::number(object) + " 0 obj")),
            qPrintable(u"object %1 not at %2"_s.arg(object).arg(offset)));
    }
    QVERIFY(pdf.contains("/Root 1 0 R"));
    // The stream length is what it claims.
    const QRegularExpression lengthPattern(u"/Length (\\d+) /Filter /FlateDecode >>\nstream\n"_s);
    const QRegularExpressionMatch match = lengthPattern.match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    const qsizetype streamStart = match.capturedEnd();
    const qsizetype length = match.captured(1).toLongLong();
    QVERIFY(pdf.mid(streamStart + length).startsWith("\nendstream"));
}

void TestDiagramRenderer::pdfRendersWithPoppler()
{
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftoppm.isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"diagram.pdf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    RenderOptions options;
    options.paperSize = u"A4"_s;
    options.landscape = true;
    const QJsonObject data = withNode(
        referenceBlueprint(), u"mover"_s, [](QJsonObject &n) { n.insert(u"name"_s, u"Ünïcødé (parens) \\ done"_s); });
    file.write(DiagramRenderer::render(data, RenderFormat::Pdf, options));
    file.close();
    QProcess process;
    process.start(
        pdftoppm, { u"-png"_s, u"-r"_s, u"36"_s, u"-singlefile"_s, file.fileName(), dir.filePath(u"page"_s) });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(process.readAllStandardError().isEmpty(), "poppler reports no syntax errors");
    QImage page(dir.filePath(u"page.png"_s));
    QCOMPARE(page.size(), QSize(421, 298)); // 842 x 595 pt at 36 dpi
    // EC2 orange is on the page.
    bool orange = false;
    for (int y = 0; y < page.height() && !orange; ++y) {
        for (int x = 0; x < page.width() && !orange; ++x) {
            const QRgb p = page.pixel(x, y);
            orange = qRed(p) > 180 && qGreen(p) > 70 && qGreen(p) < 140 && qBlue(p) < 60;
        }
    }
    QVERIFY(orange);

    // The text is real text in the right encoding, not just marks.
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        return;
    QProcess extract;
    extract.start(pdftotext, { u"-enc"_s, u"UTF-8"_s, file.fileName(), u"-"_s });
    QVERIFY(extract.waitForFinished(30000));
    const QString text = QString::fromUtf8(extract.readAllStandardOutput());
    QVERIFY2(text.contains(u"Ünïcødé (parens) \\ done"_s), qPrintable(text));
    QVERIFY(text.contains(u"Database"_s));
}

void TestDiagramRenderer::budgetCsvHeaderAndRows()
{
    const QByteArray csv = DiagramRenderer::budgetCsv(referenceBlueprint(), {});
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.value(0),
        QByteArray("category,type,region,count,unitPrice,cost,instanceType,instanceSize,platform,role,engine,"
                   "storage,dataGb,snapshots,volume,iops,memory,mRequests,computeDuration,readUnits,writeUnits,"
                   "readConsistency,shards,putUnits,extendedRetention,emailsOut,requests,notifications,"
                   "notificationType,cache,apiCalls,tier,instance"));
    QCOMPARE(lines.last(), QByteArray()); // ends with a newline
    // All nine reference nodes are billable.
    QCOMPARE(lines.size() - 2, 9);
    QList<QByteArray> ec2Rows;
    for (const QByteArray &line : lines) {
        if (line.startsWith("Compute,ec2,"))
            ec2Rows << line;
    }
    QCOMPARE(ec2Rows.size(), 2);
    const QList<QByteArray> fields = ec2Rows.first().split(',');
    QCOMPARE(fields.size(), 33);
    QCOMPARE(fields.at(2), QByteArray("us-east-1"));
    QCOMPARE(fields.at(3), QByteArray("1"));
    QCOMPARE(fields.at(6), QByteArray("m5"));
    QCOMPARE(fields.at(7), QByteArray("large"));
    QVERIFY(fields.at(5).toDouble() > 10.0 && fields.at(5).toDouble() < 1000.0);

    // Values with commas and quotes are quoted.
    const QJsonObject tricky
        = withNode(referenceBlueprint(), u"web-1"_s, [](QJsonObject &n) { n.insert(u"region"_s, u"eu,\"west\""_s); });
    QVERIFY(DiagramRenderer::budgetCsv(tricky, {}).contains("Compute,ec2,\"eu,\"\"west\"\"\",1,"));
}

void TestDiagramRenderer::budgetCsvPeriodCurrencyAndRate()
{
    auto totalCost = [](const BudgetOptions &options) {
        double total = 0.0;
        const QList<QByteArray> lines = DiagramRenderer::budgetCsv(referenceBlueprint(), options).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (!lines.at(i).isEmpty())
                total += lines.at(i).split(',').value(5).toDouble();
        }
        return total;
    };
    const double monthly = totalCost({});
    QVERIFY(monthly > 100.0);
    BudgetOptions yearly;
    yearly.period = u"y"_s;
    QVERIFY(qAbs(totalCost(yearly) - 12 * monthly) < 0.01 * monthly);
    BudgetOptions hourly;
    hourly.period = u"h"_s;
    QVERIFY(qAbs(totalCost(hourly) * 730 - monthly) < 0.01 * monthly);
    BudgetOptions euros;
    euros.currency = u"EUR"_s;
    const double inEuros = totalCost(euros);
    QVERIFY(inEuros > 0.5 * monthly && inEuros < monthly);

    QJsonObject reserved = withNode(referenceBlueprint(), u"web-1"_s, [](QJsonObject &n) {
        n.insert(u"billingOptions"_s,
            QJsonObject {
                { u"type"_s, u"ri"_s }, { u"leaseContractLength"_s, 12 }, { u"purchaseOption"_s, u"All Upfront"_s } });
    });
    BudgetOptions stated;
    stated.rate = u"stated"_s;
    QVERIFY(DiagramRenderer::budgetCsv(reserved, stated) != DiagramRenderer::budgetCsv(reserved, {}));
    QCOMPARE(DiagramRenderer::budgetCsv(reserved, {}), DiagramRenderer::budgetCsv(reserved, {}));
}

QTEST_MAIN(TestDiagramRenderer)
#include "tst_diagramrenderer.moc"
