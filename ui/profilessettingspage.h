#pragma once

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace Cloudcraft::Ui {

class Prompter;
class SessionController;

/// Settings > Profiles: every profile with its API URL and whether a key is saved; add one (through the welcome
/// dialog), switch to one, sign out of one (its key leaves the keychain) or remove one after a confirmation.
/// Everything happens at once through the SessionController and the profile and key services it was built with.
class ProfilesSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesSettingsPage)

public:
    ProfilesSettingsPage(SessionController &session, Prompter &prompter, QWidget *parent = nullptr);
    ~ProfilesSettingsPage() override;

    /// Rebuilds the list from the profile store (also done whenever the session signs in or out).
    void refresh();
    /// Selects the row of `profile`; false when it is not listed.
    bool selectProfile(const QString &profile);
    QString selectedProfile() const;

private:
    void updateButtons();
    void addProfile();
    void switchToSelected();
    void signOutSelected();
    void removeSelected();

    SessionController &m_session;
    Prompter &m_prompter;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_switchButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace Cloudcraft::Ui
