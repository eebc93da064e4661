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
    void pngHonoursWidthAndHeight_data();
    void pngHonoursWidthAndHeight();
    void svgHonoursWidthAndHeightAndGrid();
    void scaleMultipliesNaturalSize();
    void absurdOptionsAreClamped();
    void transparentPngHasNoBackground();
    void darkThemeAndGridChangeTheBackground();
    void localChangeOnlyTouchesItsPlace_data();
    void localChangeOnlyTouchesItsPlace();
    void textIsDrawnInPng();
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
        // No text or time chunks: nothing in the file may vary between runs or leak from the machine.
        const QList<QByteArray> chunks = pngChunkTypes(first);
        QVERIFY(!chunks.isEmpty());
        QCOMPARE(chunks.first(), QByteArray("IHDR"));
        QCOMPARE(chunks.last(), QByteArray("IEND"));
        for (const QByteArray &chunk : chunks)
            QVERIFY2(chunk != "tEXt" && chunk != "zTXt" && chunk != "iTXt" && chunk != "tIME", chunk.constData());
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

void TestDiagramRenderer::pngHonoursWidthAndHeight_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1920x1080") << 1920 << 1080 << QSize(1920, 1080);
    QTest::newRow("30x20") << 30 << 20 << QSize(30, 20);
    QTest::newRow("tall 400x1500") << 400 << 1500 << QSize(400, 1500);
    QTest::newRow("1x1") << 1 << 1 << QSize(1, 1);
    QTest::newRow("over the limit") << 20000 << 300 << QSize(8192, 300);
}

void TestDiagramRenderer::pngHonoursWidthAndHeight()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QSize, expected);
    RenderOptions options;
    options.width = width;
    options.height = height;
    options.scale = 3.0; // ignored when both sides are given, as the size is literal
    const QImage image = renderImage(referenceBlueprint(), options);
    QCOMPARE(image.size(), expected);
}

void TestDiagramRenderer::svgHonoursWidthAndHeightAndGrid()
{
    RenderOptions options;
    options.width = 30;
    options.height = 20;
    options.grid = true;
    options.transparent = true;
    const QByteArray svg = DiagramRenderer::render(referenceBlueprint(), RenderFormat::Svg, options);
    QXmlStreamReader reader(svg);
    while (!reader.atEnd() && !(reader.isStartElement() && reader.name() == u"svg"))
        reader.readNext();
    QVERIFY(reader.isStartElement());
    QCOMPARE(reader.attributes().value(u"width"_s), u"30");
    QCOMPARE(reader.attributes().value(u"height"_s), u"20");
    QVERIFY(svg.contains("<pattern id=\"gridPatternMajor\""));
    QVERIFY(svg.contains("fill=\"url(#gridPatternMajor)\""));
    QVERIFY(svg.contains("<rect fill=\"none\" id=\"interactionLayer\""));
    QVERIFY(svg.contains("font-family=\"Open Sans\""));

    options.grid = false;
    const QByteArray plain = DiagramRenderer::render(referenceBlueprint(), RenderFormat::Svg, options);
    QVERIFY(!plain.contains("gridPatternMajor"));
}

void TestDiagramRenderer::scaleMultipliesNaturalSize()
{
    const QImage natural = renderImage(referenceBlueprint());
    RenderOptions doubled;
    doubled.scale = 2.0;
    const QImage twice = renderImage(referenceBlueprint(), doubled);
    RenderOptions halved;
    halved.scale = 0.5;
    const QImage half = renderImage(referenceBlueprint(), halved);
    // 25 x 19 grid units of content at 40 px plus margins: roughly 1000 x 760 px.
    QVERIFY2(natural.width() > 900 && natural.width() < 1300, qPrintable(QString::number(natural.width())));
    QVERIFY(qAbs(twice.width() - 2 * natural.width()) <= 2);
    QVERIFY(qAbs(twice.height() - 2 * natural.height()) <= 2);
    QVERIFY(qAbs(2 * half.width() - natural.width()) <= 2);

    RenderOptions widthOnly;
    widthOnly.width = 500;
    const QImage fitted = renderImage(referenceBlueprint(), widthOnly);
    QCOMPARE(fitted.width(), 500);
    QVERIFY(qAbs(fitted.height() - natural.height() * 500 / natural.width()) <= 2);
}

void TestDiagramRenderer::absurdOptionsAreClamped()
{
    RenderOptions huge;
    huge.scale = 1000.0;
    const QImage big = renderImage(referenceBlueprint(), huge);
    QVERIFY(!big.isNull());
    QVERIFY(big.width() <= 8192 && big.height() <= 8192);
    QVERIFY(qint64(big.width()) * big.height() <= 2048LL * 2048LL + 4096);
    // The largest literal sizes are honoured (a full 8192 x 8192 works too, but costs seconds per run).
    RenderOptions widest;
    widest.width = 8192;
    widest.height = 48;
    QCOMPARE(renderImage(referenceBlueprint(), widest).size(), QSize(8192, 48));
    RenderOptions tallest;
    tallest.width = 32;
    tallest.height = 9000;
    QCOMPARE(renderImage(referenceBlueprint(), tallest).size(), QSize(32, 8192));

    for (double scale :
        { 0.0, -4.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity() }) {
        RenderOptions odd;
        odd.scale = scale;
        const QImage image = renderImage(referenceBlueprint(), odd);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 8192);
    }
    RenderOptions negative;
    negative.width = -5;
    negative.height = -1;
    QCOMPARE(renderImage(referenceBlueprint(), negative).size(), renderImage(referenceBlueprint()).size());
}

void TestDiagramRenderer::transparentPngHasNoBackground()
{
    RenderOptions transparent;
    transparent.transparent = true;
    const QImage clear = renderImage(referenceBlueprint(), transparent);
    QCOMPARE(qAlpha(clear.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(clear.pixel(clear.width() - 1, clear.height() - 1)), 0);
    QVERIFY(clear.hasAlphaChannel());

    const QImage opaque = renderImage(referenceBlueprint());
    QCOMPARE(opaque.pixel(0, 0), qRgba(255, 255, 255, 255));
    QCOMPARE(qAlpha(opaque.pixel(opaque.width() - 1, opaque.height() - 1)), 255);

    // The diagram itself is still drawn on the transparent canvas.
    int drawn = 0;
    for (int y = 0; y < clear.height(); y += 2) {
        for (int x = 0; x < clear.width(); x += 2)
            drawn += qAlpha(clear.pixel(x, y)) == 255 ? 1 : 0;
    }
    QVERIFY(drawn > 200);
}

void TestDiagramRenderer::darkThemeAndGridChangeTheBackground()
{
    RenderOptions dark;
    dark.theme = u"dark"_s;
    const QImage darkImage = renderImage(referenceBlueprint(), dark);
    QVERIFY(qGray(darkImage.pixel(0, 0)) < 64);

    // Black edges and labels of a light diagram stay readable on the dark background: no near-black pixels.
    int nearBlack = 0;
    for (int y = 0; y < darkImage.height(); ++y) {
        for (int x = 0; x < darkImage.width(); ++x) {
            const QRgb p = darkImage.pixel(x, y);
            nearBlack += std::max({ qRed(p), qGreen(p), qBlue(p) }) < 12 ? 1 : 0;
        }
    }
    QCOMPARE(nearBlack, 0);

    QJsonObject storedDark = referenceBlueprint();
    storedDark.insert(u"theme"_s, QJsonObject { { u"base"_s, u"dark"_s } });
    QCOMPARE(renderImage(storedDark).pixel(0, 0), darkImage.pixel(0, 0));

    RenderOptions grid;
    grid.grid = true;
    const QImage withGrid = renderImage(referenceBlueprint(), grid);
    const QImage plain = renderImage(referenceBlueprint());
    QCOMPARE(withGrid.size(), plain.size());
    // Grid lines run through the empty space between the pinned corners.
    const QRect area = differingArea(withGrid, plain);
    QVERIFY(area.width() > plain.width() / 2 && area.height() > plain.height() / 2);
}

void TestDiagramRenderer::localChangeOnlyTouchesItsPlace_data()
{
    using Change = std::function<QJsonObject(const QJsonObject &)>;
    QTest::addColumn<Change>("change");
    QTest::newRow("moved") << Change([](const QJsonObject &d) {
        return withNode(d, u"mover"_s, [](QJsonObject &n) { n.insert(u"mapPos"_s, QJsonArray { 18, 13 }); });
    });
    QTest::newRow("renamed") << Change([](const QJsonObject &d) {
        return withNode(d, u"mover"_s, [](QJsonObject &n) { n.insert(u"name"_s, u"resize-images"_s); });
    });
    QTest::newRow("type changed") << Change([](const QJsonObject &d) {
        return withNode(d, u"mover"_s, [](QJsonObject &n) { n.insert(u"type"_s, u"dynamodb"_s); });
    });
    QTest::newRow("recoloured") << Change([](const QJsonObject &d) {
        return withNode(d, u"mover"_s, [](QJsonObject &n) { n.insert(u"color"_s, u"#ff0000"_s); });
    });
    QTest::newRow("added") << Change([](const QJsonObject &d) {
        QJsonObject copy = d;
        QJsonArray nodes = copy.value(u"nodes"_s).toArray();
        nodes.append(node(u"new-node"_s, u"sns"_s, 18, 13));
        copy.insert(u"nodes"_s, nodes);
        return copy;
    });
}

void TestDiagramRenderer::localChangeOnlyTouchesItsPlace()
{
    using Change = std::function<QJsonObject(const QJsonObject &)>;
    QFETCH(Change, change);
    const QJsonObject base = referenceBlueprint();
    const QImage before = renderImage(base);
    const QImage after = renderImage(change(base));
    QCOMPARE(after.size(), before.size());

    // Where the mover is drawn: what disappears when it is removed.
    const QRect oldPlace = differingArea(before, renderImage(withoutNode(base, u"mover"_s)));
    QVERIFY(!oldPlace.isNull());
    QVERIFY2(oldPlace.width() < 120 && oldPlace.height() < 120, "a node is drawn in about one grid tile");

    const QRect changed = differingArea(before, after);
    QVERIFY2(!changed.isNull(), "the change must be visible");
    // Expected zone: the old place and one around the new position (18,13) -> both at most a few tiles.
    const QRect newPlace = oldPlace.translated(0, 8 * 40);
    const QRect allowed = oldPlace.united(newPlace).adjusted(-8, -8, 8, 8);
    QVERIFY2(allowed.contains(changed),
        qPrintable(u"changed %1,%2 %3x%4 outside the node's places"_s.arg(changed.x())
                       .arg(changed.y())
                       .arg(changed.width())
                       .arg(changed.height())));
    // Far away nothing moved: the left half of the picture holds the rest of the diagram, byte for byte.
    const QRect farAway(0, 0, before.width() / 2, before.height());
    QCOMPARE(after.copy(farAway), before.copy(farAway));
}

void TestDiagramRenderer::textIsDrawnInPng()
{
    QJsonObject data = referenceBlueprint();
    const QImage before = renderImage(data);
    QJsonArray text = data.value(u"text"_s).toArray();
    text.append(QJsonObject { { u"id"_s, u"t2"_s }, { u"type"_s, u"isotext"_s }, { u"text"_s, u"Hello world"_s },
        { u"textSize"_s, 30 }, { u"mapPos"_s, QJsonArray { 10, 14 } }, { u"color"_s, u"#d32f2f"_s } });
    data.insert(u"text"_s, text);
    const QImage after = renderImage(data);
    const QRect changed = differingArea(before, after);
    QVERIFY2(!changed.isNull(), "text must put pixels on the canvas");
    QVERIFY2(changed.width() > 60, "a 30 px eleven-letter label is wider than 60 px");
    bool reddish = false;
    for (int y = changed.top(); y <= changed.bottom() && !reddish; ++y) {
        for (int x = changed.left(); x <= changed.right() && !reddish; ++x) {
            const QRgb p = after.pixel(x, y);
            reddish = qRed(p) > 150 && qGreen(p) < 110 && qBlue(p) < 110;
        }
    }
    QVERIFY2(reddish, "the text keeps its colour");
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
