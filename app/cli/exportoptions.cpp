#include "exportoptions.h"

#include "clicontext.h"

#include "exporting/exportsettings.h"

namespace Cloudcraft::Cli {

namespace {

ExitCode readBool(CliContext &ctx, const QString &name, std::optional<bool> &target)
{
    if (!ctx.isSet(name))
        return ExitCode::Success;
    const QString v = ctx.value(name).toLower();
    if (v == u"true" || v == u"yes" || v == u"1")
        target = true;
    else if (v == u"false" || v == u"no" || v == u"0")
        target = false;
    else
        return ctx.usage(QStringLiteral("--%1 takes true or false.").arg(name));
    return ExitCode::Success;
}

ExitCode readChoice(CliContext &ctx, const QString &name, const QStringList &choices, std::optional<QString> &target)
{
    if (!ctx.isSet(name))
        return ExitCode::Success;
    const QString v = ctx.value(name);
    for (const QString &choice : choices) {
        if (choice.compare(v, Qt::CaseInsensitive) == 0) {
            target = choice;
            return ExitCode::Success;
        }
    }
    return ctx.usage(QStringLiteral("--%1 must be one of %2.").arg(name, choices.join(QStringLiteral(", "))));
}

ExitCode readPositiveInt(CliContext &ctx, const QString &name, std::optional<int> &target)
{
    if (!ctx.isSet(name))
        return ExitCode::Success;
    bool ok = false;
    const int v = ctx.value(name).toInt(&ok);
    if (!ok || v <= 0 || v > 20000)
        return ctx.usage(QStringLiteral("--%1 must be a whole number of pixels between 1 and 20000.").arg(name));
    target = v;
    return ExitCode::Success;
}

} // namespace

ExitCode readExportOptions(CliContext &ctx, Core::ExportOptions &options)
{
    if (ctx.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        const double scale = ctx.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || scale <= 0.0 || scale > 10.0)
            return ctx.usage(QStringLiteral("--scale must be a number above 0 and at most 10."));
        options.scale = scale;
    }
    for (const auto &[name, target] : {std::pair{QStringLiteral("width"), &options.width},
                                       std::pair{QStringLiteral("height"), &options.height}}) {
        if (const ExitCode code = readPositiveInt(ctx, name, *target); code != ExitCode::Success)
            return code;
    }
    if (ctx.isSet(QStringLiteral("grid")))
        options.grid = true;
    if (ctx.isSet(QStringLiteral("transparent")))
        options.transparent = true;
    if (ctx.isSet(QStringLiteral("landscape")))
        options.landscape = true;
    // The same list the desktop's export dialog offers (src/exporting).
    static const QStringList papers = Core::ExportSettings::paperSizes();
    if (const ExitCode code = readChoice(ctx, QStringLiteral("paper-size"), papers, options.paperSize);
        code != ExitCode::Success)
        return code;
    if (const ExitCode code = readChoice(ctx, QStringLiteral("projection"),
                                         {QStringLiteral("isometric"), QStringLiteral("2d")}, options.projection);
        code != ExitCode::Success)
        return code;
    return readChoice(ctx, QStringLiteral("theme"), {QStringLiteral("light"), QStringLiteral("dark")}, options.theme);
}

ExitCode readSnapshotOptions(CliContext &ctx, Core::SnapshotOptions &options)
{
    if (const ExitCode code = readExportOptions(ctx, options.render); code != ExitCode::Success)
        return code;
    if (ctx.isSet(QStringLiteral("filter")))
        options.filter = ctx.value(QStringLiteral("filter"));
    if (ctx.isSet(QStringLiteral("exclude")))
        options.exclude = ctx.value(QStringLiteral("exclude")).split(u',', Qt::SkipEmptyParts);
    if (const ExitCode code = readBool(ctx, QStringLiteral("label"), options.label); code != ExitCode::Success)
        return code;
    return readBool(ctx, QStringLiteral("autoconnect"), options.autoconnect);
}

ExitCode readBudgetOptions(CliContext &ctx, Core::BudgetOptions &options)
{
    static const QStringList currencies{QStringLiteral("USD"), QStringLiteral("AUD"), QStringLiteral("CHF"),
                                        QStringLiteral("CKK"), QStringLiteral("EUR"), QStringLiteral("GBP"),
                                        QStringLiteral("HKD"), QStringLiteral("JPY"), QStringLiteral("NOK"),
                                        QStringLiteral("NZD"), QStringLiteral("SEK"), QStringLiteral("ZAR")};
    if (const ExitCode code = readChoice(ctx, QStringLiteral("currency"), currencies, options.currency);
        code != ExitCode::Success)
        return code;
    if (const ExitCode code = readChoice(ctx, QStringLiteral("period"),
                                         {QStringLiteral("h"), QStringLiteral("d"), QStringLiteral("w"),
                                          QStringLiteral("m"), QStringLiteral("y")},
                                         options.period);
        code != ExitCode::Success)
        return code;
    return readChoice(ctx, QStringLiteral("rate"), {QStringLiteral("effective"), QStringLiteral("stated")},
                      options.rate);
}

} // namespace Cloudcraft::Cli
