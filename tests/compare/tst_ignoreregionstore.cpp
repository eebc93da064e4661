// IgnoreRegionStore: ignore regions per source in the real history SQLite database; they survive a reopen, live
// beside the snapshot tables, and two processes adding at once both keep theirs.

#include "compare/ignoreregionstore.h"
#include "history/historydatabase.h"
#include "history/snapshotstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QVariant>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

constexpr int kWriterRegions = 25;

/// The second process of twoProcessesAddAtOnce(): `--writer <database> <key> <x offset>` adds kWriterRegions.
int runWriter(const QStringList &args)
{
    IgnoreRegionStore store(args.value(2));
    const int offset = args.value(4).toInt();
    for (int i = 0; i < kWriterRegions; ++i) {
        if (const HistoryError error = store.addRegion(args.value(3), QRect(offset + i, 0, 10, 10))) {
            fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
    }
    return 0;
}

} // namespace

class TstIgnoreRegionStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString database(const QString &name) const { return m_dir.filePath(name + QStringLiteral("/history.sqlite")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void savedRegionsSurviveAReopen()
    {
        const QString path = database(QStringLiteral("reopen"));
        const QString key = QStringLiteral("blueprint:e0000000-0000-4000-8000-000000000001");
        {
            IgnoreRegionStore store(path);
            const auto none = store.regions(key);
            QVERIFY2(none.ok(), qPrintable(none.error.message));
            QVERIFY(none.value.isEmpty());
            QVERIFY(!store.setRegions(key, {QRect(0, 0, 200, 40), QRect(10, 500, 80, 20)}));
            QVERIFY(!store.addRegion(key, QRect(300, 300, -50, -20))); // drawn up and left: normalized
            QVERIFY(!store.setRegions(QStringLiteral("aws:acct/us-east-1"), {QRect(1, 1, 1, 1)}));
        }
        IgnoreRegionStore reopened(path);
        const auto regions = reopened.regions(key);
        QVERIFY2(regions.ok(), qPrintable(regions.error.message));
        QCOMPARE(regions.value, (QList<QRect>{QRect(0, 0, 200, 40), QRect(10, 500, 80, 20), QRect(250, 280, 50, 20)}));
        QCOMPARE(reopened.regions(QStringLiteral("aws:acct/us-east-1")).value, QList<QRect>{QRect(1, 1, 1, 1)});

        QVERIFY(!reopened.removeRegion(key, 1));
        QCOMPARE(reopened.regions(key).value, (QList<QRect>{QRect(0, 0, 200, 40), QRect(250, 280, 50, 20)}));
        const HistoryError missing = reopened.removeRegion(key, 7);
        QCOMPARE(missing.kind, HistoryError::Kind::NotFound);
        QVERIFY2(missing.message.contains(key), qPrintable(missing.message));
        QVERIFY(!reopened.setRegions(key, {}));
        QVERIFY(reopened.regions(key).value.isEmpty());
    }

    void badInputIsRefusedWithASentence()
    {
        IgnoreRegionStore store(database(QStringLiteral("bad")));
        const HistoryError noKey = store.addRegion(QString(), QRect(0, 0, 5, 5));
        QCOMPARE(noKey.kind, HistoryError::Kind::InvalidArgument);
        QVERIFY(!noKey.message.isEmpty());
        QCOMPARE(store.addRegion(QStringLiteral("blueprint:x"), QRect(3, 3, 0, 9)).kind,
                 HistoryError::Kind::InvalidArgument);
        // Not a database at all: an error naming the file, not a crash.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("garbage"))));
        QFile garbage(database(QStringLiteral("garbage")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        garbage.close();
        IgnoreRegionStore broken(garbage.fileName());
        const auto read = broken.regions(QStringLiteral("blueprint:x"));
        QVERIFY(!read.ok());
        QVERIFY2(!read.error.message.isEmpty(), "a sentence");
    }

    void sharesTheSnapshotHistoryDatabase()
    {
        const QString root = m_dir.filePath(QStringLiteral("shared"));
        SnapshotStore snapshots(root);
        QVERIFY(!snapshots.open());
        IgnoreRegionStore store(root + QStringLiteral("/history.sqlite"));
        QVERIFY(!store.addRegion(QStringLiteral("blueprint:b"), QRect(5, 5, 5, 5)));
        // The same file holds both: the snapshot tables and ours, in WAL mode.
        HistoryDatabase db(root + QStringLiteral("/history.sqlite"));
        QVERIFY(!db.open());
        QCOMPARE(db.pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                                          "('snapshots', 'compare_ignore_regions') ORDER BY name")));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        QCOMPARE(tables, (QStringList{QStringLiteral("compare_ignore_regions"), QStringLiteral("snapshots")}));
        QVERIFY(snapshots.list().ok()); // the snapshot store still works on the file
    }

    void twoProcessesAddAtOnce()
    {
        const QString path = database(QStringLiteral("processes"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const QString key = QStringLiteral("aws:f0000000-0000-4000-8000-000000000001/us-east-1");
        QProcess first;
        QProcess second;
        const QString self = QCoreApplication::applicationFilePath();
        first.start(self, {QStringLiteral("--writer"), path, key, QStringLiteral("0")});
        second.start(self, {QStringLiteral("--writer"), path, key, QStringLiteral("1000")});
        QVERIFY(first.waitForFinished(30000));
        QVERIFY(second.waitForFinished(30000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());

        IgnoreRegionStore store(path);
        const auto regions = store.regions(key);
        QVERIFY2(regions.ok(), qPrintable(regions.error.message));
        QCOMPARE(regions.value.size(), 2 * kWriterRegions); // no add lost to the other process
        int fromFirst = 0;
        for (const QRect &r : regions.value)
            fromFirst += r.x() < 1000 ? 1 : 0;
        QCOMPARE(fromFirst, kWriterRegions);
    }

    void keysOfReferences()
    {
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("blueprint:abc")), QStringLiteral("blueprint:abc"));
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("aws:1/us-east-1")), QStringLiteral("aws:1/us-east-1"));
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("snapshot:blueprint:abc@previous")),
                 QStringLiteral("blueprint:abc"));
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("snapshot:aws:1/us-east-1")),
                 QStringLiteral("aws:1/us-east-1"));
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("snapshot:42")), QStringLiteral("snapshot:42"));
        QCOMPARE(IgnoreRegionStore::keyForReference(QStringLiteral("/tmp/a.png")), QStringLiteral("/tmp/a.png"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().value(1) == u"--writer")
        return runWriter(app.arguments());
    TstIgnoreRegionStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ignoreregionstore.moc"
