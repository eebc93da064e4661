// CacheSettingsPage on a real cache directory: it shows what the cache holds, follows it live, applies and saves the
// size limit, and Clear empties the cache (files included).

#include "cachesettingspage.h"

#include "cache/rendercache.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;

class TestCacheSettingsPage final : public QObject
{
    Q_OBJECT

private:
    static QStringList entryFiles(const QString &dir)
    {
        QStringList files = QDir(dir).entryList(QDir::Files);
        files.removeAll(QStringLiteral("index.json"));
        return files;
    }

private Q_SLOTS:
    void showsUsageLimitAndClears()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        const QString cacheDir = dir.filePath(QStringLiteral("cache"));
        RenderCache cache(cacheDir);
        QVERIFY(cache.insert(QStringLiteral("render/a"), QByteArray(3 * 1024 * 1024, 'a'), QStringLiteral("image/png")));

        CacheSettingsPage page(cache, settings);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *usage = page.findChild<QLabel *>(QStringLiteral("cacheUsageLabel"));
        auto *location = page.findChild<QLabel *>(QStringLiteral("cacheLocationLabel"));
        auto *limit = page.findChild<QSpinBox *>(QStringLiteral("cacheLimitSpinBox"));
        auto *clear = page.findChild<QPushButton *>(QStringLiteral("clearCacheButton"));
        QVERIFY(usage && location && limit && clear);
        for (QWidget *control : std::initializer_list<QWidget *>{usage, location, limit, clear})
            QVERIFY(!control->accessibleName().isEmpty());

        QVERIFY2(usage->text().contains(QLocale().formattedDataSize(3 * 1024 * 1024)), qPrintable(usage->text()));
        QVERIFY(usage->text().contains(QLatin1String("1 item")));
        QCOMPARE(location->text(), QDir(cacheDir).absolutePath());
        QCOMPARE(limit->value(), 512);

        // It follows the cache while open.
        QVERIFY(cache.insert(QStringLiteral("render/b"), QByteArray(1024 * 1024, 'b')));
        QVERIFY2(usage->text().contains(QLatin1String("2 item")), qPrintable(usage->text()));

        // The limit applies at once and is saved for the next start.
        limit->setValue(64);
        QCOMPARE(cache.maxBytes(), qint64(64) * 1024 * 1024);
        QCOMPARE(CacheSettingsPage::savedLimit(settings), qint64(64) * 1024 * 1024);

        // Clear: nothing left, on screen or on disk.
        QVERIFY(clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(cache.count(), 0);
        QVERIFY(entryFiles(cacheDir).isEmpty());
        QVERIFY2(usage->text().contains(QLatin1String("0 item")), qPrintable(usage->text()));
        QVERIFY(!clear->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("cacheResultLabel"))->text().startsWith(QLatin1String("Cleared")));
    }

    void withoutASignedInProfile()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        QCOMPARE(CacheSettingsPage::savedLimit(settings), RenderCache::kDefaultMaxBytes);
        RenderCache cache; // not opened yet
        CacheSettingsPage page(cache, settings);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("clearCacheButton"))->isEnabled());
        QVERIFY(!page.usageText().isEmpty());
    }
};

QTEST_MAIN(TestCacheSettingsPage)
#include "tst_cachesettingspage.moc"
