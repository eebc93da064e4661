// The simplified Live-tab search expression used by the emulator's scans.
#include "snapshotfilter.h"

#include <QJsonArray>
#include <QTest>

using namespace Cloudcraft::Emulator;
using namespace Qt::StringLiterals;

namespace {
QList<QJsonObject> nodes()
{
    return {
        QJsonObject{{u"id"_s, u"n1"_s}, {u"type"_s, u"ec2"_s}, {u"name"_s, u"web-1"_s},
                    {u"arn"_s, u"arn:aws:ec2:us-east-1:1:instance/i-1"_s},
                    {u"tags"_s, QJsonObject{{u"env"_s, u"prod"_s}, {u"Role"_s, u"web"_s}}}},
        QJsonObject{{u"id"_s, u"n2"_s}, {u"type"_s, u"rds"_s}, {u"name"_s, u"orders-db"_s},
                    {u"tags"_s, QJsonArray{QJsonObject{{u"key"_s, u"env"_s}, {u"value"_s, u"staging"_s}}}}},
        QJsonObject{{u"id"_s, u"n3"_s}, {u"type"_s, u"s3"_s}, {u"name"_s, u"assets"_s},
                    {u"ip"_s, u"10.0.1.15"_s}},
    };
}
} // namespace

class tst_SnapshotFilter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void rejects_data();
    void rejects();
};

void tst_SnapshotFilter::matches_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty matches all") << QString() << QStringList{u"web-1"_s, u"orders-db"_s, u"assets"_s};
    QTest::newRow("whitespace only") << u"   "_s << QStringList{u"web-1"_s, u"orders-db"_s, u"assets"_s};
    QTest::newRow("type") << u"type=ec2"_s << QStringList{u"web-1"_s};
    QTest::newRow("type case-insensitive") << u"TYPE=RDS"_s << QStringList{u"orders-db"_s};
    QTest::newRow("tag object") << u"env=prod"_s << QStringList{u"web-1"_s};
    QTest::newRow("tag key case") << u"role=web"_s << QStringList{u"web-1"_s};
    QTest::newRow("tag array") << u"env=staging"_s << QStringList{u"orders-db"_s};
    QTest::newRow("substring of name") << u"ORDERS"_s << QStringList{u"orders-db"_s};
    QTest::newRow("substring of arn") << u"i-1"_s << QStringList{u"web-1"_s};
    QTest::newRow("ip") << u"10.0.1"_s << QStringList{u"assets"_s};
    QTest::newRow("OR") << u"env=prod OR env=staging"_s << QStringList{u"web-1"_s, u"orders-db"_s};
    QTest::newRow("AND") << u"type=ec2 AND env=staging"_s << QStringList{};
    QTest::newRow("implicit AND") << u"web env=prod"_s << QStringList{u"web-1"_s};
    QTest::newRow("NOT") << u"NOT type=ec2"_s << QStringList{u"orders-db"_s, u"assets"_s};
    QTest::newRow("parentheses") << u"type=rds AND (env=staging OR env=prod)"_s << QStringList{u"orders-db"_s};
    QTest::newRow("AND binds tighter than OR") << u"type=s3 OR type=ec2 AND env=staging"_s << QStringList{u"assets"_s};
    QTest::newRow("no match") << u"lambda"_s << QStringList{};
}

void tst_SnapshotFilter::matches()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, expected);
    SnapshotFilter filter;
    QString error;
    QVERIFY2(filter.parse(expression, &error), qPrintable(error));
    QStringList matched;
    for (const QJsonObject &node : nodes()) {
        if (filter.matches(node))
            matched.append(node.value(u"name"_s).toString());
    }
    QCOMPARE(matched, expected);
}

void tst_SnapshotFilter::rejects_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("unclosed") << u"(type=ec2"_s;
    QTest::newRow("stray close") << u"type=ec2)"_s;
    QTest::newRow("dangling OR") << u"type=ec2 OR"_s;
    QTest::newRow("leading AND") << u"AND type=ec2"_s;
    QTest::newRow("lone NOT") << u"NOT"_s;
    QTest::newRow("empty parentheses") << u"()"_s;
}

void tst_SnapshotFilter::rejects()
{
    QFETCH(QString, expression);
    SnapshotFilter filter;
    QString error;
    QVERIFY(!filter.parse(expression, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SnapshotFilter)
#include "tst_snapshotfilter.moc"
