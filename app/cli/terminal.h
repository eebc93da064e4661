#pragma once

#include <QString>

#include <cstdio>

namespace Cloudcraft::Cli::Terminal {

bool isTerminal(FILE *stream);
/// Reads one line from the terminal with echo turned off (for keys and secrets); the prompt goes to stderr.
/// Returns an empty string when stdin is not a terminal or on end of input.
QString readHiddenLine(const QString &prompt);
/// Reads all of stdin (a piped key or secret), trimmed, at most `maxBytes` bytes.
QString readStdin(qsizetype maxBytes = 8192);
/// Asks a yes/no question on the terminal; anything but y/yes is "no".
bool askYesNo(const QString &question);

} // namespace Cloudcraft::Cli::Terminal
