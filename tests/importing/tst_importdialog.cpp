// File > Import… against the real emulator, keychain and converters: a Terraform state previews as a schematic with
// its unmapped types listed, uploads as one POST /blueprint and shows up selected in the tree; a corrupt file gives
// a sentence and sends nothing; a file dropped on the window opens the dialog.

#include "ui/uitesthelpers.h"

#include "emulatorprocess.h"
#include "importing/importcontroller.h"
#include "importing/importdialog.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "sessioncontroller.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "models/treeroles.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

namespace {

QJsonObject resource(const QString &type, const QString &name, const QJsonArray &instances)
{
    return QJsonObject{{QStringLiteral("mode"), QStringLiteral("managed")},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("provider"), QStringLiteral("provider[\"registry.terraform.io/hashicorp/aws\"]")},
                       {QStringLiteral("instances"), instances}};
}

QJsonObject instance(const QJsonObject &attributes, int index = -1)
{
    QJsonObject object{{QStringLiteral("schema_version"), 1}, {QStringLiteral("attributes"), attributes}};
    if (index >= 0)
        object.insert(QStringLiteral("index_key"), index);
    return object;
}

/// A small Terraform state (format 4): a VPC with a subnet, a web server and a database in it, and three Glue jobs,
/// a type the converters do not map.
QByteArray smallState()
{
    const QJsonObject tags{{QStringLiteral("Name"), QStringLiteral("shop")}};
    QJsonArray glue;
    for (int i = 0; i < 3; ++i)
        glue.append(instance({{QStringLiteral("id"), QStringLiteral("etl-%1").arg(i)},
                              {QStringLiteral("name"), QStringLiteral("etl-%1").arg(i)}},
                             i));
    const QJsonArray resources{
        resource(QStringLiteral("aws_vpc"), QStringLiteral("main"),
                 {instance({{QStringLiteral("id"), QStringLiteral("vpc-0a1")},
                            {QStringLiteral("cidr_block"), QStringLiteral("10.0.0.0/16")},
                            {QStringLiteral("tags"), tags}})}),
        resource(QStringLiteral("aws_subnet"), QStringLiteral("app"),
                 {instance({{QStringLiteral("id"), QStringLiteral("subnet-0b2")},
                            {QStringLiteral("vpc_id"), QStringLiteral("vpc-0a1")},
                            {QStringLiteral("cidr_block"), QStringLiteral("10.0.1.0/24")},
                            {QStringLiteral("availability_zone"), QStringLiteral("us-east-1a")}})}),
        resource(QStringLiteral("aws_instance"), QStringLiteral("web"),
                 {instance({{QStringLiteral("id"), QStringLiteral("i-0c3")},
                            {QStringLiteral("instance_type"), QStringLiteral("t3.micro")},
                            {QStringLiteral("subnet_id"), QStringLiteral("subnet-0b2")},
                            {QStringLiteral("availability_zone"), QStringLiteral("us-east-1a")}})}),
        resource(QStringLiteral("aws_db_instance"), QStringLiteral("orders"),
                 {instance({{QStringLiteral("id"), QStringLiteral("orders")},
                            {QStringLiteral("engine"), QStringLiteral("postgres")},
                            {QStringLiteral("instance_class"), QStringLiteral("db.t3.micro")}})}),
        resource(QStringLiteral("aws_glue_job"), QStringLiteral("etl"), glue),
    };
    const QJsonObject state{{QStringLiteral("version"), 4},
                            {QStringLiteral("terraform_version"), QStringLiteral("1.6.0")},
                            {QStringLiteral("serial"), 7},
                            {QStringLiteral("lineage"), QStringLiteral("3f1c2d7e-0000-4000-8000-000000000001")},
                            {QStringLiteral("outputs"), QJsonObject()},
                            {QStringLiteral("resources"), resources}};
    return QJsonDocument(state).toJson();
}

} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

private:
    Test::EmulatorProcess m_emulator;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    KeychainSecretStore m_keychain;
    std::unique_ptr<KeyService> m_keys;
    QNetworkAccessManager m_network;
    RequestScheduler m_scheduler;
    Test::RecordingPrompter m_prompter;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<MainWindow> m_window;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    int blueprintPosts() const
    {
        int count = 0;
        for (const QJsonObject &request : m_emulator.requests()) {
            count += request.value(QLatin1String("method")).toString() == QLatin1String("POST")
                     && request.value(QLatin1String("path")).toString().endsWith(QLatin1String("/blueprint"));
        }
        return count;
    }

    ImportDialog *openAndConvert(const QString &path, bool expectOk)
    {
        m_window->importController()->openFile(path);
        ImportDialog *dialog = m_window->importController()->dialog();
        if (!dialog)
            return nullptr;
        QSignalSpy converted(dialog, &ImportDialog::converted);
        if (!converted.wait(30000) || converted.first().first().toBool() != expectOk)
            return nullptr;
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
        QVERIFY(m_dir.isValid());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_session->setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        m_session->start(QStringLiteral("import-%1").arg(QRandomGenerator::global()->generate()));
        WelcomeDialog *welcome = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((welcome = m_window->findChild<WelcomeDialog *>()) != nullptr, 15000);
        QTest::keyClicks(child<KeyField>(welcome, "apiKeyField"), m_emulator.readWriteKey());
        QTest::mouseClick(child<QPushButton>(welcome, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!welcome->successText().isEmpty(), 20000);
        QTest::mouseClick(child<QPushButton>(welcome, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
    }

    void importActionIsInTheFileMenu()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("importAction"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        auto *fileMenu = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(fileMenu && fileMenu->actions().contains(action));
        // The action asks for a file through the prompter; the answer opens the dialog on that file.
        const QString path = writeFile(QStringLiteral("chosen.tfstate"), smallState());
        m_prompter.nextFile = path;
        action->trigger();
        QTRY_VERIFY(m_window->importController()->dialog() != nullptr);
        QCOMPARE(m_window->importController()->dialog()->path(), path);
        m_window->importController()->dialog()->close();
    }

    void stateShowsPreviewAndUnmappedTypes()
    {
        QVERIFY(m_emulator.clearRequests());
        const QString path = writeFile(QStringLiteral("shop-network.tfstate"), smallState());
        ImportDialog *dialog = openAndConvert(path, true);
        QVERIFY2(dialog, "the state converts");
        QVERIFY(dialog->isVisible());

        const QLabel *preview = child<QLabel>(dialog, "importPreview");
        QVERIFY2(!preview->pixmap().isNull(), "the schematic preview is shown");
        QVERIFY(preview->pixmap().width() > 100 && preview->pixmap().height() > 60);
        const QImage image = preview->pixmap().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 10, "boxes, areas and labels, not a blank picture");
        // The whole diagram is in view, not a corner of it: the picture fits the preview's room.
        const QSize room = child<QScrollArea>(dialog, "importPreviewArea")->viewport()->size();
        const QSizeF shown = preview->pixmap().deviceIndependentSize();
        QVERIFY2(shown.width() <= room.width() && shown.height() <= room.height(),
                 qPrintable(QStringLiteral("%1x%2 in %3x%4").arg(shown.width()).arg(shown.height())
                                .arg(room.width()).arg(room.height())));

        const QListWidget *unmapped = child<QListWidget>(dialog, "importUnmappedList");
        QStringList lines;
        for (int i = 0; i < unmapped->count(); ++i)
            lines.append(unmapped->item(i)->text());
        QVERIFY2(lines.contains(QStringLiteral("aws_glue_job × 3 — kept as generic blocks")),
                 qPrintable(lines.join(u'|')));
        QCOMPARE(child<QLineEdit>(dialog, "importNameField")->text(), QStringLiteral("shop-network"));
        QVERIFY(child<QPushButton>(dialog, "importUploadButton")->isEnabled());

        // Unticking "keep" converts again and says the Glue jobs are left out.
        QSignalSpy converted(dialog, &ImportDialog::converted);
        child<QCheckBox>(dialog, "importKeepUnmapped")->setChecked(false);
        QVERIFY(converted.wait(30000));
        QVERIFY(unmapped->count() >= 1);
        QCOMPARE(unmapped->item(lines.indexOf(QStringLiteral("aws_glue_job × 3 — kept as generic blocks")))->text(),
                 QStringLiteral("aws_glue_job × 3 — left out"));
        child<QCheckBox>(dialog, "importKeepUnmapped")->setChecked(true);
        QVERIFY(converted.wait(30000));

        QCOMPARE(blueprintPosts(), 0); // nothing is sent before the user asks
        dialog->close();
    }

    void foldedResourcesAreCounted()
    {
        // AWS's VPC template: its routes, route tables, NACLs, associations and EIPs are not drawn on their own, and
        // the dialog says so rather than letting 18 resources vanish.
        ImportDialog *dialog = openAndConvert(
            QStringLiteral(CLOUDCRAFT_TEST_DATA_DIR "/cloudformation/VPC_With_Managed_NAT_And_Private_Subnet.yaml"), true);
        QVERIFY2(dialog, "the template converts");
        const QLabel *status = child<QLabel>(dialog, "importStatus");
        QVERIFY2(status->text().contains(QStringLiteral("18 resource(s) folded into what they configure")),
                 qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("3 AWS::EC2::Route")), qPrintable(status->text())); // by type
        dialog->close();
    }

    void uploadCreatesTheBlueprintAndSelectsIt()
    {
        const QString path = writeFile(QStringLiteral("shop-network.tfstate"), smallState());
        ImportDialog *dialog = openAndConvert(path, true);
        QVERIFY(dialog);
        QVERIFY(m_emulator.clearRequests());
        const QString name = QStringLiteral("Imported shop %1").arg(QRandomGenerator::global()->bounded(100000));
        auto *nameField = child<QLineEdit>(dialog, "importNameField");
        nameField->clear();
        QTest::keyClicks(nameField, name);
        QTest::keyClicks(child<QLineEdit>(dialog, "importTagsField"), QStringLiteral("imported, terraform"));

        QSignalSpy imported(m_window->importController(), &ImportController::imported);
        QPointer<ImportDialog> guard(dialog);
        auto *upload = child<QPushButton>(dialog, "importUploadButton");
        QTest::mouseClick(upload, Qt::LeftButton);
        QVERIFY2(!upload->isEnabled(), "no second upload while the first runs");
        QVERIFY(imported.wait(30000));
        QTRY_VERIFY(guard.isNull() || !guard->isVisible()); // the dialog closed itself
        QCOMPARE(blueprintPosts(), 1);

        // The new blueprint is in the tree, selected, with its name.
        const QString id = imported.first().first().toString();
        QVERIFY(!id.isEmpty());
        const QModelIndex current = m_window->navigator()->blueprintTree()->currentIndex();
        QCOMPARE(current.data(IdRole).toString(), id);
        QCOMPARE(current.data(NameRole).toString(), name);
        const QStringList tags = current.data(TagsRole).toStringList();
        QVERIFY2(tags.contains(QStringLiteral("imported")) && tags.contains(QStringLiteral("terraform")),
                 qPrintable(tags.join(u',')));
    }

    void corruptFileGivesASentenceAndSendsNothing()
    {
        QVERIFY(m_emulator.clearRequests());
        QByteArray truncated = smallState();
        truncated.truncate(truncated.size() / 2);
        const QString path = writeFile(QStringLiteral("broken.tfstate"), truncated);
        ImportDialog *dialog = openAndConvert(path, false);
        QVERIFY2(dialog, "the conversion fails");
        const QString text = child<QLabel>(dialog, "importStatus")->text();
        QVERIFY2(text.contains(QStringLiteral("broken.tfstate")), qPrintable(text));
        QVERIFY2(!text.contains(u'\n') && text.endsWith(u'.'), qPrintable(text));
        auto *upload = child<QPushButton>(dialog, "importUploadButton");
        QVERIFY(!upload->isEnabled());
        dialog->upload(); // even when asked directly
        QTest::qWait(200);
        QCOMPARE(blueprintPosts(), 0);
        QVERIFY(child<QLabel>(dialog, "importPreview")->pixmap().isNull());
        dialog->close();
    }

    void droppedFileOpensTheDialog()
    {
        const QString path = writeFile(QStringLiteral("dropped.tfstate"), smallState());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY2(enter.isAccepted(), "a file is welcome");
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY(m_window->importController()->dialog() != nullptr);
        QCOMPARE(m_window->importController()->dialog()->path(), path);
        QSignalSpy converted(m_window->importController()->dialog(), &ImportDialog::converted);
        QVERIFY(converted.wait(30000));
        QCOMPARE(converted.first().first().toBool(), true);
        m_window->importController()->dialog()->close();

        // Text is not a file: refused.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QCoreApplication::sendEvent(m_window.get(), &refused);
        QVERIFY(!refused.isAccepted());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
