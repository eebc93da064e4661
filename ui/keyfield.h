#pragma once

#include <QLineEdit>

namespace Cloudcraft::Ui {

/// A line edit for an API key: always masked, and nothing leaves it through the clipboard, drag and drop or a
/// context menu. The input method is told the text is sensitive so it neither predicts nor remembers it.
class KeyField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyField)

public:
    explicit KeyField(QWidget *parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Cloudcraft::Ui
