#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace Cloudcraft::Core {

/// Encodes QImages as 8-bit PNG (RGB when the image is opaque, RGBA otherwise). Diff images are mostly flat, so the
/// encoder favours speed over the last few percent of file size. Stateless and thread-safe.
class PngEncoder final
{
public:
    /// Writes atomically (QSaveFile). Returns "" on success, else one sentence naming the file and the problem
    /// (a full disk keeps the previous file).
    static QString writeFile(const QImage &image, const QString &path);

    /// The PNG bytes of `image`; empty on failure with `error` (when given) set to a sentence.
    static QByteArray encode(const QImage &image, QString *error = nullptr);
};

} // namespace Cloudcraft::Core
