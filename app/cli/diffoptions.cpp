#include "diffoptions.h"

#include "clicontext.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

std::optional<DiffReportWriter::Format> reportFormat(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"html")
        return DiffReportWriter::Format::Html;
    if (n == u"markdown" || n == u"md")
        return DiffReportWriter::Format::Markdown;
    if (n == u"junit" || n == u"xml")
        return DiffReportWriter::Format::JUnit;
    return std::nullopt;
}

/// `--report FORMAT FILE` takes two words, which QCommandLineParser cannot express: it gives FORMAT as the value and
/// FILE as a positional argument. So FILE is read from the raw arguments right after the option's value.
/// `--report FORMAT=FILE` (or FORMAT:FILE) is accepted too.
struct RawReport
{
    QString format;
    QString path;
    bool pathWasPositional = false;
};

QList<RawReport> rawReports(const QStringList &arguments)
{
    QList<RawReport> reports;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--")
            break;
        QString value;
        qsizetype next = i + 1;
        if (arg == u"--report" || arg == u"-report") {
            value = arguments.value(i + 1);
            next = i + 2;
        } else if (arg.startsWith(QLatin1String("--report=")) || arg.startsWith(QLatin1String("-report="))) {
            value = arg.section(u'=', 1);
        } else {
            continue;
        }
        RawReport report;
        const qsizetype separator = value.indexOf(QRegularExpression(QStringLiteral("[=:]")));
        if (separator > 0 && reportFormat(value.left(separator))) {
            report.format = value.left(separator);
            report.path = value.mid(separator + 1);
        } else {
            report.format = value;
            report.path = arguments.value(next);
            report.pathWasPositional = !report.path.isEmpty();
        }
        reports.append(report);
    }
    return reports;
}

ExitCode readIgnore(CliContext &ctx, DiffSettings &settings)
{
    for (const QString &value : ctx.parser().values(QStringLiteral("ignore"))) {
        const QStringList parts = value.split(u',');
        QList<int> numbers;
        for (const QString &part : parts) {
            bool ok = false;
            const int n = part.trimmed().toInt(&ok);
            if (!ok)
                break;
            numbers << n;
        }
        if (parts.size() != 4 || numbers.size() != 4 || numbers[0] < 0 || numbers[1] < 0 || numbers[2] <= 0
            || numbers[3] <= 0)
            return ctx.usage(QStringLiteral("--ignore \"%1\" is not a rectangle; write x,y,width,height in pixels, "
                                            "e.g. --ignore 0,0,200,40.")
                                 .arg(value));
        settings.pixels.ignoreRegions.append(QRect(numbers[0], numbers[1], numbers[2], numbers[3]));
    }
    return ExitCode::Success;
}

ExitCode readNumbers(CliContext &ctx, DiffSettings &settings)
{
    if (ctx.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        const double t = ctx.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || !std::isfinite(t) || t < 0 || t > 1)
            return ctx.usage(QStringLiteral("--threshold must be a number from 0 to 1 (default 0.1; smaller is more "
                                            "sensitive)."));
        settings.pixels.threshold = t;
    }
    if (ctx.isSet(QStringLiteral("fail-on-pixels"))) {
        bool ok = false;
        const qint64 n = ctx.value(QStringLiteral("fail-on-pixels")).toLongLong(&ok);
        if (!ok || n < 0)
            return ctx.usage(QStringLiteral("--fail-on-pixels must be a whole number of pixels, 0 or more."));
        settings.failOnPixels = n;
    }
    if (ctx.isSet(QStringLiteral("fail-on-ratio"))) {
        bool ok = false;
        const double r = ctx.value(QStringLiteral("fail-on-ratio")).toDouble(&ok);
        if (!ok || !std::isfinite(r) || r < 0 || r > 1)
            return ctx.usage(QStringLiteral("--fail-on-ratio must be a fraction from 0 to 1, e.g. 0.01 for 1 %."));
        settings.failOnRatio = r;
    }
    if (ctx.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        const double s = ctx.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || !std::isfinite(s) || s <= 0 || s > 16)
            return ctx.usage(QStringLiteral("--scale must be a number above 0 and at most 16."));
        settings.svgScale = s;
    }
    return ExitCode::Success;
}

} // namespace

bool DiffSettings::hasReport(DiffReportWriter::Format format) const
{
    for (const DiffReportRequest &report : reports) {
        if (report.format == format)
            return true;
    }
    return false;
}

QStringList DiffSettings::outputPaths() const
{
    QStringList paths;
    if (!diffOut.isEmpty())
        paths << diffOut;
    if (!overlayOut.isEmpty())
        paths << overlayOut;
    for (const DiffReportRequest &report : reports)
        paths << report.path;
    return paths;
}

void addDiffOptions(QCommandLineParser &parser)
{
    const auto add = [&](const char *name, const char *description, const char *valueName = nullptr) {
        parser.addOption(valueName ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                                        QString::fromLatin1(valueName))
                                   : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description)));
    };
    add("threshold", "diff: colour distance threshold 0..1 (default 0.1).", "t");
    add("include-aa", "diff: count anti-aliased pixels as changes.");
    add("ignore", "diff: rectangle x,y,w,h where nothing counts (repeatable).", "rect");
    add("align", "diff: top-left|center, where images of different sizes meet.", "where");
    add("diff-out", "diff: write the pixelmatch-style diff PNG.", "file");
    add("overlay-out", "diff: write the after-image with the changes boxed.", "file");
    add("fail-on-pixels", "diff: different only above N changed pixels.", "n");
    add("fail-on-ratio", "diff: different only above this fraction of changed pixels.", "r");
    add("report", "diff: html|junit|markdown FILE (repeatable).", "format");
    add("structure", "diff: compare the documents (JSON) behind references, not their pictures.");
}

QString diffHelpText()
{
    return QStringLiteral(R"(  diff A B                       compare two diagrams; exit 0 same, 1 different, 2 error
                                 A, B: PNG, SVG, blueprint or inventory JSON files (detected by content), or
                                 blueprint:<id>, aws:<account>/<region>, azure:<account>/<region> (a live scan now)
                                 --threshold T --include-aa --ignore x,y,w,h --align top-left|center --scale X (SVG)
                                 --diff-out FILE --overlay-out FILE --report html|junit|markdown FILE
                                 --fail-on-pixels N --fail-on-ratio R --structure (JSON of references) --json
)");
}

ExitCode readDiffSettings(CliContext &ctx, const QStringList &arguments, QStringList positional, DiffSettings &settings)
{
    for (const RawReport &raw : rawReports(arguments)) {
        const auto format = reportFormat(raw.format);
        if (!format)
            return ctx.usage(QStringLiteral("--report takes html, junit or markdown and a file, e.g. --report html "
                                            "diff-report.html (not \"%1\").")
                                 .arg(raw.format));
        if (raw.path.isEmpty())
            return ctx.usage(QStringLiteral("--report %1 needs a file to write, e.g. --report %1 report.%2.")
                                 .arg(raw.format.toLower(), *format == DiffReportWriter::Format::Html ? QStringLiteral("html")
                                                           : *format == DiffReportWriter::Format::JUnit
                                                               ? QStringLiteral("xml")
                                                               : QStringLiteral("md")));
        if (raw.pathWasPositional)
            positional.removeOne(raw.path);
        settings.reports.append({*format, raw.path});
    }
    if (positional.size() != 2)
        return ctx.usage(QStringLiteral("`diff` compares two things: cloudcraft-cli diff A B (files, blueprint:<id>, "
                                        "aws:<account>/<region> or azure:<account>/<region>)."));
    settings.a = positional.at(0);
    settings.b = positional.at(1);

    if (const ExitCode code = readNumbers(ctx, settings); code != ExitCode::Success)
        return code;
    if (const ExitCode code = readIgnore(ctx, settings); code != ExitCode::Success)
        return code;
    settings.pixels.includeAA = ctx.isSet(QStringLiteral("include-aa"));
    if (ctx.isSet(QStringLiteral("align"))) {
        const QString align = ctx.value(QStringLiteral("align")).toLower();
        if (align == u"top-left" || align == u"topleft")
            settings.pixels.alignment = DiffAlignment::TopLeft;
        else if (align == u"center" || align == u"centre")
            settings.pixels.alignment = DiffAlignment::Center;
        else
            return ctx.usage(QStringLiteral("--align must be top-left or center."));
    }
    settings.structure = ctx.isSet(QStringLiteral("structure"));
    settings.diffOut = ctx.value(QStringLiteral("diff-out"));
    settings.overlayOut = ctx.value(QStringLiteral("overlay-out"));
    if ((ctx.isSet(QStringLiteral("diff-out")) && settings.diffOut.isEmpty())
        || (ctx.isSet(QStringLiteral("overlay-out")) && settings.overlayOut.isEmpty()))
        return ctx.usage(QStringLiteral("--diff-out and --overlay-out need a file name."));

    // An output must never replace an input (or another output): refuse before anything is read.
    const QStringList outputs = settings.outputPaths();
    QStringList seen{QFileInfo(settings.a).absoluteFilePath(), QFileInfo(settings.b).absoluteFilePath()};
    for (const QString &output : outputs) {
        if (output == u"-")
            return ctx.usage(QStringLiteral("Diff outputs are files; \"-\" (standard output) is not supported, use "
                                            "--json for data on stdout."));
        const QString absolute = QFileInfo(output).absoluteFilePath();
        if (seen.contains(absolute))
            return ctx.usage(QStringLiteral("%1 is named twice (as an input or another output); every output needs "
                                            "its own file.")
                                 .arg(output));
        seen << absolute;
    }
    return ExitCode::Success;
}

} // namespace Cloudcraft::Cli
