#include "terminal.h"

#include <QFile>

#include <termios.h>
#include <unistd.h>

namespace Cloudcraft::Cli::Terminal {

bool isTerminal(FILE *stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

namespace {

QString readLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
        return {};
    return QString::fromUtf8(in.readLine(8192)).trimmed();
}

} // namespace

QString readHiddenLine(const QString &prompt)
{
    if (!isTerminal(stdin))
        return {};
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool canHide = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        hidden.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    const QString line = readLine();
    if (canHide)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return line;
}

QString readStdin(qsizetype maxBytes)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
        return {};
    return QString::fromUtf8(in.read(maxBytes)).trimmed();
}

bool askYesNo(const QString &question)
{
    std::fputs((question + QStringLiteral(" [y/N] ")).toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    const QString answer = readLine().toLower();
    return answer == u"y" || answer == u"yes";
}

} // namespace Cloudcraft::Cli::Terminal
