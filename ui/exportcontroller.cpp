#include "exportcontroller.h"

#include "exportdialog.h"
#include "navigatorpanel.h"
#include "previewcontroller.h"
#include "previewdragsource.h"
#include "previewview.h"
#include "sessioncontroller.h"
#include "workspacecontroller.h"

#include "models/treefilterproxymodel.h"
#include "models/treeroles.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QIcon>
#include <QMimeData>
#include <QShortcut>
#include <QTreeView>

namespace Cloudcraft::Ui {

using namespace Core;

ExportController::ExportController(SessionController &session, WorkspaceController &workspace,
                                   NavigatorPanel *navigator, PreviewView *preview,
                                   PreviewController *previewController, QSettings &settings, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_workspace(workspace)
    , m_navigator(navigator)
    , m_preview(preview)
    , m_previewController(previewController)
    , m_settings(settings)
    , m_window(window)
{
    m_exportAction = new QAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportAction->setToolTip(tr("Export the selected blueprints as PNG, SVG, PDF, draw.io, JSON or budget"));
    connect(m_exportAction, &QAction::triggered, this, &ExportController::openExportDialog);

    m_copyAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy image"), this);
    m_copyAction->setObjectName(QStringLiteral("copyImageAction"));
    m_copyAction->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_copyAction->setToolTip(tr("Copy the previewed diagram as an image and as a PNG file"));
    connect(m_copyAction, &QAction::triggered, this, &ExportController::copyImage);
    // Ctrl+C copies the image while the preview has focus; elsewhere it keeps copying text.
    auto *copyInPreview = new QShortcut(QKeySequence::Copy, preview, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    copyInPreview->setObjectName(QStringLiteral("previewCopyShortcut"));
    connect(copyInPreview, &QShortcut::activated, this, &ExportController::copyImage);

    // Several blueprints (or whole groups) can be selected for one export; the context menu offers it.
    QTreeView *tree = navigator->blueprintTree();
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    if (tree->contextMenuPolicy() == Qt::DefaultContextMenu)
        tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    tree->addAction(m_exportAction);

    m_drag = new PreviewDragSource(preview, [this] { return previewName(); }, this);
    connect(m_drag, &PreviewDragSource::failed, this, &ExportController::message);

    connect(&m_session, &SessionController::signedIn, this, &ExportController::updateActions);
    connect(&m_session, &SessionController::signedOut, this, &ExportController::updateActions);
    updateActions();
}

ExportController::~ExportController() = default;

ExportDialog *ExportController::dialog() const
{
    return m_dialog;
}

void ExportController::updateActions()
{
    m_exportAction->setEnabled(m_session.isSignedIn());
}

ExportItem ExportController::itemFor(const QString &blueprintId) const
{
    ExportItem item;
    item.id = blueprintId;
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    if (!summary)
        return item;
    item.name = summary->name;
    item.tags = summary->tags;
    item.updatedAt = summary->updatedAt;
    const QHash<QString, QString> names = m_workspace.names();
    for (const QString &access : summary->readAccess) {
        if (access.startsWith(QLatin1String("team/"))) {
            item.team = names.value(access.mid(5));
            if (!item.team.isEmpty())
                break;
        }
    }
    return item;
}

QList<ExportItem> ExportController::selectedItems() const
{
    QStringList ids;
    const QAbstractItemModel *model = m_navigator->blueprintTree()->model();
    const std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &index) {
        if (index.data(KindRole).toInt() == int(TreeNodeKind::Blueprint)) {
            const QString id = index.data(IdRole).toString();
            if (!ids.contains(id))
                ids.append(id);
            return;
        }
        for (int row = 0; row < model->rowCount(index); ++row)
            collect(model->index(row, 0, index));
    };
    QModelIndexList selected = m_navigator->blueprintTree()->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(), [](const QModelIndex &a, const QModelIndex &b) {
        // Tree order: compare the chains of row numbers from the root.
        const auto path = [](QModelIndex i) {
            QList<int> rows;
            for (; i.isValid(); i = i.parent())
                rows.prepend(i.row());
            return rows;
        };
        return path(a) < path(b);
    });
    for (const QModelIndex &index : std::as_const(selected))
        collect(index);
    if (ids.isEmpty() && !m_previewController->currentBlueprint().isEmpty())
        ids.append(m_previewController->currentBlueprint());
    QList<ExportItem> items;
    for (const QString &id : std::as_const(ids))
        items.append(itemFor(id));
    return items;
}

ExportDialog *ExportController::openExportDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    if (!m_session.isSignedIn()) {
        Q_EMIT message(tr("Sign in to export blueprints."));
        return nullptr;
    }
    const QList<ExportItem> items = selectedItems();
    if (items.isEmpty()) {
        Q_EMIT message(tr("Select one or more blueprints to export."));
        return nullptr;
    }
    auto *dialog = new ExportDialog(m_session.client(), items, m_settings, m_session.profile().name, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

QString ExportController::previewName() const
{
    const QString id = m_previewController->currentBlueprint();
    const BlueprintSummary *summary = m_workspace.blueprint(id);
    return summary && !summary->name.isEmpty() ? summary->name : id;
}

bool ExportController::copyImage()
{
    QString error;
    QMimeData *mime = DiagramMimeData::create(m_preview->image(), previewName(), &error);
    if (!mime) {
        Q_EMIT message(error);
        return false;
    }
    QGuiApplication::clipboard()->setMimeData(mime);
    Q_EMIT message(tr("Diagram copied as an image and as a PNG file: paste it into your slides or a folder."));
    return true;
}

} // namespace Cloudcraft::Ui
