// The emulator's per-key rate limits: general and image-export budgets over rolling windows, 429 + Retry-After.
#include "emulatorprocess.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTest>
#include <QThread>

using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;

namespace {
const QString kExportPath = u"/blueprint/e0000000-0000-4000-8000-000000000001/json"_s;

/// Largest number of admitted (non-429) requests inside any window of `seconds`, from the request log's times.
int maxAdmittedInWindow(const QList<QJsonObject> &log, double seconds)
{
    QList<QDateTime> times;
    for (const QJsonObject &entry : log) {
        if (entry.value(u"status"_s).toInt() != 429)
            times.append(QDateTime::fromString(entry.value(u"time"_s).toString(), Qt::ISODateWithMs));
    }
    int best = 0;
    for (qsizetype i = 0; i < times.size(); ++i) {
        int count = 0;
        for (qsizetype j = i; j < times.size() && times.at(i).msecsTo(times.at(j)) < seconds * 1000; ++j)
            ++count;
        best = qMax(best, count);
    }
    return best;
}
} // namespace

class tst_EmulatorRateLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void generalBudget();
    void throttledRequestIsNotCounted();
    void exportBudgetIsStricter();
    void budgetsArePerKey();
    void adminRoutesDoNotCount();
    void switchOff();
    void defaultsAreTwentyAndFivePerMinute();

private:
    EmulatorProcess m_emu;
    TestHttpClient m_http;
};

void tst_EmulatorRateLimit::initTestCase()
{
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    options.rateGeneral = u"5/4"_s;
    options.rateExport = u"2/4"_s;
    QVERIFY2(m_emu.start(options), qPrintable(m_emu.errorString()));
}

void tst_EmulatorRateLimit::init()
{
    QVERIFY(m_emu.setRateLimits(true));
    // Windows of 4 s: long enough that a slow, loaded machine still fits a burst inside one.
    QVERIFY(m_emu.setRateWindows(u"5/4"_s, u"2/4"_s)); // also clears the windows
    QVERIFY(m_emu.clearRequests());
}

void tst_EmulatorRateLimit::generalBudget()
{
    const QUrl url = m_emu.url(u"/user/me"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 200);
    const HttpResult throttled = m_http.get(url, m_emu.readWriteKey());
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.json().value(u"error"_s).toString(), u"Too Many Requests"_s);
    QCOMPARE(throttled.contentType(), QByteArray("application/json"));
    bool ok = false;
    const int retryAfter = throttled.header("retry-after").toInt(&ok);
    QVERIFY(ok);
    QVERIFY2(retryAfter >= 1 && retryAfter <= 4, throttled.header("retry-after").constData());

    // Waiting as told is enough.
    QThread::msleep(ulong(retryAfter) * 1000 + 50);
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 200);
    QVERIFY(maxAdmittedInWindow(m_emu.requests(), 4.0) <= 5);
}

void tst_EmulatorRateLimit::throttledRequestIsNotCounted()
{
    const QUrl url = m_emu.url(u"/team"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 200);
    // Hammering while throttled must not push the window further out.
    int retryAfter = 0;
    for (int i = 0; i < 10; ++i) {
        const HttpResult result = m_http.get(url, m_emu.readWriteKey());
        QCOMPARE(result.status, 429);
        retryAfter = result.header("retry-after").toInt();
    }
    QVERIFY(retryAfter >= 1 && retryAfter <= 4);
    QThread::msleep(ulong(retryAfter) * 1000 + 50);
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 200);
}

void tst_EmulatorRateLimit::exportBudgetIsStricter()
{
    const QUrl exportUrl = m_emu.url(kExportPath);
    QCOMPARE(m_http.get(exportUrl, m_emu.readWriteKey()).status, 200);
    QCOMPARE(m_http.get(exportUrl, m_emu.readWriteKey()).status, 200);
    const HttpResult throttled = m_http.get(exportUrl, m_emu.readWriteKey());
    QCOMPARE(throttled.status, 429);
    QVERIFY(!throttled.header("retry-after").isEmpty());
    // The general budget still has room for other calls (2 exports + 1 more = 3 of 5).
    QCOMPARE(m_http.get(m_emu.url(u"/user/me"_s), m_emu.readWriteKey()).status, 200);
    // Budget CSV is not an image export.
    QCOMPARE(m_http.get(m_emu.url(u"/blueprint/e0000000-0000-4000-8000-000000000001/budget/csv"_s), m_emu.readWriteKey()).status,
             200);
}

void tst_EmulatorRateLimit::budgetsArePerKey()
{
    const QUrl url = m_emu.url(u"/user/me"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 200);
    QCOMPARE(m_http.get(url, m_emu.readWriteKey()).status, 429);
    QCOMPARE(m_http.get(url, m_emu.readOnlyKey()).status, 200);
}

void tst_EmulatorRateLimit::adminRoutesDoNotCount()
{
    for (int i = 0; i < 8; ++i)
        QVERIFY(m_emu.clearFaults());
    QCOMPARE(m_emu.requests().size(), 0); // admin calls are not logged either
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(m_emu.url(u"/user/me"_s), m_emu.readWriteKey()).status, 200);
}

void tst_EmulatorRateLimit::switchOff()
{
    QVERIFY(m_emu.setRateLimits(false));
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m_http.get(m_emu.url(kExportPath), m_emu.readWriteKey()).status, 200);
    QVERIFY(m_emu.setRateLimits(true));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(m_http.get(m_emu.url(kExportPath), m_emu.readWriteKey()).status, 200);
    QCOMPARE(m_http.get(m_emu.url(kExportPath), m_emu.readWriteKey()).status, 429);
}

void tst_EmulatorRateLimit::defaultsAreTwentyAndFivePerMinute()
{
    EmulatorProcess defaults;
    EmulatorProcess::Options options;
    options.workspace = testWorkspacePath();
    QVERIFY2(defaults.start(options), qPrintable(defaults.errorString()));
    const QUrl exportUrl = defaults.url(kExportPath);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(exportUrl, defaults.readWriteKey()).status, 200);
    const HttpResult exportThrottled = m_http.get(exportUrl, defaults.readWriteKey());
    QCOMPARE(exportThrottled.status, 429);
    QVERIFY(exportThrottled.header("retry-after").toInt() >= 55);
    for (int i = 0; i < 15; ++i)
        QCOMPARE(m_http.get(defaults.url(u"/user/me"_s), defaults.readWriteKey()).status, 200);
    const HttpResult throttled = m_http.get(defaults.url(u"/user/me"_s), defaults.readWriteKey());
    QCOMPARE(throttled.status, 429);
    const int retryAfter = throttled.header("retry-after").toInt();
    QVERIFY2(retryAfter >= 55 && retryAfter <= 60, throttled.header("retry-after").constData());
}

QTEST_GUILESS_MAIN(tst_EmulatorRateLimit)
#include "tst_emulatorratelimit.moc"
