// DiffInput and DiffSourceRegistry: content detection from bytes, local files, SVG screening, sizes from headers,
// parallel decoding with labelled errors, inventory documents, and the reference-scheme registry.

#include "diff/diffinput.h"
#include "diff/diffsource.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

Q_DECLARE_METATYPE(Cloudcraft::Core::DiffContent)

namespace {

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QImage filled(QSize size, QColor color)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(color);
    return image;
}

DiffSource source(const QString &label, const QByteArray &bytes)
{
    DiffSource s;
    s.label = label;
    s.bytes = bytes;
    s.content = DiffInput::detect(bytes);
    return s;
}

QByteArray sampleBytes(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A resolver as the snapshot history will add one: answers at once from its own table.
class TableResolver final : public DiffSourceResolver
{
public:
    explicit TableResolver(QString scheme, QByteArray bytes)
        : m_scheme(std::move(scheme))
        , m_bytes(std::move(bytes))
    {
    }
    QString scheme() const override { return m_scheme; }
    QString syntax() const override { return m_scheme + QStringLiteral(":<id>"); }
    void fetch(const QString &reference, DiffWant, Done done) override { done(source(reference, m_bytes)); }

private:
    QString m_scheme;
    QByteArray m_bytes;
};

} // namespace

class TestDiffInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsContentFromBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<DiffContent>("content");
        QTest::newRow("png") << pngBytes(filled({4, 4}, Qt::red)) << DiffContent::Png;
        QTest::newRow("svg") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << DiffContent::Svg;
        QTest::newRow("xml declaration") << QByteArray("<?xml version=\"1.0\"?><svg/>") << DiffContent::Svg;
        QTest::newRow("json object") << QByteArray("  {\"data\": {}}") << DiffContent::Json;
        QTest::newRow("json with BOM") << QByteArray("\xEF\xBB\xBF[1]") << DiffContent::Json;
        QTest::newRow("text") << QByteArray("hello") << DiffContent::Unknown;
        QTest::newRow("gif") << QByteArray("GIF89a...") << DiffContent::Unknown;
    }

    void detectsContentFromBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(DiffContent, content);
        QCOMPARE(DiffInput::detect(bytes), content);
    }

    void readsFilesByContentNotName()
    {
        QTemporaryDir dir;
        const QString misnamed = dir.filePath(QStringLiteral("picture.json"));
        QFile file(misnamed);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngBytes(filled({3, 2}, Qt::blue)));
        file.close();
        const DiffSource read = DiffInput().readFile(misnamed);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.content, DiffContent::Png);
        QCOMPARE(read.label, misnamed);

        const DiffSource missing = DiffInput().readFile(dir.filePath(QStringLiteral("nope.png")));
        QCOMPARE(missing.error, dir.filePath(QStringLiteral("nope.png")) + QStringLiteral(": there is no such file."));
        QVERIFY(DiffInput().readFile(dir.path()).error.contains(QStringLiteral("directory")));
        QFile empty(dir.filePath(QStringLiteral("empty")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(DiffInput().readFile(empty.fileName()).error.endsWith(QStringLiteral("the file is empty.")));

        DiffInput::Options small;
        small.maxFileBytes = 10;
        QVERIFY(DiffInput(small).readFile(misnamed).error.contains(QStringLiteral("too large")));
    }

    void screensSvgReferences_data()
    {
        QTest::addColumn<QByteArray>("svg");
        QTest::addColumn<bool>("allowed");
        const auto doc = [](const char *body) -> QByteArray {
            return QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                              "width=\"10\" height=\"10\">")
                   + body + "</svg>";
        };
        QTest::newRow("plain") << doc("<rect width=\"5\" height=\"5\"/>") << true;
        QTest::newRow("fragment") << doc("<use xlink:href=\"#a\"/><rect fill=\"url(#g)\"/>") << true;
        QTest::newRow("data url") << doc("<image href=\"data:image/png;base64,AAAA\"/>") << true;
        QTest::newRow("remote image") << doc("<image href=\"https://images.example.com/x.png\"/>") << true;
        QTest::newRow("remote font import") << doc("<style>@import url('https://fonts.example.com/css');</style>") << true;
        QTest::newRow("absolute path") << doc("<image xlink:href=\"/etc/passwd\"/>") << false;
        QTest::newRow("relative path") << doc("<image href=\"secret.png\"/>") << false;
        QTest::newRow("file url") << doc("<image href=\"file:///etc/hosts\"/>") << false;
        QTest::newRow("css url to a file") << doc("<rect style=\"fill: url(/tmp/pattern.svg#p)\"/>") << false;
        QTest::newRow("style sheet import") << doc("<style>@import \"local.css\";</style>") << false;
        QTest::newRow("xml-stylesheet") << QByteArray("<?xml-stylesheet href=\"a.css\"?>") + doc("") << false;
        QTest::newRow("entities") << QByteArray("<!DOCTYPE svg [<!ENTITY x \"y\">]>") + doc("<text>&x;</text>") << false;
    }

    void screensSvgReferences()
    {
        QFETCH(QByteArray, svg);
        QFETCH(bool, allowed);
        const QString refusal = DiffInput::screenSvg(svg);
        QVERIFY2(refusal.isEmpty() == allowed, qPrintable(refusal));
    }

    void realExportsAreAllowedAndRendered()
    {
        // Real Cloudcraft exports import web fonts and icons over https: they render, without fetching anything.
        const QByteArray svg = sampleBytes(QStringLiteral("export-audit-aws-pipeline-a.svg"));
        QVERIFY(!svg.isEmpty());
        QCOMPARE(DiffInput::screenSvg(svg), QString());
        const DiagramImage image = DiffInput().decode(source(QStringLiteral("a.svg"), svg));
        QVERIFY2(image.ok(), qPrintable(image.error));
    }

    void peeksSizesWithoutDecoding()
    {
        const DiffInput input;
        QString error;
        QCOMPARE(input.peekSize(source(QStringLiteral("a.png"), pngBytes(filled({7, 5}, Qt::red))), &error), QSize(7, 5));
        DiffInput::Options twice;
        twice.svgScale = 2;
        const QByteArray svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"20\"/>");
        QCOMPARE(DiffInput(twice).peekSize(source(QStringLiteral("a.svg"), svg), &error), QSize(60, 40));

        // A PNG header declaring 100000 × 100000 pixels is refused from the header.
        QByteArray huge = pngBytes(filled({1, 1}, Qt::red));
        const char side[4] = {0x00, 0x01, char(0x86), char(0xa0)}; // 100000, big-endian
        huge.replace(16, 4, side, 4);
        huge.replace(20, 4, side, 4);
        QVERIFY(!input.peekSize(source(QStringLiteral("huge.png"), huge), &error));
        QVERIFY2(error.startsWith(QStringLiteral("huge.png: this PNG image is too large: 100000 × 100000")), qPrintable(error));
        DiffSource hugeSource = source(QStringLiteral("huge.png"), huge);
        const DiagramImage decoded = input.decode(hugeSource);
        QVERIFY(decoded.image.isNull());
        QVERIFY2(decoded.error.startsWith(QStringLiteral("huge.png: this PNG image is too large")), qPrintable(decoded.error));
    }

    void decodesPairsInParallelAndLabelsErrors()
    {
        const DiffInput input;
        DiffSource a = source(QStringLiteral("a.png"), pngBytes(filled({300, 200}, Qt::red)));
        DiffSource b = source(QStringLiteral("b.png"), pngBytes(filled({200, 300}, Qt::green)));
        auto [imageA, imageB] = input.decodePair(a, b);
        QVERIFY(imageA.ok() && imageB.ok());
        QCOMPARE(imageA.image.size(), QSize(300, 200));
        QCOMPARE(imageB.image.pixelColor(10, 10), QColor(Qt::green));
        // The encoded bytes are dropped once decoded.
        QVERIFY(a.bytes.isEmpty() && b.bytes.isEmpty());

        const QByteArray whole = pngBytes(filled({300, 200}, Qt::red));
        DiffSource truncated = source(QStringLiteral("cut.png"), whole.left(whole.size() - 20));
        DiffSource good = source(QStringLiteral("good.png"), whole);
        auto [bad, fine] = input.decodePair(truncated, good);
        QVERIFY(fine.ok());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.startsWith(QStringLiteral("cut.png: this PNG image could not be read")), qPrintable(bad.error));
    }

    void parsesInventories()
    {
        QString error;
        const QByteArray v1 = sampleBytes(QStringLiteral("blueprint-webapp-vpc-sg-v1.json"));
        QVERIFY(DiffInput::parseInventory(source(QStringLiteral("v1.json"), v1), &error));
        QVERIFY(DiffInput::parseInventory(source(QStringLiteral("d.json"), "{\"nodes\": []}"), &error));
        QVERIFY(!DiffInput::parseInventory(source(QStringLiteral("x.json"), "{\"hello\": 1}"), &error));
        QCOMPARE(error, QStringLiteral("x.json: this JSON is not a blueprint or inventory document (it has no nodes, "
                                       "groups or edges)."));
        QVERIFY(!DiffInput::parseInventory(source(QStringLiteral("list.json"), "[{\"nodes\": []}]"), &error));
        QVERIFY(error.startsWith(QStringLiteral("list.json: ")));
        QVERIFY(!DiffInput::parseInventory(source(QStringLiteral("cut.json"), "{\"data\": {"), &error));
        QVERIFY(error.contains(QStringLiteral("could not be parsed")));
    }

    void registryTellsReferencesFromPaths()
    {
        QCOMPARE(DiffSourceRegistry::schemeOf(QStringLiteral("blueprint:abc")), QStringLiteral("blueprint"));
        QCOMPARE(DiffSourceRegistry::schemeOf(QStringLiteral("AWS:1/us-east-1")), QStringLiteral("aws"));
        QCOMPARE(DiffSourceRegistry::schemeOf(QStringLiteral("C:\\diagrams\\a.png")), QString());
        QCOMPARE(DiffSourceRegistry::schemeOf(QStringLiteral("./snapshot:1")), QString());

        DiffSourceRegistry registry;
        QVERIFY(!registry.isReference(QStringLiteral("snapshot:42")));
        const QByteArray png = pngBytes(filled({2, 2}, Qt::red));
        registry.add(std::make_unique<TableResolver>(QStringLiteral("snapshot"), QByteArray("{}")));
        registry.add(std::make_unique<TableResolver>(QStringLiteral("snapshot"), png)); // replaces the first
        QVERIFY(registry.isReference(QStringLiteral("snapshot:42")));
        QVERIFY(!registry.isReference(QStringLiteral("before.png")));
        QCOMPARE(registry.syntaxes(), QStringList{QStringLiteral("snapshot:<id>")});
        DiffSource fetched;
        registry.resolverFor(QStringLiteral("snapshot:42"))->fetch(QStringLiteral("snapshot:42"), DiffWant::Image,
                                                                   [&](DiffSource s) { fetched = std::move(s); });
        QCOMPARE(fetched.content, DiffContent::Png);
        QCOMPARE(fetched.label, QStringLiteral("snapshot:42"));
    }
};

QTEST_GUILESS_MAIN(TestDiffInput)
#include "tst_diffinput.moc"
