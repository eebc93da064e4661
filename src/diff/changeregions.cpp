#include "diff/changeregions.h"

#include <algorithm>

namespace Cloudcraft::Core {

ChangeRegions::ChangeRegions(QSize canvas, int mergeDistance)
    : m_canvas(canvas.isValid() ? canvas : QSize(0, 0))
    , m_cellSize(std::max(1, mergeDistance))
{
    m_columns = (m_canvas.width() + m_cellSize - 1) / m_cellSize;
    m_rows = (m_canvas.height() + m_cellSize - 1) / m_cellSize;
    m_cells.resize(static_cast<size_t>(m_columns) * static_cast<size_t>(m_rows));
}

qint64 ChangeRegions::pixelCount() const
{
    qint64 total = 0;
    for (const Cell &cell : m_cells)
        total += cell.count;
    return total;
}

QList<ChangeRegion> ChangeRegions::regions() const
{
    QList<ChangeRegion> result;
    std::vector<bool> visited(m_cells.size(), false);
    std::vector<size_t> stack;

    for (size_t start = 0; start < m_cells.size(); ++start) {
        if (visited[start] || m_cells[start].count == 0)
            continue;

        // Flood fill over non-empty cells, 8-connected: diagonal neighbours are as close as side ones.
        int left = m_cells[start].minX, right = m_cells[start].maxX;
        int top = m_cells[start].minY, bottom = m_cells[start].maxY;
        qint64 count = 0;
        visited[start] = true;
        stack.push_back(start);
        while (!stack.empty()) {
            const size_t index = stack.back();
            stack.pop_back();
            const Cell &cell = m_cells[index];
            count += cell.count;
            left = std::min(left, cell.minX);
            right = std::max(right, cell.maxX);
            top = std::min(top, cell.minY);
            bottom = std::max(bottom, cell.maxY);

            const int column = static_cast<int>(index % static_cast<size_t>(m_columns));
            const int row = static_cast<int>(index / static_cast<size_t>(m_columns));
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int c = column + dx;
                    const int r = row + dy;
                    if (c < 0 || r < 0 || c >= m_columns || r >= m_rows)
                        continue;
                    const size_t next = static_cast<size_t>(r) * static_cast<size_t>(m_columns)
                                        + static_cast<size_t>(c);
                    if (!visited[next] && m_cells[next].count > 0) {
                        visited[next] = true;
                        stack.push_back(next);
                    }
                }
            }
        }
        result.append({QRect(QPoint(left, top), QPoint(right, bottom)), count});
    }

    std::stable_sort(result.begin(), result.end(), [](const ChangeRegion &a, const ChangeRegion &b) {
        if (a.box.top() != b.box.top())
            return a.box.top() < b.box.top();
        return a.box.left() < b.box.left();
    });
    return result;
}

} // namespace Cloudcraft::Core
