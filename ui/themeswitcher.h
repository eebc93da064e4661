#pragma once

#include "settings/appsettings.h"

#include <QPalette>
#include <QString>

namespace Cloudcraft::Ui {

/// Applies the light, dark or system look to the whole application, live. Light and dark use the Fusion style with
/// our own palette (Qt 6.4 has no portable colour-scheme switch, and Fusion draws every control from the palette, so
/// both look right on every desktop); System puts back the style and palette the application started with.
/// Create one after QApplication, before any window, and inject it where the theme is changed.
class ThemeSwitcher final
{
public:
    ThemeSwitcher();
    Q_DISABLE_COPY_MOVE(ThemeSwitcher)

    void apply(Core::Theme theme);
    Core::Theme current() const { return m_current; }

    static QPalette lightPalette();
    static QPalette darkPalette();

private:
    QString m_systemStyle;
    QPalette m_systemPalette;
    Core::Theme m_current = Core::Theme::System;
};

} // namespace Cloudcraft::Ui
