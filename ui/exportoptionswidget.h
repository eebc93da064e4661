#pragma once

#include "exporting/exportsettings.h"
#include "exporting/filenametemplate.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Cloudcraft::Ui {

/// The export options as a form: format, size preset (as drawn, 1920, 3840, 7680 px wide, custom), scale,
/// transparent background, grid, PDF paper size and orientation, the file-name template with a live example, and
/// what to do with existing files. Controls that mean nothing for the chosen format are disabled (paper options only
/// for PDF, transparency only for PNG and SVG, no image options for draw.io, JSON and budget). Shared by the export
/// dialog and the "Default export options" settings page.
class ExportOptionsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportOptionsWidget)

public:
    explicit ExportOptionsWidget(QWidget *parent = nullptr);
    ~ExportOptionsWidget() override;

    Core::ExportSettings settings() const;
    void setSettings(const Core::ExportSettings &settings);
    /// The item the template example is computed for (the first selected blueprint).
    void setExampleFields(const Core::FileNameFields &fields);
    /// The example file name shown under the template, e.g. "Orders API.png".
    QString exampleFileName() const;

    /// Combo indexes of the size presets.
    enum SizePreset { AsDrawn = 0, FullHd = 1, Uhd4k = 2, Uhd8k = 3, Custom = 4 };

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();
    void updateExample();
    static QString formatLabel(Core::ExportSettings::Format format);

    QComboBox *m_format = nullptr;
    QComboBox *m_size = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QCheckBox *m_transparent = nullptr;
    QCheckBox *m_grid = nullptr;
    QComboBox *m_paper = nullptr;
    QCheckBox *m_landscape = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_example = nullptr;
    QComboBox *m_existing = nullptr;
    Core::FileNameFields m_fields;
};

} // namespace Cloudcraft::Ui
