#include "timelinestrip.h"

#include "prompter.h"
#include "timelinecarddelegate.h"
#include "timelinechart.h"
#include "timelinemodel.h"

#include "diff/diffinput.h"
#include "history/snapshotchanges.h"
#include "util/atomicwrite.h"
#include "history/snapshotstore.h"

#include <QAction>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace Cloudcraft::Ui {

using namespace Core;

namespace {

QString keyText(const SnapshotChangeKey &key)
{
    return key.beforePng + u'/' + key.afterPng + u'/' + key.beforeJson + u'/' + key.afterJson;
}

/// Decodes a stored PNG with the diff's decoder (size limits checked from the header) and scales it to twice the
/// card's thumbnail box, for sharp thumbnails on high-density screens. A null image when it cannot be read.
QImage decodeThumbnail(const BlobStore &blobs, const QString &sha256)
{
    const auto bytes = blobs.read(sha256);
    if (!bytes.ok())
        return {};
    DiffSource source;
    source.label = sha256;
    source.bytes = bytes.value;
    source.content = DiffInput::detect(source.bytes);
    const DiagramImage decoded = DiffInput().decode(source);
    if (!decoded.ok())
        return {};
    const QSize box = TimelineCardDelegate::kThumbnailSize * 2;
    QImage thumbnail = decoded.image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                           .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    thumbnail.setDevicePixelRatio(2.0);
    return thumbnail;
}

QImage unreadableThumbnail()
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

} // namespace

TimelineStrip::TimelineStrip(Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_prompter(prompter)
    , m_model(new TimelineModel(this))
    , m_chart(new TimelineChart(this))
    , m_cards(new QListView(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_compareLive(new QPushButton(tr("Compare with &live"), this))
    , m_take(new QToolButton(this))
    , m_thumbnailCache(400)
{
    setObjectName(QStringLiteral("timelineStrip"));
    setAccessibleName(tr("Snapshot timeline"));

    m_title->setObjectName(QStringLiteral("timelineTitle"));
    m_title->setAccessibleName(tr("Timeline title"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_compare->setObjectName(QStringLiteral("timelineCompareButton"));
    m_compare->setAccessibleName(tr("Compare the two selected snapshots"));
    m_compare->setToolTip(tr("Compare the two selected snapshots (Enter)"));
    m_compareLive->setObjectName(QStringLiteral("timelineCompareLiveButton"));
    m_compareLive->setAccessibleName(tr("Compare the selected snapshot with the live version"));
    m_take->setObjectName(QStringLiteral("timelineTakeButton"));
    m_take->setAccessibleName(tr("Take a snapshot"));
    m_take->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_take->setAutoRaise(true);
    m_take->hide();
    connect(m_compare, &QPushButton::clicked, this, &TimelineStrip::compareSelected);
    connect(m_compareLive, &QPushButton::clicked, this, &TimelineStrip::compareWithLive);

    m_cards->setObjectName(QStringLiteral("timelineCards"));
    m_cards->setAccessibleName(tr("Snapshots, oldest first"));
    m_cards->setModel(m_model);
    m_cards->setItemDelegate(new TimelineCardDelegate(m_cards));
    m_cards->setFlow(QListView::LeftToRight);
    m_cards->setWrapping(false);
    m_cards->setUniformItemSizes(true);
    m_cards->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_cards->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_cards->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cards->setFrameShape(QFrame::NoFrame);
    m_cards->setContextMenuPolicy(Qt::CustomContextMenu);
    m_cards->setMinimumHeight(TimelineCardDelegate::kCardSize.height() + 4);
    m_cards->installEventFilter(this);
    connect(m_cards, &QListView::customContextMenuRequested, this, &TimelineStrip::showContextMenu);
    connect(m_cards, &QListView::doubleClicked, this, [this] {
        if (selectedIds().size() >= 2)
            compareSelected();
        else
            compareWithLive();
    });
    connect(m_cards->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TimelineStrip::updateState);

    m_chart->setModel(m_model, m_cards->selectionModel());
    connect(m_chart, &TimelineChart::barClicked, this, [this](int row) { selectRow(row); });

    m_hint->setObjectName(QStringLiteral("timelineHint"));
    m_hint->setAccessibleName(tr("Timeline hint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *cardsPage = new QWidget(this);
    auto *cardsLayout = new QVBoxLayout(cardsPage);
    cardsLayout->setContentsMargins(0, 0, 0, 0);
    cardsLayout->setSpacing(2);
    cardsLayout->addWidget(m_chart);
    cardsLayout->addWidget(m_cards, 1);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(cardsPage);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 8, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_compare);
    header->addWidget(m_compareLive);
    header->addWidget(m_take);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    m_chooseSavePath = [this](const QString &suggested, std::function<void(const QString &)> done) {
        auto *dialog = new QFileDialog(this, tr("Export snapshot image"), suggested, tr("PNG images (*.png)"));
        dialog->setObjectName(QStringLiteral("timelineExportDialog"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("png"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [done](const QString &path) { done(path); });
        dialog->open();
    };
    updateState();
}

TimelineStrip::~TimelineStrip() = default;

void TimelineStrip::setStore(SnapshotStore *store)
{
    m_store = store;
    m_changeCache = store ? std::make_unique<SnapshotChangeCache>(store->database()) : nullptr;
    reload();
}

void TimelineStrip::setUnavailable(const QString &sentence)
{
    m_unavailable = sentence;
    updateState();
}

void TimelineStrip::setSource(const std::optional<SnapshotSource> &source)
{
    const bool same = source && m_source && source->sameTarget(*m_source) && source->profile == m_source->profile;
    if (same || (!source && !m_source))
        return;
    m_source = source;
    reload();
}

void TimelineStrip::setTakeAction(QAction *action)
{
    m_take->setDefaultAction(action);
    m_take->setVisible(action != nullptr);
}

void TimelineStrip::setSavePathChooser(
    std::function<void(const QString &, std::function<void(const QString &)>)> chooser)
{
    m_chooseSavePath = std::move(chooser);
}

void TimelineStrip::reload()
{
    ++m_generation;
    m_wasSettled = false;
    QList<SnapshotRecord> records;
    if (m_store && m_source) {
        auto listed = m_store->list(*m_source, m_source->profile);
        if (!listed.ok())
            Q_EMIT message(listed.error.message);
        records = listed.value;
        std::reverse(records.begin(), records.end()); // the store lists newest first; time runs left to right
    }
    const QList<qint64> selected = selectedIds();
    m_model->setRecords(records);
    for (qint64 id : selected) {
        if (const int row = m_model->rowOf(id); row >= 0)
            m_cards->selectionModel()->select(m_model->index(row), QItemSelectionModel::Select);
    }
    if (!records.isEmpty() && selected.isEmpty())
        m_cards->scrollToBottom();
    requestThumbnails();
    requestChanges();
    updateState();
    checkSettled();
}

QList<qint64> TimelineStrip::selectedIds() const
{
    QModelIndexList rows = m_cards->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &index : rows)
        ids.append(index.data(TimelineModel::SnapshotIdRole).toLongLong());
    return ids;
}

bool TimelineStrip::isSettled() const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(TimelineModel::ThumbnailRole).value<QImage>().isNull())
            return false;
        if (row > 0 && !m_model->changes(row))
            return false;
    }
    return true;
}

void TimelineStrip::checkSettled()
{
    if (m_wasSettled || !isSettled())
        return;
    m_wasSettled = true;
    Q_EMIT settled();
}

void TimelineStrip::selectRow(int row, bool extend)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row);
    m_cards->selectionModel()->setCurrentIndex(index, extend ? QItemSelectionModel::Select
                                                             : QItemSelectionModel::ClearAndSelect);
    m_cards->scrollTo(index);
}

void TimelineStrip::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() < 2)
        return;
    Q_EMIT compareRequested(QStringLiteral("snapshot:%1").arg(ids.first()), QStringLiteral("snapshot:%1").arg(ids.last()));
}

void TimelineStrip::compareWithLive()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1 || !m_source)
        return;
    Q_EMIT compareRequested(QStringLiteral("snapshot:%1").arg(ids.first()), m_source->reference());
}

void TimelineStrip::updateState()
{
    const int count = m_model->rowCount();
    const int selected = int(selectedIds().size());
    if (!m_source)
        m_title->setText(tr("Timeline"));
    else
        m_title->setText(count > 0 ? tr("Timeline — %n snapshot(s)", nullptr, count) : tr("Timeline"));
    if (!m_unavailable.isEmpty())
        m_hint->setText(m_unavailable);
    else if (!m_source)
        m_hint->setText(tr("Select a blueprint or an account region to see its snapshots."));
    else
        m_hint->setText(tr("No snapshots yet — Take Snapshot keeps this version."));
    m_stack->setCurrentIndex(count > 0 ? 1 : 0);
    m_compare->setEnabled(selected >= 2);
    m_compareLive->setEnabled(selected == 1 && m_source.has_value());
    m_compare->setVisible(count > 0);
    m_compareLive->setVisible(count > 0);
}

void TimelineStrip::requestThumbnails()
{
    if (!m_store)
        return;
    for (const SnapshotRecord &record : m_model->records()) {
        const auto png = record.file(u"png");
        if (!png) {
            m_model->setThumbnail(record.id, unreadableThumbnail());
            continue;
        }
        if (const QImage *cached = m_thumbnailCache.object(png->sha256)) {
            m_model->setThumbnail(record.id, *cached);
            continue;
        }
        if (m_thumbnailsPending.contains(png->sha256))
            continue;
        m_thumbnailsPending.insert(png->sha256);
        auto *watcher = new QFutureWatcher<QImage>(this);
        const QString sha = png->sha256;
        connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, sha] {
            watcher->deleteLater();
            m_thumbnailsPending.remove(sha);
            QImage thumbnail = watcher->result();
            if (thumbnail.isNull())
                thumbnail = unreadableThumbnail();
            m_thumbnailCache.insert(sha, new QImage(thumbnail));
            for (const SnapshotRecord &shown : m_model->records()) {
                if (const auto file = shown.file(u"png"); file && file->sha256 == sha)
                    m_model->setThumbnail(shown.id, thumbnail);
            }
            checkSettled();
        });
        watcher->setFuture(QtConcurrent::run(decodeThumbnail, m_store->blobs(), sha));
    }
}

void TimelineStrip::requestChanges()
{
    if (!m_store)
        return;
    const QList<SnapshotRecord> &records = m_model->records();
    for (qsizetype i = 1; i < records.size(); ++i) {
        const SnapshotRecord &before = records.at(i - 1);
        const SnapshotRecord &after = records.at(i);
        const SnapshotChangeKey key = SnapshotChangeKey::of(before, after);
        if (!key.isComparable()) {
            SnapshotChanges none;
            none.error = tr("Snapshot %1 or %2 holds no PNG image.").arg(before.id).arg(after.id);
            m_model->setChanges(after.id, none);
            continue;
        }
        const auto found = m_changeCache->find(key);
        if (found.ok() && found.value) {
            m_model->setChanges(after.id, *found.value);
            continue;
        }
        const QString text = keyText(key);
        if (m_changesPending.contains(text))
            continue;
        m_changesPending.insert(text);
        auto *watcher = new QFutureWatcher<SnapshotChanges>(this);
        const quint64 generation = m_generation;
        connect(watcher, &QFutureWatcher<SnapshotChanges>::finished, this,
                [this, watcher, key, text, generation, afterId = after.id] {
            watcher->deleteLater();
            m_changesPending.remove(text);
            const SnapshotChanges changes = watcher->result();
            if (m_changeCache) {
                if (const HistoryError error = m_changeCache->save(key, changes))
                    Q_EMIT message(error.message);
            }
            if (generation == m_generation)
                m_model->setChanges(afterId, changes);
            else
                requestChanges(); // the list changed meanwhile: the cache now answers for this pair
            checkSettled();
        });
        watcher->setFuture(QtConcurrent::run(computeSnapshotChanges, m_store->blobs(), before, after));
    }
}

bool TimelineStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_cards && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (selectedIds().size() >= 2)
                compareSelected();
            else
                compareWithLive();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TimelineStrip::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_cards->indexAt(position);
    if (!index.isValid() || !m_store)
        return;
    if (!m_cards->selectionModel()->isSelected(index))
        selectRow(index.row());
    const qint64 id = index.data(TimelineModel::SnapshotIdRole).toLongLong();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("timelineCardMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *rename = menu->addAction(tr("&Rename…"), this, [this, id] { renameSnapshot(id); });
    rename->setObjectName(QStringLiteral("timelineRenameAction"));
    QAction *note = menu->addAction(tr("&Note…"), this, [this, id] { annotateSnapshot(id); });
    note->setObjectName(QStringLiteral("timelineNoteAction"));
    QAction *exportImage = menu->addAction(tr("&Export image…"), this, [this, id] { this->exportImage(id); });
    exportImage->setObjectName(QStringLiteral("timelineExportAction"));
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("&Delete…"), this, [this, id] { deleteSnapshot(id); });
    remove->setObjectName(QStringLiteral("timelineDeleteAction"));
    menu->popup(m_cards->viewport()->mapToGlobal(position));
}

void TimelineStrip::renameSnapshot(qint64 id)
{
    m_prompter.askText(this, tr("Rename snapshot"), tr("Name of snapshot %1 (named snapshots are never pruned):").arg(id),
                       [this, id](const QString &name) {
        if (!m_store)
            return;
        if (const HistoryError error = m_store->rename(id, name.trimmed()))
            return Q_EMIT message(error.message);
        reload();
        Q_EMIT snapshotsChanged();
    });
}

void TimelineStrip::annotateSnapshot(qint64 id)
{
    m_prompter.askText(this, tr("Snapshot note"), tr("Note for snapshot %1:").arg(id), [this, id](const QString &note) {
        if (!m_store)
            return;
        if (const HistoryError error = m_store->setNote(id, note))
            return Q_EMIT message(error.message);
        reload();
        Q_EMIT snapshotsChanged();
    });
}

void TimelineStrip::deleteSnapshot(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const SnapshotRecord record = m_model->record(row);
    const QString question =
        record.name.isEmpty()
            ? tr("Delete the snapshot taken %1? Its images and document are removed from this computer.")
                  .arg(TimelineModel::cardTitle(record))
            : tr("Snapshot \"%1\" is named, so pruning keeps it. Delete it anyway? Its images and document are "
                 "removed from this computer.")
                  .arg(record.name);
    m_prompter.confirm(this, tr("Delete snapshot"), question, tr("Delete"), [this, id](bool yes) {
        if (!yes || !m_store)
            return;
        const auto removed = m_store->remove(id);
        if (!removed.ok())
            return Q_EMIT message(removed.error.message);
        reload();
        Q_EMIT snapshotsChanged();
        Q_EMIT message(tr("Snapshot %1 deleted.").arg(id));
    });
}

void TimelineStrip::exportImage(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0 || !m_chooseSavePath)
        return;
    const SnapshotRecord record = m_model->record(row);
    const auto png = record.file(u"png");
    if (!png)
        return Q_EMIT message(tr("Snapshot %1 holds no PNG image.").arg(id));
    const QString suggested = QStringLiteral("snapshot-%1-%2.png")
                                  .arg(id)
                                  .arg(record.takenAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    m_chooseSavePath(suggested, [this, record, file = *png](const QString &path) {
        if (!m_store)
            return;
        const auto bytes = m_store->read(file);
        if (!bytes.ok())
            return Q_EMIT message(bytes.error.message);
        const AtomicWriteResult written = writeFileAtomically(path, bytes.value);
        if (!written.ok())
            return Q_EMIT message(tr("Could not write %1: %2.").arg(path, written.reason));
        Q_EMIT message(tr("Saved snapshot %1 to %2.").arg(record.id).arg(path));
    });
}

} // namespace Cloudcraft::Ui
