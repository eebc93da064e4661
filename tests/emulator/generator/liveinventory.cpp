#include "liveinventory.h"

#include "diagrambuilder.h"

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

enum class Tier { Public, Private, Data, Outside };

struct Resource
{
    QString id;
    QString type;
    QString name;
    Tier tier = Tier::Private;
    QJsonObject props; ///< type-specific fields plus arn/resourceId
    int slot = 0; ///< fixed place in its tier's band, kept for the resource's whole life
};

/// Where each tier's slots sit on the grid, planned once for the whole scenario (the emulator knows every step up
/// front, a real account would reserve room the same way). Why planned: an image export fits the drawing's
/// outline into the requested size and centres it, so a subnet that grew past the outline would shift every
/// resource in the picture and a before/after diff would mark the whole diagram. The plan picks the number of
/// columns that keeps the outline the same at every step and gives each band the rows it will ever need, so a
/// new resource fills a free slot (or a reserved row at its band's end) and nothing else moves.
class SlotLayout
{
public:
    static SlotLayout plan(const QList<QList<Resource>> &steps)
    {
        SlotLayout best;
        int bestStablePairs = -1;
        for (int columns = kMaxColumns; columns >= 2; --columns) {
            const SlotLayout candidate(steps, columns);
            int stablePairs = 0;
            for (qsizetype i = 1; i < steps.size(); ++i)
                stablePairs += candidate.outline(steps.at(i)) == candidate.outline(steps.at(i - 1)) ? 1 : 0;
            if (stablePairs == steps.size() - 1)
                return candidate;
            if (stablePairs > bestStablePairs) {
                best = candidate;
                bestStablePairs = stablePairs;
            }
        }
        return best;
    }

    QPointF position(Tier tier, int slot) const
    {
        return QPointF(
            1.0 + kPitch * (slot % m_columns), m_bandTop[static_cast<size_t>(tier)] + kPitch * (slot / m_columns));
    }

private:
    static constexpr int kMaxColumns = 8;
    static constexpr double kPitch = 1.5;

    SlotLayout() = default;
    SlotLayout(const QList<QList<Resource>> &steps, int columns)
        : m_columns(columns)
    {
        std::array<int, 4> rows { 1, 1, 1, 1 };
        for (const QList<Resource> &resources : steps) {
            for (const Resource &resource : resources) {
                int &tierRows = rows[static_cast<size_t>(resource.tier)];
                tierRows = std::max(tierRows, resource.slot / columns + 1);
            }
        }
        // Gaps between bands as the scans always had them: room for subnet titles and the edges between tiers.
        const std::array<double, 3> gaps { 3.0, 5.0, 3.5 };
        for (size_t band = 1; band < 4; ++band)
            m_bandTop[band] = m_bandTop[band - 1] + (rows[band - 1] - 1) * kPitch + gaps[band - 1];
    }

    /// Roughly what an export fits into the image: the VPC (resources plus subnet and VPC padding and titles)
    /// and the resources outside it with their labels. Only compared between steps, so rough is enough.
    QRectF outline(const QList<Resource> &resources) const
    {
        QRectF inside;
        QRectF outside;
        for (const Resource &resource : resources) {
            const QRectF cell(position(resource.tier, resource.slot), QSizeF(1.0, 1.0));
            QRectF &area = resource.tier == Tier::Outside ? outside : inside;
            area = area.isNull() ? cell : area.united(cell);
        }
        if (!inside.isNull())
            inside.adjust(-1.2, -1.6, 1.2, 1.6);
        if (!outside.isNull())
            outside.adjust(-0.6, 0.0, 0.6, 0.6);
        return inside.isNull() ? outside : outside.isNull() ? inside : inside.united(outside);
    }

    int m_columns = kMaxColumns;
    std::array<double, 4> m_bandTop {};
};

/// Builds and mutates one region's resources; renders them as scan results.
class RegionInventory
{
public:
    RegionInventory(const LiveAccountContext &account, const QString &region, Rng &rng)
        : m_account(account)
        , m_region(region)
        , m_rng(rng)
    {
        // Container ids are fixed for the whole scenario, like the VPC a real account keeps.
        m_vpcId = rng.uuid();
        m_subnetIds = { rng.uuid(), rng.uuid(), rng.uuid() };
        m_sgId = rng.uuid();
        m_vpcName = (account.azure ? u"vnet-"_s : QString()) + account.environment + u"-"_s
            + (account.azure ? region : u"vpc"_s);
        m_vpcCloudId = u"vpc-"_s + rng.hex(17);
    }

    void seed(int size)
    {
        if (m_account.azure) {
            add(u"azureappgateway"_s, u"agw-"_s + m_account.environment, Tier::Public, {});
            add(u"azurelb"_s, u"lb-"_s + m_account.environment + u"-web"_s, Tier::Public, {});
            for (int i = 0; i < 2 + size; ++i)
                addAzureVm();
            add(u"azuresql"_s, u"sqldb-"_s + m_account.environment, Tier::Data,
                QJsonObject { { u"tier"_s, u"Standard"_s }, { u"instance"_s, u"S1"_s } });
            add(u"azureredis"_s, u"redis-"_s + m_account.environment, Tier::Data, {});
            add(u"azureblob"_s, u"st"_s + m_account.environment + m_rng.hex(6), Tier::Outside, {});
            return;
        }
        add(u"elb"_s, m_account.environment + u"-web-alb"_s, Tier::Public,
            QJsonObject { { u"elbType"_s, u"application"_s }, { u"lcu"_s, 2 } });
        add(u"natgateway"_s, m_account.environment + u"-nat"_s, Tier::Public, QJsonObject { { u"dataGb"_s, 100 } });
        for (int i = 0; i < 2 + size; ++i)
            addEc2();
        add(u"lambda"_s, m_account.environment + u"-thumbnailer"_s, Tier::Private,
            QJsonObject { { u"memory"_s, 512 }, { u"mRequests"_s, 2 }, { u"computeDuration"_s, 300 } });
        add(u"rds"_s, m_account.environment + u"-db"_s, Tier::Data,
            QJsonObject { { u"engine"_s, u"postgres"_s }, { u"instanceType"_s, u"r5"_s },
                { u"instanceSize"_s, u"large"_s }, { u"role"_s, u"primary"_s }, { u"storage"_s, 200 },
                { u"multiAZ"_s, true } });
        add(u"elasticache"_s, m_account.environment + u"-sessions"_s, Tier::Data,
            QJsonObject { { u"engine"_s, u"redis"_s }, { u"instanceType"_s, u"cache.t3"_s },
                { u"instanceSize"_s, u"medium"_s }, { u"nodeCount"_s, 1 } });
        add(u"s3"_s, m_account.environment + u"-uploads-"_s + m_rng.hex(8), Tier::Outside,
            QJsonObject { { u"volumeType"_s, u"Standard"_s }, { u"dataGb"_s, 420 } });
        add(u"dynamodb"_s, m_account.environment + u"-jobs"_s, Tier::Outside,
            QJsonObject { { u"readUnits"_s, 10 }, { u"writeUnits"_s, 5 }, { u"datasetGb"_s, 3 } });
    }

    /// Applies the change from step `step - 1` to `step`.
    void advance(int step)
    {
        if (step == 1 || (step > 2 && step % 2 == 1)) {
            // Growth: new instances (and a queue on the first change), one existing resource resized.
            if (m_account.azure) {
                addAzureVm();
                if (step == 1)
                    add(u"azurefunctions"_s, u"func-"_s + m_account.environment + u"-events"_s, Tier::Private, {});
                change(u"azurevm"_s, u"instance"_s, QJsonValue(u"D4s_v3"_s), QJsonValue(u"E4s_v3"_s));
            } else {
                addEc2();
                addEc2();
                if (step == 1)
                    add(u"sqs"_s, m_account.environment + u"-events"_s, Tier::Outside,
                        QJsonObject { { u"requests"_s, 4 }, { u"queueType"_s, u"standard"_s } });
                change(u"ec2"_s, u"instanceSize"_s, QJsonValue(u"xlarge"_s), QJsonValue(u"2xlarge"_s));
            }
            return;
        }
        // Shrink: one resource removed, another one changed.
        if (m_account.azure) {
            remove(step == 2 ? u"azureredis"_s : u"azurevm"_s);
            change(u"azuresql"_s, u"instance"_s, QJsonValue(u"S2"_s), QJsonValue(u"S3"_s));
        } else {
            remove(step == 2 ? u"elasticache"_s : u"ec2"_s);
            change(u"rds"_s, u"instanceSize"_s, QJsonValue(u"2xlarge"_s), QJsonValue(u"4xlarge"_s));
        }
    }

    const QList<Resource> &resources() const { return m_resources; }

    /// One scan result: `resources` (a copy of resources() at some step) drawn at their slots in `layout`.
    QJsonObject snapshot(const QList<Resource> &resources, const SlotLayout &layout) const
    {
        DiagramBuilder b(m_rng, m_region);
        std::array<QStringList, 4> members;
        for (const Resource &resource : resources) {
            QJsonObject props = resource.props;
            props.insert(u"name"_s, resource.name);
            const QPointF place = layout.position(resource.tier, resource.slot);
            b.nodeWithId(resource.id, resource.type, place.x(), place.y(), props);
            members[static_cast<size_t>(resource.tier)] << resource.id;
        }
        const QString subnetType = m_account.azure ? u"azuresubnet"_s : u"subnet"_s;
        const QStringList subnetNames { u"public"_s, u"private"_s, u"data"_s };
        const Tier tiers[] = { Tier::Public, Tier::Private, Tier::Data };
        QStringList vpcMembers;
        for (int i = 0; i < 3; ++i) {
            const QStringList &ids = members[static_cast<size_t>(tiers[i])];
            if (ids.isEmpty())
                continue;
            QJsonObject props;
            if (!m_account.azure) {
                props.insert(u"arn"_s,
                    QString(u"arn:aws:ec2:"_s + m_region + u':' + m_account.awsAccountNumber + u":subnet/subnet-"_s
                        + m_subnetIds.at(i).left(8)));
            }
            b.groupWithId(m_subnetIds.at(i), subnetType, m_account.environment + u'-' + subnetNames.at(i), ids, props);
            vpcMembers << m_subnetIds.at(i);
        }
        QStringList webTier;
        for (const Resource &resource : resources) {
            if (resource.type == u"ec2" || resource.type == u"azurevm")
                webTier << resource.id;
        }
        if (!webTier.isEmpty()) {
            QJsonObject props;
            if (!m_account.azure) {
                props.insert(u"arn"_s,
                    QString(u"arn:aws:ec2:"_s + m_region + u':' + m_account.awsAccountNumber + u":security-group/sg-"_s
                        + m_sgId.left(8)));
            }
            b.groupWithId(
                m_sgId, m_account.azure ? u"azurensg"_s : u"sg"_s, m_account.environment + u"-web"_s, webTier, props);
        }
        QJsonObject vpcProps;
        if (m_account.azure) {
            vpcProps.insert(u"resourceId"_s, azureId(u"Microsoft.Network/virtualNetworks"_s, m_vpcName));
        } else {
            vpcProps.insert(u"arn"_s,
                QString(u"arn:aws:ec2:"_s + m_region + u':' + m_account.awsAccountNumber + u":vpc/"_s + m_vpcCloudId));
        }
        b.groupWithId(m_vpcId, m_account.azure ? u"azurevnet"_s : u"vpc"_s, m_vpcName, vpcMembers, vpcProps);
        connect(b, resources);
        return b.liveData(
            m_account.name + u' ' + m_region, m_account.accountId, m_account.azure ? u"azure"_s : u"aws"_s);
    }

private:
    QString azureId(const QString &provider, const QString &name) const
    {
        return u"/subscriptions/"_s + m_account.subscriptionId + u"/resourceGroups/"_s + m_account.resourceGroup
            + u"/providers/"_s + provider + u'/' + name;
    }

    QString cloudIdentifier(const QString &type, const QString &name)
    {
        if (m_account.azure) {
            static const QHash<QString, QString> providers = {
                { u"azurevm"_s, u"Microsoft.Compute/virtualMachines"_s },
                { u"azurelb"_s, u"Microsoft.Network/loadBalancers"_s },
                { u"azureappgateway"_s, u"Microsoft.Network/applicationGateways"_s },
                { u"azuresql"_s, u"Microsoft.Sql/servers/sql-"_s + m_account.environment + u"/databases"_s },
                { u"azureredis"_s, u"Microsoft.Cache/Redis"_s },
                { u"azureblob"_s, u"Microsoft.Storage/storageAccounts"_s },
                { u"azurefunctions"_s, u"Microsoft.Web/sites"_s },
            };
            return azureId(providers.value(type, u"Microsoft.Resources/resources"_s), name);
        }
        const QString prefix = u"arn:aws:"_s;
        const QString scope = m_region + u':' + m_account.awsAccountNumber + u':';
        if (type == u"ec2")
            return prefix + u"ec2:"_s + scope + u"instance/i-"_s + m_rng.hex(17);
        if (type == u"elb")
            return prefix + u"elasticloadbalancing:"_s + scope + u"loadbalancer/app/"_s + name + u'/' + m_rng.hex(16);
        if (type == u"natgateway")
            return prefix + u"ec2:"_s + scope + u"natgateway/nat-"_s + m_rng.hex(17);
        if (type == u"lambda")
            return prefix + u"lambda:"_s + scope + u"function:"_s + name;
        if (type == u"rds")
            return prefix + u"rds:"_s + scope + u"db:"_s + name;
        if (type == u"elasticache")
            return prefix + u"elasticache:"_s + scope + u"cluster:"_s + name;
        if (type == u"s3")
            return prefix + u"s3:::"_s + name;
        if (type == u"dynamodb")
            return prefix + u"dynamodb:"_s + scope + u"table/"_s + name;
        if (type == u"sqs")
            return prefix + u"sqs:"_s + scope + name;
        return prefix + type + u':' + scope + name;
    }

    void add(const QString &type, const QString &name, Tier tier, QJsonObject props)
    {
        props.insert(m_account.azure ? u"resourceId"_s : u"arn"_s, cloudIdentifier(type, name));
        m_resources.append(Resource { m_rng.uuid(), type, name, tier, props, freeSlot(tier) });
    }

    /// The first slot of `tier` nobody holds: a removed resource's place is taken by the next one to come.
    int freeSlot(Tier tier) const
    {
        QSet<int> taken;
        for (const Resource &resource : m_resources) {
            if (resource.tier == tier)
                taken.insert(resource.slot);
        }
        int slot = 0;
        while (taken.contains(slot))
            ++slot;
        return slot;
    }

    void addEc2()
    {
        const int number = ++m_instanceCounter;
        add(u"ec2"_s, m_account.environment + u"-web-"_s + QString::number(number), Tier::Private,
            QJsonObject { { u"instanceType"_s, u"m5"_s }, { u"instanceSize"_s, u"large"_s },
                { u"platform"_s, u"linux"_s }, { u"transparent"_s, false },
                { u"billingOptions"_s, QJsonObject { { u"type"_s, u"od"_s }, { u"utilization"_s, 1 } } } });
    }

    void addAzureVm()
    {
        const int number = ++m_instanceCounter;
        add(u"azurevm"_s, u"vm-"_s + m_account.environment + u"-web-"_s + QString::number(number), Tier::Private,
            QJsonObject { { u"instance"_s, u"D2s_v3"_s }, { u"platform"_s, u"linux"_s }, { u"tier"_s, u"Standard"_s },
                { u"reservationTerm"_s, u"OnDemand"_s } });
    }

    /// Changes `key` on the first resource of `type`; if it already has `value`, uses `alternative`.
    void change(const QString &type, const QString &key, const QJsonValue &value, const QJsonValue &alternative)
    {
        for (Resource &resource : m_resources) {
            if (resource.type != type)
                continue;
            resource.props.insert(key, resource.props.value(key) == value ? alternative : value);
            return;
        }
    }

    void remove(const QString &type)
    {
        // The newest resource of that type goes (scale-in removes the youngest instance).
        for (qsizetype i = m_resources.size() - 1; i >= 0; --i) {
            if (m_resources.at(i).type == type) {
                m_resources.removeAt(i);
                return;
            }
        }
    }

    void connect(DiagramBuilder &b, const QList<Resource> &resources) const
    {
        auto idsOf = [&resources](const QString &type) {
            QStringList ids;
            for (const Resource &resource : resources) {
                if (resource.type == type)
                    ids << resource.id;
            }
            return ids;
        };
        auto link = [&b](const QStringList &from, const QStringList &to) {
            for (const QString &source : from) {
                for (const QString &target : to)
                    b.autoEdge(source, target);
            }
        };
        if (m_account.azure) {
            link(idsOf(u"azureappgateway"_s), idsOf(u"azurelb"_s));
            link(idsOf(u"azurelb"_s), idsOf(u"azurevm"_s));
            link(idsOf(u"azurevm"_s), idsOf(u"azuresql"_s));
            link(idsOf(u"azurevm"_s).mid(0, 1), idsOf(u"azureredis"_s));
            link(idsOf(u"azurefunctions"_s), idsOf(u"azureblob"_s));
            return;
        }
        link(idsOf(u"elb"_s), idsOf(u"ec2"_s));
        link(idsOf(u"ec2"_s), idsOf(u"rds"_s));
        link(idsOf(u"ec2"_s).mid(0, 1), idsOf(u"elasticache"_s));
        link(idsOf(u"lambda"_s), idsOf(u"dynamodb"_s));
        link(idsOf(u"lambda"_s), idsOf(u"s3"_s));
        link(idsOf(u"lambda"_s), idsOf(u"sqs"_s));
    }

    const LiveAccountContext &m_account;
    QString m_region;
    Rng &m_rng;
    QList<Resource> m_resources;
    QString m_vpcId;
    QStringList m_subnetIds;
    QString m_sgId;
    QString m_vpcName;
    QString m_vpcCloudId;
    int m_instanceCounter = 0;
};

} // namespace

QJsonArray LiveInventory::scenario(
    const LiveAccountContext &account, const QString &region, int steps, int size, Rng &rng)
{
    RegionInventory inventory(account, region, rng);
    inventory.seed(size);
    QList<QList<Resource>> states { inventory.resources() };
    for (int step = 1; step < std::max(1, steps); ++step) {
        inventory.advance(step);
        states.append(inventory.resources());
    }
    // Drawing consumes no random numbers, so planning before drawing keeps every id as it was.
    const SlotLayout layout = SlotLayout::plan(states);
    QJsonArray result;
    for (const QList<Resource> &resources : std::as_const(states))
        result.append(inventory.snapshot(resources, layout));
    return result;
}

} // namespace Cloudcraft::Emulator
