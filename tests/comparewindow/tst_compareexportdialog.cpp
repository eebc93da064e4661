// CompareExportDialog: what a user picks for the slides export, and that the next export starts from it.

#include "compareexportdialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Cloudcraft::Ui::CompareExportChoice;
using Cloudcraft::Ui::CompareExportDialog;

class TstCompareExportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choiceFollowsTheControlsAndIsRemembered()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        {
            CompareExportDialog dialog(settings, QStringLiteral("before → after"));
            auto *width = dialog.findChild<QComboBox *>(QStringLiteral("exportWidth"));
            auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormat"));
            auto *layout = dialog.findChild<QComboBox *>(QStringLiteral("exportLayout"));
            auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPath"));
            QVERIFY(width && format && layout && path);
            QCOMPARE(width->count(), 3);
            QCOMPARE(dialog.choice().title, QStringLiteral("before → after"));
            QCOMPARE(dialog.choice().width, 1920);
            QVERIFY(!dialog.choice().pdf);

            path->setText(dir.filePath(QStringLiteral("slides.png")));
            format->setCurrentIndex(1); // PDF: the file name follows
            QCOMPARE(path->text(), dir.filePath(QStringLiteral("slides.pdf")));
            width->setCurrentIndex(2);
            layout->setCurrentIndex(1);

            QSignalSpy requested(&dialog, &CompareExportDialog::exportRequested);
            dialog.findChild<QPushButton *>(QStringLiteral("exportAccept"))->click();
            QCOMPARE(requested.size(), 1);
            const auto choice = requested.first().first().value<CompareExportChoice>();
            QVERIFY(choice.pdf);
            QVERIFY(choice.difference);
            QCOMPARE(choice.width, 7680);
            QCOMPARE(choice.path, dir.filePath(QStringLiteral("slides.pdf")));

            // No file, no export.
            path->clear();
            QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportAccept"))->isEnabled());
        }
        CompareExportDialog again(settings, QStringLiteral("x"));
        QCOMPARE(again.choice().width, 7680);
        QVERIFY(again.choice().pdf);
        QVERIFY(again.choice().difference);
        QCOMPARE(again.choice().path, dir.filePath(QStringLiteral("compare.pdf")));
    }
};

QTEST_MAIN(TstCompareExportDialog)
#include "tst_compareexportdialog.moc"
