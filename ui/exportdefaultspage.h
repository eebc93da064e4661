#pragma once

#include "exporting/exportsettings.h"

#include <QWidget>

class QSettings;

namespace Cloudcraft::Ui {

class ExportOptionsWidget;

/// Where the export options of a profile live in the desktop settings: "export/<profile>/options" for the defaults
/// (also updated by each export) and "export/<profile>/folder" for the destination folder.
struct ExportSettingsKeys
{
    static QString optionsGroup(const QString &profile);
    static QString folderKey(const QString &profile);
    /// The remembered folder, else ~/Pictures/Cloudcraft (or the home directory's Cloudcraft folder).
    static QString folder(const QSettings &settings, const QString &profile);
};

/// Settings → "Default export options": the ExportOptionsWidget bound to the profile's defaults, written as the user
/// changes them (settings pages apply live). Add it with SettingsDialog::addPage(tr("Export"), icon, page).
class ExportDefaultsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDefaultsPage)

public:
    ExportDefaultsPage(QSettings &settings, const QString &profile, QWidget *parent = nullptr);
    ~ExportDefaultsPage() override;

    ExportOptionsWidget *options() const { return m_options; }

private:
    void save();

    QSettings &m_settings;
    QString m_profile;
    ExportOptionsWidget *m_options = nullptr;
};

} // namespace Cloudcraft::Ui
