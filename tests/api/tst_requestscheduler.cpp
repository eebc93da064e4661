// RequestScheduler: client-side rate budgets checked against the emulator's own limiter and request log, priority
// order, cancel, Retry-After (seconds and HTTP-date), jittered backoff and which calls are retried
// (RELIABILITY.md rows 15 and 16).
#include "api/apiclient.h"
#include "api/requestscheduler.h"

#include "emulatorprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Cloudcraft::Core;
using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;
using Kind = ApiError::Kind;
using std::chrono::milliseconds;

Q_DECLARE_METATYPE(Cloudcraft::Core::ApiCall::WaitReason)

namespace {
// The empty sketch renders fastest: these tests are about timing, not pictures.
const QString kBlueprint = u"e0000000-0000-4000-8000-000000000003"_s;
constexpr int kWindowMs = 2000;

QDateTime logTime(const QJsonObject &entry)
{
    return QDateTime::fromString(entry.value(u"time"_s).toString(), Qt::ISODateWithMs);
}
} // namespace

class TestRequestScheduler final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;

    std::unique_ptr<ApiClient> makeClient(RetryPolicy retry = {})
    {
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        endpoint.retry = retry;
        const QString key = m_emulator.readWriteKey();
        auto client = std::make_unique<ApiClient>(&m_network, endpoint, [key] { return key; });
        client->scheduler()->setBudget(RateRoute::General, {40, milliseconds(kWindowMs)});
        client->scheduler()->setBudget(RateRoute::Export, {5, milliseconds(kWindowMs)});
        return client;
    }

    static RetryPolicy fastRetries()
    {
        RetryPolicy retry;
        retry.backoffBase = milliseconds(50);
        retry.backoffCap = milliseconds(200);
        return retry;
    }

    static bool finish(ApiCall *call, int timeoutMs = 20000)
    {
        if (call->isFinished())
            return true;
        QSignalSpy spy(call, &ApiCall::finished);
        return spy.wait(timeoutMs) && call->isFinished();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiCall::WaitReason>();
        EmulatorProcess::Options options;
        options.workspace = testWorkspacePath();
        // The same budgets on both sides: any burst the client lets through that the server would refuse is a 429.
        options.rateGeneral = u"40/2"_s;
        options.rateExport = u"5/2"_s;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
    }

    void init()
    {
        QVERIFY(m_emulator.reset());
    }

    void burstStaysWithinBudget_data()
    {
        QTest::addColumn<bool>("exports");
        QTest::addColumn<int>("budget");
        QTest::newRow("30 exports, 5 per window") << true << 5;
        QTest::newRow("30 general calls, 10 per window") << false << 10;
    }

    void burstStaysWithinBudget()
    {
        QFETCH(bool, exports);
        QFETCH(int, budget);
        // The same budgets on both sides: any request the client lets through too early comes back as a 429.
        QVERIFY(m_emulator.setRateWindows(exports ? u"40/2"_s : u"10/2"_s, u"5/2"_s));
        auto client = makeClient();
        client->scheduler()->setBudget(RateRoute::General, {exports ? 40 : 10, milliseconds(kWindowMs)});
        const RateRoute route = exports ? RateRoute::Export : RateRoute::General;
        QList<ApiCall *> calls;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 30; ++i)
            calls.append(exports ? client->exportBlueprint(kBlueprint, ExportFormat::Svg, {}, Priority::Batch)
                                 : client->listBlueprints(Priority::Batch));
        // The UI can say when the next request of this kind may leave.
        QTRY_VERIFY(client->scheduler()->nextSlotIn(route).count() > 0);
        QVERIFY(client->scheduler()->nextSlotIn(route).count() <= kWindowMs);
        for (ApiCall *call : std::as_const(calls)) {
            QVERIFY(finish(call, 60000));
            QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
            QCOMPARE(call->attempts(), 1);
        }
        // 30 calls at `budget` per window need at least 30 / budget - 1 full windows.
        QVERIFY(timer.elapsed() >= (30 / budget - 1) * kWindowMs);

        const QList<QJsonObject> log = m_emulator.requests();
        QCOMPARE(log.size(), 30);
        QList<QDateTime> times;
        for (const QJsonObject &entry : log) {
            QCOMPARE(entry.value(u"status"_s).toInt(), 200); // never a 429
            times.append(logTime(entry));
        }
        std::sort(times.begin(), times.end());
        for (qsizetype i = 0; i < times.size(); ++i) {
            const auto inWindow = std::count_if(times.cbegin() + i, times.cend(), [&](const QDateTime &t) {
                return times.at(i).msecsTo(t) < kWindowMs;
            });
            QVERIFY2(inWindow <= budget, qPrintable(u"%1 requests within %2 ms from request %3"_s.arg(inWindow).arg(kWindowMs).arg(i)));
        }
        QVERIFY(m_emulator.setRateWindows(u"40/2"_s, u"5/2"_s));
    }

    void generalRequestsPassQueuedExports()
    {
        auto client = makeClient();
        QList<ApiCall *> exports;
        for (int i = 0; i < 7; ++i)
            exports.append(client->exportBlueprint(kBlueprint, ExportFormat::Svg));
        ApiCall *me = client->me(Priority::Batch);
        QVERIFY(finish(me));
        QVERIFY(me->succeeded());
        // The general call did not wait for the export budget to free up.
        QVERIFY(!exports.last()->isFinished());
        for (ApiCall *call : std::as_const(exports))
            QVERIFY(finish(call));
    }

    void priorityOrderAndCancel()
    {
        RequestScheduler scheduler;
        scheduler.setBudget(RateRoute::General, {1, milliseconds(100)});
        QStringList order;
        const auto job = [&](const QString &name) {
            return [&order, &scheduler, name] {
                order.append(name);
                Q_UNUSED(scheduler);
            };
        };
        QList<RequestScheduler::Ticket> tickets;
        tickets << scheduler.submit(RateRoute::General, Priority::Batch, job(u"batch1"_s));
        tickets << scheduler.submit(RateRoute::General, Priority::Batch, job(u"batch2"_s));
        tickets << scheduler.submit(RateRoute::General, Priority::Normal, job(u"normal"_s));
        tickets << scheduler.submit(RateRoute::General, Priority::Interactive, job(u"interactive"_s));
        tickets << scheduler.submit(RateRoute::General, Priority::Batch, job(u"cancelled"_s));
        QVERIFY(order.isEmpty()); // never inside submit()
        QCOMPARE(scheduler.queuedCount(), 5);
        QVERIFY(scheduler.cancel(tickets.at(4)));
        QVERIFY(!scheduler.cancel(tickets.at(4)));
        // Each one frees its slot when it "answers"; the next goes a window later.
        connect(&scheduler, &RequestScheduler::queueChanged, this, [&] {
            for (const auto t : std::as_const(tickets))
                scheduler.markDone(t);
        });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 3000);
        QTest::qWait(300);
        QCOMPARE(order, (QStringList{u"interactive"_s, u"normal"_s, u"batch1"_s, u"batch2"_s}));
        QCOMPARE(scheduler.queuedCount(), 0);
    }

    void nextSlotReflectsWindow()
    {
        RequestScheduler scheduler;
        scheduler.setBudget(RateRoute::Export, {1, milliseconds(1000)});
        QCOMPARE(scheduler.nextSlotIn(RateRoute::Export).count(), 0);
        bool started = false;
        const auto ticket = scheduler.submit(RateRoute::Export, Priority::Normal, [&] { started = true; });
        QTRY_VERIFY(started);
        scheduler.markDone(ticket);
        const auto wait = scheduler.nextSlotIn(RateRoute::Export);
        QVERIFY2(wait.count() > 800 && wait.count() <= 1000, qPrintable(QString::number(wait.count())));
        QCOMPARE(scheduler.nextSlotIn(RateRoute::General).count(), 0); // general budget untouched
        scheduler.pauseFor(milliseconds(3000));
        QVERIFY(scheduler.nextSlotIn(RateRoute::General).count() > 2500);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("minWaitMs");
        QTest::addColumn<int>("maxWaitMs");
        QTest::newRow("seconds") << u"status:429:2"_s << 2000 << 2000;
        // An HTTP-date has 1 s resolution: "2 s from now" is 1-2 s away.
        QTest::newRow("http-date") << u"status:429:date:2"_s << 900 << 2100;
    }

    void retryAfter()
    {
        QFETCH(QString, fault);
        QFETCH(int, minWaitMs);
        QFETCH(int, maxWaitMs);
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, fault));
        auto client = makeClient(fastRetries());
        ApiCall *call = client->me();
        QSignalSpy waits(call, &ApiCall::waiting);
        QVERIFY(finish(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 2); // exactly one retry
        QCOMPARE(waits.size(), 1);
        QCOMPARE(waits.first().at(0).value<ApiCall::WaitReason>(), ApiCall::WaitReason::RateLimited);
        const qint64 announced = waits.first().at(1).toLongLong();
        QVERIFY2(announced >= minWaitMs && announced <= maxWaitMs, qPrintable(QString::number(announced)));
        const QList<QJsonObject> log = m_emulator.requests();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).value(u"status"_s).toInt(), 429);
        QCOMPARE(log.at(1).value(u"status"_s).toInt(), 200);
        QVERIFY(logTime(log.at(0)).msecsTo(logTime(log.at(1))) >= announced - 20);
    }

    void rateLimitPausesEveryone()
    {
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, u"status:429:2"_s));
        auto client = makeClient(fastRetries());
        ApiCall *limited = client->me();
        QSignalSpy waits(limited, &ApiCall::waiting);
        QVERIFY(waits.wait(5000));
        ApiCall *other = client->listBlueprints(Priority::Interactive);
        QVERIFY(finish(other));
        QVERIFY(finish(limited));
        QVERIFY(other->succeeded());
        const QList<QJsonObject> log = m_emulator.requests();
        QCOMPARE(log.size(), 3);
        // The key is throttled as a whole: the second call waited out the same Retry-After.
        QVERIFY(logTime(log.at(0)).msecsTo(logTime(log.at(1))) >= 1980);
    }

    void rateLimitBeyondPatienceIsReported()
    {
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, u"status:429:600"_s));
        RetryPolicy retry = fastRetries();
        retry.maxRetryAfter = std::chrono::seconds(30);
        auto client = makeClient(retry);
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::RateLimited);
        QCOMPARE(call->error().retryAfter(), milliseconds(600000));
        QCOMPARE(call->error().userMessage(), u"Too many requests (429). Wait 600 seconds and try again."_s);
        QCOMPARE(call->attempts(), 1);
    }

    void backoffIsJitteredAndCapped()
    {
        RequestScheduler a;
        RequestScheduler b;
        a.setRandomSeed(42);
        b.setRandomSeed(42);
        const milliseconds base(1000);
        const milliseconds cap(30000);
        QList<qint64> first;
        bool anyBelowCeiling = false;
        for (int round = 0; round < 200; ++round) {
            const int retry = round % 8;
            const qint64 ceiling = std::min<qint64>(cap.count(), base.count() << retry);
            const auto delay = a.backoffDelay(retry, base, cap);
            QVERIFY(delay.count() >= 0);
            QVERIFY(delay.count() <= ceiling);
            anyBelowCeiling = anyBelowCeiling || delay.count() < ceiling / 2;
            QCOMPARE(b.backoffDelay(retry, base, cap), delay); // same seed, same delays
            first.append(delay.count());
        }
        QVERIFY(anyBelowCeiling); // full jitter, not a fixed delay
        RequestScheduler c;
        c.setRandomSeed(43);
        QList<qint64> other;
        for (int round = 0; round < 200; ++round)
            other.append(c.backoffDelay(round % 8, base, cap).count());
        QVERIFY(other != first);
    }

    void transientGetIsRetried()
    {
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, u"status:503,503,200"_s));
        const RetryPolicy retry = fastRetries();
        auto client = makeClient(retry);
        client->scheduler()->setRandomSeed(7);
        ApiCall *call = client->me();
        QSignalSpy waits(call, &ApiCall::waiting);
        QVERIFY(finish(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 3);
        QCOMPARE(m_emulator.requests().size(), 3);
        QCOMPARE(waits.size(), 2);
        for (const auto &wait : std::as_const(waits)) {
            QCOMPARE(wait.at(0).value<ApiCall::WaitReason>(), ApiCall::WaitReason::Backoff);
            QVERIFY(wait.at(1).toLongLong() >= 0 && wait.at(1).toLongLong() <= retry.backoffCap.count());
        }
    }

    void retriesAreCapped()
    {
        QVERIFY(m_emulator.addFault(u"GET"_s, u"^/user/me$"_s, u"status:503,503,503,503,503,503"_s));
        auto client = makeClient(fastRetries());
        ApiCall *call = client->me();
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::Server);
        QCOMPARE(call->attempts(), 4); // 1 + maxRetries
        QCOMPARE(m_emulator.requests().size(), 4);
    }

    void postIsNeverRetried()
    {
        QVERIFY(m_emulator.addFault(u"POST"_s, u"^/blueprint$"_s, u"status:503,200"_s));
        auto client = makeClient(fastRetries());
        ApiCall *call = client->createBlueprint(QJsonObject{{u"data"_s, QJsonObject{{u"name"_s, u"x"_s}}}});
        QVERIFY(finish(call));
        QCOMPARE(call->error().kind(), Kind::Server);
        QCOMPARE(call->attempts(), 1);
        QTest::qWait(300);
        QCOMPARE(m_emulator.requests().size(), 1);
        QVERIFY(call->error().userMessage().contains(u"Try again later."_s));
    }

    void cancelQueuedCall()
    {
        auto client = makeClient();
        client->scheduler()->pauseFor(milliseconds(5000));
        ApiCall *call = client->me();
        QSignalSpy spy(call, &ApiCall::finished);
        QTest::qWait(50);
        QCOMPARE(call->state(), ApiCall::State::Queued);
        QCOMPARE(client->scheduler()->queuedCount(), 1);
        call->cancel();
        QVERIFY(spy.wait(1000));
        QCOMPARE(call->error().kind(), Kind::Cancelled);
        QCOMPARE(client->scheduler()->queuedCount(), 0);
        QCOMPARE(call->attempts(), 0);
        QVERIFY(m_emulator.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRequestScheduler)
#include "tst_requestscheduler.moc"
