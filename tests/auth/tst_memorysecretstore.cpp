// MemorySecretStore: the session-only fallback when no keychain exists.

#include "auth/memorysecretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Cloudcraft::Core;

class TstMemorySecretStore final : public QObject
{
    Q_OBJECT

private:
    static SecretResult wait(SecretJob *job)
    {
        QSignalSpy spy(job, &SecretJob::finished);
        // Completion is never synchronous: a caller that connects after the call still gets the result.
        if (spy.isEmpty())
            spy.wait(2000);
        [&] { QCOMPARE(spy.size(), 1); }();
        return spy.isEmpty() ? SecretResult{} : spy.first().first().value<SecretResult>();
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<SecretResult>("Cloudcraft::Core::SecretResult"); }

    void roundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.contains(QStringLiteral("a")));
        QVERIFY(wait(store.write(QStringLiteral("a"), QStringLiteral("secret-1"))).ok());
        QVERIFY(store.contains(QStringLiteral("a")));
        const SecretResult read = wait(store.read(QStringLiteral("a")));
        QVERIFY(read.ok());
        QCOMPARE(read.secret, QStringLiteral("secret-1"));
        QVERIFY(wait(store.write(QStringLiteral("a"), QStringLiteral("secret-2"))).ok());
        QCOMPARE(wait(store.read(QStringLiteral("a"))).secret, QStringLiteral("secret-2"));
        QVERIFY(wait(store.remove(QStringLiteral("a"))).ok());
        QVERIFY(!store.contains(QStringLiteral("a")));
    }

    void missingIsNotFound()
    {
        MemorySecretStore store;
        const SecretResult read = wait(store.read(QStringLiteral("nope")));
        QVERIFY(!read.ok());
        QCOMPARE(read.error->kind, SecretError::Kind::NotFound);
        QVERIFY(read.secret.isEmpty());
        const SecretResult removed = wait(store.remove(QStringLiteral("nope")));
        QCOMPARE(removed.error->kind, SecretError::Kind::NotFound);
    }

    void oversizeRefused()
    {
        MemorySecretStore store;
        const SecretResult r = wait(store.write(QStringLiteral("big"), QString(SecretStore::kMaxSecretBytes + 1, u'k')));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind, SecretError::Kind::TooLarge);
        QVERIFY(!store.contains(QStringLiteral("big")));
    }

    void finishesExactlyOnceAndDeletesItself()
    {
        MemorySecretStore store;
        QPointer<SecretJob> job = store.read(QStringLiteral("x"));
        QSignalSpy spy(job.data(), &SecretJob::finished);
        QVERIFY(job->isFinished()); // result decided...
        QCOMPARE(spy.size(), 0);    // ...but delivered only from the event loop
        job->finish({}); // a late second completion is ignored
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().value<SecretResult>().error->kind, SecretError::Kind::NotFound);
        QTRY_VERIFY(job.isNull());
        QCOMPARE(spy.size(), 1);
    }

    void keyNameIsNamespaced()
    {
        QCOMPARE(SecretStore::apiKeyName(QStringLiteral("prod")), QStringLiteral("cloudcraft-desktop:prod:api-key"));
        QVERIFY(SecretStore::apiKeyName(QStringLiteral("a")) != SecretStore::apiKeyName(QStringLiteral("b")));
    }
};

QTEST_GUILESS_MAIN(TstMemorySecretStore)
#include "tst_memorysecretstore.moc"
