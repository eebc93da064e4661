#pragma once

#include "api/apiclient.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "clioutput.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>

#include <memory>

namespace Cloudcraft::Cli {

/// What a finished API call left behind, copied out so the call object can go.
struct CallResult
{
    Core::ApiError error;
    int status = 0;
    QByteArray body;
    QJsonValue json;
    QString etag;
    bool ok() const { return !error.isError(); }
};

/// A blueprint as the server sent it: the record's fields with its diagram `data`.
QJsonObject fullRecord(const Core::Blueprint &blueprint);

/// The services and helpers every command uses: parsed options, profiles, the key, the API client, output, files.
/// The CLI is a sequential batch program, so it waits for each asynchronous call in a local event loop; the
/// services themselves stay asynchronous for the desktop app.
class CliContext final
{
public:
    CliContext(const QCommandLineParser &parser, CliOutput &out);
    ~CliContext();
    Q_DISABLE_COPY_MOVE(CliContext)

    CliOutput &out() { return m_out; }
    const QCommandLineParser &parser() const { return m_parser; }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }

    QString profileName() const;
    Core::ProfileStore &profiles() { return m_profiles; }
    Core::KeyService &keys() { return m_keys; }

    /// Waits for a key operation.
    Core::KeyResult waitFor(Core::KeyRequest *request);
    /// Loads the profile and its key and builds the API client; prints the reason and returns it on failure.
    ExitCode connect();
    /// Builds the API client with an explicit key (auth login validates a key before saving it).
    ExitCode connectWithKey(const QString &key);
    Core::ApiClient &api() { return *m_api; }
    QString key() const { return m_key; }
    Core::KeySource keySource() const { return m_keySource; }
    std::optional<Core::Profile> profile() const { return m_profile; }

    /// Runs one API call to the end (progress on a terminal, a log line with --verbose).
    CallResult run(Core::ApiCall *call);

    /// Prints the error sentence and returns its exit code; a 403 on a write marks the profile read-only.
    ExitCode fail(const Core::ApiError &error, bool wasWrite = false);
    ExitCode fail(const Core::SecretError &error);
    ExitCode usage(const QString &message);
    ExitCode localFileError(const QString &message);
    /// Destructive verbs: asks on a terminal, needs --yes otherwise.
    ExitCode confirm(const QString &question);

    /// Writes a file atomically (QSaveFile): on any failure the previous file stays as it was. "-" is stdout.
    ExitCode writeFile(const QString &path, const QByteArray &bytes);
    /// Reads a JSON object from a file; prints the problem and returns nullopt on failure.
    std::optional<QJsonObject> readJsonFile(const QString &path, ExitCode *code);

private:
    ExitCode resolveProfile();

    const QCommandLineParser &m_parser;
    CliOutput &m_out;
    Core::ProfileStore m_profiles;
    Core::KeychainSecretStore m_keychain;
    Core::KeyService m_keys;
    QNetworkAccessManager m_network;
    std::unique_ptr<Core::ApiClient> m_api;
    std::optional<Core::Profile> m_profile;
    QString m_key;
    Core::KeySource m_keySource = Core::KeySource::None;
};

} // namespace Cloudcraft::Cli
