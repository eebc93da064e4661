// ElidingLabel: a long text never makes its window wider than the room there is; the user sees its ends with "…"
// between them and the whole text in the tooltip, and text() stays whole for code and screen readers.

#include "elidinglabel.h"

#include <QHBoxLayout>
#include <QImage>
#include <QTest>

using namespace Cloudcraft::Ui;

class TestElidingLabel final : public QObject
{
    Q_OBJECT

private:
    const QString m_long = QStringLiteral("/home/architect/snapshots/production/us-east-1/2026-11-26T09-30-00Z-before-"
                                          "the-blue-green-deployment-of-the-checkout-service.png");

    static bool sameImage(QWidget &a, QWidget &b) { return a.grab().toImage() == b.grab().toImage(); }

private Q_SLOTS:
    void aLongTextDoesNotWidenItsWindow()
    {
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *label = new ElidingLabel(&window);
        label->setText(m_long);
        layout->addWidget(label);
        const int textWidth = label->fontMetrics().horizontalAdvance(m_long);
        QVERIFY(textWidth > 600);
        QVERIFY2(window.minimumSizeHint().width() < 150, qPrintable(QString::number(window.minimumSizeHint().width())));
        // A plain QLabel would have: that is the bug this class is for.
        QLabel plain(m_long);
        QVERIFY(plain.minimumSizeHint().width() >= textWidth);
        QCOMPARE(label->text(), m_long);
    }

    void narrowShowsBothEndsAndTheTooltipHasAll()
    {
        ElidingLabel label;
        label.setText(m_long);
        label.resize(300, label.sizeHint().height());
        label.show();
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        QVERIFY(label.isElided());
        (void)label.grab(); // paints
        QCOMPARE(label.toolTip(), m_long);
        // What is drawn is the elided text, not a clipped start: it matches a plain label showing the elided string.
        QLabel reference;
        reference.setText(label.fontMetrics().elidedText(m_long, Qt::ElideMiddle, label.contentsRect().width()));
        QVERIFY(reference.text().contains(QStringLiteral("…")));
        QVERIFY(reference.text().endsWith(QStringLiteral("service.png")));
        reference.resize(label.size());
        reference.setAlignment(label.alignment());
        QVERIFY(sameImage(label, reference));

        // Wide enough again: the whole text, and the tooltip it set is gone.
        label.resize(label.fontMetrics().horizontalAdvance(m_long) + 20, label.height());
        QVERIFY(!label.isElided());
        (void)label.grab();
        QVERIFY(label.toolTip().isEmpty());
    }

    void anOwnersTooltipIsKept()
    {
        ElidingLabel label;
        label.setToolTip(QStringLiteral("Before: a\nAfter: b"));
        label.setText(m_long);
        label.resize(200, 20);
        (void)label.grab();
        QCOMPARE(label.toolTip(), QStringLiteral("Before: a\nAfter: b"));
    }
};

QTEST_MAIN(TestElidingLabel)
#include "tst_elidinglabel.moc"
