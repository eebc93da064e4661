#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QObject>

class QPainter;
class QThreadPool;

namespace Cloudcraft::Ui {

/// One image and its halved copies (1/2, 1/4, ... down to a few hundred pixels), so a zoomed-out view of an 8K
/// render paints from a small level instead of resampling 33 million pixels each frame. The levels (and a copy of
/// the image in the painter's native premultiplied format, when it is not already) are built on a worker thread
/// after setImage(), without Qt's global thread pool (the UI thread's painting needs it); until they arrive draw()
/// paints from the image as given. Replaced images are freed on the worker too.
class ImagePyramid final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePyramid)

public:
    /// `workers` runs the level building (the global pool when null); it must outlive the pyramid's tasks.
    explicit ImagePyramid(QThreadPool *workers = nullptr, QObject *parent = nullptr);
    ~ImagePyramid() override;

    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    QSize size() const { return m_image.size(); }
    bool isNull() const { return m_image.isNull(); }
    /// True once the worker's levels are in use (tests and the benchmark wait for it).
    bool isReady() const { return m_ready; }
    int levelCount() const { return int(m_levels.size()); }
    /// False while a large image in a foreign pixel format waits for its converted copy (draw() paints nothing).
    bool isDrawable() const;

    /// Draws the part `source` of the image (image pixels, clipped to the image) into `target` (painter
    /// coordinates), from the smallest level that still has at least `devicePixelsPerImagePixel` detail.
    void draw(QPainter &painter, const QRectF &target, const QRectF &source, double devicePixelsPerImagePixel) const;

Q_SIGNALS:
    /// The levels are ready: a repaint now uses them.
    void ready();

private:
    struct Levels
    {
        QImage full; ///< the image in ARGB32_Premultiplied or RGB32; null when it already was
        QList<QImage> halves;
    };
    static Levels build(const QImage &image);
    void onBuilt();
    /// Drops these references on the worker thread, so the last one to a large buffer is not freed on the UI thread.
    void releaseOnWorker(QImage image, QList<QImage> levels, QFuture<Levels> future);

    QImage m_image;
    QList<QImage> m_levels; ///< m_levels[i] has 1 / 2^(i+1) of the image's width and height
    bool m_ready = false;
    QThreadPool *m_workers = nullptr;
    QFutureWatcher<Levels> m_watcher;
};

} // namespace Cloudcraft::Ui
