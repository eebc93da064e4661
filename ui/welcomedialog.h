#pragma once

#include "signinflow.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace Cloudcraft::Ui {

class KeyField;
class Prompter;

/// What the dialog shows when it opens.
struct WelcomeSetup
{
    QString profile;
    QUrl apiUrl;
    QString caFile;
    QString savedKeyMask; ///< "…abcd" when a key is saved for the profile; the key itself never reaches the dialog
    QString notice;       ///< a problem found before opening (e.g. the keychain is locked)
    bool offerUnlock = false; ///< show "Unlock and retry" for the notice; retryLoadRequested() is emitted
};

/// Onboarding and sign-in: explains where an API key comes from, takes it in a masked field, checks it with the
/// server through SignInFlow and shows who it belongs to. Open it with open(); signedIn() is emitted on Continue.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    WelcomeDialog(SignInFlow &flow, Prompter &prompter, const WelcomeSetup &setup, QWidget *parent = nullptr);
    ~WelcomeDialog() override;

    /// The sentence currently shown for a problem, empty when none.
    QString problemText() const;
    /// "Signed in as …" once the key was accepted, else empty.
    QString successText() const;

Q_SIGNALS:
    void signedIn(const Cloudcraft::Ui::SignedIn &result);
    /// The user unlocked the keychain and wants the saved key read again.
    void retryLoadRequested();

public Q_SLOTS:
    void reject() override;

private:
    void buildUi(const WelcomeSetup &setup);
    void setAdvancedVisible(bool visible);
    void fitHeight();
    void onPrimary();
    void onUnlockRetry();
    void onStageChanged(SignInFlow::Stage stage);
    void onFailed(const SignInFailure &failure);
    void onSucceeded(const SignedIn &result);
    void showProblem(const QString &text, bool offerUnlock);
    void chooseCaFile();
    void setInputsEnabled(bool enabled);

    SignInFlow &m_flow;
    Prompter &m_prompter;
    KeyField *m_keyField = nullptr;
    QLabel *m_savedKeyLabel = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QLineEdit *m_profileEdit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_caEdit = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QLabel *m_successLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_primary = nullptr;
    std::optional<SignedIn> m_result;
    bool m_unlockRetriesLoad = false;
};

} // namespace Cloudcraft::Ui
