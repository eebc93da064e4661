#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QSettings;
class QSplitter;

namespace Cloudcraft::Core {
class AppSettings;
class RenderCache;
class RequestScheduler;
class SnapshotStore;
}

namespace Cloudcraft::Ui {

class AccountController;
class ConnectivityMonitor;
class ExportController;
class ImportController;
class InspectorPanel;
class NavigatorPanel;
class OfflineBanner;
class PreviewController;
class PreviewView;
class Prompter;
class SessionController;
class SettingsDialog;
class SnapshotCompareOpener;
class SnapshotController;
class TimelineStrip;
class StatusPanel;
class ThemeSwitcher;
class WorkspaceController;

/// The main window lays out the navigator (left), the preview (centre) and the inspector (right), builds the menus
/// and connects them to the controllers that do the work. It remembers its geometry, splitter sizes, tree options
/// and the last selected blueprint in `settings`.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(SessionController &session, Prompter &prompter, Core::RequestScheduler *scheduler,
               QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    NavigatorPanel *navigator() const { return m_navigator; }
    PreviewView *preview() const { return m_preview; }
    InspectorPanel *inspector() const { return m_inspector; }
    WorkspaceController *workspace() const { return m_workspace; }
    PreviewController *previewController() const { return m_previewController; }
    StatusPanel *statusPanel() const { return m_status; }
    AccountController *accountController() const { return m_accounts; }
    ExportController *exportController() const { return m_export; }
    ImportController *importController() const { return m_import; }
    ConnectivityMonitor *connectivity() const { return m_connectivity; }
    OfflineBanner *offlineBanner() const { return m_offlineBanner; }
    SnapshotController *snapshots() const { return m_snapshots; }
    TimelineStrip *timeline() const { return m_timeline; }

    /// The local snapshot history (owned by the caller): the timeline under the preview, Take Snapshot and the
    /// trees' snapshot rows use it. Without one the window works as before and the timeline says why.
    void setSnapshotStore(Core::SnapshotStore *store);
    /// The history could not be opened: `sentence` goes to the status bar and the timeline.
    void setSnapshotStoreProblem(const QString &sentence);

    /// Renders and lists are cached in `cache` (owned by the caller), one directory per profile and API origin under
    /// `root`; call before the session signs in. Without a cache everything is fetched every time.
    void setCache(Core::RenderCache *cache, const QString &root);

    /// Puts back the window geometry and state saved by the last session (call before show()), unless the user
    /// turned that off in Settings > General.
    void restoreState();
    /// The theme switcher the General settings page uses (owned by the caller); without one the window makes its own.
    void setThemeSwitcher(ThemeSwitcher *theme) { m_theme = theme; }
    /// Edit > Settings…: opens the settings dialog (one at a time) and returns it.
    SettingsDialog *openSettings();
    Core::AppSettings &appSettings() const { return *m_appSettings; }

Q_SIGNALS:
    /// The timeline asks to compare two references ("snapshot:<id>", "blueprint:<id>", "aws:<acct>/<region>").
    void compareRequested(const QString &a, const QString &b);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QAction *addAction(QMenu *menu, const QString &text, const char *name, const QKeySequence &shortcut,
                       const QString &iconName = {});
    void fillProfilesMenu();
    void addProfile();
    void saveState();
    void onWorkspaceLoaded();
    void onBlueprintSelected(const QString &id);
    /// Adds an action a controller owns to `menu` and to the window (shortcuts, the shortcuts list).
    void addControllerAction(QMenu *menu, QAction *action);
    void toggleFullScreen();
    void showShortcuts();
    void showAbout();
    void updateTitle();

    SessionController &m_session;
    Prompter &m_prompter;
    QSettings &m_settings;
    std::unique_ptr<Core::AppSettings> m_appSettings;
    ThemeSwitcher *m_theme = nullptr;
    std::unique_ptr<ThemeSwitcher> m_ownTheme;
    QPointer<SettingsDialog> m_settingsDialog;
    WorkspaceController *m_workspace = nullptr;
    NavigatorPanel *m_navigator = nullptr;
    PreviewView *m_preview = nullptr;
    InspectorPanel *m_inspector = nullptr;
    PreviewController *m_previewController = nullptr;
    StatusPanel *m_status = nullptr;
    AccountController *m_accounts = nullptr;
    ExportController *m_export = nullptr;
    ImportController *m_import = nullptr;
    ConnectivityMonitor *m_connectivity = nullptr;
    OfflineBanner *m_offlineBanner = nullptr;
    Core::RenderCache *m_cache = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_previewSplitter = nullptr; ///< the preview above the timeline strip
    SnapshotController *m_snapshots = nullptr;
    TimelineStrip *m_timeline = nullptr;
    SnapshotCompareOpener *m_compareOpener = nullptr;
    QMenu *m_profilesMenu = nullptr;
    QMenu *m_switchMenu = nullptr;
    QList<QAction *> m_shortcutActions;
    QString m_lastBlueprint;
};

} // namespace Cloudcraft::Ui
