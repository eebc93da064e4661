// `cloudcraft-desktop compare A B` and `cloudcraft-desktop://compare?a=..&b=..`: what is accepted, what is refused
// with a sentence and exit code 2, and that the HTML report's link opens the same pair.

#include "comparelauncher.h"

#include "diff/apidiffsources.h"
#include "diff/diffsource.h"
#include "diff/htmlreport.h"
#include "history/snapshotdiffsource.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft;
namespace Launcher = Cloudcraft::Ui::CompareLauncher;

namespace {

struct DesktopRun
{
    int exitCode = -1;
    QString err;
};

/// The real binary, offscreen, with a private (empty) history and configuration.
DesktopRun runDesktop(const QStringList &args, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLOUDCRAFT_DESKTOP_BINARY), args);
    DesktopRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(3000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TstCompareLauncher final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    Core::DiffSourceRegistry m_registry;

private Q_SLOTS:
    void initTestCase()
    {
        Core::ApiDiffSources::registerAll(m_registry, []() -> Core::ApiClient & { std::abort(); });
        m_registry.add(std::make_unique<Core::SnapshotDiffSourceResolver>(m_home.filePath(QStringLiteral("history"))));
    }

    void recognisesCompareCommandLines()
    {
        const QString program = QStringLiteral("cloudcraft-desktop");
        QVERIFY(Launcher::isCompareInvocation({program, QStringLiteral("compare"), QStringLiteral("a.png"), QStringLiteral("b.png")}));
        QVERIFY(Launcher::isCompareInvocation({program, QStringLiteral("--profile"), QStringLiteral("demo"), QStringLiteral("compare"),
                                               QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(Launcher::isCompareInvocation({program, QStringLiteral("cloudcraft-desktop://compare?a=x&b=y")}));
        QVERIFY(!Launcher::isCompareInvocation({program}));
        QVERIFY(!Launcher::isCompareInvocation({program, QStringLiteral("--profile"), QStringLiteral("compare")}));
        QVERIFY(!Launcher::isCompareInvocation({program, QStringLiteral("--screenshot"), QStringLiteral("x.png")}));

        const auto parsed = Launcher::parseArguments({program, QStringLiteral("compare"), QStringLiteral("snapshot:1"),
                                                      QStringLiteral("snapshot:2"), QStringLiteral("--screenshots"),
                                                      QStringLiteral("out")});
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.invocation.a, QStringLiteral("snapshot:1"));
        QCOMPARE(parsed.invocation.b, QStringLiteral("snapshot:2"));
        QCOMPARE(parsed.invocation.screenshotDir, QStringLiteral("out"));

        const auto oneSide = Launcher::parseArguments({program, QStringLiteral("compare"), QStringLiteral("a.png")});
        QVERIFY(!oneSide.ok());
        QVERIFY2(oneSide.error.contains(QStringLiteral("compare A B")), qPrintable(oneSide.error));
    }

    void urlsAreReadStrictly_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        const QString ok = QStringLiteral("cloudcraft-desktop://compare?a=snapshot%3A1&b=snapshot%3A2");
        QTest::newRow("plain") << ok << QStringLiteral("snapshot:1") << QStringLiteral("snapshot:2");
        QTest::newRow("encoded path") << QStringLiteral("cloudcraft-desktop://compare?a=%2Ftmp%2Fa%26b.png&b=%2Ftmp%2Fc%20d.png")
                                      << QStringLiteral("/tmp/a&b.png") << QStringLiteral("/tmp/c d.png");
        QTest::newRow("other host") << QStringLiteral("cloudcraft-desktop://evil?a=x&b=y") << QString() << QString();
        QTest::newRow("other scheme") << QStringLiteral("https://compare?a=x&b=y") << QString() << QString();
        QTest::newRow("extra parameter") << ok + QStringLiteral("&c=1") << QString() << QString();
        QTest::newRow("repeated a") << QStringLiteral("cloudcraft-desktop://compare?a=x&a=y&b=z") << QString() << QString();
        QTest::newRow("missing b") << QStringLiteral("cloudcraft-desktop://compare?a=x") << QString() << QString();
        QTest::newRow("empty b") << QStringLiteral("cloudcraft-desktop://compare?a=x&b=") << QString() << QString();
        QTest::newRow("user info") << QStringLiteral("cloudcraft-desktop://me@compare?a=x&b=y") << QString() << QString();
        QTest::newRow("port") << QStringLiteral("cloudcraft-desktop://compare:80?a=x&b=y") << QString() << QString();
        QTest::newRow("path") << QStringLiteral("cloudcraft-desktop://compare/etc?a=x&b=y") << QString() << QString();
        QTest::newRow("fragment") << ok + QStringLiteral("#f") << QString() << QString();
        QTest::newRow("option smuggled") << QStringLiteral("cloudcraft-desktop://compare?a=--screenshots&b=y") << QString() << QString();
        QTest::newRow("control character") << QStringLiteral("cloudcraft-desktop://compare?a=x%0Ay&b=y") << QString() << QString();
    }

    void urlsAreReadStrictly()
    {
        QFETCH(QString, url);
        QFETCH(QString, a);
        QFETCH(QString, b);
        const auto parsed = Launcher::parseUrl(url);
        if (a.isEmpty()) {
            QVERIFY2(!parsed.ok(), qPrintable(url));
            QVERIFY2(parsed.error.startsWith(QStringLiteral("The link ")) && parsed.error.endsWith(u'.'), qPrintable(parsed.error));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.invocation.a, a);
        QCOMPARE(parsed.invocation.b, b);
    }

    void theReportLinkOpensTheSamePair()
    {
        const QString a = QStringLiteral("snapshot:aws:f0000000-0000-4000-8000-000000000001/us-east-1@previous");
        const QString b = QStringLiteral("/tmp/odd name & more=1 #2.png");
        const QUrl link = Core::HtmlReport::desktopCompareUrl(a, b);
        const auto parsed = Launcher::parseArguments({QStringLiteral("cloudcraft-desktop"), link.toString(QUrl::FullyEncoded)});
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.invocation.a, a);
        QCOMPARE(parsed.invocation.b, b);
    }

    void referencesAreChecked()
    {
        QVERIFY(Launcher::checkReference(QStringLiteral("snapshot:3"), m_registry).isEmpty());
        QVERIFY(Launcher::checkReference(QStringLiteral("blueprint:abc"), m_registry).isEmpty());
        QVERIFY(Launcher::needsApi(QStringLiteral("blueprint:abc"), m_registry));
        QVERIFY(Launcher::needsApi(QStringLiteral("aws:acct/us-east-1"), m_registry));
        QVERIFY(!Launcher::needsApi(QStringLiteral("snapshot:3"), m_registry));
        QVERIFY(!Launcher::needsApi(QStringLiteral("/tmp/a.png"), m_registry));
        const QString unknown = Launcher::checkReference(QStringLiteral("gcp:x"), m_registry);
        QVERIFY2(unknown.contains(QStringLiteral("\"gcp:\" is not a kind of reference")), qPrintable(unknown));
        const QString missing = Launcher::checkReference(QStringLiteral("/nonexistent/before.png"), m_registry);
        QCOMPARE(missing, QStringLiteral("/nonexistent/before.png does not exist."));
        const QString empty = Launcher::checkReference(QStringLiteral("blueprint:"), m_registry);
        QVERIFY2(empty.startsWith(QStringLiteral("blueprint: names no blueprint")), qPrintable(empty));
    }

    void badReferencesExitWithTwoAndASentence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("missing file") << QStringList{QStringLiteral("compare"), QStringLiteral("/nonexistent/a.png"), QStringLiteral("snapshot:1")}
                                      << QStringLiteral("/nonexistent/a.png does not exist.");
        QTest::newRow("unknown scheme") << QStringList{QStringLiteral("compare"), QStringLiteral("gcp:x"), QStringLiteral("snapshot:1")}
                                        << QStringLiteral("\"gcp:\" is not a kind of reference");
        QTest::newRow("no such snapshot") << QStringList{QStringLiteral("compare"), QStringLiteral("snapshot:998"), QStringLiteral("snapshot:999")}
                                          << QStringLiteral("snapshot:99");
        QTest::newRow("bad link") << QStringList{QStringLiteral("cloudcraft-desktop://other?a=x&b=y")}
                                  << QStringLiteral("only cloudcraft-desktop://compare links are understood");
        QTest::newRow("one side") << QStringList{QStringLiteral("compare"), QStringLiteral("snapshot:1")}
                                  << QStringLiteral("Usage: cloudcraft-desktop compare A B");
    }

    void badReferencesExitWithTwoAndASentence()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, sentence);
        const DesktopRun run = runDesktop(args, m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("cloudcraft-desktop: ")), qPrintable(run.err)); // offscreen may warn too
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
    }
};

QTEST_MAIN(TstCompareLauncher)
#include "tst_comparelauncher.moc"
