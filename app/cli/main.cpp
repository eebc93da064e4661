// cloudcraft-cli: wiring only. Parsing rules in cliparser.cpp, services in clicontext.cpp, commands per group.

#include "clicontext.h"
#include "cliparser.h"
#include "commands.h"

#include <cloudcraft/version.h>

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

using namespace Cloudcraft::Cli;

namespace {

// `convert --preview` draws text, which needs Qt's GUI font database: only then does the CLI start a (headless)
// QGuiApplication; every other command stays a plain QCoreApplication.
bool needsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--preview") == 0 || qstrncmp(argv[i], "--preview=", 10) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("cloudcraft-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Cloudcraft::kAppVersion));

    CliOutput out;
    if (const auto secret = findSecretOption(QCoreApplication::arguments())) {
        out.error(QStringLiteral("Refusing %1: secrets on the command line are visible to other users and end up in "
                                 "shell history. Pipe the key on stdin (`cloudcraft-cli auth login < keyfile`) or "
                                 "set CLOUDCRAFT_API_KEY.")
                      .arg(*secret));
        return int(ExitCode::Usage);
    }

    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        out.error(parser.errorText() + QStringLiteral(". See cloudcraft-cli --help."));
        return int(ExitCode::Usage);
    }
    if (parser.isSet(QStringLiteral("help")) || parser.positionalArguments().value(0) == u"help") {
        out.data(helpText());
        return int(ExitCode::Success);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out.data(QStringLiteral("cloudcraft-cli ") + QCoreApplication::applicationVersion());
        return int(ExitCode::Success);
    }
    if (parser.positionalArguments().isEmpty()) {
        out.error(helpText());
        return int(ExitCode::Usage);
    }
    out.setJson(parser.isSet(QStringLiteral("json")));
    out.setQuiet(parser.isSet(QStringLiteral("quiet")));
    out.setVerbose(parser.isSet(QStringLiteral("verbose")));

    CliContext ctx(parser, out);
    return int(dispatch(ctx, parser.positionalArguments()));
}
