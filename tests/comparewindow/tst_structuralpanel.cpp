// StructuralPanel and its model: the resources two real Cloudcraft blueprints differ in, grouped by type and region.

#include "structuraldiffmodel.h"
#include "structuralpanel.h"

#include "diff/inventorydiff.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Cloudcraft;
using Cloudcraft::Ui::StructuralDiffModel;
using Cloudcraft::Ui::StructuralPanel;

namespace {

QJsonObject sample(const QString &name)
{
    QFile file(QStringLiteral(CLOUDCRAFT_SHARED_DIR "/samples/cloudcraft/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// Every row of the model below `parent`, depth first.
QList<QModelIndex> allRows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QList<QModelIndex> rows;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex index = model.index(r, 0, parent);
        rows << index << allRows(model, index);
    }
    return rows;
}

int kindOf(const QModelIndex &index)
{
    return index.data(StructuralDiffModel::RowKindRole).toInt();
}

} // namespace

class TstStructuralPanel final : public QObject
{
    Q_OBJECT

private:
    Core::InventoryDiffResult m_result;

    /// A real blueprint, and the same one after an edit a user would make: one instance resized, one removed,
    /// one added.
    void makeEdit()
    {
        const QJsonObject before = sample(QStringLiteral("blueprint-webapp-default-v1.json"));
        QVERIFY(!before.isEmpty());
        QJsonObject after = before;
        QJsonObject data = after.value(QLatin1String("data")).toObject();
        QJsonArray nodes = data.value(QLatin1String("nodes")).toArray();
        int ec2 = -1;
        for (int i = 0; i < nodes.size(); ++i) {
            if (nodes.at(i).toObject().value(QLatin1String("type")).toString() == u"ec2") {
                ec2 = i;
                break;
            }
        }
        QVERIFY(ec2 >= 0);
        QJsonObject resized = nodes.at(ec2).toObject();
        resized.insert(QStringLiteral("instanceSize"), QStringLiteral("8xlarge"));
        nodes.replace(ec2, resized);
        QJsonObject added = resized;
        added.insert(QStringLiteral("id"), QStringLiteral("11111111-2222-4333-8444-555555555555"));
        nodes.append(added);
        nodes.removeAt(nodes.size() - 2); // the last node before the added one
        data.insert(QStringLiteral("nodes"), nodes);
        after.insert(QStringLiteral("data"), data);
        m_result = Core::InventoryDiff().compare(before, after);
        QVERIFY(m_result.totals.added >= 1);
        QVERIFY(m_result.totals.removed >= 1);
        QVERIFY(m_result.totals.changed >= 1);
    }

private Q_SLOTS:
    void initTestCase() { makeEdit(); }

    void modelPassesTheTesterAndGroupsByTypeAndRegion()
    {
        StructuralDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(m_result);

        // Only changes by default: one resource row per added/removed/changed/moved resource.
        const Core::InventoryCounts &t = m_result.totals;
        const QList<QModelIndex> rows = allRows(model);
        int resources = 0;
        QSet<QString> groupNames;
        for (const QModelIndex &row : rows) {
            if (kindOf(row) == int(StructuralDiffModel::RowKind::Resource)) {
                ++resources;
                // A resource sits in the group of its own type.
                const QModelIndex group = row.parent();
                QCOMPARE(kindOf(group), int(StructuralDiffModel::RowKind::Group));
                QVERIFY(!row.data(StructuralDiffModel::ComponentIdRole).toString().isEmpty());
            } else if (kindOf(row) == int(StructuralDiffModel::RowKind::Group)) {
                QVERIFY2(!groupNames.contains(row.data().toString()), "a type and region listed twice");
                groupNames.insert(row.data().toString());
                QVERIFY(!row.parent().isValid());
            }
        }
        QCOMPARE(resources, t.added + t.removed + t.changed + t.moved);

        // The resized instance shows its attribute change as a child row.
        bool sawResize = false;
        for (const QModelIndex &row : rows) {
            if (kindOf(row) == int(StructuralDiffModel::RowKind::Attribute)
                && row.data().toString().startsWith(QStringLiteral("instanceSize:"))) {
                sawResize = true;
                QVERIFY2(row.data().toString().contains(QStringLiteral("→ \"8xlarge\"")), qPrintable(row.data().toString()));
                QCOMPARE(model.index(row.parent().row(), StructuralDiffModel::ChangeColumn, row.parent().parent()).data().toString(),
                         QStringLiteral("changed"));
            }
        }
        QVERIFY(sawResize);

        // All resources when "show only changes" is off; still through the tester's checks.
        model.setShowOnlyChanges(false);
        int everything = 0;
        for (const QModelIndex &row : allRows(model))
            everything += kindOf(row) == int(StructuralDiffModel::RowKind::Resource);
        QCOMPARE(everything, t.total());
        QVERIFY(everything > resources);

        model.setResult(std::nullopt);
        QCOMPARE(model.rowCount(), 0);
    }

    void panelFiltersAndReportsTheSelectedResource()
    {
        StructuralPanel panel;
        panel.resize(420, 500);
        panel.setResult(m_result);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *only = panel.findChild<QCheckBox *>(QStringLiteral("showOnlyChanges"));
        auto *tree = panel.findChild<QTreeView *>(QStringLiteral("structuralTree"));
        QVERIFY(only && tree);
        QVERIFY(only->isChecked());
        const int changedRows = int(allRows(*tree->model()).size());
        only->click();
        QVERIFY(int(allRows(*tree->model()).size()) > changedRows);
        only->click();
        QCOMPARE(int(allRows(*tree->model()).size()), changedRows);

        // Groups are expanded: the first resource row is visible and selecting it reports its component id.
        const QModelIndex group = tree->model()->index(0, 0);
        QVERIFY(tree->isExpanded(group));
        const QModelIndex resource = tree->model()->index(0, 0, group);
        QSignalSpy selected(&panel, &StructuralPanel::resourceSelected);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(resource).center());
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), resource.data(StructuralDiffModel::ComponentIdRole).toString());

        auto *note = panel.findChild<QLabel *>(QStringLiteral("structuralNote"));
        QVERIFY(note->text().contains(QStringLiteral("%1 added").arg(m_result.totals.added)));
        panel.setResult(std::nullopt);
        QVERIFY(!tree->isEnabled());
        QVERIFY(note->text().contains(QStringLiteral("No resource list")));
    }
};

QTEST_MAIN(TstStructuralPanel)
#include "tst_structuralpanel.moc"
