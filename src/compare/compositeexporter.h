#pragma once

#include "compare/comparetypes.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace Cloudcraft::Core {

/// How a compare is laid out for slides.
struct CompositeOptions
{
    enum Layout { SideBySide, Difference };
    Layout layout = SideBySide;
    int width = 1920; ///< of the whole composite in pixels (the PDF page keeps this aspect)
    QString title;
    bool pdf = false;
};

/// What export() made, or why it could not.
struct CompositeExportResult
{
    QByteArray bytes;
    QString error; ///< one sentence naming the file (or "the composite") and the problem
    bool ok() const { return error.isEmpty(); }
};

/// A compare as one picture for slides: a title band, the two sides (or the difference image) with their labels and
/// timestamps, a legend of the difference colours and the change counts (pixels; resources added/removed/changed
/// when the structural diff is known). PNG or PDF (QPdfWriter); files are written atomically (QSaveFile) and a
/// full disk is reported as a sentence.
class CompositeExporter final
{
public:
    /// The composite as an image, for the clipboard (ARGB32 premultiplied, options.width wide); null when the
    /// sides have no pictures or the size is out of range.
    static QImage render(const CompareSide &before, const CompareSide &after, const CompareResult &result,
                         const CompositeOptions &options);
    /// PNG or PDF bytes (options.pdf).
    static CompositeExportResult encode(const CompareSide &before, const CompareSide &after,
                                        const CompareResult &result, const CompositeOptions &options);
    /// Same as encode(), written to `path`; "" on success, else one sentence.
    static QString write(const QString &path, const CompareSide &before, const CompareSide &after,
                         const CompareResult &result, const CompositeOptions &options);

    static constexpr int MinWidth = 320;
    static constexpr int MaxWidth = 16384;
};

} // namespace Cloudcraft::Core
