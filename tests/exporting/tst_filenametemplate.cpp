// File names from a template: every placeholder, sanitising for Linux/macOS/Windows, length limits and collisions.

#include "exporting/exportsettings.h"
#include "exporting/filenametemplate.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

class TestFileNameTemplate final : public QObject
{
    Q_OBJECT

private:
    static FileNameFields fields()
    {
        FileNameFields f;
        f.name = QStringLiteral("Storefront web app (production)");
        f.id = QStringLiteral("51e3f1b8-59c1-405a-a745-b7aef7a60058");
        f.format = QStringLiteral("png");
        f.team = QStringLiteral("Platform Engineering");
        f.tags = {QStringLiteral("production"), QStringLiteral("web")};
        f.updatedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::LocalTime);
        f.exportedAt = QDateTime(QDate(2026, 11, 26), QTime(14, 5, 9), Qt::LocalTime);
        f.profile = QStringLiteral("work");
        return f;
    }

private Q_SLOTS:
    void expandsPlaceholders_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << "{name}" << "Storefront web app (production)";
        QTest::newRow("id") << "{id}" << "51e3f1b8-59c1-405a-a745-b7aef7a60058";
        QTest::newRow("shortid") << "{shortid}" << "51e3f1b8";
        QTest::newRow("format") << "{name}.{format}" << "Storefront web app (production).png";
        QTest::newRow("date and time") << "{date}_{time}" << "2026-11-26_140509";
        QTest::newRow("updated") << "{updated} {name}" << "2026-01-05 Storefront web app (production)";
        QTest::newRow("team") << "{team}/{name}" << "Platform Engineering_Storefront web app (production)";
        QTest::newRow("tags") << "{tags}" << "production-web";
        QTest::newRow("profile") << "{profile}-{shortid}" << "work-51e3f1b8";
        QTest::newRow("case-insensitive") << "{NAME}" << "Storefront web app (production)";
        QTest::newRow("unknown kept") << "{nmae}" << "{nmae}";
        QTest::newRow("literal text") << "Slides - {shortid}" << "Slides - 51e3f1b8";
    }

    void expandsPlaceholders()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        QCOMPARE(FileNameTemplate(pattern).baseName(fields()), expected);
    }

    void fileNameAddsTheSuffix()
    {
        QCOMPARE(FileNameTemplate(QStringLiteral("{shortid}")).fileName(fields(), QStringLiteral("drawio")),
                 QStringLiteral("51e3f1b8.drawio"));
    }

    void sanitizes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("separators") << "a/b\\c" << "a_b_c";
        QTest::newRow("windows reserved") << "x:y*z?\"<>|" << "x_y_z_____";
        QTest::newRow("control characters") << QStringLiteral("tab\there\nnew\x01") << "tab here new_";
        QTest::newRow("spaces collapse") << "a    b" << "a b";
        QTest::newRow("leading dots hide files") << "..hidden" << "hidden";
        QTest::newRow("parent directory") << ".." << "";
        QTest::newRow("trailing dots and spaces") << "name. . " << "name";
        QTest::newRow("device name") << "CON" << "CON_";
        QTest::newRow("device name with suffix") << "nul.txt" << "nul_.txt";
        QTest::newRow("not a device name") << "CONSOLE" << "CONSOLE";
        QTest::newRow("unicode kept") << "Übersicht – 東京" << "Übersicht – 東京";
        QTest::newRow("bidi override removed") << QStringLiteral("evil\u202Egnp.exe") << "evil_gnp.exe";
    }

    void sanitizes()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(FileNameTemplate::sanitize(input), expected);
    }

    void longNamesFitEveryFileSystem()
    {
        FileNameFields f = fields();
        f.name = QString(300, QChar(u'é')); // 2 bytes each in UTF-8
        const QString name = FileNameTemplate().fileName(f, QStringLiteral("png"));
        QVERIFY(name.toUtf8().size() <= 255);
        QVERIFY(name.endsWith(QLatin1String(".png")));
        f.name = QString(150, QChar(u'a')) + QStringLiteral("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
        const QString emoji = FileNameTemplate().baseName(f);
        QVERIFY(emoji.toUtf8().size() <= 200);
        QVERIFY2(!emoji.back().isHighSurrogate(), "a surrogate pair is never cut in half");
    }

    void emptyResultFallsBackToTheId()
    {
        FileNameFields f = fields();
        f.name = QStringLiteral("...");
        QCOMPARE(FileNameTemplate().baseName(f), f.id);
        f.id.clear();
        QCOMPARE(FileNameTemplate().baseName(f), QStringLiteral("blueprint"));
    }

    void reportsUnknownPlaceholders()
    {
        QCOMPARE(FileNameTemplate(QStringLiteral("{name} {nmae} {Date} {x}")).unknownPlaceholders(),
                 (QStringList{QStringLiteral("{nmae}"), QStringLiteral("{x}")}));
        QVERIFY(FileNameTemplate(QStringLiteral("{name}-{tags}")).unknownPlaceholders().isEmpty());
    }

    void collisionsInABatchGetNumbers()
    {
        QTemporaryDir dir;
        FileNameAllocator names(dir.path());
        QCOMPARE(names.allocate(QStringLiteral("Orders"), QStringLiteral("png"), false), QStringLiteral("Orders.png"));
        QCOMPARE(names.allocate(QStringLiteral("Orders"), QStringLiteral("png"), false),
                 QStringLiteral("Orders (2).png"));
        // Case-insensitive file systems (macOS, Windows) would merge these.
        QCOMPARE(names.allocate(QStringLiteral("ORDERS"), QStringLiteral("png"), false),
                 QStringLiteral("ORDERS (3).png"));
        QCOMPARE(names.allocate(QStringLiteral("Orders"), QStringLiteral("svg"), false), QStringLiteral("Orders.svg"));
    }

    void existingFilesAreAvoidedWhenAsked()
    {
        QTemporaryDir dir;
        for (const char *name : {"Map.png", "Map (2).png"}) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        FileNameAllocator keep(dir.path());
        QCOMPARE(keep.allocate(QStringLiteral("Map"), QStringLiteral("png"), true), QStringLiteral("Map (3).png"));
        FileNameAllocator overwrite(dir.path());
        QCOMPARE(overwrite.allocate(QStringLiteral("Map"), QStringLiteral("png"), false), QStringLiteral("Map.png"));
    }

    void settingsRoundTripAndValidate()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ExportSettings s;
        s.format = ExportSettings::Format::Pdf;
        s.scale = 2.5;
        s.width = 3840;
        s.landscape = true;
        s.paperSize = QStringLiteral("A3");
        s.grid = true;
        s.fileNameTemplate = QStringLiteral("{date} {name}");
        s.existingFiles = ExportSettings::ExistingFiles::Skip;
        s.save(settings, QStringLiteral("profiles/work/export"));
        QCOMPARE(ExportSettings::load(settings, QStringLiteral("profiles/work/export")), s);
        QCOMPARE(ExportSettings::load(settings, QStringLiteral("profiles/other/export")), ExportSettings());

        const ExportOptions pdf = s.apiOptions();
        QCOMPARE(pdf.paperSize.value_or(QString()), QStringLiteral("A3"));
        QCOMPARE(pdf.landscape.value_or(false), true);
        QVERIFY2(!pdf.transparent.has_value(), "PDF has no transparent background");
        s.format = ExportSettings::Format::Png;
        QVERIFY2(!s.apiOptions().paperSize.has_value(), "paper options only go with PDF");
        s.format = ExportSettings::Format::MxGraph;
        QVERIFY(!s.apiOptions().scale.has_value());

        QVERIFY(s.validate().isEmpty());
        s.format = ExportSettings::Format::Png;
        s.scale = 50;
        QVERIFY(!s.validate().isEmpty());
        s.scale = 1;
        s.fileNameTemplate = QStringLiteral("  ");
        QVERIFY(!s.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileNameTemplate)
#include "tst_filenametemplate.moc"
