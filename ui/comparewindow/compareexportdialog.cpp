#include "compareexportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

namespace {
const QString kLayoutKey = QStringLiteral("compareExport/layout");
const QString kFormatKey = QStringLiteral("compareExport/format");
const QString kWidthKey = QStringLiteral("compareExport/width");
const QString kFolderKey = QStringLiteral("compareExport/folder");
} // namespace

CompareExportDialog::CompareExportDialog(QSettings &settings, const QString &defaultTitle, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("compareExportDialog"));
    setWindowTitle(tr("Export Compare"));

    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("exportLayout"));
    m_layout->setAccessibleName(tr("Layout"));
    m_layout->addItem(tr("Side by side"), false);
    m_layout->addItem(tr("Difference"), true);
    m_layout->setCurrentIndex(m_settings.value(kLayoutKey).toBool() ? 1 : 0);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("PNG image"), false);
    m_format->addItem(tr("PDF document"), true);
    m_format->setCurrentIndex(m_settings.value(kFormatKey).toBool() ? 1 : 0);

    m_width = new QComboBox(this);
    m_width->setObjectName(QStringLiteral("exportWidth"));
    m_width->setAccessibleName(tr("Width"));
    for (int width : widthPresets())
        m_width->addItem(tr("%1 px").arg(width), width);
    m_width->setCurrentIndex(std::max(0, m_width->findData(m_settings.value(kWidthKey, 1920).toInt())));

    m_title = new QLineEdit(defaultTitle, this);
    m_title->setObjectName(QStringLiteral("exportTitle"));
    m_title->setAccessibleName(tr("Title"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(tr("File"));
    const QString folder =
        m_settings.value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    m_path->setText(QDir(folder).filePath(QStringLiteral("compare.png")));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setAccessibleName(tr("Choose the file"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportAccept"));
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("exportCancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Layout:"), m_layout);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("F&ile:"), pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &CompareExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &CompareExportDialog::matchSuffix);
    connect(m_path, &QLineEdit::textChanged, this, &CompareExportDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CompareExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CompareExportDialog::reject);
    matchSuffix();
    resize(520, sizeHint().height());
}

CompareExportDialog::~CompareExportDialog() = default;

CompareExportChoice CompareExportDialog::choice() const
{
    CompareExportChoice choice;
    choice.difference = m_layout->currentData().toBool();
    choice.pdf = m_format->currentData().toBool();
    choice.width = m_width->currentData().toInt();
    choice.title = m_title->text().trimmed();
    choice.path = m_path->text().trimmed();
    return choice;
}

void CompareExportDialog::browse()
{
    const bool pdf = m_format->currentData().toBool();
    auto *dialog = new QFileDialog(this, tr("Export Compare"), m_path->text(),
                                   pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(pdf ? QStringLiteral("pdf") : QStringLiteral("png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_path->setText(file); });
    dialog->open();
}

/// The file name follows the format: "compare.png" becomes "compare.pdf" when PDF is chosen.
void CompareExportDialog::matchSuffix()
{
    const QString suffix = m_format->currentData().toBool() ? QStringLiteral("pdf") : QStringLiteral("png");
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString wanted = info.path() + u'/' + info.completeBaseName() + u'.' + suffix;
    if (info.suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        m_path->setText(QDir::cleanPath(wanted));
}

void CompareExportDialog::updateButtons()
{
    if (auto *button = m_buttons->findChild<QPushButton *>(QStringLiteral("exportAccept")))
        button->setEnabled(!m_path->text().trimmed().isEmpty());
}

void CompareExportDialog::accept()
{
    const CompareExportChoice chosen = choice();
    if (chosen.path.isEmpty())
        return;
    m_settings.setValue(kLayoutKey, chosen.difference);
    m_settings.setValue(kFormatKey, chosen.pdf);
    m_settings.setValue(kWidthKey, chosen.width);
    m_settings.setValue(kFolderKey, QFileInfo(chosen.path).absolutePath());
    Q_EMIT exportRequested(chosen);
    QDialog::accept();
}

} // namespace Cloudcraft::Ui
