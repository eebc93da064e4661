#pragma once

#include <QLabel>

namespace Cloudcraft::Ui {

/// A one-line plain-text label that gives way: when its text is wider than the room it gets, it is drawn elided
/// with "…" and the full text is its tooltip, instead of forcing its window wider (a file path or snapshot title can
/// be longer than any screen). text() and the accessible name keep the full text.
class ElidingLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    /// Where the text is cut: Qt::ElideMiddle keeps both ends of a path (the default), ElideRight a sentence's start.
    void setElideMode(Qt::TextElideMode mode);
    Qt::TextElideMode elideMode() const { return m_mode; }
    /// True when the text does not fit and is drawn elided.
    bool isElided() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /// Shows the full text as the tooltip while elided, unless the owner set a tooltip of its own.
    void updateToolTip(bool elided);

    Qt::TextElideMode m_mode = Qt::ElideMiddle;
    QString m_autoToolTip; ///< the tooltip this label set itself (empty: none)
};

} // namespace Cloudcraft::Ui
