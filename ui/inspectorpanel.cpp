#include "inspectorpanel.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

namespace {

QString teamIdOf(const QString &access)
{
    return access.startsWith(QLatin1String("team/")) ? access.mid(5) : QString();
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("inspectorPanel"));
    setAccessibleName(tr("Inspector"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setAccessibleName(tr("Name"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("inspectorKind"));
    m_subtitle->setAccessibleName(tr("Kind"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_fieldsBox = new QWidget(this);
    m_fields = new QFormLayout(m_fieldsBox);
    m_fields->setContentsMargins(0, 4, 0, 4);
    m_fields->setLabelAlignment(Qt::AlignLeft);
    m_fields->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_resourcesHeading = new QLabel(tr("Resources"), this);
    m_resourcesHeading->setObjectName(QStringLiteral("resourcesHeading"));
    m_resourcesHeading->setAccessibleName(tr("Resources"));
    QFont headingFont = m_resourcesHeading->font();
    headingFont.setBold(true);
    m_resourcesHeading->setFont(headingFont);
    m_resources = new QTreeWidget(this);
    m_resources->setObjectName(QStringLiteral("resourceCounts"));
    m_resources->setAccessibleName(tr("Resources by type"));
    m_resources->setColumnCount(2);
    m_resources->setHeaderLabels({tr("Type"), tr("Count")});
    m_resources->setRootIsDecorated(false);
    m_resources->setUniformRowHeights(true);
    m_resources->setAlternatingRowColors(true);
    m_resources->header()->setStretchLastSection(false);
    m_resources->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_resources->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_resourcesMessage = new QLabel(this);
    m_resourcesMessage->setObjectName(QStringLiteral("resourcesMessage"));
    m_resourcesMessage->setAccessibleName(tr("Resources status"));
    m_resourcesMessage->setWordWrap(true);
    m_resourcesMessage->setForegroundRole(QPalette::PlaceholderText);

    m_empty = new QLabel(tr("Select a blueprint or an account to see its details."), this);
    m_empty->setObjectName(QStringLiteral("inspectorEmpty"));
    m_empty->setAccessibleName(tr("Nothing selected"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_fieldsBox);
    layout->addWidget(m_resourcesHeading);
    layout->addWidget(m_resourcesMessage);
    layout->addWidget(m_resources, 1);
    layout->addWidget(m_empty, 1);
    showNothing();
}

InspectorPanel::~InspectorPanel() = default;

QString InspectorPanel::nameFor(const QString &id) const
{
    return m_names.value(id, id);
}

QString InspectorPanel::dateText(const QDateTime &time) const
{
    if (!time.isValid())
        return tr("unknown");
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

void InspectorPanel::setFields(const QList<std::pair<QString, QString>> &fields)
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_fieldLabels.clear();
    for (const auto &[label, value] : fields) {
        auto *valueLabel = new QLabel(value.isEmpty() ? tr("—") : value, m_fieldsBox);
        valueLabel->setObjectName(QStringLiteral("field_") + label);
        valueLabel->setAccessibleName(label);
        valueLabel->setWordWrap(true);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_fields->addRow(label + u':', valueLabel);
        m_fieldLabels.insert(label, valueLabel);
    }
}

QString InspectorPanel::fieldText(const QString &field) const
{
    const QLabel *label = m_fieldLabels.value(field);
    return label ? label->text() : QString();
}

void InspectorPanel::showNothing()
{
    m_title->clear();
    m_subtitle->clear();
    setFields({});
    m_resources->clear();
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox,
                       static_cast<QWidget *>(m_resourcesHeading), static_cast<QWidget *>(m_resources),
                       static_cast<QWidget *>(m_resourcesMessage)})
        w->hide();
    m_empty->show();
}

void InspectorPanel::showBlueprint(const Core::BlueprintSummary &summary)
{
    QStringList teams;
    for (const QString &access : summary.readAccess + summary.writeAccess) {
        const QString team = teamIdOf(access);
        if (!team.isEmpty() && !teams.contains(nameFor(team)))
            teams.append(nameFor(team));
    }
    m_title->setText(summary.name);
    m_subtitle->setText(tr("Blueprint"));
    setFields({{tr("ID"), summary.id},
               {tr("Tags"), summary.tags.join(QStringLiteral(", "))},
               {tr("Team"), teams.join(QStringLiteral(", "))},
               {tr("Created"), dateText(summary.createdAt)},
               {tr("Updated"), dateText(summary.updatedAt)},
               {tr("Creator"), nameFor(summary.creatorId)}});
    m_empty->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox,
                       static_cast<QWidget *>(m_resourcesHeading)})
        w->show();
    m_resources->clear();
    m_resources->hide();
    setResourcesMessage(tr("Loading resources…"));
}

void InspectorPanel::setResourcesMessage(const QString &text)
{
    m_resourcesMessage->setText(text);
    m_resourcesMessage->setVisible(!text.isEmpty());
}

QList<std::pair<QString, int>> InspectorPanel::countResources(const QJsonObject &document)
{
    QMap<QString, int> counts;
    for (const char *listName : {"nodes", "groups"}) {
        for (const QJsonValue &item : document.value(QLatin1String(listName)).toArray()) {
            const QString type = item.toObject().value(QLatin1String("type")).toString();
            if (!type.isEmpty())
                ++counts[type];
        }
    }
    QList<std::pair<QString, int>> rows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        rows.append({it.key(), it.value()});
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return rows;
}

void InspectorPanel::setBlueprintData(const QJsonObject &document)
{
    const auto rows = countResources(document);
    m_resources->clear();
    int total = 0;
    for (const auto &[type, count] : rows) {
        auto *item = new QTreeWidgetItem(m_resources, {type, QString::number(count)});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        total += count;
    }
    m_resources->setVisible(!rows.isEmpty());
    setResourcesMessage(rows.isEmpty() ? tr("This blueprint has no resources yet.")
                                       : tr("%n item(s) in %1 types", nullptr, total).arg(rows.size()));
}

QList<std::pair<QString, int>> InspectorPanel::resourceCounts() const
{
    QList<std::pair<QString, int>> rows;
    for (int i = 0; i < m_resources->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_resources->topLevelItem(i);
        rows.append({item->text(0), item->text(1).toInt()});
    }
    return rows;
}

void InspectorPanel::showAwsAccount(const Core::AwsAccount &account)
{
    m_title->setText(account.name);
    m_subtitle->setText(tr("AWS account"));
    setFields({{tr("ID"), account.id},
               {tr("Role ARN"), account.roleArn},
               {tr("Created"), dateText(account.createdAt)},
               {tr("Updated"), dateText(account.updatedAt)},
               {tr("Creator"), nameFor(account.creatorId)}});
    m_empty->hide();
    m_resources->hide();
    m_resourcesHeading->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox})
        w->show();
    setResourcesMessage({});
}

void InspectorPanel::showAzureAccount(const Core::AzureAccount &account)
{
    m_title->setText(account.name);
    m_subtitle->setText(tr("Azure subscription"));
    setFields({{tr("ID"), account.id},
               {tr("Subscription"), account.subscriptionId},
               {tr("Directory"), account.directoryId},
               {tr("Application"), account.applicationId},
               {tr("Created"), dateText(account.createdAt)},
               {tr("Updated"), dateText(account.updatedAt)},
               {tr("Creator"), nameFor(account.creatorId)}});
    m_empty->hide();
    m_resources->hide();
    m_resourcesHeading->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox})
        w->show();
    setResourcesMessage({});
}

} // namespace Cloudcraft::Ui
