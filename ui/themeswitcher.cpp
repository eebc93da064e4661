#include "themeswitcher.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Cloudcraft::Ui {

namespace {
const QString kFusion = QStringLiteral("Fusion");

void setStyleNamed(const QString &name)
{
    if (QApplication::style() && QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        QApplication::setStyle(style);
}
} // namespace

ThemeSwitcher::ThemeSwitcher()
    : m_systemStyle(QApplication::style() ? QApplication::style()->name() : kFusion)
    , m_systemPalette(QApplication::palette())
{
}

void ThemeSwitcher::apply(Core::Theme theme)
{
    // Left alone, the system look keeps following the platform theme; setting its palette explicitly would freeze it.
    if (theme == Core::Theme::System && m_current == Core::Theme::System)
        return;
    switch (theme) {
    case Core::Theme::Light:
        setStyleNamed(kFusion);
        QApplication::setPalette(lightPalette());
        break;
    case Core::Theme::Dark:
        setStyleNamed(kFusion);
        QApplication::setPalette(darkPalette());
        break;
    case Core::Theme::System:
        setStyleNamed(m_systemStyle);
        QApplication::setPalette(m_systemPalette);
        break;
    }
    m_current = theme;
}

QPalette ThemeSwitcher::lightPalette()
{
    // Fusion's own light palette, with Cloudcraft's blue for selections and links.
    QPalette palette(QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7));
    palette.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::PlaceholderText, QColor(0x70, 0x74, 0x78));
    palette.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf6));
    palette.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
    palette.setColor(QPalette::ToolTipText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc6));
    palette.setColor(QPalette::LinkVisited, QColor(0x6f, 0x3f, 0xb6));
    palette.setColor(QPalette::BrightText, QColor(0xd0, 0x20, 0x20));
    const QColor disabled(0xa0, 0xa4, 0xa8);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0xc8, 0xcc, 0xd0));
    return palette;
}

QPalette ThemeSwitcher::darkPalette()
{
    // Not pure black: diagrams and icons keep their contrast, and text stays easy on the eyes.
    const QColor text(0xe6, 0xe6, 0xe8);
    QPalette palette(QColor(0x3a, 0x3c, 0x41), QColor(0x2b, 0x2d, 0x31));
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x92, 0x98));
    palette.setColor(QPalette::Button, QColor(0x36, 0x38, 0x3d));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x41));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xe0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb8, 0x96, 0xff));
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x7a, 0x7a));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x42, 0x48));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
    palette.setColor(QPalette::Dark, QColor(0x1b, 0x1c, 0x1f));
    palette.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x10));
    const QColor disabled(0x7c, 0x80, 0x86);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xa0, 0xa4, 0xa8));
    return palette;
}

} // namespace Cloudcraft::Ui
