#include "batchexporter.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/requestscheduler.h"
#include "util/atomicwrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

namespace Cloudcraft::Core {

namespace {

using State = ExportItemStatus::State;

bool sameContent(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.size() != bytes.size() || !file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll() == bytes;
}

} // namespace

BatchExporter::BatchExporter(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<ExportSummary>();
    if (m_client && m_client->scheduler())
        connect(m_client->scheduler(), &RequestScheduler::queueChanged, this, &BatchExporter::updateWaiting);
}

BatchExporter::~BatchExporter()
{
    if (m_call)
        m_call->disconnect(this);
    if (m_call)
        m_call->cancel();
}

bool BatchExporter::start(Job job)
{
    if (m_running) {
        m_error = tr("An export is already running.");
        return false;
    }
    if (!m_client) {
        m_error = tr("Sign in before exporting.");
        return false;
    }
    if (const QString problem = job.settings.validate(); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (job.items.isEmpty()) {
        m_error = tr("Nothing is selected to export.");
        return false;
    }
    const QString directory = QDir::cleanPath(job.directory);
    if (directory.isEmpty() || !QDir().mkpath(directory) || !QFileInfo(directory).isDir()) {
        m_error = tr("The folder %1 does not exist and cannot be created.").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    if (!job.exportedAt.isValid())
        job.exportedAt = QDateTime::currentDateTime();
    job.directory = directory;
    m_job = std::move(job);
    m_template = FileNameTemplate(m_job.settings.fileNameTemplate);
    m_names = std::make_unique<FileNameAllocator>(m_job.directory);
    m_items.clear();
    for (const ExportItem &item : std::as_const(m_job.items)) {
        ExportItemStatus status;
        status.item = item;
        m_items.append(status);
    }
    m_error.clear();
    m_current = -1;
    m_running = true;
    m_cancelling = false;
    // From the event loop, so callers can connect to the signals after start() returns.
    QTimer::singleShot(0, this, &BatchExporter::startNext);
    return true;
}

void BatchExporter::startNext()
{
    if (!m_running)
        return;
    if (m_cancelling || m_current + 1 >= m_items.size()) {
        finishBatch();
        return;
    }
    startItem(++m_current);
}

void BatchExporter::startItem(int index)
{
    ExportItemStatus &status = m_items[index];
    const ExportSettings &settings = m_job.settings;
    const FileNameFields fields{status.item.name,   status.item.id,        ExportSettings::formatKey(settings.format),
                                status.item.team,   status.item.tags,      status.item.updatedAt,
                                m_job.exportedAt,   m_job.profile};
    const QString name =
        m_names->allocate(m_template.baseName(fields), ExportSettings::fileSuffix(settings.format), false);
    status.filePath = QDir(m_job.directory).filePath(name);

    // Skipping an existing file before asking spares a slot of the export budget.
    if (settings.existingFiles == ExportSettings::ExistingFiles::Skip && QFileInfo::exists(status.filePath)) {
        status.skipReason = ExportItemStatus::SkipReason::Exists;
        setState(index, State::Skipped);
        QTimer::singleShot(0, this, &BatchExporter::startNext);
        return;
    }

    if (!m_client) {
        fail(index, tr("The export stopped because you signed out."));
        QTimer::singleShot(0, this, &BatchExporter::startNext);
        return;
    }
    ApiCall *call = nullptr;
    if (settings.format == ExportSettings::Format::Json)
        call = m_client->getBlueprint(status.item.id, Priority::Batch);
    else if (settings.format == ExportSettings::Format::BudgetCsv)
        call = m_client->exportBudget(status.item.id, BudgetFormat::Csv, {}, Priority::Batch);
    else
        call = m_client->exportBlueprint(status.item.id, *settings.apiFormat(), settings.apiOptions(),
                                         Priority::Batch);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call, index] { onCallFinished(call, index); });
    connect(call, &ApiCall::stateChanged, this, &BatchExporter::updateWaiting);
    // The client deletes its calls when it goes away (sign out): the item ends there, the batch goes on failing.
    connect(call, &QObject::destroyed, this, [this, index] {
        if (!m_running || m_items[index].isDone())
            return;
        fail(index, tr("The export stopped because you signed out."));
        QTimer::singleShot(0, this, &BatchExporter::startNext);
    });
    connect(call, &ApiCall::progress, this, [this, index](qint64 received, qint64 total) {
        m_items[index].received = received;
        m_items[index].total = total;
        Q_EMIT itemChanged(index);
        Q_EMIT progressChanged(progress());
    });
    setState(index, State::Running);
    updateWaiting();
}

void BatchExporter::onCallFinished(ApiCall *call, int index)
{
    call->deleteLater();
    if (m_call == call)
        m_call = nullptr;
    updateWaiting();
    ExportItemStatus &status = m_items[index];
    if (!call->succeeded()) {
        status.error = call->error();
        if (call->error().kind() == ApiError::Kind::Cancelled) {
            setState(index, State::Cancelled);
        } else {
            fail(index, call->error().userMessage());
        }
    } else if (m_job.settings.format == ExportSettings::Format::Json) {
        write(index, QJsonDocument(call->json().toObject()).toJson(QJsonDocument::Indented));
    } else {
        write(index, call->body());
    }
    QTimer::singleShot(0, this, &BatchExporter::startNext);
}

void BatchExporter::write(int index, const QByteArray &bytes)
{
    ExportItemStatus &status = m_items[index];
    status.received = status.total = bytes.size();
    if (QFileInfo::exists(status.filePath)) {
        if (sameContent(status.filePath, bytes)) {
            status.skipReason = ExportItemStatus::SkipReason::Unchanged;
            setState(index, State::Skipped);
            return;
        }
        if (m_job.settings.existingFiles == ExportSettings::ExistingFiles::KeepBoth) {
            const QFileInfo natural(status.filePath);
            const QString suffix = ExportSettings::fileSuffix(m_job.settings.format);
            const QString base = natural.fileName().chopped(suffix.size() + 1);
            status.filePath = QDir(m_job.directory).filePath(m_names->allocate(base, suffix, true));
        }
    }
    const QString shown = QDir::toNativeSeparators(status.filePath);
    const AtomicWriteResult written = writeFileAtomically(status.filePath, bytes);
    status.diskFull = written.failure == AtomicWriteResult::Failure::DiskFull;
    switch (written.failure) {
    case AtomicWriteResult::Failure::None:
        setState(index, State::Written);
        return;
    case AtomicWriteResult::Failure::Create:
        fail(index, tr("%1 could not be created: %2").arg(shown, written.reason));
        return;
    case AtomicWriteResult::Failure::DiskFull:
        fail(index, tr("The disk is full: %1 was not written (any previous file is unchanged).").arg(shown));
        return;
    case AtomicWriteResult::Failure::Write:
        fail(index, tr("%1 could not be written (any previous file is unchanged): %2").arg(shown, written.reason));
        return;
    }
}

void BatchExporter::fail(int index, const QString &reason)
{
    m_items[index].reason = reason;
    setState(index, State::Failed);
}

void BatchExporter::setState(int index, State state)
{
    m_items[index].state = state;
    Q_EMIT itemChanged(index);
    Q_EMIT progressChanged(progress());
}

void BatchExporter::cancel()
{
    if (!m_running || m_cancelling)
        return;
    m_cancelling = true;
    if (m_call)
        m_call->cancel(); // finished() follows from the event loop, then startNext() ends the batch
    else
        QTimer::singleShot(0, this, &BatchExporter::startNext);
}

void BatchExporter::finishBatch()
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (!m_items[i].isDone())
            setState(i, State::Cancelled);
    }
    m_running = false;
    m_current = -1;
    updateWaiting();
    Q_EMIT progressChanged(progress());
    Q_EMIT finished(summary());
}

void BatchExporter::updateWaiting()
{
    const bool waiting = nextExportIn().count() > 0;
    if (m_running && m_current >= 0 && m_current < m_items.size() && !m_items[m_current].isDone()) {
        const State state = waiting ? State::Waiting : State::Running;
        if (m_items[m_current].state != state)
            setState(m_current, state);
    }
    if (waiting != m_waiting) {
        m_waiting = waiting;
        Q_EMIT waitingChanged(waiting);
    }
}

std::chrono::milliseconds BatchExporter::nextExportIn() const
{
    if (!m_call || m_call->state() != ApiCall::State::Queued || !m_client->scheduler())
        return std::chrono::milliseconds(0);
    if (!ExportSettings::isRateLimited(m_job.settings.format))
        return m_client->scheduler()->nextSlotIn(RateRoute::General);
    return m_client->scheduler()->nextSlotIn(RateRoute::Export);
}

double BatchExporter::progress() const
{
    if (m_items.isEmpty())
        return 0.0;
    double done = 0.0;
    for (const ExportItemStatus &status : m_items) {
        if (status.isDone())
            done += 1.0;
        else if (status.total > 0)
            done += double(status.received) / double(status.total);
    }
    return done / double(m_items.size());
}

ExportSummary BatchExporter::summary() const
{
    ExportSummary summary;
    summary.items = m_items;
    summary.cancelledByUser = m_cancelling;
    for (const ExportItemStatus &status : m_items) {
        switch (status.state) {
        case State::Written: ++summary.written; break;
        case State::Skipped: ++summary.skipped; break;
        case State::Failed: ++summary.failed; break;
        case State::Cancelled: ++summary.cancelled; break;
        default: break;
        }
    }
    return summary;
}

} // namespace Cloudcraft::Core
