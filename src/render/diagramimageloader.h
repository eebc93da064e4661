#pragma once

#include "render/diagramimage.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThreadPool;

namespace Cloudcraft::Core {

/// Decodes PNG and rasterizes SVG diagram images on a thread pool, never on the calling thread.
/// Only the newest request is ever delivered: load() supersedes (and cancels) whatever is still running, and
/// cancel() drops it; a stale result is discarded silently. Every non-cancelled request ends in exactly one
/// loaded() signal, errors included (DiagramImage::error).
class DiagramImageLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramImageLoader)

public:
    /// `pool` defaults to QThreadPool::globalInstance(); it must outlive the loader.
    explicit DiagramImageLoader(QObject *parent = nullptr);
    DiagramImageLoader(QThreadPool *pool, ImageLimits limits, QObject *parent = nullptr);
    ~DiagramImageLoader() override;

    /// Starts decoding `bytes` as `format`; ImageFormat::Unknown sniffs the bytes. Returns the request id
    /// (increasing, never 0) that loaded() will carry.
    quint64 load(const QByteArray &bytes, ImageFormat format, RenderSize size = {});
    /// Same, with the format named by an HTTP Content-Type ("image/png", "image/svg+xml"); an empty or unknown
    /// type sniffs the bytes.
    quint64 load(const QByteArray &bytes, const QString &contentType, RenderSize size = {});

    /// Abandons the current request: its result will not be delivered.
    void cancel();

    bool isBusy() const { return m_pending != 0; }
    quint64 currentRequest() const { return m_pending; }

Q_SIGNALS:
    void loaded(quint64 requestId, const Cloudcraft::Core::DiagramImage &image);

private:
    void deliver(quint64 requestId, const DiagramImage &image);

    QThreadPool *m_pool;
    ImageLimits m_limits;
    quint64 m_lastId = 0;
    quint64 m_pending = 0; ///< id of the request whose result we still want; 0 when none
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace Cloudcraft::Core
