#include "inventorydialog.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "exporting/inventoryfiles.h"
#include "util/atomicwrite.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using namespace Core;

InventoryDialog::InventoryDialog(ApiClient &api, QString accountId, QString accountName, bool azure,
                                 const QStringList &regions, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_accountId(std::move(accountId))
    , m_accountName(std::move(accountName))
    , m_azure(azure)
    , m_regions(new QListWidget(this))
    , m_folder(new QLineEdit(folder, this))
    , m_start(new QPushButton(tr("Download"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QTableWidget(0, 3, this))
    , m_summaryLabel(new QLabel(this))
{
    setWindowTitle(tr("Download inventory of %1").arg(m_accountName));
    setObjectName(QStringLiteral("inventoryDialog"));
    m_regions->setObjectName(QStringLiteral("inventoryRegions"));
    m_regions->setAccessibleName(tr("Regions to include"));
    for (const QString &region : regions) {
        auto *item = new QListWidgetItem(region, m_regions);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_folder->setObjectName(QStringLiteral("inventoryFolder"));
    m_folder->setAccessibleName(tr("Destination folder"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("inventoryBrowse"));
    browse->setAccessibleName(tr("Choose the destination folder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Destination folder"), m_folder->text());
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_folder, &QLineEdit::setText);
        dialog->open();
    });
    m_start->setObjectName(QStringLiteral("inventoryStart"));
    m_start->setAccessibleName(tr("Download the inventory"));
    m_cancel->setObjectName(QStringLiteral("inventoryCancel"));
    m_cancel->setAccessibleName(tr("Cancel the download"));
    m_cancel->setEnabled(false);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("inventoryClose"));
    close->setAccessibleName(tr("Close"));
    m_progress->setObjectName(QStringLiteral("inventoryProgress"));
    m_progress->setAccessibleName(tr("Progress per region"));
    m_progress->setHorizontalHeaderLabels({tr("Region"), tr("Status"), tr("Resources")});
    m_progress->horizontalHeader()->setStretchLastSection(true);
    m_progress->verticalHeader()->hide();
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summaryLabel->setObjectName(QStringLiteral("inventorySummary"));
    m_summaryLabel->setAccessibleName(tr("Summary"));
    m_summaryLabel->setWordWrap(true);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Regions:"), m_regions);
    form->addRow(tr("Folder:"), folderRow);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(buttons);

    connect(m_start, &QPushButton::clicked, this, &InventoryDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &InventoryDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        cancel();
        reject();
    });
}

InventoryDialog::~InventoryDialog()
{
    if (m_call)
        m_call->cancel();
}

QStringList InventoryDialog::checkedRegions() const
{
    QStringList out;
    for (int i = 0; i < m_regions->count(); ++i) {
        if (m_regions->item(i)->checkState() == Qt::Checked)
            out << m_regions->item(i)->text();
    }
    return out;
}

void InventoryDialog::start()
{
    if (m_call)
        return;
    m_queue = checkedRegions();
    if (m_queue.isEmpty() || m_folder->text().trimmed().isEmpty() || !QDir().mkpath(m_folder->text().trimmed())) {
        m_summaryLabel->setText(m_queue.isEmpty() ? tr("Tick at least one region.")
                                                  : tr("The folder %1 cannot be created.").arg(m_folder->text()));
        return;
    }
    // Resume like the CLI: regions complete in an earlier download of this account are kept.
    QFile indexFile(QDir(m_folder->text().trimmed()).filePath(QStringLiteral("index.json")));
    if (indexFile.open(QIODevice::ReadOnly)) {
        const QJsonObject index = QJsonDocument::fromJson(indexFile.readAll()).object();
        if (index.value(QLatin1String("account")).toString() == m_accountId) {
            for (const QJsonValue &v : index.value(QLatin1String("regions")).toArray())
                m_index.insert(v.toObject().value(QLatin1String("region")).toString(), v.toObject());
        }
    }
    m_progress->setRowCount(0);
    for (const QString &region : std::as_const(m_queue))
        setRow(region, tr("Waiting"));
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_summaryLabel->clear();
    next();
}

void InventoryDialog::cancel()
{
    if (m_call)
        m_call->cancel(); // regionDone() follows with Cancelled
}

void InventoryDialog::next()
{
    if (m_queue.isEmpty()) {
        finish(QString());
        return;
    }
    m_current = m_queue.takeFirst();
    setRow(m_current, tr("Downloading…"));
    m_call = m_azure ? m_api.snapshotAzureAccount(m_accountId, m_current, ExportFormat::Json)
                     : m_api.snapshotAwsAccount(m_accountId, m_current, ExportFormat::Json);
    ApiCall *call = m_call;
    connect(call, &ApiCall::finished, this, [this, call] { regionDone(call); });
}

void InventoryDialog::regionDone(ApiCall *call)
{
    call->deleteLater();
    m_call.clear();
    QJsonObject entry{{QStringLiteral("region"), m_current}};
    if (!call->succeeded()) {
        const ApiError &error = call->error();
        if (error.kind() == ApiError::Kind::Cancelled) {
            setRow(m_current, tr("Cancelled"));
            for (const QString &region : std::as_const(m_queue))
                setRow(region, tr("Not started"));
            m_queue.clear();
            finish(tr("Cancelled; the regions already downloaded are kept."));
            return;
        }
        const bool unknownRegion = error.httpStatus() == 400;
        entry.insert(QStringLiteral("status"), unknownRegion ? QStringLiteral("unavailable") : QStringLiteral("failed"));
        entry.insert(QStringLiteral("message"), error.userMessage());
        m_index.insert(m_current, entry);
        setRow(m_current, unknownRegion ? tr("Not in this account") : error.userMessage());
        next();
        return;
    }
    const QJsonObject document = call->json().toObject();
    const QList<InventoryFiles::Row> rows = InventoryFiles::rows(document);
    const int total = int(rows.size());
    QString error;
    const QString name = m_current + QStringLiteral(".json");
    if (!writeFile(name, QJsonDocument(document).toJson(QJsonDocument::Indented), &error)) {
        setRow(m_current, error);
        m_queue.clear();
        finish(error);
        return;
    }
    QJsonObject files = m_index.value(m_current).value(QLatin1String("files")).toObject();
    files.insert(QStringLiteral("json"), name);
    entry.insert(QStringLiteral("status"), QStringLiteral("complete"));
    entry.insert(QStringLiteral("files"), files);
    entry.insert(QStringLiteral("resources"), total);
    entry.insert(QStringLiteral("countsByType"), InventoryFiles::countsByType(rows));
    entry.insert(QStringLiteral("downloadedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_index.insert(m_current, entry);
    m_documents.insert(m_current, document);
    setRow(m_current, tr("Done"), QString::number(total));
    next();
}

void InventoryDialog::finish(const QString &message)
{
    m_summary = InventoryFiles::summary(m_accountId, m_azure ? QStringLiteral("azure") : QStringLiteral("aws"), m_index);
    const int total = m_summary.value(QLatin1String("total")).toInt();
    const int regionCount = int(m_summary.value(QLatin1String("countsByRegion")).toObject().size());
    QStringList typeTexts;
    const QJsonObject types = m_summary.value(QLatin1String("countsByType")).toObject();
    for (auto it = types.constBegin(); it != types.constEnd(); ++it)
        typeTexts << QStringLiteral("%1 %2").arg(it.value().toInt()).arg(it.key());
    QJsonObject index = m_summary;
    index.insert(QStringLiteral("updatedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QString error;
    if (!writeFile(QStringLiteral("index.json"), QJsonDocument(index).toJson(QJsonDocument::Indented), &error))
        m_summaryLabel->setText(error);
    else
        m_summaryLabel->setText((message.isEmpty() ? QString() : message + u' ')
                                + tr("%n resource(s) in %1 region(s): %2.", nullptr, total)
                                      .arg(regionCount)
                                      .arg(typeTexts.isEmpty() ? tr("none") : typeTexts.join(QStringLiteral(", "))));
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    Q_EMIT finished(m_summary);
}

QJsonObject InventoryDialog::mergedDocument() const
{
    QJsonArray nodes;
    QJsonArray groups;
    for (auto it = m_documents.constBegin(); it != m_documents.constEnd(); ++it) {
        const QJsonObject diagram = it.value().toObject().value(QLatin1String("data")).toObject();
        for (const QJsonValue &v : diagram.value(QLatin1String("nodes")).toArray())
            nodes.append(v);
        for (const QJsonValue &v : diagram.value(QLatin1String("groups")).toArray())
            groups.append(v);
    }
    return QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("groups"), groups}}}};
}

void InventoryDialog::setRow(const QString &region, const QString &status, const QString &resources)
{
    int row = 0;
    while (row < m_progress->rowCount() && m_progress->item(row, 0)->text() != region)
        ++row;
    if (row == m_progress->rowCount()) {
        m_progress->insertRow(row);
        m_progress->setItem(row, 0, new QTableWidgetItem(region));
        m_progress->setItem(row, 1, new QTableWidgetItem);
        m_progress->setItem(row, 2, new QTableWidgetItem);
    }
    m_progress->item(row, 1)->setText(status);
    m_progress->item(row, 2)->setText(resources);
}

bool InventoryDialog::writeFile(const QString &name, const QByteArray &bytes, QString *error) const
{
    const QString path = QDir(m_folder->text().trimmed()).filePath(name);
    const AtomicWriteResult written = writeFileAtomically(path, bytes);
    if (written.ok())
        return true;
    *error = tr("Could not write %1: %2. The previous file, if any, was kept.").arg(path, written.reason);
    return false;
}

} // namespace Cloudcraft::Ui
