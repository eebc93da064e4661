#pragma once

#include "signinflow.h"

#include "api/apitypes.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <memory>

class QNetworkAccessManager;

namespace Cloudcraft::Core {
class ApiClient;
class RequestScheduler;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

class Prompter;
class WelcomeDialog;

/// The services a session needs; all owned by the composition root and outliving the controller.
struct SessionServices
{
    QNetworkAccessManager *network = nullptr;
    Core::ProfileStore *profiles = nullptr;
    Core::KeyService *keys = nullptr;
    Core::RequestScheduler *scheduler = nullptr;
    Prompter *prompter = nullptr;
};

/// Who is signed in, against which profile, with which ApiClient. Loads the saved key at start, checks it with the
/// server, and opens the welcome dialog whenever a key is missing, rejected or unreadable.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    explicit SessionController(const SessionServices &services, QObject *parent = nullptr);
    ~SessionController() override;

    /// Parent window of the welcome dialog.
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    /// Command-line overrides applied to the profile in use (not saved unless the user signs in with them).
    void setEndpointOverride(const QUrl &apiUrl, const QString &caFile);

    /// Signs in with the saved key of `profile` (empty: the current profile), or asks for one.
    void start(const QString &profile = {});
    void signOut();
    void switchProfile(const QString &profile);
    /// Opens the welcome dialog for `profile` (empty: the one in use), e.g. to add a profile or replace a key.
    WelcomeDialog *openWelcome(const QString &profile = {}, const QString &notice = {}, bool offerUnlock = false);

    bool isSignedIn() const { return m_client != nullptr; }
    bool isOnline() const { return m_online; }
    Core::ApiClient *client() const { return m_client.get(); }
    const Core::Profile &profile() const { return m_profile; }
    const Core::User &user() const { return m_user; }
    Core::KeySource keySource() const { return m_source; }
    QStringList profileNames() const;
    /// The profile and key services this session was built with (for the Settings > Profiles page).
    const SessionServices &services() const { return m_services; }

    /// Reports how the last request went, so the status bar can show online/offline.
    void reportReachable(bool reachable);

Q_SIGNALS:
    void signedIn();
    void signedOut();
    void onlineChanged(bool online);
    /// Something the user should read (a notice after signing in, a problem reading the keychain).
    void notice(const QString &text);

private:
    Core::Profile resolveProfile(const QString &name) const;
    void connectWith(const Core::Profile &profile, const QString &key, Core::KeySource source);
    void verify();
    void adopt(const SignedIn &result);
    void clear();

    SessionServices m_services;
    QPointer<QWidget> m_dialogParent;
    QUrl m_apiUrlOverride;
    QString m_caFileOverride;
    std::unique_ptr<SignInFlow> m_flow;
    std::unique_ptr<Core::ApiClient> m_client;
    QPointer<WelcomeDialog> m_welcome;
    Core::Profile m_profile;
    Core::User m_user;
    QString m_key;
    Core::KeySource m_source = Core::KeySource::None;
    bool m_online = false;
};

} // namespace Cloudcraft::Ui
