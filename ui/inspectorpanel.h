#pragma once

#include "api/apitypes.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;
class QFormLayout;
class QStackedWidget;

namespace Cloudcraft::Ui {

/// What the blueprint or account in focus is: its facts (name, id, tags, team, dates, creator) and the resources it
/// holds, counted by type. Read-only; the controllers feed it.
class InspectorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorPanel)

public:
    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    /// Display names for ids (team ids → team names, user ids → user names).
    void setNames(const QHash<QString, QString> &names) { m_names = names; }

    void showBlueprint(const Core::BlueprintSummary &summary);
    /// The diagram document of the blueprint shown; fills the resource counts.
    void setBlueprintData(const QJsonObject &document);
    void setResourcesMessage(const QString &text);
    void showAwsAccount(const Core::AwsAccount &account);
    void showAzureAccount(const Core::AzureAccount &account);
    /// A region of a linked account: its inventory follows with setBlueprintData() once scanned.
    void showRegion(const QString &accountName, const QString &region);
    void showNothing();
    /// Regions offered by "Scan a region" under an account.
    void setScanRegions(const QStringList &regions);

    /// (API type, count) rows currently shown, largest first.
    QList<std::pair<QString, int>> resourceCounts() const;
    QString fieldText(const QString &field) const;

    /// Resource counts of a blueprint document: nodes by `type`, plus groups (VPCs, subnets...) by `type`.
    static QList<std::pair<QString, int>> countResources(const QJsonObject &document);

    /// Whether the resource counts of what is shown are in (setBlueprintData() since the last show...()).
    bool hasResources() const { return m_hasResources; }

Q_SIGNALS:
    /// The user asked for a live scan of `region` of the account shown.
    void scanRequested(const QString &region);
    /// The resource counts of the blueprint or region shown are in (setBlueprintData()).
    void resourcesLoaded();

private:
    void showAccountFields(const QString &name, const QString &kind, const QList<std::pair<QString, QString>> &fields);
    void setFields(const QList<std::pair<QString, QString>> &fields);
    QString nameFor(const QString &id) const;
    QString dateText(const QDateTime &time) const;

    QHash<QString, QString> m_names;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_fieldsBox = nullptr;
    QFormLayout *m_fields = nullptr;
    QHash<QString, QLabel *> m_fieldLabels;
    QLabel *m_resourcesHeading = nullptr;
    QTreeWidget *m_resources = nullptr;
    QLabel *m_resourcesMessage = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_scanBox = nullptr;
    QComboBox *m_regionCombo = nullptr;
    bool m_hasResources = false;
};

} // namespace Cloudcraft::Ui
