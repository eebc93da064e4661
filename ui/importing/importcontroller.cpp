#include "importcontroller.h"

#include "importdialog.h"
#include "navigatorpanel.h"
#include "prompter.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace Cloudcraft::Ui {

namespace {

/// The one local file a drag carries, or "" (several files, remote URLs and text are not imports).
QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    const QString path = urls.first().toLocalFile();
    return QFileInfo(path).isFile() ? path : QString();
}

} // namespace

ImportController::ImportController(SessionController &session, WorkspaceController &workspace,
                                   NavigatorPanel *navigator, Prompter &prompter, QWidget *window,
                                   ImportConverter converter)
    : QObject(window)
    , m_session(session)
    , m_workspace(workspace)
    , m_navigator(navigator)
    , m_prompter(prompter)
    , m_window(window)
    , m_converter(std::move(converter))
{
    m_importAction = new QAction(tr("&Import…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    // Ctrl+I already shows the inspector.
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_importAction->setStatusTip(
        tr("Convert a Terraform state or plan, a CloudFormation template or a draw.io file into a blueprint"));
    m_importAction->setIcon(QIcon::fromTheme(QStringLiteral("document-import")));
    connect(m_importAction, &QAction::triggered, this, &ImportController::chooseFile);

    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

void ImportController::chooseFile()
{
    const QString filter = tr("Infrastructure descriptions (*.tfstate *.json *.yaml *.yml *.template *.drawio *.xml);;"
                              "All files (*)");
    QPointer<ImportController> self(this);
    m_prompter.chooseOpenFile(m_window, tr("Import"), filter, [self](const QString &path) {
        if (self && !path.isEmpty())
            self->openFile(path);
    });
}

void ImportController::openFile(const QString &path)
{
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new ImportDialog(m_session, m_converter, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &ImportDialog::uploaded, this, &ImportController::onUploaded);
    dialog->open();
    dialog->openFile(path);
}

void ImportController::onUploaded(const QString &blueprintId)
{
    // Reload, then select the new row once the list that holds it has arrived; the main window restores its own
    // selection on `loaded` first (it connected earlier), so this selection is the one that stays.
    QPointer<NavigatorPanel> navigator = m_navigator;
    connect(
        &m_workspace, &WorkspaceController::loaded, this,
        [this, navigator, blueprintId] {
            if (navigator)
                navigator->selectBlueprint(blueprintId);
            Q_EMIT imported(blueprintId);
        },
        Qt::SingleShotConnection);
    m_workspace.reload();
}

bool ImportController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (!droppedFile(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QString path = droppedFile(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                openFile(path);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Cloudcraft::Ui
