// SnapshotStore against a real SQLite database and real files in a temporary directory: round trip, one file per
// content, the pragmas that make concurrent writers safe, private permissions, retention, schema versions and the
// errors a user can meet (locked, damaged, too new).

#include "history/snapshotstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Cloudcraft::Core;
using namespace std::chrono_literals;

namespace {

SnapshotSource blueprint(const QString &id)
{
    return SnapshotSource{QStringLiteral("default"), SnapshotSource::Kind::Blueprint, id, {}};
}

SnapshotSource aws(const QString &id, const QString &region)
{
    return SnapshotSource{QStringLiteral("default"), SnapshotSource::Kind::Aws, id, region};
}

NewSnapshot snapshot(const SnapshotSource &source, const QByteArray &png, const QByteArray &json = "{\"data\":{}}",
                     const QDateTime &takenAt = {})
{
    NewSnapshot s;
    s.source = source;
    s.png = png;
    s.json = json;
    s.takenAt = takenAt;
    return s;
}

int mode(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

int countObjects(const SnapshotStore &store)
{
    return int(store.blobs().hashes().size());
}

} // namespace

class TstSnapshotStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_dirs = 0;

    QString freshRoot() { return m_tmp.filePath(QStringLiteral("history%1").arg(++m_dirs)); }

private Q_SLOTS:
    void roundTrip()
    {
        SnapshotStore store(freshRoot());
        QVERIFY2(!store.open(), "open");
        NewSnapshot s = snapshot(blueprint(QStringLiteral("c0000000-0000-4000-8000-000000000001")), "PNG-bytes",
                                 "{\"name\":\"Web\"}");
        s.svg = "<svg/>";
        s.title = QStringLiteral("Web App");
        s.name = QStringLiteral("before deploy");
        s.note = QStringLiteral("taken by hand");
        s.updatedAt = QDateTime(QDate(2025, 12, 1), QTime(10, 0), Qt::UTC);
        const auto added = store.add(s);
        QVERIFY2(added.ok(), qPrintable(added.error.message));
        QVERIFY(added.value.id > 0);

        const auto got = store.get(added.value.id);
        QVERIFY(got.ok());
        const SnapshotRecord &r = got.value;
        QCOMPARE(r.source.reference(), QStringLiteral("blueprint:c0000000-0000-4000-8000-000000000001"));
        QCOMPARE(r.source.profile, QStringLiteral("default"));
        QCOMPARE(r.title, QStringLiteral("Web App"));
        QCOMPARE(r.name, QStringLiteral("before deploy"));
        QCOMPARE(r.note, QStringLiteral("taken by hand"));
        QCOMPARE(r.updatedAt, s.updatedAt);
        QVERIFY(qAbs(r.takenAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(r.files.size(), 3);
        for (const auto &[role, bytes] : {std::pair{QStringLiteral("png"), s.png}, std::pair{QStringLiteral("svg"), s.svg},
                                          std::pair{QStringLiteral("json"), s.json}}) {
            const auto file = r.file(role);
            QVERIFY2(file.has_value(), qPrintable(role));
            QCOMPARE(file->sha256, BlobStore::hashOf(bytes));
            QCOMPARE(file->size, bytes.size());
            const auto read = store.read(*file);
            QVERIFY(read.ok());
            QCOMPARE(read.value, bytes);
        }
        // Survives reopening (a new connection, as another process would have).
        SnapshotStore again(store.root());
        QVERIFY(!again.open());
        const auto listed = again.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed.value.size(), 1);
        QCOMPARE(listed.value.first().toJson().value(QLatin1String("name")).toString(), QStringLiteral("before deploy"));
        QCOMPARE(again.get(999).error.kind, HistoryError::Kind::NotFound);
    }

    void sameContentIsStoredOnce()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        const SnapshotSource web = blueprint(QStringLiteral("b1"));
        QVERIFY(store.add(snapshot(web, "same image", "{\"v\":1}")).ok());
        QVERIFY(store.add(snapshot(web, "same image", "{\"v\":2}")).ok());
        QVERIFY(store.add(snapshot(blueprint(QStringLiteral("b2")), "same image", "{\"v\":1}")).ok());
        QCOMPARE(countObjects(store), 3); // one image, two documents
        const auto a = store.list(web);
        QCOMPARE(a.value.size(), 2);
        QCOMPARE(a.value.at(0).file(u"png")->path, a.value.at(1).file(u"png")->path);
    }

    void pragmasMakeConcurrentWritersSafe()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        QCOMPARE(store.database().pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(store.database().pragma(QStringLiteral("busy_timeout")), QStringLiteral("5000"));
        QCOMPARE(store.database().pragma(QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
        QCOMPARE(store.database().pragma(QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(store.database().pragma(QStringLiteral("user_version")), QString::number(HistoryDatabase::kSchemaVersion));
        const auto integrity = store.database().integrityCheck();
        QVERIFY(integrity.ok());
        QCOMPARE(integrity.value, QStringLiteral("ok"));
        // Two stores in one process each get their own connection.
        SnapshotStore second(store.root());
        QVERIFY(!second.open());
        QVERIFY(store.database().connectionName() != second.database().connectionName());
    }

    void filesArePrivateUnderUmask022()
    {
        const mode_t old = ::umask(022);
        SnapshotStore store(freshRoot());
        const HistoryError opened = store.open();
        const auto added = store.add(snapshot(blueprint(QStringLiteral("b1")), "private image"));
        ::umask(old);
        QVERIFY(!opened);
        QVERIFY(added.ok());
        QCOMPARE(mode(store.root()), 0700);
        QCOMPARE(mode(store.root() + QStringLiteral("/objects")), 0700);
        const QString png = added.value.file(u"png")->path;
        QCOMPARE(mode(QFileInfo(png).path()), 0700);
        QCOMPARE(mode(png), 0600);
        QCOMPARE(mode(store.database().path()), 0600);
        QCOMPARE(mode(store.database().path() + QStringLiteral("-wal")), 0600);
        QCOMPARE(mode(store.database().path() + QStringLiteral("-shm")), 0600);
        // Nothing else in the tree is readable by others.
        QDirIterator it(store.root(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            QVERIFY2((mode(it.filePath()) & 077) == 0, qPrintable(it.filePath()));
        }
    }

    void pruneByCountKeepsNamedAndOtherSources()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        const SnapshotSource east = aws(QStringLiteral("a1"), QStringLiteral("us-east-1"));
        const SnapshotSource west = aws(QStringLiteral("a1"), QStringLiteral("us-west-2"));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-10);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            NewSnapshot s = snapshot(east, "east " + QByteArray::number(i), "{}", t0.addSecs(i * 3600));
            if (i == 0)
                s.name = QStringLiteral("baseline");
            const auto added = store.add(s);
            QVERIFY(added.ok());
            ids << added.value.id;
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(store.add(snapshot(west, "west " + QByteArray::number(i), "{}", t0.addSecs(i * 3600))).ok());
        QCOMPARE(countObjects(store), 8 + 1);

        PruneRule rule;
        rule.keep = 2;
        rule.only = east;
        const auto pruned = store.prune(rule);
        QVERIFY2(pruned.ok(), qPrintable(pruned.error.message));
        QCOMPARE(pruned.value.snapshotsRemoved, 2); // ids[1], ids[2]; ids[0] is named
        QCOMPARE(pruned.value.filesRemoved, 2);     // their images; the shared "{}" stays
        QVERIFY(pruned.value.bytesFreed > 0);
        QList<qint64> left;
        for (const SnapshotRecord &r : store.list(east).value)
            left << r.id;
        QCOMPARE(left, (QList<qint64>{ids[4], ids[3], ids[0]}));
        QCOMPARE(store.list(west).value.size(), 3);
        QCOMPARE(countObjects(store), 7);

        // Without a source filter, every source keeps its own newest N.
        rule.only.reset();
        rule.keep = 1;
        QVERIFY(store.prune(rule).ok());
        QCOMPARE(store.list(east).value.size(), 2); // newest + named
        QCOMPARE(store.list(west).value.size(), 1);
        QCOMPARE(store.list(aws(QStringLiteral("a1"), {})).value.size(), 3); // no region = every region
        QCOMPARE(store.prune(PruneRule{}).error.kind, HistoryError::Kind::InvalidArgument);
    }

    void pruneByAge()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        const SnapshotSource web = blueprint(QStringLiteral("b1"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        NewSnapshot named = snapshot(web, "50", "{}", now.addDays(-50));
        named.name = QStringLiteral("release 1");
        QVERIFY(store.add(named).ok());
        for (int days : {40, 31, 20, 1})
            QVERIFY(store.add(snapshot(web, QByteArray::number(days), "{}", now.addDays(-days))).ok());
        PruneRule rule;
        rule.olderThan = std::chrono::hours(24 * 30);
        rule.now = now;
        // With a count as well, a snapshot goes only when both say so: the 3 newest stay whatever their age.
        rule.keep = 3;
        QVERIFY(store.prune(rule).ok());
        QCOMPARE(store.list(web).value.size(), 4); // 1, 20, 31 and the named one; 40 went
        rule.keep.reset();
        QVERIFY(store.prune(rule).ok());
        QStringList left;
        for (const SnapshotRecord &r : store.list(web).value)
            left << QString::fromLatin1(store.read(*r.file(u"png")).value);
        QCOMPARE(left, (QStringList{QStringLiteral("1"), QStringLiteral("20"), QStringLiteral("50")}));
    }

    void renameNoteRemoveAndLatest()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        const SnapshotSource web = blueprint(QStringLiteral("b1"));
        const QDateTime t = QDateTime::currentDateTimeUtc();
        const qint64 first = store.add(snapshot(web, "one", "{}", t.addSecs(-60))).value.id;
        const qint64 second = store.add(snapshot(web, "two", "{}", t)).value.id;
        QCOMPARE(store.latest(web).value.id, second);
        QCOMPARE(store.latest(web, 1).value.id, first);
        QCOMPARE(store.latest(web, 2).error.kind, HistoryError::Kind::NotFound);
        QCOMPARE(store.latest(blueprint(QStringLiteral("other"))).error.kind, HistoryError::Kind::NotFound);

        QVERIFY(!store.rename(first, QStringLiteral("good state")));
        QVERIFY(!store.setNote(first, QStringLiteral("before the VPC change")));
        QCOMPARE(store.get(first).value.name, QStringLiteral("good state"));
        QCOMPARE(store.get(first).value.note, QStringLiteral("before the VPC change"));
        QVERIFY(!store.rename(first, QString()));
        QVERIFY(store.get(first).value.name.isEmpty());
        QCOMPARE(store.rename(12345, QStringLiteral("x")).kind, HistoryError::Kind::NotFound);

        const QString twoPath = store.get(second).value.file(u"png")->path;
        const auto removed = store.remove(second);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value.snapshotsRemoved, 1);
        QCOMPARE(removed.value.filesRemoved, 1); // "two"; "{}" is still used by the first
        QVERIFY(!QFile::exists(twoPath));
        QVERIFY(QFile::exists(store.get(first).value.file(u"json")->path));
        QCOMPARE(store.remove(second).error.kind, HistoryError::Kind::NotFound);
    }

    void garbageCollectionSweepsOrphans()
    {
        SnapshotStore store(freshRoot());
        QVERIFY(!store.open());
        QVERIFY(store.add(snapshot(blueprint(QStringLiteral("b1")), "kept")).ok());
        // What a writer killed between its files and its row leaves behind.
        const auto orphan = store.blobs().put("orphan");
        QVERIFY(orphan.ok());
        QFile temp(QFileInfo(store.blobs().pathFor(orphan.value)).path() + QStringLiteral("/half-written.tmp"));
        QVERIFY(temp.open(QIODevice::WriteOnly));
        temp.close();
        const auto swept = store.collectGarbage(0s);
        QVERIFY(swept.ok());
        QCOMPARE(swept.value.filesRemoved, 2);
        QVERIFY(!QFile::exists(store.blobs().pathFor(orphan.value)));
        QVERIFY(!temp.exists());
        QCOMPARE(countObjects(store), 2);
        // A damaged file is reported, not returned.
        const SnapshotFile png = *store.list().value.first().file(u"png");
        QFile::setPermissions(png.path, QFile::ReadOwner | QFile::WriteOwner);
        QFile damaged(png.path);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("tampered");
        damaged.close();
        QCOMPARE(store.read(png).error.kind, HistoryError::Kind::Corrupt);
    }

    void schemaVersionAndMigration()
    {
        // An empty database (user_version 0) is brought up to the current schema.
        const QString root = freshRoot();
        QVERIFY(QDir().mkpath(root));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-v0"));
            raw.setDatabaseName(root + QStringLiteral("/history.sqlite"));
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE unrelated (x)"));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-v0"));
        {
            SnapshotStore store(root);
            QVERIFY(!store.open());
            QCOMPARE(store.database().pragma(QStringLiteral("user_version")), QStringLiteral("1"));
            QVERIFY(store.add(snapshot(blueprint(QStringLiteral("b1")), "x")).ok());
        }
        // A database from a newer version is refused with a sentence, and left alone.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-v99"));
            raw.setDatabaseName(root + QStringLiteral("/history.sqlite"));
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = 99")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-v99"));
        SnapshotStore newer(root);
        const HistoryError error = newer.open();
        QCOMPARE(error.kind, HistoryError::Kind::TooNew);
        QVERIFY2(error.message.contains(QStringLiteral("newer version")), qPrintable(error.message));
    }

    void damagedDatabaseIsASentence()
    {
        const QString root = freshRoot();
        QVERIFY(QDir().mkpath(root));
        QFile garbage(root + QStringLiteral("/history.sqlite"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        garbage.close();
        SnapshotStore store(root);
        const HistoryError error = store.open();
        QCOMPARE(error.kind, HistoryError::Kind::Corrupt);
        QVERIFY2(error.message.contains(QStringLiteral("damaged")), qPrintable(error.message));
        QCOMPARE(store.list().error.kind, HistoryError::Kind::Io); // not open: refused, no crash
    }

    void lockedPastTheTimeoutIsASentence()
    {
        SnapshotStore store(freshRoot(), 300);
        QVERIFY(!store.open());
        // Another writer (here a second connection) holds the write lock longer than our busy timeout.
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(store.database().path());
        QVERIFY(holder.open());
        QVERIFY(QSqlQuery(holder).exec(QStringLiteral("BEGIN IMMEDIATE")));
        QElapsedTimer timer;
        timer.start();
        const auto added = store.add(snapshot(blueprint(QStringLiteral("b1")), "blocked"));
        const qint64 waited = timer.elapsed();
        QVERIFY(QSqlQuery(holder).exec(QStringLiteral("ROLLBACK")));
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(added.error.kind, HistoryError::Kind::Locked);
        QVERIFY2(added.error.message.contains(QStringLiteral("locked")), qPrintable(added.error.message));
        QVERIFY2(waited >= 250, qPrintable(QString::number(waited))); // it waited for the lock first
        QVERIFY(store.add(snapshot(blueprint(QStringLiteral("b1")), "now free")).ok());
    }

    void references()
    {
        QString error;
        const auto a = SnapshotSource::parse(QStringLiteral("aws:f0000000-0000-4000-8000-000000000001/us-east-1"), &error);
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, SnapshotSource::Kind::Aws);
        QCOMPARE(a->region, QStringLiteral("us-east-1"));
        QCOMPARE(a->reference(), QStringLiteral("aws:f0000000-0000-4000-8000-000000000001/us-east-1"));
        QVERIFY(SnapshotSource::parse(QStringLiteral("azure:x/eastus"), &error).has_value());
        QVERIFY(SnapshotSource::parse(QStringLiteral("blueprint:abc"), &error).has_value());
        QVERIFY(!SnapshotSource::parse(QStringLiteral("aws:abc"), &error).has_value());
        QVERIFY(SnapshotSource::parse(QStringLiteral("aws:abc"), &error, true).has_value());
        QVERIFY(!SnapshotSource::parse(QStringLiteral("gcp:abc/x"), &error).has_value());
        QVERIFY(!SnapshotSource::parse(QStringLiteral("blueprint:../../etc"), &error).has_value());
        QVERIFY(error.contains(QStringLiteral("blueprint:<id>")));
    }
};

QTEST_GUILESS_MAIN(TstSnapshotStore)
#include "tst_snapshotstore.moc"
