#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QTreeWidget;

namespace Cloudcraft::Core {
class BatchExporter;
struct ExportItemStatus;
struct ExportSummary;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

/// Shows a running export queue: an overall bar ("3 of 7"), one row per item with its status, the countdown while
/// the export budget is spent ("Next export allowed in 42 s"), and the summary once it is over.
class ExportProgressView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportProgressView)

public:
    explicit ExportProgressView(QWidget *parent = nullptr);
    ~ExportProgressView() override;

    /// Follows `exporter` (not owned); `server` names the API in error sentences.
    void follow(Core::BatchExporter *exporter, const QUrl &server);

    QString statusText(int row) const;
    QString waitText() const;
    QString summaryText() const;
    QTreeWidget *itemList() const { return m_items; }

    /// One sentence for a finished batch: "5 written, 1 skipped, 1 failed."
    static QString summarize(const Core::ExportSummary &summary);

private:
    void rebuild();
    void updateRow(int row);
    void updateOverall();
    void updateWait();
    void onFinished(const Core::ExportSummary &summary);
    QString describe(const Core::ExportItemStatus &status) const;

    Core::BatchExporter *m_exporter = nullptr;
    QUrl m_server;
    QProgressBar *m_overall = nullptr;
    QLabel *m_overallLabel = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_wait = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_tick = nullptr;
};

} // namespace Cloudcraft::Ui
