#pragma once

#include "diff/changeregions.h"
#include "diff/inventorydiff.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;

namespace Cloudcraft::Ui {

/// The totals shown at the top of the change list.
struct ChangeCounts
{
    qint64 differentPixels = 0;
    qint64 comparedPixels = 0;
    int regions = 0;
    bool identical = false;
    bool sizeChanged = false;
    std::optional<Core::InventoryCounts> structure; ///< resources added/removed/changed, when both documents are known
    QString error;                                  ///< one sentence; shown instead of the counts
};

/// The diff engine's regions as a list, largest first ("1,234 px"), with the totals above it (label
/// "compareCounts"). Walks the list with next/previous; tells which region is hovered or chosen, so the window
/// can zoom the view there and highlight it on both sides.
class ChangeListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeListPanel)

public:
    explicit ChangeListPanel(QWidget *parent = nullptr);
    ~ChangeListPanel() override;

    /// Replaces the list; regions are sorted largest first (ties keep their order). The selection is cleared.
    void setRegions(const QList<Core::ChangeRegion> &regions);
    /// The regions in the order shown.
    const QList<Core::ChangeRegion> &regions() const { return m_regions; }
    void setCounts(const ChangeCounts &counts);
    /// "Comparing…" over the last counts while a new result is computed.
    void setComputing(bool computing);
    QString countsText() const;

    int currentIndex() const;
    /// Selects region `index` (-1 clears) and emits regionActivated when it is a region.
    void setCurrentIndex(int index);
    /// The next region after the current one (the first when none), wrapping at the end; emits regionActivated.
    void selectNext();
    void selectPrevious();

    /// "1,234 px" in the C locale's grouping, as the CLI prints counts.
    static QString pixelText(qint64 pixels);
    /// The summary line: "1,234 px different (0.12 % of 1,000,000 compared) in 3 regions".
    static QString summaryText(const ChangeCounts &counts);

Q_SIGNALS:
    void regionActivated(int index);
    /// The pointer is over region `index` in the list; -1 when it left.
    void regionHovered(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCountsLabel();

    QLabel *m_counts = nullptr;
    QListWidget *m_list = nullptr;
    QList<Core::ChangeRegion> m_regions;
    ChangeCounts m_lastCounts;
    bool m_computing = false;
    int m_hovered = -1;
};

} // namespace Cloudcraft::Ui
