#include "workspacecontroller.h"

#include "errortext.h"
#include "sessioncontroller.h"

#include "api/apiclient.h"
#include "api/apiparse.h"
#include "models/accounttreemodel.h"
#include "models/blueprinttreemodel.h"

namespace Cloudcraft::Ui {

using namespace Core;

WorkspaceController::WorkspaceController(SessionController &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_blueprintModel(new BlueprintTreeModel(this))
    , m_accountModel(new AccountTreeModel(this))
{
    connect(&m_session, &SessionController::signedIn, this, &WorkspaceController::reload);
    connect(&m_session, &SessionController::signedOut, this, &WorkspaceController::clear);
}

WorkspaceController::~WorkspaceController() = default;

const BlueprintSummary *WorkspaceController::blueprint(const QString &id) const
{
    for (const BlueprintSummary &summary : m_blueprints) {
        if (summary.id == id)
            return &summary;
    }
    return nullptr;
}

QHash<QString, QString> WorkspaceController::names() const
{
    QHash<QString, QString> names;
    for (const Team &team : m_teams) {
        names.insert(team.id, team.name);
        for (const TeamMember &member : team.members) {
            if (!member.userId.isEmpty() && !member.name.isEmpty())
                names.insert(member.userId, member.name);
        }
    }
    const User &me = m_session.user();
    if (!me.id.isEmpty())
        names.insert(me.id, me.name);
    return names;
}

void WorkspaceController::clear()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    const bool wasLoading = isLoading();
    m_pending = 0;
    m_blueprints.clear();
    m_teams.clear();
    m_aws.clear();
    m_azure.clear();
    m_blueprintModel->clear();
    m_accountModel->setAccounts({}, {});
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void WorkspaceController::reload()
{
    ApiClient *client = m_session.client();
    if (!client)
        return;
    clear();
    m_reported = false;
    m_pending = 4;
    Q_EMIT loadingChanged(true);
    track(client->teams(Priority::Interactive), &WorkspaceController::onTeams);
    track(client->listBlueprints(Priority::Interactive), &WorkspaceController::onBlueprints);
    track(client->listAwsAccounts(Priority::Normal), &WorkspaceController::onAwsAccounts);
    track(client->listAzureAccounts(Priority::Normal), &WorkspaceController::onAzureAccounts);
}

void WorkspaceController::track(ApiCall *call, void (WorkspaceController::*handler)(ApiCall &))
{
    m_calls.append(call);
    connect(call, &ApiCall::finished, this, [this, call, handler] {
        call->deleteLater();
        m_calls.removeAll(call);
        if (call->error().kind() == ApiError::Kind::Cancelled)
            return;
        (this->*handler)(*call);
        finishOne();
    });
}

void WorkspaceController::report(const ApiError &error)
{
    const bool offline = error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout
                         || error.kind() == ApiError::Kind::Tls;
    m_session.reportReachable(!offline);
    if (m_reported) // one sentence per reload is enough
        return;
    m_reported = true;
    Q_EMIT failed(ErrorText::forApi(error, m_session.profile().apiUrl));
}

void WorkspaceController::onBlueprints(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::blueprintList);
    if (!result.ok())
        return report(result.error);
    m_session.reportReachable(true);
    m_blueprints = result.value;
    m_blueprintModel->setBlueprints(m_blueprints, m_teams);
}

void WorkspaceController::onTeams(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::teams);
    if (!result.ok()) // blueprints still show, with team ids instead of names
        return report(result.error);
    m_teams = result.value;
    if (!m_blueprints.isEmpty())
        m_blueprintModel->setBlueprints(m_blueprints, m_teams);
}

void WorkspaceController::onAwsAccounts(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::awsAccounts);
    if (!result.ok())
        return report(result.error);
    m_aws = result.value;
    m_accountModel->setAccounts(m_aws, m_azure);
}

void WorkspaceController::onAzureAccounts(ApiCall &call)
{
    const auto result = ApiParse::fromCall(call, &ApiParse::azureAccounts);
    if (!result.ok())
        return report(result.error);
    m_azure = result.value;
    m_accountModel->setAccounts(m_aws, m_azure);
}

void WorkspaceController::finishOne()
{
    if (m_pending == 0)
        return;
    if (--m_pending == 0) {
        Q_EMIT loadingChanged(false);
        Q_EMIT loaded();
    }
}

} // namespace Cloudcraft::Ui
