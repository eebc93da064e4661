#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"
#include "history/snapshotstore.h"

#include <QObject>
#include <QPointer>

namespace Cloudcraft::Core {

class ApiCall;
class ApiClient;

/// What to fetch for a snapshot beyond the PNG and the JSON.
struct TakeOptions
{
    bool svg = false;
    SnapshotOptions render; ///< image size, theme...; the live-scan options are used for aws/azure sources
};

/// The outcome of SnapshotTaker::take: the fetched content, ready for SnapshotStore::add, or the API error.
struct TakeResult
{
    NewSnapshot snapshot;
    ApiError error;
    bool ok() const { return !error.isError(); }
};

/// Fetches what a snapshot holds through the API client:
/// - blueprint: GET /blueprint/{id} (the record, its name and updatedAt), then the PNG export (and SVG);
/// - aws/azure: a live scan of the region as PNG, then as JSON (the inventory), each waiting through the 202
///   "still processing" polls the client does, with progress reported.
/// One take at a time; cancel() stops the call in flight and finishes with Kind::Cancelled. It does not store
/// anything: the caller hands the result to its SnapshotStore (on its own thread).
class SnapshotTaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotTaker)

public:
    explicit SnapshotTaker(ApiClient *api, QObject *parent = nullptr);
    ~SnapshotTaker() override;

    /// Starts taking a snapshot of `source`; finished() follows exactly once, from the event loop.
    void take(const SnapshotSource &source, const TakeOptions &options = {});
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    /// A sentence for a status bar: "Exporting the PNG of …", "The scan is still running; asking again in 2 s…".
    void progress(const QString &message);
    /// Every API call as it finishes (for verbose logs).
    void callFinished(const QString &method, const QString &path, int status, int attempts);
    void finished(const Cloudcraft::Core::TakeResult &result);

private:
    enum class Step { Record, Png, Svg, Json };

    void runStep();
    void onCallFinished();
    void finish(const ApiError &error);
    ApiCall *startCall(Step step);
    QString stepMessage(Step step) const;

    ApiClient *m_api = nullptr;
    QPointer<ApiCall> m_call;
    QList<Step> m_steps;
    TakeOptions m_options;
    TakeResult m_result;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Cloudcraft::Core

Q_DECLARE_METATYPE(Cloudcraft::Core::TakeResult)
