#pragma once

#include "diff/diffsource.h"
#include "render/diagramimage.h"

#include <QJsonObject>
#include <QSize>

#include <optional>
#include <utility>

namespace Cloudcraft::Core {

/// Turns the raw bytes of the two sides of a comparison into what the diff engines read: decoded images (PNG with
/// libspng, SVG with librsvg, both sides at one scale, in parallel) or inventory documents. Every error is one
/// sentence that starts with the side's label ("before.png: this PNG image could not be read: the file is
/// truncated."). Thread-safe: it keeps no state between calls.
class DiffInput final
{
public:
    static constexpr qint64 DefaultMaxFileBytes = qint64(512) * 1024 * 1024;

    struct Options
    {
        ImageLimits limits;       ///< checked from the PNG header / SVG size before any pixel buffer is allocated
        double svgScale = 1.0;    ///< every SVG side is rendered at this scale
        qint64 maxFileBytes = DefaultMaxFileBytes;
    };

    DiffInput() = default;
    explicit DiffInput(Options options);

    const Options &options() const { return m_options; }

    /// PNG signature → Png, an XML/SVG start → Svg, `{` or `[` first → Json, else Unknown.
    static DiffContent detect(const QByteArray &bytes);
    static QString contentName(DiffContent content); ///< "PNG", "SVG", "JSON", "unknown"

    /// Reads a local file as one side, its content detected from the bytes (not the name).
    DiffSource readFile(const QString &path) const;

    /// Why this SVG may not be compared, "" when it may: entity declarations (SvgRasterizer::screen) and references
    /// to local files (`file:` URLs and paths). `data:` URLs and fragments are fine; remote http(s) resources (the
    /// web fonts and icons of real Cloudcraft exports) are never fetched and simply not drawn.
    static QString screenSvg(const QByteArray &svg);

    /// The pixel size one side will have, from the PNG header or the SVG's declared size, without decoding; an
    /// error (labelled) when it breaks the limits or the document is refused. Used when both sides are byte-identical.
    std::optional<QSize> peekSize(const DiffSource &source, QString *error) const;

    /// Decodes one image side; the result's error is labelled.
    DiagramImage decode(const DiffSource &source) const;
    /// Decodes both sides at once (one on a second thread) and drops their encoded bytes as soon as each is decoded.
    std::pair<DiagramImage, DiagramImage> decodePair(DiffSource &a, DiffSource &b) const;

    /// The document of a blueprint or a live-account inventory: a JSON object whose `data` (or itself) holds at
    /// least one of the arrays nodes, groups, edges, surfaces, text, icons, images, connectors.
    static std::optional<QJsonObject> parseInventory(const DiffSource &source, QString *error);

    /// "label: sentence", with the sentence's first letter lowered ("a.png: this PNG image is too large: ...").
    static QString labelled(const QString &label, const QString &sentence);

private:
    Options m_options;
};

} // namespace Cloudcraft::Core
