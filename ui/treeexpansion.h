#pragma once

#include <QHash>
#include <QObject>
#include <QPersistentModelIndex>
#include <QStringList>
#include <QTimer>

#include <deque>

class QTreeView;

namespace Cloudcraft::Ui {

/// Keeps which rows of a tree view are expanded, by a stable key per row (group key, account id, region...),
/// across model resets and between runs, and lays expansions out a slice at a time.
///
/// Rows no deeper than defaultDepth() start expanded, deeper ones collapsed; what the user opens or closes is
/// remembered per key and wins over the default. After a reset the wanted rows are expanded over several event
/// loop passes of a few milliseconds each, so 5,000 rows never lay out (and sort through the proxy) in one go.
class TreeExpansion final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeExpansion)

public:
    /// The key of a row; empty for rows that are never remembered (leaves).
    static QString keyOf(const QModelIndex &index);

    /// Watches `view`, whose model must be set: re-applies after each reset of that model.
    TreeExpansion(QTreeView *view, int defaultDepth, QObject *parent = nullptr);
    ~TreeExpansion() override;

    int defaultDepth() const { return m_defaultDepth; }

    /// The user's choices, as "+key" (expanded) and "-key" (collapsed), for AppSettings.
    QStringList state() const;
    /// Replaces the choices (from AppSettings) and applies them.
    void setState(const QStringList &state);

    /// While suspended (a filter shows everything expanded), expansions are not remembered; resuming applies the
    /// remembered state again.
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }

    /// Starts (again) putting the wanted state on the view, in slices.
    void apply();
    /// Whether slices are still pending.
    bool isApplying() const { return m_timer.isActive(); }

Q_SIGNALS:
    /// Every wanted row is expanded.
    void applied();

private:
    bool wantsExpanded(const QModelIndex &index, int depth) const;
    void runSlice();
    void remember(const QModelIndex &index, bool expanded);

    QTreeView *m_view;
    int m_defaultDepth;
    QHash<QString, bool> m_choices; ///< key → expanded, for rows the user changed
    std::deque<std::pair<QPersistentModelIndex, int>> m_queue; ///< rows to visit, with their depth
    QTimer m_timer;
    bool m_applying = false; ///< our own expand() calls are not the user's choices
    bool m_layoutPending = false; ///< apply() collapsed everything: the next slice lays out the top level first
    bool m_suspended = false;
};

} // namespace Cloudcraft::Ui
