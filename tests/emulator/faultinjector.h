#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace Cloudcraft::Emulator {

enum class FaultKind {
    Delay,
    Silent,
    Drip,
    Status,
    Truncate,
    InvalidJson,
    Oversize,
    OversizeChunked,
    GzipBomb,
    RedirectForeign,
    RedirectPlain,
    RedirectRelativeForeign,
};

/// One answer of a `status:` fault: the status and an optional Retry-After (seconds or an HTTP-date).
struct StatusStep
{
    int status = 200;
    int retryAfter = -1; // seconds; -1 = default for the status
    bool retryAfterAsDate = false;
};

/// What to do with one matched request.
struct FaultAction
{
    FaultKind kind = FaultKind::Delay;
    qint64 value = 0; // delay ms, oversize bytes, redirect status
    StatusStep step;  // for Status
};

/// A fault on a route: method ("*" for any) + path regex + kind. Parsed from "METHOD PATH_REGEX=FAULT" or JSON.
struct FaultRule
{
    QString method;
    QRegularExpression path;
    FaultKind kind = FaultKind::Delay;
    qint64 value = 0;
    QList<StatusStep> steps; // remaining answers of a status: fault
    QString spec;            // the fault text as given, for listing

    static std::optional<FaultRule> parse(const QString &method, const QString &pathRegex, const QString &fault,
                                          QString *errorMessage);
    static std::optional<FaultRule> parseCommandLine(const QString &text, QString *errorMessage);
};

/// The active faults. The first rule (in order added) matching a request decides; a status: rule is used up
/// after its last answer, all other kinds stay until cleared.
class FaultInjector final
{
public:
    void add(FaultRule rule) { m_rules.append(std::move(rule)); }
    void clear() { m_rules.clear(); }
    qsizetype count() const { return m_rules.size(); }
    std::optional<FaultAction> take(const QByteArray &method, const QString &path);

    /// A gzip member that inflates to 50 MB of zeros (made once, on first use).
    const QByteArray &gzipBomb();

private:
    QList<FaultRule> m_rules;
    QByteArray m_gzipBomb;
};

} // namespace Cloudcraft::Emulator
