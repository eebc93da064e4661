#include "generalsettingspage.h"

#include "themeswitcher.h"
#include "translations.h"

#include "settings/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using Core::Theme;

GeneralSettingsPage::GeneralSettingsPage(Core::AppSettings &settings, ThemeSwitcher &theme, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_theme(theme)
{
    setObjectName(QStringLiteral("generalSettingsPage"));
    setAccessibleName(tr("General settings"));

    m_themeCombo = new QComboBox(this);
    m_themeCombo->setObjectName(QStringLiteral("themeCombo"));
    m_themeCombo->setAccessibleName(tr("Theme"));
    m_themeCombo->addItem(tr("Same as the system"), int(Theme::System));
    m_themeCombo->addItem(tr("Light"), int(Theme::Light));
    m_themeCombo->addItem(tr("Dark"), int(Theme::Dark));
    m_themeCombo->setCurrentIndex(qMax(0, m_themeCombo->findData(int(m_settings.theme()))));
    connect(m_themeCombo, &QComboBox::activated, this, &GeneralSettingsPage::onThemeChosen);

    m_languageCombo = new QComboBox(this);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->setAccessibleName(tr("Language"));
    m_languageCombo->addItem(tr("Same as the system"), QString());
    for (const QString &code : Translations::availableLanguages())
        m_languageCombo->addItem(Translations::languageName(code), code);
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(m_settings.language())));
    connect(m_languageCombo, &QComboBox::activated, this, &GeneralSettingsPage::onLanguageChosen);
    auto *languageNote = new QLabel(tr("A new language is used from the next start."), this);
    languageNote->setObjectName(QStringLiteral("languageNote"));
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);

    m_restoreCheck = new QCheckBox(tr("&Reopen with the last window layout and selected blueprint"), this);
    m_restoreCheck->setObjectName(QStringLiteral("restoreStateCheck"));
    m_restoreCheck->setAccessibleName(tr("Reopen with the last window layout and selected blueprint"));
    m_restoreCheck->setChecked(m_settings.restoreWindowState());
    connect(m_restoreCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_settings.setRestoreWindowState(on);
        m_settings.sync();
    });

    auto *autoSnapshot = new QCheckBox(tr("Take a &snapshot when a blueprint changed"), this);
    autoSnapshot->setObjectName(QStringLiteral("autoSnapshotCheck"));
    autoSnapshot->setAccessibleName(tr("Take a snapshot when a blueprint changed"));
    autoSnapshot->setChecked(m_settings.autoSnapshot());
    connect(autoSnapshot, &QCheckBox::toggled, this, [this](bool on) {
        m_settings.setAutoSnapshot(on);
        m_settings.sync();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_themeCombo);
    form->addRow(tr("&Language:"), m_languageCombo);
    form->addRow(QString(), languageNote);
    form->addRow(QString(), m_restoreCheck);
    form->addRow(QString(), autoSnapshot);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
}

GeneralSettingsPage::~GeneralSettingsPage() = default;

void GeneralSettingsPage::onThemeChosen(int index)
{
    const auto theme = Theme(m_themeCombo->itemData(index).toInt());
    m_theme.apply(theme);
    m_settings.setTheme(theme);
    m_settings.sync();
}

void GeneralSettingsPage::onLanguageChosen(int index)
{
    m_settings.setLanguage(m_languageCombo->itemData(index).toString());
    m_settings.sync();
}

} // namespace Cloudcraft::Ui
