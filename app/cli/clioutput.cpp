#include "clioutput.h"

#include "terminal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Cloudcraft::Cli {

CliOutput::CliOutput()
    : m_stdinTty(Terminal::isTerminal(stdin))
    , m_stderrTty(Terminal::isTerminal(stderr))
{
}

void CliOutput::data(const QString &line)
{
    const QByteArray bytes = (line + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::printJson(const QJsonValue &value)
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::table(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << h.size();
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], std::max<qsizetype>(row[i].size(), 1));
    auto format = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i).isEmpty() ? QStringLiteral("-") : cells.value(i);
            line += (i + 1 < widths.size()) ? cell.leftJustified(widths[i] + 2) : cell;
        }
        return line;
    };
    data(format(headers));
    for (const QStringList &row : rows)
        data(format(row));
}

void CliOutput::info(const QString &line)
{
    if (!m_quiet && !m_json)
        data(line);
}

void CliOutput::error(const QString &line)
{
    writeErr(line);
}

void CliOutput::warning(const QString &line)
{
    writeErr(line);
}

void CliOutput::debug(const QString &line)
{
    if (m_verbose)
        writeErr(line);
}

void CliOutput::progress(const QString &line)
{
    if (!m_stderrTty || m_quiet)
        return;
    const QByteArray bytes = (QStringLiteral("\r\x1b[K") + line).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    m_progressShown = true;
}

void CliOutput::endProgress()
{
    if (!m_progressShown)
        return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    m_progressShown = false;
}

bool CliOutput::writeRaw(const QByteArray &bytes)
{
    const size_t written = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return std::fflush(stdout) == 0 && written == size_t(bytes.size());
}

void CliOutput::writeErr(const QString &line)
{
    endProgress();
    const QByteArray bytes = (line + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace Cloudcraft::Cli
