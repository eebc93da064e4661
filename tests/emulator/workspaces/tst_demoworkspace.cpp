// The committed demo workspace (tests/emulator/workspaces/demo.json) is what the demo and many tests run on:
// check every field the contract (docs/contracts.md) needs and that its scan scenario really changes.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#ifdef CLOUDCRAFT_HAVE_RENDERER
#include "diagramrenderer.h"
#endif

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
const QRegularExpression kTimestamp(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"_s);
const QRegularExpression kKey(u"^[A-Za-z0-9+/]{43}=$"_s);

struct StepDiff
{
    int added = 0;
    int removed = 0;
    int changed = 0;
    int moved = 0;
};

QHash<QString, QJsonObject> nodesById(const QJsonObject &data)
{
    QHash<QString, QJsonObject> nodes;
    for (const QJsonValue &value : data.value(u"nodes"_s).toArray())
        nodes.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
    return nodes;
}

StepDiff diff(const QJsonObject &before, const QJsonObject &after)
{
    const QHash<QString, QJsonObject> old = nodesById(before);
    const QHash<QString, QJsonObject> now = nodesById(after);
    StepDiff result;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!old.contains(it.key()))
            ++result.added;
        else {
            // Position follows from the layout; a change is a change of the resource itself.
            QJsonObject a = old.value(it.key());
            QJsonObject b = it.value();
            if (a.value(u"mapPos"_s) != b.value(u"mapPos"_s))
                ++result.moved;
            a.remove(u"mapPos"_s);
            b.remove(u"mapPos"_s);
            if (a != b)
                ++result.changed;
        }
    }
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!now.contains(it.key()))
            ++result.removed;
    }
    return result;
}

bool isTimestamp(const QJsonValue &value)
{
    return kTimestamp.match(value.toString()).hasMatch();
}

bool isUuid(const QJsonValue &value)
{
    return kUuid.match(value.toString()).hasMatch();
}

} // namespace

class TestDemoWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysAndUsers();
    void teams();
    void blueprints();
    void blueprintDiagramsAreConsistent();
    void awsAccounts();
    void azureAccount();
    void scenarioHasThreeStepsWithRealChanges();
    void iamParametersAndPolicies();
    void everythingRenders();

private:
    QJsonObject m_workspace;
    QSet<QString> m_userIds;
    QSet<QString> m_teamIds;
};

void TestDemoWorkspace::initTestCase()
{
    QFile file(QStringLiteral(CLOUDCRAFT_DEMO_WORKSPACE));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error {};
    m_workspace = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const QJsonValue &user : m_workspace.value(u"users"_s).toArray())
        m_userIds.insert(user.toObject().value(u"id"_s).toString());
    for (const QJsonValue &team : m_workspace.value(u"teams"_s).toArray())
        m_teamIds.insert(team.toObject().value(u"id"_s).toString());
}

void TestDemoWorkspace::keysAndUsers()
{
    const QJsonArray users = m_workspace.value(u"users"_s).toArray();
    QVERIFY(users.size() >= 2 && users.size() <= 3);
    QCOMPARE(m_userIds.size(), users.size());
    for (const QJsonValue &value : users) {
        const QJsonObject user = value.toObject();
        QVERIFY(isUuid(user.value(u"id"_s)));
        QVERIFY(!user.value(u"name"_s).toString().isEmpty());
        QVERIFY(user.value(u"email"_s).toString().contains(u'@'));
        QVERIFY(user.value(u"settings"_s).isObject());
        for (const QString &field : { u"createdAt"_s, u"updatedAt"_s, u"accessedAt"_s })
            QVERIFY2(isTimestamp(user.value(field)), qPrintable(field));
        QVERIFY(user.value(u"createdAt"_s).toString() <= user.value(u"updatedAt"_s).toString());
    }

    const QJsonArray keys = m_workspace.value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 2);
    QSet<QString> access;
    QSet<QString> values;
    for (const QJsonValue &value : keys) {
        const QJsonObject key = value.toObject();
        QVERIFY2(kKey.match(key.value(u"key"_s).toString()).hasMatch(), "44-character base64 key");
        QVERIFY(m_userIds.contains(key.value(u"userId"_s).toString()));
        QVERIFY(!key.value(u"name"_s).toString().isEmpty());
        access.insert(key.value(u"access"_s).toString());
        values.insert(key.value(u"key"_s).toString());
    }
    QCOMPARE(access, (QSet<QString> { u"read-write"_s, u"read"_s }));
    QCOMPARE(values.size(), 2);
}

void TestDemoWorkspace::teams()
{
    const QJsonArray teams = m_workspace.value(u"teams"_s).toArray();
    QCOMPARE(teams.size(), 3);
    for (const QJsonValue &value : teams) {
        const QJsonObject team = value.toObject();
        QVERIFY(isUuid(team.value(u"id"_s)));
        QVERIFY(isUuid(team.value(u"customerId"_s)));
        QVERIFY(!team.value(u"name"_s).toString().isEmpty());
        for (const QString &field : { u"visible"_s, u"crossOrganizational"_s, u"externalSharing"_s })
            QVERIFY2(team.value(field).isBool(), qPrintable(field));
        QVERIFY(isTimestamp(team.value(u"createdAt"_s)) && isTimestamp(team.value(u"updatedAt"_s)));
        QVERIFY(!team.value(u"role"_s).toString().isEmpty());
        const QJsonArray members = team.value(u"members"_s).toArray();
        QVERIFY(!members.isEmpty());
        for (const QJsonValue &member : members) {
            QVERIFY(m_userIds.contains(member.toObject().value(u"userId"_s).toString()));
            QVERIFY(member.toObject().value(u"mfaEnabled"_s).isBool());
        }
    }
}

void TestDemoWorkspace::blueprints()
{
    const QJsonArray blueprints = m_workspace.value(u"blueprints"_s).toArray();
    QVERIFY(blueprints.size() >= 10 && blueprints.size() <= 15);
    const QString customer = m_workspace.value(u"teams"_s).toArray().at(0).toObject().value(u"customerId"_s).toString();
    QSet<QString> ids;
    QSet<QString> tags;
    QSet<QString> teamsUsed;
    int privateOnes = 0;
    for (const QJsonValue &value : blueprints) {
        const QJsonObject blueprint = value.toObject();
        const QString name = blueprint.value(u"name"_s).toString();
        QVERIFY(isUuid(blueprint.value(u"id"_s)));
        ids.insert(blueprint.value(u"id"_s).toString());
        QVERIFY(!name.isEmpty());
        QCOMPARE(blueprint.value(u"data"_s).toObject().value(u"name"_s).toString(), name);
        QVERIFY(isTimestamp(blueprint.value(u"createdAt"_s)) && isTimestamp(blueprint.value(u"updatedAt"_s)));
        QVERIFY(m_userIds.contains(blueprint.value(u"CreatorId"_s).toString()));
        QVERIFY(m_userIds.contains(blueprint.value(u"LastUserId"_s).toString()));
        QCOMPARE(blueprint.value(u"CustomerId"_s).toString(), customer);
        QVERIFY(isUuid(blueprint.value(u"CurrentVersionId"_s)));
        QVERIFY(blueprint.value(u"tags"_s).isArray() || blueprint.value(u"tags"_s).isNull());
        for (const QJsonValue &tag : blueprint.value(u"tags"_s).toArray())
            tags.insert(tag.toString());
        for (const QString &acl : { u"readAccess"_s, u"writeAccess"_s }) {
            const QJsonValue entries = blueprint.value(acl);
            QVERIFY2(entries.isArray() || entries.isNull(), qPrintable(name));
            for (const QJsonValue &entry : entries.toArray()) {
                const QString text = entry.toString();
                if (text.startsWith(u"team/")) {
                    QVERIFY2(m_teamIds.contains(text.mid(5)), qPrintable(text));
                    teamsUsed.insert(text);
                } else {
                    QCOMPARE(text, u"customer/"_s + customer);
                }
            }
        }
        if (blueprint.value(u"readAccess"_s).isNull())
            ++privateOnes;
    }
    QCOMPARE(ids.size(), blueprints.size());
    QVERIFY2(tags.size() >= 4, "blueprints are spread over several tags");
    QCOMPARE(teamsUsed.size(), 3);
    QVERIFY2(privateOnes >= 1, "at least one unshared blueprint");
}

void TestDemoWorkspace::blueprintDiagramsAreConsistent()
{
    QSet<QString> types;
    for (const QJsonValue &value : m_workspace.value(u"blueprints"_s).toArray()) {
        const QJsonObject data = value.toObject().value(u"data"_s).toObject();
        const QString name = data.value(u"name"_s).toString();
        const QJsonArray nodes = data.value(u"nodes"_s).toArray();
        QVERIFY2(nodes.size() >= 5 && nodes.size() <= 20, qPrintable(name));
        QVERIFY2(!data.value(u"edges"_s).toArray().isEmpty(), qPrintable(name));
        QSet<QString> ids;
        for (const QJsonValue &node : nodes) {
            const QJsonObject object = node.toObject();
            QVERIFY(ids.insert(object.value(u"id"_s).toString()) != ids.end());
            QVERIFY(object.value(u"mapPos"_s).toArray().size() == 2);
            types.insert(object.value(u"type"_s).toString());
        }
        for (const QJsonValue &group : data.value(u"groups"_s).toArray())
            ids.insert(group.toObject().value(u"id"_s).toString());
        for (const QJsonValue &edge : data.value(u"edges"_s).toArray()) {
            QVERIFY2(ids.contains(edge.toObject().value(u"from"_s).toString()), qPrintable(name));
            QVERIFY2(ids.contains(edge.toObject().value(u"to"_s).toString()), qPrintable(name));
        }
        for (const QJsonValue &group : data.value(u"groups"_s).toArray()) {
            for (const QJsonValue &member : group.toObject().value(u"nodes"_s).toArray())
                QVERIFY2(ids.contains(member.toString()), qPrintable(name));
        }
    }
    for (const QString &type :
        { u"ec2"_s, u"rds"_s, u"s3"_s, u"lambda"_s, u"elb"_s, u"dynamodb"_s, u"eks"_s, u"cloudfront"_s, u"azurevm"_s })
        QVERIFY2(types.contains(type), qPrintable(type));
}

void TestDemoWorkspace::awsAccounts()
{
    const QJsonArray accounts = m_workspace.value(u"awsAccounts"_s).toArray();
    QCOMPARE(accounts.size(), 2);
    int maxRegions = 0;
    for (const QJsonValue &value : accounts) {
        const QJsonObject account = value.toObject();
        QVERIFY(isUuid(account.value(u"id"_s)));
        QVERIFY(!account.value(u"name"_s).toString().isEmpty());
        QVERIFY(QRegularExpression(u"^arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+$"_s)
                    .match(account.value(u"roleArn"_s).toString())
                    .hasMatch());
        QCOMPARE(
            account.value(u"externalId"_s), m_workspace.value(u"iamParameters"_s).toObject().value(u"externalId"_s));
        QVERIFY(account.value(u"readAccess"_s).isArray() && account.value(u"writeAccess"_s).isArray());
        QVERIFY(isTimestamp(account.value(u"createdAt"_s)) && isTimestamp(account.value(u"updatedAt"_s)));
        QVERIFY(m_userIds.contains(account.value(u"CreatorId"_s).toString()));
        QCOMPARE(account.value(u"source"_s).toString(), u"aws"_s);
        const QJsonObject regions = account.value(u"regions"_s).toObject();
        maxRegions = std::max(maxRegions, static_cast<int>(regions.size()));
        const QString number = account.value(u"roleArn"_s).toString().section(u':', 4, 4);
        for (auto it = regions.begin(); it != regions.end(); ++it) {
            for (const QJsonValue &step : it.value().toArray()) {
                const QJsonArray nodes = step.toObject().value(u"nodes"_s).toArray();
                QVERIFY(!nodes.isEmpty());
                for (const QJsonValue &node : nodes) {
                    const QString arn = node.toObject().value(u"arn"_s).toString();
                    QVERIFY2(arn.startsWith(u"arn:aws:"_s), qPrintable(arn));
                    // Regional resources carry their region and the account's number.
                    if (!arn.startsWith(u"arn:aws:s3:::"_s))
                        QVERIFY2(arn.contains(u':' + it.key() + u':' + number + u':'), qPrintable(arn));
                }
            }
        }
    }
    QCOMPARE(maxRegions, 2);
}

void TestDemoWorkspace::azureAccount()
{
    const QJsonArray accounts = m_workspace.value(u"azureAccounts"_s).toArray();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject account = accounts.at(0).toObject();
    for (const QString &field : { u"id"_s, u"applicationId"_s, u"directoryId"_s, u"subscriptionId"_s })
        QVERIFY2(isUuid(account.value(field)), qPrintable(field));
    QCOMPARE(account.value(u"source"_s).toString(), u"azure"_s);
    const QString secret = account.value(u"clientSecret"_s).toString();
    QVERIFY(secret.size() >= 30);
    QCOMPARE(account.value(u"hint"_s).toString(), secret.left(3));
    QVERIFY(isTimestamp(account.value(u"createdAt"_s)) && isTimestamp(account.value(u"updatedAt"_s)));
    const QString prefix = u"/subscriptions/"_s + account.value(u"subscriptionId"_s).toString() + u"/resourceGroups/"_s;
    const QJsonObject regions = account.value(u"regions"_s).toObject();
    QVERIFY(regions.contains(u"eastus"_s));
    for (const QJsonValue &scans : regions) {
        for (const QJsonValue &step : scans.toArray()) {
            for (const QJsonValue &node : step.toObject().value(u"nodes"_s).toArray()) {
                QVERIFY(node.toObject().value(u"type"_s).toString().startsWith(u"azure"_s));
                QVERIFY2(node.toObject().value(u"resourceId"_s).toString().startsWith(prefix),
                    qPrintable(node.toObject().value(u"resourceId"_s).toString()));
            }
        }
    }
}

void TestDemoWorkspace::scenarioHasThreeStepsWithRealChanges()
{
    const QJsonObject scenario = m_workspace.value(u"scenario"_s).toObject();
    QCOMPARE(scenario.value(u"step"_s).toInt(-1), 0);
    QVERIFY(isTimestamp(scenario.value(u"startTime"_s)));
    QVERIFY(scenario.value(u"stepMinutes"_s).toInt() > 0);
    int regionsChecked = 0;
    for (const QString &provider : { u"awsAccounts"_s, u"azureAccounts"_s }) {
        for (const QJsonValue &account : m_workspace.value(provider).toArray()) {
            const QJsonObject regions = account.toObject().value(u"regions"_s).toObject();
            for (auto it = regions.begin(); it != regions.end(); ++it) {
                const QJsonArray steps = it.value().toArray();
                QCOMPARE(steps.size(), 3);
                const StepDiff first = diff(steps.at(0).toObject(), steps.at(1).toObject());
                QVERIFY2(first.added >= 1, qPrintable(it.key()));
                QCOMPARE(first.removed, 0);
                QVERIFY(first.changed >= 1);
                // Scans keep each resource's place, so a diagram diff shows only what really changed.
                QCOMPARE(first.moved, 0);
                const StepDiff second = diff(steps.at(1).toObject(), steps.at(2).toObject());
                QCOMPARE(second.removed, 1);
                QVERIFY(second.changed >= 1);
                QCOMPARE(second.added, 0);
                QCOMPARE(second.moved, 0);
                for (const QJsonValue &step : steps) {
                    const QJsonObject data = step.toObject();
                    QVERIFY(!data.value(u"groups"_s).toArray().isEmpty());
                    QVERIFY(!data.value(u"edges"_s).toArray().isEmpty());
                    QVERIFY(
                        data.value(u"liveAccount"_s).toObject().value(u"id"_s) == account.toObject().value(u"id"_s));
                }
                ++regionsChecked;
            }
        }
    }
    QCOMPARE(regionsChecked, 4);
}

void TestDemoWorkspace::iamParametersAndPolicies()
{
    const QJsonObject iam = m_workspace.value(u"iamParameters"_s).toObject();
    const QString accountId = iam.value(u"accountId"_s).toString();
    QVERIFY(QRegularExpression(u"^\\d{12}$"_s).match(accountId).hasMatch());
    QVERIFY(isUuid(iam.value(u"externalId"_s)));
    const QString url = iam.value(u"awsConsoleUrl"_s).toString();
    QVERIFY(url.startsWith(u"https://console.aws.amazon.com/iam/"_s));
    QVERIFY(url.contains(accountId) && url.contains(iam.value(u"externalId"_s).toString()));

    const QJsonObject policies = m_workspace.value(u"iamPolicies"_s).toObject();
    for (const QString &kind : { u"custom"_s, u"minimal"_s }) {
        const QJsonObject policy = policies.value(kind).toObject();
        QCOMPARE(policy.value(u"Version"_s).toString(), u"2012-10-17"_s);
        const QJsonArray statements = policy.value(u"Statement"_s).toArray();
        QVERIFY(!statements.isEmpty());
        for (const QJsonValue &statement : statements) {
            QCOMPARE(statement.toObject().value(u"Effect"_s).toString(), u"Allow"_s);
            QVERIFY(!statement.toObject().value(u"Action"_s).toArray().isEmpty());
        }
    }
    // custom is the broad wildcard policy, minimal the resource-scoped one.
    const QJsonArray customActions = policies.value(u"custom"_s)
                                         .toObject()
                                         .value(u"Statement"_s)
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(u"Action"_s)
                                         .toArray();
    QVERIFY(customActions.size() >= 40);
    QVERIFY(customActions.contains(u"ec2:Describe*"_s));
    bool scoped = false;
    for (const QJsonValue &statement : policies.value(u"minimal"_s).toObject().value(u"Statement"_s).toArray())
        scoped = scoped || statement.toObject().value(u"Resource"_s).isArray();
    QVERIFY(scoped);
}

void TestDemoWorkspace::everythingRenders()
{
#ifdef CLOUDCRAFT_HAVE_RENDERER
    using Cloudcraft::Emulator::DiagramRenderer;
    using Cloudcraft::Emulator::RenderFormat;
    QList<QJsonObject> diagrams;
    for (const QJsonValue &value : m_workspace.value(u"blueprints"_s).toArray())
        diagrams << value.toObject().value(u"data"_s).toObject();
    for (const QString &provider : { u"awsAccounts"_s, u"azureAccounts"_s }) {
        for (const QJsonValue &account : m_workspace.value(provider).toArray()) {
            for (const QJsonValue &scans : account.toObject().value(u"regions"_s).toObject()) {
                for (const QJsonValue &step : scans.toArray())
                    diagrams << step.toObject();
            }
        }
    }
    for (const QJsonObject &data : std::as_const(diagrams)) {
        const QByteArray svg = DiagramRenderer::render(data, RenderFormat::Svg, {});
        QVERIFY(svg.contains("<svg"));
        QVERIFY(DiagramRenderer::render(data, RenderFormat::Pdf, {}).startsWith("%PDF-1.4"));
        QVERIFY2(DiagramRenderer::budgetCsv(data, {}).count('\n') >= 3, "priced components in every diagram");
    }
    // Scans of consecutive steps draw differently (the scenario is visible in exports).
    const QJsonArray steps = m_workspace.value(u"awsAccounts"_s)
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(u"regions"_s)
                                 .toObject()
                                 .value(u"us-east-1"_s)
                                 .toArray();
    QVERIFY(DiagramRenderer::render(steps.at(0).toObject(), RenderFormat::Svg, {})
        != DiagramRenderer::render(steps.at(1).toObject(), RenderFormat::Svg, {}));
#else
    QSKIP("renderer library not built");
#endif
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
