#pragma once

#include "exporting/batchexporter.h"

#include <QObject>
#include <QPointer>

class QAction;
class QSettings;
class QWidget;

namespace Cloudcraft::Ui {

class ExportDialog;
class NavigatorPanel;
class PreviewController;
class PreviewDragSource;
class PreviewView;
class SessionController;
class WorkspaceController;

/// Export for presentations: owns File > Export… (Ctrl+E, also in the blueprint tree's context menu, for every
/// selected blueprint or group), Edit > Copy image (Ctrl+Shift+C, and Ctrl+C while the preview has focus) and the
/// preview's drag-out handle. Turns the tree's selection into export items and opens the ExportDialog.
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    ExportController(SessionController &session, WorkspaceController &workspace, NavigatorPanel *navigator,
                     PreviewView *preview, PreviewController *previewController, QSettings &settings,
                     QWidget *window);
    ~ExportController() override;

    QAction *exportAction() const { return m_exportAction; }
    QAction *copyImageAction() const { return m_copyAction; }
    PreviewDragSource *dragSource() const { return m_drag; }

    /// The blueprints selected in the tree (a selected group brings all its blueprints), each once, in tree order;
    /// the previewed blueprint when nothing is selected.
    QList<Core::ExportItem> selectedItems() const;
    /// The dialog currently open, if any.
    ExportDialog *dialog() const;

public Q_SLOTS:
    /// Opens the export dialog for the selection (or raises the one already open).
    ExportDialog *openExportDialog();
    /// Puts the previewed image on the clipboard as an image and as a PNG file; false when there is none.
    bool copyImage();

Q_SIGNALS:
    /// A short sentence for the status bar.
    void message(const QString &text);

private:
    Core::ExportItem itemFor(const QString &blueprintId) const;
    QString previewName() const;
    void updateActions();

    SessionController &m_session;
    WorkspaceController &m_workspace;
    NavigatorPanel *m_navigator;
    PreviewView *m_preview;
    PreviewController *m_previewController;
    QSettings &m_settings;
    QWidget *m_window;
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    PreviewDragSource *m_drag = nullptr;
    QPointer<ExportDialog> m_dialog;
};

} // namespace Cloudcraft::Ui
