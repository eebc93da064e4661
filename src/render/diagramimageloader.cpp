#include "render/diagramimageloader.h"

#include "render/pngdecoder.h"
#include "render/svgrasterizer.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Cloudcraft::Core {

namespace {

// Runs on a pool thread: decode, then scale a PNG when a size other than its own was asked for.
DiagramImage decodeOffThread(const QByteArray &bytes, ImageFormat format, RenderSize size, ImageLimits limits,
    const std::shared_ptr<std::atomic_bool> &cancel)
{
    if (format == ImageFormat::Unknown)
        format = sniffImageFormat(bytes);
    switch (format) {
    case ImageFormat::Svg:
        return SvgRasterizer(limits).render(bytes, size);
    case ImageFormat::Png: {
        DiagramImage result = PngDecoder(limits).decode(bytes, cancel.get());
        if (!result.ok())
            return result;
        const QSizeF wanted = size.apply(QSizeF(result.intrinsicSize));
        bool clamped = false;
        const QSize pixels = limits.clamp(wanted, &clamped);
        if (!pixels.isEmpty() && pixels != result.image.size() && !cancel->load()) {
            result.image = result.image.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            result.requestedSize = wanted.toSize();
            result.clamped = clamped;
        }
        return result;
    }
    case ImageFormat::Unknown:
        break;
    }
    return DiagramImage::failure(
        ImageFormat::Unknown, QStringLiteral("This file is neither a PNG nor an SVG image, so it cannot be shown."));
}

} // namespace

DiagramImageLoader::DiagramImageLoader(QObject *parent)
    : DiagramImageLoader(QThreadPool::globalInstance(), ImageLimits {}, parent)
{ }

DiagramImageLoader::DiagramImageLoader(QThreadPool *pool, ImageLimits limits, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_limits(limits)
{
    qRegisterMetaType<Cloudcraft::Core::DiagramImage>();
}

DiagramImageLoader::~DiagramImageLoader()
{
    // A running task keeps its own copies of everything it uses; only tell it to stop early.
    cancel();
}

quint64 DiagramImageLoader::load(const QByteArray &bytes, const QString &contentType, RenderSize size)
{
    return load(bytes, imageFormatFromContentType(contentType), size);
}

quint64 DiagramImageLoader::load(const QByteArray &bytes, ImageFormat format, RenderSize size)
{
    cancel();
    const quint64 id = ++m_lastId;
    m_pending = id;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;

    // The watcher is our child: if the loader dies first, the watcher and its connection die with it and the
    // finished task has nowhere to deliver to.
    auto *watcher = new QFutureWatcher<DiagramImage>(this);
    connect(watcher, &QFutureWatcher<DiagramImage>::finished, this, [this, watcher, id] {
        const QFuture<DiagramImage> future = watcher->future();
        watcher->deleteLater();
        if (future.resultCount() > 0)
            deliver(id, future.result());
    });
    watcher->setFuture(QtConcurrent::run(m_pool, decodeOffThread, bytes, format, size, m_limits, cancelFlag));
    return id;
}

void DiagramImageLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_pending = 0;
}

void DiagramImageLoader::deliver(quint64 requestId, const DiagramImage &image)
{
    // Superseded or cancelled requests end here silently.
    if (requestId != m_pending || image.cancelled)
        return;
    m_pending = 0;
    m_cancel.reset();
    Q_EMIT loaded(requestId, image);
}

} // namespace Cloudcraft::Core
