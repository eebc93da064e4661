#include "comparewindow.h"

#include "changelistpanel.h"
#include "compareexportdialog.h"
#include "elidinglabel.h"
#include "structuralpanel.h"
#include "compare/compareview.h"

#include "compare/compareloader.h"
#include "compare/compositeexporter.h"
#include "compare/ignoreregionstore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace Cloudcraft::Ui {

namespace {

constexpr int kSettingsDelayMs = 150; // a slider drag settles before the next comparison starts
constexpr int kZoomMargin = 48;       // image pixels of context around a zoomed-to change

const QString kGeometryKey = QStringLiteral("compareWindow/geometry");
const QString kStateKey = QStringLiteral("compareWindow/state");

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

CompareWindow::CompareWindow(CompareWindowServices services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(new Core::CompareSession(this))
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare"));
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_view = new CompareView(this);
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setAccessibleName(tr("Compared diagrams"));
    setCentralWidget(m_view);

    m_settingsTimer = new QTimer(this);
    m_settingsTimer->setSingleShot(true);
    m_settingsTimer->setInterval(kSettingsDelayMs);
    connect(m_settingsTimer, &QTimer::timeout, this, &CompareWindow::applySettings);

    buildToolBar();
    buildDocks();
    connectSession();

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("compareBusy"));
    m_busy->setAccessibleName(tr("Comparing"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    // Both give way when the window is narrow (file paths and snapshot titles can be long): elided, full text in the
    // tooltip, never a window wider than the screen.
    auto *status = new ElidingLabel(this);
    status->setElideMode(Qt::ElideRight);
    m_status = status;
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_sides = new ElidingLabel(this);
    m_sides->setObjectName(QStringLiteral("compareSides"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_sides);
    statusBar()->addPermanentWidget(m_busy);
    m_view->setLegendColors(Core::compareAddedColor(), Core::compareRemovedColor());

    resize(1280, 800);
    restoreGeometry(m_services.settings.value(kGeometryKey).toByteArray());
    restoreState(m_services.settings.value(kStateKey).toByteArray());
    m_view->setFocus();
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildToolBar()
{
    m_toolBar = addToolBar(tr("Compare"));
    m_toolBar->setObjectName(QStringLiteral("compareToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The modes, fit and zoom are the view's own toolbar, above the pictures.

    auto *thresholdLabel = new QLabel(tr("Threshold"), m_toolBar);
    m_threshold = new QSlider(Qt::Horizontal, m_toolBar);
    m_threshold->setObjectName(QStringLiteral("thresholdSlider"));
    m_threshold->setAccessibleName(tr("Threshold"));
    m_threshold->setToolTip(tr("How different a pixel must be to count as changed (0 = any difference, 1 = none)"));
    m_threshold->setRange(0, 100); // hundredths: 0.00 … 1.00 in steps of 0.01
    m_threshold->setSingleStep(1);
    m_threshold->setPageStep(5);
    m_threshold->setValue(10);
    m_threshold->setFixedWidth(140);
    thresholdLabel->setBuddy(m_threshold);
    m_thresholdValue = new QLabel(m_toolBar);
    m_thresholdValue->setObjectName(QStringLiteral("thresholdValue"));
    m_thresholdValue->setMinimumWidth(m_thresholdValue->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
    m_toolBar->addWidget(thresholdLabel);
    m_toolBar->addWidget(m_threshold);
    m_toolBar->addWidget(m_thresholdValue);
    connect(m_threshold, &QSlider::valueChanged, this, [this](int value) {
        m_thresholdValue->setText(QLocale::c().toString(value / 100.0, 'f', 2));
        scheduleSettings();
    });
    m_thresholdValue->setText(QLocale::c().toString(m_threshold->value() / 100.0, 'f', 2));

    m_includeAa = new QCheckBox(tr("Include anti-aliasing"), m_toolBar);
    m_includeAa->setObjectName(QStringLiteral("includeAntiAliasing"));
    m_includeAa->setAccessibleName(tr("Include anti-aliasing"));
    m_includeAa->setToolTip(tr("Count anti-aliased edge pixels as changes"));
    m_toolBar->addWidget(m_includeAa);
    connect(m_includeAa, &QCheckBox::toggled, this, &CompareWindow::scheduleSettings);
    m_toolBar->addSeparator();

    m_drawIgnore = m_toolBar->addAction(tr("Draw Ignore Regions"));
    m_drawIgnore->setObjectName(QStringLiteral("drawIgnoreRegions"));
    m_drawIgnore->setCheckable(true);
    m_drawIgnore->setToolTip(tr("Drag on the picture to mark areas whose changes do not count (a clock, a "
                                "timestamp); they are kept for this blueprint or account"));
    connect(m_drawIgnore, &QAction::toggled, this, &CompareWindow::setIgnoreDrawing);
    m_clearIgnore = m_toolBar->addAction(tr("Clear Ignore Regions"));
    m_clearIgnore->setObjectName(QStringLiteral("clearIgnoreRegions"));
    m_clearIgnore->setEnabled(false);
    connect(m_clearIgnore, &QAction::triggered, this, [this] {
        m_ignoreRegions.clear();
        saveIgnoreRegions();
    });
    m_toolBar->addSeparator();

    QAction *exportAction = m_toolBar->addAction(tr("Export…"));
    exportAction->setObjectName(QStringLiteral("exportCompare"));
    exportAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    exportAction->setToolTip(tr("Export the compare as a PNG or PDF for slides (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &CompareWindow::openExportDialog);
    QAction *copyAction = m_toolBar->addAction(tr("Copy"));
    copyAction->setObjectName(QStringLiteral("copyCompare"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setToolTip(tr("Copy the compare as one picture (Ctrl+C)"));
    connect(copyAction, &QAction::triggered, this, &CompareWindow::copyComposite);
    m_present = m_toolBar->addAction(tr("Present"));
    m_present->setObjectName(QStringLiteral("presentation"));
    m_present->setCheckable(true);
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    m_present->setToolTip(tr("Full screen for a room: Space shows before/after, arrows walk the changes, Esc "
                             "leaves (F5)"));
    connect(m_present, &QAction::toggled, this, &CompareWindow::setPresenting);
    for (QAction *action : m_toolBar->actions()) {
        if (QWidget *button = action->isSeparator() ? nullptr : m_toolBar->widgetForAction(action);
            button && !action->objectName().isEmpty()) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->text().remove(u'…'));
        }
    }

    // Window-wide keys (they work with the toolbar hidden, as in the presentation).
    m_next = new QAction(tr("Next Change"), this);
    m_next->setObjectName(QStringLiteral("nextChange"));
    m_next->setShortcuts({QKeySequence(Qt::Key_N)});
    connect(m_next, &QAction::triggered, this, [this] { m_changeList->selectNext(); });
    m_previous = new QAction(tr("Previous Change"), this);
    m_previous->setObjectName(QStringLiteral("previousChange"));
    m_previous->setShortcuts({QKeySequence(Qt::Key_P)});
    connect(m_previous, &QAction::triggered, this, [this] { m_changeList->selectPrevious(); });
    m_leavePresentation = new QAction(tr("Leave Presentation"), this);
    m_leavePresentation->setObjectName(QStringLiteral("leavePresentation"));
    m_leavePresentation->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leavePresentation->setEnabled(false);
    connect(m_leavePresentation, &QAction::triggered, this, [this] { setPresenting(false); });
    addActions({m_next, m_previous, m_leavePresentation});
}

void CompareWindow::buildDocks()
{
    m_changeList = new ChangeListPanel(this);
    auto *changes = new QDockWidget(tr("Changes"), this);
    changes->setObjectName(QStringLiteral("changesDock"));
    changes->setWidget(m_changeList);
    changes->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, changes);
    m_changeList->setMinimumWidth(300); // readable counts and rows even next to a wide picture

    m_structural = new StructuralPanel(this);
    auto *structure = new QDockWidget(tr("Resources"), this);
    structure->setObjectName(QStringLiteral("structureDock"));
    structure->setWidget(m_structural);
    structure->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, structure);
    m_structural->setMinimumWidth(300);
    // After the first layout, so the docks take this width rather than their minimum (unless a saved state says).
    QTimer::singleShot(0, this, [this, changes, structure] {
        if (m_services.settings.value(kStateKey).isNull())
            resizeDocks({changes, structure}, {380, 380}, Qt::Horizontal);
    });

    connect(m_changeList, &ChangeListPanel::regionActivated, this, &CompareWindow::showRegion);
    connect(m_changeList, &ChangeListPanel::regionHovered, this, [this](int index) {
        const QList<Core::ChangeRegion> &regions = m_changeList->regions();
        if (index >= 0 && index < regions.size())
            m_view->highlightRegion(regions.at(index).box);
        else {
            const int current = m_changeList->currentIndex();
            m_view->highlightRegion(current >= 0 && current < regions.size() ? regions.at(current).box : QRect());
        }
    });
    connect(m_view, &CompareView::regionClicked, m_changeList, &ChangeListPanel::setCurrentIndex);
    connect(m_view, &CompareView::ignoreRegionDrawn, this, &CompareWindow::addIgnoreRegion);
    connect(m_view, &CompareView::ignoreRegionRemoved, this, &CompareWindow::removeIgnoreRegion);
    connect(m_structural, &StructuralPanel::resourceSelected, this, &CompareWindow::showResource);
}

void CompareWindow::connectSession()
{
    connect(m_session, &Core::CompareSession::computingChanged, this, [this](bool computing) {
        m_busy->setVisible(computing);
        m_changeList->setComputing(computing);
    });
    connect(m_session, &Core::CompareSession::resultReady, this, &CompareWindow::showResult);
}

void CompareWindow::openReferences(const QString &a, const QString &b)
{
    setWindowTitle(tr("%1 → %2 — Compare").arg(a, b));
    if (!m_services.registry) {
        const QString sentence = tr("%1 and %2 cannot be loaded: this window was opened without references.").arg(a, b);
        showStatus(sentence);
        Q_EMIT loadFailed(sentence);
        return;
    }
    m_loader = std::make_unique<Core::CompareLoader>(*m_services.registry);
    m_loader->setSnapshotRoot(m_services.snapshotRoot);
    connect(m_loader.get(), &Core::CompareLoader::progress, this, &CompareWindow::showStatus);
    connect(m_loader.get(), &Core::CompareLoader::failed, this, [this](const QString &sentence) {
        ChangeCounts counts;
        counts.error = sentence;
        m_changeList->setCounts(counts);
        m_busy->hide();
        showStatus(sentence);
        Q_EMIT loadFailed(sentence);
    });
    connect(m_loader.get(), &Core::CompareLoader::loaded, this,
            [this, b](Core::CompareSide before, Core::CompareSide after) {
                openSides(std::move(before), std::move(after), Core::IgnoreRegionStore::keyForReference(b));
            });
    m_busy->show();
    showStatus(tr("Loading %1 and %2…").arg(a, b));
    m_loader->load(a, b);
}

void CompareWindow::openSides(Core::CompareSide before, Core::CompareSide after, const QString &ignoreKey)
{
    if (windowTitle() == tr("Compare"))
        setWindowTitle(tr("%1 → %2 — Compare").arg(before.label, after.label));
    m_firstShown = false;
    m_ignoreKey = ignoreKey;
    loadIgnoreRegions();
    m_changeList->setRegions({});
    m_view->setImages(before.image, after.image);
    m_view->setIgnoreRegions(m_ignoreRegions);
    m_drawIgnore->setEnabled(!m_ignoreKey.isEmpty() || m_services.ignoreStore == nullptr);
    // The settings first, then the pair: setSides() starts the one comparison with them.
    m_settingsTimer->stop();
    Core::CompareSettings settings;
    settings.threshold = m_threshold->value() / 100.0;
    settings.includeAntiAliasing = m_includeAa->isChecked();
    settings.ignoreRegions = m_ignoreRegions;
    m_session->setSettings(settings);
    m_session->setSides(std::move(before), std::move(after));
    updateSidesLabel();
    showStatus(tr("Comparing…"));
}

void CompareWindow::scheduleSettings()
{
    m_settingsTimer->start();
}

void CompareWindow::applySettings()
{
    Core::CompareSettings settings;
    settings.threshold = m_threshold->value() / 100.0;
    settings.includeAntiAliasing = m_includeAa->isChecked();
    settings.ignoreRegions = m_ignoreRegions;
    m_session->setSettings(settings);
}

void CompareWindow::showResult(const Core::CompareResult &result)
{
    if (!result.ok()) {
        ChangeCounts counts;
        counts.error = result.error;
        m_changeList->setCounts(counts);
        m_changeList->setRegions({});
        m_view->setRegions({});
        showStatus(result.error);
        if (!m_firstShown) {
            m_firstShown = true;
            Q_EMIT firstResultShown();
        }
        return;
    }
    QList<Core::ChangeRegion> regions;
    regions.reserve(result.regions.size());
    for (const Core::CompareRegion &region : result.regions)
        regions.append(Core::ChangeRegion{region.rect, region.pixels});
    const int previous = m_changeList->currentIndex();
    m_changeList->setRegions(regions);
    QList<QRect> boxes;
    for (const Core::ChangeRegion &region : m_changeList->regions())
        boxes.append(region.box);
    m_view->setRegions(boxes);
    m_view->setDifferenceImage(result.difference);
    m_view->highlightRegion({});

    ChangeCounts counts;
    counts.differentPixels = result.differentPixels;
    counts.comparedPixels = result.comparedPixels;
    counts.regions = int(result.regions.size());
    counts.identical = result.identical;
    counts.sizeChanged = result.sizeChanged;
    if (result.structure)
        counts.structure = result.structure->totals;
    m_changeList->setCounts(counts);
    if (!m_firstShown) {
        // The structure does not depend on the threshold: the tree is filled once per pair and keeps its state.
        m_structural->setResult(result.structure);
        m_firstShown = true;
        showStatus(result.identical ? tr("The two pictures are identical.")
                                    : tr("N and P walk through the changes; drag to pan, Ctrl+wheel zooms."));
        Q_EMIT firstResultShown();
    } else if (previous >= 0 && previous < boxes.size()) {
        const QSignalBlocker blocker(m_changeList);
        m_changeList->setCurrentIndex(previous);
        m_view->highlightRegion(boxes.at(previous));
    }
}

void CompareWindow::showRegion(int index)
{
    const QList<Core::ChangeRegion> &regions = m_changeList->regions();
    if (index < 0 || index >= regions.size())
        return;
    const QRect box = regions.at(index).box;
    m_view->zoomTo(box.adjusted(-kZoomMargin, -kZoomMargin, kZoomMargin, kZoomMargin));
    m_view->highlightRegion(box);
    showStatus(tr("Change %1 of %2: %3").arg(index + 1).arg(regions.size()).arg(ChangeListPanel::pixelText(regions.at(index).pixelCount)));
}

void CompareWindow::showResource(const QString &componentId)
{
    QRect box = m_session->after().bounds.value(componentId);
    if (box.isEmpty())
        box = m_session->before().bounds.value(componentId);
    if (box.isEmpty()) {
        showStatus(tr("Where %1 is drawn is not known for these pictures.").arg(componentId));
        return;
    }
    m_view->zoomTo(box.adjusted(-kZoomMargin, -kZoomMargin, kZoomMargin, kZoomMargin));
    m_view->highlightRegion(box);
    showStatus(tr("Showing %1.").arg(componentId));
}

void CompareWindow::setIgnoreDrawing(bool on)
{
    m_view->setIgnoreDrawingEnabled(on);
    showStatus(on ? tr("Drag on the picture to mark an area whose changes do not count.") : QString());
}

void CompareWindow::addIgnoreRegion(const QRect &rect)
{
    const QRect normalized = rect.normalized();
    if (normalized.isEmpty())
        return;
    m_ignoreRegions.append(normalized);
    saveIgnoreRegions();
}

void CompareWindow::removeIgnoreRegion(int index)
{
    if (index < 0 || index >= m_ignoreRegions.size())
        return;
    m_ignoreRegions.removeAt(index);
    saveIgnoreRegions();
}

void CompareWindow::loadIgnoreRegions()
{
    m_ignoreRegions.clear();
    if (m_services.ignoreStore && !m_ignoreKey.isEmpty()) {
        auto saved = m_services.ignoreStore->regions(m_ignoreKey);
        if (saved.ok())
            m_ignoreRegions = saved.value;
        else
            showStatus(saved.error.message);
    }
    m_clearIgnore->setEnabled(!m_ignoreRegions.isEmpty());
}

void CompareWindow::saveIgnoreRegions()
{
    m_view->setIgnoreRegions(m_ignoreRegions);
    m_clearIgnore->setEnabled(!m_ignoreRegions.isEmpty());
    if (m_services.ignoreStore && !m_ignoreKey.isEmpty()) {
        if (const Core::HistoryError error = m_services.ignoreStore->setRegions(m_ignoreKey, m_ignoreRegions);
            error.isError())
            showStatus(error.message);
    }
    applySettings(); // a drawn region is a deliberate act: recompute at once
}

static Core::CompositeOptions compositeOptions(const CompareExportChoice &choice)
{
    Core::CompositeOptions options;
    options.layout = choice.difference ? Core::CompositeOptions::Difference : Core::CompositeOptions::SideBySide;
    options.width = choice.width;
    options.title = choice.title;
    options.pdf = choice.pdf;
    return options;
}

void CompareWindow::openExportDialog()
{
    const QString title = tr("%1 → %2").arg(m_session->before().label, m_session->after().label);
    auto *dialog = new CompareExportDialog(m_services.settings, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareExportDialog::exportRequested, this, [this](const CompareExportChoice &choice) {
        const Core::CompareSide before = m_session->before();
        const Core::CompareSide after = m_session->after();
        const Core::CompareResult result = m_session->result();
        const Core::CompositeOptions options = compositeOptions(choice);
        const QString path = choice.path;
        showStatus(tr("Exporting %1…").arg(path));
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
            const QString problem = watcher->result();
            showStatus(problem.isEmpty() ? tr("Exported %1.").arg(path) : problem);
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([path, before, after, result, options] {
            return Core::CompositeExporter::write(path, before, after, result, options);
        }));
    });
    dialog->open();
}

void CompareWindow::copyComposite()
{
    Core::CompositeOptions options;
    options.layout = m_view->mode() == CompareMode::Difference ? Core::CompositeOptions::Difference
                                                               : Core::CompositeOptions::SideBySide;
    options.title = tr("%1 → %2").arg(m_session->before().label, m_session->after().label);
    const QImage image = Core::CompositeExporter::render(m_session->before(), m_session->after(), m_session->result(), options);
    if (image.isNull()) {
        showStatus(tr("Nothing to copy yet: the compare has no pictures."));
        return;
    }
    QApplication::clipboard()->setImage(image);
    showStatus(tr("Copied the compare (%1×%2) to the clipboard.").arg(image.width()).arg(image.height()));
}

void CompareWindow::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    {
        const QSignalBlocker blocker(m_present);
        m_present->setChecked(on);
    }
    if (on) {
        m_stateBeforePresenting = saveState();
        m_wasMaximized = isMaximized();
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        m_toolBar->hide();
        statusBar()->hide();
        showFullScreen();
        m_next->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_Right)});
        m_previous->setShortcuts({QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_Left)});
    } else {
        m_next->setShortcuts({QKeySequence(Qt::Key_N)});
        m_previous->setShortcuts({QKeySequence(Qt::Key_P)});
        m_view->showBefore(false);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
        m_toolBar->show();
        statusBar()->show();
        restoreState(m_stateBeforePresenting);
    }
    m_leavePresentation->setEnabled(on);
    m_view->setPresentation(on);
    QTimer::singleShot(0, m_view, [view = m_view] { view->fitToWindow(); });
    m_view->setFocus();
}

void CompareWindow::showStatus(const QString &text)
{
    m_status->setText(text);
}

void CompareWindow::updateSidesLabel()
{
    const Core::CompareSide &before = m_session->before();
    const Core::CompareSide &after = m_session->after();
    const QString beforeTime = timeText(before.takenAt);
    const QString afterTime = timeText(after.takenAt);
    m_sides->setText(tr("Before: %1   After: %2")
                         .arg(beforeTime.isEmpty() ? before.label : beforeTime,
                              afterTime.isEmpty() ? after.label : afterTime));
    m_sides->setToolTip(tr("Before: %1\nAfter: %2").arg(before.label, after.label));
    const auto caption = [](const Core::CompareSide &side, const QString &time) {
        return time.isEmpty() ? side.label : tr("%1 · %2").arg(side.label, time);
    };
    m_view->setLabels(caption(before, beforeTime), caption(after, afterTime));
}

void CompareWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenting)
        setPresenting(false);
    m_services.settings.setValue(kGeometryKey, saveGeometry());
    m_services.settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Cloudcraft::Ui
