// Fault specs as the emulator parses them, and which request each rule hits.
#include "faultinjector.h"

#include <QTest>
#include <QtEndian>

using namespace Cloudcraft::Emulator;
using namespace Qt::StringLiterals;

class tst_FaultInjector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void commandLineForm();
    void statusRuleIsUsedUp();
    void methodAndPathMustMatch();
    void firstRuleWins();
    void gzipBombFraming();
};

void tst_FaultInjector::parse_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("value");
    QTest::newRow("delay") << u"delay:250"_s << true << int(FaultKind::Delay) << qint64(250);
    QTest::newRow("delay negative") << u"delay:-1"_s << false << 0 << qint64(0);
    QTest::newRow("delay missing") << u"delay"_s << false << 0 << qint64(0);
    QTest::newRow("silent") << u"silent"_s << true << int(FaultKind::Silent) << qint64(0);
    QTest::newRow("drip") << u"drip"_s << true << int(FaultKind::Drip) << qint64(0);
    QTest::newRow("truncate") << u"truncate"_s << true << int(FaultKind::Truncate) << qint64(0);
    QTest::newRow("invalid-json") << u"invalid-json"_s << true << int(FaultKind::InvalidJson) << qint64(0);
    QTest::newRow("oversize") << u"oversize:1048576"_s << true << int(FaultKind::Oversize) << qint64(1048576);
    QTest::newRow("oversize too small") << u"oversize:3"_s << false << 0 << qint64(0);
    QTest::newRow("oversize-chunked") << u"oversize-chunked:5000"_s << true << int(FaultKind::OversizeChunked) << qint64(5000);
    QTest::newRow("gzip-bomb") << u"gzip-bomb"_s << true << int(FaultKind::GzipBomb) << qint64(0);
    QTest::newRow("redirect-foreign") << u"redirect-foreign:307"_s << true << int(FaultKind::RedirectForeign) << qint64(307);
    QTest::newRow("redirect default 302") << u"redirect-plain"_s << true << int(FaultKind::RedirectPlain) << qint64(302);
    QTest::newRow("redirect relative") << u"redirect-relative-foreign:308"_s << true
                                       << int(FaultKind::RedirectRelativeForeign) << qint64(308);
    QTest::newRow("redirect not 3xx") << u"redirect-foreign:200"_s << false << 0 << qint64(0);
    QTest::newRow("status") << u"status:503,503,200"_s << true << int(FaultKind::Status) << qint64(0);
    QTest::newRow("status retry-after") << u"status:429:2,200"_s << true << int(FaultKind::Status) << qint64(0);
    QTest::newRow("status date") << u"status:429:date:2"_s << true << int(FaultKind::Status) << qint64(0);
    QTest::newRow("status empty") << u"status:"_s << false << 0 << qint64(0);
    QTest::newRow("status out of range") << u"status:700"_s << false << 0 << qint64(0);
    QTest::newRow("status junk") << u"status:429:soon"_s << false << 0 << qint64(0);
    QTest::newRow("unknown kind") << u"explode"_s << false << 0 << qint64(0);
}

void tst_FaultInjector::parse()
{
    QFETCH(QString, fault);
    QFETCH(bool, valid);
    QFETCH(int, kind);
    QFETCH(qint64, value);
    QString error;
    const auto rule = FaultRule::parse(u"GET"_s, u"^/user/me$"_s, fault, &error);
    QCOMPARE(rule.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(int(rule->kind), kind);
    QCOMPARE(rule->value, value);
}

void tst_FaultInjector::commandLineForm()
{
    QString error;
    // The regex may contain '='; the fault never does.
    const auto rule = FaultRule::parseCommandLine(u"GET ^/blueprint/.+\\?a=b$=status:500"_s, &error);
    QVERIFY2(rule, qPrintable(error));
    QCOMPARE(rule->method, u"GET"_s);
    QCOMPARE(rule->path.pattern(), u"^/blueprint/.+\\?a=b$"_s);
    QCOMPARE(rule->steps.size(), 1);
    QCOMPARE(rule->steps.first().status, 500);
    QVERIFY(!FaultRule::parseCommandLine(u"^/user/me$=silent"_s, &error));
    QVERIFY(!FaultRule::parseCommandLine(u"GET ^/user/me$"_s, &error));
    QVERIFY(!FaultRule::parse(u"GET"_s, u"(["_s, u"silent"_s, &error));
}

void tst_FaultInjector::statusRuleIsUsedUp()
{
    FaultInjector injector;
    QString error;
    injector.add(*FaultRule::parse(u"GET"_s, u"^/user/me$"_s, u"status:503,429:4,429:date:9,200"_s, &error));
    const auto first = injector.take("GET", u"/user/me"_s);
    QVERIFY(first);
    QCOMPARE(first->step.status, 503);
    QCOMPARE(first->step.retryAfter, -1);
    const auto second = injector.take("GET", u"/user/me"_s);
    QCOMPARE(second->step.status, 429);
    QCOMPARE(second->step.retryAfter, 4);
    QVERIFY(!second->step.retryAfterAsDate);
    const auto third = injector.take("GET", u"/user/me"_s);
    QCOMPARE(third->step.retryAfter, 9);
    QVERIFY(third->step.retryAfterAsDate);
    QCOMPARE(injector.take("GET", u"/user/me"_s)->step.status, 200);
    QVERIFY(!injector.take("GET", u"/user/me"_s));
    QCOMPARE(injector.count(), 0);
}

void tst_FaultInjector::methodAndPathMustMatch()
{
    FaultInjector injector;
    QString error;
    injector.add(*FaultRule::parse(u"put"_s, u"^/blueprint/[^/]+$"_s, u"silent"_s, &error));
    QVERIFY(!injector.take("GET", u"/blueprint/abc"_s));
    QVERIFY(!injector.take("PUT", u"/blueprint/abc/png"_s));
    QVERIFY(injector.take("PUT", u"/blueprint/abc"_s));
    QVERIFY(injector.take("PUT", u"/blueprint/abc"_s)); // non-status rules stay
    injector.clear();
    injector.add(*FaultRule::parse(u"*"_s, u"team"_s, u"drip"_s, &error));
    QVERIFY(injector.take("DELETE", u"/team"_s));
    QVERIFY(injector.take("GET", u"/x/team/y"_s)); // an unanchored regex matches anywhere
}

void tst_FaultInjector::firstRuleWins()
{
    FaultInjector injector;
    QString error;
    injector.add(*FaultRule::parse(u"GET"_s, u"^/user/me$"_s, u"status:500"_s, &error));
    injector.add(*FaultRule::parse(u"GET"_s, u"^/user"_s, u"delay:10"_s, &error));
    QCOMPARE(injector.take("GET", u"/user/me"_s)->kind, FaultKind::Status);
    QCOMPARE(injector.take("GET", u"/user/me"_s)->kind, FaultKind::Delay); // the status rule is used up
}

void tst_FaultInjector::gzipBombFraming()
{
    FaultInjector injector;
    const QByteArray bomb = injector.gzipBomb();
    QVERIFY(bomb.size() > 18);
    QVERIFY2(bomb.size() < 100 * 1024, qPrintable(QString::number(bomb.size())));
    QCOMPARE(quint8(bomb.at(0)), quint8(0x1f));
    QCOMPARE(quint8(bomb.at(1)), quint8(0x8b));
    QCOMPARE(quint8(bomb.at(2)), quint8(8)); // deflate
    QCOMPARE(qFromLittleEndian<quint32>(bomb.constData() + bomb.size() - 4), quint32(50 * 1024 * 1024));
    QCOMPARE(&injector.gzipBomb(), &injector.gzipBomb()); // made once
}

QTEST_GUILESS_MAIN(tst_FaultInjector)
#include "tst_faultinjector.moc"
