#include "diff/diffinput.h"

#include "render/pngdecoder.h"
#include "render/svgrasterizer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <thread>

namespace Cloudcraft::Core {

namespace {

const QStringList &inventoryCollections()
{
    static const QStringList names{QStringLiteral("nodes"),    QStringLiteral("groups"), QStringLiteral("edges"),
                                   QStringLiteral("surfaces"), QStringLiteral("text"),   QStringLiteral("icons"),
                                   QStringLiteral("images"),   QStringLiteral("connectors")};
    return names;
}

// A reference that would make a renderer read something outside the document. Fragments and data: URLs stay
// inside; http(s) URLs are never fetched (librsvg is given no base URL), so they cannot leak local data either.
bool isLocalReference(QStringView target)
{
    const QString t = target.trimmed().toString();
    if (t.isEmpty() || t.startsWith(u'#'))
        return false;
    const QString lower = t.toLower();
    if (lower.startsWith(QLatin1String("data:")) || lower.startsWith(QLatin1String("http://"))
        || lower.startsWith(QLatin1String("https://")))
        return false;
    return true;
}

// Targets of CSS url(...) and @import "..." in a style sheet or a style/presentation attribute.
QStringList cssReferences(QStringView css)
{
    static const QRegularExpression url(QStringLiteral(R"(url\(\s*(['"]?)([^'")]*)\1\s*\))"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression import(QStringLiteral(R"(@import\s+(['"])([^'"]*)\1)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QStringList targets;
    for (const QRegularExpression *re : {&url, &import}) {
        auto it = re->globalMatch(css);
        while (it.hasNext())
            targets << it.next().captured(2);
    }
    return targets;
}

QString svgReferenceError(const QString &target)
{
    return QStringLiteral("this SVG refers to a file outside itself (%1), which is refused for safety.")
        .arg(target.left(80));
}

} // namespace

DiffInput::DiffInput(Options options)
    : m_options(std::move(options))
{
}

DiffContent DiffInput::detect(const QByteArray &bytes)
{
    switch (sniffImageFormat(bytes)) {
    case ImageFormat::Png:
        return DiffContent::Png;
    case ImageFormat::Svg:
        return DiffContent::Svg;
    case ImageFormat::Unknown:
        break;
    }
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    view = view.trimmed();
    if (view.startsWith('{') || view.startsWith('['))
        return DiffContent::Json;
    return DiffContent::Unknown;
}

QString DiffInput::contentName(DiffContent content)
{
    switch (content) {
    case DiffContent::Png:
        return QStringLiteral("PNG");
    case DiffContent::Svg:
        return QStringLiteral("SVG");
    case DiffContent::Json:
        return QStringLiteral("JSON");
    case DiffContent::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString DiffInput::labelled(const QString &label, const QString &sentence)
{
    QString text = sentence;
    // "This PNG ..." → "this PNG ...", but keep acronyms and names ("SVG ...", "PNG ...") as they are.
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    if (!text.endsWith(u'.'))
        text += u'.';
    return label + QStringLiteral(": ") + text;
}

DiffSource DiffInput::readFile(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return DiffSource::failure(path, labelled(path, QStringLiteral("there is no such file")));
    if (info.isDir())
        return DiffSource::failure(path, labelled(path, QStringLiteral("this is a directory, not a file")));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DiffSource::failure(path, labelled(path, QStringLiteral("the file cannot be read (%1)").arg(file.errorString())));
    if (file.size() > m_options.maxFileBytes)
        return DiffSource::failure(path, labelled(path, QStringLiteral("the file is too large to compare (%1 MiB, the limit is %2 MiB)")
                                                          .arg(file.size() / (1024 * 1024))
                                                          .arg(m_options.maxFileBytes / (1024 * 1024))));
    DiffSource source;
    source.label = path;
    source.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return DiffSource::failure(path, labelled(path, QStringLiteral("the file cannot be read (%1)").arg(file.errorString())));
    source.content = detect(source.bytes);
    if (source.content == DiffContent::Unknown)
        return DiffSource::failure(
            path, labelled(path, source.bytes.isEmpty() ? QStringLiteral("the file is empty")
                                                        : QStringLiteral("this is not a PNG, SVG or JSON file")));
    return source;
}

QString DiffInput::screenSvg(const QByteArray &svg)
{
    if (QString refusal = SvgRasterizer::screen(svg); !refusal.isEmpty())
        return refusal;
    QXmlStreamReader xml(svg);
    bool inStyle = false;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            inStyle = xml.name() == u"style";
            for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                const QStringView value = attribute.value();
                if (attribute.name() == u"href" || attribute.name() == u"src") {
                    if (isLocalReference(value))
                        return svgReferenceError(value.toString());
                    continue;
                }
                if (!value.contains(u"url(", Qt::CaseInsensitive) && !value.contains(u"@import", Qt::CaseInsensitive))
                    continue;
                for (const QString &target : cssReferences(value)) {
                    if (isLocalReference(target))
                        return svgReferenceError(target);
                }
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            inStyle = false;
            break;
        case QXmlStreamReader::Characters:
            if (inStyle) {
                for (const QString &target : cssReferences(xml.text())) {
                    if (isLocalReference(target))
                        return svgReferenceError(target);
                }
            }
            break;
        case QXmlStreamReader::ProcessingInstruction:
            // <?xml-stylesheet href="..."?> pulls in an outside style sheet.
            if (xml.processingInstructionTarget() == u"xml-stylesheet")
                return svgReferenceError(xml.processingInstructionData().trimmed().toString());
            break;
        default:
            break;
        }
    }
    // Malformed XML is librsvg's to report, with its own wording.
    return {};
}

std::optional<QSize> DiffInput::peekSize(const DiffSource &source, QString *error) const
{
    const auto fail = [&](const QString &sentence) -> std::optional<QSize> {
        if (error)
            *error = labelled(source.label, sentence);
        return std::nullopt;
    };
    if (source.content == DiffContent::Png) {
        const std::optional<QSize> size = PngDecoder::headerSize(source.bytes);
        if (!size)
            return fail(QStringLiteral("this PNG image could not be read: its header is damaged"));
        if (!m_options.limits.allows(*size))
            return fail(QStringLiteral("this PNG image is too large: %1 × %2 pixels (the limit is %3 pixels a side)")
                            .arg(size->width())
                            .arg(size->height())
                            .arg(m_options.limits.maxSide));
        return size;
    }
    if (source.content == DiffContent::Svg) {
        if (const QString refusal = screenSvg(source.bytes); !refusal.isEmpty())
            return fail(refusal);
        QString why;
        const SvgRasterizer rasterizer(m_options.limits);
        const std::optional<QSizeF> intrinsic = rasterizer.intrinsicSize(source.bytes, &why);
        if (!intrinsic)
            return fail(why);
        const QSize size = m_options.limits.clamp(RenderSize::scaled(m_options.svgScale).apply(*intrinsic));
        if (size.isEmpty())
            return fail(QStringLiteral("this SVG has no usable size"));
        return size;
    }
    return fail(QStringLiteral("this is not an image"));
}

DiagramImage DiffInput::decode(const DiffSource &source) const
{
    DiagramImage image;
    if (source.content == DiffContent::Png) {
        image = PngDecoder(m_options.limits).decode(source.bytes);
    } else if (source.content == DiffContent::Svg) {
        if (const QString refusal = screenSvg(source.bytes); !refusal.isEmpty())
            image = DiagramImage::failure(ImageFormat::Svg, refusal);
        else
            image = SvgRasterizer(m_options.limits).render(source.bytes, RenderSize::scaled(m_options.svgScale));
    } else {
        image = DiagramImage::failure(ImageFormat::Unknown, QStringLiteral("this is not a PNG or SVG image"));
    }
    if (!image.error.isEmpty())
        image.error = labelled(source.label, image.error);
    return image;
}

std::pair<DiagramImage, DiagramImage> DiffInput::decodePair(DiffSource &a, DiffSource &b) const
{
    DiagramImage imageB;
    std::thread second([&] {
        imageB = decode(b);
        b.bytes = QByteArray();
    });
    DiagramImage imageA = decode(a);
    a.bytes = QByteArray();
    second.join();
    return {std::move(imageA), std::move(imageB)};
}

std::optional<QJsonObject> DiffInput::parseInventory(const DiffSource &source, QString *error)
{
    const auto fail = [&](const QString &sentence) -> std::optional<QJsonObject> {
        if (error)
            *error = labelled(source.label, sentence);
        return std::nullopt;
    };
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(source.bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("this JSON could not be parsed (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("this JSON is not a blueprint or inventory document (it is not an object)"));
    const QJsonObject root = document.object();
    const QJsonValue data = root.value(QLatin1StringView("data"));
    const QJsonObject body = data.isObject() ? data.toObject() : root;
    for (const QString &collection : inventoryCollections()) {
        if (body.value(collection).isArray())
            return root;
    }
    return fail(QStringLiteral("this JSON is not a blueprint or inventory document (it has no nodes, groups or edges)"));
}

} // namespace Cloudcraft::Core
