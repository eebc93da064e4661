// Export for presentations through the real window against the emulator (export budget on, 5 per 6 s here):
// options enabling, the file-name example, the folder remembered per profile, a single export, a batch from the
// tree's selection with the budget wait shown and Cancel, and Ctrl+C in the preview.

#include "uitesthelpers.h"

#include "emulatorprocess.h"
#include "exportcontroller.h"
#include "exportdefaultspage.h"
#include "exportdialog.h"
#include "exportoptionswidget.h"
#include "exportprogressview.h"
#include "keyfield.h"
#include "mainwindow.h"
#include "navigatorpanel.h"
#include "previewcontroller.h"
#include "previewview.h"
#include "sessioncontroller.h"
#include "uiresources.h"
#include "welcomedialog.h"
#include "workspacecontroller.h"

#include "api/requestscheduler.h"
#include "auth/keychainsecretstore.h"
#include "auth/keyservice.h"
#include "auth/profilestore.h"
#include "models/treeroles.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>

using namespace Cloudcraft;
using namespace Cloudcraft::Core;
using namespace Cloudcraft::Ui;
using Test::child;

class TestExportDialog final : public QObject
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
    QString m_profile;

    QTreeView *tree() const { return m_window->navigator()->blueprintTree(); }

    /// Blueprint rows of the tree in order (each blueprint once).
    QModelIndexList blueprintRows() const
    {
        QModelIndexList rows;
        QStringList seen;
        const QAbstractItemModel *model = tree()->model();
        const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex index = model->index(row, 0, parent);
                if (index.data(KindRole).toInt() == int(TreeNodeKind::Blueprint)) {
                    if (!seen.contains(index.data(IdRole).toString())) {
                        seen << index.data(IdRole).toString();
                        rows << index;
                    }
                }
                walk(index);
            }
        };
        walk({});
        return rows;
    }

    void clickRow(const QModelIndex &index, Qt::KeyboardModifiers modifiers = {})
    {
        tree()->scrollTo(index);
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, modifiers, tree()->visualRect(index).center());
    }

    /// Makes the main window the active one, as a user's click would; shortcuts only reach the active window.
    bool activateMainWindow()
    {
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        if (QTest::qWaitForWindowActive(m_window.get(), 5000))
            return true;
        const QWidget *active = QApplication::activeWindow();
        qWarning("active window: %s", active ? qPrintable(active->objectName()) : "none");
        return false;
    }

    ExportDialog *openDialogWithCtrlE()
    {
        if (!activateMainWindow())
            return nullptr;
        tree()->setFocus();
        QTest::keyClick(tree(), Qt::Key_E, Qt::ControlModifier);
        return m_window->exportController()->dialog();
    }

    int tooManyRequests() const
    {
        int count = 0;
        for (const QJsonObject &r : m_emulator.requests())
            count += r.value(QLatin1String("status")).toInt() == 429 ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        cloudcraftInitUiResources();
        Test::EmulatorProcess::Options options; // the demo workspace, rate limits on
        options.rateExport = QStringLiteral("5/6");
        QVERIFY2(m_emulator.start(options), qPrintable(m_emulator.errorString()));
        m_scheduler.setBudget(RateRoute::Export, {5, std::chrono::seconds(6)});
        QVERIFY(m_dir.isValid());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keys = std::make_unique<KeyService>(*m_profiles, m_keychain, QProcessEnvironment());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("desktop.ini")), QSettings::IniFormat);
        m_session = std::make_unique<SessionController>(
            SessionServices{&m_network, m_profiles.get(), m_keys.get(), &m_scheduler, &m_prompter});
        m_session->setEndpointOverride(m_emulator.baseUrl(), m_emulator.caFile());
        m_profile = QStringLiteral("export-%1").arg(QRandomGenerator::global()->generate());
        m_window = std::make_unique<MainWindow>(*m_session, m_prompter, &m_scheduler, *m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        QSignalSpy loaded(m_window->workspace(), &WorkspaceController::loaded);
        m_session->start(m_profile);
        WelcomeDialog *welcome = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((welcome = m_window->findChild<WelcomeDialog *>()) != nullptr, 15000);
        QTest::keyClicks(child<KeyField>(welcome, "apiKeyField"), m_emulator.readWriteKey());
        QTest::mouseClick(child<QPushButton>(welcome, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!welcome->successText().isEmpty(), 20000);
        QTest::mouseClick(child<QPushButton>(welcome, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->preview()->image().isNull(), 30000);
    }

    void optionsAreEnabledByFormat()
    {
        ExportOptionsWidget options;
        auto *format = child<QComboBox>(&options, "exportFormatCombo");
        auto *size = child<QComboBox>(&options, "exportSizeCombo");
        auto *width = child<QSpinBox>(&options, "exportWidthSpin");
        auto *scale = child<QDoubleSpinBox>(&options, "exportScaleSpin");
        auto *transparent = child<QCheckBox>(&options, "exportTransparentCheck");
        auto *grid = child<QCheckBox>(&options, "exportGridCheck");
        auto *paper = child<QComboBox>(&options, "exportPaperCombo");
        auto *landscape = child<QCheckBox>(&options, "exportLandscapeCheck");
        QVERIFY(format && size && width && scale && transparent && grid && paper && landscape);
        for (QWidget *w : std::initializer_list<QWidget *>{format, size, width, scale, transparent, grid, paper,
                                                           landscape})
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));

        const auto choose = [format](ExportSettings::Format f) { format->setCurrentIndex(format->findData(int(f))); };
        choose(ExportSettings::Format::Png);
        QVERIFY(transparent->isEnabled() && grid->isEnabled() && scale->isEnabled() && size->isEnabled());
        QVERIFY(!paper->isEnabled() && !landscape->isEnabled());
        choose(ExportSettings::Format::Pdf);
        QVERIFY(paper->isEnabled() && landscape->isEnabled() && grid->isEnabled());
        QVERIFY2(!transparent->isEnabled(), "a PDF page has no transparent background");
        choose(ExportSettings::Format::MxGraph);
        QVERIFY(!scale->isEnabled() && !size->isEnabled() && !grid->isEnabled() && !paper->isEnabled());
        choose(ExportSettings::Format::BudgetCsv);
        QVERIFY(!scale->isEnabled() && !transparent->isEnabled());

        choose(ExportSettings::Format::Png);
        QVERIFY(!width->isEnabled());
        size->setCurrentIndex(ExportOptionsWidget::Uhd4k);
        QCOMPARE(options.settings().width, 3840);
        size->setCurrentIndex(ExportOptionsWidget::Uhd8k);
        QCOMPARE(options.settings().width, 7680);
        size->setCurrentIndex(ExportOptionsWidget::Custom);
        QVERIFY(width->isEnabled());
        width->setValue(1000);
        QCOMPARE(options.settings().width, 1000);
        choose(ExportSettings::Format::Pdf);
        paper->setCurrentIndex(paper->findText(QStringLiteral("A4")));
        landscape->setChecked(true);
        const ExportSettings s = options.settings();
        QCOMPARE(s.paperSize, QStringLiteral("A4"));
        QVERIFY(s.landscape);

        // The widget shows back what it is given.
        ExportOptionsWidget other;
        other.setSettings(s);
        QCOMPARE(other.settings(), s);
    }

    void templateExampleFollowsTyping()
    {
        const QModelIndexList rows = blueprintRows();
        QVERIFY(rows.size() >= 8);
        clickRow(rows.at(0));
        ExportDialog *dialog = openDialogWithCtrlE();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString id = rows.at(0).data(IdRole).toString();
        // Every control a keyboard reaches has a name a screen reader can announce.
        QStringList unnamed;
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            if (widget->focusPolicy() == Qt::NoFocus || widget->objectName().startsWith(QLatin1String("qt_"))
                || widget->window() != dialog)
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

        auto *edit = child<QLineEdit>(dialog, "exportTemplateEdit");
        auto *example = child<QLabel>(dialog, "exportTemplatePreview");
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("{shortid} {format}"));
        QVERIFY2(example->text().contains(id.left(8) + QStringLiteral(" png.png")), qPrintable(example->text()));
        QTest::keyClicks(edit, QStringLiteral(" {nmae}"));
        QVERIFY2(example->text().contains(QLatin1String("{nmae}")), qPrintable(example->text()));
        QVERIFY(example->text().contains(QLatin1String("Unknown placeholder")));
        QTest::mouseClick(child<QPushButton>(dialog, "exportCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_window->exportController()->dialog());
    }

    void singleExportAndTheFolderIsRemembered()
    {
        QTemporaryDir out;
        const QModelIndexList rows = blueprintRows();
        clickRow(rows.at(1));
        const QString name = rows.at(1).data(NameRole).toString();
        ExportDialog *dialog = openDialogWithCtrlE();
        QVERIFY(dialog);
        QCOMPARE(dialog->items().size(), 1);
        QCOMPARE(dialog->items().first().name, name);
        auto *folder = child<QLineEdit>(dialog, "exportFolderEdit");
        folder->clear();
        QTest::keyClicks(folder, out.path());
        auto *edit = child<QLineEdit>(dialog, "exportTemplateEdit");
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("{name}"));
        auto *format = child<QComboBox>(dialog, "exportFormatCombo");
        format->setCurrentIndex(format->findData(int(ExportSettings::Format::Png)));
        child<QComboBox>(dialog, "exportSizeCombo")->setCurrentIndex(ExportOptionsWidget::FullHd);
        QTest::mouseClick(child<QPushButton>(dialog, "exportStartButton"), Qt::LeftButton);
        auto *summary = child<QLabel>(dialog, "exportSummaryLabel");
        QTRY_VERIFY_WITH_TIMEOUT(summary->isVisible(), 60000);
        QVERIFY2(summary->text().contains(QLatin1String("1 written")), qPrintable(summary->text()));
        QCOMPARE(dialog->progress()->statusText(0), QStringLiteral("Written"));
        QImage image;
        QVERIFY(image.load(QDir(out.path()).filePath(name + QStringLiteral(".png")), "PNG"));
        QCOMPARE(image.width(), 1920);
        QVERIFY(child<QPushButton>(dialog, "exportOpenFolderButton")->isVisible());
        QTest::mouseClick(child<QPushButton>(dialog, "exportCloseButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_window->exportController()->dialog());

        // Next time the same profile starts in that folder with those options; another profile does not.
        dialog = openDialogWithCtrlE();
        QVERIFY(dialog);
        QCOMPARE(QDir::cleanPath(child<QLineEdit>(dialog, "exportFolderEdit")->text()), QDir::cleanPath(out.path()));
        QCOMPARE(child<QComboBox>(dialog, "exportSizeCombo")->currentIndex(), int(ExportOptionsWidget::FullHd));
        dialog->reject();
        QTRY_VERIFY(!m_window->exportController()->dialog());
        ExportDialog other(m_session->client(), {}, *m_settings, QStringLiteral("someone-else"));
        QVERIFY(QDir::cleanPath(child<QLineEdit>(&other, "exportFolderEdit")->text()) != QDir::cleanPath(out.path()));
    }

    void defaultsPageFeedsTheDialog()
    {
        ExportDefaultsPage page(*m_settings, m_profile);
        auto *format = child<QComboBox>(&page, "exportFormatCombo");
        format->setCurrentIndex(format->findData(int(ExportSettings::Format::Svg)));
        child<QCheckBox>(&page, "exportTransparentCheck")->setChecked(true);
        ExportDialog dialog(m_session->client(), {}, *m_settings, m_profile);
        const ExportSettings s = dialog.options()->settings();
        QCOMPARE(s.format, ExportSettings::Format::Svg);
        QVERIFY(s.transparent);
        // Back to PNG for the batch below.
        format->setCurrentIndex(format->findData(int(ExportSettings::Format::Png)));
        child<QCheckBox>(&page, "exportTransparentCheck")->setChecked(false);
        child<QComboBox>(&page, "exportSizeCombo")->setCurrentIndex(ExportOptionsWidget::AsDrawn);
    }

    void batchFromTheSelectionWaitsForTheBudgetAndCancels()
    {
        QTemporaryDir out;
        const QModelIndexList rows = blueprintRows();
        clickRow(rows.at(0));
        for (int i = 1; i < 8; ++i)
            clickRow(rows.at(i), Qt::ControlModifier);
        // The context menu offers the export for the selection.
        QVERIFY(tree()->actions().contains(m_window->exportController()->exportAction()));
        QCOMPARE(tree()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(m_window->exportController()->selectedItems().size(), 8);

        QVERIFY(m_emulator.clearRequests());
        ExportDialog *dialog = openDialogWithCtrlE();
        QVERIFY(dialog);
        QCOMPARE(dialog->items().size(), 8);
        auto *folder = child<QLineEdit>(dialog, "exportFolderEdit");
        folder->clear();
        QTest::keyClicks(folder, out.path());
        QTest::mouseClick(child<QPushButton>(dialog, "exportStartButton"), Qt::LeftButton);
        auto *list = child<QTreeWidget>(dialog, "exportItemList");
        QCOMPARE(list->topLevelItemCount(), 8);

        // The budget is spent after five: the dialog counts down to the next allowed export.
        auto *wait = child<QLabel>(dialog, "exportWaitLabel");
        QTRY_VERIFY_WITH_TIMEOUT(wait->isVisible(), 60000);
        QVERIFY2(wait->text().startsWith(QLatin1String("Next export allowed in ")), qPrintable(wait->text()));
        const int seconds = wait->text().section(u' ', 4, 4).toInt();
        QVERIFY2(seconds >= 1 && seconds <= 6, qPrintable(wait->text()));
        const ExportSummary soFar = dialog->exporter()->summary();
        QVERIFY(soFar.written >= 1);
        bool rowSaysWaiting = false;
        for (int row = 0; row < 8; ++row)
            rowSaysWaiting |= dialog->progress()->statusText(row) == u"Waiting for the export budget";
        QVERIFY(rowSaysWaiting);

        QTest::mouseClick(child<QPushButton>(dialog, "exportCancelButton"), Qt::LeftButton);
        auto *summary = child<QLabel>(dialog, "exportSummaryLabel");
        QTRY_VERIFY_WITH_TIMEOUT(summary->isVisible(), 10000);
        QVERIFY2(summary->text().startsWith(QLatin1String("Export cancelled")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QLatin1String("cancelled.")), qPrintable(summary->text()));
        const ExportSummary done = dialog->exporter()->summary();
        QCOMPARE(done.written + done.cancelled, 8);
        QVERIFY(done.cancelled >= 1);
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), done.written);
        QVERIFY(!wait->isVisible());
        QCOMPARE(tooManyRequests(), 0);
        QTest::mouseClick(child<QPushButton>(dialog, "exportCloseButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_window->exportController()->dialog());
    }

    void ctrlCInThePreviewCopiesImageAndFile()
    {
        const QModelIndexList rows = blueprintRows();
        clickRow(rows.at(2));
        const QString name = rows.at(2).data(NameRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewController()->currentBlueprint() == rows.at(2).data(IdRole).toString()
                                     && !m_window->preview()->isBusy() && !m_window->preview()->image().isNull(),
                                 60000);
        QGuiApplication::clipboard()->clear();
        QVERIFY(activateMainWindow());
        m_window->preview()->setFocus();
        QTest::keyClick(m_window->preview(), Qt::Key_C, Qt::ControlModifier);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QVERIFY(mime->hasImage());
        QCOMPARE(qvariant_cast<QImage>(mime->imageData()).size(), m_window->preview()->image().size());
        QCOMPARE(mime->urls().size(), 1);
        const QString file = mime->urls().first().toLocalFile();
        QCOMPARE(QFileInfo(file).fileName(), name + QStringLiteral(".png"));
        QImage fromFile;
        QVERIFY(fromFile.load(file, "PNG"));
        QCOMPARE(fromFile.size(), m_window->preview()->image().size());
        // The drag handle offers the same.
        QVERIFY(child<QWidget>(m_window->preview(), "previewDragHandle")->isVisible());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSignalSpy forgot(m_keys->forgetKey(m_profile), &KeyRequest::finished);
        forgot.wait(10000);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
