// InventoryDialog against the real emulator: the user keeps three regions ticked, picks a folder and clicks
// Download; the table shows each region's state, the files and index.json appear, the summary counts what the files
// hold; Cancel stops a download in flight.

#include "inventorydialog.h"

#include "api/apiclient.h"
#include "emulatorprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Cloudcraft;
using namespace Cloudcraft::Test;

namespace {
const QString kProduction = QStringLiteral("71139e25-4c10-4b98-9085-bab26ecdc05f"); // Northwind Production

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QString status(QTableWidget *table, const QString &region)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == region)
            return table->item(row, 1)->text();
    }
    return {};
}
} // namespace

class TstInventoryDialog final : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<Core::ApiClient> m_client;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorProcess::Options options;
        options.rateLimits = false;
        options.snapshotPending = 1;
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        Core::ApiEndpoint endpoint;
        endpoint.baseUrl = m_emulator.baseUrl();
        endpoint.caFile = m_emulator.caFile();
        endpoint.retry.pollDelay = std::chrono::milliseconds(300);
        const QString key = m_emulator.readOnlyKey();
        m_client = std::make_unique<Core::ApiClient>(&m_network, endpoint, [key] { return key; });
    }

    void downloadsTickedRegionsWithProgressAndSummary()
    {
        const QString folder = m_dir.filePath(QStringLiteral("inventory"));
        Ui::InventoryDialog dialog(*m_client, kProduction, QStringLiteral("Northwind Production"), false,
                                   {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1"), QStringLiteral("ap-south-1"),
                                    QStringLiteral("sa-east-1")},
                                   QString());
        dialog.show();
        auto *regions = dialog.findChild<QListWidget *>(QStringLiteral("inventoryRegions"));
        auto *folderEdit = dialog.findChild<QLineEdit *>(QStringLiteral("inventoryFolder"));
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("inventoryStart"));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("inventoryProgress"));
        auto *summary = dialog.findChild<QLabel *>(QStringLiteral("inventorySummary"));
        QVERIFY(regions && folderEdit && start && table && summary);
        regions->item(3)->setCheckState(Qt::Unchecked); // the user leaves sa-east-1 out
        QTest::keyClicks(folderEdit, folder);
        QSignalSpy finished(&dialog, &Ui::InventoryDialog::finished);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QCOMPARE(status(table, QStringLiteral("us-east-1")), QStringLiteral("Waiting"));
        QVERIFY(finished.wait(30000));

        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(status(table, QStringLiteral("eu-west-1")), QStringLiteral("Done"));
        QCOMPARE(status(table, QStringLiteral("us-east-1")), QStringLiteral("Done"));
        QCOMPARE(status(table, QStringLiteral("ap-south-1")), QStringLiteral("Not in this account"));
        QVERIFY(!QFile::exists(folder + QStringLiteral("/sa-east-1.json")));

        // The summary says what the files hold.
        int total = 0;
        for (const QString &region : {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")}) {
            const QJsonObject data = readJson(folder + u'/' + region + QStringLiteral(".json")).value(QLatin1String("data")).toObject();
            total += int(data.value(QLatin1String("nodes")).toArray().size() + data.value(QLatin1String("groups")).toArray().size());
        }
        QVERIFY(total > 0);
        QCOMPARE(dialog.summary().value(QLatin1String("total")).toInt(), total);
        QVERIFY2(summary->text().contains(QStringLiteral("%1 resource(s) in 2 region(s)").arg(total)), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QLatin1String(" ec2")));
        const QJsonObject index = readJson(folder + QStringLiteral("/index.json"));
        QCOMPARE(index.value(QLatin1String("account")).toString(), kProduction);
        QCOMPARE(index.value(QLatin1String("total")).toInt(), total);
        QCOMPARE(dialog.mergedDocument().value(QLatin1String("data")).toObject().value(QLatin1String("nodes")).toArray().size()
                     + dialog.mergedDocument().value(QLatin1String("data")).toObject().value(QLatin1String("groups")).toArray().size(),
                 total);
        QVERIFY(start->isEnabled());
    }

    void cancelStopsTheDownload()
    {
        const QString folder = m_dir.filePath(QStringLiteral("cancelled"));
        QVERIFY(m_emulator.addFault(QStringLiteral("GET"), QStringLiteral("^/aws/account/.*/eu-west-1/json"), QStringLiteral("delay:3000")));
        Ui::InventoryDialog dialog(*m_client, kProduction, QStringLiteral("Northwind Production"), false,
                                   {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")}, folder);
        dialog.show();
        QSignalSpy finished(&dialog, &Ui::InventoryDialog::finished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("inventoryStart")), Qt::LeftButton);
        QTest::qWait(200);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("inventoryCancel")), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("inventoryProgress"));
        QCOMPARE(status(table, QStringLiteral("eu-west-1")), QStringLiteral("Cancelled"));
        QCOMPARE(status(table, QStringLiteral("us-east-1")), QStringLiteral("Not started"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("inventorySummary"))->text().startsWith(QLatin1String("Cancelled")));
        QVERIFY(!QFile::exists(folder + QStringLiteral("/eu-west-1.json")));
        QVERIFY(m_emulator.clearFaults());
    }
};

QTEST_MAIN(TstInventoryDialog)
#include "tst_inventorydialog.moc"
