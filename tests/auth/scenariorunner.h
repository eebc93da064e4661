#pragma once

// Runs this test executable again as a child process for keychain situations that must not disturb the shared test
// session: a missing D-Bus, a locked collection, a frozen Secret Service. The child prints "key=value" lines.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace Cloudcraft::Test {

struct ScenarioOutput
{
    int exitCode = -1;
    QHash<QString, QString> values;
    QString stdErr;
    bool finished = false;
};

inline ScenarioOutput parseScenario(QProcess &process, int timeoutMs)
{
    ScenarioOutput out;
    out.finished = process.waitForFinished(timeoutMs);
    if (!out.finished) {
        process.kill();
        process.waitForFinished(2000);
    }
    out.exitCode = process.exitCode();
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            out.values.insert(line.left(eq), line.mid(eq + 1));
    }
    out.stdErr = QString::fromUtf8(process.readAllStandardError());
    return out;
}

/// The child runs in the current session but with DBUS_SESSION_BUS_ADDRESS pointing at a socket that does not exist.
inline ScenarioOutput runWithoutBus(const QString &scenario, const QStringList &args, const QString &configDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + configDir
                   + QStringLiteral("/no-such-bus-socket"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    process.setProcessEnvironment(env);
    process.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--scenario"), scenario} + args);
    return parseScenario(process, 30000);
}

/// The child runs in its own dbus-run-session with its own gnome-keyring (unlocked with a throwaway password, data
/// and runtime in `dir`); the daemon's pid is passed to the child as the argument after the scenario name.
inline ScenarioOutput runInPrivateKeyring(const QString &scenario, const QStringList &args, const QTemporaryDir &dir)
{
    const QString script = QStringLiteral(R"(set -e
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"; chmod 700 "$XDG_RUNTIME_DIR"
printf %s private-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
pid=
for i in $(seq 1 50); do
    pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
          | awk '/uint32/ {print $2}') || true
    [ -n "$pid" ] && break
    sleep 0.1
done
scenario=$1; shift; rc=0
"$0" --scenario "$scenario" "$pid" "$@" || rc=$?
kill -CONT "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true
exit $rc
)");
    for (const char *sub : {"data", "runtime", "config"})
        QDir(dir.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(env);
    QStringList arguments{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                          QCoreApplication::applicationFilePath(), scenario};
    process.start(QStringLiteral("dbus-run-session"), arguments + args);
    return parseScenario(process, 40000);
}

} // namespace Cloudcraft::Test
