#include "sessioncontroller.h"

#include "errortext.h"
#include "welcomedialog.h"

#include "api/apiclient.h"
#include "api/apiparse.h"

namespace Cloudcraft::Ui {

using namespace Core;

SessionController::SessionController(const SessionServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_flow(std::make_unique<SignInFlow>(services.network, *services.profiles, *services.keys, services.scheduler))
{
}

SessionController::~SessionController()
{
    m_key.fill(QChar(u'\0'));
}

void SessionController::setEndpointOverride(const QUrl &apiUrl, const QString &caFile)
{
    m_apiUrlOverride = apiUrl;
    m_caFileOverride = caFile;
}

QStringList SessionController::profileNames() const
{
    QStringList names = m_services.profiles->profileNames();
    const QString fallback = QString::fromUtf16(ProfileStore::kDefaultProfile);
    if (!names.contains(fallback))
        names.prepend(fallback);
    return names;
}

Profile SessionController::resolveProfile(const QString &name) const
{
    const QString profileName = name.isEmpty() ? m_services.profiles->currentProfile() : name;
    Profile profile = m_services.profiles->profile(profileName)
                          .value_or(Profile{profileName, ProfileStore::defaultApiUrl(), {}, false, false});
    if (m_apiUrlOverride.isValid())
        profile.apiUrl = m_apiUrlOverride;
    if (!m_caFileOverride.isEmpty())
        profile.caFile = m_caFileOverride;
    return profile;
}

void SessionController::start(const QString &profileName)
{
    const Profile profile = resolveProfile(profileName);
    KeyRequest *request = m_services.keys->loadKey(profile.name);
    connect(request, &KeyRequest::finished, this, [this, profile](const KeyResult &result) {
        if (result.ok()) {
            if (m_welcome)
                m_welcome->close();
            connectWith(profile, result.key, result.source);
            return;
        }
        const SecretError &error = *result.error;
        if (error.kind == SecretError::Kind::NotFound) {
            openWelcome(profile.name);
        } else if (error.kind == SecretError::Kind::Locked) {
            const QString text = tr("Your keychain is locked, so the saved key cannot be read: unlock it, then choose "
                                    "Unlock and retry, or paste the key again.");
            if (m_welcome) // a retry that failed again
                m_welcome->close();
            openWelcome(profile.name, text, true);
        } else if (error.kind == SecretError::Kind::Unavailable) {
            openWelcome(profile.name, ErrorText::noKeychain());
        } else {
            openWelcome(profile.name, ErrorText::forKeychain(error));
        }
    });
}

WelcomeDialog *SessionController::openWelcome(const QString &profileName, const QString &noticeText, bool offerUnlock)
{
    if (m_welcome)
        return m_welcome;
    const Profile profile = resolveProfile(profileName.isEmpty() ? m_profile.name : profileName);
    WelcomeSetup setup;
    setup.profile = profile.name;
    setup.apiUrl = profile.apiUrl;
    setup.caFile = profile.caFile;
    if (profile.name == m_profile.name && !m_key.isEmpty())
        setup.savedKeyMask = KeyService::mask(m_key);
    setup.notice = noticeText;
    setup.offerUnlock = offerUnlock;
    auto *dialog = new WelcomeDialog(*m_flow, *m_services.prompter, setup, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WelcomeDialog::signedIn, this, &SessionController::adopt);
    connect(dialog, &WelcomeDialog::retryLoadRequested, this, [this, name = profile.name] { start(name); });
    m_welcome = dialog;
    dialog->open();
    return dialog;
}

void SessionController::adopt(const SignedIn &result)
{
    clear();
    m_profile = result.profile;
    m_user = result.user;
    m_key = result.key;
    m_source = result.source;
    ApiEndpoint endpoint;
    endpoint.baseUrl = m_profile.apiUrl;
    endpoint.caFile = m_profile.caFile;
    m_client = std::make_unique<ApiClient>(m_services.network, endpoint, [this] { return m_key; },
                                           m_services.scheduler);
    reportReachable(true);
    Q_EMIT signedIn();
    if (!result.notice.isEmpty())
        Q_EMIT notice(result.notice);
}

void SessionController::connectWith(const Profile &profile, const QString &key, KeySource source)
{
    clear();
    m_profile = profile;
    m_key = key;
    m_source = source;
    ApiEndpoint endpoint;
    endpoint.baseUrl = profile.apiUrl;
    endpoint.caFile = profile.caFile;
    m_client = std::make_unique<ApiClient>(m_services.network, endpoint, [this] { return m_key; },
                                           m_services.scheduler);
    verify();
}

void SessionController::verify()
{
    ApiCall *call = m_client->me(Priority::Interactive);
    connect(call, &ApiCall::finished, this, [this, call] {
        call->deleteLater();
        const ApiResult<User> result = ApiParse::fromCall(*call, &ApiParse::user);
        if (result.ok()) {
            m_user = result.value;
            reportReachable(true);
            Q_EMIT signedIn();
            return;
        }
        const ApiError &error = result.error;
        if (error.kind() == ApiError::Kind::Auth) {
            const QString name = m_profile.name;
            clear();
            openWelcome(name, tr("Cloudcraft no longer accepts the saved key for profile \"%1\": paste a new one.")
                                  .arg(name));
            return;
        }
        // Offline or the server is unwell: keep the session, show what is known, let the user retry.
        reportReachable(false);
        Q_EMIT signedIn();
        Q_EMIT notice(ErrorText::forApi(error, m_profile.apiUrl));
    });
}

void SessionController::reportReachable(bool reachable)
{
    if (m_online == reachable)
        return;
    m_online = reachable;
    Q_EMIT onlineChanged(reachable);
}

void SessionController::clear()
{
    const bool wasSignedIn = isSignedIn();
    // Later, because this may run inside the finished() of one of the client's own calls.
    if (m_client)
        m_client.release()->deleteLater();
    m_user = {};
    m_key.fill(QChar(u'\0'));
    m_key.clear();
    m_source = KeySource::None;
    reportReachable(false);
    if (wasSignedIn)
        Q_EMIT signedOut();
}

void SessionController::signOut()
{
    const QString name = m_profile.name;
    KeyRequest *request = m_services.keys->forgetKey(name);
    connect(request, &KeyRequest::finished, this, [this, name](const KeyResult &result) {
        clear();
        openWelcome(name, result.ok() ? QString() : ErrorText::forKeychain(*result.error));
    });
}

void SessionController::switchProfile(const QString &profile)
{
    if (profile == m_profile.name && isSignedIn())
        return;
    m_services.profiles->setCurrentProfile(profile);
    clear();
    start(profile);
}

} // namespace Cloudcraft::Ui
