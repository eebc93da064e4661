#include "cachesettingspage.h"

#include "cache/rendercache.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
const QString kLimitKey = QStringLiteral("cache/limitMiB");
constexpr int kMinLimitMiB = 16;
constexpr int kMaxLimitMiB = 64 * 1024;
constexpr qint64 kMiB = 1024 * 1024;
} // namespace

CacheSettingsPage::CacheSettingsPage(RenderCache &cache, QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_settings(settings)
    , m_usage(new QLabel(this))
    , m_location(new QLabel(this))
    , m_limit(new QSpinBox(this))
    , m_clear(new QPushButton(tr("&Clear cache"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("cacheSettingsPage"));
    setAccessibleName(tr("Cache settings"));

    auto *intro = new QLabel(tr("Diagram renders and the lists of your blueprints and accounts are kept on this "
                                "computer, so looking at them again is instant, spends no export budget and works "
                                "offline. Each profile has its own cache."),
                             this);
    intro->setWordWrap(true);
    intro->setAccessibleName(tr("About the cache"));

    m_usage->setObjectName(QStringLiteral("cacheUsageLabel"));
    m_usage->setAccessibleName(tr("Disk space used by the cache"));
    m_location->setObjectName(QStringLiteral("cacheLocationLabel"));
    m_location->setAccessibleName(tr("Cache folder"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setWordWrap(true);

    m_limit->setObjectName(QStringLiteral("cacheLimitSpinBox"));
    m_limit->setAccessibleName(tr("Cache size limit"));
    m_limit->setRange(kMinLimitMiB, kMaxLimitMiB);
    m_limit->setSingleStep(64);
    m_limit->setSuffix(tr(" MiB"));
    m_limit->setToolTip(tr("Above this size the renders looked at least recently are removed first."));
    m_limit->setValue(int(std::clamp<qint64>(m_cache.maxBytes() / kMiB, kMinLimitMiB, kMaxLimitMiB)));
    connect(m_limit, &QSpinBox::valueChanged, this, &CacheSettingsPage::setLimit);

    m_clear->setObjectName(QStringLiteral("clearCacheButton"));
    m_clear->setAccessibleName(tr("Clear cache"));
    m_clear->setToolTip(tr("Remove every cached render and list of this profile; they are fetched again when needed."));
    connect(m_clear, &QPushButton::clicked, this, &CacheSettingsPage::clearCache);

    m_result->setObjectName(QStringLiteral("cacheResultLabel"));
    m_result->setAccessibleName(tr("Result"));

    auto *form = new QFormLayout;
    form->addRow(tr("In use:"), m_usage);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Folder:"), m_location);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_clear);
    buttons->addWidget(m_result, 1);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(&m_cache, &RenderCache::changed, this, &CacheSettingsPage::refresh);
    refresh();
}

CacheSettingsPage::~CacheSettingsPage() = default;

qint64 CacheSettingsPage::savedLimit(const QSettings &settings)
{
    const int mebibytes = settings.value(kLimitKey, 0).toInt();
    if (mebibytes <= 0)
        return RenderCache::kDefaultMaxBytes;
    return std::clamp(mebibytes, kMinLimitMiB, kMaxLimitMiB) * kMiB;
}

QString CacheSettingsPage::usageText() const
{
    return m_usage->text();
}

void CacheSettingsPage::refresh()
{
    const QLocale locale;
    if (!m_cache.isOpen()) {
        m_usage->setText(tr("Nothing cached yet (sign in first)."));
        m_location->setText(RenderCache::defaultRoot());
    } else {
        m_usage->setText(tr("%1 in %n item(s)", nullptr, m_cache.count())
                             .arg(locale.formattedDataSize(m_cache.totalSize())));
        m_location->setText(m_cache.directory());
    }
    m_clear->setEnabled(m_cache.isOpen() && m_cache.count() > 0);
}

void CacheSettingsPage::clearCache()
{
    const qint64 freed = m_cache.totalSize();
    if (m_cache.clear())
        m_result->setText(tr("Cleared %1.").arg(QLocale().formattedDataSize(freed)));
    else
        m_result->setText(tr("The cache could not be cleared completely: %1").arg(m_cache.errorString()));
    refresh();
}

void CacheSettingsPage::setLimit(int mebibytes)
{
    m_cache.setMaxBytes(qint64(mebibytes) * kMiB);
    m_settings.setValue(kLimitKey, mebibytes);
    refresh();
}

} // namespace Cloudcraft::Ui
