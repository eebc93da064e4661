#include "faultinjector.h"

#include "checksum.h"

#include <QtEndian>


namespace Cloudcraft::Emulator {

namespace {
constexpr qsizetype kBombSize = 50 * 1024 * 1024;

bool parseRedirectCode(const QString &text, qint64 *code)
{
    bool ok = false;
    const int value = text.isEmpty() ? 302 : text.toInt(&ok);
    if (!text.isEmpty() && !ok)
        return false;
    if (value != 301 && value != 302 && value != 303 && value != 307 && value != 308)
        return false;
    *code = value;
    return true;
}
} // namespace

std::optional<FaultRule> FaultRule::parse(const QString &method, const QString &pathRegex, const QString &fault,
                                          QString *errorMessage)
{
    FaultRule rule;
    rule.method = method.trimmed().toUpper();
    if (rule.method.isEmpty() || rule.method == QLatin1String("ANY"))
        rule.method = QStringLiteral("*");
    rule.path = QRegularExpression(pathRegex);
    if (!rule.path.isValid()) {
        *errorMessage = QStringLiteral("invalid path regex %1: %2").arg(pathRegex, rule.path.errorString());
        return std::nullopt;
    }
    rule.spec = fault.trimmed();
    const qsizetype colon = rule.spec.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? rule.spec : rule.spec.left(colon);
    const QString argument = colon < 0 ? QString() : rule.spec.mid(colon + 1);
    bool ok = true;

    if (kind == QLatin1String("delay")) {
        rule.kind = FaultKind::Delay;
        rule.value = argument.toLongLong(&ok);
        ok = ok && rule.value >= 0;
    } else if (kind == QLatin1String("silent")) {
        rule.kind = FaultKind::Silent;
    } else if (kind == QLatin1String("drip")) {
        rule.kind = FaultKind::Drip;
    } else if (kind == QLatin1String("truncate")) {
        rule.kind = FaultKind::Truncate;
    } else if (kind == QLatin1String("invalid-json")) {
        rule.kind = FaultKind::InvalidJson;
    } else if (kind == QLatin1String("gzip-bomb")) {
        rule.kind = FaultKind::GzipBomb;
    } else if (kind == QLatin1String("oversize") || kind == QLatin1String("oversize-chunked")) {
        rule.kind = kind == QLatin1String("oversize") ? FaultKind::Oversize : FaultKind::OversizeChunked;
        rule.value = argument.toLongLong(&ok);
        ok = ok && rule.value >= 16;
    } else if (kind == QLatin1String("redirect-foreign")) {
        rule.kind = FaultKind::RedirectForeign;
        ok = parseRedirectCode(argument, &rule.value);
    } else if (kind == QLatin1String("redirect-plain")) {
        rule.kind = FaultKind::RedirectPlain;
        ok = parseRedirectCode(argument, &rule.value);
    } else if (kind == QLatin1String("redirect-relative-foreign")) {
        rule.kind = FaultKind::RedirectRelativeForeign;
        ok = parseRedirectCode(argument, &rule.value);
    } else if (kind == QLatin1String("status")) {
        rule.kind = FaultKind::Status;
        // Each entry: STATUS[:RETRY_AFTER_SECONDS | :date:SECONDS] (Retry-After as seconds or as an HTTP-date).
        const QStringList entries = argument.split(QLatin1Char(','), Qt::SkipEmptyParts);
        ok = !entries.isEmpty();
        for (const QString &entry : entries) {
            const QStringList parts = entry.trimmed().split(QLatin1Char(':'));
            StatusStep step;
            bool statusOk = false;
            step.status = parts.at(0).toInt(&statusOk);
            bool extraOk = true;
            if (parts.size() == 2) {
                step.retryAfter = parts.at(1).toInt(&extraOk);
            } else if (parts.size() == 3 && parts.at(1) == QLatin1String("date")) {
                step.retryAfterAsDate = true;
                step.retryAfter = parts.at(2).toInt(&extraOk);
            } else if (parts.size() > 1) {
                extraOk = false;
            }
            if (!statusOk || !extraOk || step.status < 100 || step.status > 599) {
                ok = false;
                break;
            }
            rule.steps.append(step);
        }
    } else {
        *errorMessage = QStringLiteral("unknown fault kind: %1").arg(kind);
        return std::nullopt;
    }
    if (!ok) {
        *errorMessage = QStringLiteral("invalid fault argument: %1").arg(rule.spec);
        return std::nullopt;
    }
    return rule;
}

std::optional<FaultRule> FaultRule::parseCommandLine(const QString &text, QString *errorMessage)
{
    // "METHOD PATH_REGEX=FAULT": the fault never contains '=', the regex may.
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    const qsizetype equals = text.lastIndexOf(QLatin1Char('='));
    if (space <= 0 || equals <= space) {
        *errorMessage = QStringLiteral("fault must look like 'METHOD PATH_REGEX=FAULT': %1").arg(text);
        return std::nullopt;
    }
    return parse(text.left(space), text.mid(space + 1, equals - space - 1).trimmed(), text.mid(equals + 1),
                 errorMessage);
}

std::optional<FaultAction> FaultInjector::take(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &rule = m_rules[i];
        if (rule.method != QLatin1String("*") && rule.method != QLatin1String(method))
            continue;
        if (!rule.path.match(path).hasMatch())
            continue;
        FaultAction action;
        action.kind = rule.kind;
        action.value = rule.value;
        if (rule.kind == FaultKind::Status) {
            action.step = rule.steps.takeFirst();
            if (rule.steps.isEmpty())
                m_rules.removeAt(i);
        }
        return action;
    }
    return std::nullopt;
}

const QByteArray &FaultInjector::gzipBomb()
{
    if (!m_gzipBomb.isEmpty())
        return m_gzipBomb;
    const QByteArray zeros(kBombSize, '\0');
    // qCompress = 4-byte big-endian length + zlib stream (2-byte header, raw deflate, 4-byte Adler-32).
    const QByteArray zlib = qCompress(zeros, 9);
    const QByteArray deflate = zlib.mid(4 + 2, zlib.size() - 4 - 2 - 4);
    QByteArray gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    gzip += deflate;
    char trailer[8];
    qToLittleEndian<quint32>(crc32(zeros), trailer);
    qToLittleEndian<quint32>(quint32(zeros.size()), trailer + 4);
    gzip += QByteArray(trailer, 8);
    m_gzipBomb = gzip;
    return m_gzipBomb;
}

} // namespace Cloudcraft::Emulator
