#include "blueprintlayout.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>

namespace Cloudcraft::Core {

namespace {

struct Box
{
    QString key;
    bool isContainer = false;
    QStringList leaves;
    std::vector<Box *> children;
    double width = 0;
    double height = 0;
    // Filled by measure(): leaf grid and child offsets relative to the content origin.
    int columns = 1;
    double leafHeight = 0;
    QList<QPointF> childOffsets;
};

double padding(const Box &box)
{
    return box.isContainer ? BlueprintLayout::Padding : 0.0;
}

double labelSpace(const Box &box)
{
    return box.isContainer ? BlueprintLayout::LabelSpace : 0.0;
}

void measure(Box &box)
{
    for (Box *child : box.children)
        measure(*child);

    const qsizetype leafCount = box.leaves.size();
    box.columns = leafCount == 0 ? 0 : std::max(1, int(std::ceil(std::sqrt(double(leafCount)))));
    const int rows = leafCount == 0 ? 0 : int((leafCount + box.columns - 1) / box.columns);
    const double leafWidth = box.columns * BlueprintLayout::CellSize;
    box.leafHeight = rows * BlueprintLayout::CellSize;

    // Shelf packing of the child containers, in key order, rows about as wide as the whole is tall.
    double area = 0;
    double widest = 0;
    for (const Box *child : box.children) {
        area += (child->width + BlueprintLayout::Gap) * (child->height + BlueprintLayout::Gap);
        widest = std::max(widest, child->width);
    }
    const double rowLimit = std::max({ leafWidth, widest, std::sqrt(area) * 1.2 });
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    double packedWidth = 0;
    box.childOffsets.clear();
    for (const Box *child : box.children) {
        if (x > 0 && x + child->width > rowLimit) {
            y += rowHeight + BlueprintLayout::Gap;
            x = 0;
            rowHeight = 0;
        }
        box.childOffsets.append(QPointF(x, y));
        x += child->width + BlueprintLayout::Gap;
        packedWidth = std::max(packedWidth, x - BlueprintLayout::Gap);
        rowHeight = std::max(rowHeight, child->height);
    }
    const double packedHeight = box.children.empty() ? 0 : y + rowHeight;
    const double between = (leafCount > 0 && !box.children.empty()) ? BlueprintLayout::Gap : 0.0;
    const double contentWidth = std::max({ leafWidth, packedWidth, box.isContainer ? BlueprintLayout::CellSize : 0.0 });
    const double contentHeight =
        std::max(box.leafHeight + between + packedHeight, box.isContainer ? BlueprintLayout::CellSize : 0.0);
    box.width = contentWidth + 2 * padding(box);
    box.height = contentHeight + 2 * padding(box) + labelSpace(box);
}

void position(const Box &box, QPointF origin, QHash<QString, QRectF> *out)
{
    if (box.isContainer)
        out->insert(box.key, QRectF(origin, QSizeF(box.width, box.height)));
    const QPointF content = origin + QPointF(padding(box), padding(box) + labelSpace(box));
    const double inset = (BlueprintLayout::CellSize - BlueprintLayout::NodeSize) / 2;
    for (qsizetype i = 0; i < box.leaves.size(); ++i) {
        const double column = double(i % box.columns);
        const double row = double(i / box.columns);
        const QPointF cell = content + QPointF(column * BlueprintLayout::CellSize + inset,
                                               row * BlueprintLayout::CellSize + inset);
        out->insert(box.leaves.at(i), QRectF(cell, QSizeF(BlueprintLayout::NodeSize, BlueprintLayout::NodeSize)));
    }
    const double between = (!box.leaves.isEmpty() && !box.children.empty()) ? BlueprintLayout::Gap : 0.0;
    const QPointF childrenOrigin = content + QPointF(0, box.leafHeight + between);
    for (size_t i = 0; i < box.children.size(); ++i)
        position(*box.children[i], childrenOrigin + box.childOffsets.at(qsizetype(i)), out);
}

} // namespace

QHash<QString, QRectF> BlueprintLayout::place(const QList<LayoutItem> &items)
{
    std::vector<std::unique_ptr<Box>> storage;
    QHash<QString, Box *> containers;
    QHash<QString, QString> parentOf;
    for (const LayoutItem &item : items) {
        if (item.isContainer && !containers.contains(item.key)) {
            storage.push_back(std::make_unique<Box>());
            storage.back()->key = item.key;
            storage.back()->isContainer = true;
            containers.insert(item.key, storage.back().get());
        }
        parentOf.insert(item.key, item.parent);
    }
    // A parent chain that loops back (malformed input) is cut where it closes: that item goes to the top level.
    const auto effectiveParent = [&](const QString &key) -> QString {
        const QString parent = parentOf.value(key);
        if (parent.isEmpty() || !containers.contains(parent))
            return {};
        QSet<QString> seen { key };
        for (QString walk = parent; !walk.isEmpty() && containers.contains(walk); walk = parentOf.value(walk)) {
            if (seen.contains(walk))
                return {};
            seen.insert(walk);
        }
        return parent;
    };

    Box root;
    QList<LayoutItem> sorted = items;
    std::sort(sorted.begin(), sorted.end(), [](const LayoutItem &a, const LayoutItem &b) {
        return std::tie(a.rank, a.key) < std::tie(b.rank, b.key);
    });
    QSet<QString> placed;
    for (const LayoutItem &item : std::as_const(sorted)) {
        if (placed.contains(item.key))
            continue;
        placed.insert(item.key);
        const QString parent = effectiveParent(item.key);
        Box *owner = parent.isEmpty() ? &root : containers.value(parent);
        if (item.isContainer)
            owner->children.push_back(containers.value(item.key));
        else
            owner->leaves.append(item.key);
    }
    measure(root);
    QHash<QString, QRectF> result;
    result.reserve(items.size());
    position(root, QPointF(0, 0), &result);
    return result;
}

} // namespace Cloudcraft::Core
