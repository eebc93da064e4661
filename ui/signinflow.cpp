#include "signinflow.h"

#include "errortext.h"

#include "api/apiclient.h"
#include "api/apiparse.h"

#include <QFileInfo>

namespace Cloudcraft::Ui {

using namespace Core;

SignInFlow::SignInFlow(QNetworkAccessManager *network, ProfileStore &profiles, KeyService &keys,
                       RequestScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_profiles(profiles)
    , m_keys(keys)
    , m_scheduler(scheduler)
{
}

SignInFlow::~SignInFlow()
{
    m_pending.key.fill(QChar(u'\0'));
}

void SignInFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void SignInFlow::fail(SignInFailure::Stage stage, const QString &message, bool locked)
{
    setStage(Stage::Idle);
    Q_EMIT failed({stage, message, locked});
}

void SignInFlow::start(const SignInInput &input)
{
    cancel();
    ++m_generation;
    const QString key = input.key.trimmed();
    if (key.isEmpty())
        return fail(SignInFailure::Stage::Input, tr("Paste your API key first."));
    if (key.contains(u' ') || SecretStore::checkSize(key))
        return fail(SignInFailure::Stage::Input,
                    tr("This does not look like a Cloudcraft API key: copy it again from the web app."));
    if (!ProfileStore::isValidName(input.profile))
        return fail(SignInFailure::Stage::Input,
                    tr("\"%1\" cannot be a profile name: use letters, digits, dots, dashes or underscores.")
                        .arg(input.profile));
    if (auto error = ProfileStore::validateApiUrl(input.apiUrl))
        return fail(SignInFailure::Stage::Input, tr("The API address is not usable: %1").arg(*error));
    if (!input.caFile.isEmpty() && !QFileInfo(input.caFile).isReadable())
        return fail(SignInFailure::Stage::Input,
                    tr("The CA file %1 cannot be read: choose another one under Advanced.").arg(input.caFile));

    Profile profile = m_profiles.profile(input.profile).value_or(Profile{});
    profile.name = input.profile;
    profile.apiUrl = input.apiUrl;
    profile.caFile = input.caFile.isEmpty() ? QString() : QFileInfo(input.caFile).absoluteFilePath();
    m_pending = SignedIn{profile, {}, key, KeySource::None, {}};

    ApiEndpoint endpoint;
    endpoint.baseUrl = profile.apiUrl;
    endpoint.caFile = profile.caFile;
    if (m_client)
        m_client.release()->deleteLater();
    m_client = std::make_unique<ApiClient>(m_network, endpoint, [this] { return m_pending.key; }, m_scheduler);
    setStage(Stage::Checking);
    m_call = m_client->me(Priority::Interactive);
    ApiCall *call = m_call;
    connect(call, &ApiCall::finished, this, [this, call] { onMeFinished(call); });
}

void SignInFlow::onMeFinished(ApiCall *call)
{
    call->deleteLater();
    if (call != m_call)
        return; // a cancelled or replaced attempt
    m_call = nullptr;
    const ApiResult<User> result = ApiParse::fromCall(*call, &ApiParse::user);
    if (!result.ok()) {
        if (result.error.kind() == ApiError::Kind::Cancelled)
            return setStage(Stage::Idle);
        return fail(SignInFailure::Stage::Server, ErrorText::forApi(result.error, m_pending.profile.apiUrl));
    }
    m_pending.user = result.value;
    save();
}

void SignInFlow::save()
{
    Profile profile = m_pending.profile;
    if (auto error = m_profiles.save(profile))
        return fail(SignInFailure::Stage::Keychain, tr("The profile could not be saved: %1").arg(*error));
    setStage(Stage::Saving);
    const quint64 generation = m_generation;
    KeyRequest *request = m_keys.saveKey(profile.name, m_pending.key);
    connect(request, &KeyRequest::finished, this, [this, generation](const KeyResult &result) {
        if (generation != m_generation)
            return;
        if (!result.ok()) {
            return fail(SignInFailure::Stage::Keychain, ErrorText::forKeychain(*result.error),
                        result.error->kind == SecretError::Kind::Locked);
        }
        m_pending.source = result.source;
        m_pending.notice = result.source == KeySource::Memory ? ErrorText::noKeychain() : result.notice;
        m_pending.profile = m_profiles.profile(m_pending.profile.name).value_or(m_pending.profile);
        m_profiles.setCurrentProfile(m_pending.profile.name);
        setStage(Stage::Idle);
        Q_EMIT succeeded(m_pending);
    });
}

void SignInFlow::retrySave()
{
    if (m_stage != Stage::Idle || m_pending.user.id.isEmpty())
        return;
    ++m_generation;
    save();
}

void SignInFlow::cancel()
{
    if (ApiCall *call = m_call) {
        m_call = nullptr;
        call->cancel();
    }
    ++m_generation;
    setStage(Stage::Idle);
}

} // namespace Cloudcraft::Ui
