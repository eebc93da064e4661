#include "exportdialog.h"

#include "exportdefaultspage.h"
#include "exportoptionswidget.h"
#include "exportprogressview.h"

#include "api/apiclient.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

QPushButton *button(QWidget *parent, const QString &text, const char *name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setAccessibleName(QString(text).remove(u'&'));
    return b;
}

} // namespace

ExportDialog::ExportDialog(ApiClient *client, const QList<ExportItem> &items, QSettings &settings,
                           const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_items(items)
    , m_settings(settings)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("exportDialog"));
    setAccessibleName(tr("Export"));
    setWindowTitle(items.size() == 1 ? tr("Export “%1”").arg(items.first().name)
                                     : tr("Export %n blueprint(s)", nullptr, int(items.size())));

    m_exporter = new BatchExporter(client, this);

    // Page 1: what and where.
    auto *optionsPage = new QWidget(this);
    optionsPage->setObjectName(QStringLiteral("exportOptionsPage"));
    auto *what = new QLabel(optionsPage);
    what->setObjectName(QStringLiteral("exportItemsLabel"));
    what->setWordWrap(true);
    QStringList names;
    for (const ExportItem &item : items.mid(0, 5))
        names << item.name;
    QString listed = names.join(QStringLiteral(", "));
    if (items.size() > 5)
        listed += tr(" and %n more", nullptr, int(items.size() - 5));
    what->setText(tr("Exporting %n blueprint(s): %1", nullptr, int(items.size())).arg(listed));

    m_options = new ExportOptionsWidget(optionsPage);
    m_options->setSettings(ExportSettings::load(settings, ExportSettingsKeys::optionsGroup(profile)));
    if (!items.isEmpty()) {
        const ExportItem &first = items.first();
        FileNameFields fields;
        fields.name = first.name;
        fields.id = first.id;
        fields.team = first.team;
        fields.tags = first.tags;
        fields.updatedAt = first.updatedAt;
        fields.profile = profile;
        m_options->setExampleFields(fields);
    }

    m_folder = new QLineEdit(ExportSettingsKeys::folder(settings, profile), optionsPage);
    m_folder->setObjectName(QStringLiteral("exportFolderEdit"));
    m_folder->setAccessibleName(tr("Destination folder"));
    auto *browseButton = button(optionsPage, tr("&Browse…"), "exportBrowseButton");
    auto *folderRow = new QHBoxLayout;
    auto *folderLabel = new QLabel(tr("Save &in:"), optionsPage);
    folderLabel->setBuddy(m_folder);
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browseButton);

    m_error = new QLabel(optionsPage);
    m_error->setObjectName(QStringLiteral("exportErrorLabel"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *optionsLayout = new QVBoxLayout(optionsPage);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    optionsLayout->addWidget(what);
    optionsLayout->addWidget(m_options);
    optionsLayout->addLayout(folderRow);
    optionsLayout->addWidget(m_error);
    optionsLayout->addStretch(1);

    // Page 2: the queue.
    m_progress = new ExportProgressView(this);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("exportPages"));
    m_pages->addWidget(optionsPage);
    m_pages->addWidget(m_progress);

    m_start = button(this, tr("&Export"), "exportStartButton");
    m_start->setDefault(true);
    m_start->setEnabled(client != nullptr && !items.isEmpty());
    m_cancel = button(this, tr("Cancel"), "exportCancelButton");
    m_openFolder = button(this, tr("&Open folder"), "exportOpenFolderButton");
    m_openFolder->hide();
    m_close = button(this, tr("&Close"), "exportCloseButton");
    m_close->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_openFolder);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);
    resize(640, 560);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::accept);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder())); });
    connect(m_options, &ExportOptionsWidget::changed, m_error, &QLabel::hide);
    connect(m_exporter, &BatchExporter::finished, this, &ExportDialog::onFinished);
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::folder() const
{
    return QDir::cleanPath(QDir::fromNativeSeparators(m_folder->text().trimmed()));
}

QString ExportDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ExportDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void ExportDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Choose the destination folder"), folder());
    chooser->setObjectName(QStringLiteral("exportFolderChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::Directory);
    chooser->setOption(QFileDialog::ShowDirsOnly);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &dir) { m_folder->setText(QDir::toNativeSeparators(dir)); });
    chooser->open();
}

bool ExportDialog::startExport()
{
    if (m_exporter->isRunning())
        return false;
    const ExportSettings settings = m_options->settings();
    if (const QString problem = settings.validate(); !problem.isEmpty()) {
        showError(problem);
        return false;
    }
    if (m_folder->text().trimmed().isEmpty()) {
        showError(tr("Choose a folder to save the files in."));
        return false;
    }
    BatchExporter::Job job;
    job.items = m_items;
    job.settings = settings;
    job.directory = folder();
    job.profile = m_profile;
    if (!m_exporter->start(job)) {
        showError(m_exporter->errorString());
        return false;
    }
    // Remember what worked for next time, for this profile.
    settings.save(m_settings, ExportSettingsKeys::optionsGroup(m_profile));
    m_settings.setValue(ExportSettingsKeys::folderKey(m_profile), job.directory);
    m_settings.sync();

    m_progress->follow(m_exporter, m_client ? m_client->endpoint().baseUrl : QUrl());
    m_pages->setCurrentWidget(m_progress);
    m_start->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setFocus();
    return true;
}

void ExportDialog::reject()
{
    if (m_exporter->isRunning()) {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Cancelling…"));
        m_exporter->cancel();
        return;
    }
    QDialog::reject();
}

void ExportDialog::onFinished(const ExportSummary &summary)
{
    m_cancel->hide();
    m_close->show();
    m_close->setDefault(true);
    m_close->setFocus();
    m_openFolder->setVisible(summary.written + summary.skipped > 0);
}

} // namespace Cloudcraft::Ui
