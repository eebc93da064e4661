#include "convert/drawio.h"

#include "convert/cloudcraftcomponents.h"
#include "convert/drawioshapes.h"

#include <QHash>
#include <QRectF>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>

#include <zlib.h>

namespace Cloudcraft::Core {

namespace {

using namespace DrawioShapes;

// A compressed page never legitimately inflates past this; a deflate bomb stops here.
constexpr qint64 kMaxInflatedBytes = qint64(256) * 1024 * 1024;

struct Cell
{
    QString id;
    QString parent;
    QString label;
    QString style;
    QString source;
    QString target;
    bool vertex = false;
    bool edge = false;
    /// Position and size relative to the parent cell; null for edges, layers and edge labels.
    QRectF geometry;
};

struct Page
{
    QString name;
    QList<Cell> cells;
};

/// Raw deflate (no zlib header), as draw.io writes it; nullopt when the data is truncated or corrupt.
std::optional<QByteArray> inflateRaw(const QByteArray &compressed)
{
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray out;
    char buffer[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        if (out.size() > kMaxInflatedBytes) {
            status = Z_MEM_ERROR;
            break;
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            status = Z_BUF_ERROR; // input ended before the end-of-stream marker: truncated
            break;
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

class DrawioParser
{
public:
    explicit DrawioParser(const QString &fileName)
        : m_fileName(fileName)
    {
    }

    QString error;
    QList<Page> pages;

    void parseFile(const QByteArray &bytes)
    {
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd() && error.isEmpty()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"mxfile")
                continue;
            if (xml.name() == u"diagram") {
                readDiagram(xml);
            } else if (xml.name() == u"mxGraphModel") {
                Page page;
                page.name = QStringLiteral("Page-1");
                readModel(xml, &page);
                pages.append(page);
            } else if (pages.isEmpty()) {
                error = QStringLiteral("The file %1 is not a draw.io drawing: it starts with <%2> instead of <mxfile>.")
                            .arg(m_fileName, xml.name().toString());
                return;
            } else {
                xml.skipCurrentElement();
            }
        }
        if (error.isEmpty() && xml.hasError())
            setXmlError(xml, QString());
        if (error.isEmpty() && pages.isEmpty())
            error = QStringLiteral("The draw.io file %1 has no pages.").arg(m_fileName);
    }

private:
    void setXmlError(const QXmlStreamReader &xml, const QString &page)
    {
        if (!error.isEmpty())
            return;
        const QString where = page.isEmpty() ? QString() : QStringLiteral(" in page \"%1\"").arg(page);
        error = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                    ? QStringLiteral("The draw.io file %1 is truncated%2: the XML ends at line %3.")
                          .arg(m_fileName, where)
                          .arg(xml.lineNumber())
                    : QStringLiteral("The draw.io file %1 is damaged%2: %3 at line %4.")
                          .arg(m_fileName, where, xml.errorString())
                          .arg(xml.lineNumber());
    }

    void readDiagram(QXmlStreamReader &xml)
    {
        Page page;
        page.name = xml.attributes().value(QLatin1String("name")).toString();
        if (page.name.isEmpty())
            page.name = QStringLiteral("Page-%1").arg(pages.size() + 1);
        QString text;
        bool sawModel = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters())
                text += xml.text();
            else if (xml.isStartElement() && xml.name() == u"mxGraphModel") {
                sawModel = true;
                readModel(xml, &page);
            } else if (xml.isStartElement())
                xml.skipCurrentElement();
            else if (xml.isEndElement())
                break;
        }
        if (xml.hasError()) {
            setXmlError(xml, QString());
            return;
        }
        if (!sawModel && !text.trimmed().isEmpty())
            readCompressed(text.trimmed().toLatin1(), &page);
        pages.append(page);
    }

    void readCompressed(const QByteArray &base64, Page *page)
    {
        const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            error = QStringLiteral("The draw.io file %1 is damaged: page \"%2\" is not valid base64.").arg(m_fileName, page->name);
            return;
        }
        const auto inflated = inflateRaw(*decoded);
        if (!inflated) {
            error = QStringLiteral("The draw.io file %1 is damaged: the compressed page \"%2\" cannot be inflated "
                                   "(truncated or corrupt).")
                        .arg(m_fileName, page->name);
            return;
        }
        const QByteArray xmlText = QUrl::fromPercentEncoding(*inflated).toUtf8();
        QXmlStreamReader inner(xmlText);
        while (!inner.atEnd()) {
            inner.readNext();
            if (inner.isStartElement() && inner.name() == u"mxGraphModel") {
                readModel(inner, page);
                break;
            }
        }
        if (inner.hasError())
            setXmlError(inner, page->name);
    }

    void readModel(QXmlStreamReader &xml, Page *page)
    {
        // <mxGraphModel><root> mxCell | UserObject/object (label and id on the wrapper, style on its mxCell) </root>
        QString wrapperId;
        QString wrapperLabel;
        int depth = 1;
        while (!xml.atEnd() && depth > 0) {
            xml.readNext();
            if (xml.isEndElement()) {
                if (xml.name() == u"UserObject" || xml.name() == u"object")
                    wrapperId.clear();
                --depth;
                continue;
            }
            if (!xml.isStartElement())
                continue;
            ++depth;
            const QXmlStreamAttributes a = xml.attributes();
            if (xml.name() == u"UserObject" || xml.name() == u"object") {
                wrapperId = a.value(QLatin1String("id")).toString();
                wrapperLabel = a.hasAttribute(QLatin1String("label")) ? a.value(QLatin1String("label")).toString()
                                                                      : a.value(QLatin1String("value")).toString();
            } else if (xml.name() == u"mxCell") {
                Cell cell;
                cell.id = wrapperId.isEmpty() ? a.value(QLatin1String("id")).toString() : wrapperId;
                cell.label = plainLabel(wrapperId.isEmpty() ? a.value(QLatin1String("value")).toString() : wrapperLabel);
                cell.parent = a.value(QLatin1String("parent")).toString();
                cell.style = a.value(QLatin1String("style")).toString();
                cell.source = a.value(QLatin1String("source")).toString();
                cell.target = a.value(QLatin1String("target")).toString();
                cell.vertex = a.value(QLatin1String("vertex")) == u"1";
                cell.edge = a.value(QLatin1String("edge")) == u"1";
                page->cells.append(cell);
            } else if (xml.name() == u"mxGeometry" && !page->cells.isEmpty()
                       && a.value(QLatin1String("as")) == u"geometry" && a.value(QLatin1String("relative")) != u"1") {
                // mxCell elements never nest, so the geometry belongs to the cell read last.
                const auto number = [&a](const char *name) { return a.value(QLatin1String(name)).toDouble(); };
                page->cells.last().geometry = QRectF(number("x"), number("y"), number("width"), number("height"));
            }
        }
        if (xml.hasError())
            setXmlError(xml, page->name);
    }

    QString m_fileName;
};

using CellIndex = QHash<QString, const Cell *>;

CellIndex indexCells(const Page &page)
{
    CellIndex byId;
    for (const Cell &cell : page.cells)
        byId.insert(cell.id, &cell);
    return byId;
}

/// Page coordinates of every vertex with a size: a cell's geometry is relative to its parent vertex.
QHash<QString, QRectF> absoluteRects(const Page &page, const CellIndex &byId)
{
    QHash<QString, QRectF> absolute;
    for (const Cell &cell : page.cells) {
        if (!cell.vertex || cell.geometry.isEmpty())
            continue;
        QRectF rect = cell.geometry;
        QString parent = cell.parent;
        for (int guard = 0; guard < 1000 && byId.contains(parent) && byId.value(parent)->vertex; ++guard) {
            rect.translate(byId.value(parent)->geometry.topLeft());
            parent = byId.value(parent)->parent;
        }
        absolute.insert(cell.id, rect);
    }
    return absolute;
}

/// The parent each cell is drawn in. draw.io only records nesting when a shape was dropped into a container; many
/// drawings place icons, subnets and VPCs on the layer and leave them inside a group box only to the eye. A cell
/// whose parent is a layer gets, instead, the smallest group or labelled box that encloses its whole rectangle;
/// nesting recorded in the file always wins.
QHash<QString, QString> visualParents(const Page &page, const CellIndex &byId, const QHash<QString, QRectF> &absolute)
{
    const auto areaOf = [&absolute](const Cell *cell) {
        const QRectF rect = absolute.value(cell->id);
        return rect.width() * rect.height();
    };
    // The smallest candidate holding `inner` (its whole rectangle, or only its centre for a badge on a border);
    // strictly larger than the cell, so two boxes can never contain each other.
    const auto smallestAround = [&](const QList<const Cell *> &candidates, const Cell &cell, bool centreOnly) {
        const QRectF rect = absolute.value(cell.id);
        const Cell *best = nullptr;
        for (const Cell *candidate : candidates) {
            const QRectF outer = absolute.value(candidate->id);
            const bool holds = centreOnly ? outer.contains(rect.center()) : outer.contains(rect);
            const bool larger = areaOf(candidate) > areaOf(&cell);
            if (candidate != &cell && holds && larger && (!best || areaOf(candidate) < areaOf(best)))
                best = candidate;
        }
        return best;
    };
    QList<const Cell *> areas;
    QList<const Cell *> plainBoxes;
    QList<const Cell *> badges;
    for (const Cell &cell : page.cells) {
        if (!absolute.contains(cell.id))
            continue;
        // AWS group shapes and labelled plain boxes; an unlabelled box is a frame or a background, unless a VPC
        // badge sits on it.
        const QHash<QString, QString> style = parseStyle(cell.style);
        const ShapeMeaning m = meaningOf(style, cell.label, true);
        const bool awsLibrary = m.sourceType.startsWith(u"mxgraph.");
        const bool awsGroup = awsLibrary && m.sourceType.contains(u".group");
        if ((m.isContainer || m.isSecurityGroup) && (awsGroup || (!awsLibrary && !cell.label.isEmpty())))
            areas.append(&cell);
        if (m.isContainer && !awsLibrary)
            plainBoxes.append(&cell);
        if (meaningOf(style, cell.label, false).isVpcBadge)
            badges.append(&cell);
    }
    QHash<QString, QString> parents;
    const auto onLayer = [&byId](const Cell &cell) {
        return !byId.contains(cell.parent) || !byId.value(cell.parent)->vertex;
    };
    for (const Cell &cell : page.cells)
        parents.insert(cell.id, cell.parent);
    for (const Cell *badge : std::as_const(badges)) {
        const Cell *box = onLayer(*badge) ? smallestAround(plainBoxes, *badge, true) : byId.value(badge->parent);
        if (onLayer(*badge) && box)
            parents[badge->id] = box->id;
        if (box && plainBoxes.contains(box) && !areas.contains(box))
            areas.append(box);
    }
    for (const Cell &cell : page.cells) {
        if (!cell.vertex || !onLayer(cell) || !absolute.contains(cell.id) || badges.contains(&cell))
            continue;
        if (const Cell *area = smallestAround(areas, cell, false))
            parents[cell.id] = area->id;
    }
    return parents;
}

/// Turns the cells of the chosen pages into resources and links.
class ModelBuilder
{
public:
    explicit ModelBuilder(InfraModel *model)
        : m_model(model)
    {
    }

    void addPage(const Page &page, const QString &prefix, const QString &pageArea)
    {
        const CellIndex cells = indexCells(page);
        QSet<QString> hasChildren;
        const QHash<QString, QRectF> absolute = absoluteRects(page, cells);
        const QHash<QString, QString> parentOf = visualParents(page, cells, absolute);
        for (const Cell &cell : page.cells) {
            if (!parentOf.value(cell.id).isEmpty())
                hasChildren.insert(parentOf.value(cell.id));
        }
        QHash<QString, ShapeMeaning> meanings;
        for (const Cell &cell : page.cells) {
            if (cell.vertex)
                meanings.insert(cell.id, meaningOf(parseStyle(cell.style), cell.label, hasChildren.contains(cell.id)));
        }
        // aws3 drawings mark a VPC with a badge icon in the corner of a plain box: the box is the VPC, the badge
        // only says so.
        for (const Cell &cell : page.cells) {
            const auto badge = meanings.find(cell.id);
            const auto box = meanings.find(parentOf.value(cell.id));
            if (badge == meanings.end() || !badge->isVpcBadge || box == meanings.end() || !box->isContainer
                || !box->componentType.isEmpty() || box->sourceType.startsWith(u"mxgraph."))
                continue;
            box->componentType = Components::Vpc;
            badge->isAnnotation = true;
        }
        const auto isResource = [&](const QString &id) {
            const auto it = meanings.constFind(id);
            return it != meanings.constEnd() && !it->isAnnotation;
        };
        // The enclosing area of a cell: nearest ancestor that is a container; a security group box lends its
        // members to its own area and takes them as "security-group" links instead.
        const auto enclosing = [&](const Cell &cell, QStringList *securityGroups) -> QString {
            QString parent = parentOf.value(cell.id);
            for (int guard = 0; guard < 1000 && cells.contains(parent); ++guard) {
                const auto it = meanings.constFind(parent);
                if (it != meanings.constEnd() && it->isContainer)
                    return prefix + parent;
                if (it != meanings.constEnd() && it->isSecurityGroup && securityGroups)
                    *securityGroups << prefix + parent;
                parent = parentOf.value(parent);
            }
            return pageArea;
        };
        // The region a resource is drawn in: the nearest enclosing area (or itself) whose label names one.
        const auto regionAround = [&](const Cell &cell) -> QString {
            QString id = cell.id;
            for (int guard = 0; guard < 1000 && cells.contains(id); ++guard, id = parentOf.value(id)) {
                const auto area = meanings.constFind(id);
                if (area == meanings.constEnd() || !area->isContainer)
                    continue;
                const bool regionGroup = area->sourceType.endsWith(u".group_region");
                const QString region = regionFromLabel(cells.value(id)->label, regionGroup);
                if (!region.isEmpty())
                    return region;
            }
            return QString();
        };
        for (const Cell &cell : page.cells) {
            if (!isResource(cell.id))
                continue;
            const ShapeMeaning &m = meanings[cell.id];
            InfraResource r;
            r.region = regionAround(cell);
            r.address = prefix + cell.id;
            r.sourceType = m.sourceType;
            r.componentType = m.componentType;
            r.isContainer = m.isContainer;
            r.name = cell.label.isEmpty() ? iconTitle(m.sourceType) : cell.label;
            if (const auto *info = Components::componentInfo(r.componentType); r.name.isEmpty() && info)
                r.name = info->displayName; // an unlabelled box made a VPC by its badge reads "VPC"
            if (!m.engine.isEmpty())
                r.attributes.insert(Components::Attr::Engine, m.engine);
            if (!m.elbType.isEmpty())
                r.attributes.insert(Components::Attr::ElbType, m.elbType);
            QStringList securityGroups;
            r.parent = enclosing(cell, &securityGroups);
            for (const QString &group : std::as_const(securityGroups))
                m_model->links.append({r.address, group, QStringLiteral("security-group")});
            m_model->resources.append(r);
        }
        // An arrow drawn to a bare frame around a single resource (a dashed box around a Lambda authorizer) means
        // that resource.
        const auto onlyResourceInside = [&](const QString &id) -> QString {
            const auto frame = absolute.constFind(id);
            if (frame == absolute.constEnd() || isResource(id))
                return QString();
            QString inside;
            for (auto it = absolute.constBegin(); it != absolute.constEnd(); ++it) {
                if (it.key() == id || !isResource(it.key()) || !frame->contains(*it))
                    continue;
                if (!inside.isEmpty())
                    return QString();
                inside = it.key();
            }
            return inside;
        };
        // Edges join the nearest resources at their ends (an end on an icon's label cell counts as the icon).
        const auto resourceAt = [&](QString id) -> QString {
            if (const QString inside = onlyResourceInside(id); !inside.isEmpty())
                return prefix + inside;
            for (int guard = 0; guard < 1000 && !id.isEmpty(); ++guard) {
                if (isResource(id))
                    return prefix + id;
                id = parentOf.value(id);
            }
            return QString();
        };
        for (const Cell &cell : page.cells) {
            if (!cell.edge)
                continue;
            const QString from = resourceAt(cell.source);
            const QString to = resourceAt(cell.target);
            if (from.isEmpty() || to.isEmpty() || from == to)
                continue;
            m_model->links.append({from, to, QStringLiteral("reference")});
        }
    }

private:
    InfraModel *m_model;
};

} // namespace

bool looksLikeDrawio(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(4096).trimmed();
    return head.contains("<mxfile") || head.contains("<mxGraphModel");
}

InfraReadResult readDrawio(const QByteArray &bytes, const QString &fileName, DrawioPages pages)
{
    InfraReadResult result;
    result.model.sourceName = fileName;
    result.model.format = QStringLiteral("drawio");
    if (bytes.trimmed().isEmpty()) {
        result.error = QStringLiteral("The draw.io file %1 is empty.").arg(fileName);
        return result;
    }
    DrawioParser parser(fileName);
    parser.parseFile(bytes);
    if (!parser.error.isEmpty()) {
        result.error = parser.error;
        return result;
    }
    const QList<Page> chosen = pages == DrawioPages::First ? parser.pages.mid(0, 1) : parser.pages;
    ModelBuilder builder(&result.model);
    if (chosen.size() == 1) {
        builder.addPage(chosen.first(), QString(), QString());
        return result;
    }
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        // Several pages: each is an area of its own, and cell ids (unique per page only) get the page number.
        const QString prefix = QStringLiteral("p%1/").arg(i + 1);
        InfraResource area;
        area.address = prefix + QStringLiteral("page");
        area.sourceType = QStringLiteral("drawio.page");
        area.name = chosen.at(i).name;
        area.isContainer = true;
        result.model.resources.append(area);
        builder.addPage(chosen.at(i), prefix, area.address);
    }
    return result;
}

} // namespace Cloudcraft::Core
