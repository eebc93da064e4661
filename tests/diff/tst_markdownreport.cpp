#include "diff/diffreportwriter.h"
#include "reporttesthelpers.h"

#include <QPainter>
#include <QRegularExpression>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace ReportTest;

namespace {

QString writeAndRead(const DiffReportInput &input)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.md"));
    const QString error = DiffReportWriter::write(DiffReportWriter::Format::Markdown, input, path);
    if (!error.isEmpty())
        return QStringLiteral("write failed: ") + error;
    return QString::fromUtf8(readAll(path));
}

// A GitHub table row split as GFM does: at every `|` not preceded by a backslash; then each cell unescaped the
// way Markdown renders it (a backslash before punctuation shows the punctuation, entities show their character).
QStringList cells(const QString &line)
{
    QStringList result;
    QString cell;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u'\\' && i + 1 < line.size() && line.at(i + 1).isPunct()) {
            cell += line.at(++i);
        } else if (c == u'\\' && i + 1 < line.size() && line.at(i + 1).isSymbol()) {
            cell += line.at(++i);
        } else if (c == u'|') {
            result.append(cell.trimmed());
            cell.clear();
        } else {
            cell += c;
        }
    }
    result.append(cell.trimmed());
    // The outer pipes leave an empty first and last cell.
    if (!result.isEmpty() && result.first().isEmpty())
        result.removeFirst();
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    for (QString &text : result)
        text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
            .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
            .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return result;
}

// The row of a table whose first cell is `name`.
QStringList row(const QString &markdown, const QString &name)
{
    for (const QString &line : markdown.split(u'\n')) {
        if (!line.startsWith(u'|'))
            continue;
        const QStringList parsed = cells(line);
        if (!parsed.isEmpty() && parsed.first() == name)
            return parsed;
    }
    return {};
}

qint64 number(const QString &text)
{
    return QString(text).remove(u',').toLongLong();
}

// A canvas with `count` small separate changes, far enough apart to stay separate regions.
PixelCase manyChanges(int count)
{
    PixelCase pixels;
    const int columns = 100;
    const QSize size(columns * 40, (count / columns + 1) * 40);
    pixels.before = QImage(size, QImage::Format_RGBA8888);
    pixels.before.fill(Qt::white);
    pixels.after = pixels.before;
    QPainter painter(&pixels.after);
    for (int i = 0; i < count; ++i)
        painter.fillRect(QRect((i % columns) * 40, (i / columns) * 40, 3, 3), Qt::black);
    painter.end();
    pixels.result = PixelDiff().compare(pixels.before, pixels.after);
    return pixels;
}

} // namespace

class TestMarkdownReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictAndCounts();
    void labelsWithPipesAndBackticks();
    void noMarkupGetsThrough();
    void longRegionListsFold();
    void hugeRegionListsStayUnderTheCommentLimit();
    void structuralDiffOfRealBlueprints();
};

void TestMarkdownReport::verdictAndCounts()
{
    const PixelCase pixels;
    const QString markdown = writeAndRead(pixels.input());
    QVERIFY2(markdown.startsWith(QStringLiteral("## 🔴 Different: before.png → after.png\n")), qPrintable(markdown));

    QCOMPARE(number(row(markdown, QStringLiteral("Changed pixels")).value(1)), 16900);
    QCOMPARE(row(markdown, QStringLiteral("Changed ratio")).value(1), QStringLiteral("14.08 %"));
    QCOMPARE(number(row(markdown, QStringLiteral("Change regions")).value(1)), 2);
    QCOMPARE(row(markdown, QStringLiteral("Size")), (QStringList{QStringLiteral("Size"), QStringLiteral("400 × 300"),
                                                                 QStringLiteral("400 × 300")}));
    // The regions, in reading order: the lost orange box, then the new magenta one.
    QCOMPARE(row(markdown, QStringLiteral("1")), (QStringList{QStringLiteral("1"), QStringLiteral("40"),
                                                              QStringLiteral("40"), QStringLiteral("100"),
                                                              QStringLiteral("70"), QStringLiteral("7,000")}));
    QCOMPARE(row(markdown, QStringLiteral("2")).value(5), QStringLiteral("9,900"));
    QVERIFY(!markdown.contains(QStringLiteral("<details>"))); // two regions need no folding
    QVERIFY(markdown.contains(QStringLiteral("2026-01-05T09:30:00Z")));

    PixelCase same;
    same.after = same.before;
    same.result = PixelDiff().compare(same.before, same.after);
    const QString sameMarkdown = writeAndRead(same.input());
    QVERIFY2(sameMarkdown.startsWith(QStringLiteral("## 🟢 Same: ")), qPrintable(sameMarkdown));
    QCOMPARE(number(row(sameMarkdown, QStringLiteral("Changed pixels")).value(1)), 0);
}

void TestMarkdownReport::labelsWithPipesAndBackticks()
{
    const QString labelA = QStringLiteral("shots/a|b `v1`.png");
    const QString labelB = QStringLiteral("blueprint:`x` | *bold* _it_ [link](http://e.x)");
    const PixelCase pixels;
    const QString markdown = writeAndRead(pixels.input(labelA, labelB));
    // The row keeps its three cells: the pipes in the labels did not split it.
    QCOMPARE(row(markdown, QStringLiteral("Compared")), (QStringList{QStringLiteral("Compared"), labelA, labelB}));
    // No backtick opens a code span, no star or bracket turns into emphasis or a link.
    const QString compared = markdown.split(u'\n').filter(QStringLiteral("| Compared |")).value(0);
    static const QRegularExpression unescaped(QStringLiteral(R"((?<!\\)[`*_\[\]])"));
    QVERIFY2(!compared.contains(unescaped), qPrintable(compared));
}

void TestMarkdownReport::noMarkupGetsThrough()
{
    const PixelCase pixels;
    const QString markdown = writeAndRead(pixels.input(QStringLiteral("<script>alert(1)</script>.png"),
                                                       QStringLiteral("<img src=x onerror=alert(2)>")));
    QVERIFY(!markdown.contains(QStringLiteral("<script")));
    QVERIFY(!markdown.contains(QStringLiteral("<img")));
    QCOMPARE(row(markdown, QStringLiteral("Compared")).value(1), QStringLiteral("<script>alert(1)</script>.png"));
}

void TestMarkdownReport::longRegionListsFold()
{
    const PixelCase pixels = manyChanges(150);
    QCOMPARE(pixels.result.regions.size(), 150);
    const QString markdown = writeAndRead(pixels.input());
    QVERIFY(markdown.contains(QStringLiteral("<details><summary>140 more regions</summary>")));
    // Every region is listed exactly once: ten in view, the rest folded.
    QVERIFY(!row(markdown, QStringLiteral("150")).isEmpty());
    QCOMPARE(row(markdown, QStringLiteral("11")).value(1), QString::number(pixels.result.regions.at(10).box.x()));
}

void TestMarkdownReport::hugeRegionListsStayUnderTheCommentLimit()
{
    const PixelCase pixels = manyChanges(5000);
    QCOMPARE(pixels.result.regions.size(), 5000);
    DiffReportInput input = pixels.input();
    input.before = input.after = input.diff = QImage(); // no need to carry 16 MB images along
    const QString markdown = writeAndRead(input);
    const qsizetype bytes = markdown.toUtf8().size();
    QVERIFY2(bytes < 60 * 1024, qPrintable(QString::number(bytes)));
    QVERIFY2(bytes > 30 * 1024, qPrintable(QString::number(bytes))); // it used the room it has
    QVERIFY(markdown.contains(QStringLiteral("further regions are not listed here")));
    QVERIFY(markdown.contains(QStringLiteral("</details>")));
    QCOMPARE(number(row(markdown, QStringLiteral("Change regions")).value(1)), 5000);
}

void TestMarkdownReport::structuralDiffOfRealBlueprints()
{
    const StructureCase structure;
    const QString markdown = writeAndRead(structure.input());
    QCOMPARE(number(row(markdown, QStringLiteral("Added")).value(1)), 2);
    QCOMPARE(number(row(markdown, QStringLiteral("Removed")).value(1)), 0);
    QCOMPARE(number(row(markdown, QStringLiteral("Changed")).value(1)), 2);
    QCOMPARE(number(row(markdown, QStringLiteral("Unchanged")).value(1)), structure.result.totals.unchanged);
    QVERIFY2(markdown.contains(QStringLiteral("- **added** alb2\\-sg (sg)"))
                 || markdown.contains(QStringLiteral("- **added** alb2-sg (sg)")),
             qPrintable(markdown));
    QVERIFY(markdown.contains(QStringLiteral("elb1-sg (sg)")));
    QVERIFY2(markdown.contains(QStringLiteral("`elbType`: \"classic\" → \"application\"")), qPrintable(markdown));
    // The VPC's new members by name, not by their component ids.
    QVERIFY2(markdown.contains(QStringLiteral("`nodes`: +alb2-sg, +elb1-sg")), qPrintable(markdown));
    QVERIFY(!markdown.contains(QStringLiteral("Images are not inlined"))); // no images in a structural diff
}

QTEST_GUILESS_MAIN(TestMarkdownReport)
#include "tst_markdownreport.moc"
