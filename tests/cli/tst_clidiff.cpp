// cloudcraft-cli diff end to end: files (PNG, SVG, JSON), references fetched from the emulator, outputs and reports,
// exit codes 0 same / 1 different / 2 error, and bad input that must be refused with one sentence and no output.

#include "clirunner.h"
#include "testpaths.h"

#include "diff/pixeldiff.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QXmlStreamReader>

using namespace Cloudcraft::Test;
using Cloudcraft::Core::PixelDiff;
using Cloudcraft::Core::PixelDiffOptions;

namespace {

const QString kAws = QStringLiteral("f0000000-0000-4000-8000-000000000001");
const QString kAzure = QStringLiteral("f0000000-0000-4000-8000-000000000002");
const QString kWebTier = QStringLiteral("e0000000-0000-4000-8000-000000000001");
const QString kPipeline = QStringLiteral("e0000000-0000-4000-8000-000000000002");

// A small diagram-like picture: white page, two boxes and a line.
QImage diagram(QSize size = {200, 150})
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(Qt::white);
    QPainter p(&image);
    p.fillRect(QRect(10, 10, 60, 40), QColor(30, 120, 200));
    p.fillRect(QRect(100, 80, 50, 30), QColor(240, 150, 20));
    p.fillRect(QRect(70, 29, 30, 2), Qt::black);
    return image;
}

// The same diagram with one box added at (140, 20) 30×20: 600 changed pixels.
QImage changedDiagram()
{
    QImage image = diagram();
    QPainter p(&image);
    p.fillRect(QRect(140, 20, 30, 20), QColor(200, 30, 30));
    return image;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char((value >> (24 - 8 * i)) & 0xff);
    return bytes;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian(quint32(data.size())) + type + data + bigEndian(crc32(type + data));
}

// A valid PNG header declaring width × height RGBA pixels, with one tiny IDAT and IEND.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    QByteArray ihdr = bigEndian(width) + bigEndian(height);
    ihdr += QByteArray("\x08\x06\x00\x00\x00", 5);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8))
           + chunk("IEND", {});
}

} // namespace

class TstCliDiff final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<CliRunner> m_cli;
    QTemporaryDir m_dir;

    CliRun cli(const QStringList &args) { return m_cli->run(args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString writePng(const QImage &image, const QString &name)
    {
        const QString file = path(name);
        if (!image.save(file, "PNG"))
            return {};
        return file;
    }
    QString writeBytes(const QByteArray &bytes, const QString &name)
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }
    static QString sample(const QString &name) { return sharedDir() + QStringLiteral("/samples/cloudcraft/") + name; }
    static QJsonObject pixels(const CliRun &run) { return run.json().object().value(u"pixels").toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_cli = std::make_unique<CliRunner>(m_emulator);
        m_cli->setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
    }

    void cleanupTestCase() { QVERIFY2(m_cli->failures().isEmpty(), qPrintable(m_cli->failures().join(u'\n'))); }

    void identicalFilesAreSame()
    {
        const QString a = writePng(diagram(), QStringLiteral("same-a.png"));
        const QString b = writeBytes([&] {
            QFile f(a);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }(), QStringLiteral("same-b.png"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b});
        CLI_EXPECT(run, 0);
        const QJsonObject json = run.json().object();
        QCOMPARE(json.value(u"verdict").toString(), QStringLiteral("same"));
        QCOMPARE(pixels(run).value(u"identical").toBool(), true);
        QCOMPARE(pixels(run).value(u"mismatch").toInteger(), 0);
        QCOMPARE(pixels(run).value(u"sizeA").toArray(), (QJsonArray{200, 150}));
        const CliRun human = cli({QStringLiteral("diff"), a, b});
        CLI_EXPECT(human, 0);
        QVERIFY2(human.out.startsWith("Same"), human.out.constData());
        // Equal pixels in two different encodings are the same picture too (decoded and compared).
        const QString c = writePng(diagram().convertToFormat(QImage::Format_RGB32), QStringLiteral("same-c.png"));
        CLI_EXPECT(cli({QStringLiteral("diff"), a, c}), 0);
    }

    void differentFilesAreDifferent()
    {
        const QString a = writePng(diagram(), QStringLiteral("diff-a.png"));
        const QString b = writePng(changedDiagram(), QStringLiteral("diff-b.png"));
        const QString diffOut = path(QStringLiteral("diff-out.png"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b, QStringLiteral("--diff-out"), diffOut});
        CLI_EXPECT(run, 1);
        QVERIFY2(run.err.isEmpty(), run.err.constData()); // no progress when stderr is not a terminal
        const QJsonObject json = run.json().object();
        QCOMPARE(json.value(u"verdict").toString(), QStringLiteral("different"));
        QCOMPARE(json.value(u"comparison").toString(), QStringLiteral("image"));
        QCOMPARE(pixels(run).value(u"mismatch").toInteger(), 600);
        const QJsonArray regions = pixels(run).value(u"regions").toArray();
        QCOMPARE(regions.size(), 1);
        const QJsonObject region = regions.first().toObject();
        QCOMPARE(region.value(u"x").toInt(), 140);
        QCOMPARE(region.value(u"y").toInt(), 20);
        QCOMPARE(region.value(u"width").toInt(), 30);
        QCOMPARE(region.value(u"height").toInt(), 20);
        QCOMPARE(region.value(u"pixels").toInteger(), 600);

        // The diff PNG holds exactly the pixels PixelDiff makes in-process.
        const QImage written(diffOut, "PNG");
        QVERIFY(!written.isNull());
        const auto expected = PixelDiff().compare(diagram(), changedDiagram());
        QCOMPARE(written.size(), expected.diffImage.size());
        QCOMPARE(written.convertToFormat(QImage::Format_RGBA8888), expected.diffImage);

        const CliRun human = cli({QStringLiteral("diff"), a, b});
        CLI_EXPECT(human, 1);
        QVERIFY2(human.out.contains("600 of 30000 pixels changed (2.000 %)") && human.out.contains("30×20 at 140,20"),
                 human.out.constData());
    }

    void differentSizes_data()
    {
        QTest::addColumn<QString>("align");
        QTest::addColumn<QJsonArray>("overlap");
        QTest::newRow("top-left") << QStringLiteral("top-left") << QJsonArray{0, 0, 200, 150};
        QTest::newRow("center") << QStringLiteral("center") << QJsonArray{20, 10, 200, 150};
    }

    void differentSizes()
    {
        QFETCH(QString, align);
        QFETCH(QJsonArray, overlap);
        const QString a = writePng(diagram(), QStringLiteral("small.png"));
        QImage larger(240, 170, QImage::Format_RGBA8888);
        larger.fill(Qt::white);
        {
            QPainter p(&larger);
            p.drawImage(overlap.at(0).toInt(), overlap.at(1).toInt(), diagram());
        }
        const QString b = writePng(larger, QStringLiteral("large-%1.png").arg(align));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b, QStringLiteral("--align"), align});
        CLI_EXPECT(run, 1);
        const QJsonObject p = pixels(run);
        QCOMPARE(p.value(u"sizeChanged").toBool(), true);
        QCOMPARE(p.value(u"sizeA").toArray(), (QJsonArray{200, 150}));
        QCOMPARE(p.value(u"sizeB").toArray(), (QJsonArray{240, 170}));
        QCOMPARE(p.value(u"overlap").toArray(), overlap);
        // Only the area the smaller image does not cover changed.
        QCOMPARE(p.value(u"outsideOverlap").toInteger(), 240 * 170 - 200 * 150);
        QCOMPARE(p.value(u"mismatch").toInteger(), 240 * 170 - 200 * 150);
        const CliRun human = cli({QStringLiteral("diff"), a, b, QStringLiteral("--align"), align});
        QVERIFY2(human.out.contains("size changed 200×150 → 240×170"), human.out.constData());
    }

    void ignoreRegionsAndThresholds()
    {
        const QString a = writePng(diagram(), QStringLiteral("ig-a.png"));
        const QString b = writePng(changedDiagram(), QStringLiteral("ig-b.png"));
        CLI_EXPECT(cli({QStringLiteral("diff"), a, b, QStringLiteral("--ignore"), QStringLiteral("130,10,60,40")}), 0);
        // Two ignore rectangles that each cover half of the change.
        CLI_EXPECT(cli({QStringLiteral("diff"), a, b, QStringLiteral("--ignore"), QStringLiteral("140,20,15,20"),
                        QStringLiteral("--ignore"), QStringLiteral("155,20,15,20")}),
                   0);
        const CliRun half = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b, QStringLiteral("--ignore"),
                                 QStringLiteral("140,20,15,20")});
        CLI_EXPECT(half, 1);
        QCOMPARE(pixels(half).value(u"mismatch").toInteger(), 300);

        // A faint tint (255 → 250 grey) is below the default threshold and above 0.
        QImage faint = diagram();
        {
            QPainter p(&faint);
            p.fillRect(QRect(150, 10, 40, 40), QColor(250, 250, 250));
        }
        const QString f = writePng(faint, QStringLiteral("faint.png"));
        CLI_EXPECT(cli({QStringLiteral("diff"), a, f}), 0);
        const CliRun strict = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, f, QStringLiteral("--threshold"), QStringLiteral("0")});
        CLI_EXPECT(strict, 1);
        QCOMPARE(pixels(strict).value(u"mismatch").toInteger(), 1600);
    }

    void failLimits()
    {
        const QString a = writePng(diagram(), QStringLiteral("lim-a.png"));
        const QString b = writePng(changedDiagram(), QStringLiteral("lim-b.png"));
        CLI_EXPECT(cli({QStringLiteral("diff"), a, b, QStringLiteral("--fail-on-pixels"), QStringLiteral("600")}), 0);
        CLI_EXPECT(cli({QStringLiteral("diff"), a, b, QStringLiteral("--fail-on-pixels"), QStringLiteral("599")}), 1);
        // 600 / 30000 = 0.02
        CLI_EXPECT(cli({QStringLiteral("diff"), a, b, QStringLiteral("--fail-on-ratio"), QStringLiteral("0.02")}), 0);
        const CliRun over = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b, QStringLiteral("--fail-on-ratio"),
                                 QStringLiteral("0.019")});
        CLI_EXPECT(over, 1);
        QCOMPARE(over.json().object().value(u"mismatchRatio").toDouble(), 0.02);
        QCOMPARE(over.json().object().value(u"failOnRatio").toDouble(), 0.019);
        const CliRun within = cli({QStringLiteral("diff"), a, b, QStringLiteral("--fail-on-pixels"), QStringLiteral("1000")});
        QVERIFY2(within.out.contains("within the limits"), within.out.constData());
    }

    void overlayShowsBoxes()
    {
        const QString a = writePng(diagram(), QStringLiteral("ov-a.png"));
        const QString b = writePng(changedDiagram(), QStringLiteral("ov-b.png"));
        const QString overlay = path(QStringLiteral("overlay.png"));
        CLI_EXPECT(cli({QStringLiteral("--quiet"), QStringLiteral("diff"), a, b, QStringLiteral("--overlay-out"), overlay}), 1);
        const QImage image(overlay, "PNG");
        QCOMPARE(image.size(), QSize(200, 150));
        // The box line runs around the change (140,20 30×20) a few pixels outside it, in the box colour.
        const QColor line = image.pixelColor(140 + 15, 20 - 5);
        QVERIFY2(line.red() > 180 && line.green() < 40 && line.blue() > 80, qPrintable(line.name()));
        QCOMPARE(image.pixelColor(140 - 5, 30), line);
        // Away from the change the after-image is faded towards white: the dark blue box is pale now.
        const QColor faded = image.pixelColor(30, 30);
        QVERIFY2(faded.red() > 150 && faded.blue() > 200, qPrintable(faded.name()));
        QVERIFY(image.pixelColor(5, 140).lightness() > 240);
    }

    void reports()
    {
        const QString a = writePng(diagram(), QStringLiteral("rep-a.png"));
        const QString b = writePng(changedDiagram(), QStringLiteral("rep-b.png"));
        const QString html = path(QStringLiteral("report.html"));
        const QString junit = path(QStringLiteral("report.xml"));
        const QString markdown = path(QStringLiteral("report.md"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), QStringLiteral("--report"), QStringLiteral("html"), html,
                                a, b, QStringLiteral("--report"), QStringLiteral("junit=") + junit, QStringLiteral("--report"),
                                QStringLiteral("markdown"), markdown});
        CLI_EXPECT(run, 1);
        const QJsonArray listed = run.json().object().value(u"outputs").toObject().value(u"reports").toArray();
        QCOMPARE(listed.size(), 3);
        for (const QString &file : {html, junit, markdown})
            QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
        // JUnit: well-formed XML with a failing test case, as CI servers read it.
        QFile xml(junit);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(&xml);
        QStringList elements;
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement)
                elements << reader.name().toString();
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QVERIFY2(elements.contains(QStringLiteral("testcase")) && elements.contains(QStringLiteral("failure")),
                 qPrintable(elements.join(u',')));
    }

    void svgFiles()
    {
        const QByteArray svgA = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"80\">"
                                "<rect width=\"100\" height=\"80\" fill=\"white\"/><rect x=\"10\" y=\"10\" width=\"20\" "
                                "height=\"20\" fill=\"blue\"/></svg>";
        QByteArray svgB = svgA;
        svgB.replace("x=\"10\"", "x=\"60\"");
        const QString a = writeBytes(svgA, QStringLiteral("a.svg"));
        const QString b = writeBytes(svgB, QStringLiteral("b.svg"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b});
        CLI_EXPECT(run, 1);
        QCOMPARE(pixels(run).value(u"mismatch").toInteger(), 800);
        // Both sides at one scale.
        const CliRun scaled = cli({QStringLiteral("--json"), QStringLiteral("diff"), a, b, QStringLiteral("--scale"), QStringLiteral("2")});
        QCOMPARE(pixels(scaled).value(u"sizeA").toArray(), (QJsonArray{200, 160}));
        QCOMPARE(pixels(scaled).value(u"mismatch").toInteger(), 3200);
        CLI_EXPECT(cli({QStringLiteral("diff"), a, writeBytes(svgA, QStringLiteral("a-copy.svg"))}), 0);
    }

    void structuralSamples()
    {
        const QString v1 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json"));
        const QString v2 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json"));
        const QString v3 = sample(QStringLiteral("blueprint-webapp-vpc-sg-v3.json"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("diff"), v1, v2});
        CLI_EXPECT(run, 1);
        const QJsonObject json = run.json().object();
        QCOMPARE(json.value(u"comparison").toString(), QStringLiteral("structure"));
        const QJsonObject totals = json.value(u"structure").toObject().value(u"totals").toObject();
        QCOMPARE(totals.value(u"added").toInt(), 2);   // two security groups, alb2-sg and elb1-sg
        QCOMPARE(totals.value(u"removed").toInt(), 0);
        QCOMPARE(totals.value(u"changed").toInt(), 2);
        const CliRun human = cli({QStringLiteral("diff"), v1, v2});
        CLI_EXPECT(human, 1);
        QVERIFY2(human.out.contains("2 added, 0 removed, 2 changed"), human.out.constData());
        QVERIFY2(human.out.contains("elbType: \"classic\" → \"application\""), human.out.constData());
        QVERIFY2(human.out.contains("+ sg alb2-sg"), human.out.constData());

        // v2 → v3 moved the whole diagram from us-east-1 to eu-west-1.
        const CliRun moved = cli({QStringLiteral("--json"), QStringLiteral("diff"), v2, v3});
        CLI_EXPECT(moved, 1);
        QCOMPARE(moved.json().object().value(u"structure").toObject().value(u"byRegion").toObject().value(u"eu-west-1")
                     .toObject().value(u"changed").toInt(),
                 23);
        CLI_EXPECT(cli({QStringLiteral("diff"), v1, v1}), 0);
        const QString report = path(QStringLiteral("structure.md"));
        CLI_EXPECT(cli({QStringLiteral("diff"), v1, v2, QStringLiteral("--report"), QStringLiteral("markdown"), report}), 1);
        QVERIFY(QFileInfo(report).size() > 0);
    }

    void blueprintReferences()
    {
        const QString web = QStringLiteral("blueprint:") + kWebTier;
        CLI_EXPECT(cli({QStringLiteral("diff"), web, web}), 0);
        const CliRun different = cli({QStringLiteral("--json"), QStringLiteral("diff"), web, QStringLiteral("blueprint:") + kPipeline});
        CLI_EXPECT(different, 1);
        QVERIFY2(different.err.isEmpty(), different.err.constData());
        QVERIFY(pixels(different).value(u"mismatch").toInteger() > 0);
        // A saved export of the same blueprint is the same picture.
        const QString saved = path(QStringLiteral("web.png"));
        CLI_EXPECT(cli({QStringLiteral("blueprint"), QStringLiteral("export"), kWebTier, QStringLiteral("--format"),
                        QStringLiteral("png"), QStringLiteral("--output"), saved}),
                   0);
        CLI_EXPECT(cli({QStringLiteral("diff"), saved, web}), 0);
        // With a JSON file on one side the reference is fetched as its document.
        const QString doc = path(QStringLiteral("web.json"));
        CLI_EXPECT(cli({QStringLiteral("--json"), QStringLiteral("blueprint"), QStringLiteral("get"), kWebTier,
                        QStringLiteral("--output"), doc}),
                   0);
        const CliRun structural = cli({QStringLiteral("--json"), QStringLiteral("diff"), doc, web});
        CLI_EXPECT(structural, 0);
        QCOMPARE(structural.json().object().value(u"comparison").toString(), QStringLiteral("structure"));
        CLI_EXPECT(cli({QStringLiteral("diff"), QStringLiteral("--structure"), web, QStringLiteral("blueprint:") + kPipeline}), 1);
    }

    void progressOnATerminalOnly()
    {
        // `script` gives the CLI a pseudo-terminal: progress appears there, and not with --quiet.
        const auto onTty = [this](const QStringList &args) {
            QStringList quoted{QStringLiteral(CLOUDCRAFT_CLI_BINARY), QStringLiteral("--api-url"),
                               m_emulator.baseUrl().toString(), QStringLiteral("--ca-file"), m_emulator.caFile()};
            quoted << args;
            for (QString &a : quoted)
                a = u'\'' + a + u'\'';
            return m_cli->runRaw({QStringLiteral("-qec"), quoted.join(u' '), QStringLiteral("/dev/null")}, {}, 45000,
                                 QStringLiteral("script"));
        };
        const QStringList args{QStringLiteral("diff"), QStringLiteral("blueprint:") + kWebTier,
                               QStringLiteral("blueprint:") + kPipeline};
        const CliRun shown = onTty(args);
        CLI_EXPECT(shown, 1);
        QVERIFY2(shown.out.contains("Fetching blueprint:") && shown.out.contains("Comparing"), shown.out.constData());
        const CliRun quiet = onTty(QStringList{QStringLiteral("--quiet")} + args);
        CLI_EXPECT(quiet, 1);
        QVERIFY2(!quiet.out.contains("Fetching") && !quiet.out.contains("Different"), quiet.out.constData());
    }

    void liveAccountReferences()
    {
        QVERIFY(m_emulator.reset());
        const QString live = QStringLiteral("aws:%1/us-east-1").arg(kAws);
        const QString beforePng = path(QStringLiteral("aws-before.png"));
        const QString beforeJson = path(QStringLiteral("aws-before.json"));
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-east-1"),
                        QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--output"), beforePng}),
                   0);
        CLI_EXPECT(cli({QStringLiteral("aws"), QStringLiteral("snapshot"), kAws, QStringLiteral("us-east-1"),
                        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), beforeJson}),
                   0);
        CLI_EXPECT(cli({QStringLiteral("diff"), beforePng, live}), 0);
        CLI_EXPECT(cli({QStringLiteral("diff"), live, live}), 0);

        QVERIFY(m_emulator.advanceScenario()); // a deployment: one more instance
        const CliRun image = cli({QStringLiteral("--json"), QStringLiteral("diff"), beforePng, live});
        CLI_EXPECT(image, 1);
        QVERIFY(pixels(image).value(u"mismatch").toInteger() > 0);
        QVERIFY(!pixels(image).value(u"regions").toArray().isEmpty());
        const CliRun structure = cli({QStringLiteral("--json"), QStringLiteral("diff"), beforeJson, live});
        CLI_EXPECT(structure, 1);
        const QJsonObject totals = structure.json().object().value(u"structure").toObject().value(u"totals").toObject();
        QCOMPARE(totals.value(u"added").toInt(), 1);
        QCOMPARE(totals.value(u"removed").toInt(), 0);
        const CliRun human = cli({QStringLiteral("diff"), beforeJson, live});
        QVERIFY2(human.out.contains("i-0aaa0000000000003"), human.out.constData());

        const QString azure = QStringLiteral("azure:%1/eastus").arg(kAzure);
        CLI_EXPECT(cli({QStringLiteral("diff"), azure, azure}), 0);
        CLI_EXPECT(cli({QStringLiteral("diff"), QStringLiteral("--structure"), azure, azure}), 0);
        QVERIFY(m_emulator.reset());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");

        QByteArray png;
        {
            QImage noisy(300, 200, QImage::Format_RGBA8888);
            for (int y = 0; y < noisy.height(); ++y)
                for (int x = 0; x < noisy.width(); ++x)
                    noisy.setPixel(x, y, qRgba((x * 37 + y * 11) & 0xff, (x * y) & 0xff, (x ^ y) & 0xff, 255));
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            noisy.save(&buffer, "PNG");
        }
        QTest::newRow("not an image") << QByteArray("hello, this is a text file\n") << QStringLiteral("notes.png")
                                      << QStringLiteral("not a PNG, SVG or JSON");
        QTest::newRow("truncated PNG") << png.left(png.size() / 2) << QStringLiteral("truncated.png")
                                       << QStringLiteral("truncated");
        QTest::newRow("PNG declaring 100000x100000") << pngDeclaring(100000, 100000) << QStringLiteral("huge.png")
                                                     << QStringLiteral("too large");
        QTest::newRow("SVG with a local file") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                                             "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" height=\"150\">"
                                                             "<image xlink:href=\"/etc/passwd\" width=\"10\" height=\"10\"/></svg>")
                                               << QStringLiteral("external.svg") << QStringLiteral("refers to a file outside");
        QTest::newRow("SVG with a stylesheet import")
            << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"150\"><style>@import "
                          "url('file:///etc/passwd');</style></svg>")
            << QStringLiteral("import.svg") << QStringLiteral("refers to a file outside");
        QTest::newRow("SVG with entities")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"150\"><text>&b;</text></svg>")
            << QStringLiteral("laughs.svg") << QStringLiteral("entities");
        QTest::newRow("JSON that is not an inventory") << QByteArray("{\"hello\": [1, 2, 3]}") << QStringLiteral("other.json")
                                                       << QStringLiteral("not a blueprint or inventory");
        QTest::newRow("broken JSON") << QByteArray("{\"data\": {\"nodes\": [") << QStringLiteral("broken.json")
                                     << QStringLiteral("could not be parsed");
    }

    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString bad = writeBytes(bytes, name);
        const bool json = name.endsWith(QLatin1String(".json"));
        const QString good = json ? sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json"))
                                  : writePng(diagram(), QStringLiteral("good.png"));
        const QString diffOut = path(QStringLiteral("bad-diff.png"));
        const QString overlay = path(QStringLiteral("bad-overlay.png"));
        const QString report = path(QStringLiteral("bad-report.html"));
        QStringList outputs{QStringLiteral("--report"), QStringLiteral("html"), report};
        if (!json)
            outputs << QStringLiteral("--diff-out") << diffOut << QStringLiteral("--overlay-out") << overlay;
        for (const QStringList &order : {QStringList{good, bad}, QStringList{bad, good}}) {
            const CliRun run = cli(QStringList{QStringLiteral("diff")} + order + outputs);
            CLI_EXPECT(run, 2);
            const QString err = QString::fromUtf8(run.err).trimmed();
            QVERIFY2(!err.contains(u'\n'), qPrintable(err));
            QVERIFY2(err.startsWith(bad) && err.contains(problem), qPrintable(err));
            QVERIFY(run.out.isEmpty());
            for (const QString &output : {diffOut, overlay, report})
                QVERIFY2(!QFileInfo::exists(output), qPrintable(output));
        }
    }

    void otherErrors()
    {
        const QString a = writePng(diagram(), QStringLiteral("err-a.png"));
        const QString missing = path(QStringLiteral("missing.png"));
        const QString diffOut = path(QStringLiteral("err-diff.png"));
        const auto expectError = [&](const QStringList &args, const QString &named) {
            const CliRun run = cli(args);
            CLI_EXPECT(run, 2);
            const QString err = QString::fromUtf8(run.err).trimmed();
            QVERIFY2(!err.isEmpty() && !err.contains(u'\n'), qPrintable(err));
            QVERIFY2(err.contains(named), qPrintable(err));
            QVERIFY(!QFileInfo::exists(diffOut));
        };
        expectError({QStringLiteral("diff"), a, missing, QStringLiteral("--diff-out"), diffOut}, missing);
        const QString nobody = QStringLiteral("blueprint:e0000000-0000-4000-8000-0000000000ff");
        expectError({QStringLiteral("diff"), a, nobody, QStringLiteral("--diff-out"), diffOut}, nobody);
        const QString noAccount = QStringLiteral("aws:f0000000-0000-4000-8000-0000000000ff/us-east-1");
        expectError({QStringLiteral("diff"), noAccount, a, QStringLiteral("--diff-out"), diffOut}, noAccount);
        expectError({QStringLiteral("diff"), a, QStringLiteral("ftp:somewhere")}, QStringLiteral("ftp:somewhere"));
        expectError({QStringLiteral("diff"), a, sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json"))},
                    QStringLiteral("Cannot compare"));
        expectError({QStringLiteral("diff"), a}, QStringLiteral("two"));
        expectError({QStringLiteral("diff"), a, a, QStringLiteral("--threshold"), QStringLiteral("2")}, QStringLiteral("--threshold"));
        expectError({QStringLiteral("diff"), a, a, QStringLiteral("--ignore"), QStringLiteral("1,2,3")}, QStringLiteral("--ignore"));
        expectError({QStringLiteral("diff"), a, a, QStringLiteral("--report"), QStringLiteral("pdf"), path(QStringLiteral("r.pdf"))},
                    QStringLiteral("--report"));
        expectError({QStringLiteral("diff"), a, a, QStringLiteral("--diff-out"), a}, a);
        // The network failing is an error too (the emulator refuses the connection once it is gone: another port).
        CliRunner offline(m_emulator);
        offline.setEnv(QStringLiteral("CLOUDCRAFT_API_KEY"), m_emulator.readWriteKey());
        const CliRun run = offline.runRaw({QStringLiteral("--api-url"), QStringLiteral("https://127.0.0.1:1"), QStringLiteral("--ca-file"),
                                           m_emulator.caFile(), QStringLiteral("diff"), a, QStringLiteral("blueprint:") + kWebTier});
        CLI_EXPECT(run, 2);
        QVERIFY2(run.err.startsWith("blueprint:"), run.err.constData());
    }
};

QTEST_MAIN(TstCliDiff)
#include "tst_clidiff.moc"
