// TimelineStrip on a real history: snapshots stored through SnapshotStore (real SQLite, real PNG renders and
// blueprint documents from the shared samples), thumbnails decoded off the UI thread, change counts checked against
// the real cloudcraft-cli's diff of the same pair, selection, keyboard and the card menu.

#include "uitesthelpers.h"

#include "timeline/timelinemodel.h"
#include "timeline/timelinestrip.h"

#include "history/snapshotstore.h"

#include <QFile>
#include <QImage>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QAction>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using Cloudcraft::Test::RecordingPrompter;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A real render with one area painted over: what a changed diagram looks like to the pixel diff.
QByteArray withPaintedBox(const QByteArray &png)
{
    QImage image = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_ARGB32);
    QPainter painter(&image);
    painter.fillRect(QRect(40, 30, 120, 80), QColor(200, 30, 30));
    painter.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

struct CliCounts
{
    qint64 pixels = -1;
    int added = -1;
    int removed = -1;
    int changed = -1;
};

} // namespace

class TestTimelineStrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptySourceShowsTheHint();
    void cardsShowThumbnailsAndTheCliCounts();
    void selectingTwoRequestsTheirCompare();
    void keyboardMovesAndEnterCompares();
    void deletingANamedSnapshotAsksFirst();

private:
    SnapshotSource blueprintSource() const;
    qint64 add(const QByteArray &png, const QByteArray &json, int minutesAgo, const QString &name = {});
    CliCounts cliCounts(qint64 before, qint64 after) const;
    void showStrip(Ui::TimelineStrip &strip);
    QPoint cardCentre(Ui::TimelineStrip &strip, int row) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SnapshotStore> m_store;
    RecordingPrompter m_prompter;
};

SnapshotSource TestTimelineStrip::blueprintSource() const
{
    SnapshotSource source;
    source.profile = QStringLiteral("default");
    source.id = QStringLiteral("5f5d3a6e-1111-4a2b-9c3d-000000000001");
    return source;
}

void TestTimelineStrip::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Where the CLI looks with XDG_DATA_HOME pointing at the directory (SnapshotStore::defaultRoot()).
    m_store = std::make_unique<SnapshotStore>(m_dir->path() + QStringLiteral("/cloudcraft-desktop/history"));
    QVERIFY(!m_store->open().isError());
    m_prompter = RecordingPrompter();
}

void TestTimelineStrip::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestTimelineStrip::add(const QByteArray &png, const QByteArray &json, int minutesAgo, const QString &name)
{
    NewSnapshot snapshot;
    snapshot.source = blueprintSource();
    snapshot.title = QStringLiteral("Web app");
    snapshot.takenAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    snapshot.updatedAt = snapshot.takenAt;
    snapshot.name = name;
    snapshot.png = png;
    snapshot.json = json;
    const auto added = m_store->add(snapshot);
    if (!added.ok())
        qWarning() << added.error.message;
    return added.value.id;
}

CliCounts TestTimelineStrip::cliCounts(qint64 before, qint64 after) const
{
    CliCounts counts;
    const auto run = [this](const QStringList &args) {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->path() + QStringLiteral("/config"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLOUDCRAFT_CLI_BINARY), args);
        if (!cli.waitForFinished(60000))
            return QJsonObject();
        const QByteArray out = cli.readAllStandardOutput();
        if (out.isEmpty())
            qWarning() << cli.readAllStandardError();
        return QJsonDocument::fromJson(out).object();
    };
    const QString a = QStringLiteral("snapshot:%1").arg(before);
    const QString b = QStringLiteral("snapshot:%1").arg(after);
    const QJsonObject pixels = run({QStringLiteral("diff"), a, b, QStringLiteral("--json")});
    counts.pixels = pixels.value(QLatin1String("pixels")).toObject().value(QLatin1String("mismatch")).toInteger(-1);
    const QJsonObject structure = run({QStringLiteral("diff"), a, b, QStringLiteral("--structure"), QStringLiteral("--json")});
    const QJsonObject totals =
        structure.value(QLatin1String("structure")).toObject().value(QLatin1String("totals")).toObject();
    counts.added = totals.value(QLatin1String("added")).toInt(-1);
    counts.removed = totals.value(QLatin1String("removed")).toInt(-1);
    counts.changed = totals.value(QLatin1String("changed")).toInt(-1);
    return counts;
}

void TestTimelineStrip::showStrip(Ui::TimelineStrip &strip)
{
    strip.resize(900, 230);
    strip.setStore(m_store.get());
    strip.setSource(blueprintSource());
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    if (!strip.isSettled()) {
        QSignalSpy settled(&strip, &Ui::TimelineStrip::settled);
        QVERIFY(settled.wait(30000));
    }
}

QPoint TestTimelineStrip::cardCentre(Ui::TimelineStrip &strip, int row) const
{
    return strip.cardView()->visualRect(strip.model()->index(row)).center();
}

void TestTimelineStrip::emptySourceShowsTheHint()
{
    Ui::TimelineStrip strip(m_prompter);
    strip.resize(800, 220);
    strip.setStore(m_store.get());
    strip.show();
    auto *hint = Test::child<QLabel>(&strip, "timelineHint");
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("Select a blueprint")));

    strip.setSource(blueprintSource());
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("No snapshots yet — Take Snapshot keeps this version."));
    QVERIFY(!strip.cardView()->isVisible());

    add(sample(QStringLiteral("export-aws-news-crawler.png")), sample(QStringLiteral("blueprint-webapp-default-v1.json")), 5);
    strip.reload();
    QVERIFY(!hint->isVisible());
    QVERIFY(strip.cardView()->isVisible());
    QCOMPARE(strip.model()->rowCount(), 1);
}

void TestTimelineStrip::cardsShowThumbnailsAndTheCliCounts()
{
    const QByteArray render = sample(QStringLiteral("export-audit-aws-pipeline.png"));
    QVERIFY(!render.isEmpty());
    const qint64 first = add(render, sample(QStringLiteral("blueprint-webapp-default-v1.json")), 30);
    const qint64 second = add(withPaintedBox(render), sample(QStringLiteral("blueprint-webapp-default-v2.json")), 20);
    const qint64 third = add(sample(QStringLiteral("export-aws-news-crawler.png")),
                             sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json")), 10);
    QVERIFY(first > 0 && second > 0 && third > 0);

    Ui::TimelineStrip strip(m_prompter);
    showStrip(strip);
    Ui::TimelineModel *model = strip.model();
    QCOMPARE(model->rowCount(), 3);
    // Oldest left, newest right.
    QCOMPARE(model->record(0).id, first);
    QCOMPARE(model->record(2).id, third);
    for (int row = 0; row < 3; ++row) {
        const QImage thumbnail = model->index(row).data(Ui::TimelineModel::ThumbnailRole).value<QImage>();
        QVERIFY(thumbnail.width() > 100);
        QVERIFY(thumbnail.deviceIndependentSize().width() <= 160.5);
    }
    QCOMPARE(model->index(0).data(Ui::TimelineModel::ChangesTextRole).toString(), QStringLiteral("First snapshot"));

    const QList<std::pair<qint64, qint64>> pairs{{first, second}, {second, third}};
    for (int row = 1; row < 3; ++row) {
        const auto changes = model->changes(row);
        QVERIFY(changes && changes->ok());
        const CliCounts cli = cliCounts(pairs.at(row - 1).first, pairs.at(row - 1).second);
        QVERIFY2(cli.pixels >= 0, "cloudcraft-cli diff gave no pixel count");
        QCOMPARE(changes->differentPixels, cli.pixels);
        QVERIFY(changes->hasStructure);
        QCOMPARE(changes->added, cli.added);
        QCOMPARE(changes->removed, cli.removed);
        QCOMPARE(changes->changed, cli.changed);
        const QString text = model->index(row).data(Ui::TimelineModel::ChangesTextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("+%1 −%2 ~%3").arg(cli.added).arg(cli.removed).arg(cli.changed)),
                 qPrintable(text));
        const int decimals = changes->differentRatio() < 0.01 ? 2 : 1;
        const QString share = QLocale().toString(changes->differentRatio() * 100.0, 'f', decimals);
        QVERIFY2(text.startsWith(share + QStringLiteral(" %")), qPrintable(text));
    }
    QVERIFY(model->changes(1)->differentPixels > 0);

    // The counts are kept in the history database: a new strip shows them without comparing again.
    QSqlQuery rows(m_store->database().connection());
    QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM snapshot_changes")));
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toInt(), 2);
    Ui::TimelineStrip again(m_prompter);
    again.setStore(m_store.get());
    again.setSource(blueprintSource());
    QVERIFY(again.model()->changes(1).has_value());
    QCOMPARE(again.model()->changes(2)->differentPixels, model->changes(2)->differentPixels);
}

void TestTimelineStrip::selectingTwoRequestsTheirCompare()
{
    const QByteArray render = sample(QStringLiteral("export-audit-aws-pipeline.png"));
    const qint64 first = add(render, {}, 30);
    add(withPaintedBox(render), {}, 20);
    const qint64 third = add(sample(QStringLiteral("export-aws-news-crawler.png")), {}, 10);
    Ui::TimelineStrip strip(m_prompter);
    showStrip(strip);
    QSignalSpy compare(&strip, &Ui::TimelineStrip::compareRequested);
    auto *compareButton = Test::child<QPushButton>(&strip, "timelineCompareButton");
    auto *liveButton = Test::child<QPushButton>(&strip, "timelineCompareLiveButton");
    QVERIFY(compareButton && liveButton);

    QWidget *viewport = strip.cardView()->viewport();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, cardCentre(strip, 0));
    QCOMPARE(strip.selectedIds(), QList<qint64>{first});
    QVERIFY(!compareButton->isEnabled());
    QVERIFY(liveButton->isEnabled());
    QTest::mouseClick(liveButton, Qt::LeftButton);
    QCOMPARE(compare.size(), 1);
    QCOMPARE(compare.at(0).at(0).toString(), QStringLiteral("snapshot:%1").arg(first));
    QCOMPARE(compare.at(0).at(1).toString(), blueprintSource().reference());

    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, cardCentre(strip, 2));
    QCOMPARE(strip.selectedIds(), (QList<qint64>{first, third}));
    QVERIFY(compareButton->isEnabled());
    QVERIFY(!liveButton->isEnabled());
    QTest::mouseClick(compareButton, Qt::LeftButton);
    QCOMPARE(compare.size(), 2);
    QCOMPARE(compare.at(1).at(0).toString(), QStringLiteral("snapshot:%1").arg(first));
    QCOMPARE(compare.at(1).at(1).toString(), QStringLiteral("snapshot:%1").arg(third));
}

void TestTimelineStrip::keyboardMovesAndEnterCompares()
{
    const QByteArray render = sample(QStringLiteral("export-audit-aws-pipeline.png"));
    add(render, {}, 30);
    const qint64 second = add(withPaintedBox(render), {}, 20);
    const qint64 third = add(sample(QStringLiteral("export-aws-news-crawler.png")), {}, 10);
    Ui::TimelineStrip strip(m_prompter);
    showStrip(strip);
    QSignalSpy compare(&strip, &Ui::TimelineStrip::compareRequested);
    QListView *cards = strip.cardView();
    cards->setFocus();
    strip.selectRow(0);
    QTest::keyClick(cards, Qt::Key_Right);
    QCOMPARE(strip.selectedIds(), QList<qint64>{second});
    QTest::keyClick(cards, Qt::Key_Return);
    QCOMPARE(compare.size(), 1);
    QCOMPARE(compare.at(0).at(0).toString(), QStringLiteral("snapshot:%1").arg(second));
    QCOMPARE(compare.at(0).at(1).toString(), blueprintSource().reference());

    QTest::keyClick(cards, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(strip.selectedIds(), (QList<qint64>{second, third}));
    QTest::keyClick(cards, Qt::Key_Enter);
    QCOMPARE(compare.size(), 2);
    QCOMPARE(compare.at(1).at(0).toString(), QStringLiteral("snapshot:%1").arg(second));
    QCOMPARE(compare.at(1).at(1).toString(), QStringLiteral("snapshot:%1").arg(third));
}

void TestTimelineStrip::deletingANamedSnapshotAsksFirst()
{
    const QByteArray render = sample(QStringLiteral("export-audit-aws-pipeline.png"));
    add(render, {}, 30);
    const qint64 named = add(withPaintedBox(render), {}, 20, QStringLiteral("before the migration"));
    Ui::TimelineStrip strip(m_prompter);
    showStrip(strip);
    QSignalSpy changed(&strip, &Ui::TimelineStrip::snapshotsChanged);

    // Right-click opens the card menu; its Delete asks, and a "no" keeps the snapshot.
    QTest::mouseClick(strip.cardView()->viewport(), Qt::LeftButton, {}, cardCentre(strip, 1));
    strip.cardView()->customContextMenuRequested(cardCentre(strip, 1));
    auto *menu = Test::child<QMenu>(&strip, "timelineCardMenu");
    QVERIFY(menu);
    auto *remove = Test::child<QAction>(menu, "timelineDeleteAction");
    QVERIFY(remove);
    m_prompter.nextConfirm = false;
    remove->trigger();
    QCOMPARE(m_prompter.messages.size(), 1);
    QVERIFY2(m_prompter.messages.first().contains(QStringLiteral("\"before the migration\" is named")),
             qPrintable(m_prompter.messages.first()));
    QVERIFY(m_store->get(named).ok());
    QCOMPARE(strip.model()->rowCount(), 2);
    menu->close();

    // Rename from the menu, then delete with a "yes".
    strip.cardView()->customContextMenuRequested(cardCentre(strip, 1));
    menu = strip.findChildren<QMenu *>(QStringLiteral("timelineCardMenu")).constLast();
    m_prompter.nextText = QStringLiteral("after the migration");
    Test::child<QAction>(menu, "timelineRenameAction")->trigger();
    QCOMPARE(m_store->get(named).value.name, QStringLiteral("after the migration"));
    QCOMPARE(strip.model()->index(1).data(Qt::DisplayRole).toString(), QStringLiteral("after the migration"));
    m_prompter.nextConfirm = true;
    Test::child<QAction>(menu, "timelineDeleteAction")->trigger();
    QVERIFY(!m_store->get(named).ok());
    QCOMPARE(strip.model()->rowCount(), 1);
    QCOMPARE(changed.size(), 2);
}

QTEST_MAIN(TestTimelineStrip)
#include "tst_timelinestrip.moc"
