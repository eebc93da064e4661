// WelcomeDialog against the real emulator and the real Secret Service of the test session: the key a user pastes is
// checked with GET /user/me, saved in the keychain only when Cloudcraft accepts it, and never leaves the field.

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "keyfield.h"
#include "sessioncontroller.h"
#include "signinflow.h"
#include "welcomedialog.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QToolButton>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

namespace {

QString uniqueProfile()
{
    return QStringLiteral("wd-%1").arg(QRandomGenerator::global()->generate());
}

SecretResult readKeychain(const QString &name)
{
    KeychainSecretStore store;
    QSignalSpy spy(store.read(name), &SecretJob::finished);
    if (!spy.wait(15000))
        return {SecretError{SecretError::Kind::TimedOut, QStringLiteral("no answer")}, {}};
    return spy.first().first().value<SecretResult>();
}

/// The real keychain, except that the first write finds it locked (what a locked Secret Service collection answers
/// when the user dismisses the unlock prompt). The real locked-collection recipe runs in tst_cliauth; here it is the
/// dialog's reaction that is under test.
class LockedOnceSecretStore final : public SecretStore
{
public:
    KeychainSecretStore real;
    int writes = 0;
    SecretJob *read(const QString &name) override { return real.read(name); }
    SecretJob *remove(const QString &name) override { return real.remove(name); }
    SecretJob *write(const QString &name, const QString &secret) override
    {
        if (writes++ > 0)
            return real.write(name, secret);
        auto *job = new SecretJob;
        job->finish({SecretError{SecretError::Kind::Locked, QStringLiteral("The collection is locked.")}, {}});
        return job;
    }
};

} // namespace

class TestWelcomeDialog final : public QObject
{
    Q_OBJECT

private:
    Test::EmulatorProcess m_emulator;
    QTemporaryDir m_configDir;
    std::unique_ptr<ProfileStore> m_profiles;
    KeychainSecretStore m_keychain;
    std::unique_ptr<KeyService> m_keys;
    QNetworkAccessManager m_network;
    RequestScheduler m_scheduler;
    Test::RecordingPrompter m_prompter;
    QJsonObject m_workspace;

    struct Harness
    {
        std::unique_ptr<SignInFlow> flow;
        std::unique_ptr<WelcomeDialog> dialog;
    };

    // The child-process half of noKeychainKeepsKeyForThisSessionOnly(): this process has no D-Bus session bus.
    void signInWithoutKeychain(const QString &profile)
    {
        Harness h = makeDialog(profile);
        QSignalSpy signedIn(h.dialog.get(), &WelcomeDialog::signedIn);
        signIn(*h.dialog, m_emulator.readWriteKey());
        if (QTest::currentTestFailed())
            return;
        const QString name = Test::userForKey(m_workspace, m_emulator.readWriteKey()).value(QLatin1String("name")).toString();
        const QString text = h.dialog->successText();
        QVERIFY2(text.contains(name), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("No keychain is available")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("kept for this session only")), qPrintable(text));
        QCOMPARE(h.dialog->problemText(), QString());
        QVERIFY(!m_profiles->profile(profile).has_value() || !m_profiles->profile(profile)->keySaved);
        // The session goes on with the key in memory.
        QTest::mouseClick(child<QPushButton>(h.dialog.get(), "signInButton"), Qt::LeftButton);
        QCOMPARE(signedIn.count(), 1);
        const SignedIn result = signedIn.first().first().value<SignedIn>();
        QCOMPARE(result.source, KeySource::Memory);
        QCOMPARE(result.key, m_emulator.readWriteKey());
        // Nothing in this process's config files holds the key.
        for (const QString &file : QDir(m_configDir.path()).entryList(QDir::Files)) {
            QFile f(m_configDir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_emulator.readWriteKey().toUtf8()), qPrintable(file));
        }
    }

    Harness makeDialog(const QString &profile, bool withCa = true, QNetworkAccessManager *network = nullptr)
    {
        Harness h;
        h.flow = std::make_unique<SignInFlow>(network ? network : &m_network, *m_profiles, *m_keys, &m_scheduler);
        WelcomeSetup setup{profile, m_emulator.baseUrl(), withCa ? m_emulator.caFile() : QString(), {}, {}, false};
        h.dialog = std::make_unique<WelcomeDialog>(*h.flow, m_prompter, setup);
        h.dialog->show();
        return h;
    }

    // Types the key and presses "Sign in" like a user, then waits for the dialog to settle.
    static void signIn(WelcomeDialog &dialog, const QString &key)
    {
        auto *field = child<KeyField>(&dialog, "apiKeyField");
        QVERIFY(field);
        field->setFocus();
        QTest::keyClicks(field, key);
        auto *button = child<QPushButton>(&dialog, "signInButton");
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.successText().isEmpty() || !dialog.problemText().isEmpty(), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_configDir.isValid());
        m_profiles = std::make_unique<ProfileStore>(m_configDir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_workspace = Test::readWorkspace(m_emulator.workspacePath());
        QVERIFY(!m_workspace.isEmpty());
    }

    void successStoresKeyAndShowsUser()
    {
        const QString profile = uniqueProfile();
        Harness h = makeDialog(profile);
        QSignalSpy signedIn(h.dialog.get(), &WelcomeDialog::signedIn);
        QVERIFY(m_emulator.clearRequests());

        signIn(*h.dialog, m_emulator.readWriteKey());
        if (QTest::currentTestFailed())
            return;

        const QJsonObject user = Test::userForKey(m_workspace, m_emulator.readWriteKey());
        const QString name = user.value(QLatin1String("name")).toString();
        const QString email = user.value(QLatin1String("email")).toString();
        QVERIFY(!name.isEmpty());
        QCOMPARE(h.dialog->problemText(), QString());
        QVERIFY2(h.dialog->successText().contains(name), qPrintable(h.dialog->successText()));
        QVERIFY2(h.dialog->successText().contains(email), qPrintable(h.dialog->successText()));

        // The server saw exactly the check of the key.
        bool sawMe = false;
        for (const QJsonObject &request : m_emulator.requests())
            sawMe |= request.value(QLatin1String("path")).toString() == QLatin1String("/user/me");
        QVERIFY(sawMe);

        // The key is in the OS keychain under the profile's name, and the profile remembers that it is saved.
        const SecretResult stored = readKeychain(SecretStore::apiKeyName(profile));
        QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error->message));
        QCOMPARE(stored.secret, m_emulator.readWriteKey());
        QVERIFY(m_profiles->profile(profile)->keySaved);
        QCOMPARE(m_profiles->profile(profile)->apiUrl, m_emulator.baseUrl());

        // The field no longer holds the key; Continue hands the result over.
        auto *field = child<KeyField>(h.dialog.get(), "apiKeyField");
        QVERIFY(field->text().isEmpty());
        auto *button = child<QPushButton>(h.dialog.get(), "signInButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.first().first().value<SignedIn>().user.email, email);
        QVERIFY(!h.dialog->isVisible());
    }

    void wrongKeyShows401AndStoresNothing()
    {
        const QString profile = uniqueProfile();
        Harness h = makeDialog(profile);
        const QString wrongKey = QString(m_emulator.readWriteKey()).replace(0, 6, QStringLiteral("Wrong0"));
        signIn(*h.dialog, wrongKey);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(h.dialog->successText(), QString());
        QVERIFY2(h.dialog->problemText().contains(QLatin1String("rejected this API key (401)")),
                 qPrintable(h.dialog->problemText()));
        const SecretResult stored = readKeychain(SecretStore::apiKeyName(profile));
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error->kind, SecretError::Kind::NotFound);
        QVERIFY(!m_profiles->profile(profile).has_value() || !m_profiles->profile(profile)->keySaved);
        // The user can correct the key right away.
        QVERIFY(child<KeyField>(h.dialog.get(), "apiKeyField")->isEnabled());
        QVERIFY(child<QPushButton>(h.dialog.get(), "signInButton")->isEnabled());
    }

    void untrustedCertificateShowsTlsSentence()
    {
        const QString profile = uniqueProfile();
        // A fresh start of the app: no connection trusted earlier in this process can be reused.
        QNetworkAccessManager network;
        Harness h = makeDialog(profile, /*withCa=*/false, &network);
        signIn(*h.dialog, m_emulator.readWriteKey());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(h.dialog->successText(), QString());
        const QString text = h.dialog->problemText();
        QVERIFY2(text.contains(QLatin1String("certificate is not trusted")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("CA file under Advanced")), qPrintable(text));
        QVERIFY(!readKeychain(SecretStore::apiKeyName(profile)).ok());
    }

    void unreachableServerSaysSo()
    {
        // A port nobody listens on: the user is told the server cannot be reached, and nothing is stored.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString profile = uniqueProfile();
        auto flow = std::make_unique<SignInFlow>(&m_network, *m_profiles, *m_keys, &m_scheduler);
        QUrl url(QStringLiteral("https://127.0.0.1"));
        url.setPort(port);
        WelcomeDialog dialog(*flow, m_prompter, WelcomeSetup{profile, url, m_emulator.caFile(), {}, {}, false});
        dialog.show();
        signIn(dialog, m_emulator.readWriteKey());
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(dialog.problemText().startsWith(QLatin1String("Could not reach 127.0.0.1")),
                 qPrintable(dialog.problemText()));
        QVERIFY(!readKeychain(SecretStore::apiKeyName(profile)).ok());
    }

    void lockedKeychainOffersUnlockAndRetry()
    {
        LockedOnceSecretStore store;
        KeyService keys(*m_profiles, store, QProcessEnvironment());
        SignInFlow flow(&m_network, *m_profiles, keys, &m_scheduler);
        const QString profile = uniqueProfile();
        WelcomeDialog dialog(flow, m_prompter,
                             WelcomeSetup{profile, m_emulator.baseUrl(), m_emulator.caFile(), {}, {}, false});
        dialog.show();
        signIn(dialog, m_emulator.readWriteKey());
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(dialog.problemText().contains(QLatin1String("keychain is locked")), qPrintable(dialog.problemText()));
        auto *unlock = child<QPushButton>(&dialog, "unlockRetryButton");
        QVERIFY(unlock->isVisibleTo(&dialog));
        QVERIFY(!readKeychain(SecretStore::apiKeyName(profile)).ok());

        QTest::mouseClick(unlock, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.successText().isEmpty(), 20000);
        QCOMPARE(dialog.problemText(), QString());
        QCOMPARE(readKeychain(SecretStore::apiKeyName(profile)).secret, m_emulator.readWriteKey());
    }

    // RELIABILITY row 2: with no Secret Service at all, signing in still works and the user is told plainly that the
    // key is kept for this session only; nothing reaches the keychain. libsecret connects to the session bus once
    // per process, so this runs in a child process of this test whose D-Bus address points nowhere.
    void noKeychainKeepsKeyForThisSessionOnly()
    {
        const QString childProfile = qEnvironmentVariable("CC_WELCOME_NO_KEYCHAIN_PROFILE");
        if (!childProfile.isEmpty())
            return signInWithoutKeychain(childProfile);

        const QString profile = uniqueProfile();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_configDir.filePath(QStringLiteral("no-such-bus")));
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
        env.insert(QStringLiteral("CC_WELCOME_NO_KEYCHAIN_PROFILE"), profile);
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeychainKeepsKeyForThisSessionOnly")});
        QVERIFY(process.waitForStarted());
        const bool finished = process.waitForFinished(60000);
        const QByteArray output = process.readAll();
        QVERIFY2(finished, output.constData());
        QVERIFY(!output.contains(m_emulator.readWriteKey().toUtf8()));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestWelcomeDialog::noKeychainKeepsKeyForThisSessionOnly()"), output.constData());
        // The real keychain of the test session never received it.
        const SecretResult stored = readKeychain(SecretStore::apiKeyName(profile));
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error->kind, SecretError::Kind::NotFound);
    }

    // RELIABILITY row 12: a server that accepts the connection and never answers. The dialog says it timed out, the
    // busy indicator stops, the user can try again, and the key is not saved.
    void silentServerTimesOut()
    {
        if (!qEnvironmentVariableIsEmpty("CC_WELCOME_NO_KEYCHAIN_PROFILE"))
            QSKIP("runs in the parent process only");
        QVERIFY(m_emulator.addFault(QStringLiteral("GET"), QStringLiteral("^/user/me$"), QStringLiteral("silent")));
        const auto clearFaults = qScopeGuard([this] { m_emulator.clearFaults(); });
        const QString profile = uniqueProfile();
        QNetworkAccessManager network; // no kept-alive connection from earlier tests
        Harness h = makeDialog(profile, true, &network);
        auto *field = child<KeyField>(h.dialog.get(), "apiKeyField");
        auto *button = child<QPushButton>(h.dialog.get(), "signInButton");
        auto *busy = child<QProgressBar>(h.dialog.get(), "busyIndicator");
        QVERIFY(field && button && busy);
        field->setFocus();
        QTest::keyClicks(field, m_emulator.readWriteKey());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(busy->isVisible());
        QVERIFY(!button->isEnabled());

        // The API client's inactivity limit is 30 s; the dialog must not hang past it.
        QTRY_VERIFY_WITH_TIMEOUT(!h.dialog->problemText().isEmpty(), 45000);
        const QString text = h.dialog->problemText();
        QVERIFY2(text.contains(QLatin1String("did not answer in time")), qPrintable(text));
        QCOMPARE(h.dialog->successText(), QString());
        QVERIFY(!busy->isVisible());
        QVERIFY(field->isEnabled());
        QVERIFY(button->isEnabled());
        QVERIFY(!readKeychain(SecretStore::apiKeyName(profile)).ok());
        QVERIFY(!m_profiles->profile(profile).has_value() || !m_profiles->profile(profile)->keySaved);
        bool sawSilentMe = false;
        for (const QJsonObject &request : m_emulator.requests())
            sawSilentMe |= request.value(QLatin1String("path")).toString() == QLatin1String("/user/me")
                && request.value(QLatin1String("status")).toInt() == 0;
        QVERIFY(sawSilentMe);
    }

    void keyFieldNeverReachesTheClipboard()
    {
        Harness h = makeDialog(uniqueProfile());
        auto *field = child<KeyField>(h.dialog.get(), "apiKeyField");
        QVERIFY(field);
        const QString sentinel = QStringLiteral("clipboard sentinel %1").arg(QRandomGenerator::global()->generate());
        QApplication::clipboard()->setText(sentinel);
        field->setFocus();
        QTest::keyClicks(field, m_emulator.readWriteKey());
        QCOMPARE(field->text(), m_emulator.readWriteKey());

        field->selectAll();
        field->copy();
        QCOMPARE(QApplication::clipboard()->text(), sentinel);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), sentinel);
        QTest::keyClick(field, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), sentinel);
        QCOMPARE(field->text(), m_emulator.readWriteKey()); // cut did not remove it either

        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QVERIFY(field->displayText() != field->text());
        QVERIFY(field->inputMethodHints().testFlag(Qt::ImhSensitiveData));
        QVERIFY(field->inputMethodHints().testFlag(Qt::ImhNoPredictiveText));
        QVERIFY(field->inputMethodHints().testFlag(Qt::ImhHiddenText));
        QCOMPARE(field->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!field->dragEnabled());
    }

    void reopeningShowsOnlyTheMask()
    {
        const QString profile = uniqueProfile();
        const QString key = m_emulator.readWriteKey();
        SessionServices services{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter};
        SessionController session(services);
        session.setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        QSignalSpy signedIn(&session, &SessionController::signedIn);

        QPointer<WelcomeDialog> first = session.openWelcome(profile);
        QVERIFY(first);
        signIn(*first, key);
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(child<QPushButton>(first.data(), "signInButton"), Qt::LeftButton);
        QTRY_COMPARE(signedIn.count(), 1);
        QTRY_VERIFY(!first); // closed and deleted

        // Later the user opens the dialog again for the same profile (Profiles > Replace key…).
        QPointer<WelcomeDialog> second = session.openWelcome();
        QVERIFY(second);
        auto *field = child<KeyField>(second.data(), "apiKeyField");
        QVERIFY(field->text().isEmpty());
        auto *savedLabel = child<QLabel>(second.data(), "savedKeyLabel");
        QVERIFY(savedLabel->isVisibleTo(second));
        QVERIFY2(savedLabel->text().contains(KeyService::mask(key)), qPrintable(savedLabel->text()));
        // Nowhere in the dialog is the key itself.
        for (const QLineEdit *edit : second->findChildren<QLineEdit *>()) {
            QVERIFY(!edit->text().contains(key));
            QVERIFY(!edit->placeholderText().contains(key));
        }
        for (const QLabel *label : second->findChildren<QLabel *>())
            QVERIFY(!label->text().contains(key));
        second->close();
    }
};

QTEST_MAIN(TestWelcomeDialog)
#include "tst_welcomedialog.moc"
