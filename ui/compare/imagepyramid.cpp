#include "imagepyramid.h"

#include <QPainter>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace Cloudcraft::Ui {

namespace {
constexpr int kSmallestSide = 256; ///< no level smaller than this: the image itself is cheap to scale by then
/// Above this many pixels an image in a format QPainter cannot blend directly (RGBA8888 from the PNG decoder) is
/// not drawn until the worker has converted it: drawing it would convert all of it on the UI thread (about 1 s at 8K).
constexpr qint64 kLargeForeignPixels = 4'000'000;

bool isNativeFormat(QImage::Format format)
{
    return format == QImage::Format_ARGB32_Premultiplied || format == QImage::Format_RGB32;
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
    m_image = image;
    m_levels.clear();
    m_ready = false;
    if (image.isNull())
        return;
    // The worker gets its own reference to the pixels; a newer setImage() replaces the watched future, so a late
    // answer for an older image is never applied.
    m_watcher.setFuture(QtConcurrent::run(m_workers, &ImagePyramid::build, image));
}

ImagePyramid::Levels ImagePyramid::build(const QImage &image)
{
    Levels levels;
    if (!isNativeFormat(image.format()))
        levels.full = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                                    : QImage::Format_RGB32);
    const QImage &base = levels.full.isNull() ? image : levels.full;
    QImage previous = base;
    while (std::max(previous.width(), previous.height()) / 2 >= kSmallestSide) {
        // Halving with the smooth (area-averaging) scaler keeps thin connector lines visible at small zooms.
        previous = previous.scaled(std::max(1, previous.width() / 2), std::max(1, previous.height() / 2),
                                   Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        levels.halves.append(previous);
    }
    return levels;
}

void ImagePyramid::onBuilt()
{
    const Levels levels = m_watcher.result();
    if (!levels.full.isNull())
        m_image = levels.full;
    m_levels = levels.halves;
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
