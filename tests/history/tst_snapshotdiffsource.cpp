// SnapshotDiffSourceResolver: `snapshot:` references of a diff read from a real history.

#include "diff/diffinput.h"
#include "history/snapshotdiffsource.h"
#include "history/snapshotstore.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

QByteArray png(QColor color)
{
    QImage image(8, 8, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

DiffSource fetch(DiffSourceResolver &resolver, const QString &reference, DiffWant want)
{
    DiffSource result;
    int calls = 0;
    resolver.fetch(reference, want, [&](DiffSource source) {
        result = std::move(source);
        ++calls;
    });
    return calls == 1 ? result : DiffSource::failure(reference, QStringLiteral("done was called %1 times").arg(calls));
}

} // namespace

class TstSnapshotDiffSource final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void resolvesIdsLatestPreviousAndNames()
    {
        const QString root = m_tmp.filePath(QStringLiteral("history"));
        {
            SnapshotStore store(root);
            QVERIFY(!store.open());
            const SnapshotSource east{QStringLiteral("default"), SnapshotSource::Kind::Aws, QStringLiteral("acc"),
                                      QStringLiteral("us-east-1")};
            NewSnapshot first{east, {}, QDateTime::currentDateTimeUtc().addSecs(-60), {}, QStringLiteral("baseline"), {},
                              png(Qt::red), {}, "{\"data\":{\"nodes\":[]}}"};
            NewSnapshot second{east, {}, QDateTime::currentDateTimeUtc(), {}, {}, {}, png(Qt::blue), {},
                               "{\"data\":{\"nodes\":[{\"id\":\"n1\"}]}}"};
            QCOMPARE(store.add(first).value.id, 1);
            QCOMPARE(store.add(second).value.id, 2);
        }
        DiffSourceRegistry registry;
        registry.add(std::make_unique<SnapshotDiffSourceResolver>(root));
        QVERIFY(registry.isReference(QStringLiteral("snapshot:1")));
        DiffSourceResolver &resolver = *registry.resolverFor(QStringLiteral("snapshot:1"));

        const DiffSource one = fetch(resolver, QStringLiteral("snapshot:1"), DiffWant::Image);
        QVERIFY2(one.ok(), qPrintable(one.error));
        QCOMPARE(one.content, DiffContent::Png);
        QCOMPARE(one.bytes, png(Qt::red));
        QCOMPARE(one.label, QStringLiteral("snapshot:1"));

        const DiffSource latest = fetch(resolver, QStringLiteral("snapshot:aws:acc/us-east-1@latest"), DiffWant::Image);
        QCOMPARE(latest.bytes, png(Qt::blue));
        const DiffSource previous = fetch(resolver, QStringLiteral("snapshot:aws:acc/us-east-1@previous"), DiffWant::Structure);
        QCOMPARE(previous.content, DiffContent::Json);
        QVERIFY(previous.bytes.contains("\"nodes\":[]"));
        const DiffSource named = fetch(resolver, QStringLiteral("snapshot:aws:acc/us-east-1@baseline"), DiffWant::Image);
        QCOMPARE(named.bytes, png(Qt::red));

        const DiffSource missing = fetch(resolver, QStringLiteral("snapshot:99"), DiffWant::Image);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.startsWith(QStringLiteral("snapshot:99: ")), qPrintable(missing.error));
        QVERIFY2(missing.error.contains(QStringLiteral("no snapshot 99")), qPrintable(missing.error));
        const DiffSource tooFar = fetch(resolver, QStringLiteral("snapshot:blueprint:nothing@previous"), DiffWant::Image);
        QVERIFY(!tooFar.ok());
    }
};

QTEST_GUILESS_MAIN(TstSnapshotDiffSource)
#include "tst_snapshotdiffsource.moc"
