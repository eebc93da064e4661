#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Cloudcraft::Ui {

/// Message boxes and file choosers behind one small interface, so GUI tests can answer them without a modal loop.
/// Every method returns at once; the answer arrives through the callback (which may never run if the user closes
/// the window).
class Prompter
{
public:
    enum class Severity { Information, Warning, Error };

    virtual ~Prompter() = default;

    virtual void message(QWidget *parent, Severity severity, const QString &title, const QString &text) = 0;
    /// Asks a yes/no question; `done(true)` when the user confirmed.
    virtual void confirm(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                         std::function<void(bool)> done) = 0;
    /// Asks for an existing file to open; `done` gets the absolute path, or nothing when cancelled.
    virtual void chooseOpenFile(QWidget *parent, const QString &caption, const QString &nameFilter,
                                std::function<void(const QString &)> done) = 0;
    /// Asks for a one-line text (a profile name); `done` gets it, or nothing when cancelled.
    virtual void askText(QWidget *parent, const QString &title, const QString &label,
                         std::function<void(const QString &)> done) = 0;
};

/// The real dialogs, opened window-modal with open() (never exec()).
class WidgetPrompter final : public Prompter
{
public:
    WidgetPrompter() = default;
    Q_DISABLE_COPY_MOVE(WidgetPrompter)

    void message(QWidget *parent, Severity severity, const QString &title, const QString &text) override;
    void confirm(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                 std::function<void(bool)> done) override;
    void chooseOpenFile(QWidget *parent, const QString &caption, const QString &nameFilter,
                        std::function<void(const QString &)> done) override;
    void askText(QWidget *parent, const QString &title, const QString &label,
                 std::function<void(const QString &)> done) override;
};

} // namespace Cloudcraft::Ui
