#include "profilessettingspage.h"

#include "errortext.h"
#include "prompter.h"
#include "sessioncontroller.h"

#include "auth/keyservice.h"
#include "auth/profilestore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
enum Column { NameColumn, UrlColumn, StatusColumn };
} // namespace

ProfilesSettingsPage::ProfilesSettingsPage(SessionController &session, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("profilesSettingsPage"));
    setAccessibleName(tr("Profiles"));

    auto *intro = new QLabel(tr("A profile is one Cloudcraft account or API endpoint with its own API key. "
                                "Keys are kept in your system keychain, never in a file."),
                             this);
    intro->setObjectName(QStringLiteral("profilesIntro"));
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("profilesList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Profile"), tr("API URL"), tr("Status")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ProfilesSettingsPage::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProfilesSettingsPage::switchToSelected);

    auto makeButton = [this](const QString &text, const QString &name, const QString &accessible) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setAccessibleName(accessible);
        return button;
    };
    m_addButton = makeButton(tr("&Add…"), QStringLiteral("addProfileButton"), tr("Add a profile"));
    m_switchButton = makeButton(tr("S&witch to"), QStringLiteral("switchProfileButton"), tr("Switch to this profile"));
    m_signOutButton = makeButton(tr("Sign &out"), QStringLiteral("signOutProfileButton"),
                                 tr("Sign out of this profile"));
    m_removeButton = makeButton(tr("&Remove…"), QStringLiteral("removeProfileButton"), tr("Remove this profile"));
    connect(m_addButton, &QPushButton::clicked, this, &ProfilesSettingsPage::addProfile);
    connect(m_switchButton, &QPushButton::clicked, this, &ProfilesSettingsPage::switchToSelected);
    connect(m_signOutButton, &QPushButton::clicked, this, &ProfilesSettingsPage::signOutSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfilesSettingsPage::removeSelected);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_switchButton);
    buttons->addWidget(m_signOutButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(&m_session, &SessionController::signedIn, this, &ProfilesSettingsPage::refresh);
    connect(&m_session, &SessionController::signedOut, this, &ProfilesSettingsPage::refresh);
    refresh();
}

ProfilesSettingsPage::~ProfilesSettingsPage() = default;

void ProfilesSettingsPage::refresh()
{
    const QString selected = selectedProfile();
    ProfileStore &store = *m_session.services().profiles;
    m_list->clear();
    for (const QString &name : m_session.profileNames()) {
        const Profile profile = store.profile(name).value_or(Profile{name, ProfileStore::defaultApiUrl(), {}, false,
                                                                     false});
        const bool inUse = name == m_session.profile().name && m_session.isSignedIn();
        QString status;
        if (inUse)
            status = tr("Signed in as %1").arg(m_session.user().name.isEmpty() ? m_session.user().email
                                                                                : m_session.user().name);
        else if (profile.keySaved)
            status = tr("Key saved");
        else
            status = tr("No key");
        auto *item = new QTreeWidgetItem(m_list, {name, profile.apiUrl.toDisplayString(), status});
        item->setData(NameColumn, Qt::UserRole, name);
        if (inUse) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
    }
    if (!selectProfile(selected) && !selectProfile(m_session.profile().name) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

bool ProfilesSettingsPage::selectProfile(const QString &profile)
{
    if (profile.isEmpty())
        return false;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == profile) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QString ProfilesSettingsPage::selectedProfile() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void ProfilesSettingsPage::updateButtons()
{
    const QString name = selectedProfile();
    const bool inUse = !name.isEmpty() && name == m_session.profile().name && m_session.isSignedIn();
    const std::optional<Profile> stored = m_session.services().profiles->profile(name);
    m_switchButton->setEnabled(!name.isEmpty() && !inUse);
    m_signOutButton->setEnabled(inUse || (stored && stored->keySaved));
    // The profile in use is left by switching first, so the app is never without one.
    m_removeButton->setEnabled(!name.isEmpty() && !inUse && m_session.services().profiles->contains(name));
    m_removeButton->setToolTip(inUse ? tr("Switch to another profile before removing this one.") : QString());
}

void ProfilesSettingsPage::addProfile()
{
    QPointer<ProfilesSettingsPage> self(this);
    m_prompter.askText(this, tr("Add profile"), tr("Name of the new profile (letters, digits, dots, dashes):"),
                       [self](const QString &name) {
                           if (!self || name.isEmpty())
                               return;
                           if (!ProfileStore::isValidName(name)) {
                               self->m_prompter.message(self, Prompter::Severity::Warning, tr("Add profile"),
                                                        tr("\"%1\" cannot be a profile name: use letters, digits, "
                                                           "dots and dashes.")
                                                            .arg(name));
                               return;
                           }
                           self->m_session.openWelcome(name);
                       });
}

void ProfilesSettingsPage::switchToSelected()
{
    const QString name = selectedProfile();
    if (!name.isEmpty())
        m_session.switchProfile(name);
}

void ProfilesSettingsPage::signOutSelected()
{
    const QString name = selectedProfile();
    if (name.isEmpty())
        return;
    QPointer<ProfilesSettingsPage> self(this);
    m_prompter.confirm(
        this, tr("Sign out"),
        tr("Sign out of profile \"%1\" and remove its API key from this computer?").arg(name), tr("Sign out"),
        [self, name](bool yes) {
            if (!self || !yes)
                return;
            if (name == self->m_session.profile().name && self->m_session.isSignedIn()) {
                self->m_session.signOut(); // signedOut() refreshes the list
                return;
            }
            KeyRequest *request = self->m_session.services().keys->forgetKey(name);
            connect(request, &KeyRequest::finished, self, [self](const KeyResult &result) {
                if (!result.ok())
                    self->m_prompter.message(self, Prompter::Severity::Warning, tr("Sign out"),
                                             ErrorText::forKeychain(*result.error));
                self->refresh();
            });
        });
}

void ProfilesSettingsPage::removeSelected()
{
    const QString name = selectedProfile();
    if (name.isEmpty())
        return;
    QPointer<ProfilesSettingsPage> self(this);
    m_prompter.confirm(
        this, tr("Remove profile"),
        tr("Remove profile \"%1\"? Its API key is removed from this computer too; the Cloudcraft account itself is "
           "not touched.")
            .arg(name),
        tr("Remove"), [self, name](bool yes) {
            if (!self || !yes)
                return;
            KeyRequest *request = self->m_session.services().keys->forgetKey(name);
            connect(request, &KeyRequest::finished, self, [self, name](const KeyResult &result) {
                std::optional<QString> problem;
                if (!result.ok())
                    problem = ErrorText::forKeychain(*result.error);
                else
                    problem = self->m_session.services().profiles->remove(name);
                if (problem)
                    self->m_prompter.message(self, Prompter::Severity::Warning, tr("Remove profile"), *problem);
                self->refresh();
            });
        });
}

} // namespace Cloudcraft::Ui
