#include "render/schematic/schematicrenderer.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <QtTest>

using namespace Qt::StringLiterals;
using Cloudcraft::Core::SchematicOptions;
using Cloudcraft::Core::SchematicRenderer;

namespace {

QJsonArray pair(double x, double y)
{
    return QJsonArray { x, y };
}

QJsonObject node(const QString &id, const QString &type, double x, double y, const QString &name)
{
    return QJsonObject { { u"id"_s, id }, { u"type"_s, type }, { u"mapPos"_s, pair(x, y) }, { u"name"_s, name } };
}

/// A VPC with two subnets, three resources and an edge, shaped like what the converters emit.
QJsonObject vpcBlueprint()
{
    QJsonArray nodes { node(u"web"_s, u"ec2"_s, 2, 2, u"web-1"_s), node(u"db"_s, u"rds"_s, 8, 2, u"orders-db"_s),
        node(u"fn"_s, u"lambda"_s, 14, 2, u"resize"_s) };
    QJsonArray groups {
        QJsonObject { { u"id"_s, u"subnet-a"_s }, { u"type"_s, u"subnet"_s }, { u"name"_s, u"public"_s },
            { u"nodes"_s, QJsonArray { u"web"_s } } },
        QJsonObject { { u"id"_s, u"subnet-b"_s }, { u"type"_s, u"subnet"_s }, { u"name"_s, u"private"_s },
            { u"nodes"_s, QJsonArray { u"db"_s } } },
        QJsonObject { { u"id"_s, u"vpc"_s }, { u"type"_s, u"vpc"_s }, { u"name"_s, u"main"_s },
            { u"nodes"_s, QJsonArray { u"subnet-a"_s, u"subnet-b"_s } } },
    };
    QJsonArray edges { QJsonObject { { u"id"_s, u"e1"_s }, { u"from"_s, u"web"_s }, { u"to"_s, u"db"_s } } };
    const QJsonObject data { { u"version"_s, 4 }, { u"name"_s, u"shop"_s }, { u"nodes"_s, nodes },
        { u"groups"_s, groups }, { u"edges"_s, edges } };
    return QJsonObject { { u"name"_s, u"shop"_s }, { u"data"_s, data } };
}

/// The text of the first tEXt chunk with `keyword`, read straight from the PNG structure (no decoder involved).
std::optional<QByteArray> textChunk(const QByteArray &png, const QByteArray &keyword, QList<QByteArray> *types)
{
    std::optional<QByteArray> found;
    QByteArray prefix = keyword;
    prefix.append('\0');
    qsizetype at = 8;
    while (at + 12 <= png.size()) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray type = png.mid(at + 4, 4);
        types->append(type);
        const QByteArray body = png.mid(at + 8, length);
        if (type == "tEXt" && body.startsWith(prefix) && !found)
            found = body.mid(keyword.size() + 1);
        at += 12 + qsizetype(length);
    }
    return found;
}

QHash<QString, QRect> parseBounds(const QByteArray &json)
{
    QHash<QString, QRect> bounds;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonArray r = it.value().toArray();
        if (r.size() == 4)
            bounds.insert(it.key(), QRect(r.at(0).toInt(), r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt()));
    }
    return bounds;
}

} // namespace

class TestSchematicRenderer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pngCarriesComponentBounds();
    void boundsFollowTheScale();
    void maxSizeShrinksThePicture();
    void blueprintAndItsDataDrawTheSame();
    void brokenInputStillDraws();
    void svgHasTheDiagramText();
    void fittedLabelsStopBeforeTheirNeighbours();
};

void TestSchematicRenderer::pngCarriesComponentBounds()
{
    const auto result = SchematicRenderer::renderPng(vpcBlueprint());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QList<QByteArray> types;
    const std::optional<QByteArray> text = textChunk(result.png, "cloudcraft:bounds", &types);
    QVERIFY2(text.has_value(), "the PNG has a cloudcraft:bounds tEXt chunk");
    QCOMPARE(types.first(), QByteArray("IHDR"));
    QVERIFY(!types.contains("zTXt") && !types.contains("iTXt"));
    QVERIFY2(!text->contains(' ') && !text->contains('\n'), "compact JSON");
    const QHash<QString, QRect> bounds = parseBounds(*text);
    QCOMPARE(bounds, result.bounds);
    for (const QString &id : { u"web"_s, u"db"_s, u"fn"_s, u"subnet-a"_s, u"subnet-b"_s, u"vpc"_s })
        QVERIFY2(bounds.contains(id), qPrintable(id));

    // The rectangles are where the picture shows those things: the node's box colour at its centre, the subnet
    // inside the VPC, the web server inside its subnet, the database outside it.
    QImage image;
    QVERIFY(image.loadFromData(result.png, "PNG"));
    const QRect imageRect = image.rect();
    for (const QRect &r : bounds)
        QVERIFY(imageRect.contains(r));
    QVERIFY(bounds.value(u"vpc"_s).contains(bounds.value(u"subnet-a"_s)));
    QVERIFY(bounds.value(u"subnet-a"_s).contains(bounds.value(u"web"_s)));
    QVERIFY(!bounds.value(u"subnet-a"_s).intersects(bounds.value(u"db"_s)));
    const QRect web = bounds.value(u"web"_s);
    QVERIFY2(web.width() > 20 && web.width() < 80, "a node is about one grid tile");
    const QColor background = image.pixelColor(2, 2);
    int boxPixels = 0;
    for (int y = web.top(); y <= web.bottom(); ++y) {
        for (int x = web.left(); x <= web.right(); ++x)
            boxPixels += image.pixelColor(x, y) != background ? 1 : 0;
    }
    QVERIFY2(boxPixels > web.width() * web.height() / 2, "most of the rectangle is the node's box");
    // Outside the rectangle, a few pixels away on the left: no box.
    QCOMPARE(image.pixelColor(web.left() - 3, web.center().y()).rgb() == image.pixelColor(web.center()).rgb(), false);
}

void TestSchematicRenderer::boundsFollowTheScale()
{
    SchematicOptions twice;
    twice.scale = 2.0;
    const auto one = SchematicRenderer::renderPng(vpcBlueprint());
    const auto two = SchematicRenderer::renderPng(vpcBlueprint(), twice);
    QVERIFY(one.ok() && two.ok());
    const QRect a = one.bounds.value(u"db"_s);
    const QRect b = two.bounds.value(u"db"_s);
    QVERIFY2(qAbs(b.width() - 2 * a.width()) <= 2, qPrintable(u"%1 vs %2"_s.arg(b.width()).arg(a.width())));
    QVERIFY(qAbs(b.x() - 2 * a.x()) <= 2);
    QVERIFY(qAbs(b.y() - 2 * a.y()) <= 2);
}

void TestSchematicRenderer::maxSizeShrinksThePicture()
{
    SchematicOptions big;
    big.scale = 4.0;
    const auto natural = SchematicRenderer::renderImage(vpcBlueprint(), big);
    QVERIFY(natural.ok());
    QVERIFY(natural.image.width() > 400);
    big.maxSize = QSize(400, 300);
    const auto fitted = SchematicRenderer::renderImage(vpcBlueprint(), big);
    QVERIFY(fitted.ok());
    QVERIFY(fitted.image.width() <= 400 && fitted.image.height() <= 300);
    QVERIFY2(fitted.image.width() == 400 || fitted.image.height() == 300, "one side fills the limit");
    const double naturalRatio = double(natural.image.width()) / natural.image.height();
    const double fittedRatio = double(fitted.image.width()) / fitted.image.height();
    QVERIFY(qAbs(naturalRatio - fittedRatio) < 0.05);
    // A limit larger than the picture changes nothing.
    big.maxSize = QSize(8000, 8000);
    QCOMPARE(SchematicRenderer::renderImage(vpcBlueprint(), big).image.size(), natural.image.size());
}

void TestSchematicRenderer::blueprintAndItsDataDrawTheSame()
{
    const QJsonObject blueprint = vpcBlueprint();
    const auto whole = SchematicRenderer::renderPng(blueprint);
    const auto data = SchematicRenderer::renderPng(blueprint.value(u"data").toObject());
    QVERIFY(whole.ok() && data.ok());
    QVERIFY(whole.png == data.png);
    // And a real Cloudcraft blueprint, as the API returns it.
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR) + u"/samples/cloudcraft/blueprint-webapp-vpc-sg-v3.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject sample = QJsonDocument::fromJson(file.readAll()).object();
    const auto real = SchematicRenderer::renderPng(sample);
    QVERIFY(real.ok());
    QVERIFY2(real.bounds.size() >= sample.value(u"data").toObject().value(u"nodes").toArray().size(),
        "every node of the sample has a rectangle");
}

void TestSchematicRenderer::brokenInputStillDraws()
{
    for (const QJsonObject &input : { QJsonObject(), QJsonObject { { u"data"_s, 3 } },
             QJsonObject { { u"nodes"_s, QJsonArray { 1, u"x"_s, QJsonObject { { u"mapPos"_s, u"bad"_s } } } } } }) {
        const auto result = SchematicRenderer::renderPng(input);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QImage image;
        QVERIFY(image.loadFromData(result.png, "PNG"));
    }
}

void TestSchematicRenderer::svgHasTheDiagramText()
{
    const QByteArray svg = SchematicRenderer::renderSvg(vpcBlueprint());
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains(">orders-db<"));
    QVERIFY(svg.contains(">main<"));
    QVERIFY(svg.contains("<title>shop</title>"));
}

void TestSchematicRenderer::fittedLabelsStopBeforeTheirNeighbours()
{
    // Two resources one converter cell (3 units) apart, one with a long name: in a preview (fitLabels) its label is
    // cut with "…" before it reaches the next label; a name that fits is whole; an export keeps every name whole.
    const QString longName = u"metrics: HealthCheckStatusMetric for the failover record"_s;
    const QJsonObject data { { u"nodes"_s, QJsonArray { node(u"a"_s, u"block"_s, 0, 0, longName),
                                                        node(u"b"_s, u"sns"_s, 3, 0, u"SNS Topic"_s) } } };
    SchematicOptions preview;
    preview.fitLabels = true;
    const QByteArray fitted = SchematicRenderer::renderSvg(data, preview);
    QVERIFY2(!fitted.contains(longName.toUtf8()), "the whole long name would run into the next label");
    QVERIFY(fitted.contains(">metrics: HealthCheckStatus"));
    QVERIFY(fitted.contains(u"…<"_s.toUtf8()));
    QVERIFY(fitted.contains(">SNS Topic<"));
    QVERIFY(SchematicRenderer::renderSvg(data).contains(longName.toUtf8()));
}

QTEST_MAIN(TestSchematicRenderer)
#include "tst_schematicrenderer.moc"
