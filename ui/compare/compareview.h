#pragma once

#include "comparemode.h"
#include "comparescene.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QWidget>

class QAction;
class QActionGroup;
class QLabel;
class QSlider;
class QStackedWidget;
class QThreadPool;
class QTimer;
class QToolBar;
class QToolButton;

namespace Cloudcraft::Ui {

class CompareCanvas;
class CompareViewport;
class ImagePyramid;

/// The compare view of issue 6 (contract 3): a before/after pair shown side by side (synchronised zoom and pan),
/// with a swipe divider, as an onion skin, blinking, or as the difference image; change regions outlined, one
/// highlighted, ignore regions drawn with the mouse, and a presentation look without chrome.
///
/// Image coordinates are those of the canvas: both images top-left aligned, the larger of the two sizes.
/// Keys: 1..5 modes, F / Ctrl+0 fit, Ctrl+1 100 %, Ctrl++ / Ctrl+- zoom, Ctrl+wheel zoom to the cursor, drag pans,
/// B (or Space in blink and presentation) toggles before/after, Left/Right move the swipe divider, Delete removes
/// the ignore region under the mouse.
class CompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    static constexpr int kBlinkIntervalMs = 600;

    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    void setImages(const QImage &before, const QImage &after);
    void setDifferenceImage(const QImage &difference);
    /// Texts above the side-by-side panes ("Before" / "After" followed by these when not empty).
    void setLabels(const QString &before, const QString &after);
    /// The colours of the difference image's legend (CompareResult::difference).
    void setLegendColors(const QColor &added, const QColor &removed);
    void setRegions(const QList<QRect> &regions);
    void setMode(CompareMode mode);
    CompareMode mode() const { return m_scene.mode; }
    /// Shows `imageRect` as large as the view allows, with a margin.
    void zoomTo(const QRect &imageRect);
    /// Draws `r` strongly on every canvas; a null rectangle removes the highlight.
    void highlightRegion(const QRect &r);
    void setIgnoreRegions(const QList<QRect> &regions);
    void setIgnoreDrawingEnabled(bool enabled);
    bool isIgnoreDrawingEnabled() const { return m_scene.ignoreDrawing; }
    void setPresentation(bool on);
    bool isPresentation() const { return m_scene.presentation; }
    /// Shows the before (true) or after (false) image alone: the blink state, or a flip in any other mode that
    /// lasts until the mode changes.
    void showBefore(bool before);
    bool isShowingBefore() const { return m_scene.showingBefore; }
    /// Whether one side is shown alone (blink, or after B / Space in another mode).
    bool isShowingOneSide() const { return m_scene.showsOneSide(); }
    void fitToWindow();
    void setZoom(double zoom);
    double zoom() const;
    /// What the view shows now, without the toolbar.
    QImage grabCurrent() const;

    double swipePosition() const { return m_scene.swipe; }
    void setSwipePosition(double fraction);
    double onionOpacity() const { return m_scene.onionOpacity; }
    void setOnionOpacity(double opacity);
    bool isBlinking() const;
    void setBlinking(bool on);

    CompareViewport *viewport() const { return m_viewport; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *modeAction(CompareMode mode) const;

Q_SIGNALS:
    void modeChanged(Cloudcraft::Ui::CompareMode mode);
    void regionHovered(int index);
    void regionClicked(int index);
    void ignoreRegionDrawn(QRect imageRect);
    void ignoreRegionRemoved(int index);
    void viewportChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildToolBar();
    QWidget *buildSideBySidePage();
    CompareCanvas *addCanvas(CompareCanvas *canvas);
    CompareCanvas *activeCanvas() const;
    void updateViewSize();
    void updateModeControls();
    void updateBlinkLabel();
    void updateBackground();
    void updateLabels();
    void repaintCanvases();
    void toggleBeforeAfter();

    CompareScene m_scene;
    CompareViewport *m_viewport = nullptr;
    QThreadPool *m_workers = nullptr;
    ImagePyramid *m_before = nullptr;
    ImagePyramid *m_after = nullptr;
    ImagePyramid *m_difference = nullptr;
    QToolBar *m_toolBar = nullptr;
    QActionGroup *m_modes = nullptr;
    QList<QAction *> m_modeActions;
    QAction *m_onionControls = nullptr;
    QAction *m_blinkControls = nullptr;
    QAction *m_legendControls = nullptr;
    QSlider *m_onionSlider = nullptr;
    QToolButton *m_blinkPlay = nullptr;
    QLabel *m_blinkLabel = nullptr;
    QLabel *m_legend = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_sideBySide = nullptr;
    QLabel *m_beforeLabel = nullptr;
    QLabel *m_afterLabel = nullptr;
    QString m_beforeText;
    QString m_afterText;
    CompareCanvas *m_beforeCanvas = nullptr;
    CompareCanvas *m_afterCanvas = nullptr;
    CompareCanvas *m_composite = nullptr;
    QTimer *m_blinkTimer = nullptr;
};

} // namespace Cloudcraft::Ui
