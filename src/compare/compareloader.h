#pragma once

#include "compare/comparetypes.h"
#include "diff/diffinput.h"
#include "diff/diffsource.h"

#include <QObject>

#include <memory>

namespace Cloudcraft::Core {

/// Loads the two sides of a compare: files or references ("blueprint:<id>", "aws:<acct>/<region>", "azure:...",
/// "snapshot:<id>", "snapshot:<ref>@latest|@previous") through a registry the caller fills (as `cloudcraft-cli
/// diff` does), then decodes both pictures off the UI thread. For references it also asks for the document behind
/// the picture (DiffWant::Structure) and keeps it when there is one; a missing document is not an error.
/// Emits exactly one of loaded() or failed() per load(); a newer load() abandons the older one.
class CompareLoader final : public QObject
{
    Q_OBJECT

public:
    /// `registry` must outlive the loader.
    explicit CompareLoader(DiffSourceRegistry &registry, QObject *parent = nullptr);
    CompareLoader(DiffSourceRegistry &registry, DiffInput::Options options, QObject *parent = nullptr);
    ~CompareLoader() override;
    Q_DISABLE_COPY_MOVE(CompareLoader)

    void load(const QString &a, const QString &b);
    bool isLoading() const;
    /// Where snapshot: references are looked up for their time (takenAt); empty = SnapshotStore::defaultRoot().
    /// Use the root given to the registry's SnapshotDiffSourceResolver.
    void setSnapshotRoot(const QString &root) { m_snapshotRoot = root; }

Q_SIGNALS:
    void loaded(Cloudcraft::Core::CompareSide before, Cloudcraft::Core::CompareSide after);
    void failed(QString sentence);
    void progress(QString message);

private:
    struct Job;
    void fetchSide(const std::shared_ptr<Job> &job, int index);
    void fetchDocument(const std::shared_ptr<Job> &job, int index);
    void maybeDecode(const std::shared_ptr<Job> &job);
    void fail(const std::shared_ptr<Job> &job, const QString &sentence);
    QDateTime snapshotTime(const QString &reference) const;

    DiffSourceRegistry &m_registry;
    DiffInput m_input;
    std::shared_ptr<Job> m_job;
    QString m_snapshotRoot;
};

} // namespace Cloudcraft::Core
