#include "clicontext.h"

#include "terminal.h"

#include "util/atomicwrite.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace Cloudcraft::Cli {

using namespace Core;

QJsonObject fullRecord(const Blueprint &blueprint)
{
    QJsonObject record = blueprint.summary.raw;
    record.insert(QStringLiteral("data"), blueprint.data);
    return record;
}

CliContext::CliContext(const QCommandLineParser &parser, CliOutput &out)
    : m_parser(parser)
    , m_out(out)
    , m_keys(m_profiles, m_keychain)
{
}

CliContext::~CliContext()
{
    m_key.fill(QChar(u'\0'));
}

QString CliContext::profileName() const
{
    const QString explicitName = m_parser.value(QStringLiteral("profile"));
    return explicitName.isEmpty() ? m_profiles.currentProfile() : explicitName;
}

KeyResult CliContext::waitFor(KeyRequest *request)
{
    KeyResult result;
    QEventLoop loop;
    QObject::connect(request, &KeyRequest::finished, &loop, [&](const KeyResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

ExitCode CliContext::resolveProfile()
{
    const QString name = profileName();
    if (!ProfileStore::isValidName(name))
        return usage(QStringLiteral("\"%1\" is not a valid profile name.").arg(name));
    auto profile = m_profiles.profile(name);
    if (!profile) {
        // An unknown profile is fine when the command says where the API is (first login of a new profile).
        if (!isSet(QStringLiteral("api-url")))
            return usage(QStringLiteral("There is no profile named \"%1\"; add it with `cloudcraft-cli profile add %1`.")
                             .arg(name));
        profile = Profile{name, ProfileStore::defaultApiUrl(), {}, false, false};
    }
    if (isSet(QStringLiteral("api-url"))) {
        const QUrl url(value(QStringLiteral("api-url")));
        if (auto error = ProfileStore::validateApiUrl(url))
            return usage(*error);
        profile->apiUrl = url;
    }
    if (isSet(QStringLiteral("ca-file"))) {
        const QString caFile = value(QStringLiteral("ca-file"));
        if (!QFileInfo(caFile).isReadable())
            return localFileError(QStringLiteral("The CA file %1 cannot be read.").arg(caFile));
        profile->caFile = QFileInfo(caFile).absoluteFilePath();
    }
    m_profile = profile;
    return ExitCode::Success;
}

ExitCode CliContext::connect()
{
    if (const ExitCode code = resolveProfile(); code != ExitCode::Success)
        return code;
    const KeyResult result = waitFor(m_keys.loadKey(m_profile->name));
    if (!result.ok()) {
        if (result.error->kind == SecretError::Kind::NotFound) {
            m_out.error(QStringLiteral("Not signed in: no API key is saved for profile \"%1\". Run `cloudcraft-cli "
                                       "auth login` (it reads the key from stdin) or set CLOUDCRAFT_API_KEY.")
                            .arg(m_profile->name));
            return ExitCode::Auth;
        }
        return fail(*result.error);
    }
    m_keySource = result.source;
    return connectWithKey(result.key);
}

ExitCode CliContext::connectWithKey(const QString &key)
{
    if (!m_profile) {
        if (const ExitCode code = resolveProfile(); code != ExitCode::Success)
            return code;
    }
    m_key = key;
    ApiEndpoint endpoint;
    endpoint.baseUrl = m_profile->apiUrl;
    endpoint.caFile = m_profile->caFile;
    if (const QByteArray t = qgetenv("CLOUDCRAFT_TIMEOUT"); !t.isEmpty() && t.toInt() > 0) {
        // Seconds (documented in docs/cli.md); lets scripts and tests fail fast on a silent server.
        endpoint.timeouts.inactivity = std::chrono::seconds(t.toInt());
        endpoint.timeouts.deadline = std::chrono::seconds(t.toInt());
    }
    m_api = std::make_unique<ApiClient>(&m_network, endpoint, [this] { return m_key; });
    if (const ApiError error = m_api->configurationError(); error.isError())
        return fail(error);
    m_out.debug(QStringLiteral("Profile %1, API %2, key %3 from %4")
                    .arg(m_profile->name, endpoint.baseUrl.toString(), KeyService::mask(m_key),
                         keySourceName(m_keySource)));
    return ExitCode::Success;
}

CallResult CliContext::run(ApiCall *call)
{
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, &QEventLoop::quit);
    QObject::connect(call, &ApiCall::waiting, &loop, [this](ApiCall::WaitReason reason, qint64 msec) {
        const qint64 seconds = (msec + 999) / 1000;
        switch (reason) {
        case ApiCall::WaitReason::StillProcessing:
            m_out.progress(QStringLiteral("The scan is still running on the server; asking again in %1 s…").arg(seconds));
            m_out.debug(QStringLiteral("202 still processing, polling again in %1 s").arg(seconds));
            break;
        case ApiCall::WaitReason::RateLimited:
            m_out.progress(QStringLiteral("Rate limited by the server; waiting %1 s…").arg(seconds));
            m_out.debug(QStringLiteral("429 rate limited, waiting %1 s").arg(seconds));
            break;
        case ApiCall::WaitReason::Backoff:
            m_out.progress(QStringLiteral("Retrying in %1 s…").arg(seconds));
            m_out.debug(QStringLiteral("retrying in %1 s").arg(seconds));
            break;
        }
    });
    QObject::connect(call, &ApiCall::progress, &loop, [this](qint64 received, qint64 total) {
        if (total > 0)
            m_out.progress(QStringLiteral("Downloading… %1 %").arg(received * 100 / total));
        else if (received > 0)
            m_out.progress(QStringLiteral("Downloading… %1 KiB").arg(received / 1024));
    });
    if (!call->isFinished())
        loop.exec();
    m_out.endProgress();

    CallResult result{call->error(), call->statusCode(), call->body(), call->json(), call->etag()};
    const ApiRequest &request = call->request();
    m_out.debug(QStringLiteral("%1 %2 -> %3 (%4 attempt(s))%5")
                    .arg(httpMethodName(request.method), request.encodedPath())
                    .arg(call->statusCode())
                    .arg(call->attempts())
                    .arg(result.ok() ? QString() : u' ' + ApiError::kindName(result.error.kind())));
    call->deleteLater();
    return result;
}

ExitCode CliContext::fail(const ApiError &error, bool wasWrite)
{
    if (wasWrite && error.kind() == ApiError::Kind::Forbidden && m_profile && m_profiles.contains(m_profile->name))
        m_profiles.setReadOnly(m_profile->name, true);
    // ApiError texts are sanitized and scrubbed of the key by the API layer; scrub once more as a last line.
    QString message = error.userMessage();
    if (!m_key.isEmpty())
        message.replace(m_key, KeyService::mask(m_key));
    m_out.error(message);
    return exitCodeFor(error);
}

ExitCode CliContext::fail(const SecretError &error)
{
    m_out.error(error.message);
    return exitCodeFor(error);
}

ExitCode CliContext::usage(const QString &message)
{
    m_out.error(message);
    return ExitCode::Usage;
}

ExitCode CliContext::localFileError(const QString &message)
{
    m_out.error(message);
    return ExitCode::LocalFile;
}

ExitCode CliContext::confirm(const QString &question)
{
    if (isSet(QStringLiteral("yes")))
        return ExitCode::Success;
    if (!m_out.stdinIsTerminal() || !Terminal::isTerminal(stderr))
        return usage(question + QStringLiteral(" Not asking because this is not a terminal; add --yes to confirm."));
    if (Terminal::askYesNo(question))
        return ExitCode::Success;
    m_out.error(QStringLiteral("Nothing was changed."));
    return ExitCode::Failure;
}

ExitCode CliContext::writeFile(const QString &path, const QByteArray &bytes)
{
    if (path == u"-")
        return m_out.writeRaw(bytes) ? ExitCode::Success
                                     : localFileError(QStringLiteral("Could not write to standard output."));
    const AtomicWriteResult written = writeFileAtomically(path, bytes);
    switch (written.failure) {
    case AtomicWriteResult::Failure::None:
        return ExitCode::Success;
    case AtomicWriteResult::Failure::Create:
        return localFileError(QStringLiteral("Cannot write %1: %2.").arg(path, written.reason));
    case AtomicWriteResult::Failure::DiskFull:
        return localFileError(
            QStringLiteral("Could not write %1: the disk is full. The previous file, if any, was kept.").arg(path));
    case AtomicWriteResult::Failure::Write:
        break;
    }
    return localFileError(
        QStringLiteral("Could not write %1: %2. The previous file, if any, was kept.").arg(path, written.reason));
}

std::optional<QJsonObject> CliContext::readJsonFile(const QString &path, ExitCode *code)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *code = localFileError(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *code = usage(QStringLiteral("%1 is not a JSON object (%2).")
                          .arg(path, error.error != QJsonParseError::NoError ? error.errorString()
                                                                             : QStringLiteral("not an object")));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace Cloudcraft::Cli
