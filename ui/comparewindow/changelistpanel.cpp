#include "changelistpanel.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

namespace {
/// The C locale with thousands grouped ("1,234"): the same text in every language, readable from across a room.
QLocale groupedC()
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c;
}
} // namespace

ChangeListPanel::ChangeListPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("changeListPanel"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("compareCounts"));
    m_counts->setAccessibleName(tr("Change counts"));
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setText(tr("Comparing…"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("changeList"));
    m_list->setAccessibleName(tr("Changed regions"));
    m_list->setToolTip(tr("Changed regions, largest first. N and P walk through them."));
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(true);
    m_list->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_counts);
    layout->addWidget(m_list, 1);

    connect(m_list, &QListWidget::itemEntered, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row != m_hovered) {
            m_hovered = row;
            Q_EMIT regionHovered(row);
        }
    });
    // A click, Enter or the arrow keys in the list: the same as N/P.
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_regions.size())
            Q_EMIT regionActivated(row);
    });
}

ChangeListPanel::~ChangeListPanel() = default;

QString ChangeListPanel::pixelText(qint64 pixels)
{
    return tr("%1 px").arg(groupedC().toString(pixels));
}

QString ChangeListPanel::summaryText(const ChangeCounts &counts)
{
    if (!counts.error.isEmpty())
        return counts.error;
    const QLocale c = groupedC();
    QStringList parts;
    if (counts.identical) {
        parts << tr("Identical: not one pixel differs.");
    } else {
        const double percent = counts.comparedPixels > 0
                                   ? 100.0 * double(counts.differentPixels) / double(counts.comparedPixels)
                                   : 0.0;
        parts << tr("%1 different (%2 % of %3 compared) in %n region(s).", nullptr, counts.regions)
                     .arg(pixelText(counts.differentPixels), c.toString(percent, 'f', 2),
                          c.toString(counts.comparedPixels));
        if (counts.sizeChanged)
            parts << tr("The size changed.");
    }
    if (counts.structure) {
        const Core::InventoryCounts &s = *counts.structure;
        parts << tr("Resources: %1 added, %2 removed, %3 changed, %4 moved.")
                     .arg(s.added)
                     .arg(s.removed)
                     .arg(s.changed)
                     .arg(s.moved);
    }
    return parts.join(u' ');
}

void ChangeListPanel::setRegions(const QList<Core::ChangeRegion> &regions)
{
    m_regions = regions;
    std::stable_sort(m_regions.begin(), m_regions.end(),
                     [](const Core::ChangeRegion &a, const Core::ChangeRegion &b) { return a.pixelCount > b.pixelCount; });
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_hovered = -1;
    for (qsizetype i = 0; i < m_regions.size(); ++i) {
        const QRect box = m_regions.at(i).box;
        auto *item = new QListWidgetItem(tr("%1.  %2   %3×%4 at %5, %6")
                                             .arg(i + 1)
                                             .arg(pixelText(m_regions.at(i).pixelCount))
                                             .arg(box.width())
                                             .arg(box.height())
                                             .arg(box.x())
                                             .arg(box.y()),
                                         m_list);
        item->setData(Qt::UserRole, box);
        item->setData(Qt::AccessibleTextRole, item->text());
    }
}

void ChangeListPanel::setCounts(const ChangeCounts &counts)
{
    m_lastCounts = counts;
    updateCountsLabel();
}

void ChangeListPanel::setComputing(bool computing)
{
    m_computing = computing;
    updateCountsLabel();
}

QString ChangeListPanel::countsText() const
{
    return m_counts->text();
}

void ChangeListPanel::updateCountsLabel()
{
    // The last counts stay readable while the next ones are computed; only the prefix says they are changing.
    const QString summary = summaryText(m_lastCounts);
    m_counts->setText(m_computing ? tr("Comparing… %1").arg(summary) : summary);
}

int ChangeListPanel::currentIndex() const
{
    return m_list->currentRow();
}

void ChangeListPanel::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_regions.size()) {
        m_list->setCurrentRow(-1);
        return;
    }
    if (m_list->currentRow() == index) {
        Q_EMIT regionActivated(index); // asked again: zoom again (the user may have panned away)
        return;
    }
    m_list->setCurrentRow(index);
    m_list->scrollToItem(m_list->item(index));
}

void ChangeListPanel::selectNext()
{
    if (m_regions.isEmpty())
        return;
    const int current = currentIndex();
    setCurrentIndex(current < 0 ? 0 : int((current + 1) % m_regions.size()));
}

void ChangeListPanel::selectPrevious()
{
    if (m_regions.isEmpty())
        return;
    const int current = currentIndex();
    const int count = int(m_regions.size());
    setCurrentIndex(current <= 0 ? count - 1 : current - 1);
}

bool ChangeListPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Leave && m_hovered != -1) {
        m_hovered = -1;
        Q_EMIT regionHovered(-1);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cloudcraft::Ui
