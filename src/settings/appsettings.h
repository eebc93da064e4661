#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace Cloudcraft::Core {

/// How the desktop app looks: follow the desktop, or force a light or dark palette.
enum class Theme { System, Light, Dark };

/// The desktop app's own preferences, typed, over an injected QSettings (desktop.ini in the user's config directory).
/// Not a singleton and not a QObject: whoever changes a value also applies it. Profiles live in ProfileStore, keys in
/// the keychain; nothing secret is ever written here.
class AppSettings final
{
public:
    explicit AppSettings(QSettings &settings);
    Q_DISABLE_COPY_MOVE(AppSettings)

    QSettings &settings() const { return m_settings; }

    Theme theme() const;
    void setTheme(Theme theme);
    /// "system", "light", "dark": the stored form, also accepted on the command line.
    static QString themeKey(Theme theme);
    static Theme themeFromKey(const QString &key, Theme fallback = Theme::System);

    /// UI language as a locale name ("de", "en"); empty follows the system locale.
    QString language() const;
    void setLanguage(const QString &language);

    /// Whether the window geometry, layout and last selection are put back at start (default on).
    bool restoreWindowState() const;
    void setRestoreWindowState(bool restore);

    /// Whether previewing a blueprint whose updatedAt differs from its newest snapshot takes a new one (default on).
    bool autoSnapshot() const;
    void setAutoSnapshot(bool on);
    QByteArray timelineSplitterState() const;
    void setTimelineSplitterState(const QByteArray &state);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    bool inspectorVisible() const;
    void setInspectorVisible(bool visible);

    int treeGrouping() const;
    void setTreeGrouping(int index);
    int treeSort() const;
    void setTreeSort(int index);

    /// The blueprint selected last in `profile`'s workspace (ids differ between accounts, so one per profile).
    QString lastBlueprint(const QString &profile) const;
    void setLastBlueprint(const QString &profile, const QString &blueprintId);

    /// Which rows of the trees the user opened or closed in `profile`'s workspace (NavigatorPanel::expansionState()).
    QStringList treeExpansion(const QString &profile) const;
    void setTreeExpansion(const QString &profile, const QStringList &state);

    /// Whether blueprints are previewed as SVG (View > Preview as SVG) rather than PNG (the default).
    bool previewAsSvg() const;
    void setPreviewAsSvg(bool svg);

    /// Forgets the window layout and selections (not the preferences).
    void clearWindowState();
    /// Writes pending changes to disk; returns false when the file cannot be written.
    bool sync();

private:
    QSettings &m_settings;
};

} // namespace Cloudcraft::Core
