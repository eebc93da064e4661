#include "inspectorpanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

namespace {

// Readable names for the component types Cloudcraft uses most; anything else is shown as the API names it.
QString typeLabel(const QString &type)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("ec2"), QT_TRANSLATE_NOOP("ResourceType", "EC2 instance")},
        {QStringLiteral("rds"), QT_TRANSLATE_NOOP("ResourceType", "RDS database")},
        {QStringLiteral("s3"), QT_TRANSLATE_NOOP("ResourceType", "S3 bucket")},
        {QStringLiteral("elb"), QT_TRANSLATE_NOOP("ResourceType", "Load balancer")},
        {QStringLiteral("lambda"), QT_TRANSLATE_NOOP("ResourceType", "Lambda function")},
        {QStringLiteral("dynamodb"), QT_TRANSLATE_NOOP("ResourceType", "DynamoDB table")},
        {QStringLiteral("elasticache"), QT_TRANSLATE_NOOP("ResourceType", "ElastiCache")},
        {QStringLiteral("cloudfront"), QT_TRANSLATE_NOOP("ResourceType", "CloudFront")},
        {QStringLiteral("r53"), QT_TRANSLATE_NOOP("ResourceType", "Route 53")},
        {QStringLiteral("sqs"), QT_TRANSLATE_NOOP("ResourceType", "SQS queue")},
        {QStringLiteral("sns"), QT_TRANSLATE_NOOP("ResourceType", "SNS topic")},
        {QStringLiteral("apigateway"), QT_TRANSLATE_NOOP("ResourceType", "API Gateway")},
        {QStringLiteral("natgateway"), QT_TRANSLATE_NOOP("ResourceType", "NAT gateway")},
        {QStringLiteral("vpc"), QT_TRANSLATE_NOOP("ResourceType", "VPC")},
        {QStringLiteral("subnet"), QT_TRANSLATE_NOOP("ResourceType", "Subnet")},
        {QStringLiteral("sg"), QT_TRANSLATE_NOOP("ResourceType", "Security group")},
        {QStringLiteral("asg"), QT_TRANSLATE_NOOP("ResourceType", "Auto Scaling group")},
        {QStringLiteral("eks"), QT_TRANSLATE_NOOP("ResourceType", "EKS cluster")},
        {QStringLiteral("azurevm"), QT_TRANSLATE_NOOP("ResourceType", "Virtual machine")},
        {QStringLiteral("azuresql"), QT_TRANSLATE_NOOP("ResourceType", "SQL database")},
        {QStringLiteral("azureblob"), QT_TRANSLATE_NOOP("ResourceType", "Blob storage")},
        {QStringLiteral("azurelb"), QT_TRANSLATE_NOOP("ResourceType", "Load balancer")},
        {QStringLiteral("azureredis"), QT_TRANSLATE_NOOP("ResourceType", "Cache for Redis")},
        {QStringLiteral("azurefunctions"), QT_TRANSLATE_NOOP("ResourceType", "Function app")},
        {QStringLiteral("azureappgateway"), QT_TRANSLATE_NOOP("ResourceType", "Application gateway")},
        {QStringLiteral("azurevnet"), QT_TRANSLATE_NOOP("ResourceType", "Virtual network")},
        {QStringLiteral("azuresubnet"), QT_TRANSLATE_NOOP("ResourceType", "Subnet")},
    };
    const char *label = labels.value(type, nullptr);
    return label ? QCoreApplication::translate("ResourceType", label) : type;
}

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
    // A property panel: labels right-aligned against their values, rows close together.
    m_fields->setContentsMargins(0, 6, 0, 2);
    m_fields->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_fields->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_fields->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields->setHorizontalSpacing(10);
    m_fields->setVerticalSpacing(3);

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

    m_scanBox = new QWidget(this);
    m_scanBox->setObjectName(QStringLiteral("scanBox"));
    m_regionCombo = new QComboBox(m_scanBox);
    m_regionCombo->setObjectName(QStringLiteral("scanRegionCombo"));
    m_regionCombo->setAccessibleName(tr("Region to scan"));
    m_regionCombo->setEditable(true);
    m_regionCombo->lineEdit()->setAccessibleName(tr("Region to scan"));
    auto *scanButton = new QPushButton(tr("Scan region"), m_scanBox);
    scanButton->setObjectName(QStringLiteral("scanRegionButton"));
    scanButton->setAccessibleName(tr("Scan region"));
    scanButton->setToolTip(tr("Asks Cloudcraft for a live inventory of the region (counts as an export)."));
    auto *scanRow = new QHBoxLayout(m_scanBox);
    scanRow->setContentsMargins(0, 6, 0, 0);
    scanRow->addWidget(m_regionCombo, 1);
    scanRow->addWidget(scanButton);
    connect(scanButton, &QPushButton::clicked, this, [this] {
        const QString region = m_regionCombo->currentText().trimmed();
        if (!region.isEmpty())
            Q_EMIT scanRequested(region);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_fieldsBox);
    layout->addWidget(m_scanBox);
    layout->addSpacing(8); // one clear break between the facts and the contents, not a gap between every row
    layout->addWidget(m_resourcesHeading);
    layout->addWidget(m_resourcesMessage);
    layout->addWidget(m_resources, 1);
    layout->addWidget(m_empty, 1);
    // Takes the spare height while the resource list is hidden (loading, none), so the sections above stay packed
    // at the top instead of spreading out; with the list shown its stretch wins.
    layout->addStretch(0);
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
        valueLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        valueLabel->setObjectName(QStringLiteral("field_") + label);
        valueLabel->setAccessibleName(label);
        valueLabel->setWordWrap(true);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *nameLabel = new QLabel(label, m_fieldsBox);
        nameLabel->setForegroundRole(QPalette::PlaceholderText); // names recede, values read first
        nameLabel->setBuddy(valueLabel);
        m_fields->addRow(nameLabel, valueLabel);
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
    m_hasResources = false;
    m_title->clear();
    m_subtitle->clear();
    setFields({});
    m_resources->clear();
    m_scanBox->hide();
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
    m_resourcesHeading->setText(tr("Resources"));
    setFields({{tr("ID"), summary.id},
               {tr("Tags"), summary.tags.join(QStringLiteral(", "))},
               {tr("Team"), teams.join(QStringLiteral(", "))},
               {tr("Created"), dateText(summary.createdAt)},
               {tr("Updated"), dateText(summary.updatedAt)},
               {tr("Creator"), nameFor(summary.creatorId)}});
    m_empty->hide();
    m_scanBox->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox,
                       static_cast<QWidget *>(m_resourcesHeading)})
        w->show();
    m_resources->clear();
    m_resources->hide();
    m_hasResources = false;
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
        auto *item = new QTreeWidgetItem(m_resources, {typeLabel(type), QString::number(count)});
        item->setData(0, Qt::UserRole, type);
        item->setToolTip(0, type);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        total += count;
    }
    m_resources->setVisible(!rows.isEmpty());
    setResourcesMessage(rows.isEmpty() ? tr("No resources.")
                                       : tr("%n item(s) in %1 types", nullptr, total).arg(rows.size()));
    m_hasResources = true;
    Q_EMIT resourcesLoaded();
}

QList<std::pair<QString, int>> InspectorPanel::resourceCounts() const
{
    QList<std::pair<QString, int>> rows;
    for (int i = 0; i < m_resources->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_resources->topLevelItem(i);
        rows.append({item->data(0, Qt::UserRole).toString(), item->text(1).toInt()});
    }
    return rows;
}

void InspectorPanel::setScanRegions(const QStringList &regions)
{
    const QString current = m_regionCombo->currentText();
    m_regionCombo->clear();
    m_regionCombo->addItems(regions);
    if (!current.isEmpty() && regions.contains(current))
        m_regionCombo->setCurrentText(current);
}

void InspectorPanel::showAccountFields(const QString &name, const QString &kind,
                                       const QList<std::pair<QString, QString>> &fields)
{
    m_title->setText(name);
    m_subtitle->setText(kind);
    setFields(fields);
    m_empty->hide();
    m_resources->clear();
    m_resources->hide();
    m_hasResources = false;
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_subtitle), m_fieldsBox,
                       static_cast<QWidget *>(m_resourcesHeading), m_scanBox})
        w->show();
    m_resourcesHeading->setText(tr("Live inventory"));
    setResourcesMessage(tr("Choose a region and scan it to see what runs there."));
}

void InspectorPanel::showAwsAccount(const Core::AwsAccount &account)
{
    showAccountFields(account.name, tr("AWS account"),
                      {{tr("ID"), account.id},
                       {tr("Role ARN"), account.roleArn},
                       {tr("Created"), dateText(account.createdAt)},
                       {tr("Updated"), dateText(account.updatedAt)},
                       {tr("Creator"), nameFor(account.creatorId)}});
}

void InspectorPanel::showAzureAccount(const Core::AzureAccount &account)
{
    showAccountFields(account.name, tr("Azure subscription"),
                      {{tr("ID"), account.id},
                       {tr("Subscription"), account.subscriptionId},
                       {tr("Directory"), account.directoryId},
                       {tr("Application"), account.applicationId},
                       {tr("Created"), dateText(account.createdAt)},
                       {tr("Updated"), dateText(account.updatedAt)},
                       {tr("Creator"), nameFor(account.creatorId)}});
}

void InspectorPanel::showRegion(const QString &accountName, const QString &region)
{
    showAccountFields(region, tr("Region of %1").arg(accountName), {{tr("Account"), accountName}, {tr("Region"), region}});
    m_scanBox->hide();
    setResourcesMessage(tr("Scanning %1…").arg(region));
}

} // namespace Cloudcraft::Ui
