#include "render/schematic/schematicwriters.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QtDebug>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core::SchematicWriters {

namespace {

constexpr int kDotsPerMeter = 3780; // 96 dpi, fixed so point sizes and the pHYs chunk never depend on a screen
constexpr double kMinReadableTextPx = 3.0;
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

/// Draws text shapes, building a QFont only when the size or weight changes (a big diagram has thousands of labels
/// in two or three sizes).
class TextPainter
{
public:
    explicit TextPainter(QPainter &painter)
        : m_painter(painter)
    {
    }

    void draw(const SceneShape &shape)
    {
        if (shape.fontPx != m_fontPx || shape.bold != m_bold) {
            QFont font(u"Open Sans"_s);
            font.setStyleStrategy(QFont::StyleStrategy(QFont::NoSubpixelAntialias | QFont::NoFontMerging));
            font.setHintingPreference(QFont::PreferNoHinting);
            font.setPointSizeF(shape.fontPx * 72.0 / 96.0);
            font.setBold(shape.bold);
            m_painter.setFont(font);
            m_fontPx = shape.fontPx;
            m_bold = shape.bold;
        }
        m_painter.setPen(shape.fill);
        const double lineHeight = shape.fontPx * 1.25;
        for (qsizetype i = 0; i < shape.lines.size(); ++i) {
            const double baseline = shape.rect.top() + lineHeight * static_cast<double>(i) + shape.fontPx * 0.95;
            const QString &line = shape.lines.at(i);
            if (shape.align == SceneShape::Align::Center) {
                const QRectF box(shape.rect.left() - shape.rect.width(), shape.rect.top() + lineHeight * i,
                    shape.rect.width() * 3.0, lineHeight);
                m_painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextSingleLine, line);
            } else {
                m_painter.drawText(QPointF(shape.rect.left(), baseline), line);
            }
        }
    }

private:
    QPainter &m_painter;
    double m_fontPx = -1.0;
    bool m_bold = false;
};

quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1U) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffU;
    for (const char byte : bytes)
        crc = table[(crc ^ static_cast<quint8>(byte)) & 0xffU] ^ (crc >> 8);
    return crc ^ 0xffffffffU;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    out += static_cast<char>((value >> 24) & 0xff);
    out += static_cast<char>((value >> 16) & 0xff);
    out += static_cast<char>((value >> 8) & 0xff);
    out += static_cast<char>(value & 0xff);
}

/// Puts a tEXt chunk right after IHDR (8 bytes of signature + 25 of IHDR), where readers find it before any pixel
/// data. Qt's writer would compress long texts into zTXt, which the bounds contract does not allow.
void insertTextChunk(QByteArray &png, const char *keyword, const QByteArray &text)
{
    constexpr qsizetype kAfterHeader = 8 + 4 + 4 + 13 + 4;
    if (png.size() < kAfterHeader || png.mid(12, 4) != "IHDR")
        return;
    const QByteArray body = QByteArray("tEXt") + QByteArray(keyword) + '\0' + text;
    QByteArray chunk;
    chunk.reserve(body.size() + 8);
    appendBigEndian(chunk, static_cast<quint32>(body.size() - 4));
    chunk += body;
    appendBigEndian(chunk, crc32(body));
    png.insert(kAfterHeader, chunk);
}

} // namespace

QImage paint(const DiagramScene &scene, const CanvasGeometry &canvas, const SchematicOptions &options)
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
    TextPainter text(painter);

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
            // Text shrunk below ~3 device pixels is a grey smudge nobody can read, and most of a huge diagram's
            // drawing time; leave it out (the shapes still show the structure).
            if (canDrawText && shape.fontPx * canvas.scale >= kMinReadableTextPx)
                text.draw(shape);
            break;
        }
    }
    painter.end();
    return image;
}

QByteArray png(const QImage &image, const QHash<QString, QRect> &bounds)
{
    if (image.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(kPngQuality);
    if (!writer.write(image))
        return {};
    if (!bounds.isEmpty())
        insertTextChunk(bytes, SchematicRenderer::kBoundsKeyword, boundsJson(bounds));
    return bytes;
}

QHash<QString, QRect> pixelBounds(const DiagramScene &scene, const CanvasGeometry &canvas)
{
    const QRect visible(QPoint(0, 0), canvas.size);
    QHash<QString, QRect> bounds;
    for (const SceneItem &item : scene.items) {
        if (item.id.isEmpty() || bounds.contains(item.id))
            continue;
        const QRectF mapped(canvas.map(item.rect.topLeft()), canvas.map(item.rect.bottomRight()));
        // Outward rounding, so a zoom to the rectangle never cuts the box's edge.
        const QRect pixels = QRect(QPoint(static_cast<int>(std::floor(mapped.left())),
                                       static_cast<int>(std::floor(mapped.top()))),
                                 QPoint(static_cast<int>(std::ceil(mapped.right())) - 1,
                                     static_cast<int>(std::ceil(mapped.bottom())) - 1))
                                 .intersected(visible);
        if (!pixels.isEmpty())
            bounds.insert(item.id, pixels);
    }
    return bounds;
}

QByteArray boundsJson(const QHash<QString, QRect> &bounds)
{
    QStringList ids = bounds.keys();
    std::sort(ids.begin(), ids.end());
    QByteArray json("{");
    for (const QString &id : std::as_const(ids)) {
        if (json.size() > 1)
            json += ',';
        json += '"';
        for (const QChar c : id) {
            const char16_t u = c.unicode();
            if (u == u'"' || u == u'\\') {
                json += '\\';
                json += static_cast<char>(u);
            } else if (u < 0x20 || u >= 0x7f) {
                json += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            } else {
                json += static_cast<char>(u);
            }
        }
        const QRect &r = bounds.value(id);
        json += "\":[" + QByteArray::number(r.x()) + ',' + QByteArray::number(r.y()) + ','
            + QByteArray::number(r.width()) + ',' + QByteArray::number(r.height()) + ']';
    }
    json += '}';
    return json;
}

} // namespace Cloudcraft::Core::SchematicWriters
