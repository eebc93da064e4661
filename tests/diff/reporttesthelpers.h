#pragma once

// Inputs shared by the diff report tests: hand-made images with colours a test can find again, and the real
// blueprint samples.

#include "diff/diffreportwriter.h"
#include "diff/inventorydiff.h"
#include "diff/pixeldiff.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>

namespace ReportTest {

// Colours no anti-aliasing or fading produces by accident.
inline const QColor background{223, 231, 242};
inline const QColor beforeOnly{255, 140, 0}; // an orange box that the after image lost
inline const QColor afterOnly{230, 0, 230};  // a magenta box that appeared
inline const QColor common{20, 40, 160};     // a navy box both have
inline const QRect beforeOnlyBox{40, 40, 100, 70};
inline const QRect afterOnlyBox{230, 160, 110, 90};

inline QImage diagram(bool after, QSize size = QSize(400, 300))
{
    QImage image(size, QImage::Format_RGBA8888);
    image.fill(background);
    QPainter painter(&image);
    painter.fillRect(QRect(240, 20, 120, 50), common);
    painter.fillRect(after ? afterOnlyBox : beforeOnlyBox, after ? afterOnly : beforeOnly);
    return image;
}

inline QJsonObject sample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// The before/after pair compared as `cloudcraft-cli diff` would, kept alive with the input that points at it.
struct PixelCase
{
    QImage before = diagram(false);
    QImage after = diagram(true);
    Cloudcraft::Core::PixelDiffResult result = Cloudcraft::Core::PixelDiff().compare(before, after);

    Cloudcraft::Core::DiffReportInput input(const QString &labelA = QStringLiteral("before.png"),
                                            const QString &labelB = QStringLiteral("after.png")) const
    {
        Cloudcraft::Core::DiffReportInput in;
        in.labelA = labelA;
        in.labelB = labelB;
        in.before = before;
        in.after = after;
        in.diff = result.diffImage;
        in.pixels = &result;
        in.different = result.mismatchCount > 0;
        in.generatedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC);
        return in;
    }
};

/// v1 → v2 of the web app sample: two security groups added (alb2-sg, elb1-sg), the classic ELB became an
/// application load balancer, and the VPC holds the two new groups.
struct StructureCase
{
    Cloudcraft::Core::InventoryDiffResult result = Cloudcraft::Core::InventoryDiff().compare(
        sample(QStringLiteral("blueprint-webapp-vpc-sg-v1.json")), sample(QStringLiteral("blueprint-webapp-vpc-sg-v2.json")));

    Cloudcraft::Core::DiffReportInput input() const
    {
        Cloudcraft::Core::DiffReportInput in;
        in.labelA = QStringLiteral("blueprint-webapp-vpc-sg-v1.json");
        in.labelB = QStringLiteral("blueprint-webapp-vpc-sg-v2.json");
        in.structure = &result;
        in.different = result.hasChanges();
        in.generatedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC);
        return in;
    }
};

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace ReportTest
