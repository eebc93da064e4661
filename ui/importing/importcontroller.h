#pragma once

#include "importconversion.h"
#include "importdialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace Cloudcraft::Ui {

class NavigatorPanel;
class Prompter;
class SessionController;
class WorkspaceController;

/// File > Import… and files dropped on the main window: opens an ImportDialog for the file, and once the blueprint
/// is uploaded reloads the workspace and selects the new blueprint in the tree.
class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    /// Accepts drops on `window` (an event filter; the window's own drop handling is not needed).
    ImportController(SessionController &session, WorkspaceController &workspace, NavigatorPanel *navigator,
                     Prompter &prompter, QWidget *window, ImportConverter converter = coreImportConverter());

    QAction *importAction() const { return m_importAction; }
    /// The open dialog, if any (tests drive it).
    ImportDialog *dialog() const { return m_dialog; }

public Q_SLOTS:
    /// Asks for a file (through the Prompter), then opens it.
    void chooseFile();
    /// Opens the import dialog for `path` (replacing one already open).
    void openFile(const QString &path);

Q_SIGNALS:
    /// A blueprint was created from an imported file and is now selected in the tree (or about to be).
    void imported(const QString &blueprintId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onUploaded(const QString &blueprintId);

    SessionController &m_session;
    WorkspaceController &m_workspace;
    QPointer<NavigatorPanel> m_navigator;
    Prompter &m_prompter;
    QWidget *m_window;
    ImportConverter m_converter;
    QAction *m_importAction = nullptr;
    QPointer<ImportDialog> m_dialog;
};

} // namespace Cloudcraft::Ui
