#pragma once

#include "exporting/batchexporter.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QStackedWidget;

namespace Cloudcraft::Core {
class ApiClient;
}

namespace Cloudcraft::Ui {

class ExportOptionsWidget;
class ExportProgressView;

/// File > Export…: exports one or many blueprints. First the options (ExportOptionsWidget) and the destination
/// folder, both remembered per profile; then the queue's progress (ExportProgressView) with Cancel; then the summary
/// with "Open folder". Closing or pressing Escape while it runs cancels the batch instead of hiding it.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(Core::ApiClient *client, const QList<Core::ExportItem> &items, QSettings &settings,
                 const QString &profile, QWidget *parent = nullptr);
    ~ExportDialog() override;

    ExportOptionsWidget *options() const { return m_options; }
    ExportProgressView *progress() const { return m_progress; }
    Core::BatchExporter *exporter() const { return m_exporter; }
    const QList<Core::ExportItem> &items() const { return m_items; }
    QString folder() const;
    /// Why the export could not start (invalid options, no folder), empty otherwise.
    QString errorText() const;

public Q_SLOTS:
    /// Starts the batch with the options shown (the Export button).
    bool startExport();
    void reject() override;

private:
    void browse();
    void onFinished(const Core::ExportSummary &summary);
    void showError(const QString &text);

    Core::ApiClient *m_client;
    QList<Core::ExportItem> m_items;
    QSettings &m_settings;
    QString m_profile;
    Core::BatchExporter *m_exporter = nullptr;
    QStackedWidget *m_pages = nullptr;
    ExportOptionsWidget *m_options = nullptr;
    ExportProgressView *m_progress = nullptr;
    QLineEdit *m_folder = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Cloudcraft::Ui
