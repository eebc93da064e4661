#include "cliparser.h"

#include "commands.h"
#include "diffoptions.h"
#include "exitcode.h"

namespace Cloudcraft::Cli {

void addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const auto flag = [&](const QStringList &names, const char *description) {
        parser.addOption(QCommandLineOption(names, QString::fromLatin1(description)));
    };
    const auto valued = [&](const QStringList &names, const char *description, const char *valueName) {
        parser.addOption(QCommandLineOption(names, QString::fromLatin1(description), QString::fromLatin1(valueName)));
    };
    // Global
    flag({QStringLiteral("h"), QStringLiteral("help")}, "Show help.");
    flag({QStringLiteral("version")}, "Show the version.");
    valued({QStringLiteral("profile")}, "Profile to use.", "name");
    valued({QStringLiteral("api-url")}, "API base URL (https only).", "url");
    valued({QStringLiteral("ca-file")}, "Extra CA certificates (PEM).", "file");
    flag({QStringLiteral("json")}, "Machine-readable JSON on stdout.");
    flag({QStringLiteral("q"), QStringLiteral("quiet")}, "No progress or confirmations.");
    flag({QStringLiteral("v"), QStringLiteral("verbose")}, "Log requests on stderr.");
    flag({QStringLiteral("y"), QStringLiteral("yes")}, "Confirm destructive commands.");
    // Export and snapshot
    valued({QStringLiteral("format")}, "Output format.", "format");
    valued({QStringLiteral("o"), QStringLiteral("output")}, "Output file.", "file");
    valued({QStringLiteral("scale")}, "Scale factor.", "x");
    valued({QStringLiteral("width")}, "Width in pixels.", "px");
    valued({QStringLiteral("height")}, "Height in pixels.", "px");
    flag({QStringLiteral("grid")}, "Draw the grid.");
    flag({QStringLiteral("transparent")}, "Transparent background.");
    flag({QStringLiteral("landscape")}, "Landscape paper (PDF).");
    valued({QStringLiteral("paper-size")}, "Paper size (PDF).", "size");
    valued({QStringLiteral("currency")}, "Budget currency.", "code");
    valued({QStringLiteral("period")}, "Budget period h|d|w|m|y.", "p");
    valued({QStringLiteral("rate")}, "Budget rate effective|stated.", "rate");
    valued({QStringLiteral("filter")}, "Live scan filter expression.", "expr");
    valued({QStringLiteral("exclude")}, "Component types to leave out.", "types");
    valued({QStringLiteral("label")}, "Label components (true|false).", "bool");
    valued({QStringLiteral("autoconnect")}, "Connect components (true|false).", "bool");
    valued({QStringLiteral("projection")}, "isometric|2d.", "p");
    valued({QStringLiteral("theme")}, "light|dark.", "theme");
    // Blueprints and accounts
    valued({QStringLiteral("etag")}, "ETag for If-Match.", "etag");
    valued({QStringLiteral("policy")}, "IAM policy custom|minimal.", "kind");
    valued({QStringLiteral("name")}, "Name.", "name");
    valued({QStringLiteral("role-arn")}, "IAM role ARN.", "arn");
    valued({QStringLiteral("region")}, "Region.", "region");
    valued({QStringLiteral("read-access")}, "Comma-separated team/<id> list.", "list");
    valued({QStringLiteral("write-access")}, "Comma-separated team/<id> list.", "list");
    valued({QStringLiteral("application-id")}, "Azure application id.", "id");
    valued({QStringLiteral("directory-id")}, "Azure directory id.", "id");
    valued({QStringLiteral("subscription-id")}, "Azure subscription id.", "id");
    flag({QStringLiteral("new-secret")}, "Read a new Azure client secret from stdin.");
    addDiffOptions(parser);
    addSnapshotOptions(parser);
    addConvertOptions(parser);
    addInventoryOptions(parser);
}

std::optional<QString> findSecretOption(const QStringList &arguments)
{
    static const QStringList forbidden{QStringLiteral("api-key"), QStringLiteral("apikey"), QStringLiteral("key"),
                                       QStringLiteral("token"),   QStringLiteral("api-token"), QStringLiteral("apitoken"),
                                       QStringLiteral("client-secret"), QStringLiteral("secret"), QStringLiteral("password")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--")
            break;
        if (!arg.startsWith(u'-'))
            continue;
        QString name = arg.mid(arg.startsWith(QStringLiteral("--")) ? 2 : 1);
        name = name.section(u'=', 0, 0).toLower();
        if (forbidden.contains(name))
            return u"--" + name;
    }
    return std::nullopt;
}

QString helpText()
{
    return QStringLiteral(R"(Usage: cloudcraft-cli [global options] <group> <verb> [arguments] [options]

Command-line client for the Cloudcraft developer API.

Global options:
  --profile NAME      profile to use (default: the current profile, see `profile use`)
  --api-url URL       API base URL for this run (https only; default https://api.cloudcraft.co)
  --ca-file FILE      extra CA certificates (PEM) to trust for this run
  --json              print machine-readable JSON on stdout (read commands)
  -q, --quiet         no progress, no confirmations on stdout
  -v, --verbose       log each request (method, path, status) on stderr; never the key
  -y, --yes           confirm destructive commands (required when not on a terminal)
  -h, --help          this help;  --version  the version

The API key is read from standard input or the CLOUDCRAFT_API_KEY environment variable, never from an argument.

Commands:
  auth login                     validate the key from stdin (or a hidden prompt) and save it in the keychain
  auth logout                    remove the profile's key from the keychain
  auth status                    profile, masked key, where it comes from, user, read-only flag

  profile list                   profiles and which one is current
  profile add NAME               add or change a profile (--api-url, --ca-file)
  profile use NAME               make NAME the current profile
  profile remove NAME            remove a profile and its key

  blueprint list                 all blueprints
  blueprint get ID               one blueprint (--json for the whole document, --output FILE to save it)
  blueprint export ID --format F --output FILE
                                 F: png|svg|pdf|mxgraph|json|budget-csv|budget-xlsx; FILE "-" is stdout
                                 --scale X --width PX --height PX --grid --transparent --landscape
                                 --paper-size Letter|Legal|Tabloid|Ledger|A0..A5
                                 budget: --currency USD --period h|d|w|m|y --rate effective|stated
  blueprint create FILE          create a blueprint from a JSON document
  blueprint update ID FILE       replace a blueprint; guarded by If-Match (ETag of a fresh GET, or --etag)
  blueprint delete ID            delete a blueprint

  aws list | show ID             linked AWS accounts
  aws add --name N --role-arn ARN [--region R] [--read-access L] [--write-access L]
  aws update ID [--name N] [--role-arn ARN]
  aws remove ID
  aws snapshot ID REGION --format png|svg|pdf|json|mxgraph --output FILE
                                 [--filter EXPR] [--exclude ec2,sg] [--label true|false] [--autoconnect true|false]
                                 [--projection isometric|2d] [--theme light|dark] and the export options above;
                                 waits while the server answers 202 (still processing)
  aws iam-params [--policy custom|minimal]
                                 the role parameters to trust Cloudcraft, or an IAM policy document

  azure list | show ID           linked Azure accounts
  azure add --name N --application-id ID --directory-id ID --subscription-id ID
                                 (the client secret is read from stdin or a hidden prompt)
  azure update ID [--name N] [...] [--new-secret]
  azure remove ID
  azure snapshot ID REGION --format F --output FILE [options as for aws snapshot]

  team list                      teams you belong to
  user me                        the user who owns the key

  backup DIR                     save every blueprint as DIR/<id>.json plus DIR/index.json; re-running skips
                                 blueprints whose updatedAt did not change
  restore DIR                    create missing blueprints, update the others with If-Match; a blueprint changed
                                 on the server since the backup is reported as a conflict and not overwritten

)") + snapshotHelpText() + QStringLiteral("\n") + diffHelpText() + QStringLiteral("\n") + convertHelpText() + QStringLiteral("\n") + inventoryHelpText() + QStringLiteral(R"(
Environment:
  CLOUDCRAFT_API_KEY   API key (overrides the keychain)
  CLOUDCRAFT_TIMEOUT   per-request timeout in seconds

Exit codes:
)") + exitCodeTable();
}

} // namespace Cloudcraft::Cli
