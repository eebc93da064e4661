// Typing into the blueprint filter box: 10,000 blueprints, one setFilterFixedString per keystroke, timed until the
// filtered row count is known (what a view asks for first). Prints milliseconds per keystroke.
#include "models/blueprinttreemodel.h"
#include "models/treefilterproxymodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace Cloudcraft::Core;

namespace {

int countRows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    int rows = model.rowCount(parent);
    int total = rows;
    for (int row = 0; row < rows; ++row)
        total += countRows(model, model.index(row, 0, parent));
    return total;
}

QList<BlueprintSummary> makeBlueprints(int count)
{
    static const QStringList words = { QStringLiteral("web"), QStringLiteral("api"), QStringLiteral("database"),
        QStringLiteral("cache"), QStringLiteral("queue"), QStringLiteral("frontend"), QStringLiteral("payments"),
        QStringLiteral("search"), QStringLiteral("analytics"), QStringLiteral("website"), QStringLiteral("backend"),
        QStringLiteral("network") };
    static const QStringList tags = { QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("dev"),
        QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("legacy") };
    QRandomGenerator random(42);
    QList<BlueprintSummary> result;
    result.reserve(count);
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        BlueprintSummary summary;
        summary.id = QStringLiteral("%1-4acb-b5f5-%2")
                         .arg(random.generate(), 8, 16, QLatin1Char('0'))
                         .arg(i, 12, 10, QLatin1Char('0'));
        summary.name = words.at(int(random.bounded(words.size()))) + u' ' + words.at(int(random.bounded(words.size())))
            + QStringLiteral(" %1").arg(i);
        for (int t = 0, n = int(random.bounded(3)); t < n; ++t)
            summary.tags.append(tags.at(int(random.bounded(tags.size()))));
        summary.updatedAt = base.addSecs(qint64(random.bounded(365 * 24 * 3600)));
        result.append(summary);
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const QList<BlueprintSummary> blueprints = makeBlueprints(count);
    const QString typed = QStringLiteral("website");

    for (auto grouping : { BlueprintTreeModel::Grouping::ByTag, BlueprintTreeModel::Grouping::Recent }) {
        BlueprintTreeModel model;
        model.setRecentLimit(count);
        model.setGrouping(grouping);
        QElapsedTimer timer;
        timer.start();
        model.setBlueprints(blueprints);
        TreeFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        const int unfiltered = countRows(proxy);
        std::printf("%s: %d blueprints, %d rows; load + first sort %.1f ms\n",
            grouping == BlueprintTreeModel::Grouping::ByTag ? "by tag" : "flat (recent)", count, unfiltered,
            double(timer.nsecsElapsed()) / 1e6);
        double total = 0;
        double worst = 0;
        for (qsizetype length = 1; length <= typed.size(); ++length) {
            const QString text = typed.left(length);
            timer.restart();
            proxy.setFilterFixedString(text);
            const int visible = countRows(proxy);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            total += ms;
            worst = std::max(worst, ms);
            std::printf("  keystroke %-8s -> %5d rows in %7.2f ms\n", qPrintable(u'"' + text + u'"'), visible, ms);
        }
        timer.restart();
        proxy.setFilterFixedString(QString());
        std::printf(
            "  clear              -> %5d rows in %7.2f ms\n", countRows(proxy), double(timer.nsecsElapsed()) / 1e6);
        std::printf("  mean %.2f ms per keystroke, worst %.2f ms\n\n", total / double(typed.size()), worst);
    }
    return 0;
}
