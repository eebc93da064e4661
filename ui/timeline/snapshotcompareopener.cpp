#include "snapshotcompareopener.h"

#include "sessioncontroller.h"
#include "comparewindow/comparewindow.h"

#include "compare/ignoreregionstore.h"
#include "diff/apidiffsources.h"
#include "diff/diffsource.h"
#include "history/snapshotdiffsource.h"
#include "history/snapshotstore.h"

namespace Cloudcraft::Ui {

using namespace Core;

SnapshotCompareOpener::SnapshotCompareOpener(SessionController &session, QSettings &settings, QWidget *parentWindow)
    : QObject(parentWindow)
    , m_session(session)
    , m_settings(settings)
    , m_parentWindow(parentWindow)
{
}

SnapshotCompareOpener::~SnapshotCompareOpener() = default;

void SnapshotCompareOpener::setStore(SnapshotStore *store)
{
    m_store = store;
    m_registry.reset(); // rebuilt for the new root on the next open
    m_ignoreStore.reset();
}

void SnapshotCompareOpener::open(const QString &a, const QString &b)
{
    if (!m_registry) {
        m_registry = std::make_unique<DiffSourceRegistry>();
        // Live references are only offered while signed in; the client is looked up at fetch time.
        ApiDiffSources::registerAll(*m_registry, [this]() -> ApiClient & { return *m_session.client(); });
        m_registry->add(std::make_unique<SnapshotDiffSourceResolver>(m_store ? m_store->root() : QString()));
    }
    if (!m_ignoreStore)
        m_ignoreStore = std::make_unique<IgnoreRegionStore>(m_store ? m_store->database().path() : QString());
    const QString root = m_store ? m_store->root() : QString();
    auto *window = new CompareWindow(CompareWindowServices{m_registry.get(), m_ignoreStore.get(), m_settings, root},
                                     m_parentWindow);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->openReferences(a, b);
}

} // namespace Cloudcraft::Ui
