#pragma once

#include "exitcode.h"

#include "diff/diffreportwriter.h"
#include "diff/pixeldiff.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Cli {

class CliContext;

/// One `--report FORMAT FILE`.
struct DiffReportRequest
{
    Core::DiffReportWriter::Format format = Core::DiffReportWriter::Format::Html;
    QString path;
};

/// Everything `cloudcraft-cli diff A B` was asked to do, checked before any file is read.
struct DiffSettings
{
    QString a;
    QString b;
    Core::PixelDiffOptions pixels;  ///< threshold, includeAA, alignment, ignore regions
    qint64 failOnPixels = -1;       ///< -1: not given
    double failOnRatio = -1;        ///< -1: not given
    bool structure = false;         ///< compare the documents behind references, not their pictures
    double svgScale = 1.0;
    QString diffOut;
    QString overlayOut;
    QList<DiffReportRequest> reports;

    bool wantsImages() const { return !diffOut.isEmpty() || !overlayOut.isEmpty(); }
    bool hasReport(Core::DiffReportWriter::Format format) const;
    /// Every output file, for the "not an input" check.
    QStringList outputPaths() const;
};

/// Registers the options of `diff` (--threshold, --include-aa, --ignore, --align, --diff-out, --overlay-out,
/// --fail-on-pixels, --fail-on-ratio, --report, --structure) on the CLI's one parser.
void addDiffOptions(QCommandLineParser &parser);
/// The `diff` lines of --help.
QString diffHelpText();

/// Reads and checks the options and the two positional arguments; prints one sentence and returns
/// ExitCode::Usage on a mistake. `arguments` are the process arguments (to find `--report FORMAT FILE`, whose FILE
/// the parser sees as a positional argument), `positional` the ones after `diff`.
ExitCode readDiffSettings(CliContext &ctx, const QStringList &arguments, QStringList positional, DiffSettings &settings);

} // namespace Cloudcraft::Cli
