#pragma once

#include "history/snapshotsource.h"

#include <QCache>
#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace Cloudcraft::Core {
class SnapshotChangeCache;
class SnapshotStore;
struct SnapshotChanges;
struct SnapshotRecord;
}

namespace Cloudcraft::Ui {

class Prompter;
class TimelineChart;
class TimelineModel;

/// The horizontal strip under the preview: the snapshots of the selected blueprint or account region as cards,
/// oldest to newest, each with a thumbnail and its changes against the one before (pixel share and resources
/// added, removed, changed), under a small bar chart of those changes. Thumbnails are decoded and scaled, and
/// changes computed, on worker threads; thumbnails are kept in memory, changes in the history database
/// (SnapshotChangeCache).
///
/// Select one card to compare it with the live version, two (Ctrl/Shift-click) to compare them (the oldest and
/// newest selected when more); the strip asks for it with compareRequested() and its owner opens the compare view.
/// Left/Right move, Enter compares. A card's context menu renames, annotates, deletes and exports it.
class TimelineStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineStrip)

public:
    explicit TimelineStrip(Prompter &prompter, QWidget *parent = nullptr);
    ~TimelineStrip() override;

    /// The history to read (owned by the caller, used on this thread); nullptr = none.
    void setStore(Core::SnapshotStore *store);
    /// Why there is no history (the hint says it instead of the empty-state line).
    void setUnavailable(const QString &sentence);
    /// Shows the snapshots of `source` (its profile included); nullopt shows nothing.
    void setSource(const std::optional<Core::SnapshotSource> &source);
    std::optional<Core::SnapshotSource> source() const { return m_source; }
    /// Shows `action` (Take Snapshot) as a button in the strip's header.
    void setTakeAction(QAction *action);
    /// How Export image asks for a file name: `done` gets the path, or is not called when cancelled. Defaults to a
    /// file dialog.
    void setSavePathChooser(std::function<void(const QString &suggested, std::function<void(const QString &)> done)>);

    TimelineModel *model() const { return m_model; }
    QListView *cardView() const { return m_cards; }
    /// The ids of the selected snapshots, oldest first.
    QList<qint64> selectedIds() const;
    /// Whether every visible card has its thumbnail and changes (tests and screenshots wait for it).
    bool isSettled() const;

public Q_SLOTS:
    /// Reads the list again (after a snapshot was taken or removed elsewhere).
    void reload();
    /// Compares the oldest and the newest selected snapshot (two or more selected).
    void compareSelected();
    /// Compares the selected snapshot with the live blueprint or account region.
    void compareWithLive();
    void selectRow(int row, bool extend = false);

Q_SIGNALS:
    /// `a` before `b`: "snapshot:<id>" references, or a snapshot and "blueprint:<id>" / "aws:<acct>/<region>".
    void compareRequested(const QString &a, const QString &b);
    /// A snapshot was renamed, annotated or deleted here (the trees show them too).
    void snapshotsChanged();
    /// Every card has its thumbnail and changes.
    void settled();
    /// One sentence for the status bar.
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void requestThumbnails();
    void requestChanges();
    void showContextMenu(const QPoint &position);
    void renameSnapshot(qint64 id);
    void annotateSnapshot(qint64 id);
    void deleteSnapshot(qint64 id);
    void exportImage(qint64 id);
    void checkSettled();

    Prompter &m_prompter;
    Core::SnapshotStore *m_store = nullptr;
    std::unique_ptr<Core::SnapshotChangeCache> m_changeCache;
    std::optional<Core::SnapshotSource> m_source;
    QString m_unavailable;
    TimelineModel *m_model;
    TimelineChart *m_chart;
    QListView *m_cards;
    QLabel *m_title;
    QLabel *m_hint;
    QStackedWidget *m_stack;
    QPushButton *m_compare;
    QPushButton *m_compareLive;
    QToolButton *m_take;
    QCache<QString, QImage> m_thumbnailCache; ///< PNG sha-256 → thumbnail
    QSet<QString> m_thumbnailsPending;         ///< PNG sha-256 being decoded
    QSet<QString> m_changesPending;            ///< comparisons (keyText) being computed
    quint64 m_generation = 0;                  ///< bumped by reload(): older results for another source are dropped
    std::function<void(const QString &, std::function<void(const QString &)>)> m_chooseSavePath;
    bool m_wasSettled = false;
};

} // namespace Cloudcraft::Ui
