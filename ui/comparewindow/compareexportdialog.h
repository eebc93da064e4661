#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSettings;

namespace Cloudcraft::Ui {

/// What the user chose in the compare export dialog.
struct CompareExportChoice
{
    bool difference = false; ///< the difference picture instead of before and after side by side
    bool pdf = false;        ///< PDF instead of PNG
    int width = 1920;
    QString title;
    QString path;
};

/// Export the compare for slides: layout (side by side or difference), PNG or PDF, a width preset (1920, 3840,
/// 7680), a title and the file. Remembers the last layout, format, width and folder in QSettings. Opened with open();
/// `exportRequested` carries the choice when the user presses Export.
class CompareExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareExportDialog)

public:
    CompareExportDialog(QSettings &settings, const QString &defaultTitle, QWidget *parent = nullptr);
    ~CompareExportDialog() override;

    CompareExportChoice choice() const;
    static QList<int> widthPresets() { return {1920, 3840, 7680}; }

Q_SIGNALS:
    void exportRequested(const Cloudcraft::Ui::CompareExportChoice &choice);

private:
    void browse();
    void matchSuffix();
    void updateButtons();
    void accept() override;

    QSettings &m_settings;
    QComboBox *m_layout = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_width = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_path = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Cloudcraft::Ui
