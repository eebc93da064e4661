// Writes diagram-like PNG pairs for bench/diff/run-peers.sh: flat background and grid, rounded component boxes
// with borders and labels, anti-aliased connectors and arrows, a title; the "after" image has a few local changes
// (a box moved, a box recoloured, a label edited, a connector added, an icon removed). Deterministic: the same
// arguments always give the same files. Written with Qt's PNG writer (libpng, zlib level 6, RGBA), like an export.
//
//   bench_diagrampair OUTDIR [WIDTHxHEIGHT[:NAME] ...]     default: 7680x4320:8k 3840x2160:4k
//   → OUTDIR/NAME-a.png, OUTDIR/NAME-b.png

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTextStream>

#include <cmath>

namespace {

struct Box
{
    QRectF rect;
    QColor fill;
    QString label;
};

QList<Box> layOut(QSize size, double scale)
{
    QRandomGenerator random(20251126);
    static const QStringList names { QStringLiteral("web-alb"), QStringLiteral("api-gateway"),
        QStringLiteral("orders-lambda"), QStringLiteral("users-rds"), QStringLiteral("cache-redis"),
        QStringLiteral("s3-assets"), QStringLiteral("queue-sqs"), QStringLiteral("auth-cognito"),
        QStringLiteral("cdn-cloudfront"), QStringLiteral("search-es"), QStringLiteral("batch-ecs"),
        QStringLiteral("logs-kinesis") };
    static const QList<QColor> fills { QColor(255, 153, 0), QColor(61, 133, 198), QColor(122, 161, 22),
        QColor(201, 37, 209), QColor(232, 238, 245), QColor(255, 255, 255), QColor(84, 91, 100) };
    QList<Box> boxes;
    const double cellW = 160 * scale;
    const double cellH = 120 * scale;
    for (int row = 0; row < int(size.height() / cellH) - 1; ++row) {
        for (int column = 0; column < int(size.width() / cellW); ++column) {
            if (random.bounded(5) == 0)
                continue; // gaps, as real diagrams have
            const double w = (80 + random.bounded(50)) * scale;
            const double h = (55 + random.bounded(30)) * scale;
            const QRectF rect(column * cellW + 20 * scale, (row + 1) * cellH + 10 * scale, w, h);
            boxes.append({ rect, fills.at(int(random.bounded(fills.size()))),
                names.at(int(random.bounded(names.size()))) + QString::number(row * 100 + column) });
        }
    }
    return boxes;
}

void drawArrow(QPainter &painter, QPointF from, QPointF to, double scale)
{
    painter.drawLine(from, to);
    const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    const double length = 10 * scale;
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - QPointF(std::cos(angle - 0.4) * length, std::sin(angle - 0.4) * length));
    head.lineTo(to - QPointF(std::cos(angle + 0.4) * length, std::sin(angle + 0.4) * length));
    head.closeSubpath();
    painter.fillPath(head, painter.pen().color());
}

QImage draw(QSize size, bool after)
{
    const double scale = size.width() / 1920.0;
    QList<Box> boxes = layOut(size, scale);
    const qsizetype n = boxes.size();
    if (after && n > 10) {
        boxes[n / 5].rect.translate(14 * scale, 6 * scale); // moved
        boxes[n / 3].fill = QColor(214, 40, 40);            // recoloured
        boxes[n / 2].label += QStringLiteral("-v2");        // relabelled
    }
    QImage image(size, QImage::Format_ARGB32);
    image.fill(QColor(245, 246, 248));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(QPen(QColor(226, 229, 234), std::max(1.0, scale)));
    const int grid = int(40 * scale);
    for (int x = 0; x < size.width(); x += grid)
        painter.drawLine(x, 0, x, size.height());
    for (int y = 0; y < size.height(); y += grid)
        painter.drawLine(0, y, size.width(), y);

    QFont title(QStringLiteral("Open Sans"));
    title.setPixelSize(int(36 * scale));
    title.setBold(true);
    painter.setFont(title);
    painter.setPen(QColor(30, 35, 45));
    painter.drawText(QPointF(40 * scale, 70 * scale), QStringLiteral("Production — eu-west-1 — web platform"));

    painter.setPen(QPen(QColor(90, 100, 115), 2 * scale));
    for (int i = 0; i + 1 < boxes.size(); i += 2) {
        const QRectF &from = boxes.at(i).rect;
        const QRectF &to = boxes.at((i * 7 + 3) % boxes.size()).rect;
        drawArrow(painter, QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y()), scale);
    }
    if (after && n > 10)
        drawArrow(painter, boxes.at(n / 4).rect.bottomRight(), boxes.at(3 * n / 4).rect.topLeft(), scale); // new connector

    QFont label(QStringLiteral("Open Sans"));
    label.setPixelSize(int(11 * scale));
    painter.setFont(label);
    for (int i = 0; i < boxes.size(); ++i) {
        const Box &box = boxes.at(i);
        painter.setBrush(box.fill);
        painter.setPen(QPen(QColor(40, 45, 55), 1.5 * scale));
        painter.drawRoundedRect(box.rect, 8 * scale, 8 * scale);
        const QRectF icon(box.rect.left() + 6 * scale, box.rect.top() + 6 * scale, 20 * scale, 20 * scale);
        if (!(after && i == 2 * n / 3)) { // an icon removed
            painter.setBrush(QColor(255, 255, 255, 200));
            painter.drawEllipse(icon);
        }
        painter.setPen(box.fill.lightness() > 150 ? QColor(20, 20, 20) : QColor(250, 250, 250));
        painter.drawText(box.rect.adjusted(6 * scale, 30 * scale, -3 * scale, -3 * scale),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, box.label);
    }
    return image;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty()) {
        QTextStream(stderr) << "usage: bench_diagrampair OUTDIR [WIDTHxHEIGHT[:NAME] ...]\n";
        return 2;
    }
    const QDir dir(arguments.takeFirst());
    if (!QDir().mkpath(dir.path()))
        return 2;
    if (arguments.isEmpty())
        arguments = QStringList { QStringLiteral("7680x4320:8k"), QStringLiteral("3840x2160:4k") };
    for (const QString &spec : arguments) {
        const QStringList parts = spec.split(u':');
        const QStringList dims = parts.first().split(u'x');
        const QSize size(dims.value(0).toInt(), dims.value(1).toInt());
        const QString name = parts.value(1, parts.first());
        if (size.isEmpty())
            return 2;
        for (const bool after : { false, true }) {
            const QString path = dir.filePath(name + (after ? QStringLiteral("-b.png") : QStringLiteral("-a.png")));
            QImageWriter writer(path, "png");
            if (!writer.write(draw(size, after))) {
                QTextStream(stderr) << path << ": " << writer.errorString() << '\n';
                return 1;
            }
            out << path << '\n';
        }
    }
    return 0;
}
