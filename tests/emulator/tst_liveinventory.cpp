// Live scans of the demo workspace across the emulator's scenario (LiveInventory's layout), as a user compares them:
// every resource that survives a deployment keeps its place, both in the scan JSON (mapPos) and in the exported
// image, and an image diff of the before/after pair marks a small part of the picture instead of all of it.
#include "compare/resourcebounds.h"
#include "diff/pixeldiff.h"
#include "emulatorprocess.h"

#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cloudcraft::Test;
using namespace Qt::StringLiterals;

namespace {

/// One scanned region of the demo workspace with a multi-step scenario.
struct ScannedRegion
{
    QString label; ///< "<account name> <region>"
    QString path; ///< "/aws/account/<id>/<region>"
    int steps = 0;
};

/// The same size the demo and `cloudcraft-cli aws snapshot --width 1600 --height 1000` use.
const QString kImageQuery = u"/png?width=1600&height=1000"_s;

QHash<QString, QJsonObject> nodesById(const QJsonObject &scan)
{
    QHash<QString, QJsonObject> nodes;
    for (const QJsonValue &value : scan.value(u"data"_s).toObject().value(u"nodes"_s).toArray())
        nodes.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
    return nodes;
}

/// Ids present in both scans; fails the test unless the step really changed something (added/removed/changed).
QStringList survivors(
    const QHash<QString, QJsonObject> &before, const QHash<QString, QJsonObject> &after, bool *somethingChanged)
{
    QStringList ids;
    *somethingChanged = before.size() != after.size();
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key())) {
            *somethingChanged = true;
            continue;
        }
        ids << it.key();
        QJsonObject a = it.value();
        QJsonObject b = after.value(it.key());
        a.remove(u"mapPos"_s);
        b.remove(u"mapPos"_s);
        if (a != b)
            *somethingChanged = true;
    }
    ids.sort();
    return ids;
}

} // namespace

class tst_LiveInventory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resourcesKeepTheirPlaceAcrossSteps_data();
    void resourcesKeepTheirPlaceAcrossSteps();

private:
    QJsonObject scan(const QString &path, int step);
    QByteArray image(const QString &path, int step);
    bool goToStep(int step);

    EmulatorProcess m_emu;
    TestHttpClient m_http;
    QList<ScannedRegion> m_regions;
    int m_step = 0;
};

void tst_LiveInventory::initTestCase()
{
    EmulatorProcess::Options options; // the demo workspace, as scripts/demo.sh runs it
    options.rateLimits = false;
    QVERIFY2(m_emu.start(options), qPrintable(m_emu.errorString()));
    QFile file(m_emu.workspacePath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject workspace = QJsonDocument::fromJson(file.readAll()).object();
    for (const auto &[key, prefix] : { std::pair { u"awsAccounts"_s, u"/aws/account/"_s },
             std::pair { u"azureAccounts"_s, u"/azure/account/"_s } }) {
        for (const QJsonValue &value : workspace.value(key).toArray()) {
            const QJsonObject account = value.toObject();
            const QJsonObject regions = account.value(u"regions"_s).toObject();
            for (auto it = regions.begin(); it != regions.end(); ++it) {
                const int steps = int(it.value().toArray().size());
                if (steps > 1) {
                    m_regions.append({ account.value(u"name"_s).toString() + u' ' + it.key(),
                        prefix + account.value(u"id"_s).toString() + u'/' + it.key(), steps });
                }
            }
        }
    }
    QVERIFY2(m_regions.size() >= 2, "the demo workspace has no scanned regions with a scenario");
}

bool tst_LiveInventory::goToStep(int step)
{
    if (step < m_step) {
        if (!m_emu.reset())
            return false;
        m_step = 0;
    }
    while (m_step < step) {
        if (!m_emu.advanceScenario())
            return false;
        ++m_step;
    }
    return true;
}

QJsonObject tst_LiveInventory::scan(const QString &path, int step)
{
    if (!goToStep(step))
        return {};
    const HttpResult result = m_http.get(m_emu.url(path + u"/json"_s), m_emu.readWriteKey());
    return result.status == 200 ? result.json() : QJsonObject {};
}

QByteArray tst_LiveInventory::image(const QString &path, int step)
{
    if (!goToStep(step))
        return {};
    const HttpResult result = m_http.get(m_emu.url(path + kImageQuery), m_emu.readWriteKey());
    return result.status == 200 ? result.body : QByteArray {};
}

void tst_LiveInventory::resourcesKeepTheirPlaceAcrossSteps_data()
{
    QTest::addColumn<int>("region");
    QTest::addColumn<int>("step");
    for (int r = 0; r < m_regions.size(); ++r) {
        for (int step = 1; step < m_regions.at(r).steps; ++step) {
            QTest::addRow("%s step %d to %d", qPrintable(m_regions.at(r).label), step - 1, step) << r << step;
        }
    }
}

void tst_LiveInventory::resourcesKeepTheirPlaceAcrossSteps()
{
    QFETCH(int, region);
    QFETCH(int, step);
    const QString path = m_regions.at(region).path;

    // The scan JSON: every resource that is still there sits where it sat.
    const QHash<QString, QJsonObject> before = nodesById(scan(path, step - 1));
    const QHash<QString, QJsonObject> after = nodesById(scan(path, step));
    QVERIFY(!before.isEmpty());
    QVERIFY(!after.isEmpty());
    bool somethingChanged = false;
    const QStringList kept = survivors(before, after, &somethingChanged);
    QVERIFY2(somethingChanged, "the scenario step changed nothing, so there is nothing to compare");
    QVERIFY(!kept.isEmpty());
    for (const QString &id : kept) {
        QVERIFY2(before.value(id).value(u"mapPos"_s) == after.value(id).value(u"mapPos"_s),
            qPrintable(u"%1 (%2) moved"_s.arg(before.value(id).value(u"name"_s).toString(), id)));
    }

    // The exported images: each surviving resource is drawn on the same pixels.
    const QByteArray pngBefore = image(path, step - 1);
    const QByteArray pngAfter = image(path, step);
    const auto boundsBefore = Cloudcraft::Core::readResourceBounds(pngBefore);
    const auto boundsAfter = Cloudcraft::Core::readResourceBounds(pngAfter);
    QVERIFY2(boundsBefore && boundsAfter, "the snapshot PNGs carry no resource bounds");
    for (const QString &id : kept) {
        QVERIFY2(boundsBefore->contains(id) && boundsAfter->contains(id), qPrintable(id));
        QVERIFY2(boundsBefore->value(id) == boundsAfter->value(id),
            qPrintable(u"%1 is drawn elsewhere after the step"_s.arg(before.value(id).value(u"name"_s).toString())));
    }

    // The image diff (the CLI's and the compare view's defaults) marks a small part of the picture.
    const QImage a = QImage::fromData(pngBefore, "PNG");
    const QImage b = QImage::fromData(pngAfter, "PNG");
    QCOMPARE(a.size(), QSize(1600, 1000));
    QCOMPARE(b.size(), a.size());
    Cloudcraft::Core::PixelDiffOptions options;
    options.produceDiffImage = false;
    const Cloudcraft::Core::PixelDiffResult diff = Cloudcraft::Core::PixelDiff(options).compare(a, b);
    QVERIFY2(diff.ok(), qPrintable(diff.errorString));
    QVERIFY2(!diff.regions.isEmpty(), "the step changed the region but the image did not change");
    const double canvas = double(a.width()) * a.height();
    qint64 boxedArea = 0;
    for (const Cloudcraft::Core::ChangeRegion &changed : diff.regions)
        boxedArea += qint64(changed.box.width()) * changed.box.height();
    const double changedShare = double(diff.mismatchCount) / canvas;
    const double boxedShare = double(boxedArea) / canvas;
    qInfo("%s: %lld regions, %.2f %% of the pixels changed, boxes cover %.1f %% of the image", QTest::currentDataTag(),
        qlonglong(diff.regions.size()), 100.0 * changedShare, 100.0 * boxedShare);
    // A re-laid-out diagram (everything shifted) changes 3 % of the pixels and boxes over a third of the image.
    QVERIFY2(changedShare < 0.01, qPrintable(u"%1 % of the pixels changed"_s.arg(100.0 * changedShare)));
    QVERIFY2(boxedShare < 0.25, qPrintable(u"the change boxes cover %1 % of the image"_s.arg(100.0 * boxedShare)));
}

QTEST_GUILESS_MAIN(tst_LiveInventory)
#include "tst_liveinventory.moc"
