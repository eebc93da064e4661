#include "keyfield.h"

#include <QKeyEvent>

namespace Cloudcraft::Ui {

KeyField::KeyField(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setDragEnabled(false);
    setContextMenuPolicy(Qt::NoContextMenu);
    setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText | Qt::ImhNoAutoUppercase);
    setClearButtonEnabled(true);
}

void KeyField::keyPressEvent(QKeyEvent *event)
{
    // Password mode already refuses copy(); swallowing the shortcuts also keeps cut from deleting the text.
    if (event->matches(QKeySequence::Copy) || event->matches(QKeySequence::Cut)) {
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace Cloudcraft::Ui
