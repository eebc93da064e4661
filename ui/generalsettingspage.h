#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace Cloudcraft::Core {
class AppSettings;
}

namespace Cloudcraft::Ui {

class ThemeSwitcher;

/// Settings > General: the theme (applied at once), the language (from the next start) and whether the window layout
/// and last selection come back at start. Every change is written to AppSettings as it is made.
class GeneralSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsPage)

public:
    GeneralSettingsPage(Core::AppSettings &settings, ThemeSwitcher &theme, QWidget *parent = nullptr);
    ~GeneralSettingsPage() override;

private:
    void onThemeChosen(int index);
    void onLanguageChosen(int index);

    Core::AppSettings &m_settings;
    ThemeSwitcher &m_theme;
    QComboBox *m_themeCombo = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QCheckBox *m_restoreCheck = nullptr;
};

} // namespace Cloudcraft::Ui
