#include "diff/diffreportwriter.h"
#include "reporttesthelpers.h"

#include <QDir>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace ReportTest;

class TestDiffReportWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFormat_data();
    void everyFormat();
    void replacesAnOldReportWhole();
    void missingFolderIsOneSentence();
    void folderInsteadOfFileIsOneSentence();
};

void TestDiffReportWriter::everyFormat_data()
{
    QTest::addColumn<DiffReportWriter::Format>("format");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("html") << DiffReportWriter::Format::Html << QByteArray("<!DOCTYPE html>");
    QTest::newRow("markdown") << DiffReportWriter::Format::Markdown << QByteArray("## ");
    QTest::newRow("junit") << DiffReportWriter::Format::JUnit << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
}

void TestDiffReportWriter::everyFormat()
{
    QFETCH(DiffReportWriter::Format, format);
    QFETCH(QByteArray, start);
    const PixelCase pixels;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report"));
    QCOMPARE(DiffReportWriter::write(format, pixels.input(), path), QString());
    QVERIFY(readAll(path).startsWith(start));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("report")});
}

void TestDiffReportWriter::replacesAnOldReportWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.md"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(200000, 'x')); // longer than the new report: nothing of it may remain
    }
    const PixelCase pixels;
    QCOMPARE(DiffReportWriter::write(DiffReportWriter::Format::Markdown, pixels.input(), path), QString());
    const QByteArray written = readAll(path);
    QVERIFY(written.startsWith("## "));
    QVERIFY(!written.contains("xxxx"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("diff.md")});
}

void TestDiffReportWriter::missingFolderIsOneSentence()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/report.html"));
    const PixelCase pixels;
    const QString error = DiffReportWriter::write(DiffReportWriter::Format::Html, pixels.input(), path);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write the report ") + path + u':'), qPrintable(error));
    QVERIFY(error.endsWith(u'.'));
    QCOMPARE(error.count(u'\n'), 0);
    QVERIFY(!QFile::exists(path));
}

void TestDiffReportWriter::folderInsteadOfFileIsOneSentence()
{
    QTemporaryDir dir;
    const StructureCase structure;
    const QString error = DiffReportWriter::write(DiffReportWriter::Format::JUnit, structure.input(), dir.path());
    QCOMPARE(error, QStringLiteral("Cannot write the report %1: it is a directory.").arg(dir.path()));
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDiffReportWriter)
#include "tst_diffreportwriter.moc"
