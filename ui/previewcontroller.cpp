#include "previewcontroller.h"

#include "errortext.h"
#include "inspectorpanel.h"
#include "previewview.h"
#include "sessioncontroller.h"
#include "workspacecontroller.h"

#include "api/apiclient.h"
#include "api/apiparse.h"
#include "render/diagramimageloader.h"

#include <algorithm>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
constexpr qint64 kCacheBytes = qint64(256) * 1024 * 1024;
constexpr int kMinRenderSide = 320;
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
{
    connect(m_loader, &DiagramImageLoader::loaded, this, &PreviewController::onImageDecoded);
    connect(&m_session, &SessionController::signedOut, this, &PreviewController::clear);
    m_view->setMessage(tr("Select a blueprint to see it here."));
}

PreviewController::~PreviewController() = default;

QString PreviewController::cacheKey(const QString &blueprintId, QSize size) const
{
    const BlueprintSummary *summary = m_workspace.blueprint(blueprintId);
    const QString version = summary ? summary->updatedAt.toString(Qt::ISODateWithMs) : QString();
    return blueprintId + u'|' + version + u'|' + QString::number(size.width()) + u'x' + QString::number(size.height());
}

void PreviewController::cancelCalls()
{
    for (ApiCall *call : {m_imageCall.data(), m_documentCall.data()}) {
        if (call)
            call->cancel();
    }
    m_imageCall = nullptr;
    m_documentCall = nullptr;
    m_loader->cancel();
    m_decodeRequest = 0;
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

void PreviewController::showBlueprint(const QString &blueprintId)
{
    if (blueprintId == m_current && (m_imageCall || m_decodeRequest))
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

void PreviewController::requestImage()
{
    ApiClient *client = m_session.client();
    if (!client)
        return;
    QSize size = m_view->devicePixelViewportSize();
    size = size.expandedTo(QSize(kMinRenderSide, kMinRenderSide));
    m_requestedSize = size;
    const QString key = cacheKey(m_current, size);
    if (const QImage *cached = m_cache.object(key)) {
        m_view->setBusy(false);
        m_view->setImage(*cached);
        Q_EMIT previewLoaded(m_current);
        return;
    }
    const BlueprintSummary *summary = m_workspace.blueprint(m_current);
    const QString name = summary ? summary->name : m_current;
    const auto wait = client->scheduler()->nextSlotIn(RateRoute::Export);
    m_view->setBusy(true, wait.count() > 999 ? tr("Rendering %1… (next export slot in %2 s)")
                                                     .arg(name)
                                                     .arg((wait.count() + 999) / 1000)
                                               : tr("Rendering %1…").arg(name));
    ExportOptions options;
    options.width = size.width();
    options.height = size.height();
    ApiCall *call = client->exportBlueprint(m_current, ExportFormat::Png, options, Priority::Interactive);
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
        const ApiError::Kind kind = call->error().kind();
        m_session.reportReachable(kind != ApiError::Kind::Network && kind != ApiError::Kind::Timeout);
        const QString message = ErrorText::forApi(call->error(), m_session.profile().apiUrl);
        m_view->setBusy(false);
        m_view->setMessage(message);
        Q_EMIT previewFailed(blueprintId, message);
        return;
    }
    m_session.reportReachable(true);
    m_decodingKey = cacheKey(blueprintId, m_requestedSize);
    m_decodeRequest = m_loader->load(call->body(), call->contentType());
}

void PreviewController::onImageDecoded(quint64 requestId, const DiagramImage &image)
{
    if (requestId != m_decodeRequest)
        return;
    m_decodeRequest = 0;
    m_view->setBusy(false);
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

void PreviewController::requestDocument()
{
    ApiClient *client = m_session.client();
    if (!client)
        return;
    ApiCall *call = client->getBlueprint(m_current, Priority::Interactive);
    m_documentCall = call;
    const QString id = m_current;
    connect(call, &ApiCall::finished, this, [this, call, id] {
        call->deleteLater();
        if (call != m_documentCall || id != m_current)
            return;
        m_documentCall = nullptr;
        const ApiResult<Blueprint> result = ApiParse::blueprintFromCall(*call);
        if (!result.ok()) {
            if (result.error.kind() != ApiError::Kind::Cancelled)
                m_inspector->setResourcesMessage(ErrorText::forApi(result.error, m_session.profile().apiUrl));
            return;
        }
        m_inspector->setBlueprintData(result.value.data);
        Q_EMIT inspectorLoaded(id);
    });
}

} // namespace Cloudcraft::Ui
