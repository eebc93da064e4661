#include "appsettings.h"

#include <QSettings>

namespace Cloudcraft::Core {

namespace {
// The window and browser keys predate this class; keep them so an existing desktop.ini still restores.
const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kRestoreState = QStringLiteral("window/restore");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kInspector = QStringLiteral("window/inspectorVisible");
const QString kGrouping = QStringLiteral("browser/grouping");
const QString kSort = QStringLiteral("browser/sort");
const QString kLastBlueprintGroup = QStringLiteral("lastBlueprint");
const QString kExpansionGroup = QStringLiteral("treeExpansion");
const QString kPreviewSvg = QStringLiteral("view/previewAsSvg");

QString lastBlueprintKey(const QString &profile)
{
    // Profile names are letters, digits, dots and dashes (ProfileStore::isValidName): safe as a key.
    return kLastBlueprintGroup + u'/' + (profile.isEmpty() ? QStringLiteral("default") : profile);
}
} // namespace

AppSettings::AppSettings(QSettings &settings)
    : m_settings(settings)
{
}

QString AppSettings::themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme AppSettings::themeFromKey(const QString &key, Theme fallback)
{
    const QString k = key.trimmed().toLower();
    if (k == u"light")
        return Theme::Light;
    if (k == u"dark")
        return Theme::Dark;
    if (k == u"system")
        return Theme::System;
    return fallback;
}

Theme AppSettings::theme() const
{
    return themeFromKey(m_settings.value(kTheme).toString());
}

void AppSettings::setTheme(Theme theme)
{
    m_settings.setValue(kTheme, themeKey(theme));
}

QString AppSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings.remove(kLanguage);
    else
        m_settings.setValue(kLanguage, language);
}

bool AppSettings::restoreWindowState() const
{
    return m_settings.value(kRestoreState, true).toBool();
}

void AppSettings::setRestoreWindowState(bool restore)
{
    m_settings.setValue(kRestoreState, restore);
}

bool AppSettings::autoSnapshot() const
{
    return m_settings.value(QStringLiteral("history/autoSnapshot"), true).toBool();
}

void AppSettings::setAutoSnapshot(bool on)
{
    m_settings.setValue(QStringLiteral("history/autoSnapshot"), on);
}

QByteArray AppSettings::timelineSplitterState() const
{
    return m_settings.value(QStringLiteral("window/timelineSplitter")).toByteArray();
}

void AppSettings::setTimelineSplitterState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/timelineSplitter"), state);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings.value(kSplitter).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(kSplitter, state);
}

bool AppSettings::inspectorVisible() const
{
    return m_settings.value(kInspector, true).toBool();
}

void AppSettings::setInspectorVisible(bool visible)
{
    m_settings.setValue(kInspector, visible);
}

int AppSettings::treeGrouping() const
{
    return qMax(0, m_settings.value(kGrouping, 0).toInt());
}

void AppSettings::setTreeGrouping(int index)
{
    m_settings.setValue(kGrouping, index);
}

int AppSettings::treeSort() const
{
    return qMax(0, m_settings.value(kSort, 0).toInt());
}

void AppSettings::setTreeSort(int index)
{
    m_settings.setValue(kSort, index);
}

QString AppSettings::lastBlueprint(const QString &profile) const
{
    return m_settings.value(lastBlueprintKey(profile)).toString();
}

void AppSettings::setLastBlueprint(const QString &profile, const QString &blueprintId)
{
    if (blueprintId.isEmpty())
        m_settings.remove(lastBlueprintKey(profile));
    else
        m_settings.setValue(lastBlueprintKey(profile), blueprintId);
}

QStringList AppSettings::treeExpansion(const QString &profile) const
{
    return m_settings.value(kExpansionGroup + u'/' + (profile.isEmpty() ? QStringLiteral("default") : profile))
        .toStringList();
}

void AppSettings::setTreeExpansion(const QString &profile, const QStringList &state)
{
    const QString key = kExpansionGroup + u'/' + (profile.isEmpty() ? QStringLiteral("default") : profile);
    if (state.isEmpty())
        m_settings.remove(key);
    else
        m_settings.setValue(key, state);
}

bool AppSettings::previewAsSvg() const
{
    return m_settings.value(kPreviewSvg, false).toBool();
}

void AppSettings::setPreviewAsSvg(bool svg)
{
    m_settings.setValue(kPreviewSvg, svg);
}

void AppSettings::clearWindowState()
{
    for (const QString &key : {kGeometry, kState, kSplitter, kInspector, kGrouping, kSort, kLastBlueprintGroup,
                               kExpansionGroup})
        m_settings.remove(key);
}

bool AppSettings::sync()
{
    m_settings.sync();
    return m_settings.status() == QSettings::NoError;
}

} // namespace Cloudcraft::Core
