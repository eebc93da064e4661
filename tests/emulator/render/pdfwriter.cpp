#include "formatwriters.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator::FormatWriters {

namespace {

constexpr double kPageMargin = 36.0; // half an inch

/// Page size in PostScript points, portrait.
QSizeF paperSize(const QString &name)
{
    static const QHash<QString, QSizeF> sizes = {
        { u"letter"_s, { 612, 792 } },
        { u"legal"_s, { 612, 1008 } },
        { u"tabloid"_s, { 792, 1224 } },
        { u"ledger"_s, { 1224, 792 } },
        { u"a0"_s, { 2384, 3370 } },
        { u"a1"_s, { 1684, 2384 } },
        { u"a2"_s, { 1191, 1684 } },
        { u"a3"_s, { 842, 1191 } },
        { u"a4"_s, { 595, 842 } },
        { u"a5"_s, { 420, 595 } },
    };
    return sizes.value(name.trimmed().toLower(), QSizeF(612, 792));
}

QByteArray num(double value)
{
    return TextFormat::number(value, 3).toLatin1();
}

QByteArray rgb(const QColor &color)
{
    return num(color.redF()) + ' ' + num(color.greenF()) + ' ' + num(color.blueF());
}

/// A PDF literal string in WinAnsiEncoding; characters it cannot show become '?'.
QByteArray pdfString(const QString &text)
{
    static const QHash<char16_t, uchar> winAnsiExtras = {
        { 0x20ac, 0x80 },
        { 0x201a, 0x82 },
        { 0x0192, 0x83 },
        { 0x201e, 0x84 },
        { 0x2026, 0x85 },
        { 0x2020, 0x86 },
        { 0x2021, 0x87 },
        { 0x02c6, 0x88 },
        { 0x2030, 0x89 },
        { 0x0160, 0x8a },
        { 0x2039, 0x8b },
        { 0x0152, 0x8c },
        { 0x017d, 0x8e },
        { 0x2018, 0x91 },
        { 0x2019, 0x92 },
        { 0x201c, 0x93 },
        { 0x201d, 0x94 },
        { 0x2022, 0x95 },
        { 0x2013, 0x96 },
        { 0x2014, 0x97 },
        { 0x02dc, 0x98 },
        { 0x2122, 0x99 },
        { 0x0161, 0x9a },
        { 0x203a, 0x9b },
        { 0x0153, 0x9c },
        { 0x017e, 0x9e },
        { 0x0178, 0x9f },
    };
    QByteArray out = "(";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        uchar byte = '?';
        if (u >= 0x20 && u < 0x7f)
            byte = static_cast<uchar>(u);
        else if (u >= 0xa0 && u <= 0xff)
            byte = static_cast<uchar>(u);
        else if (const auto extra = winAnsiExtras.constFind(u); extra != winAnsiExtras.cend())
            byte = *extra;
        if (byte == '(' || byte == ')' || byte == '\\') {
            out += '\\';
            out += static_cast<char>(byte);
        } else if (byte >= 0x80) {
            out += '\\';
            out += QByteArray::number(byte, 8).rightJustified(3, '0');
        } else {
            out += static_cast<char>(byte);
        }
    }
    out += ')';
    return out;
}

class ContentStream
{
public:
    ContentStream(const CanvasGeometry &canvas, const QColor &background)
        : m_canvas(canvas)
        , m_background(background)
    { }

    void draw(const SceneShape &shape)
    {
        switch (shape.kind) {
        case SceneShape::Kind::Rect:
            if (beginPaint(shape)) {
                const QPointF topLeft = m_canvas.map(shape.rect.topLeft());
                m_out += num(topLeft.x()) + ' ' + num(topLeft.y()) + ' ' + num(shape.rect.width() * m_canvas.scale)
                    + ' ' + num(shape.rect.height() * m_canvas.scale) + " re " + paintOperator(shape) + '\n';
            }
            break;
        case SceneShape::Kind::Ellipse:
            if (beginPaint(shape))
                ellipse(shape);
            break;
        case SceneShape::Kind::Polygon:
        case SceneShape::Kind::Line:
            if (shape.points.size() >= 2 && beginPaint(shape)) {
                for (qsizetype i = 0; i < shape.points.size(); ++i) {
                    const QPointF p = m_canvas.map(shape.points.at(i));
                    m_out += num(p.x()) + ' ' + num(p.y()) + (i == 0 ? " m " : " l ");
                }
                if (shape.kind == SceneShape::Kind::Polygon) {
                    m_out += "h ";
                    m_out += paintOperator(shape);
                } else {
                    m_out += 'S';
                }
                m_out += '\n';
            }
            break;
        case SceneShape::Kind::Text:
            text(shape);
            break;
        }
    }

    void fillPage(const QColor &color, const QSize &size)
    {
        m_out += rgb(color) + " rg 0 0 " + QByteArray::number(size.width()) + ' ' + QByteArray::number(size.height())
            + " re f\n";
    }

    const QByteArray &bytes() const { return m_out; }

private:
    /// Sets colours and line style; false when there is nothing to paint.
    bool beginPaint(const SceneShape &shape)
    {
        const bool fill = shape.fill.isValid() && shape.fill.alpha() > 0 && shape.kind != SceneShape::Kind::Line;
        const bool stroke = shape.stroke.isValid() && shape.stroke.alpha() > 0 && shape.strokeWidth > 0.0;
        if (!fill && !stroke)
            return false;
        // PDF 1.4 transparency needs an ExtGState; composing over the page colour looks the same here.
        if (fill)
            m_out += rgb(RenderStyle::flattened(shape.fill, m_background)) + " rg ";
        if (stroke) {
            m_out += rgb(RenderStyle::flattened(shape.stroke, m_background)) + " RG "
                + num(shape.strokeWidth * m_canvas.scale) + " w " + (shape.dashed ? "[4 3] 0 d " : "[] 0 d ");
        }
        return true;
    }

    static QByteArray paintOperator(const SceneShape &shape)
    {
        const bool fill = shape.fill.isValid() && shape.fill.alpha() > 0;
        const bool stroke = shape.stroke.isValid() && shape.stroke.alpha() > 0 && shape.strokeWidth > 0.0;
        return fill && stroke ? "B" : (fill ? "f" : "S");
    }

    void ellipse(const SceneShape &shape)
    {
        constexpr double kappa = 0.5522847498;
        const QPointF c = m_canvas.map(shape.rect.center());
        const double rx = shape.rect.width() / 2 * m_canvas.scale;
        const double ry = shape.rect.height() / 2 * m_canvas.scale;
        const double kx = rx * kappa;
        const double ky = ry * kappa;
        auto pt = [](double x, double y) {
            QByteArray point = num(x);
            point += ' ';
            point += num(y);
            point += ' ';
            return point;
        };
        const QPointF curve[] = { { c.x() + rx, c.y() + ky }, { c.x() + kx, c.y() + ry }, { c.x(), c.y() + ry },
            { c.x() - kx, c.y() + ry }, { c.x() - rx, c.y() + ky }, { c.x() - rx, c.y() }, { c.x() - rx, c.y() - ky },
            { c.x() - kx, c.y() - ry }, { c.x(), c.y() - ry }, { c.x() + kx, c.y() - ry }, { c.x() + rx, c.y() - ky },
            { c.x() + rx, c.y() } };
        m_out += pt(c.x() + rx, c.y());
        m_out += "m ";
        for (int i = 0; i < 12; ++i) {
            m_out += pt(curve[i].x(), curve[i].y());
            if (i % 3 == 2)
                m_out += "c ";
        }
        m_out += "h ";
        m_out += paintOperator(shape);
        m_out += '\n';
    }

    void text(const SceneShape &shape)
    {
        const double size = shape.fontPx * m_canvas.scale;
        if (size < 0.5 || !shape.fill.isValid())
            return;
        const double lineHeight = shape.fontPx * 1.25;
        m_out += "BT " + QByteArray(shape.bold ? "/F2 " : "/F1 ") + num(size) + " Tf "
            + rgb(RenderStyle::flattened(shape.fill, m_background)) + " rg\n";
        for (qsizetype i = 0; i < shape.lines.size(); ++i) {
            const QString &line = shape.lines.at(i);
            // Helvetica averages about half an em per glyph; good enough to centre short labels.
            const double width = static_cast<double>(line.size()) * 0.52 * shape.fontPx;
            const double x
                = shape.align == SceneShape::Align::Center ? shape.rect.center().x() - width / 2 : shape.rect.left();
            const double baseline = shape.rect.top() + lineHeight * static_cast<double>(i) + shape.fontPx * 0.95;
            const QPointF p = m_canvas.map(QPointF(x, baseline));
            // The page is flipped (y down) by the outer cm, so flip the text matrix back.
            m_out += "1 0 0 -1 " + num(p.x()) + ' ' + num(p.y()) + " Tm " + pdfString(line) + " Tj\n";
        }
        m_out += "ET\n";
    }

    const CanvasGeometry &m_canvas;
    QColor m_background;
    QByteArray m_out;
};

} // namespace

QByteArray pdf(const DiagramScene &scene, const RenderOptions &options)
{
    QSizeF page = paperSize(options.paperSize);
    if (options.landscape != (page.width() > page.height()))
        page.transpose();
    const CanvasGeometry canvas = CanvasGeometry::forPage(scene.bounds, page, kPageMargin);
    const QColor pageColor = options.transparent ? QColor(Qt::white) : scene.background;

    ContentStream content(canvas, pageColor);
    QByteArray stream = "1 0 0 -1 0 " + num(page.height()) + " cm\n";
    if (!options.transparent && pageColor != QColor(Qt::white))
        content.fillPage(pageColor, canvas.size);
    for (const SceneShape &shape : scene.shapes)
        content.draw(shape);
    stream += content.bytes();
    // qCompress = 4-byte length + a zlib stream, which is exactly what FlateDecode reads.
    const QByteArray compressed = qCompress(stream, 6).mid(4);

    QList<QByteArray> objects;
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(page.width()) + ' ' + num(page.height())
            + "] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>";
    objects << "<< /Length " + QByteArray::number(compressed.size()) + " /Filter /FlateDecode >>\nstream\n" + compressed
            + "\nendstream";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";

    QByteArray out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : std::as_const(offsets))
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace Cloudcraft::Emulator::FormatWriters
