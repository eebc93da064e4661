#include "diagramrenderer.h"
#include "rendertestdata.h"

#include <QImage>
#include <QImageReader>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using Cloudcraft::Emulator::DiagramRenderer;
using Cloudcraft::Emulator::RenderFormat;
using Cloudcraft::Emulator::RenderOptions;

using namespace Cloudcraft::Test::RenderTestData;

/// The emulator's PNG/SVG exports: output size, scale, clamping, theme, grid, and where changes and text land.
class TestDiagramGeometry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
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
};

void TestDiagramGeometry::initTestCase()
{
    // Explicit sizes go up to 8192 x 8192 (256 MB decoded), above Qt's default reader limit.
    QImageReader::setAllocationLimit(1024);
}

void TestDiagramGeometry::pngHonoursWidthAndHeight_data()
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

void TestDiagramGeometry::pngHonoursWidthAndHeight()
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

void TestDiagramGeometry::svgHonoursWidthAndHeightAndGrid()
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

void TestDiagramGeometry::scaleMultipliesNaturalSize()
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

void TestDiagramGeometry::absurdOptionsAreClamped()
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

void TestDiagramGeometry::transparentPngHasNoBackground()
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

void TestDiagramGeometry::darkThemeAndGridChangeTheBackground()
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

void TestDiagramGeometry::localChangeOnlyTouchesItsPlace_data()
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

void TestDiagramGeometry::localChangeOnlyTouchesItsPlace()
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

void TestDiagramGeometry::textIsDrawnInPng()
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

QTEST_MAIN(TestDiagramGeometry)
#include "tst_diagramgeometry.moc"
