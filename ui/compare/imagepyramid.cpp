#include "imagepyramid.h"

#include <QColorSpace>
#include <QPainter>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace Cloudcraft::Ui {

namespace {
constexpr int kSmallestSide = 256; ///< no level smaller than this: the image itself is cheap to scale by then
/// Above this many pixels an image in a format QPainter cannot blend directly (RGBA8888 from the PNG decoder) is
/// not drawn until the worker has converted it: drawing it would convert all of it on the UI thread (about 1 s at 8K).
constexpr qint64 kLargeForeignPixels = 4'000'000;
/// Qt splits a convertToFormat() or a smooth scaled() of more pixels than this into pieces on the global thread
/// pool, and the raster paint engine splits the UI thread's large fills onto that same pool and blocks until they
/// have run. A worker converting an 8K image queued hundreds of pieces ahead of the UI thread's fill (measured: a
/// canvas paintEvent blocked 150-420 ms on a semaphore with 1 ms of CPU). The worker therefore works in strips of
/// at most this many pixels, which Qt converts on the calling thread, and halves with its own filter.
constexpr qint64 kStripPixels = 65'536;

bool isNativeFormat(QImage::Format format)
{
    return format == QImage::Format_ARGB32_Premultiplied || format == QImage::Format_RGB32;
}

/// image.convertToFormat(format), done strip by strip on the calling thread (see kStripPixels).
QImage convertedOnThisThread(const QImage &image, QImage::Format format)
{
    QImage out(image.size(), format);
    if (out.isNull())
        return out;
    out.setDevicePixelRatio(image.devicePixelRatio());
    out.setDotsPerMeterX(image.dotsPerMeterX());
    out.setDotsPerMeterY(image.dotsPerMeterY());
    out.setColorSpace(image.colorSpace());
    const int rows = int(std::max<qint64>(1, kStripPixels / std::max(1, image.width())));
    for (int y = 0; y < image.height(); y += rows) {
        const int height = std::min(rows, image.height() - y);
        // A read-only view of the rows: no copy of the source.
        QImage strip(image.constScanLine(y), image.width(), height, image.bytesPerLine(), image.format());
        if (image.colorCount() > 0)
            strip.setColorTable(image.colorTable());
        strip.setColorSpace(image.colorSpace());
        const QImage converted = strip.convertToFormat(format);
        const size_t bytes = size_t(std::min(out.bytesPerLine(), converted.bytesPerLine()));
        for (int row = 0; row < height; ++row)
            std::memcpy(out.scanLine(y + row), converted.constScanLine(row), bytes);
    }
    return out;
}

/// The mean of four 32-bit pixels, byte by byte (two bytes at a time in 16-bit lanes), rounded. On premultiplied
/// pixels that is the area average, and the result stays a valid premultiplied pixel.
inline quint32 mean4(quint32 a, quint32 b, quint32 c, quint32 d)
{
    constexpr quint32 kLanes = 0x00ff00ff;
    constexpr quint32 kHalf = 0x00020002;
    const quint32 even = (a & kLanes) + (b & kLanes) + (c & kLanes) + (d & kLanes) + kHalf;
    const quint32 odd = ((a >> 8) & kLanes) + ((b >> 8) & kLanes) + ((c >> 8) & kLanes) + ((d >> 8) & kLanes) + kHalf;
    return ((even >> 2) & kLanes) | (((odd >> 2) & kLanes) << 8);
}

/// `image` (ARGB32_Premultiplied or RGB32) at half its width and height (floored), each pixel the mean of the 2x2
/// block it covers: area averaging, which keeps thin connector lines visible at small zooms.
QImage halved(const QImage &image)
{
    QImage out(std::max(1, image.width() / 2), std::max(1, image.height() / 2), image.format());
    if (out.isNull())
        return out;
    out.setDevicePixelRatio(image.devicePixelRatio());
    out.setColorSpace(image.colorSpace());
    const int lastX = image.width() - 1;
    const int lastY = image.height() - 1;
    for (int y = 0; y < out.height(); ++y) {
        const auto *top = reinterpret_cast<const quint32 *>(image.constScanLine(std::min(2 * y, lastY)));
        const auto *bottom = reinterpret_cast<const quint32 *>(image.constScanLine(std::min(2 * y + 1, lastY)));
        auto *target = reinterpret_cast<quint32 *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const int left = std::min(2 * x, lastX);
            const int right = std::min(2 * x + 1, lastX);
            target[x] = mean4(top[left], top[right], bottom[left], bottom[right]);
        }
    }
    return out;
}
} // namespace

bool ImagePyramid::isDrawable() const
{
    if (m_image.isNull())
        return false;
    const qint64 pixels = qint64(m_image.width()) * m_image.height();
    return m_ready || isNativeFormat(m_image.format()) || pixels <= kLargeForeignPixels;
}

ImagePyramid::ImagePyramid(QThreadPool *workers, QObject *parent)
    : QObject(parent)
    , m_workers(workers ? workers : QThreadPool::globalInstance())
{
    connect(&m_watcher, &QFutureWatcher<Levels>::finished, this, &ImagePyramid::onBuilt);
}

ImagePyramid::~ImagePyramid() = default;

void ImagePyramid::setImage(const QImage &image)
{
    // The previous image, its converted copy and its levels (about 170 MiB at 8K) are freed on the worker: unmapping
    // them here took the UI thread 20 ms of CPU and up to 180 ms of waiting for the address space while the workers
    // were allocating. The watcher lets go of the old future first, so the worker surely holds the last reference.
    QFuture<Levels> previous = m_watcher.future();
    QImage previousImage = std::exchange(m_image, image);
    QList<QImage> previousLevels = std::exchange(m_levels, {});
    m_ready = false;
    // The worker gets its own reference to the pixels; a newer setImage() replaces the watched future, so a late
    // answer for an older image is never applied.
    if (!image.isNull())
        m_watcher.setFuture(QtConcurrent::run(m_workers, &ImagePyramid::build, image));
    releaseOnWorker(std::move(previousImage), std::move(previousLevels), std::move(previous));
}

void ImagePyramid::releaseOnWorker(QImage image, QList<QImage> levels, QFuture<Levels> future)
{
    if (image.isNull() && levels.isEmpty() && future.resultCount() == 0)
        return;
    // Moved into the task's arguments, which end with the call on the worker: no copy stays behind on this thread.
    static_cast<void>(QtConcurrent::run(m_workers, [](QImage, QList<QImage>, QFuture<Levels>) {}, std::move(image),
                                        std::move(levels), std::move(future)));
}

ImagePyramid::Levels ImagePyramid::build(const QImage &image)
{
    // Only code that stays on this thread: Qt's own conversion and smooth scaling of an image this large would fan
    // out onto the global pool, where the UI thread's paint waits for its turn (see kStripPixels).
    Levels levels;
    if (!isNativeFormat(image.format()))
        levels.full = convertedOnThisThread(image, image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                                          : QImage::Format_RGB32);
    const QImage &base = levels.full.isNull() ? image : levels.full;
    QImage previous = base;
    while (std::max(previous.width(), previous.height()) / 2 >= kSmallestSide) {
        previous = halved(previous);
        levels.halves.append(previous);
    }
    return levels;
}

void ImagePyramid::onBuilt()
{
    if (m_image.isNull())
        return; // the image was cleared while its levels were being built
    Levels levels = m_watcher.result();
    if (!levels.full.isNull())
        releaseOnWorker(std::exchange(m_image, levels.full), {}, {});
    m_levels = std::move(levels.halves);
    m_ready = true;
    Q_EMIT ready();
}

void ImagePyramid::draw(QPainter &painter, const QRectF &target, const QRectF &source,
                        double devicePixelsPerImagePixel) const
{
    if (!isDrawable())
        return;
    const QRectF clipped = source.intersected(QRectF(QPointF(0, 0), QSizeF(m_image.size())));
    if (clipped.isEmpty() || source.isEmpty())
        return;
    // The part of `target` that shows the clipped source.
    const double sx = target.width() / source.width();
    const double sy = target.height() / source.height();
    const QRectF drawTarget(target.x() + (clipped.x() - source.x()) * sx, target.y() + (clipped.y() - source.y()) * sy,
                            clipped.width() * sx, clipped.height() * sy);

    int level = 0; // 0 = the image, n = m_levels[n - 1]
    double factor = 1.0;
    while (level < m_levels.size() && factor / 2.0 >= devicePixelsPerImagePixel) {
        ++level;
        factor /= 2.0;
    }
    const QImage &picture = level == 0 ? m_image : m_levels.at(level - 1);
    // Levels are floor-halved, so map through their real size rather than the nominal factor.
    const double fx = double(picture.width()) / m_image.width();
    const double fy = double(picture.height()) / m_image.height();
    const QRectF levelSource(clipped.x() * fx, clipped.y() * fy, clipped.width() * fx, clipped.height() * fy);
    painter.save();
    // Magnified pixels stay crisp (a changed pixel is a visible square); reduced ones are filtered.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, devicePixelsPerImagePixel / factor < 1.0);
    painter.drawImage(drawTarget, picture, levelSource);
    painter.restore();
}

} // namespace Cloudcraft::Ui
