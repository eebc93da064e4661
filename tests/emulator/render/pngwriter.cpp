#include "formatwriters.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QtDebug>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator::FormatWriters {

namespace {

constexpr int kDotsPerMeter = 3780; // 96 dpi, fixed so point sizes and the pHYs chunk never depend on a screen
constexpr int kPngQuality = 60; // Qt maps quality to a zlib level; fixed for identical bytes

void drawGrid(QPainter &painter, const DiagramScene &scene, const CanvasGeometry &canvas)
{
    const QRectF visible = canvas.visibleSceneRect();
    const double unit = DiagramScene::kUnit;
    const bool minorVisible = unit * canvas.scale >= 6.0;
    const double step = minorVisible ? unit : unit * 5.0;
    if (step * canvas.scale < 3.0)
        return; // lines would merge into a solid fill
    const long long firstX = static_cast<long long>(std::floor(visible.left() / step));
    const long long lastX = static_cast<long long>(std::ceil(visible.right() / step));
    const long long firstY = static_cast<long long>(std::floor(visible.top() / step));
    const long long lastY = static_cast<long long>(std::ceil(visible.bottom() / step));
    const double perMajor = minorVisible ? 5.0 : 1.0;
    const double penWidth = 1.0 / canvas.scale;
    for (long long i = firstX; i <= lastX; ++i) {
        const bool major = std::fmod(static_cast<double>(i), perMajor) == 0.0;
        painter.setPen(QPen(major ? scene.gridMajor : scene.gridMinor, penWidth));
        painter.drawLine(QPointF(i * step, visible.top()), QPointF(i * step, visible.bottom()));
    }
    for (long long i = firstY; i <= lastY; ++i) {
        const bool major = std::fmod(static_cast<double>(i), perMajor) == 0.0;
        painter.setPen(QPen(major ? scene.gridMajor : scene.gridMinor, penWidth));
        painter.drawLine(QPointF(visible.left(), i * step), QPointF(visible.right(), i * step));
    }
}

QPen penFor(const SceneShape &shape)
{
    if (!shape.stroke.isValid() || shape.strokeWidth <= 0.0)
        return Qt::NoPen;
    QPen pen(shape.stroke, shape.strokeWidth);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    if (shape.dashed)
        pen.setDashPattern({ 4.0, 3.0 });
    return pen;
}

void drawText(QPainter &painter, const SceneShape &shape)
{
    QFont font(u"Open Sans"_s);
    font.setStyleStrategy(QFont::StyleStrategy(QFont::NoSubpixelAntialias | QFont::NoFontMerging));
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setPointSizeF(shape.fontPx * 72.0 / 96.0);
    font.setBold(shape.bold);
    painter.setFont(font);
    painter.setPen(shape.fill);
    const double lineHeight = shape.fontPx * 1.25;
    for (qsizetype i = 0; i < shape.lines.size(); ++i) {
        const double baseline = shape.rect.top() + lineHeight * static_cast<double>(i) + shape.fontPx * 0.95;
        const QString &line = shape.lines.at(i);
        if (shape.align == SceneShape::Align::Center) {
            const QRectF box(shape.rect.left() - shape.rect.width(), shape.rect.top() + lineHeight * i,
                shape.rect.width() * 3.0, lineHeight);
            painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextSingleLine, line);
        } else {
            painter.drawText(QPointF(shape.rect.left(), baseline), line);
        }
    }
}

} // namespace

QByteArray png(const DiagramScene &scene, const CanvasGeometry &canvas, const RenderOptions &options)
{
    QImage image(canvas.size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);
    image.fill(options.transparent ? QColor(Qt::transparent) : scene.background);

    // QFont needs the GUI font database; without a QGuiApplication shapes are drawn and text is left out.
    const bool canDrawText = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
    if (!canDrawText) {
        static std::atomic_bool warned = false; // the emulator may render on several threads
        if (!warned.exchange(true))
            qWarning("DiagramRenderer: PNG text needs a QGuiApplication (e.g. QT_QPA_PLATFORM=offscreen)");
    }

    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.setTransform(QTransform(canvas.scale, 0, 0, canvas.scale, canvas.offset.x(), canvas.offset.y()));
    if (options.grid)
        drawGrid(painter, scene, canvas);

    for (const SceneShape &shape : scene.shapes) {
        switch (shape.kind) {
        case SceneShape::Kind::Rect:
            painter.setPen(penFor(shape));
            painter.setBrush(shape.fill.isValid() ? QBrush(shape.fill) : QBrush(Qt::NoBrush));
            if (shape.radius > 0.0)
                painter.drawRoundedRect(shape.rect, shape.radius, shape.radius);
            else
                painter.drawRect(shape.rect);
            break;
        case SceneShape::Kind::Ellipse:
            painter.setPen(penFor(shape));
            painter.setBrush(shape.fill.isValid() ? QBrush(shape.fill) : QBrush(Qt::NoBrush));
            painter.drawEllipse(shape.rect);
            break;
        case SceneShape::Kind::Polygon:
            painter.setPen(penFor(shape));
            painter.setBrush(shape.fill.isValid() ? QBrush(shape.fill) : QBrush(Qt::NoBrush));
            painter.drawPolygon(shape.points);
            break;
        case SceneShape::Kind::Line:
            painter.setPen(penFor(shape));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(shape.points);
            break;
        case SceneShape::Kind::Text:
            if (canDrawText)
                drawText(painter, shape);
            break;
        }
    }
    painter.end();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(kPngQuality);
    if (!writer.write(image))
        return {};
    return bytes;
}

} // namespace Cloudcraft::Emulator::FormatWriters
