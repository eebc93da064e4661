#pragma once

#include "compare/comparetypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThreadPool;

namespace Cloudcraft::Core {

/// Holds one before/after pair and its comparison, recomputed off the UI thread (QtConcurrent) whenever the pair
/// or the settings change. The newest request wins: every request gets a generation number, an older result is
/// dropped without reaching resultReady, and the older computation is asked to stop. The UI thread never copies
/// pixels: images are shared implicitly and the worker draws the difference into a new buffer.
class CompareSession final : public QObject
{
    Q_OBJECT

public:
    explicit CompareSession(QObject *parent = nullptr);
    ~CompareSession() override;
    Q_DISABLE_COPY_MOVE(CompareSession)

    /// Replaces the pair and starts a comparison with the current settings.
    void setSides(Cloudcraft::Core::CompareSide before, Cloudcraft::Core::CompareSide after);
    /// Starts a comparison with these settings (when a pair is set); equal settings start nothing.
    void setSettings(const Cloudcraft::Core::CompareSettings &settings);

    const CompareSide &before() const { return m_before; }
    const CompareSide &after() const { return m_after; }
    const CompareSettings &settings() const { return m_settings; }
    /// The newest result delivered (empty before the first one).
    const CompareResult &result() const { return m_result; }
    bool isComputing() const { return m_computing; }
    /// The generation of the newest request; result().generation equals it once that request is answered.
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void computingChanged(bool computing);
    void resultReady(const Cloudcraft::Core::CompareResult &result);

private:
    void start();
    void deliver(const CompareResult &result);
    void setComputing(bool computing);

    CompareSide m_before;
    CompareSide m_after;
    CompareSettings m_settings;
    CompareResult m_result;
    bool m_hasSides = false;
    bool m_computing = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel; ///< of the newest request
    int m_running = 0;                           ///< workers not yet answered
    QThreadPool *m_pool = nullptr;               ///< one thread: requests run one after the other
    /// The structural diff of the current pair, once computed: settings changes do not touch it.
    std::optional<InventoryDiffResult> m_structure;
    bool m_structureKnown = false;
};

} // namespace Cloudcraft::Core
