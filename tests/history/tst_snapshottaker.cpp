// SnapshotTaker against the real emulator: what a blueprint snapshot and a live scan hold, progress through the
// 202 "still processing" polls, cancel, and errors as data.

#include "api/apiclient.h"
#include "emulatorprocess.h"
#include "history/snapshottaker.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;

class TstSnapshotTaker final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;

    TakeResult take(const SnapshotSource &source, QStringList *progress = nullptr, const TakeOptions &options = {})
    {
        SnapshotTaker taker(m_client.get());
        QSignalSpy finished(&taker, &SnapshotTaker::finished);
        if (progress)
            connect(&taker, &SnapshotTaker::progress, this, [progress](const QString &m) { progress->append(m); });
        taker.take(source, options);
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<TakeResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TakeResult>();
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        options.rateLimits = false;
        options.snapshotPending = 1; // one 202 before each scan result
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        endpoint.retry.pollDelay = std::chrono::milliseconds(300);
        const QString key = m_emulator.readWriteKey();
        m_client = std::make_unique<ApiClient>(&m_network, endpoint, [key] { return key; });
    }

    void blueprintSnapshot()
    {
        const SnapshotSource source{QStringLiteral("default"), SnapshotSource::Kind::Blueprint,
                                    QStringLiteral("e0000000-0000-4000-8000-000000000001"), {}};
        TakeOptions options;
        options.svg = true;
        options.render.render.width = 800;
        options.render.render.height = 600;
        const TakeResult r = take(source, nullptr, options);
        QVERIFY2(r.ok(), qPrintable(r.error.userMessage()));
        QCOMPARE(r.snapshot.title, QStringLiteral("Web tier"));
        QVERIFY(r.snapshot.updatedAt.isValid());
        QVERIFY(r.snapshot.takenAt.isValid());
        QCOMPARE(QImage::fromData(r.snapshot.png, "PNG").size(), QSize(800, 600));
        QVERIFY(r.snapshot.svg.contains("<svg"));
        QCOMPARE(QJsonDocument::fromJson(r.snapshot.json).object().value(QLatin1String("name")).toString(), QStringLiteral("Web tier"));
    }

    void liveScanWaitsThrough202WithProgress()
    {
        const SnapshotSource source{QStringLiteral("default"), SnapshotSource::Kind::Aws,
                                    QStringLiteral("f0000000-0000-4000-8000-000000000001"), QStringLiteral("us-east-1")};
        QStringList progress;
        const TakeResult r = take(source, &progress);
        QVERIFY2(r.ok(), qPrintable(r.error.userMessage()));
        QVERIFY(!QImage::fromData(r.snapshot.png, "PNG").isNull());
        QVERIFY(QJsonDocument::fromJson(r.snapshot.json).object().value(QLatin1String("data")).toObject().contains(QLatin1String("nodes")));
        QVERIFY2(progress.filter(QStringLiteral("still running")).size() >= 2, qPrintable(progress.join(u'\n')));
        QVERIFY(progress.first().startsWith(QStringLiteral("Scanning aws:")));
    }

    void cancelDuringTheWait()
    {
        const SnapshotSource source{QStringLiteral("default"), SnapshotSource::Kind::Azure,
                                    QStringLiteral("f0000000-0000-4000-8000-000000000002"), QStringLiteral("eastus")};
        SnapshotTaker taker(m_client.get());
        QSignalSpy finished(&taker, &SnapshotTaker::finished);
        connect(&taker, &SnapshotTaker::progress, &taker, [&taker](const QString &m) {
            if (m.contains(QStringLiteral("still running")))
                taker.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        taker.take(source);
        QVERIFY(finished.wait(30000));
        const TakeResult r = finished.first().first().value<TakeResult>();
        QCOMPARE(r.error.kind(), ApiError::Kind::Cancelled);
        QVERIFY(r.snapshot.png.isEmpty());
        QVERIFY(!taker.isRunning());
    }

    void errorsAreData()
    {
        const SnapshotSource missing{QStringLiteral("default"), SnapshotSource::Kind::Blueprint,
                                     QStringLiteral("e0000000-0000-4000-8000-0000000000ff"), {}};
        const TakeResult r = take(missing);
        QCOMPARE(r.error.kind(), ApiError::Kind::NotFound);
        QVERIFY(r.snapshot.json.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSnapshotTaker)
#include "tst_snapshottaker.moc"
