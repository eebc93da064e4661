#include "compare/comparesession.h"

#include "compare/compareengine.h"

#include <QFutureWatcher>
#include <QThreadPool>

#include <utility>
#include <QtConcurrent/QtConcurrentRun>

namespace Cloudcraft::Core {

CompareSession::CompareSession(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    // One worker thread: a request queued behind a running one is skipped at once when it is already stale, so a
    // burst of setting changes never holds more than one 8K difference image in memory.
    m_pool->setMaxThreadCount(1);
    qRegisterMetaType<CompareResult>();
    qRegisterMetaType<CompareSide>();
}

CompareSession::~CompareSession()
{
    if (m_cancel)
        m_cancel->store(true);
    // Cancelled, the running request stops within a row; wait for it so no worker outlives the session's pool.
    m_pool->waitForDone();
}

void CompareSession::setSides(CompareSide before, CompareSide after)
{
    m_before = std::move(before);
    m_after = std::move(after);
    m_hasSides = true;
    m_structure.reset();
    m_structureKnown = false;
    start();
}

void CompareSession::setSettings(const CompareSettings &settings)
{
    if (settings == m_settings && m_generation > 0)
        return;
    m_settings = settings;
    if (m_hasSides)
        start();
}

void CompareSession::start()
{
    if (m_cancel)
        m_cancel->store(true); // the older request stops at its next row
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;

    // Copies of the sides share their pixels with ours (implicit sharing): nothing is copied here.
    auto *watcher = new QFutureWatcher<CompareResult>(this);
    connect(watcher, &QFutureWatcher<CompareResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_running;
        deliver(watcher->result());
    });
    ++m_running;
    setComputing(true);
    watcher->setFuture(QtConcurrent::run(
        m_pool, [before = m_before, after = m_after, settings = m_settings, cancel = m_cancel, generation,
                 withStructure = !m_structureKnown] {
            CompareResult result;
            if (cancel->load()) {
                result.error = QStringLiteral("This comparison was replaced by a newer one.");
            } else {
                result = CompareEngine::compare(before, after, settings, cancel.get(), withStructure);
                if (cancel->load())
                    result = CompareResult{}; // stale: its 8K difference image is freed here, not on the UI thread
            }
            result.generation = generation;
            return result;
        }));
}

void CompareSession::deliver(const CompareResult &result)
{
    if (result.generation != m_generation) {
        if (m_running == 0)
            setComputing(false);
        return; // stale: a newer request is on its way
    }
    // Freeing a 126 MiB difference image takes the kernel a while (munmap): let the worker do it, unless someone
    // else (the view) still shares it.
    QImage previous = std::exchange(m_result.difference, QImage());
    if (!previous.isNull())
        m_pool->start([image = std::move(previous)]() mutable { image = QImage(); });
    m_result = result;
    if (m_result.ok()) {
        // The structure depends on the pair only: keep it across threshold and ignore changes.
        if (m_structureKnown)
            m_result.structure = m_structure;
        else
            m_structure = m_result.structure;
        m_structureKnown = true;
    }
    setComputing(false);
    Q_EMIT resultReady(m_result);
}

void CompareSession::setComputing(bool computing)
{
    if (m_computing == computing)
        return;
    m_computing = computing;
    Q_EMIT computingChanged(computing);
}

} // namespace Cloudcraft::Core
