#include "render/pngencoder.h"

#include <QBuffer>
#include <QDir>
#include <QImageWriter>
#include <QSaveFile>

namespace Cloudcraft::Core {

QByteArray PngEncoder::encode(const QImage &image, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QByteArray();
    };
    if (image.isNull())
        return fail(QStringLiteral("There is no image to encode."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setCompression(1);
    if (!writer.write(image))
        return fail(QStringLiteral("The image could not be encoded as PNG: %1.").arg(writer.errorString()));
    if (error)
        error->clear();
    return bytes;
}

QString PngEncoder::writeFile(const QImage &image, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QString error;
    const QByteArray bytes = encode(image, &error);
    if (bytes.isEmpty())
        return QStringLiteral("Could not write %1: %2").arg(shown, error);
    // QSaveFile writes a temporary file next to the target and renames it only when every byte is on disk, so a
    // full disk or a crash leaves the previous file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Could not write %1: %2.").arg(shown, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return QStringLiteral("Could not write %1: %2.").arg(shown, reason);
    }
    if (!file.commit())
        return QStringLiteral("Could not write %1: %2.").arg(shown, file.errorString());
    return {};
}

} // namespace Cloudcraft::Core
