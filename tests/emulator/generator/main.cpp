// cloudcraft-workspace-gen: writes emulator workspaces (docs/contracts.md), the demo one or large synthetic ones.
#include "workspacegenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;
using Cloudcraft::Emulator::WorkspaceGenerator;
using Cloudcraft::Emulator::WorkspaceOptions;

namespace {

bool readCount(const QCommandLineParser &parser, const QString &name, int low, int high, int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < low || parsed > high) {
        QTextStream(stderr) << "cloudcraft-workspace-gen: --" << name << " must be a number from " << low << " to "
                            << high << '\n';
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cloudcraft-workspace-gen"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes a Cloudcraft emulator workspace file (deterministic for a seed)."_s);
    parser.addHelpOption();
    parser.addOptions({
        { u"blueprints"_s, u"Number of blueprints (default 5000)."_s, u"N"_s },
        { u"accounts"_s, u"Number of cloud accounts, AWS and Azure (default 50)."_s, u"N"_s },
        { u"steps"_s, u"Scenario steps per scanned region (default 3)."_s, u"N"_s },
        { u"seed"_s, u"Random seed (default 1)."_s, u"N"_s },
        { u"demo"_s, u"Write the demo workspace instead (ignores the counts)."_s },
        { u"indent"_s, u"Indented JSON (default for --demo)."_s },
        { { u"o"_s, u"output"_s }, u"Output file ('-' for stdout)."_s, u"FILE"_s },
    });
    parser.process(app);

    WorkspaceOptions options;
    if (!readCount(parser, u"blueprints"_s, 0, 1000000, &options.blueprints)
        || !readCount(parser, u"accounts"_s, 0, 100000, &options.accounts)
        || !readCount(parser, u"steps"_s, 1, 100, &options.steps))
        return 2;
    if (parser.isSet(u"seed"_s)) {
        bool ok = false;
        options.seed = parser.value(u"seed"_s).toULongLong(&ok);
        if (!ok) {
            QTextStream(stderr) << "cloudcraft-workspace-gen: --seed must be a non-negative integer\n";
            return 2;
        }
    }
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty()) {
        QTextStream(stderr) << "cloudcraft-workspace-gen: --output FILE is required\n";
        return 2;
    }

    const bool demo = parser.isSet(u"demo"_s);
    const QJsonObject workspace = demo ? WorkspaceGenerator::demo() : WorkspaceGenerator::generate(options);
    const bool indent = demo || parser.isSet(u"indent"_s);
    const QByteArray json = QJsonDocument(workspace).toJson(indent ? QJsonDocument::Indented : QJsonDocument::Compact);

    if (output == u"-") {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(json) != json.size())
            return 12;
        return 0;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        QTextStream(stderr) << "cloudcraft-workspace-gen: cannot write " << output << ": " << file.errorString()
                            << '\n';
        return 12;
    }
    return 0;
}
