#include "prompter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace Cloudcraft::Ui {

void WidgetPrompter::message(QWidget *parent, Severity severity, const QString &title, const QString &text)
{
    QMessageBox::Icon icon = QMessageBox::Information;
    if (severity == Severity::Warning)
        icon = QMessageBox::Warning;
    else if (severity == Severity::Error)
        icon = QMessageBox::Critical;
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("messageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void WidgetPrompter::confirm(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                             std::function<void(bool)> done)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(confirmLabel, QMessageBox::AcceptRole);
    box->setDefaultButton(yes);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, yes, done = std::move(done)](int) { done(box->clickedButton() == yes); });
    box->open();
}

void WidgetPrompter::chooseOpenFile(QWidget *parent, const QString &caption, const QString &nameFilter,
                                    std::function<void(const QString &)> done)
{
    auto *dialog = new QFileDialog(parent, caption, QString(), nameFilter);
    dialog->setObjectName(QStringLiteral("fileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [done = std::move(done)](const QString &file) {
        if (!file.isEmpty())
            done(file);
    });
    dialog->open();
}

void WidgetPrompter::askText(QWidget *parent, const QString &title, const QString &label,
                             std::function<void(const QString &)> done)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("textDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, [done = std::move(done)](const QString &text) {
        if (!text.trimmed().isEmpty())
            done(text.trimmed());
    });
    dialog->open();
}

} // namespace Cloudcraft::Ui
