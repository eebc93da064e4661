#include "exportoptionswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <memory>

namespace Cloudcraft::Ui {

using Core::ExportSettings;
using Format = ExportSettings::Format;

namespace {

template <typename W>
W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

} // namespace

ExportOptionsWidget::ExportOptionsWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("exportOptionsWidget"));
    setAccessibleName(tr("Export options"));

    m_format = named(new QComboBox(this), "exportFormatCombo", tr("Format"));
    for (const Format format : ExportSettings::formats())
        m_format->addItem(formatLabel(format), int(format));

    m_size = named(new QComboBox(this), "exportSizeCombo", tr("Size"));
    m_size->addItem(tr("As drawn"));
    m_size->addItem(tr("1920 px wide (Full HD)"));
    m_size->addItem(tr("3840 px wide (4K)"));
    m_size->addItem(tr("7680 px wide (8K)"));
    m_size->addItem(tr("Custom size"));
    m_width = named(new QSpinBox(this), "exportWidthSpin", tr("Width in pixels"));
    m_height = named(new QSpinBox(this), "exportHeightSpin", tr("Height in pixels"));
    for (QSpinBox *spin : {m_width, m_height}) {
        spin->setRange(0, ExportSettings::kMaxPixels);
        spin->setSuffix(tr(" px"));
        spin->setSpecialValueText(tr("auto"));
        spin->setSingleStep(160);
    }
    auto *customSize = new QHBoxLayout;
    customSize->addWidget(m_width);
    customSize->addWidget(new QLabel(tr("×"), this));
    customSize->addWidget(m_height);

    m_scale = named(new QDoubleSpinBox(this), "exportScaleSpin", tr("Scale"));
    m_scale->setRange(ExportSettings::kMinScale, ExportSettings::kMaxScale);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(1);
    m_scale->setSuffix(tr(" ×"));

    m_transparent = named(new QCheckBox(tr("&Transparent background"), this), "exportTransparentCheck",
                          tr("Transparent background"));
    m_grid = named(new QCheckBox(tr("Show the &grid"), this), "exportGridCheck", tr("Show the grid"));
    m_paper = named(new QComboBox(this), "exportPaperCombo", tr("Paper size"));
    m_paper->addItems(ExportSettings::paperSizes());
    m_landscape = named(new QCheckBox(tr("&Landscape"), this), "exportLandscapeCheck", tr("Landscape"));
    auto *paper = new QHBoxLayout;
    paper->addWidget(m_paper, 1);
    paper->addWidget(m_landscape);

    m_template = named(new QLineEdit(this), "exportTemplateEdit", tr("File name template"));
    m_template->setToolTip(tr("Placeholders: %1").arg(Core::FileNameTemplate::placeholders().join(u' ')));
    m_example = named(new QLabel(this), "exportTemplatePreview", tr("Example file name"));
    m_example->setTextFormat(Qt::PlainText);
    m_example->setWordWrap(true);
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *placeholders = new QLabel(
        tr("Placeholders: %1").arg(Core::FileNameTemplate::placeholders().join(QStringLiteral(" "))), this);
    placeholders->setObjectName(QStringLiteral("exportPlaceholdersLabel"));
    placeholders->setWordWrap(true);
    placeholders->setEnabled(false); // secondary text

    m_existing = named(new QComboBox(this), "exportExistingCombo", tr("When a file exists"));
    m_existing->addItem(tr("Overwrite it"), int(ExportSettings::ExistingFiles::Overwrite));
    m_existing->addItem(tr("Keep both (add a number)"), int(ExportSettings::ExistingFiles::KeepBoth));
    m_existing->addItem(tr("Skip the item"), int(ExportSettings::ExistingFiles::Skip));
    m_existing->setToolTip(tr("A file with exactly the same content is never rewritten."));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("Custom si&ze:"), customSize);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(QString(), m_transparent);
    form->addRow(QString(), m_grid);
    form->addRow(tr("&Paper (PDF):"), paper);
    form->addRow(tr("File &name:"), m_template);
    form->addRow(QString(), m_example);
    form->addRow(QString(), placeholders);
    form->addRow(tr("If the file &exists:"), m_existing);

    setSettings(ExportSettings());

    const auto emitChanged = [this] {
        updateEnabled();
        updateExample();
        Q_EMIT changed();
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_size, &QComboBox::currentIndexChanged, this, [this, emitChanged](int index) {
        static constexpr int kPresetWidths[] = {0, 1920, 3840, 7680};
        if (index >= AsDrawn && index <= Uhd8k) {
            const QSignalBlocker w(m_width);
            const QSignalBlocker h(m_height);
            m_width->setValue(kPresetWidths[index]);
            m_height->setValue(0);
        }
        emitChanged();
    });
    for (QSpinBox *spin : {m_width, m_height})
        connect(spin, &QSpinBox::valueChanged, this, emitChanged);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, emitChanged);
    for (QCheckBox *check : {m_transparent, m_grid, m_landscape})
        connect(check, &QCheckBox::toggled, this, emitChanged);
    connect(m_paper, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_template, &QLineEdit::textChanged, this, emitChanged);
    connect(m_existing, &QComboBox::currentIndexChanged, this, emitChanged);
}

ExportOptionsWidget::~ExportOptionsWidget() = default;

QString ExportOptionsWidget::formatLabel(Format format)
{
    switch (format) {
    case Format::Png: return tr("PNG image");
    case Format::Svg: return tr("SVG vector image");
    case Format::Pdf: return tr("PDF document");
    case Format::MxGraph: return tr("draw.io diagram (mxGraph)");
    case Format::Json: return tr("JSON document");
    case Format::BudgetCsv: return tr("Budget (CSV)");
    }
    return {};
}

ExportSettings ExportOptionsWidget::settings() const
{
    ExportSettings s;
    s.format = Format(m_format->currentData().toInt());
    s.width = m_width->value();
    s.height = m_height->value();
    s.scale = m_scale->value();
    s.transparent = m_transparent->isChecked();
    s.grid = m_grid->isChecked();
    s.paperSize = m_paper->currentText();
    s.landscape = m_landscape->isChecked();
    s.fileNameTemplate = m_template->text();
    s.existingFiles = ExportSettings::ExistingFiles(m_existing->currentData().toInt());
    return s;
}

void ExportOptionsWidget::setSettings(const ExportSettings &s)
{
    const QList<QWidget *> all{m_format, m_size, m_width, m_height, m_scale, m_transparent,
                               m_grid,   m_paper, m_landscape, m_template, m_existing};
    QList<std::shared_ptr<QSignalBlocker>> blockers;
    for (QWidget *w : all)
        blockers.append(std::make_shared<QSignalBlocker>(w));
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(s.format))));
    m_width->setValue(s.width);
    m_height->setValue(s.height);
    int preset = Custom;
    if (s.height == 0) {
        const QList<int> widths = ExportSettings::widthPresets();
        if (s.width == 0)
            preset = AsDrawn;
        else if (const qsizetype i = widths.indexOf(s.width); i >= 0)
            preset = int(i) + FullHd;
    }
    m_size->setCurrentIndex(preset);
    m_scale->setValue(s.scale);
    m_transparent->setChecked(s.transparent);
    m_grid->setChecked(s.grid);
    m_paper->setCurrentIndex(qMax(0, m_paper->findText(s.paperSize)));
    m_landscape->setChecked(s.landscape);
    m_template->setText(s.fileNameTemplate);
    m_existing->setCurrentIndex(qMax(0, m_existing->findData(int(s.existingFiles))));
    blockers.clear();
    updateEnabled();
    updateExample();
}

void ExportOptionsWidget::setExampleFields(const Core::FileNameFields &fields)
{
    m_fields = fields;
    updateExample();
}

QString ExportOptionsWidget::exampleFileName() const
{
    const ExportSettings s = settings();
    Core::FileNameFields fields = m_fields;
    fields.format = ExportSettings::formatKey(s.format);
    if (fields.name.isEmpty() && fields.id.isEmpty())
        fields.name = tr("Blueprint name");
    return Core::FileNameTemplate(s.fileNameTemplate).fileName(fields, ExportSettings::fileSuffix(s.format));
}

void ExportOptionsWidget::updateEnabled()
{
    const Format format = Format(m_format->currentData().toInt());
    const bool image = ExportSettings::hasImageOptions(format);
    m_size->setEnabled(image);
    const bool custom = image && m_size->currentIndex() == Custom;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    m_scale->setEnabled(image);
    m_grid->setEnabled(image);
    m_transparent->setEnabled(ExportSettings::hasTransparency(format));
    m_paper->setEnabled(ExportSettings::hasPaperOptions(format));
    m_landscape->setEnabled(ExportSettings::hasPaperOptions(format));
}

void ExportOptionsWidget::updateExample()
{
    const QStringList unknown = Core::FileNameTemplate(m_template->text()).unknownPlaceholders();
    QString text = tr("Example: %1").arg(exampleFileName());
    if (!unknown.isEmpty())
        text += u'\n' + tr("Unknown placeholder(s) kept as typed: %1").arg(unknown.join(QStringLiteral(", ")));
    m_example->setText(text);
}

} // namespace Cloudcraft::Ui
