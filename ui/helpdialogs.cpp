#include "helpdialogs.h"

#include <cloudcraft/version.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cloudcraft::Ui {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<std::pair<QString, QString>> rows;
    for (const QAction *action : actions) {
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        if (!keys.isEmpty())
            rows.append({QString(action->text()).remove(u'&'), keys.join(QStringLiteral(", "))});
    }
    rows.append({tr("Zoom towards the cursor"), tr("Ctrl+Wheel")});
    rows.append({tr("Fit / 100 % in the preview"), tr("F / 1")});
    rows.append({tr("Pan the preview"), tr("Drag, or the arrow keys")});

    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("shortcutsButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(460, 480);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QString AboutDialog::versionsText()
{
    return tr("Qt %1 · QtKeychain %2 · librsvg %3")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(CLOUDCRAFT_QTKEYCHAIN_VERSION),
             QStringLiteral(CLOUDCRAFT_LIBRSVG_VERSION));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Cloudcraft Desktop"));
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setAccessibleName(tr("Application icon"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/co.cloudcraft.Desktop.svg")).pixmap(72, 72));
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setAccessibleName(tr("About"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(tr("<h2>Cloudcraft Desktop %1</h2>"
                     "<p>Browse, inspect and present the architecture diagrams of your Cloudcraft workspace.</p>"
                     "<p>Built with %2.</p>")
                      .arg(QString::fromLatin1(Cloudcraft::kAppVersion), versionsText().toHtmlEscaped()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

AboutDialog::~AboutDialog() = default;

} // namespace Cloudcraft::Ui
