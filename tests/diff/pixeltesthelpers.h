#pragma once

// Image helpers shared by the pixel diff tests.

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPoint>
#include <QString>

#include <cstring>

namespace PixelTest {

inline QString fixtureDir()
{
    return QStringLiteral(CLOUDCRAFT_SHARED_DIR "/fixtures/pixelmatch/");
}

inline QImage loadRgba(const QString &name)
{
    QImage image(fixtureDir() + name, "PNG");
    return image.convertToFormat(QImage::Format_RGBA8888);
}

// Number of pixels whose four bytes differ; -1 when the sizes or formats differ.
inline qint64 differingPixels(const QImage &actual, const QImage &expected, QPoint *first = nullptr)
{
    if (actual.size() != expected.size() || actual.format() != expected.format())
        return -1;
    qint64 count = 0;
    for (int y = 0; y < actual.height(); ++y) {
        const uchar *a = actual.constScanLine(y);
        const uchar *e = expected.constScanLine(y);
        for (int x = 0; x < actual.width(); ++x) {
            if (std::memcmp(a + x * 4, e + x * 4, 4) != 0) {
                if (count == 0 && first)
                    *first = QPoint(x, y);
                ++count;
            }
        }
    }
    return count;
}

inline QImage filled(QSize size, QColor color)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(color);
    return image;
}

// RGBA bytes of the diff image as a QRgb, whatever the host byte order.
inline QRgb pixelAt(const QImage &image, int x, int y)
{
    const uchar *p = image.constScanLine(y) + x * 4;
    return qRgba(p[0], p[1], p[2], p[3]);
}

inline bool isFadedGray(QRgb pixel)
{
    return qRed(pixel) == qGreen(pixel) && qGreen(pixel) == qBlue(pixel) && qAlpha(pixel) == 255;
}

// A diagram-like picture: antialiased shapes, so the anti-aliasing detector has real work at every row.
inline QImage drawScene(QSize size, bool changed)
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 40; ++i) {
        const int x = (i * 97) % (size.width() - 60);
        const int y = (i * 131) % (size.height() - 60);
        painter.setBrush(QColor::fromHsv((i * 37) % 360, 180, 220));
        painter.setPen(QPen(Qt::black, 1.5));
        painter.drawEllipse(QRectF(x + 0.3, y + 0.7, 50.5, 40.2));
    }
    if (changed) {
        painter.setBrush(Qt::red);
        painter.drawRect(QRectF(size.width() / 2.0 - 30, size.height() / 2.0 - 1.5, 60.5, 3)); // crosses a band border
        painter.drawEllipse(QRectF(20.5, size.height() - 80.0, 30, 30));
    }
    return image;
}

} // namespace PixelTest
