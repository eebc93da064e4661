#include "welcomedialog.h"

#include "keyfield.h"
#include "prompter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

namespace {

template <typename W>
W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

} // namespace

WelcomeDialog::WelcomeDialog(SignInFlow &flow, Prompter &prompter, const WelcomeSetup &setup, QWidget *parent)
    : QDialog(parent)
    , m_flow(flow)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Sign in to Cloudcraft"));
    buildUi(setup);
    connect(&m_flow, &SignInFlow::stageChanged, this, &WelcomeDialog::onStageChanged);
    connect(&m_flow, &SignInFlow::failed, this, &WelcomeDialog::onFailed);
    connect(&m_flow, &SignInFlow::succeeded, this, &WelcomeDialog::onSucceeded);
    if (!setup.notice.isEmpty()) {
        m_unlockRetriesLoad = setup.offerUnlock;
        showProblem(setup.notice, setup.offerUnlock);
    }
}

WelcomeDialog::~WelcomeDialog()
{
    if (m_result)
        m_result->key.fill(QChar(u'\0'));
}

void WelcomeDialog::buildUi(const WelcomeSetup &setup)
{
    auto *title = named(new QLabel(tr("Welcome to Cloudcraft Desktop"), this), "titleLabel", tr("Welcome"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = named(new QLabel(this), "introLabel", tr("How to get an API key"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(tr("<p>Cloudcraft Desktop works with a Cloudcraft <b>API key</b>.</p>"
                      "<ol><li>An Owner or Admin of a Cloudcraft Pro account opens the Cloudcraft web app.</li>"
                      "<li>In the user menu, they choose <b>API keys</b> and create a key.</li>"
                      "<li>They give it a name and pick <b>read</b> or <b>read-write</b> access.</li></ol>"));
    auto *keyNote = named(new QLabel(tr("The key is checked with Cloudcraft, then kept in your system keychain, "
                                        "never in a file."),
                                     this),
                          "keyNoteLabel", tr("Where the key is kept"));
    keyNote->setWordWrap(true);
    keyNote->setForegroundRole(QPalette::PlaceholderText);

    m_keyField = named(new KeyField(this), "apiKeyField", tr("API key"));
    m_keyField->setPlaceholderText(tr("Paste your API key"));
    m_savedKeyLabel = named(new QLabel(this), "savedKeyLabel", tr("Saved key"));
    m_savedKeyLabel->setWordWrap(true);
    m_savedKeyLabel->setVisible(!setup.savedKeyMask.isEmpty());
    if (!setup.savedKeyMask.isEmpty()) {
        m_savedKeyLabel->setText(tr("A key ending in %1 is saved for this profile. Paste a new key to replace it.")
                                     .arg(setup.savedKeyMask));
        m_keyField->setPlaceholderText(tr("Saved key %1").arg(setup.savedKeyMask));
    }
    auto *keyForm = new QFormLayout;
    keyForm->addRow(tr("&API key:"), m_keyField);
    keyForm->addRow(QString(), keyNote);
    keyForm->addRow(QString(), m_savedKeyLabel);

    m_advancedToggle = named(new QToolButton(this), "advancedToggle", tr("Advanced settings"));
    m_advancedToggle->setText(tr("Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setAutoRaise(true);
    m_advanced = named(new QWidget(this), "advancedPanel", tr("Advanced settings"));
    m_profileEdit = named(new QLineEdit(setup.profile, m_advanced), "profileEdit", tr("Profile name"));
    m_urlEdit = named(new QLineEdit(setup.apiUrl.toString(), m_advanced), "apiUrlEdit", tr("API base URL"));
    m_caEdit = named(new QLineEdit(setup.caFile, m_advanced), "caFileEdit", tr("CA certificate file"));
    m_caEdit->setPlaceholderText(tr("System certificates"));
    m_caBrowse = named(new QPushButton(tr("Browse…"), m_advanced), "caFileBrowse", tr("Choose a CA file"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caEdit, 1);
    caRow->addWidget(m_caBrowse);
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(18, 0, 0, 0);
    advancedForm->addRow(tr("&Profile:"), m_profileEdit);
    advancedForm->addRow(tr("API &URL:"), m_urlEdit);
    advancedForm->addRow(tr("&CA file:"), caRow);
    connect(m_advancedToggle, &QToolButton::toggled, this, &WelcomeDialog::setAdvancedVisible);
    connect(m_caBrowse, &QPushButton::clicked, this, &WelcomeDialog::chooseCaFile);
    setAdvancedVisible(false);

    m_busy = named(new QProgressBar(this), "busyIndicator", tr("Checking the key"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    m_statusLabel = named(new QLabel(this), "statusLabel", tr("Progress"));
    m_statusLabel->hide();

    m_problemLabel = named(new QLabel(this), "problemLabel", tr("Problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: palette(text); background: #fdecea; "
                                                 "border: 1px solid #f5c2c0; border-radius: 4px; padding: 6px; }"));
    m_problemLabel->hide();
    m_unlockButton = named(new QPushButton(tr("Unlock and retry"), this), "unlockRetryButton", tr("Unlock and retry"));
    m_unlockButton->hide();
    connect(m_unlockButton, &QPushButton::clicked, this, &WelcomeDialog::onUnlockRetry);

    m_successLabel = named(new QLabel(this), "successLabel", tr("Signed in"));
    m_successLabel->setWordWrap(true);
    m_successLabel->setStyleSheet(QStringLiteral("QLabel { background: #e7f4ea; border: 1px solid #b7dfc0; "
                                                 "border-radius: 4px; padding: 6px; }"));
    m_successLabel->hide();

    m_buttons = named(new QDialogButtonBox(this), "buttonBox", tr("Dialog buttons"));
    m_primary = named(m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole), "signInButton",
                      tr("Sign in"));
    m_primary->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    named(cancel, "cancelButton", tr("Cancel"));
    connect(m_primary, &QPushButton::clicked, this, &WelcomeDialog::onPrimary);
    connect(cancel, &QPushButton::clicked, this, &WelcomeDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(keyForm);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(m_busy);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_unlockButton, 0, Qt::AlignLeft);
    layout->addWidget(m_successLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    resize(560, 10);
    fitHeight();
    m_keyField->setFocus();
}

void WelcomeDialog::setAdvancedVisible(bool visible)
{
    m_advanced->setVisible(visible);
    m_advancedToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    fitHeight();
}

void WelcomeDialog::fitHeight()
{
    // Word-wrapped labels only get their full height when asked for the height at the dialog's width.
    if (!layout())
        return;
    layout()->activate();
    const int height = layout()->totalHeightForWidth(width());
    if (height > 0)
        resize(width(), height);
}

QString WelcomeDialog::problemText() const
{
    return m_problemLabel->isVisibleTo(this) ? m_problemLabel->text() : QString();
}

QString WelcomeDialog::successText() const
{
    return m_successLabel->isVisibleTo(this) ? m_successLabel->text() : QString();
}

void WelcomeDialog::onPrimary()
{
    if (m_result) {
        const SignedIn result = *m_result;
        Q_EMIT signedIn(result);
        accept();
        return;
    }
    showProblem({}, false);
    m_flow.start({m_profileEdit->text().trimmed(), QUrl(m_urlEdit->text().trimmed()), m_caEdit->text().trimmed(),
                  m_keyField->text()});
}

void WelcomeDialog::onUnlockRetry()
{
    showProblem({}, false);
    if (m_unlockRetriesLoad) {
        Q_EMIT retryLoadRequested();
        return;
    }
    m_flow.retrySave();
}

void WelcomeDialog::onStageChanged(SignInFlow::Stage stage)
{
    const bool busy = stage != SignInFlow::Stage::Idle;
    m_busy->setVisible(busy);
    m_statusLabel->setVisible(busy);
    if (stage == SignInFlow::Stage::Checking)
        m_statusLabel->setText(tr("Checking the key with Cloudcraft…"));
    else if (stage == SignInFlow::Stage::Saving)
        m_statusLabel->setText(tr("Saving the key in your keychain…"));
    setInputsEnabled(!busy && !m_result);
}

void WelcomeDialog::setInputsEnabled(bool enabled)
{
    m_keyField->setEnabled(enabled);
    m_advanced->setEnabled(enabled);
    m_primary->setEnabled(enabled || m_result.has_value());
}

void WelcomeDialog::onFailed(const SignInFailure &failure)
{
    m_unlockRetriesLoad = false;
    showProblem(failure.message, failure.keychainLocked);
    if (failure.stage == SignInFailure::Stage::Input || failure.stage == SignInFailure::Stage::Server)
        m_keyField->setFocus();
}

void WelcomeDialog::onSucceeded(const SignedIn &result)
{
    m_result = result;
    // The field never keeps the key once it is saved: from now on only its mask is shown.
    m_keyField->clear();
    m_keyField->setPlaceholderText(tr("Saved key %1").arg(Core::KeyService::mask(result.key)));
    QString text = result.user.email.isEmpty()
                       ? tr("Signed in as %1").arg(result.user.name.toHtmlEscaped())
                       : tr("Signed in as %1 (%2)").arg(result.user.name.toHtmlEscaped(),
                                                        result.user.email.toHtmlEscaped());
    if (!result.notice.isEmpty())
        text += QStringLiteral("<br>") + result.notice.toHtmlEscaped();
    m_successLabel->setText(text);
    m_successLabel->show();
    fitHeight();
    m_primary->setText(tr("Continue"));
    m_primary->setAccessibleName(tr("Continue"));
    setInputsEnabled(false);
    m_primary->setFocus();
}

void WelcomeDialog::showProblem(const QString &text, bool offerUnlock)
{
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(!text.isEmpty());
    m_unlockButton->setVisible(!text.isEmpty() && offerUnlock);
    fitHeight();
}

void WelcomeDialog::chooseCaFile()
{
    m_prompter.chooseOpenFile(this, tr("Choose a CA certificate file"), tr("PEM certificates (*.pem *.crt);;All files (*)"),
                              [this](const QString &file) { m_caEdit->setText(file); });
}

void WelcomeDialog::reject()
{
    m_flow.cancel();
    QDialog::reject();
}

} // namespace Cloudcraft::Ui
