#pragma once

#include "compare/comparemode.h"
#include "compare/comparesession.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QSettings;
class QSlider;
class QTimer;
class QToolBar;

namespace Cloudcraft::Core {
class CompareLoader;
class DiffSourceRegistry;
class IgnoreRegionStore;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

class ChangeListPanel;
class CompareView;
class StructuralPanel;

/// What the compare window needs from the application; everything outlives the window.
struct CompareWindowServices
{
    Core::DiffSourceRegistry *registry = nullptr;   ///< resolves references for openReferences(); may be null
    Core::IgnoreRegionStore *ignoreStore = nullptr; ///< ignore regions per source key; null = not saved
    QSettings &settings;                            ///< window geometry and the last export choices
    QString snapshotRoot; ///< the history snapshot: references are read from ("" = the default location)
};

/// The compare view of two diagrams (issue 6): the CompareView in the centre, the change list and the structural
/// panel docked beside it, a toolbar with the modes, threshold, anti-aliasing, ignore regions, export and copy,
/// and a presentation mode (F5). Recomputes off the UI thread through a CompareSession.
class CompareWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareWindow)

public:
    explicit CompareWindow(CompareWindowServices services, QWidget *parent = nullptr);
    ~CompareWindow() override;

    /// Loads two references (files, blueprint:, aws:, azure:, snapshot:) through the services' registry.
    void openReferences(const QString &a, const QString &b);
    /// Compares two sides already in memory; `ignoreKey` names the source whose ignore regions apply ("" = none).
    void openSides(Core::CompareSide before, Core::CompareSide after, const QString &ignoreKey);

    CompareView *view() const { return m_view; }
    Core::CompareSession *session() const { return m_session; }
    ChangeListPanel *changeList() const { return m_changeList; }
    StructuralPanel *structuralPanel() const { return m_structural; }

    bool isPresenting() const { return m_presenting; }
    void setPresenting(bool on);
    /// The source key whose ignore regions are in use ("" = none).
    QString ignoreKey() const { return m_ignoreKey; }
    /// Copies the composite (side by side) picture to the clipboard.
    void copyComposite();


Q_SIGNALS:
    /// The first result of the current pair is on screen (the counts label shows it).
    void firstResultShown();
    /// Loading the pair failed; `sentence` is also shown in the window.
    void loadFailed(const QString &sentence);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildDocks();
    void connectSession();
    void scheduleSettings();
    void applySettings();
    void showResult(const Core::CompareResult &result);
    void showRegion(int index);
    void showResource(const QString &componentId);
    void setIgnoreDrawing(bool on);
    void addIgnoreRegion(const QRect &rect);
    void removeIgnoreRegion(int index);
    void loadIgnoreRegions();
    void saveIgnoreRegions();
    void openExportDialog();
    void showStatus(const QString &text);
    void updateSidesLabel();

    CompareWindowServices m_services;
    Core::CompareSession *m_session = nullptr;
    std::unique_ptr<Core::CompareLoader> m_loader;
    CompareView *m_view = nullptr;
    ChangeListPanel *m_changeList = nullptr;
    StructuralPanel *m_structural = nullptr;
    QToolBar *m_toolBar = nullptr;
    QSlider *m_threshold = nullptr;
    QLabel *m_thresholdValue = nullptr;
    QCheckBox *m_includeAa = nullptr;
    QAction *m_drawIgnore = nullptr;
    QAction *m_clearIgnore = nullptr;
    QAction *m_present = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_sides = nullptr;
    QAction *m_leavePresentation = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QTimer *m_settingsTimer = nullptr;
    QString m_ignoreKey;
    QList<QRect> m_ignoreRegions;
    bool m_presenting = false;
    bool m_firstShown = false;
    bool m_wasMaximized = false;
    QByteArray m_stateBeforePresenting;
};

} // namespace Cloudcraft::Ui
