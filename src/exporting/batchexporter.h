#pragma once

#include "api/apierror.h"
#include "exporting/exportsettings.h"
#include "exporting/filenametemplate.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace Cloudcraft::Core {

class ApiCall;
class ApiClient;

/// One blueprint to export, with what the file-name template may use.
struct ExportItem
{
    QString id;
    QString name;
    QString team;
    QStringList tags;
    QDateTime updatedAt;
};

/// Where one item of a batch stands, and how it ended.
struct ExportItemStatus
{
    enum class State { Pending, Waiting, Running, Written, Skipped, Failed, Cancelled };
    enum class SkipReason { None, Exists, Unchanged };

    ExportItem item;
    State state = State::Pending;
    SkipReason skipReason = SkipReason::None;
    QString filePath;  ///< the file written or left alone
    QString reason;    ///< why it failed (one sentence), empty otherwise
    ApiError error;    ///< the API error when the server part failed
    bool diskFull = false;
    qint64 received = 0;
    qint64 total = -1; ///< bytes expected, -1 while unknown

    bool isDone() const { return state >= State::Written; }
};

/// What a finished batch did.
struct ExportSummary
{
    int written = 0;
    int skipped = 0;
    int failed = 0;
    int cancelled = 0;
    bool cancelledByUser = false;
    QList<ExportItemStatus> items;
};

/// The export queue: exports a list of blueprints one after another through the ApiClient at Batch priority and
/// writes each to a file in one folder, atomically (QSaveFile; a failed write leaves the previous file and no temp
/// file). The client's RequestScheduler keeps exports within the export budget, so a batch never provokes a 429: it
/// waits on our side, and nextExportIn() says for how long. Reports overall and per-item progress, cancels cleanly
/// (the call in flight is aborted, the rest is marked cancelled) and ends with a summary.
class BatchExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchExporter)

public:
    struct Job
    {
        QList<ExportItem> items;
        ExportSettings settings;
        QString directory;
        QString profile;       ///< for the {profile} placeholder
        QDateTime exportedAt;  ///< for {date} and {time}; now when invalid
    };

    explicit BatchExporter(ApiClient *client, QObject *parent = nullptr);
    ~BatchExporter() override;

    /// Starts a batch; false (with errorString()) when one is running, the settings are invalid or the folder
    /// cannot be created. Progress and results arrive through the signals; finished() always follows a true.
    bool start(Job job);
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    const QList<ExportItemStatus> &items() const { return m_items; }
    int currentIndex() const { return m_current; }
    /// 0..1 over the whole batch, counting the bytes of the item in flight.
    double progress() const;
    /// While the item in flight waits for the export budget: the time until it may go (else 0).
    std::chrono::milliseconds nextExportIn() const;
    ExportSummary summary() const;

public Q_SLOTS:
    /// Aborts the call in flight and marks what is left as cancelled; finished() follows from the event loop.
    void cancel();

Q_SIGNALS:
    void itemChanged(int index);
    void progressChanged(double progress);
    /// The item in flight started or stopped waiting for the export budget (read nextExportIn()).
    void waitingChanged(bool waiting);
    void finished(const Cloudcraft::Core::ExportSummary &summary);

private:
    void startNext();
    void startItem(int index);
    void onCallFinished(ApiCall *call, int index);
    void updateWaiting();
    void setState(int index, ExportItemStatus::State state);
    void fail(int index, const QString &reason);
    void write(int index, const QByteArray &bytes);
    void finishBatch();

    QPointer<ApiClient> m_client; ///< goes away when the user signs out mid-batch
    Job m_job;
    FileNameTemplate m_template;
    std::unique_ptr<FileNameAllocator> m_names;
    QList<ExportItemStatus> m_items;
    QPointer<ApiCall> m_call;
    QString m_error;
    int m_current = -1;
    bool m_running = false;
    bool m_cancelling = false;
    bool m_waiting = false;
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::ExportSummary)
