#pragma once

#include "api/apicall.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Cloudcraft::Core {
class ApiClient;
} // namespace Cloudcraft::Core

namespace Cloudcraft::Ui {

/// "Download inventory…" of one linked account: the user ticks regions and picks a folder; each region's live
/// inventory (account snapshot, json) is written to <folder>/<region>.json with <folder>/index.json, one region at a
/// time through the API client's queue, with the state of each region in a table, Cancel, and a summary (resources
/// by type) at the end. The folder layout is the CLI's (`cloudcraft-cli inventory`), so either can resume the other.
class InventoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryDialog)

public:
    InventoryDialog(Core::ApiClient &api, QString accountId, QString accountName, bool azure,
                    const QStringList &regions, const QString &folder, QWidget *parent = nullptr);
    ~InventoryDialog() override;

    /// Regions checked, in list order.
    QStringList checkedRegions() const;
    bool isRunning() const { return m_call; }
    /// Counts by type and region once finished ({} before).
    QJsonObject summary() const { return m_summary; }
    /// All downloaded regions' resources as one document, for the inspector's counts.
    QJsonObject mergedDocument() const;

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void finished(const QJsonObject &summary);

private:
    void next();
    void regionDone(Core::ApiCall *call);
    void setRow(const QString &region, const QString &status, const QString &resources = {});
    void finish(const QString &message);
    bool writeFile(const QString &name, const QByteArray &bytes, QString *error) const;

    Core::ApiClient &m_api;
    QString m_accountId;
    QString m_accountName;
    bool m_azure;
    QListWidget *m_regions;
    QLineEdit *m_folder;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QTableWidget *m_progress;
    QLabel *m_summaryLabel;
    QStringList m_queue;
    QMap<QString, QJsonObject> m_index; // region → entry, as in the CLI's index.json (Core::InventoryFiles)
    QJsonObject m_documents;
    QJsonObject m_summary;
    QPointer<Core::ApiCall> m_call;
    QString m_current;
};

} // namespace Cloudcraft::Ui
