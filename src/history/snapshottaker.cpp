#include "history/snapshottaker.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/apiparse.h"

#include <QTimer>

namespace Cloudcraft::Core {

SnapshotTaker::SnapshotTaker(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

SnapshotTaker::~SnapshotTaker()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
    }
}

void SnapshotTaker::take(const SnapshotSource &source, const TakeOptions &options)
{
    if (m_running) {
        qWarning("SnapshotTaker::take: a snapshot is already being taken");
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_options = options;
    m_result = TakeResult{};
    m_result.snapshot.source = source;
    if (source.isLive())
        m_steps = {Step::Png, Step::Json};
    else
        m_steps = {Step::Record, Step::Png};
    if (options.svg)
        m_steps.append(Step::Svg);
    // Always from the event loop, as ApiCall does, so callers can connect after take().
    QTimer::singleShot(0, this, &SnapshotTaker::runStep);
}

void SnapshotTaker::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_call)
        m_call->cancel(); // finished() follows with Kind::Cancelled
}

QString SnapshotTaker::stepMessage(Step step) const
{
    const QString ref = m_result.snapshot.source.reference();
    switch (step) {
    case Step::Record:
        return QStringLiteral("Fetching %1…").arg(ref);
    case Step::Png:
        return m_result.snapshot.source.isLive() ? QStringLiteral("Scanning %1 (image)…").arg(ref)
                                                 : QStringLiteral("Exporting the PNG of %1…").arg(ref);
    case Step::Svg:
        return m_result.snapshot.source.isLive() ? QStringLiteral("Scanning %1 (SVG)…").arg(ref)
                                                 : QStringLiteral("Exporting the SVG of %1…").arg(ref);
    case Step::Json:
        return QStringLiteral("Scanning %1 (inventory)…").arg(ref);
    }
    return {};
}

ApiCall *SnapshotTaker::startCall(Step step)
{
    const SnapshotSource &source = m_result.snapshot.source;
    if (step == Step::Record)
        return m_api->getBlueprint(source.id, Priority::Interactive);
    const ExportFormat format = step == Step::Png ? ExportFormat::Png : step == Step::Svg ? ExportFormat::Svg : ExportFormat::Json;
    switch (source.kind) {
    case SnapshotSource::Kind::Blueprint:
        return m_api->exportBlueprint(source.id, format, m_options.render.render, Priority::Interactive);
    case SnapshotSource::Kind::Aws:
        return m_api->snapshotAwsAccount(source.id, source.region, format, m_options.render, Priority::Interactive);
    case SnapshotSource::Kind::Azure:
        return m_api->snapshotAzureAccount(source.id, source.region, format, m_options.render, Priority::Interactive);
    }
    return nullptr;
}

void SnapshotTaker::runStep()
{
    if (m_cancelled) {
        finish(ApiError(ApiError::Kind::Cancelled));
        return;
    }
    if (m_steps.isEmpty()) {
        finish({});
        return;
    }
    const Step step = m_steps.first();
    Q_EMIT progress(stepMessage(step));
    m_call = startCall(step);
    connect(m_call, &ApiCall::finished, this, &SnapshotTaker::onCallFinished);
    connect(m_call, &ApiCall::waiting, this, [this](ApiCall::WaitReason reason, qint64 msec) {
        const qint64 seconds = (msec + 999) / 1000;
        switch (reason) {
        case ApiCall::WaitReason::StillProcessing:
            Q_EMIT progress(QStringLiteral("The scan is still running on the server; asking again in %1 s…").arg(seconds));
            break;
        case ApiCall::WaitReason::RateLimited:
            Q_EMIT progress(QStringLiteral("Rate limited by the server; waiting %1 s…").arg(seconds));
            break;
        case ApiCall::WaitReason::Backoff:
            Q_EMIT progress(QStringLiteral("Retrying in %1 s…").arg(seconds));
            break;
        }
    });
}

void SnapshotTaker::onCallFinished()
{
    ApiCall *call = m_call;
    m_call.clear();
    if (!call)
        return;
    call->deleteLater();
    Q_EMIT callFinished(httpMethodName(call->request().method), call->request().encodedPath(), call->statusCode(),
                        call->attempts());
    const Step step = m_steps.takeFirst();
    if (call->error().isError()) {
        finish(m_cancelled ? ApiError(ApiError::Kind::Cancelled) : call->error());
        return;
    }
    NewSnapshot &snapshot = m_result.snapshot;
    switch (step) {
    case Step::Record: {
        const auto parsed = ApiParse::blueprintFromCall(*call);
        if (!parsed.ok()) {
            finish(parsed.error);
            return;
        }
        snapshot.title = parsed.value.name();
        snapshot.updatedAt = parsed.value.summary.updatedAt;
        snapshot.json = call->body();
        break;
    }
    case Step::Png:
        snapshot.png = call->body();
        break;
    case Step::Svg:
        snapshot.svg = call->body();
        break;
    case Step::Json:
        snapshot.json = call->body();
        snapshot.title = call->json().toObject().value(QLatin1String("name")).toString();
        break;
    }
    runStep();
}

void SnapshotTaker::finish(const ApiError &error)
{
    m_running = false;
    m_steps.clear();
    m_result.error = error;
    if (error.isError())
        m_result.snapshot = NewSnapshot{m_result.snapshot.source, {}, {}, {}, {}, {}, {}, {}, {}};
    else
        m_result.snapshot.takenAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_result);
}

} // namespace Cloudcraft::Core
