#pragma once

#include "render/diagramimage.h"

#include <QCache>
#include <QObject>
#include <QPointer>
#include <QSize>

namespace Cloudcraft::Core {
class ApiCall;
class DiagramImageLoader;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

class InspectorPanel;
class PreviewView;
class SessionController;
class WorkspaceController;

/// Fetches what the selected blueprint looks like and holds: its PNG render (Interactive priority, at the view's
/// size in device pixels, decoded off the UI thread) for the PreviewView, and its JSON for the InspectorPanel.
/// A new selection cancels what is still queued for the old one; recent renders are kept in memory.
class PreviewController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewController)

public:
    PreviewController(SessionController &session, WorkspaceController &workspace, PreviewView *view,
                      InspectorPanel *inspector, QObject *parent = nullptr);
    ~PreviewController() override;

    QString currentBlueprint() const { return m_current; }
    /// The pixel size the last render was requested at.
    QSize lastRequestedSize() const { return m_requestedSize; }

public Q_SLOTS:
    void showBlueprint(const QString &blueprintId);
    /// Requests the current blueprint again at the view's present size.
    void refresh();
    void clear();

Q_SIGNALS:
    void previewLoaded(const QString &blueprintId);
    void previewFailed(const QString &blueprintId, const QString &message);
    void inspectorLoaded(const QString &blueprintId);

private:
    void requestImage();
    void requestDocument();
    void onImageFinished(Core::ApiCall *call, const QString &blueprintId);
    void onImageDecoded(quint64 requestId, const Core::DiagramImage &image);
    void cancelCalls();
    QString cacheKey(const QString &blueprintId, QSize size) const;

    SessionController &m_session;
    WorkspaceController &m_workspace;
    PreviewView *m_view;
    InspectorPanel *m_inspector;
    Core::DiagramImageLoader *m_loader;
    QPointer<Core::ApiCall> m_imageCall;
    QPointer<Core::ApiCall> m_documentCall;
    QString m_current;
    QString m_decodingKey;
    QSize m_requestedSize;
    quint64 m_decodeRequest = 0;
    QCache<QString, QImage> m_cache;
};

} // namespace Cloudcraft::Ui
