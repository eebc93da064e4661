#include "compare/resourcebounds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace Cloudcraft::Core {

namespace {

constexpr char pngSignature[] = "\x89PNG\r\n\x1a\n";
constexpr qsizetype signatureSize = 8;

QByteArray bigEndianSize(qsizetype size)
{
    QByteArray bytes(4, '\0');
    qToBigEndian<quint32>(quint32(std::min<qsizetype>(size, 64 * 1024 * 1024)), bytes.data());
    return bytes;
}

/// The text of the first tEXt chunk named `keyword`, or nullopt. Stops at IEND or at the first malformed chunk.
std::optional<QByteArray> textChunk(const QByteArray &png, const QByteArray &keyword)
{
    if (png.size() < signatureSize || std::memcmp(png.constData(), pngSignature, signatureSize) != 0)
        return std::nullopt;
    qsizetype at = signatureSize;
    while (at + 12 <= png.size()) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray type = png.mid(at + 4, 4);
        const qsizetype dataStart = at + 8;
        if (qint64(length) > qint64(png.size()) - dataStart - 4)
            return std::nullopt; // a chunk running past the end: a truncated file
        if (type == "tEXt" || type == "zTXt") {
            const QByteArrayView data(png.constData() + dataStart, qsizetype(length));
            const qsizetype nul = data.indexOf('\0');
            if (nul >= 0 && data.first(nul) == keyword) {
                if (type == "tEXt")
                    return data.sliced(nul + 1).toByteArray();
                // zTXt: a compression method byte (0 = zlib), then the stream. qUncompress wants the expected
                // size first; a generous guess is fine, it grows its buffer as needed.
                if (data.size() < nul + 2 || data[nul + 1] != '\0')
                    return std::nullopt;
                const QByteArrayView stream = data.sliced(nul + 2);
                const QByteArray text = qUncompress(bigEndianSize(stream.size() * 8) + stream.toByteArray());
                return text.isEmpty() ? std::nullopt : std::optional<QByteArray>(text);
            }
        } else if (type == "IEND") {
            break;
        }
        at = dataStart + qsizetype(length) + 4;
    }
    return std::nullopt;
}

} // namespace

std::optional<QHash<QString, QRect>> readResourceBounds(const QByteArray &png)
{
    const std::optional<QByteArray> text = textChunk(png, QByteArray(ResourceBoundsKeyword));
    if (!text)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(*text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject())
        return std::nullopt;
    QHash<QString, QRect> bounds;
    const QJsonObject object = json.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonArray numbers = it.value().toArray();
        if (numbers.size() != 4)
            continue;
        bool allNumbers = true;
        for (const QJsonValue &n : numbers)
            allNumbers = allNumbers && n.isDouble();
        if (!allNumbers)
            continue;
        bounds.insert(it.key(), QRect(qRound(numbers[0].toDouble()), qRound(numbers[1].toDouble()),
                                      qRound(numbers[2].toDouble()), qRound(numbers[3].toDouble())));
    }
    return bounds;
}

} // namespace Cloudcraft::Core
