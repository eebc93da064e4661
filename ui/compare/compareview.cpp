#include "compareview.h"

#include "comparecanvas.h"
#include "compareviewport.h"
#include "elidinglabel.h"
#include "imagepyramid.h"

#include "compare/comparetypes.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Cloudcraft::Ui {

namespace {
constexpr double kZoomStep = 1.25;
constexpr double kSwipeStep = 0.02;      ///< Left/Right
constexpr double kSwipeLargeStep = 0.10; ///< Shift+Left/Right
constexpr CompareMode kModes[] = {CompareMode::SideBySide, CompareMode::Swipe, CompareMode::Onion, CompareMode::Blink,
                                  CompareMode::Difference};
const QColor kPresentationBackground(0x1b, 0x1c, 0x20);

QString swatch(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(color.name());
}
} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareView"));
    setAccessibleName(tr("Compare view"));
    setFocusPolicy(Qt::StrongFocus);

    m_viewport = new CompareViewport(this);
    // One worker for the three pyramids: on a two-core machine the UI thread keeps a core to itself.
    m_workers = new QThreadPool(this);
    m_workers->setMaxThreadCount(1);
    m_before = new ImagePyramid(m_workers, this);
    m_after = new ImagePyramid(m_workers, this);
    m_difference = new ImagePyramid(m_workers, this);
    m_scene.before = m_before;
    m_scene.after = m_after;
    m_scene.difference = m_difference;
    m_before->setObjectName(QStringLiteral("beforePyramid"));
    m_after->setObjectName(QStringLiteral("afterPyramid"));
    m_difference->setObjectName(QStringLiteral("differencePyramid"));
    for (ImagePyramid *pyramid : {m_before, m_after, m_difference})
        connect(pyramid, &ImagePyramid::ready, this, &CompareView::repaintCanvases);
    connect(m_viewport, &CompareViewport::changed, this, &CompareView::viewportChanged);

    m_blinkTimer = new QTimer(this);
    m_blinkTimer->setObjectName(QStringLiteral("blinkTimer"));
    m_blinkTimer->setInterval(kBlinkIntervalMs);
    connect(m_blinkTimer, &QTimer::timeout, this, [this] { showBefore(!m_scene.showingBefore); });

    buildToolBar();

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("comparePages"));
    m_pages->setAutoFillBackground(true);
    m_sideBySide = buildSideBySidePage();
    m_pages->addWidget(m_sideBySide);
    m_composite = addCanvas(new CompareCanvas(CompareCanvas::Role::Composite, &m_scene, m_viewport));
    m_pages->addWidget(m_composite);
    connect(m_composite, &CompareCanvas::swipeMoved, this, &CompareView::setSwipePosition);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pages, 1);
    setFocusProxy(nullptr);

    updateLabels();
    updateModeControls();
    updateBlinkLabel();
}

CompareView::~CompareView()
{
    // The pyramids' tasks hold only their own image copies, but the pool must not outlive its jobs' watchers.
    m_workers->clear();
    m_workers->waitForDone();
}

void CompareView::buildToolBar()
{
    m_toolBar = new QToolBar(tr("Compare modes"), this);
    m_toolBar->setObjectName(QStringLiteral("compareModeToolBar"));
    m_toolBar->setAccessibleName(tr("Compare modes"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_modes = new QActionGroup(this);
    m_modes->setExclusive(true);
    const struct
    {
        const char *name;
        QString text;
        QString tip;
    } modes[] = {
        {"compareModeSideBySide", tr("Side by side"), tr("Both images next to each other, zoomed and panned together")},
        {"compareModeSwipe", tr("Swipe"), tr("Before left of a divider you drag, after right of it")},
        {"compareModeOnion", tr("Onion skin"), tr("After over before, with an opacity slider")},
        {"compareModeBlink", tr("Blink"), tr("Before and after in turn (B or Space, or play)")},
        {"compareModeDifference", tr("Difference"), tr("Changed pixels in colour over the faded after-image")},
    };
    for (int i = 0; i < 5; ++i) {
        auto *action = new QAction(modes[i].text, this);
        action->setObjectName(QString::fromLatin1(modes[i].name));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::Key_1 + i));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("%1 (%2)").arg(modes[i].tip).arg(i + 1));
        action->setChecked(i == 0);
        m_modes->addAction(action);
        m_toolBar->addAction(action);
        addAction(action); // the shortcut works wherever the focus is inside the view, even without the toolbar
        const CompareMode mode = kModes[i];
        connect(action, &QAction::triggered, this, [this, mode] { setMode(mode); });
        m_modeActions.append(action);
    }
    for (QAction *action : m_modeActions) {
        if (QWidget *button = m_toolBar->widgetForAction(action)) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->text());
        }
    }
    m_toolBar->addSeparator();
    QAction *fit = m_toolBar->addAction(tr("Fit"), this, &CompareView::fitToWindow);
    fit->setObjectName(QStringLiteral("compareFit"));
    fit->setToolTip(tr("Fit the images to the window (F, Ctrl+0)"));
    QAction *actual = m_toolBar->addAction(tr("100 %"), this, [this] { setZoom(1.0); });
    actual->setObjectName(QStringLiteral("compareActualSize"));
    actual->setToolTip(tr("One image pixel to one screen pixel (Ctrl+1)"));
    for (QAction *action : {fit, actual}) {
        if (QWidget *button = m_toolBar->widgetForAction(action)) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->toolTip());
        }
    }
    m_toolBar->addSeparator();

    // Per-mode controls: only the current mode's are visible.
    auto *onion = new QWidget(m_toolBar);
    auto *onionLayout = new QHBoxLayout(onion);
    onionLayout->setContentsMargins(6, 0, 6, 0);
    auto *onionLabel = new QLabel(tr("Opacity of after:"), onion);
    m_onionSlider = new QSlider(Qt::Horizontal, onion);
    m_onionSlider->setObjectName(QStringLiteral("onionOpacity"));
    m_onionSlider->setAccessibleName(tr("Opacity of the after image"));
    m_onionSlider->setRange(0, 100);
    m_onionSlider->setValue(50);
    m_onionSlider->setFixedWidth(160);
    m_onionSlider->setFocusPolicy(Qt::NoFocus);
    onionLabel->setBuddy(m_onionSlider);
    connect(m_onionSlider, &QSlider::valueChanged, this, [this](int value) { setOnionOpacity(value / 100.0); });
    onionLayout->addWidget(onionLabel);
    onionLayout->addWidget(m_onionSlider);
    m_onionControls = m_toolBar->addWidget(onion);

    auto *blink = new QWidget(m_toolBar);
    auto *blinkLayout = new QHBoxLayout(blink);
    blinkLayout->setContentsMargins(6, 0, 6, 0);
    m_blinkPlay = new QToolButton(blink);
    m_blinkPlay->setObjectName(QStringLiteral("blinkPlay"));
    m_blinkPlay->setCheckable(true);
    m_blinkPlay->setText(tr("Play"));
    m_blinkPlay->setAccessibleName(tr("Alternate before and after automatically"));
    m_blinkPlay->setFocusPolicy(Qt::NoFocus);
    connect(m_blinkPlay, &QToolButton::toggled, this, &CompareView::setBlinking);
    m_blinkLabel = new QLabel(blink);
    m_blinkLabel->setObjectName(QStringLiteral("blinkShowing"));
    m_blinkLabel->setAccessibleName(tr("Image shown"));
    blinkLayout->addWidget(m_blinkPlay);
    blinkLayout->addWidget(m_blinkLabel);
    m_blinkControls = m_toolBar->addWidget(blink);

    m_legend = new QLabel(m_toolBar);
    m_legend->setObjectName(QStringLiteral("differenceLegend"));
    m_legend->setAccessibleName(tr("Difference legend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(6, 0, 6, 0);
    m_legendControls = m_toolBar->addWidget(m_legend);
    setLegendColors(Core::compareAddedColor(), Core::compareRemovedColor());
}

QWidget *CompareView::buildSideBySidePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("sideBySidePage"));
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    const auto addPane = [&](CompareCanvas *canvas, QLabel *&label, const char *labelName) {
        auto *pane = new QVBoxLayout;
        pane->setSpacing(2);
        label = new ElidingLabel(page); // a long title or path must not widen the window past the screen
        label->setObjectName(QString::fromLatin1(labelName));
        label->setAlignment(Qt::AlignCenter);
        label->setContentsMargins(0, 3, 0, 3);
        pane->addWidget(label);
        pane->addWidget(canvas, 1);
        layout->addLayout(pane, 1);
    };
    m_beforeCanvas = addCanvas(new CompareCanvas(CompareCanvas::Role::Before, &m_scene, m_viewport, page));
    m_afterCanvas = addCanvas(new CompareCanvas(CompareCanvas::Role::After, &m_scene, m_viewport, page));
    addPane(m_beforeCanvas, m_beforeLabel, "beforeLabel");
    addPane(m_afterCanvas, m_afterLabel, "afterLabel");
    return page;
}

CompareCanvas *CompareView::addCanvas(CompareCanvas *canvas)
{
    connect(canvas, &CompareCanvas::resized, this, [this, canvas] {
        if (canvas == activeCanvas())
            updateViewSize();
    });
    connect(canvas, &CompareCanvas::regionHovered, this, &CompareView::regionHovered);
    connect(canvas, &CompareCanvas::regionClicked, this, &CompareView::regionClicked);
    connect(canvas, &CompareCanvas::ignoreRegionDrawn, this, &CompareView::ignoreRegionDrawn);
    connect(canvas, &CompareCanvas::ignoreRegionRemoved, this, &CompareView::ignoreRegionRemoved);
    return canvas;
}

CompareCanvas *CompareView::activeCanvas() const
{
    return m_pages && m_pages->currentWidget() == m_sideBySide ? m_beforeCanvas : m_composite;
}

void CompareView::updateViewSize()
{
    if (CompareCanvas *canvas = activeCanvas())
        m_viewport->setViewSize(canvas->size(), canvas->devicePixelRatioF());
}

void CompareView::setImages(const QImage &before, const QImage &after)
{
    m_before->setImage(before);
    m_after->setImage(after);
    m_viewport->setCanvasSize(before.size().expandedTo(after.size()));
    repaintCanvases();
}

void CompareView::setDifferenceImage(const QImage &difference)
{
    m_difference->setImage(difference);
    repaintCanvases();
}

void CompareView::setLabels(const QString &before, const QString &after)
{
    m_beforeText = before;
    m_afterText = after;
    updateLabels();
}

void CompareView::updateLabels()
{
    const auto text = [](const QString &side, const QString &label) {
        return label.isEmpty() ? side : tr("%1 · %2").arg(side, label);
    };
    m_beforeLabel->setText(text(tr("Before"), m_beforeText));
    m_afterLabel->setText(text(tr("After"), m_afterText));
}

void CompareView::setLegendColors(const QColor &added, const QColor &removed)
{
    m_scene.addedColor = added;
    m_scene.removedColor = removed;
    m_legend->setText(tr("%1 added (darker in after)  %2 removed (lighter in after)")
                          .arg(swatch(added), swatch(removed)));
}

void CompareView::setRegions(const QList<QRect> &regions)
{
    m_scene.regions = regions;
    repaintCanvases();
}

void CompareView::setMode(CompareMode mode)
{
    const bool changed = mode != m_scene.mode;
    m_scene.mode = mode;
    m_scene.flipped = false;
    if (mode != CompareMode::Blink)
        setBlinking(false);
    m_modeActions.at(int(mode))->setChecked(true);
    m_pages->setCurrentWidget(mode == CompareMode::SideBySide ? m_sideBySide : m_composite);
    updateViewSize();
    updateModeControls();
    m_composite->syncSwipeHandle();
    repaintCanvases();
    if (changed)
        Q_EMIT modeChanged(mode);
}

void CompareView::updateModeControls()
{
    m_onionControls->setVisible(m_scene.mode == CompareMode::Onion);
    m_blinkControls->setVisible(m_scene.mode == CompareMode::Blink);
    m_legendControls->setVisible(m_scene.mode == CompareMode::Difference);
}

void CompareView::zoomTo(const QRect &imageRect)
{
    m_viewport->zoomTo(QRectF(imageRect));
}

void CompareView::highlightRegion(const QRect &r)
{
    m_scene.highlight = r;
    repaintCanvases();
}

void CompareView::setIgnoreRegions(const QList<QRect> &regions)
{
    m_scene.ignoreRegions = regions;
    repaintCanvases();
}

void CompareView::setIgnoreDrawingEnabled(bool enabled)
{
    m_scene.ignoreDrawing = enabled;
    for (CompareCanvas *canvas : {m_beforeCanvas, m_afterCanvas, m_composite})
        canvas->setCursor(enabled ? Qt::CrossCursor : Qt::OpenHandCursor);
}

void CompareView::setPresentation(bool on)
{
    m_scene.presentation = on;
    m_toolBar->setVisible(!on);
    if (!on)
        m_scene.flipped = false;
    updateBackground();
    m_composite->syncSwipeHandle();
    repaintCanvases();
}

void CompareView::updateBackground()
{
    QPalette palette = m_pages->palette();
    if (m_scene.presentation) {
        palette.setColor(QPalette::Window, kPresentationBackground);
        palette.setColor(QPalette::WindowText, Qt::white);
    } else {
        palette = QPalette();
    }
    m_pages->setPalette(palette);
    for (QLabel *label : {m_beforeLabel, m_afterLabel})
        label->setPalette(palette);
}

void CompareView::showBefore(bool before)
{
    m_scene.showingBefore = before;
    if (m_scene.mode != CompareMode::Blink && !m_scene.flipped) {
        // A flip in another mode shows one side alone on the single canvas until the mode changes.
        m_scene.flipped = true;
        m_pages->setCurrentWidget(m_composite);
        updateViewSize();
        m_composite->syncSwipeHandle();
    }
    updateBlinkLabel();
    repaintCanvases();
}

void CompareView::toggleBeforeAfter()
{
    // The first press in a mode that shows both sides shows before (after is what the user usually looks at).
    showBefore(m_scene.showsOneSide() ? !m_scene.showingBefore : true);
}

void CompareView::updateBlinkLabel()
{
    m_blinkLabel->setText(m_scene.showingBefore ? tr("Showing: Before") : tr("Showing: After"));
}

bool CompareView::isBlinking() const
{
    return m_blinkTimer->isActive();
}

void CompareView::setBlinking(bool on)
{
    if (on && m_scene.mode != CompareMode::Blink)
        setMode(CompareMode::Blink);
    if (on)
        m_blinkTimer->start();
    else
        m_blinkTimer->stop();
    const QSignalBlocker blocker(m_blinkPlay);
    m_blinkPlay->setChecked(on);
    m_blinkPlay->setText(on ? tr("Pause") : tr("Play"));
}

void CompareView::setSwipePosition(double fraction)
{
    m_scene.swipe = std::clamp(fraction, 0.0, 1.0);
    m_composite->syncSwipeHandle();
    m_composite->update();
}

void CompareView::setOnionOpacity(double opacity)
{
    m_scene.onionOpacity = std::clamp(opacity, 0.0, 1.0);
    const int percent = int(std::lround(m_scene.onionOpacity * 100));
    if (m_onionSlider->value() != percent) {
        const QSignalBlocker blocker(m_onionSlider);
        m_onionSlider->setValue(percent);
    }
    m_composite->update();
}

void CompareView::fitToWindow()
{
    m_viewport->fit();
}

void CompareView::setZoom(double zoom)
{
    m_viewport->setZoom(zoom);
}

double CompareView::zoom() const
{
    return m_viewport->zoom();
}

QImage CompareView::grabCurrent() const
{
    return m_pages->currentWidget()->grab().toImage();
}

QAction *CompareView::modeAction(CompareMode mode) const
{
    return m_modeActions.at(int(mode));
}

void CompareView::repaintCanvases()
{
    for (CompareCanvas *canvas : {m_beforeCanvas, m_afterCanvas, m_composite})
        canvas->update();
}

void CompareView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == Qt::NoModifier && key >= Qt::Key_1 && key <= Qt::Key_5) {
        setMode(kModes[key - Qt::Key_1]);
    } else if ((modifiers == Qt::NoModifier && key == Qt::Key_F)
               || (modifiers == Qt::ControlModifier && key == Qt::Key_0)) {
        fitToWindow();
    } else if (modifiers == Qt::ControlModifier && key == Qt::Key_1) {
        setZoom(1.0);
    } else if (modifiers == Qt::ControlModifier && (key == Qt::Key_Plus || key == Qt::Key_Equal)) {
        m_viewport->zoomBy(kZoomStep);
    } else if (modifiers == Qt::ControlModifier && key == Qt::Key_Minus) {
        m_viewport->zoomBy(1.0 / kZoomStep);
    } else if (modifiers == Qt::NoModifier && key == Qt::Key_B) {
        toggleBeforeAfter();
    } else if (modifiers == Qt::NoModifier && key == Qt::Key_Space
               && (m_scene.mode == CompareMode::Blink || m_scene.presentation)) {
        toggleBeforeAfter();
    } else if ((key == Qt::Key_Left || key == Qt::Key_Right) && m_scene.mode == CompareMode::Swipe
               && !m_scene.flipped && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)) {
        const double step = modifiers == Qt::ShiftModifier ? kSwipeLargeStep : kSwipeStep;
        setSwipePosition(m_scene.swipe + (key == Qt::Key_Left ? -step : step));
    } else if (modifiers == Qt::NoModifier && (key == Qt::Key_Delete || key == Qt::Key_Backspace)
               && activeCanvas()->hoveredIgnoreRegion() >= 0) {
        Q_EMIT ignoreRegionRemoved(activeCanvas()->hoveredIgnoreRegion());
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Cloudcraft::Ui
