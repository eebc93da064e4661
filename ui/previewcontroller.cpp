#include "previewcontroller.h"

#include "connectivitymonitor.h"
#include "errortext.h"
#include "inspectorpanel.h"
#include "previewview.h"
#include "sessioncontroller.h"
#include "workspacecontroller.h"

#include "api/apiclient.h"
#include "api/apiparse.h"
#include "cache/cachekeys.h"
#include "cache/rendercache.h"
#include "render/diagramimageloader.h"
#include "render/schematic/schematicrenderer.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
constexpr qint64 kCacheBytes = qint64(256) * 1024 * 1024;
constexpr int kMinRenderSide = 320;
constexpr double kCloseEnough = 0.85;
// Renders are asked for in steps of this many device pixels: the view's size moves by a pixel or two as the
// inspector and the timeline settle, and each exact size would be a new export (5 a minute) and a new cache entry.
constexpr int kRenderSizeStep = 64;

QSize renderSizeFor(QSize viewport)
{
    const QSize atLeast = viewport.expandedTo(QSize(kMinRenderSide, kMinRenderSide));
    const auto roundUp = [](int side) { return (side + kRenderSizeStep - 1) / kRenderSizeStep * kRenderSizeStep; };
    return {roundUp(atLeast.width()), roundUp(atLeast.height())};
}

QSize sizeFromCacheKey(const QString &key)
{
    const QStringView size = QStringView(key).mid(key.lastIndexOf(u'|') + 1);
    const qsizetype x = size.indexOf(u'x');
    return x < 0 ? QSize() : QSize(size.left(x).toInt(), size.mid(x + 1).toInt());
}

/// A render of the version on show, by its cache key (memory or disk) and pixel size.
struct SizedRender
{
    QString key;
    QSize size;
};

/// Of the renders of one version, the one that serves a view of `wanted`: the smallest at least as large (it looks
/// as sharp, scaled down), else the largest when it is at least kCloseEnough of the view on each side (scaled up so
/// little that spending an export, 5 a minute, is not worth it), or whatever its size when `anyLargest` (offline:
/// the largest there is beats nothing). Empty when none serves.
QString servingRender(const QList<SizedRender> &renders, QSize wanted, bool anyLargest)
{
    const SizedRender *covering = nullptr;
    const SizedRender *largest = nullptr;
    const auto area = [](QSize size) { return qint64(size.width()) * size.height(); };
    for (const SizedRender &render : renders) {
        if (render.size.width() >= wanted.width() && render.size.height() >= wanted.height()
            && (!covering || area(render.size) < area(covering->size)))
            covering = &render;
        if (area(render.size) > (largest ? area(largest->size) : 0))
            largest = &render;
    }
    if (covering)
        return covering->key;
    if (!largest)
        return {};
    const bool closeEnough = largest->size.width() >= kCloseEnough * wanted.width()
                             && largest->size.height() >= kCloseEnough * wanted.height();
    return (anyLargest || closeEnough) ? largest->key : QString();
}
constexpr int kSvgCacheKiB = 32 * 1024;
} // namespace

PreviewController::PreviewController(SessionController &session, WorkspaceController &workspace, PreviewView *view,
                                     InspectorPanel *inspector, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_workspace(workspace)
    , m_view(view)
    , m_inspector(inspector)
    , m_loader(new DiagramImageLoader(this))
    , m_cache(int(kCacheBytes / 1024)) // cost in KiB
    , m_svgCache(kSvgCacheKiB)
{
    connect(m_loader, &DiagramImageLoader::loaded, this, &PreviewController::onImageDecoded);
    connect(m_view, &PreviewView::svgRasterized, this, &PreviewController::onSvgRasterized);
    connect(m_view, &PreviewView::svgFailed, this, &PreviewController::onSvgFailed);
    connect(&m_session, &SessionController::signedOut, this, &PreviewController::clear);
    connect(&m_session, &SessionController::onlineChanged, this, &PreviewController::onOnlineChanged);
    m_view->setMessage(tr("Select a blueprint to see it here."));
}

PreviewController::~PreviewController() = default;

QString PreviewController::cacheKey(const QString &blueprintId, QSize size) const
{
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    const QString version = summary ? summary->updatedAt.toString(Qt::ISODateWithMs) : QString();
    const QString format = m_format == ExportFormat::Svg ? QStringLiteral("svg") : QStringLiteral("png");
    return blueprintId + u'|' + version + u'|' + format + u'|' + QString::number(size.width()) + u'x' + QString::number(size.height());
}

const QImage *PreviewController::cachedImageFor(QSize size) const
{
    const QString exact = cacheKey(m_current, size);
    if (const QImage *image = m_cache.object(exact))
        return image;
    // The same version at another size, chosen as from the disk cache (loadFromDisk()).
    const QString prefix = exact.left(exact.lastIndexOf(u'|') + 1);
    QList<SizedRender> renders;
    const QList<QString> keys = m_cache.keys();
    for (const QString &key : keys) {
        if (key.startsWith(prefix))
            renders.append({key, sizeFromCacheKey(key)});
    }
    const QString serving = servingRender(renders, size, false);
    return serving.isEmpty() ? nullptr : m_cache.object(serving);
}

QString PreviewController::diskKey(const QString &blueprintId, QSize size) const
{
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    if (!summary)
        return {};
    return CacheKeys::render(blueprintId, summary->updatedAt, m_format, renderOptions(size));
}

ExportOptions PreviewController::renderOptions(QSize size) const
{
    ExportOptions options;
    if (m_format == ExportFormat::Svg) // a vector render: the view rasterises it at whatever size it needs
        return options;
    options.width = size.width();
    options.height = size.height();
    return options;
}

void PreviewController::onOnlineChanged(bool online)
{
    // What could not be shown offline is fetched now; what came from the cache is current (same updatedAt).
    if (online && m_unavailableOffline)
        refresh();
}

void PreviewController::cancelCalls()
{
    if (m_documentCall)
        m_documentCall->cancel();
    m_documentCall = nullptr;
    cancelImage();
}

void PreviewController::cancelImage()
{
    if (m_imageCall)
        m_imageCall->cancel();
    m_imageCall = nullptr;
    m_svgPending = false;
    m_loader->cancel();
    m_decodeRequest = 0;
    m_decodingDiskKey.clear();
    m_fetchedKey.clear();
    m_fetchedBody.clear();
}

void PreviewController::clear()
{
    cancelCalls();
    m_current.clear();
    m_cache.clear();
    m_view->setBusy(false);
    m_view->setMessage(tr("Select a blueprint to see it here."));
    m_inspector->showNothing();
}

void PreviewController::setFormat(ExportFormat format)
{
    if (format == m_format)
        return;
    m_format = format;
    if (m_current.isEmpty())
        return;
    // Only the picture changes: the inspector's document stays as it is.
    cancelImage();
    requestImage();
}

void PreviewController::showBlueprint(const QString &blueprintId)
{
    if (blueprintId == m_current && (m_imageCall || m_decodeRequest || m_svgPending))
        return;
    cancelCalls();
    m_current = blueprintId;
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    m_inspector->setNames(m_workspace.names());
    if (summary)
        m_inspector->showBlueprint(*summary);
    requestImage();
    requestDocument();
}

void PreviewController::refresh()
{
    if (m_current.isEmpty())
        return;
    const QString id = m_current;
    m_current.clear();
    showBlueprint(id);
}

bool PreviewController::loadFromDisk(QSize size)
{
    RenderCache *cache = m_workspace.cache();
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    const QString exact = diskKey(m_current, size);
    if (!cache || !cache->isOpen() || !summary || exact.isEmpty())
        return false;
    std::optional<CacheEntry> entry = cache->find(exact);
    QString used = exact;
    if (!entry && m_format == ExportFormat::Svg)
        return false; // one SVG serves every size
    if (!entry) {
        // Another size of the same version (see servingRender()); offline, any size.
        QList<SizedRender> renders;
        const QString prefix = CacheKeys::renderPrefix(m_current, summary->updatedAt, m_format, {});
        for (const CacheEntryInfo &info : cache->entriesWithPrefix(prefix))
            renders.append({info.key, CacheKeys::renderSize(info.key)});
        used = servingRender(renders, size, !m_session.isOnline());
        if (used.isEmpty())
            return false;
        entry = cache->find(used);
        if (!entry)
            return false;
    }
    m_view->setBusy(true, tr("Opening %1…").arg(summary->name));
    if (m_format == ExportFormat::Svg) {
        showSvg(entry->data, used, {});
        return true;
    }
    m_decodingKey = cacheKey(m_current, size);
    m_decodingDiskKey = used;
    m_decodeRequest = m_loader->load(entry->data, entry->contentType);
    return true;
}

void PreviewController::showUnavailableOffline()
{
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    m_unavailableOffline = true;
    m_view->setBusy(false);
    m_view->setMessage(tr("Not available offline.\n\n“%1” was not opened before the connection was lost; it will "
                          "show here once we are back online.")
                           .arg(summary ? summary->name : m_current));
    Q_EMIT previewUnavailableOffline(m_current);
}

void PreviewController::requestImage()
{
    ApiClient *client = m_session.client();
    if (!client)
        return;
    m_unavailableOffline = false;
    const QSize size = renderSizeFor(m_view->devicePixelViewportSize());
    m_requestedSize = size;
    const QString key = cacheKey(m_current, size);
    if (const QByteArray *svg = m_format == ExportFormat::Svg ? m_svgCache.object(key) : nullptr) {
        showSvg(*svg, {}, {});
        return;
    }
    if (const QImage *cached = m_format == ExportFormat::Png ? cachedImageFor(size) : nullptr) {
        m_view->setBusy(false);
        m_view->setImage(*cached);
        Q_EMIT previewLoaded(m_current);
        return;
    }
    if (loadFromDisk(size))
        return;
    if (!m_session.isOnline()) // no request storm while offline: the probe finds out when we are back
        return showUnavailableOffline();
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    const QString name = summary ? summary->name : m_current;
    const auto wait = client->scheduler()->nextSlotIn(RateRoute::Export);
    m_view->setBusy(true, wait.count() > 999 ? tr("Rendering %1… (next export slot in %2 s)")
                                                     .arg(name)
                                                     .arg((wait.count() + 999) / 1000)
                                               : tr("Rendering %1…").arg(name));
    ApiCall *call = client->exportBlueprint(m_current, m_format, renderOptions(size), Priority::Interactive);
    m_imageCall = call;
    const QString id = m_current;
    connect(call, &ApiCall::finished, this, [this, call, id] { onImageFinished(call, id); });
}

void PreviewController::onImageFinished(ApiCall *call, const QString &blueprintId)
{
    call->deleteLater();
    if (call != m_imageCall || blueprintId != m_current)
        return;
    m_imageCall = nullptr;
    if (!call->succeeded()) {
        if (call->error().kind() == ApiError::Kind::Cancelled)
            return;
        const bool offline = ConnectivityMonitor::isNetworkFailure(call->error());
        m_session.reportReachable(!offline);
        if (offline) {
            if (!loadFromDisk(m_requestedSize)) // now any cached size will do
                showUnavailableOffline();
            return;
        }
        const QString message = ErrorText::forApi(call->error(), m_session.profile().apiUrl);
        m_view->setBusy(false);
        m_view->setMessage(message);
        Q_EMIT previewFailed(blueprintId, message);
        return;
    }
    m_session.reportReachable(true);
    if (m_format == ExportFormat::Svg) {
        showSvg(call->body(), {}, diskKey(blueprintId, m_requestedSize));
        return;
    }
    m_decodingKey = cacheKey(blueprintId, m_requestedSize);
    m_fetchedKey = diskKey(blueprintId, m_requestedSize);
    m_fetchedBody = call->body();
    m_fetchedType = call->contentType();
    m_decodeRequest = m_loader->load(call->body(), call->contentType());
}

void PreviewController::onImageDecoded(quint64 requestId, const DiagramImage &image)
{
    if (requestId != m_decodeRequest)
        return;
    m_decodeRequest = 0;
    const QString fromDisk = std::exchange(m_decodingDiskKey, QString());
    const QString fetchedKey = std::exchange(m_fetchedKey, QString());
    const QByteArray fetched = std::exchange(m_fetchedBody, QByteArray());
    RenderCache *disk = m_workspace.cache();
    if (!image.ok() && !fromDisk.isEmpty()) {
        // A cached file that no longer decodes: forget it and fetch the render again (or say it is unavailable).
        if (disk)
            disk->remove(fromDisk);
        requestImage();
        return;
    }
    m_view->setBusy(false);
    if (image.ok() && disk && disk->isOpen() && !fetchedKey.isEmpty())
        disk->insert(fetchedKey, fetched, m_fetchedType);
    if (!image.ok()) {
        m_view->setMessage(image.error);
        Q_EMIT previewFailed(m_current, image.error);
        return;
    }
    const qint64 costKiB = std::max<qint64>(1, image.image.sizeInBytes() / 1024);
    m_cache.insert(m_decodingKey, new QImage(image.image), int(std::min<qint64>(costKiB, m_cache.maxCost())));
    m_view->setImage(image.image);
    Q_EMIT previewLoaded(m_current);
}

void PreviewController::showSvg(const QByteArray &svg, const QString &fromDiskKey, const QString &fetchedKey)
{
    m_svgPending = true;
    m_svgKey = cacheKey(m_current, m_requestedSize);
    m_decodingDiskKey = fromDiskKey;
    m_fetchedKey = fetchedKey;
    m_fetchedBody = svg;
    m_view->setSvg(svg);
}

void PreviewController::onSvgRasterized()
{
    if (!std::exchange(m_svgPending, false)) // a sharper raster after a zoom
        return;
    m_decodingDiskKey.clear();
    const QString fetchedKey = std::exchange(m_fetchedKey, QString());
    const QByteArray svg = std::exchange(m_fetchedBody, QByteArray());
    if (RenderCache *disk = m_workspace.cache(); disk && disk->isOpen() && !fetchedKey.isEmpty())
        disk->insert(fetchedKey, svg, QStringLiteral("image/svg+xml"));
    const qint64 costKiB = std::max<qint64>(1, svg.size() / 1024);
    m_svgCache.insert(m_svgKey, new QByteArray(svg), int(std::min<qint64>(costKiB, m_svgCache.maxCost())));
    m_view->setBusy(false);
    Q_EMIT previewLoaded(m_current);
}

void PreviewController::onSvgFailed(const QString &message)
{
    if (!std::exchange(m_svgPending, false))
        return;
    const QString fromDisk = std::exchange(m_decodingDiskKey, QString());
    m_fetchedKey.clear();
    m_fetchedBody.clear();
    if (!fromDisk.isEmpty()) {
        // A cached file that no longer renders: forget it and fetch the render again.
        if (RenderCache *disk = m_workspace.cache())
            disk->remove(fromDisk);
        requestImage();
        return;
    }
    m_view->setBusy(false);
    m_view->setMessage(message);
    Q_EMIT previewFailed(m_current, message);
}

bool PreviewController::showDocumentFromDisk()
{
    RenderCache *cache = m_workspace.cache();
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    const QString key = summary ? CacheKeys::document(m_current, summary->updatedAt) : QString();
    if (!cache || !cache->isOpen() || key.isEmpty())
        return false;
    const std::optional<CacheEntry> entry = cache->find(key);
    if (!entry)
        return false;
    const ApiResult<QJsonValue> json = ApiParse::decodeJson(entry->data);
    const ApiResult<Blueprint> blueprint = json.ok() ? ApiParse::blueprint(json.value) : ApiResult<Blueprint>{};
    if (!json.ok() || !blueprint.ok()) {
        cache->remove(key);
        return false;
    }
    m_inspector->setBlueprintData(blueprint.value.data);
    Q_EMIT inspectorLoaded(m_current);
    showSchematicPlaceholder(blueprint.value.data);
    return true;
}

void PreviewController::requestDocument()
{
    ApiClient *client = m_session.client();
    if (!client || showDocumentFromDisk())
        return;
    if (!m_session.isOnline()) {
        m_inspector->setResourcesMessage(tr("Not available offline."));
        return;
    }
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    const QString key = summary ? CacheKeys::document(m_current, summary->updatedAt) : QString();
    ApiCall *call = client->getBlueprint(m_current, Priority::Interactive);
    m_documentCall = call;
    const QString id = m_current;
    connect(call, &ApiCall::finished, this, [this, call, id, key] {
        call->deleteLater();
        if (call != m_documentCall || id != m_current)
            return;
        m_documentCall = nullptr;
        const ApiResult<Blueprint> result = ApiParse::blueprintFromCall(*call);
        if (!result.ok()) {
            if (result.error.kind() == ApiError::Kind::Cancelled)
                return;
            const bool offline = ConnectivityMonitor::isNetworkFailure(result.error);
            m_inspector->setResourcesMessage(offline ? tr("Not available offline.")
                                                     : ErrorText::forApi(result.error, m_session.profile().apiUrl));
            return;
        }
        if (RenderCache *cache = m_workspace.cache(); cache && cache->isOpen() && !key.isEmpty())
            cache->insert(key, call->body(), QStringLiteral("application/json"));
        m_inspector->setBlueprintData(result.value.data);
        Q_EMIT inspectorLoaded(id);
        showSchematicPlaceholder(result.value.data);
    });
}

void PreviewController::showSchematicPlaceholder(const QJsonObject &data)
{
    // Only while a download is pending: a render from memory or disk is quicker than drawing one.
    if (!m_imageCall || data.isEmpty())
        return;
    const quint64 request = ++m_placeholderRequest;
    const QString id = m_current;
    SchematicOptions options;
    options.maxSize = m_requestedSize;
    options.fitLabels = true;
    auto *watcher = new QFutureWatcher<SchematicResult>(this);
    connect(watcher, &QFutureWatcher<SchematicResult>::finished, this, [this, watcher, request, id] {
        watcher->deleteLater();
        const SchematicResult result = watcher->result();
        // Dropped when the render came first, another blueprint was chosen, or a newer placeholder was asked for.
        if (request != m_placeholderRequest || id != m_current || !m_imageCall || !result.ok() || result.image.isNull())
            return;
        const BlueprintSummary *summary = m_workspace.blueprint(id);
        m_view->setImage(result.image);
        m_view->setBusy(true, tr("Local sketch of %1 · the Cloudcraft render is on its way…")
                                  .arg(summary ? summary->name : id));
        Q_EMIT placeholderShown(id);
    });
    watcher->setFuture(QtConcurrent::run([data, options] { return SchematicRenderer::renderImage(data, options); }));
}

} // namespace Cloudcraft::Ui
