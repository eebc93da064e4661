#include "exportprogressview.h"

#include "errortext.h"

#include "exporting/batchexporter.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using Core::ExportItemStatus;
using State = ExportItemStatus::State;

ExportProgressView::ExportProgressView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("exportProgressView"));
    setAccessibleName(tr("Export progress"));

    m_overallLabel = new QLabel(this);
    m_overallLabel->setObjectName(QStringLiteral("exportOverallLabel"));
    m_overall = new QProgressBar(this);
    m_overall->setObjectName(QStringLiteral("exportOverallProgress"));
    m_overall->setAccessibleName(tr("Overall progress"));
    m_overall->setRange(0, 1000);
    m_overall->setTextVisible(false);

    m_items = new QTreeWidget(this);
    m_items->setObjectName(QStringLiteral("exportItemList"));
    m_items->setAccessibleName(tr("Exported items"));
    m_items->setHeaderLabels({tr("Blueprint"), tr("Status"), tr("File")});
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setSelectionMode(QAbstractItemView::NoSelection);
    m_items->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_items->header()->setStretchLastSection(true);

    m_wait = new QLabel(this);
    m_wait->setObjectName(QStringLiteral("exportWaitLabel"));
    m_wait->setAccessibleName(tr("Export budget wait"));
    m_wait->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("exportSummaryLabel"));
    m_summary->setAccessibleName(tr("Export summary"));
    m_summary->setWordWrap(true);
    m_summary->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_overallLabel);
    layout->addWidget(m_overall);
    layout->addWidget(m_items, 1);
    layout->addWidget(m_wait);
    layout->addWidget(m_summary);

    // The countdown ticks on its own: the scheduler only signals when its queue changes.
    m_tick = new QTimer(this);
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &ExportProgressView::updateWait);
}

ExportProgressView::~ExportProgressView() = default;

void ExportProgressView::follow(Core::BatchExporter *exporter, const QUrl &server)
{
    if (m_exporter)
        m_exporter->disconnect(this);
    m_exporter = exporter;
    m_server = server;
    m_summary->hide();
    connect(exporter, &Core::BatchExporter::itemChanged, this, [this](int row) {
        if (row >= m_items->topLevelItemCount())
            rebuild();
        updateRow(row);
        updateOverall();
    });
    connect(exporter, &Core::BatchExporter::progressChanged, this, &ExportProgressView::updateOverall);
    connect(exporter, &Core::BatchExporter::waitingChanged, this, &ExportProgressView::updateWait);
    connect(exporter, &Core::BatchExporter::finished, this, &ExportProgressView::onFinished);
    rebuild();
    m_tick->start();
}

void ExportProgressView::rebuild()
{
    m_items->clear();
    if (!m_exporter)
        return;
    for (int row = 0; row < m_exporter->items().size(); ++row) {
        auto *item = new QTreeWidgetItem(m_items);
        item->setText(0, m_exporter->items().at(row).item.name);
        updateRow(row);
    }
    updateOverall();
}

QString ExportProgressView::describe(const ExportItemStatus &status) const
{
    switch (status.state) {
    case State::Pending: return tr("Queued");
    case State::Waiting: return tr("Waiting for the export budget");
    case State::Running:
        if (status.total > 0)
            return tr("Exporting… %1 %").arg(status.received * 100 / status.total);
        return tr("Exporting…");
    case State::Written: return tr("Written");
    case State::Skipped:
        return status.skipReason == ExportItemStatus::SkipReason::Unchanged ? tr("Skipped: unchanged")
                                                                            : tr("Skipped: the file exists");
    case State::Failed:
        if (status.error.isError())
            return tr("Failed: %1").arg(ErrorText::forApi(status.error, m_server));
        return tr("Failed: %1").arg(status.reason);
    case State::Cancelled: return tr("Cancelled");
    }
    return {};
}

void ExportProgressView::updateRow(int row)
{
    if (!m_exporter || row < 0 || row >= m_items->topLevelItemCount() || row >= m_exporter->items().size())
        return;
    const ExportItemStatus &status = m_exporter->items().at(row);
    QTreeWidgetItem *item = m_items->topLevelItem(row);
    const QString text = describe(status);
    item->setText(1, text);
    item->setToolTip(1, text);
    item->setText(2, status.filePath.isEmpty() ? QString() : QFileInfo(status.filePath).fileName());
    item->setToolTip(2, QDir::toNativeSeparators(status.filePath));
    QString icon;
    switch (status.state) {
    case State::Written: icon = QStringLiteral("emblem-ok-symbolic"); break;
    case State::Failed: icon = QStringLiteral("dialog-error"); break;
    case State::Skipped: icon = QStringLiteral("go-next"); break;
    case State::Cancelled: icon = QStringLiteral("process-stop"); break;
    case State::Waiting: icon = QStringLiteral("appointment-soon"); break;
    default: break;
    }
    item->setIcon(1, icon.isEmpty() ? QIcon() : QIcon::fromTheme(icon));
    if (status.state == State::Running || status.state == State::Waiting)
        m_items->scrollToItem(item);
}

void ExportProgressView::updateOverall()
{
    if (!m_exporter)
        return;
    m_overall->setValue(int(m_exporter->progress() * 1000.0 + 0.5));
    int done = 0;
    for (const ExportItemStatus &status : m_exporter->items())
        done += status.isDone() ? 1 : 0;
    m_overallLabel->setText(tr("%1 of %n item(s) done", nullptr, int(m_exporter->items().size())).arg(done));
}

void ExportProgressView::updateWait()
{
    const qint64 ms = m_exporter && m_exporter->isRunning() ? m_exporter->nextExportIn().count() : 0;
    if (ms <= 0) {
        m_wait->hide();
        m_wait->clear();
        return;
    }
    m_wait->setText(tr("Next export allowed in %1 s (Cloudcraft allows a few exports a minute).")
                        .arg((ms + 999) / 1000));
    m_wait->show();
}

void ExportProgressView::onFinished(const Core::ExportSummary &summary)
{
    m_tick->stop();
    updateWait();
    for (int row = 0; row < m_items->topLevelItemCount(); ++row)
        updateRow(row);
    updateOverall();
    m_summary->setText(summarize(summary));
    m_summary->show();
}

QString ExportProgressView::summarize(const Core::ExportSummary &summary)
{
    QStringList parts;
    parts << tr("%n written", nullptr, summary.written);
    if (summary.skipped > 0)
        parts << tr("%n skipped", nullptr, summary.skipped);
    if (summary.failed > 0)
        parts << tr("%n failed", nullptr, summary.failed);
    if (summary.cancelled > 0)
        parts << tr("%n cancelled", nullptr, summary.cancelled);
    QString text = parts.join(QStringLiteral(", ")) + u'.';
    for (const ExportItemStatus &status : summary.items) {
        if (status.diskFull) {
            text += u' ' + tr("The disk is full: free some space and export again; previous files were kept.");
            break;
        }
    }
    return summary.cancelledByUser ? tr("Export cancelled: %1").arg(text) : tr("Export finished: %1").arg(text);
}

QString ExportProgressView::statusText(int row) const
{
    const QTreeWidgetItem *item = m_items->topLevelItem(row);
    return item ? item->text(1) : QString();
}

QString ExportProgressView::waitText() const
{
    return m_wait->text();
}

QString ExportProgressView::summaryText() const
{
    return m_summary->text();
}

} // namespace Cloudcraft::Ui
