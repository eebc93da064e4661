// RELIABILITY.md rows 24 and 25 with real processes: several writers insert snapshots into one history at the same
// time, and writers killed with SIGKILL at random moments never damage it.

#include "history/snapshotstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Cloudcraft::Core;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<QProcess> startWriter(const QString &root, int count, const QString &tag)
{
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral(SNAPSHOT_WRITER_BINARY), {root, QString::number(count), tag});
    return process;
}

/// The n of every `saved <id> <n>` line, and the ids.
QSet<qint64> savedIds(const QByteArray &out)
{
    QSet<qint64> ids;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts.at(0) == "saved")
            ids.insert(parts.at(1).toLongLong());
    }
    return ids;
}

/// Every row's files are there, complete and matching their hash; returns a description of the first problem.
QString checkFiles(SnapshotStore &store, const QList<SnapshotRecord> &records)
{
    for (const SnapshotRecord &r : records) {
        if (r.files.size() != 2)
            return QStringLiteral("snapshot %1 has %2 files").arg(r.id).arg(r.files.size());
        for (const SnapshotFile &f : r.files) {
            const auto read = store.read(f);
            if (!read.ok())
                return QStringLiteral("snapshot %1: %2").arg(r.id).arg(read.error.message);
        }
    }
    return {};
}

} // namespace

class TstSnapshotConcurrency final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void threeWritersAtOnce()
    {
        constexpr int kWriters = 3;
        constexpr int kEach = 200;
        const QString root = m_tmp.filePath(QStringLiteral("concurrent"));
        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int w = 0; w < kWriters; ++w)
            writers.push_back(startWriter(root, kEach, QStringLiteral("w%1").arg(w)));
        for (int w = 0; w < kWriters; ++w) {
            QProcess &p = *writers[size_t(w)];
            QVERIFY2(p.waitForFinished(90000), "writer did not finish");
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(!err.contains("locked"), err.constData());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
            QCOMPARE(savedIds(p.readAllStandardOutput()).size(), kEach);
        }
        qInfo("%d writers x %d snapshots in %lld ms", kWriters, kEach, timer.elapsed());

        SnapshotStore store(root);
        QVERIFY(!store.open());
        const auto integrity = store.database().integrityCheck();
        QVERIFY(integrity.ok());
        QCOMPARE(integrity.value, QStringLiteral("ok"));
        const auto all = store.list();
        QVERIFY(all.ok());
        QCOMPARE(all.value.size(), kWriters * kEach);
        QSet<QString> notes;
        for (const SnapshotRecord &r : all.value)
            notes.insert(r.note);
        QCOMPARE(notes.size(), kWriters * kEach);
        for (int w = 0; w < kWriters; ++w) {
            QVERIFY(notes.contains(QStringLiteral("w%1-0").arg(w)));
            QVERIFY(notes.contains(QStringLiteral("w%1-%2").arg(w).arg(kEach - 1)));
        }
        const QString problem = checkFiles(store, all.value);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // 600 images plus one shared document per writer.
        QCOMPARE(store.blobs().hashes().size(), kWriters * kEach + kWriters);
    }

    void killedWritersNeverDamageTheHistory()
    {
        constexpr int kRounds = 40;
        const QString root = m_tmp.filePath(QStringLiteral("killed"));
        QRandomGenerator random(20261126);
        int interruptedRows = 0;
        int roundsWithSaves = 0;
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < kRounds; ++round) {
            const QString tag = QStringLiteral("k%1").arg(round);
            auto writer = startWriter(root, 100000, tag);
            QVERIFY(writer->waitForStarted(10000));
            QTest::qWait(int(random.bounded(201))); // 0..200 ms, then SIGKILL mid-whatever
            writer->kill();
            QVERIFY(writer->state() == QProcess::NotRunning || writer->waitForFinished(10000));
            QVERIFY2(writer->exitStatus() == QProcess::CrashExit, writer->readAllStandardError().constData());
            const QSet<qint64> saved = savedIds(writer->readAllStandardOutput());
            roundsWithSaves += saved.isEmpty() ? 0 : 1;

            SnapshotStore store(root);
            const HistoryError opened = store.open();
            QVERIFY2(!opened, qPrintable(opened.message));
            const auto integrity = store.database().integrityCheck();
            QVERIFY(integrity.ok());
            QCOMPARE(integrity.value, QStringLiteral("ok"));
            const auto all = store.list();
            QVERIFY(all.ok());
            QSet<qint64> present;
            int rowsOfThisRound = 0;
            for (const SnapshotRecord &r : all.value) {
                present.insert(r.id);
                rowsOfThisRound += r.note.startsWith(tag + u'-') ? 1 : 0;
            }
            for (const qint64 id : saved)
                QVERIFY2(present.contains(id), qPrintable(QStringLiteral("round %1: saved snapshot %2 is gone").arg(round).arg(id)));
            // Committed but killed before it could say so: at most the one in flight.
            QVERIFY2(rowsOfThisRound - saved.size() <= 1,
                     qPrintable(QStringLiteral("round %1: %2 rows, %3 reported").arg(round).arg(rowsOfThisRound).arg(saved.size())));
            interruptedRows += int(rowsOfThisRound - saved.size());
            const QString problem = checkFiles(store, all.value);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problem)));
        }
        QVERIFY2(roundsWithSaves > 0, "no writer ever got to save a snapshot: the kills came too early to test anything");

        // Leftovers (files written before a row that never came) are swept; everything named stays.
        SnapshotStore store(root);
        QVERIFY(!store.open());
        const auto before = store.list();
        const auto swept = store.collectGarbage(0s);
        QVERIFY2(swept.ok(), qPrintable(swept.error.message));
        QSet<QString> referenced;
        for (const SnapshotRecord &r : before.value) {
            for (const SnapshotFile &f : r.files)
                referenced.insert(f.sha256);
        }
        const QStringList stored = store.blobs().hashes();
        QCOMPARE(QSet<QString>(stored.begin(), stored.end()), referenced);
        QVERIFY(checkFiles(store, store.list().value).isEmpty());
        qInfo("%d kills in %lld ms: %lld snapshots kept, %d committed-but-unreported, %d orphan files swept", kRounds,
              timer.elapsed(), static_cast<long long>(before.value.size()), interruptedRows, swept.value.filesRemoved);
    }
};

QTEST_GUILESS_MAIN(TstSnapshotConcurrency)
#include "tst_snapshotconcurrency.moc"
