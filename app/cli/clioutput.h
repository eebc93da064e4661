#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Cli {

/// Everything the CLI prints goes through here: data on stdout (human tables or --json), messages on stderr.
/// Progress appears only when stderr is a terminal and never with --quiet.
class CliOutput final
{
public:
    CliOutput();
    Q_DISABLE_COPY_MOVE(CliOutput)

    void setJson(bool json) { m_json = json; }
    void setQuiet(bool quiet) { m_quiet = quiet; }
    void setVerbose(bool verbose) { m_verbose = verbose; }
    bool json() const { return m_json; }
    bool quiet() const { return m_quiet; }
    bool verbose() const { return m_verbose; }
    bool stdinIsTerminal() const { return m_stdinTty; }
    bool stderrIsTerminal() const { return m_stderrTty; }

    /// A line of result data on stdout (human mode).
    void data(const QString &line);
    /// The machine-readable result on stdout (--json mode), indented, one document per run.
    void printJson(const QJsonValue &value);
    /// An aligned table with a header row; empty cells print as "-".
    void table(const QStringList &headers, const QList<QStringList> &rows);
    /// Confirmation of what was done ("Wrote x.png"): stdout in human mode, hidden by --quiet and --json.
    void info(const QString &line);
    /// Always shown on stderr.
    void error(const QString &line);
    void warning(const QString &line);
    /// Only with --verbose, on stderr.
    void debug(const QString &line);
    /// Transient status on a terminal only; cleared by the next line.
    void progress(const QString &line);
    void endProgress();
    /// Raw bytes on stdout (export to "-").
    bool writeRaw(const QByteArray &bytes);

private:
    void writeErr(const QString &line);

    bool m_json = false;
    bool m_quiet = false;
    bool m_verbose = false;
    bool m_stdinTty = false;
    bool m_stderrTty = false;
    bool m_progressShown = false;
};

} // namespace Cloudcraft::Cli
