#include "exportdefaultspage.h"

#include "exportoptionswidget.h"

#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

QString ExportSettingsKeys::optionsGroup(const QString &profile)
{
    return QStringLiteral("export/%1/options").arg(profile.isEmpty() ? QStringLiteral("default") : profile);
}

QString ExportSettingsKeys::folderKey(const QString &profile)
{
    return QStringLiteral("export/%1/folder").arg(profile.isEmpty() ? QStringLiteral("default") : profile);
}

QString ExportSettingsKeys::folder(const QSettings &settings, const QString &profile)
{
    const QString saved = settings.value(folderKey(profile)).toString();
    if (!saved.isEmpty())
        return saved;
    QString base = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(QStringLiteral("Cloudcraft"));
}

ExportDefaultsPage::ExportDefaultsPage(QSettings &settings, const QString &profile, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("exportDefaultsPage"));
    setAccessibleName(tr("Default export options"));
    auto *intro = new QLabel(tr("The export dialog starts with these options for profile \"%1\"; each export "
                                "remembers the options it used.")
                                 .arg(profile),
                             this);
    intro->setWordWrap(true);
    m_options = new ExportOptionsWidget(this);
    m_options->setSettings(Core::ExportSettings::load(settings, ExportSettingsKeys::optionsGroup(profile)));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_options);
    layout->addStretch(1);
    connect(m_options, &ExportOptionsWidget::changed, this, &ExportDefaultsPage::save);
}

ExportDefaultsPage::~ExportDefaultsPage() = default;

void ExportDefaultsPage::save()
{
    const Core::ExportSettings s = m_options->settings();
    if (!s.validate().isEmpty())
        return; // e.g. an empty template while typing: keep the last valid defaults
    s.save(m_settings, ExportSettingsKeys::optionsGroup(m_profile));
}

} // namespace Cloudcraft::Ui
