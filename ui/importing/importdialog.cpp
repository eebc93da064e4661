#include "importdialog.h"

#include "errortext.h"
#include "sessioncontroller.h"

#include "api/apicall.h"
#include "api/apiclient.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Cloudcraft::Ui {

ImportDialog::ImportDialog(SessionController &session, ImportConverter converter, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_converter(std::move(converter))
{
    setObjectName(QStringLiteral("importDialog"));
    setAccessibleName(tr("Import a diagram"));
    setWindowTitle(tr("Import"));
    buildUi();
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    if (m_call)
        m_call->cancel();
    // The worker owns no widget; an unfinished conversion is left to finish and its result dropped.
    if (m_watcher)
        m_watcher->disconnect(this);
}

void ImportDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("importFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel->setWordWrap(true);
    layout->addWidget(m_fileLabel);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setAccessibleName(tr("Schematic preview of the converted diagram"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_previewArea = new QScrollArea(this);
    m_previewArea->setObjectName(QStringLiteral("importPreviewArea"));
    m_previewArea->setAccessibleName(tr("Preview"));
    m_previewArea->setWidget(m_preview);
    m_previewArea->setWidgetResizable(true);
    m_previewArea->setMinimumSize(560, 340);
    layout->addWidget(m_previewArea, 1);

    m_unmappedTitle = new QLabel(tr("Resource types with no Cloudcraft component:"), this);
    m_unmappedTitle->setObjectName(QStringLiteral("importUnmappedTitle"));
    layout->addWidget(m_unmappedTitle);
    m_unmapped = new QListWidget(this);
    m_unmapped->setObjectName(QStringLiteral("importUnmappedList"));
    m_unmapped->setAccessibleName(tr("Unmapped resource types"));
    m_unmapped->setMaximumHeight(110);
    layout->addWidget(m_unmapped);
    m_keepUnmapped = new QCheckBox(tr("&Keep unmapped resources as generic blocks"), this);
    m_keepUnmapped->setObjectName(QStringLiteral("importKeepUnmapped"));
    m_keepUnmapped->setAccessibleName(tr("Keep unmapped resources as generic blocks"));
    m_keepUnmapped->setChecked(true);
    connect(m_keepUnmapped, &QCheckBox::toggled, this, &ImportDialog::convert);
    layout->addWidget(m_keepUnmapped);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("importNameField"));
    m_name->setAccessibleName(tr("Blueprint name"));
    connect(m_name, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    form->addRow(tr("&Name:"), m_name);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("importTagsField"));
    m_tags->setAccessibleName(tr("Tags, separated by commas"));
    m_tags->setPlaceholderText(tr("production, terraform"));
    form->addRow(tr("&Tags:"), m_tags);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setAccessibleName(tr("Import status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_uploadButton = buttons->addButton(tr("&Upload to Cloudcraft"), QDialogButtonBox::AcceptRole);
    m_uploadButton->setObjectName(QStringLiteral("importUploadButton"));
    m_uploadButton->setAccessibleName(tr("Upload to Cloudcraft"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("importCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));
    // The box's own accepted/rejected would close the dialog before the upload has an answer.
    connect(m_uploadButton, &QPushButton::clicked, this, &ImportDialog::upload);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelOrClose);
    layout->addWidget(buttons);
}

void ImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    m_name->setText(QFileInfo(path).completeBaseName());
    convert();
}

void ImportDialog::convert()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_converting = true;
    m_diagram = {};
    m_preview->clear();
    m_unmapped->clear();
    showStatus(tr("Converting %1…").arg(QFileInfo(m_path).fileName()), false);
    updateButtons();

    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = new QFutureWatcher<ImportedDiagram>(this);
    QFutureWatcher<ImportedDiagram> *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer conversion (the keep-unmapped box was toggled) replaces this one
        m_watcher = nullptr;
        m_converting = false;
        showConversion(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(m_converter, m_path, m_keepUnmapped->isChecked()));
}

void ImportDialog::showConversion(const ImportedDiagram &diagram)
{
    m_diagram = diagram;
    if (!diagram.ok()) {
        showStatus(diagram.error, true);
        updateButtons();
        Q_EMIT converted(false);
        return;
    }
    if (!diagram.preview.isNull()) {
        fitPreview();
        m_preview->setToolTip(tr("%1 × %2 px").arg(diagram.preview.width()).arg(diagram.preview.height()));
    }
    const bool kept = m_keepUnmapped->isChecked();
    int unmappedResources = 0;
    for (auto it = diagram.unmapped.cbegin(); it != diagram.unmapped.cend(); ++it) {
        unmappedResources += it.value();
        m_unmapped->addItem(kept ? tr("%1 × %2 — kept as generic blocks").arg(it.key()).arg(it.value())
                                 : tr("%1 × %2 — left out").arg(it.key()).arg(it.value()));
    }
    m_unmappedTitle->setVisible(!diagram.unmapped.isEmpty());
    m_unmapped->setVisible(!diagram.unmapped.isEmpty());

    const QJsonObject content = diagram.blueprint.value(QStringLiteral("data")).toObject();
    const auto nodes = content.value(QStringLiteral("nodes")).toArray().size();
    const auto edges = content.value(QStringLiteral("edges")).toArray().size();
    QString summary = tr("%n component(s)", nullptr, int(nodes)) + QStringLiteral(", ")
        + tr("%n connection(s)", nullptr, int(edges));
    if (unmappedResources > 0)
        summary += QStringLiteral(", ") + tr("%n resource(s) of unmapped types", nullptr, unmappedResources);
    // Nothing disappears silently: routes, rules, associations… are folded into what they configure (the
    // converter's warnings below name them by type).
    int foldedResources = 0;
    for (const int count : diagram.folded)
        foldedResources += count;
    if (foldedResources > 0)
        summary += QStringLiteral(", ") + tr("%n resource(s) folded into what they configure", nullptr, foldedResources);
    summary += QLatin1Char('.');
    for (const QString &warning : diagram.warnings)
        summary += QLatin1Char('\n') + warning;
    showStatus(summary, false);
    updateButtons();
    Q_EMIT converted(true);
}

void ImportDialog::fitPreview()
{
    if (m_diagram.preview.isNull())
        return;
    const QSize room = m_previewArea->viewport()->size() * devicePixelRatioF();
    QImage shown = m_diagram.preview;
    if (shown.width() > room.width() || shown.height() > room.height())
        shown = shown.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    shown.setDevicePixelRatio(devicePixelRatioF());
    m_preview->setPixmap(QPixmap::fromImage(shown));
}

void ImportDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitPreview();
}

QStringList ImportDialog::tags() const
{
    QStringList result;
    for (const QString &tag : m_tags->text().split(QLatin1Char(','))) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    return result;
}

QJsonObject ImportDialog::documentToUpload() const
{
    QJsonObject document = m_diagram.blueprint;
    const QString name = m_name->text().trimmed();
    QJsonObject content = document.value(QStringLiteral("data")).toObject();
    content.insert(QStringLiteral("name"), name);
    document.insert(QStringLiteral("data"), content);
    document.insert(QStringLiteral("name"), name);
    const QStringList tagList = tags();
    if (!tagList.isEmpty())
        document.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tagList));
    return document;
}

void ImportDialog::upload()
{
    if (m_call || m_converting || !m_diagram.ok() || m_diagram.blueprint.isEmpty())
        return;
    if (m_name->text().trimmed().isEmpty()) {
        showStatus(tr("Give the blueprint a name before uploading."), true);
        return;
    }
    Core::ApiClient *client = m_session.client();
    if (!client) {
        showStatus(tr("Sign in to upload the blueprint to Cloudcraft."), true);
        return;
    }
    m_call = client->createBlueprint(documentToUpload(), Core::Priority::Interactive);
    connect(m_call.data(), &Core::ApiCall::finished, this, &ImportDialog::onUploadFinished);
    showStatus(tr("Uploading “%1”…").arg(m_name->text().trimmed()), false);
    updateButtons();
}

void ImportDialog::onUploadFinished()
{
    Core::ApiCall *call = m_call;
    m_call = nullptr;
    if (!call)
        return;
    call->deleteLater();
    if (!call->succeeded()) {
        if (call->error().kind() == Core::ApiError::Kind::Cancelled)
            showStatus(tr("Upload cancelled; nothing was created."), false);
        else
            showStatus(ErrorText::forApi(call->error(), m_session.profile().apiUrl), true);
        updateButtons();
        return;
    }
    const QJsonObject created = call->json().toObject();
    const QString id = created.value(QStringLiteral("id")).toString();
    const QString name = created.value(QStringLiteral("name")).toString(m_name->text().trimmed());
    showStatus(tr("Uploaded “%1”.").arg(name), false);
    updateButtons();
    Q_EMIT uploaded(id, name);
    accept();
}

void ImportDialog::cancelOrClose()
{
    if (m_call) {
        m_call->cancel();
        return;
    }
    reject();
}

void ImportDialog::showStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setProperty("error", isError);
    m_status->setStyleSheet(isError ? QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;")
                                    : QString());
}

void ImportDialog::updateButtons()
{
    const bool ready = !m_converting && !m_call && m_diagram.ok() && !m_diagram.blueprint.isEmpty()
        && !m_name->text().trimmed().isEmpty();
    m_uploadButton->setEnabled(ready);
    m_name->setEnabled(!m_call);
    m_tags->setEnabled(!m_call);
    m_keepUnmapped->setEnabled(!m_call && !m_path.isEmpty());
    m_cancelButton->setText(m_call ? tr("Cancel upload") : tr("Cancel"));
}

} // namespace Cloudcraft::Ui
