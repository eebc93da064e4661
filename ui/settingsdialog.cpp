#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));

    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("settingsPageList"));
    m_pageList->setAccessibleName(tr("Settings pages"));
    m_pageList->setIconSize(QSize(24, 24));
    m_pageList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pageList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pageList->setMaximumWidth(180);
    m_pageList->setSpacing(2);

    // The current page's title above it, so the page says where the user is even with the list out of view.
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("settingsPageHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    m_heading->setFont(headingFont);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->setAccessibleName(tr("Settings page"));

    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        m_heading->setText(pageTitle(row));
    });

    // Pages apply their changes live, so Close is the only button.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("settingsCloseButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close settings"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *pageColumn = new QVBoxLayout;
    pageColumn->addWidget(m_heading);
    pageColumn->addWidget(m_pages, 1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_pageList);
    body->addLayout(pageColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    resize(720, 480);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(const QString &title, const QIcon &icon, QWidget *page)
{
    // No scroll area around pages: with word-wrapped labels it sizes them to their preferred width and scrolls
    // sideways. A page too long for the dialog brings its own.
    m_pages->addWidget(page);

    auto *item = new QListWidgetItem(icon, title, m_pageList);
    item->setData(Qt::AccessibleTextRole, title);
    item->setSizeHint(QSize(0, qMax(28, fontMetrics().height() + 12)));
    if (m_pageList->currentRow() < 0)
        m_pageList->setCurrentRow(0);
}

int SettingsDialog::pageCount() const
{
    return m_pages->count();
}

QWidget *SettingsDialog::page(int index) const
{
    return m_pages->widget(index);
}

QString SettingsDialog::pageTitle(int index) const
{
    const QListWidgetItem *item = m_pageList->item(index);
    return item ? item->text() : QString();
}

QWidget *SettingsDialog::currentPage() const
{
    return page(m_pages->currentIndex());
}

bool SettingsDialog::showPage(const QString &title)
{
    for (int i = 0; i < m_pageList->count(); ++i) {
        if (m_pageList->item(i)->text() == title) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void SettingsDialog::setCurrentIndex(int index)
{
    m_pageList->setCurrentRow(index);
}

} // namespace Cloudcraft::Ui
