#include "offlinebanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

#include <algorithm>

namespace Cloudcraft::Ui {

OfflineBanner::OfflineBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Offline"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // Amber, readable in light and dark themes alike (dark text on a light amber).
    setStyleSheet(QStringLiteral("#offlineBanner { background: #fff4d6; border: 1px solid #e0b252; border-radius: 4px; }"
                                 "#offlineBanner QLabel { color: #4a3500; }"));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(QIcon::fromTheme(QStringLiteral("network-offline"),
                                       style()->standardIcon(QStyle::SP_MessageBoxWarning))
                          .pixmap(iconSize, iconSize));
    m_icon->setAccessibleName(tr("Offline icon"));

    m_text->setObjectName(QStringLiteral("offlineBannerText"));
    m_text->setText(tr("You are offline. Showing what was fetched before; we'll reconnect by itself."));
    m_text->setWordWrap(true);
    m_text->setAccessibleName(tr("Offline message"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_detail->setObjectName(QStringLiteral("offlineBannerDetail"));
    m_detail->setAccessibleName(tr("Next connection attempt"));

    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    m_retry->setAccessibleName(tr("Retry now"));
    m_retry->setToolTip(tr("Try to reach the server now"));
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_retry);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &OfflineBanner::updateDetail);
    hide();
}

OfflineBanner::~OfflineBanner() = default;

QString OfflineBanner::text() const
{
    return m_text->text();
}

QString OfflineBanner::detailText() const
{
    return m_detail->text();
}

void OfflineBanner::setOffline(bool offline)
{
    setVisible(offline);
    if (offline)
        m_tick->start();
    else
        m_tick->stop();
    updateDetail();
}

void OfflineBanner::setProbeState(bool probing, QDeadlineTimer next)
{
    m_probing = probing;
    m_next = next;
    updateDetail();
}

void OfflineBanner::updateDetail()
{
    m_retry->setEnabled(!m_probing);
    if (m_probing) {
        m_detail->setText(tr("Checking the connection…"));
        return;
    }
    if (m_next.hasExpired() || m_next.isForever() || isHidden()) {
        m_detail->clear();
        return;
    }
    const qint64 seconds = std::max<qint64>(1, (m_next.remainingTime() + 999) / 1000);
    m_detail->setText(tr("Next try in %n s", nullptr, int(seconds)));
}

} // namespace Cloudcraft::Ui
