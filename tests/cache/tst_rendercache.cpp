// RenderCache on a real directory: keys, restart, LRU eviction under the limit, pinned lists, damaged files and
// index, permissions, and the per-profile/per-origin directories.

#include "cache/cachekeys.h"
#include "cache/rendercache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Cloudcraft::Core;

namespace {

QByteArray bytes(char fill, int size)
{
    return QByteArray(size, fill);
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

/// Files of the cache directory that hold entries (everything but the index).
QStringList entryFiles(const QString &dir)
{
    QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    files.removeAll(QStringLiteral("index.json"));
    return files;
}

} // namespace

class TestRenderCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysNameEverythingTheAnswerDependsOn()
    {
        const QString id = QStringLiteral("a6f3c9e2-0000-4000-8000-000000000001");
        const QDateTime v1 = at("2026-01-05T09:00:00.000Z");
        const QDateTime v2 = at("2026-01-05T09:00:00.001Z");
        ExportOptions small;
        small.width = 800;
        small.height = 600;
        ExportOptions large = small;
        large.width = 1600;
        ExportOptions dark = small;
        dark.theme = QStringLiteral("dark");

        const QString key = CacheKeys::render(id, v1, ExportFormat::Png, small);
        QCOMPARE(key, CacheKeys::render(id, v1, ExportFormat::Png, small));
        QVERIFY(key != CacheKeys::render(id, v2, ExportFormat::Png, small)); // one millisecond newer
        QVERIFY(key != CacheKeys::render(id, v1, ExportFormat::Svg, small));
        QVERIFY(key != CacheKeys::render(id, v1, ExportFormat::Png, large));
        QVERIFY(key != CacheKeys::render(id, v1, ExportFormat::Png, dark));
        QVERIFY(key != CacheKeys::render(QStringLiteral("other"), v1, ExportFormat::Png, small));
        QCOMPARE(CacheKeys::renderSize(key), QSize(800, 600));
        // Sizes of one render share a prefix; other options do not.
        const QString prefix = CacheKeys::renderPrefix(id, v1, ExportFormat::Png, small);
        QVERIFY(key.startsWith(prefix));
        QVERIFY(CacheKeys::render(id, v1, ExportFormat::Png, large).startsWith(prefix));
        QVERIFY(!CacheKeys::render(id, v1, ExportFormat::Png, dark).startsWith(prefix));
        // The same instant in another time zone is the same version.
        QCOMPARE(CacheKeys::render(id, v1.toTimeZone(QTimeZone(3600)), ExportFormat::Png, small), key);

        // No version, no caching.
        QVERIFY(CacheKeys::render(id, QDateTime(), ExportFormat::Png, small).isEmpty());
        QVERIFY(CacheKeys::document(id, QDateTime()).isEmpty());
        QVERIFY(CacheKeys::document(id, v1) != CacheKeys::document(id, v2));

        // Live snapshots: one key per bucket, same prefix across buckets.
        const QDateTime t0 = at("2026-01-05T09:00:00.000Z");
        const QString s0 = CacheKeys::snapshot(QStringLiteral("aws"), QStringLiteral("acc"), QStringLiteral("us-east-1"),
                                               ExportFormat::Json, t0);
        QCOMPARE(CacheKeys::snapshot(QStringLiteral("aws"), QStringLiteral("acc"), QStringLiteral("us-east-1"),
                                     ExportFormat::Json, t0.addSecs(14 * 60)),
                 s0);
        const QString s1 = CacheKeys::snapshot(QStringLiteral("aws"), QStringLiteral("acc"), QStringLiteral("us-east-1"),
                                               ExportFormat::Json, t0.addSecs(15 * 60));
        QVERIFY(s1 != s0);
        const QString snapshotPrefix = CacheKeys::snapshotPrefix(QStringLiteral("aws"), QStringLiteral("acc"),
                                                                 QStringLiteral("us-east-1"), ExportFormat::Json);
        QVERIFY(s0.startsWith(snapshotPrefix) && s1.startsWith(snapshotPrefix));
    }

    void storesAndSurvivesARestart()
    {
        QTemporaryDir dir;
        const QByteArray png = bytes('p', 4096);
        {
            RenderCache cache(dir.path());
            QVERIFY(cache.isOpen());
            QVERIFY(cache.insert(QStringLiteral("render/a/v1/png/-/800x600"), png, QStringLiteral("image/png")));
            QVERIFY(cache.insert(QStringLiteral("list/blueprints"), "[]", QStringLiteral("application/json"), true));
            QCOMPARE(cache.count(), 2);
            QCOMPARE(cache.totalSize(), png.size() + 2);
        } // destroyed: the index is written
        RenderCache reopened(dir.path());
        QCOMPARE(reopened.count(), 2);
        QCOMPARE(reopened.totalSize(), png.size() + 2);
        const auto entry = reopened.find(QStringLiteral("render/a/v1/png/-/800x600"));
        QVERIFY(entry.has_value());
        QCOMPARE(entry->data, png);
        QCOMPARE(entry->contentType, QStringLiteral("image/png"));
        QVERIFY(qAbs(entry->storedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(!reopened.find(QStringLiteral("render/a/v2/png/-/800x600")).has_value());
    }

    void replacingAnEntryKeepsOneFile()
    {
        QTemporaryDir dir;
        RenderCache cache(dir.path());
        QVERIFY(cache.insert(QStringLiteral("k"), bytes('a', 100)));
        QVERIFY(cache.insert(QStringLiteral("k"), bytes('b', 50)));
        QCOMPARE(cache.count(), 1);
        QCOMPARE(cache.totalSize(), 50);
        QCOMPARE(cache.find(QStringLiteral("k"))->data, bytes('b', 50));
        QCOMPARE(entryFiles(dir.path()).size(), 1);
    }

    void evictsTheLeastRecentlyUsedOverTheLimit()
    {
        QTemporaryDir dir;
        RenderCache cache(dir.path(), 1000);
        QVERIFY(cache.insert(QStringLiteral("list/blueprints"), bytes('l', 100), {}, true)); // pinned
        QVERIFY(cache.insert(QStringLiteral("a"), bytes('a', 300)));
        QVERIFY(cache.insert(QStringLiteral("b"), bytes('b', 300)));
        QVERIFY(cache.insert(QStringLiteral("c"), bytes('c', 300)));
        QCOMPARE(cache.totalSize(), 1000);
        QVERIFY(cache.find(QStringLiteral("a")).has_value()); // a is now more recent than b

        QSignalSpy changed(&cache, &RenderCache::changed);
        QVERIFY(cache.insert(QStringLiteral("d"), bytes('d', 300)));
        QVERIFY(changed.count() >= 1);
        QVERIFY(!cache.contains(QStringLiteral("b")));
        QVERIFY(cache.contains(QStringLiteral("a")));
        QVERIFY(cache.contains(QStringLiteral("c")));
        QVERIFY(cache.contains(QStringLiteral("d")));
        QVERIFY(cache.contains(QStringLiteral("list/blueprints")));
        QVERIFY(cache.totalSize() <= 1000);
        QCOMPARE(entryFiles(dir.path()).size(), cache.count());

        // The order survives a restart: c is the oldest now.
        QVERIFY(cache.flush());
        RenderCache reopened(dir.path(), 1000);
        QVERIFY(reopened.insert(QStringLiteral("e"), bytes('e', 300)));
        QVERIFY(!reopened.contains(QStringLiteral("c")));
        QVERIFY(reopened.contains(QStringLiteral("a")));

        // A lower limit evicts at once; pinned entries stay; an entry over the limit is refused.
        reopened.setMaxBytes(150);
        QCOMPARE(reopened.count(), 1);
        QVERIFY(reopened.contains(QStringLiteral("list/blueprints")));
        QVERIFY(!reopened.insert(QStringLiteral("huge"), bytes('h', 151)));
        QVERIFY(!reopened.contains(QStringLiteral("huge")));
    }

    void entriesWithPrefixListsNewestFirst()
    {
        QTemporaryDir dir;
        RenderCache cache(dir.path());
        QVERIFY(cache.insert(QStringLiteral("snapshot/aws/acc/us-east-1/json/1"), "{}"));
        QTest::qWait(5);
        QVERIFY(cache.insert(QStringLiteral("snapshot/aws/acc/us-east-1/json/2"), "{\"a\":1}"));
        QVERIFY(cache.insert(QStringLiteral("snapshot/aws/acc/eu-west-1/json/2"), "{}"));
        const QList<CacheEntryInfo> infos = cache.entriesWithPrefix(QStringLiteral("snapshot/aws/acc/us-east-1/"));
        QCOMPARE(infos.size(), 2);
        QCOMPARE(infos.at(0).key, QStringLiteral("snapshot/aws/acc/us-east-1/json/2"));
        QCOMPARE(infos.at(0).size, 7);
    }

    void damagedFilesAreDroppedNotServed()
    {
        QTemporaryDir dir;
        {
            RenderCache cache(dir.path());
            QVERIFY(cache.insert(QStringLiteral("same-size"), bytes('x', 64)));
            QVERIFY(cache.insert(QStringLiteral("truncated"), bytes('y', 64)));
            QVERIFY(cache.insert(QStringLiteral("missing"), bytes('z', 64)));
            QVERIFY(cache.insert(QStringLiteral("fine"), bytes('f', 64)));
        }
        const QStringList files = entryFiles(dir.path());
        QCOMPARE(files.size(), 4);
        // Entry files are named by the SHA-1 of their key (see RenderCache).
        auto pathOf = [&](const QString &key) {
            return dir.filePath(QString::fromLatin1(
                QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex()));
        };
        const QString sameSize = pathOf(QStringLiteral("same-size"));
        const QString truncated = pathOf(QStringLiteral("truncated"));
        const QString missing = pathOf(QStringLiteral("missing"));
        QVERIFY(QFileInfo::exists(sameSize) && QFileInfo::exists(truncated) && QFileInfo::exists(missing));
        {
            QFile f(sameSize);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(10);
            f.write("garbage"); // same size, different content
        }
        {
            QFile f(truncated);
            QVERIFY(f.resize(10));
        }
        QVERIFY(QFile::remove(missing));
        QFile stray(dir.filePath(QStringLiteral("0123456789abcdef0123456789abcdef01234567")));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("left by a crash");
        stray.close();
        QFile foreign(dir.filePath(QStringLiteral("README")));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.close();

        RenderCache cache;
        QVERIFY(cache.open(dir.path()));
        // Wrong size and missing file: dropped when the index is read.
        QVERIFY(!cache.contains(QStringLiteral("truncated")));
        QVERIFY(!cache.contains(QStringLiteral("missing")));
        QVERIFY(!QFileInfo::exists(truncated));
        QVERIFY(!QFileInfo::exists(stray.fileName())); // ours, unindexed: removed
        QVERIFY(QFileInfo::exists(foreign.fileName())); // not a name we write: left alone
        // Same size, other content: dropped when read.
        QVERIFY(cache.contains(QStringLiteral("same-size")));
        QVERIFY(!cache.find(QStringLiteral("same-size")).has_value());
        QVERIFY(!cache.contains(QStringLiteral("same-size")));
        QVERIFY(!QFileInfo::exists(sameSize));
        QCOMPARE(cache.find(QStringLiteral("fine"))->data, bytes('f', 64));
        QCOMPARE(cache.count(), 1);
        QCOMPARE(cache.totalSize(), 64);
    }

    void aCorruptIndexStartsEmpty_data()
    {
        QTest::addColumn<QByteArray>("index");
        QTest::newRow("garbage") << QByteArray("\x00\xff not json", 14);
        QTest::newRow("truncated") << QByteArray(R"({"version":1,"entries":[{"key":"a","fi)");
        QTest::newRow("wrong version") << QByteArray(R"({"version":99,"entries":[]})");
        QTest::newRow("wrong shapes") << QByteArray(R"({"version":1,"entries":[7,"x",{"key":3},{"key":"k",)"
                                                    R"("file":"../../etc/passwd","size":5,"sha1":"zz"}]})");
        QTest::newRow("empty") << QByteArray();
    }

    void aCorruptIndexStartsEmpty()
    {
        QFETCH(QByteArray, index);
        QTemporaryDir dir;
        {
            RenderCache cache(dir.path());
            QVERIFY(cache.insert(QStringLiteral("a"), bytes('a', 10)));
        }
        QFile file(dir.filePath(QStringLiteral("index.json")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(index);
        file.close();

        RenderCache cache(dir.path());
        QVERIFY(cache.isOpen());
        QVERIFY(!cache.find(QStringLiteral("a")).has_value());
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.totalSize(), 0);
        QVERIFY(entryFiles(dir.path()).isEmpty()); // the unindexed file went too
        // And it works from there.
        QVERIFY(cache.insert(QStringLiteral("b"), bytes('b', 10)));
        QVERIFY(cache.flush());
        RenderCache reopened(dir.path());
        QCOMPARE(reopened.count(), 1);
    }

    void filesArePrivate()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("nested/cache"));
        RenderCache cache(path);
        QVERIFY(cache.insert(QStringLiteral("a"), bytes('a', 10)));
        QVERIFY(cache.flush());
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        // QFileInfo repeats the owner bits as "user" bits for the current user; compare the mode bits only.
        const QFileDevice::Permissions kUserBits = QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
        QCOMPARE(QFileInfo(path).permissions() & ~kUserBits,
                 ownerOnly | QFileDevice::ExeOwner);
        const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files.size(), 2);
        for (const QString &file : files) {
            const auto permissions = QFileInfo(path + u'/' + file).permissions() & ~kUserBits;
            QCOMPARE(permissions, ownerOnly);
        }
    }

    void clearRemovesEverything()
    {
        QTemporaryDir dir;
        RenderCache cache(dir.path());
        QVERIFY(cache.insert(QStringLiteral("a"), bytes('a', 10)));
        QVERIFY(cache.insert(QStringLiteral("list/teams"), bytes('t', 10), {}, true));
        QSignalSpy changed(&cache, &RenderCache::changed);
        QVERIFY(cache.clear());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.totalSize(), 0);
        QVERIFY(entryFiles(dir.path()).isEmpty());
        RenderCache reopened(dir.path());
        QCOMPARE(reopened.count(), 0);
    }

    void closedCacheRefusesPolitely()
    {
        RenderCache cache;
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.insert(QStringLiteral("a"), "x"));
        QVERIFY(!cache.find(QStringLiteral("a")).has_value());
        QVERIFY(!cache.clear());

        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!cache.open(dir.filePath(QStringLiteral("file/sub")))); // a file where a folder should be
        QVERIFY(!cache.errorString().isEmpty());
        QVERIFY(!cache.isOpen());
    }

    void scopesKeepProfilesAndOriginsApart()
    {
        const QString root = QStringLiteral("/r");
        const QUrl api(QStringLiteral("https://api.cloudcraft.co"));
        const QString a = RenderCache::scopeDirectory(root, QStringLiteral("default"), api);
        QVERIFY(a.startsWith(QStringLiteral("/r/default-")));
        QCOMPARE(RenderCache::scopeDirectory(root, QStringLiteral("default"), QUrl(QStringLiteral("https://api.cloudcraft.co/"))), a);
        QCOMPARE(RenderCache::scopeDirectory(root, QStringLiteral("default"), QUrl(QStringLiteral("https://API.cloudcraft.co:443"))), a);
        QVERIFY(RenderCache::scopeDirectory(root, QStringLiteral("work"), api) != a);
        QVERIFY(RenderCache::scopeDirectory(root, QStringLiteral("default"), QUrl(QStringLiteral("https://api.cloudcraft.co:8443"))) != a);
        QVERIFY(RenderCache::scopeDirectory(root, QStringLiteral("default"), QUrl(QStringLiteral("https://govcloud.cloudcraft.co"))) != a);
        // Sanitized names stay apart, and nothing escapes the root.
        QVERIFY(RenderCache::scopeDirectory(root, QStringLiteral("a/b"), api) != RenderCache::scopeDirectory(root, QStringLiteral("a_b"), api));
        const QString sneaky = RenderCache::scopeDirectory(root, QStringLiteral("../.."), api);
        QVERIFY(!sneaky.contains(QStringLiteral("/..")));
        QCOMPARE(QFileInfo(sneaky).path(), root);

        // Opening another scope switches entries.
        QTemporaryDir dir;
        RenderCache cache(RenderCache::scopeDirectory(dir.path(), QStringLiteral("one"), api));
        QVERIFY(cache.insert(QStringLiteral("a"), "1"));
        QVERIFY(cache.open(RenderCache::scopeDirectory(dir.path(), QStringLiteral("two"), api)));
        QVERIFY(!cache.contains(QStringLiteral("a")));
        QVERIFY(cache.open(RenderCache::scopeDirectory(dir.path(), QStringLiteral("one"), api)));
        QCOMPARE(cache.find(QStringLiteral("a"))->data, QByteArray("1"));
    }
};

QTEST_GUILESS_MAIN(TestRenderCache)
#include "tst_rendercache.moc"
