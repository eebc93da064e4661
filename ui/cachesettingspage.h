#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;

namespace Cloudcraft::Core {
class RenderCache;
}

namespace Cloudcraft::Ui {

/// The "Cache" page of the Settings dialog: how much disk the cache of renders and lists uses, its size limit (applied
/// and saved as it changes) and a Clear button. Follows the cache live (it may change while the page is open).
class CacheSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheSettingsPage)

public:
    CacheSettingsPage(Core::RenderCache &cache, QSettings &settings, QWidget *parent = nullptr);
    ~CacheSettingsPage() override;

    /// The limit saved by this page, in bytes (RenderCache's default when none was saved).
    static qint64 savedLimit(const QSettings &settings);

    QString usageText() const;

public Q_SLOTS:
    void refresh();

private:
    void clearCache();
    void setLimit(int mebibytes);

    Core::RenderCache &m_cache;
    QSettings &m_settings;
    QLabel *m_usage;
    QLabel *m_location;
    QSpinBox *m_limit;
    QPushButton *m_clear;
    QLabel *m_result;
};

} // namespace Cloudcraft::Ui
