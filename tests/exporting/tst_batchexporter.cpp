// BatchExporter against the real emulator with its export rate limit on: a batch larger than the budget waits on
// our side (zero 429s in the emulator's request log) and says how long; cancel, skip, failures and a full disk.

#include "api/apiclient.h"
#include "api/requestscheduler.h"
#include "exporting/batchexporter.h"

#include "emulatorprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;
using State = ExportItemStatus::State;

namespace {

// A 64 KiB tmpfs for the full-disk case (RELIABILITY.md row 23), mounted in a private mount namespace before the
// application starts any thread. As root a plain mount namespace is enough; otherwise a user namespace as in
// `unshare -Urm`.
QString g_smallDisk;
QString g_smallDiskProblem;

bool writeProcFile(const char *path, const QByteArray &text)
{
    FILE *f = std::fopen(path, "w");
    if (!f)
        return false;
    const bool ok = std::fwrite(text.constData(), 1, size_t(text.size()), f) == size_t(text.size());
    return std::fclose(f) == 0 && ok;
}

void mountSmallDisk()
{
    char pattern[] = "/tmp/cc-smalldisk-XXXXXX";
    if (!mkdtemp(pattern)) {
        g_smallDiskProblem = QStringLiteral("mkdtemp failed");
        return;
    }
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWNS) != 0) {
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            g_smallDiskProblem = QStringLiteral("no mount namespace: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            rmdir(pattern);
            return;
        }
        writeProcFile("/proc/self/setgroups", "deny");
        writeProcFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1");
        writeProcFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1");
    }
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || mount("tmpfs", pattern, "tmpfs", 0, "size=64k") != 0) {
        g_smallDiskProblem = QStringLiteral("tmpfs mount refused: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        rmdir(pattern);
        return;
    }
    g_smallDisk = QString::fromLocal8Bit(pattern);
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestBatchExporter final : public QObject
{
    Q_OBJECT

public:
    static void initMain() { mountSmallDisk(); }

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    QList<ExportItem> m_blueprints;

    /// Export requests the emulator saw (GET /blueprint/{id}/{format}), in order.
    QList<QJsonObject> exportRequests() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &r : m_emulator.requests()) {
            const QStringList parts = r.value(QLatin1String("path")).toString().split(u'/', Qt::SkipEmptyParts);
            if (r.value(QLatin1String("method")).toString() == u"GET" && parts.size() == 3
                && parts.at(0) == u"blueprint")
                out.append(r);
        }
        return out;
    }

    int tooManyRequests() const
    {
        int count = 0;
        for (const QJsonObject &r : m_emulator.requests())
            count += r.value(QLatin1String("status")).toInt() == 429 ? 1 : 0;
        return count;
    }

    static BatchExporter::Job job(const QList<ExportItem> &items, const QString &dir,
                                  ExportSettings::Format format = ExportSettings::Format::Png)
    {
        BatchExporter::Job j;
        j.items = items;
        j.directory = dir;
        j.settings.format = format;
        j.settings.width = 480;
        j.settings.fileNameTemplate = QStringLiteral("{name}");
        return j;
    }

    static ExportSummary run(BatchExporter &exporter, BatchExporter::Job j, int timeoutMs = 90000)
    {
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        if (!exporter.start(std::move(j)))
            qWarning("start failed: %s", qPrintable(exporter.errorString()));
        if (!finished.wait(timeoutMs) && finished.isEmpty())
            return {};
        return finished.first().first().value<ExportSummary>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options; // the demo workspace, rate limits on
        options.rateExport = QStringLiteral("5/6");
        options.rateGeneral = QStringLiteral("20/6"); // both windows scaled down alike: the test waits seconds, not minutes
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        const QString key = m_emulator.readWriteKey();
        m_client = std::make_unique<ApiClient>(&m_network, endpoint, [key] { return key; });
        // The client's budgets match the server's windows (the real service: 5 exports and 20 other calls per 60 s).
        m_client->scheduler()->setBudget(RateRoute::Export, {5, std::chrono::seconds(6)});
        m_client->scheduler()->setBudget(RateRoute::General, {20, std::chrono::seconds(6)});

        QFile file(m_emulator.workspacePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray blueprints = QJsonDocument::fromJson(file.readAll()).object().value(u"blueprints").toArray();
        for (const QJsonValue &value : blueprints) {
            const QJsonObject bp = value.toObject();
            ExportItem item;
            item.id = bp.value(u"id").toString();
            item.name = bp.value(u"name").toString();
            for (const QJsonValue &tag : bp.value(u"tags").toArray())
                item.tags << tag.toString();
            item.updatedAt = QDateTime::fromString(bp.value(u"updatedAt").toString(), Qt::ISODate);
            m_blueprints.append(item);
        }
        QVERIFY(m_blueprints.size() >= 8);
    }

    void init() { QVERIFY(m_emulator.clearRequests()); }

    void batchLargerThanTheBudgetWaitsAndNeverGets429()
    {
        QTemporaryDir dir;
        BatchExporter exporter(m_client.get());
        const QList<ExportItem> items = m_blueprints.mid(0, 7);
        QSignalSpy waiting(&exporter, &BatchExporter::waitingChanged);
        qint64 longestWaitShown = 0;
        bool sawWaitingRow = false;
        connect(&exporter, &BatchExporter::itemChanged, this, [&](int index) {
            if (exporter.items().at(index).state == State::Waiting) {
                sawWaitingRow = true;
                longestWaitShown = qMax<qint64>(longestWaitShown, exporter.nextExportIn().count());
            }
        });
        QList<double> progress;
        connect(&exporter, &BatchExporter::progressChanged, this, [&](double p) { progress.append(p); });

        QElapsedTimer clock;
        clock.start();
        const ExportSummary summary = run(exporter, job(items, dir.path()));
        QCOMPARE(summary.written, 7);
        QCOMPARE(summary.failed + summary.skipped + summary.cancelled, 0);
        QVERIFY2(clock.elapsed() >= 4000, "the 6th export had to wait for the window");

        // The wait was visible: a row in Waiting, a countdown within the window, and the waiting signal.
        QVERIFY(sawWaitingRow);
        QVERIFY2(longestWaitShown > 0 && longestWaitShown <= 6000, qPrintable(QString::number(longestWaitShown)));
        QVERIFY(!waiting.isEmpty());
        QCOMPARE(waiting.first().first().toBool(), true);
        QCOMPARE(exporter.nextExportIn().count(), 0);

        // Progress only moves forward and ends at 100 %.
        QVERIFY(!progress.isEmpty());
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i) >= progress.at(i - 1));
        QCOMPARE(progress.last(), 1.0);

        // The server saw 7 exports, all answered 200, and not one 429.
        const QList<QJsonObject> exports = exportRequests();
        QCOMPARE(exports.size(), 7);
        for (const QJsonObject &r : exports)
            QCOMPARE(r.value(u"status").toInt(), 200);
        QCOMPARE(tooManyRequests(), 0);

        // Every file is a PNG of the width asked for, named after its blueprint.
        for (const ExportItemStatus &status : summary.items) {
            QCOMPARE(QFileInfo(status.filePath).fileName(), status.item.name + QStringLiteral(".png"));
            QImage image;
            QVERIFY2(image.load(status.filePath, "PNG"), qPrintable(status.filePath));
            QCOMPARE(image.width(), 480);
        }
        QCOMPARE(listing(dir.path()).size(), 7);
    }

    void unchangedExistingAndKeepBoth()
    {
        QTemporaryDir dir;
        const QList<ExportItem> items = m_blueprints.mid(0, 2);
        BatchExporter exporter(m_client.get());
        ExportSummary first = run(exporter, job(items, dir.path()));
        QCOMPARE(first.written, 2);
        const QString path = first.items.at(0).filePath;
        const QDateTime written = QFileInfo(path).lastModified();

        // Same bytes again: nothing is rewritten.
        const ExportSummary again = run(exporter, job(items, dir.path()));
        QCOMPARE(again.written, 0);
        QCOMPARE(again.skipped, 2);
        QCOMPARE(again.items.at(0).skipReason, ExportItemStatus::SkipReason::Unchanged);
        QCOMPARE(QFileInfo(path).lastModified(), written);

        // "Skip existing" does not even ask the server.
        QVERIFY(m_emulator.clearRequests());
        BatchExporter::Job skip = job(items, dir.path());
        skip.settings.existingFiles = ExportSettings::ExistingFiles::Skip;
        const ExportSummary skipped = run(exporter, skip);
        QCOMPARE(skipped.skipped, 2);
        QCOMPARE(skipped.items.at(1).skipReason, ExportItemStatus::SkipReason::Exists);
        QCOMPARE(exportRequests().size(), 0);

        // "Keep both" next to a different file of the same name; "Overwrite" replaces it.
        QFile other(path);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("an older diagram");
        other.close();
        BatchExporter::Job keep = job(items.mid(0, 1), dir.path());
        keep.settings.existingFiles = ExportSettings::ExistingFiles::KeepBoth;
        const ExportSummary kept = run(exporter, keep);
        QCOMPARE(kept.written, 1);
        QCOMPARE(QFileInfo(kept.items.at(0).filePath).fileName(), items.at(0).name + QStringLiteral(" (2).png"));
        QCOMPARE(readAll(path), QByteArray("an older diagram"));
        BatchExporter::Job overwrite = job(items.mid(0, 1), dir.path());
        overwrite.settings.existingFiles = ExportSettings::ExistingFiles::Overwrite;
        const ExportSummary replaced = run(exporter, overwrite);
        QCOMPARE(replaced.written, 1);
        QCOMPARE(replaced.items.at(0).filePath, path);
        QCOMPARE(readAll(path), readAll(kept.items.at(0).filePath));
        QCOMPARE(tooManyRequests(), 0);
    }

    void oneFailureIsReportedWhileTheOthersAreWritten()
    {
        QTemporaryDir dir;
        const QList<ExportItem> items = m_blueprints.mid(2, 3);
        const QString broken = items.at(1).id;
        QVERIFY(m_emulator.addFault(QStringLiteral("GET"), QStringLiteral("^/blueprint/%1/png$").arg(broken),
                                    QStringLiteral("status:404")));
        BatchExporter exporter(m_client.get());
        const ExportSummary summary = run(exporter, job(items, dir.path()));
        QVERIFY(m_emulator.clearFaults());
        QCOMPARE(summary.written, 2);
        QCOMPARE(summary.failed, 1);
        const ExportItemStatus &failed = summary.items.at(1);
        QCOMPARE(failed.state, State::Failed);
        QCOMPARE(failed.error.kind(), ApiError::Kind::NotFound);
        QVERIFY2(!failed.reason.isEmpty(), "the failure says why");
        QVERIFY(!QFile::exists(failed.filePath));
        QVERIFY(QFile::exists(summary.items.at(0).filePath));
        QVERIFY(QFile::exists(summary.items.at(2).filePath));
        QCOMPARE(listing(dir.path()).size(), 2);
    }

    void cancelStopsTheBatchCleanly()
    {
        QTemporaryDir dir;
        BatchExporter exporter(m_client.get());
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        QVERIFY(exporter.start(job(m_blueprints.mid(0, 7), dir.path())));
        // Cancel once two files are written (the third is in flight or waiting for the budget).
        QTRY_VERIFY_WITH_TIMEOUT(exporter.summary().written >= 2, 60000);
        exporter.cancel();
        QVERIFY(finished.wait(10000) || !finished.isEmpty());
        const ExportSummary summary = finished.first().first().value<ExportSummary>();
        QVERIFY(summary.cancelledByUser);
        QVERIFY(summary.written >= 2);
        QVERIFY(summary.cancelled >= 1);
        QCOMPARE(summary.written + summary.cancelled, 7);
        QVERIFY(!exporter.isRunning());
        // No half-written or temporary files, and nothing else is asked of the server afterwards.
        QCOMPARE(listing(dir.path()).size(), summary.written);
        const qsizetype asked = exportRequests().size();
        QTest::qWait(1500);
        QCOMPARE(exportRequests().size(), asked);
        QCOMPARE(scheduler()->queuedCount(), 0);
        QCOMPARE(tooManyRequests(), 0);
    }

    void jsonAndBudgetFormats()
    {
        QTemporaryDir dir;
        BatchExporter exporter(m_client.get());
        const QList<ExportItem> items = m_blueprints.mid(5, 2);
        BatchExporter::Job json = job(items, dir.path(), ExportSettings::Format::Json);
        json.settings.fileNameTemplate = QStringLiteral("{shortid}-{format}");
        const ExportSummary jsonSummary = run(exporter, json);
        QCOMPARE(jsonSummary.written, 2);
        const QString jsonPath = jsonSummary.items.at(0).filePath;
        QCOMPARE(QFileInfo(jsonPath).fileName(), items.at(0).id.left(8) + QStringLiteral("-json.json"));
        const QJsonObject record = QJsonDocument::fromJson(readAll(jsonPath)).object();
        QCOMPARE(record.value(u"id").toString(), items.at(0).id);
        QVERIFY(record.value(u"data").isObject());

        BatchExporter::Job budget = job(items.mid(0, 1), dir.path(), ExportSettings::Format::BudgetCsv);
        const ExportSummary budgetSummary = run(exporter, budget);
        QCOMPARE(budgetSummary.written, 1);
        QVERIFY(budgetSummary.items.at(0).filePath.endsWith(QLatin1String(".csv")));
        QVERIFY(readAll(budgetSummary.items.at(0).filePath).contains(','));
    }

    void fullDiskKeepsThePreviousFile()
    {
        if (g_smallDisk.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no small tmpfs here (%1)").arg(g_smallDiskProblem)));
        const ExportItem item = m_blueprints.at(0);
        const QString target = QDir(g_smallDisk).filePath(item.name + QStringLiteral(".png"));
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        const QByteArray previous(1000, 'p');
        old.write(previous);
        old.close();
        // Fill the rest of the 64 KiB.
        QFile filler(QDir(g_smallDisk).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray chunk(512, 'f');
        while (filler.write(chunk) == chunk.size()) {
        }
        filler.close();
        QVERIFY(filler.size() > 32 * 1024);
        // Leave 8 KiB: the export starts writing and runs out midway, the case QSaveFile alone would commit truncated.
        QVERIFY(filler.resize(filler.size() - 8192));
        const QStringList before = listing(g_smallDisk);

        BatchExporter exporter(m_client.get());
        BatchExporter::Job j = job({item}, g_smallDisk);
        j.settings.width = 1920;
        j.settings.existingFiles = ExportSettings::ExistingFiles::Overwrite;
        const ExportSummary summary = run(exporter, j);
        QCOMPARE(summary.items.size(), 1);
        const ExportItemStatus &status = summary.items.at(0);
        QVERIFY2(summary.failed == 1, qPrintable(QStringLiteral("state %1, %2 bytes, %3")
                                                     .arg(int(status.state))
                                                     .arg(status.total)
                                                     .arg(status.reason)));
        QVERIFY2(status.diskFull, qPrintable(status.reason));
        QVERIFY2(status.reason.contains(QLatin1String("disk is full")), qPrintable(status.reason));
        QCOMPARE(readAll(target), previous);
        QCOMPARE(listing(g_smallDisk), before);
        QVERIFY2(status.total > 8192, "the render was larger than the space left");
    }

    void cleanupTestCase()
    {
        if (!g_smallDisk.isEmpty()) {
            umount2(g_smallDisk.toLocal8Bit().constData(), MNT_DETACH);
            QDir().rmdir(g_smallDisk);
        }
    }

private:
    RequestScheduler *scheduler() const { return m_client->scheduler(); }
};

QTEST_GUILESS_MAIN(TestBatchExporter)
#include "tst_batchexporter.moc"
