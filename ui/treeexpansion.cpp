#include "treeexpansion.h"

#include "models/treeroles.h"

#include <QElapsedTimer>
#include <QTreeView>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {
// One slice of expanding stays well under a frame and the 50 ms stall budget, including the layout it causes.
constexpr qint64 kSliceNs = 6'000'000;
} // namespace

QString TreeExpansion::keyOf(const QModelIndex &index)
{
    switch (TreeNodeKind(index.data(KindRole).toInt())) {
    case TreeNodeKind::Group:
        return u"group:" + index.data(IdRole).toString();
    case TreeNodeKind::Blueprint:
        return u"blueprint:" + index.data(IdRole).toString();
    case TreeNodeKind::Provider:
        return u"provider:" + QString::number(index.data(ProviderRole).toInt());
    case TreeNodeKind::Account:
        return u"account:" + index.data(IdRole).toString();
    case TreeNodeKind::Region:
        return u"region:" + index.data(AccountIdRole).toString() + u'/' + index.data(RegionRole).toString();
    case TreeNodeKind::Snapshot:
        break;
    }
    return {};
}

TreeExpansion::TreeExpansion(QTreeView *view, int defaultDepth, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_defaultDepth(defaultDepth)
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &TreeExpansion::runSlice);
    connect(view, &QTreeView::expanded, this, [this](const QModelIndex &index) { remember(index, true); });
    connect(view, &QTreeView::collapsed, this, [this](const QModelIndex &index) { remember(index, false); });
    if (QAbstractItemModel *model = view->model())
        connect(model, &QAbstractItemModel::modelReset, this, &TreeExpansion::apply);
}

TreeExpansion::~TreeExpansion() = default;

QStringList TreeExpansion::state() const
{
    QStringList state;
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it)
        state.append((it.value() ? u'+' : u'-') + it.key());
    state.sort();
    return state;
}

void TreeExpansion::setState(const QStringList &state)
{
    m_choices.clear();
    for (const QString &entry : state) {
        if (entry.size() > 1 && (entry.front() == u'+' || entry.front() == u'-'))
            m_choices.insert(entry.mid(1), entry.front() == u'+');
    }
    apply();
}

void TreeExpansion::setSuspended(bool suspended)
{
    if (suspended == m_suspended)
        return;
    m_suspended = suspended;
    if (suspended)
        m_timer.stop();
    else
        apply();
}

void TreeExpansion::remember(const QModelIndex &index, bool expanded)
{
    if (m_applying || m_suspended)
        return;
    const QString key = keyOf(index);
    if (key.isEmpty())
        return;
    // A choice equal to the default is no choice: the default may be what a later version changes.
    int depth = 0;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        ++depth;
    if (expanded == (depth <= m_defaultDepth))
        m_choices.remove(key);
    else
        m_choices.insert(key, expanded);
}

bool TreeExpansion::wantsExpanded(const QModelIndex &index, int depth) const
{
    const auto choice = m_choices.constFind(keyOf(index));
    if (choice != m_choices.cend())
        return *choice;
    return depth <= m_defaultDepth;
}

void TreeExpansion::apply()
{
    if (m_suspended || !m_view->model())
        return;
    m_applying = true;
    m_view->collapseAll();
    m_applying = false;
    m_layoutPending = true;
    m_queue.clear();
    const QAbstractItemModel *model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        m_queue.emplace_back(model->index(row, 0), 0);
    m_timer.start();
}

void TreeExpansion::runSlice()
{
    if (m_suspended) {
        m_timer.stop();
        return;
    }
    QElapsedTimer clock;
    clock.start();
    // Lay out what the reset left (top level, collapsed: cheap) first, so each expand() below only lays out its
    // own children instead of adding to one big deferred layout.
    if (m_layoutPending) {
        m_layoutPending = false;
        m_view->doItemsLayout();
    }
    const QAbstractItemModel *model = m_view->model();
    m_applying = true;
    while (!m_queue.empty() && clock.nsecsElapsed() < kSliceNs) {
        const auto [persistent, depth] = m_queue.front();
        m_queue.pop_front();
        const QModelIndex index = persistent;
        if (!index.isValid() || !model || !model->hasChildren(index) || !wantsExpanded(index, depth))
            continue;
        m_view->expand(index);
        for (int row = 0; row < model->rowCount(index); ++row) {
            const QModelIndex child = model->index(row, 0, index);
            if (!(model->flags(child) & Qt::ItemNeverHasChildren))
                m_queue.emplace_back(child, depth + 1);
        }
    }
    m_applying = false;
    if (m_queue.empty()) {
        m_timer.stop();
        Q_EMIT applied();
    }
}

} // namespace Cloudcraft::Ui
