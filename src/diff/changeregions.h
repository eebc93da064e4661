#pragma once

#include <QList>
#include <QRect>
#include <QSize>

#include <algorithm>
#include <vector>

namespace Cloudcraft::Core {

/// One cluster of changed pixels: its exact bounding box and how many changed pixels it holds.
struct ChangeRegion
{
    QRect box;
    qint64 pixelCount = 0;

    friend bool operator==(const ChangeRegion &, const ChangeRegion &) = default;
};

/// Groups changed pixels into boxes, so a reviewer sees "three places changed" rather than 40,000 red dots.
///
/// Pixels are binned into square cells of `mergeDistance` pixels and 8-connected non-empty cells form one region.
/// So two changes at most `mergeDistance` pixels apart (in x and in y) always share a region, and changes more
/// than 2 × mergeDistance apart are never joined directly. Boxes are exact (not cell-aligned). Regions come in
/// reading order: top to bottom, then left to right.
///
/// add() may be called from several threads at once as long as they work on disjoint rows of cells
/// (see cellSize()); PixelDiff splits its row bands on cell boundaries for that reason.
class ChangeRegions final
{
public:
    static constexpr int DefaultMergeDistance = 16;

    explicit ChangeRegions(QSize canvas = {}, int mergeDistance = DefaultMergeDistance);

    /// Records one changed pixel. Pixels outside the canvas are ignored.
    void add(int x, int y) noexcept
    {
        if (x < 0 || y < 0 || x >= m_canvas.width() || y >= m_canvas.height())
            return;
        Cell &cell = m_cells[static_cast<size_t>(y / m_cellSize) * static_cast<size_t>(m_columns)
                             + static_cast<size_t>(x / m_cellSize)];
        if (cell.count++ == 0) {
            cell.minX = cell.maxX = x;
            cell.minY = cell.maxY = y;
            return;
        }
        cell.minX = std::min(cell.minX, x);
        cell.maxX = std::max(cell.maxX, x);
        cell.minY = std::min(cell.minY, y);
        cell.maxY = std::max(cell.maxY, y);
    }

    QSize canvasSize() const { return m_canvas; }
    int cellSize() const { return m_cellSize; }
    qint64 pixelCount() const;

    /// The clusters found so far, in reading order.
    QList<ChangeRegion> regions() const;

private:
    struct Cell
    {
        qint64 count = 0;
        int minX = 0;
        int minY = 0;
        int maxX = 0;
        int maxY = 0;
    };

    QSize m_canvas;
    int m_cellSize = DefaultMergeDistance;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<Cell> m_cells;
};

} // namespace Cloudcraft::Core
