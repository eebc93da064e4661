#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Cloudcraft::Core {

/// How urgently a call should leave the client-side queue. Interactive jumps ahead of Normal, Normal of Batch.
enum class Priority { Interactive = 0, Normal = 1, Batch = 2 };

/// Query parameters in order, unencoded (ApiRequest percent-encodes every key and value when building the URL).
using QueryItems = QList<std::pair<QString, QString>>;

/// Every typed value keeps the JSON object it was parsed from in `raw`, so fields we do not model survive a
/// read-modify-write and can be shown by a JSON view.

struct User {
    QString id;
    QString name;
    QString email;
    QJsonObject settings;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime accessedAt;
    QJsonObject raw;
};

struct TeamMember {
    QString id;
    QString role;
    QString userId;
    QString name;
    QString email;
    bool mfaEnabled = false;
    QJsonObject raw;
};

struct Team {
    QString id;
    QString name;
    QString customerId;
    QString role;
    bool visible = false;
    bool crossOrganizational = false;
    bool externalSharing = false;
    QList<TeamMember> members; ///< an object where a list was expected gives one member
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject raw;
};

/// A blueprint as listed by GET /blueprint (no diagram data).
struct BlueprintSummary {
    QString id;
    QString name;
    QStringList tags;        ///< `null` → empty
    QStringList readAccess;  ///< "team/<id>" / "customer/<id>"; `null` → empty
    QStringList writeAccess;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString creatorId;
    QString lastUserId;
    QString customerId;
    QString currentVersionId;
    QJsonObject raw;
};

/// A full blueprint (GET /blueprint/{id}, POST /blueprint).
struct Blueprint {
    BlueprintSummary summary;
    QJsonObject data; ///< the diagram document, kept as received
    QString etag;     ///< from the ETag header; send back as If-Match on update

    QString name() const { return summary.name.isEmpty() ? data.value(QLatin1String("name")).toString() : summary.name; }
    /// The document to PUT back: the received top-level object with `data` (and `name`) replaced.
    QJsonObject toDocument() const;
};

struct AwsAccount {
    QString id; ///< Cloudcraft account id, not the 12-digit AWS account number
    QString name;
    QString roleArn;
    QString externalId;
    QStringList readAccess;
    QStringList writeAccess;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString creatorId;
    QString source;
    QJsonObject raw;
};

struct AzureAccount {
    QString id;
    QString name;
    QString applicationId;
    QString directoryId;
    QString subscriptionId;
    QString hint; ///< a few characters of the client secret; the secret itself is never returned
    QStringList readAccess;
    QStringList writeAccess;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString creatorId;
    QString source;
    QJsonObject raw;
};

struct IamParameters {
    QString accountId; ///< Cloudcraft's AWS account to trust
    QString externalId;
    QString awsConsoleUrl;
    QJsonObject raw;
};

/// Body of POST/PUT /aws/account. Unset optionals are not sent.
struct AwsAccountInput {
    QString name;
    QString roleArn;
    std::optional<QString> region; ///< region used to validate the role (create only)
    std::optional<QStringList> readAccess;
    std::optional<QStringList> writeAccess;
    QJsonObject toJson() const;
};

/// Body of POST/PUT /azure/account. `clientSecret` is a secret: never log this object.
struct AzureAccountInput {
    QString name;
    QString applicationId;
    QString directoryId;
    QString subscriptionId;
    std::optional<QString> clientSecret; ///< required on create, optional on update
    std::optional<QStringList> readAccess;
    std::optional<QStringList> writeAccess;
    QJsonObject toJson() const;
};

enum class IamPolicyKind { Custom, Minimal };

/// Formats of GET /blueprint/{id}/{format} and of account snapshots. Json and Webp are accepted by some servers only.
enum class ExportFormat { Png, Svg, Pdf, MxGraph, Json, Webp };
QString exportFormatName(ExportFormat format);                     ///< path segment: "png", "mxGraph"...
std::optional<ExportFormat> exportFormatFromName(QStringView name); ///< case-insensitive
QString exportFormatFileSuffix(ExportFormat format);               ///< "png", "drawio"...

enum class BudgetFormat { Csv, Xlsx };
QString budgetFormatName(BudgetFormat format);
std::optional<BudgetFormat> budgetFormatFromName(QStringView name);

/// Query options of the image export. Every set optional is sent explicitly (booleans as "true"/"false").
struct ExportOptions {
    std::optional<double> scale;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<bool> grid;
    std::optional<bool> transparent;
    std::optional<bool> landscape;
    std::optional<QString> paperSize;  ///< Letter, Legal, Tabloid, Ledger, A0..A5
    std::optional<QString> theme;      ///< light | dark
    std::optional<QString> projection; ///< isometric | 2d
    void addTo(QueryItems &query) const;
};

/// Query options of an account snapshot: the export options plus the live-scan options.
struct SnapshotOptions {
    ExportOptions render;
    std::optional<QString> filter; ///< live search expression, e.g. "env=prod AND type=ec2"
    QStringList exclude;           ///< component types, sent comma-separated
    std::optional<bool> label;       ///< server default true; send false explicitly to turn it off
    std::optional<bool> autoconnect; ///< server default true
    void addTo(QueryItems &query) const;
};

struct BudgetOptions {
    std::optional<QString> currency; ///< ISO 4217, server default USD
    std::optional<QString> period;   ///< h d w m y, server default m
    std::optional<QString> rate;     ///< effective | stated
    void addTo(QueryItems &query) const;
};

/// A component position: `[x, y]` or, for text, `{"relTo": id, "offset": [x, y]}`.
struct MapPos {
    bool valid = false;
    bool relative = false;
    QPointF pos;   ///< absolute position, or the offset when relative
    QString relTo; ///< id of the component it is relative to
};

} // namespace Cloudcraft::Core
