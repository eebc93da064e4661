// Rolling-window rate limits per key, as the emulator enforces them.
#include "ratelimiter.h"

#include <QTest>
#include <QThread>

using namespace Cloudcraft::Emulator;
using namespace Qt::StringLiterals;

class tst_RateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseWindow_data();
    void parseWindow();
    void generalWindow();
    void exportWindowIsSeparateAndStricter();
    void perKey();
    void disabled();
};

void tst_RateLimiter::parseWindow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("seconds");
    QTest::newRow("default general") << u"20/60"_s << true << 20 << 60;
    QTest::newRow("spaces") << u" 5 / 2 "_s << true << 5 << 2;
    QTest::newRow("zero limit") << u"0/60"_s << false << 0 << 0;
    QTest::newRow("zero seconds") << u"5/0"_s << false << 0 << 0;
    QTest::newRow("no slash") << u"20"_s << false << 0 << 0;
    QTest::newRow("words") << u"five/minute"_s << false << 0 << 0;
}

void tst_RateLimiter::parseWindow()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, limit);
    QFETCH(int, seconds);
    const auto window = RateWindow::parse(text);
    QCOMPARE(window.has_value(), valid);
    if (valid) {
        QCOMPARE(window->limit, limit);
        QCOMPARE(window->seconds, seconds);
    }
}

void tst_RateLimiter::generalWindow()
{
    RateLimiter limiter;
    limiter.setGeneral({3, 1});
    for (int i = 0; i < 3; ++i)
        QVERIFY(!limiter.admit(u"k"_s, false));
    const auto wait = limiter.admit(u"k"_s, false);
    QVERIFY(wait);
    QCOMPARE(*wait, 1);
    // Throttled requests do not extend the window.
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.admit(u"k"_s, false));
    QThread::msleep(1050);
    QVERIFY(!limiter.admit(u"k"_s, false));
}

void tst_RateLimiter::exportWindowIsSeparateAndStricter()
{
    RateLimiter limiter;
    limiter.setGeneral({10, 60});
    limiter.setExport({2, 60});
    QVERIFY(!limiter.admit(u"k"_s, true));
    QVERIFY(!limiter.admit(u"k"_s, true));
    const auto wait = limiter.admit(u"k"_s, true);
    QVERIFY(wait);
    QVERIFY(*wait >= 59 && *wait <= 60);
    QVERIFY(!limiter.admit(u"k"_s, false)); // ordinary calls still fit
    // Exports count against the general budget too: 2 exports + 1 call so far, 7 left.
    for (int i = 0; i < 7; ++i)
        QVERIFY(!limiter.admit(u"k"_s, false));
    QVERIFY(limiter.admit(u"k"_s, false));
}

void tst_RateLimiter::perKey()
{
    RateLimiter limiter;
    limiter.setGeneral({1, 60});
    QVERIFY(!limiter.admit(u"a"_s, false));
    QVERIFY(limiter.admit(u"a"_s, false));
    QVERIFY(!limiter.admit(u"b"_s, false));
    limiter.clear();
    QVERIFY(!limiter.admit(u"a"_s, false));
}

void tst_RateLimiter::disabled()
{
    RateLimiter limiter;
    limiter.setGeneral({1, 60});
    limiter.setEnabled(false);
    for (int i = 0; i < 50; ++i)
        QVERIFY(!limiter.admit(u"a"_s, true));
}

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
