#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace Cloudcraft::Ui {

/// Help > Keyboard shortcuts: every action with a shortcut, plus the preview's own keys.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
};

/// Help > About: what this is and the versions of the libraries it runs on.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    /// "Qt 6.4.2 · QtKeychain 0.13.2 · librsvg 2.54.7"
    static QString versionsText();
};

} // namespace Cloudcraft::Ui
