#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QApplication;

namespace Cloudcraft::Core {
class DiffSourceRegistry;
}

namespace Cloudcraft::Ui::CompareLauncher {

/// `cloudcraft-desktop compare A B [--screenshots DIR]` or `cloudcraft-desktop cloudcraft-desktop://compare?a=..&b=..`.
struct Invocation
{
    QString a;
    QString b;
    QString screenshotDir; ///< write one PNG per mode there once the first result is shown, then quit
    QString profile;
    QUrl apiUrl;
    QString caFile;
};

struct ParseResult
{
    bool isCompare = false; ///< false: not a compare command line, start the main window
    Invocation invocation;
    QString error;          ///< one sentence when isCompare and the command line is wrong
    bool ok() const { return isCompare && error.isEmpty(); }
};

/// The URL scheme the HTML diff report links to (HtmlReport::desktopCompareUrl) and the .desktop file registers.
inline constexpr char kUrlScheme[] = "cloudcraft-desktop";

/// True when `arguments` (QCoreApplication::arguments(), program first) ask for a compare.
bool isCompareInvocation(const QStringList &arguments);
/// Reads a compare command line (program first); options: --profile, --api-url, --ca-file, --screenshots.
ParseResult parseArguments(const QStringList &arguments);
/// Reads `cloudcraft-desktop://compare?a=<ref>&b=<ref>` strictly: that scheme and host only, no user, port, path
/// or fragment, exactly the parameters a and b once each, both non-empty. Fills invocation.a/b or error.
ParseResult parseUrl(const QString &text);

/// "" when `reference` is something a compare can load with `registry` (a registered reference, or a file that
/// exists); else one sentence naming it and the problem.
QString checkReference(const QString &reference, const Core::DiffSourceRegistry &registry);
/// True when `reference` is fetched through the Cloudcraft API (so the saved profile must sign in).
bool needsApi(const QString &reference, const Core::DiffSourceRegistry &registry);

/// Runs the compare window for `arguments` until it is closed. Returns the process exit code: 2 with a sentence on
/// stderr for a bad command line or reference, 0 otherwise (1 when screenshots could not be written).
int run(QApplication &app, const QStringList &arguments);

} // namespace Cloudcraft::Ui::CompareLauncher
