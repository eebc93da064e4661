#pragma once

// Runs the real cloudcraft-cli binary (QProcess) against the real emulator inside the test session, and checks on
// every run that no API key ever appears in its output (RELIABILITY.md row 28).

#include "emulatorprocess.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace Cloudcraft::Test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
    QString text() const { return QString::fromUtf8(out + err); }
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

class CliRunner final
{
public:
    /// Each runner has its own config directory (profiles.ini), so tests do not share profiles.
    explicit CliRunner(const EmulatorProcess &emulator)
        : m_emulator(emulator)
    {
        m_secrets << emulator.readWriteKey() << emulator.readOnlyKey();
    }

    QString configDir() const { return m_config.path(); }
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }
    void unsetEnv(const QString &name) { m_env.remove(name); }
    /// Adds a string that must never appear in any output (a key used by the test).
    void addSecret(const QString &secret) { m_secrets << secret; }

    /// `cloudcraft-cli --api-url <emulator> --ca-file <test CA> args...`
    CliRun run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 45000) const
    {
        return runRaw(QStringList{QStringLiteral("--api-url"), m_emulator.baseUrl().toString(),
                                  QStringLiteral("--ca-file"), m_emulator.caFile()}
                          + args,
                      stdinData, timeoutMs);
    }

    CliRun runRaw(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 45000,
                  const QString &program = QStringLiteral(CLOUDCRAFT_CLI_BINARY)) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.remove(QStringLiteral("CLOUDCRAFT_API_KEY"));
        for (const QString &name : m_env.keys())
            env.insert(name, m_env.value(name));
        process.setProcessEnvironment(env);
        process.start(program, args);
        CliRun run;
        if (!process.waitForStarted(10000))
            return run;
        process.write(stdinData);
        process.closeWriteChannel();
        run.finished = process.waitForFinished(timeoutMs);
        if (!run.finished) {
            process.kill();
            process.waitForFinished(3000);
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        checkNoSecret(run, args);
        return run;
    }

    /// True when no run so far printed a key; details in failures().
    QStringList failures() const { return m_leaks; }

private:
    void checkNoSecret(const CliRun &run, const QStringList &args) const
    {
        for (const QString &secret : m_secrets) {
            if (secret.isEmpty())
                continue;
            const QByteArray s = secret.toUtf8();
            // The whole key, its first half, and its base64-decoded body are all leaks.
            const QByteArray decoded = QByteArray::fromBase64(s);
            if (run.out.contains(s) || run.err.contains(s) || run.out.contains(s.left(s.size() / 2))
                || run.err.contains(s.left(s.size() / 2)) || (decoded.size() > 8 && (run.out.contains(decoded) || run.err.contains(decoded))))
                m_leaks << args.join(u' ');
        }
    }

    const EmulatorProcess &m_emulator;
    QTemporaryDir m_config;
    QHash<QString, QString> m_env;
    QStringList m_secrets;
    mutable QStringList m_leaks;
};

/// QVERIFY the exit code and show the output when it differs.
#define CLI_EXPECT(run, code)                                                                                          \
    do {                                                                                                               \
        const auto &r_ = (run);                                                                                        \
        QVERIFY2(r_.finished, "cloudcraft-cli did not finish in time");                                                \
        QVERIFY2(r_.exitCode == (code), qPrintable(QStringLiteral("exit %1 (expected %2): %3")                          \
                                                      .arg(r_.exitCode)                                                \
                                                      .arg(code)                                                       \
                                                      .arg(r_.text().left(1500))));                                    \
    } while (false)

} // namespace Cloudcraft::Test
