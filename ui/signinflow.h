#pragma once

#include "api/apitypes.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Cloudcraft::Core {
class ApiCall;
class ApiClient;
class RequestScheduler;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

/// What the user typed into the welcome dialog.
struct SignInInput
{
    QString profile;
    QUrl apiUrl;
    QString caFile;
    QString key;
};

/// A checked key, ready for a session.
struct SignedIn
{
    Core::Profile profile;
    Core::User user;
    QString key; ///< never shown, logged or written anywhere but the keychain
    Core::KeySource source = Core::KeySource::None;
    QString notice; ///< e.g. "kept for this session only"
};

/// Why signing in stopped, as one sentence for the user.
struct SignInFailure
{
    enum class Stage { Input, Server, Keychain };
    Stage stage = Stage::Input;
    QString message;
    bool keychainLocked = false; ///< offer "Unlock and retry"
};

/// Checks an API key with GET /user/me and, when Cloudcraft accepts it, saves it through KeyService. One attempt at
/// a time; every start() ends in exactly one succeeded() or failed() unless cancelled.
class SignInFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInFlow)

public:
    enum class Stage { Idle, Checking, Saving };
    Q_ENUM(Stage)

    SignInFlow(QNetworkAccessManager *network, Core::ProfileStore &profiles, Core::KeyService &keys,
               Core::RequestScheduler *scheduler, QObject *parent = nullptr);
    ~SignInFlow() override;

    Stage stage() const { return m_stage; }
    void start(const SignInInput &input);
    /// Saves the already checked key again (after the user unlocked the keychain).
    void retrySave();
    void cancel();

Q_SIGNALS:
    void stageChanged(Cloudcraft::Ui::SignInFlow::Stage stage);
    void succeeded(const Cloudcraft::Ui::SignedIn &result);
    void failed(const Cloudcraft::Ui::SignInFailure &failure);

private:
    void setStage(Stage stage);
    void fail(SignInFailure::Stage stage, const QString &message, bool locked = false);
    void onMeFinished(Core::ApiCall *call);
    void save();

    QNetworkAccessManager *m_network;
    Core::ProfileStore &m_profiles;
    Core::KeyService &m_keys;
    Core::RequestScheduler *m_scheduler;
    std::unique_ptr<Core::ApiClient> m_client;
    QPointer<Core::ApiCall> m_call;
    SignedIn m_pending;
    Stage m_stage = Stage::Idle;
    quint64 m_generation = 0;
};

} // namespace Cloudcraft::Ui

Q_DECLARE_METATYPE(Cloudcraft::Ui::SignedIn)
Q_DECLARE_METATYPE(Cloudcraft::Ui::SignInFailure)
