#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>

namespace Cloudcraft::Core {

struct InventoryDiffResult;
struct PixelDiffResult;

/// Everything a human-readable diff report shows. The pointed-to results must outlive the write() call.
struct DiffReportInput
{
    QString labelA, labelB;          // as the user named A and B (path or reference)
    QImage before, after, diff;      // null when not an image comparison
    const PixelDiffResult *pixels = nullptr;         // null for structural-only
    const InventoryDiffResult *structure = nullptr;  // null for image-only
    double threshold = 0.1;
    qint64 failOnPixels = -1;
    double failOnRatio = -1;
    bool different = false;          // the verdict that decides exit code 1
    QDateTime generatedAt;
};

/// Human- and CI-readable reports of one comparison, for `cloudcraft-cli diff --report` and the compare view.
namespace DiffReportWriter {

enum class Format { Html, Markdown, JUnit };

/// Writes atomically (QSaveFile). Returns an empty string on success, else one sentence naming the file and the problem.
QString write(Format format, const DiffReportInput &input, const QString &path);

} // namespace DiffReportWriter

} // namespace Cloudcraft::Core
