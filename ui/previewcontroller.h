#pragma once

#include "api/apitypes.h"
#include "render/diagramimage.h"

#include <QCache>
#include <QJsonObject>
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
///
/// With the workspace's disk cache (WorkspaceController::cache()), renders and documents are looked up there first
/// (keyed by id, updatedAt and export options), so an unchanged blueprint is never exported twice, even after a
/// restart; a larger render of the same version serves a smaller view. Offline, what is cached still shows and the
/// rest says "Not available offline" (no request is sent); it is fetched once the session is back online.
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
    /// What blueprints are rendered as: Png (default) or Svg (handed to PreviewView::setSvg()).
    Core::ExportFormat format() const { return m_format; }

public Q_SLOTS:
    void showBlueprint(const QString &blueprintId);
    /// Requests the current blueprint again at the view's present size.
    void refresh();
    void clear();
    /// Shows the current blueprint again in `format` (Png or Svg); later selections use it too.
    void setFormat(Core::ExportFormat format);

Q_SIGNALS:
    void previewLoaded(const QString &blueprintId);
    void previewFailed(const QString &blueprintId, const QString &message);
    /// Offline and nothing cached for this blueprint: the view says so instead of showing an error.
    void previewUnavailableOffline(const QString &blueprintId);
    void inspectorLoaded(const QString &blueprintId);
    /// A local schematic of the blueprint is on screen while its real render downloads.
    void placeholderShown(const QString &blueprintId);

private:
    void requestImage();
    Core::ExportOptions renderOptions(QSize size) const;
    /// Starts decoding a cached render of the current blueprint for `size`; false when none fits.
    bool loadFromDisk(QSize size);
    QString diskKey(const QString &blueprintId, QSize size) const;
    void showUnavailableOffline();
    void onOnlineChanged(bool online);
    void requestDocument();
    void onImageFinished(Core::ApiCall *call, const QString &blueprintId);
    void onImageDecoded(quint64 requestId, const Core::DiagramImage &image);
    void cancelCalls();
    void cancelImage();
    /// Hands an SVG render to the view; previewLoaded follows its first raster (onSvgRasterized()).
    void showSvg(const QByteArray &svg, const QString &fromDiskKey, const QString &fetchedKey);
    void onSvgRasterized();
    void onSvgFailed(const QString &message);
    QString cacheKey(const QString &blueprintId, QSize size) const;
    /// A decoded render of the current version already in memory that serves a view of `size` (see loadFromDisk()).
    const QImage *cachedImageFor(QSize size) const;
    bool showDocumentFromDisk();
    /// While the real render is still on its way, shows the blueprint drawn locally by the schematic renderer (off
    /// the UI thread; no network, no export quota). The render replaces it when it arrives.
    void showSchematicPlaceholder(const QJsonObject &data);

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
    QCache<QString, QByteArray> m_svgCache; ///< SVG documents, by cacheKey() (small: they are text)
    Core::ExportFormat m_format = Core::ExportFormat::Png;
    bool m_svgPending = false; ///< an SVG render was handed to the view and its first raster is awaited
    QString m_svgKey;          ///< cacheKey() of that SVG
    QString m_decodingDiskKey; ///< set while a render read from the disk cache decodes
    QString m_fetchedKey;      ///< disk key of the render being decoded after a download...
    QByteArray m_fetchedBody;  ///< ...and its bytes, saved once they decode
    quint64 m_placeholderRequest = 0; ///< the newest schematic placeholder asked for (older ones are dropped)
    QString m_fetchedType;
    bool m_unavailableOffline = false;
};

} // namespace Cloudcraft::Ui
