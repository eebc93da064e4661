#include "compare/compareloader.h"

#include "compare/resourcebounds.h"
#include "history/snapshotselector.h"
#include "history/snapshotstore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace Cloudcraft::Core {

/// One load(): both sides as they arrive. Lives on the loader's thread; only the decode runs elsewhere.
struct CompareLoader::Job
{
    std::array<QString, 2> texts;
    std::array<DiffSource, 2> sources;
    std::array<std::optional<QJsonObject>, 2> documents;
    std::array<QDateTime, 2> times;
    int pending = 0;
    bool finished = false;
};

namespace {

struct Decoded
{
    std::array<CompareSide, 2> sides;
    QString error;
};

} // namespace

CompareLoader::CompareLoader(DiffSourceRegistry &registry, QObject *parent)
    : CompareLoader(registry, DiffInput::Options{}, parent)
{
}

CompareLoader::CompareLoader(DiffSourceRegistry &registry, DiffInput::Options options, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_input(std::move(options))
{
    qRegisterMetaType<CompareSide>();
}

CompareLoader::~CompareLoader()
{
    if (m_job)
        m_job->finished = true;
}

bool CompareLoader::isLoading() const
{
    return m_job && !m_job->finished;
}

void CompareLoader::load(const QString &a, const QString &b)
{
    if (m_job)
        m_job->finished = true; // abandoned: its late answers are dropped
    auto job = std::make_shared<Job>();
    job->texts = {a, b};
    m_job = job;

    // "foo:bar" that is neither a known reference nor an existing file is most likely a typing mistake (as in the CLI).
    for (const QString &text : job->texts) {
        const QString scheme = DiffSourceRegistry::schemeOf(text);
        if (text.trimmed().isEmpty()) {
            fail(job, tr("Nothing to compare: give two files or references such as blueprint:<id>."));
            return;
        }
        if (!scheme.isEmpty() && !m_registry.isReference(text) && !QFileInfo::exists(text)) {
            fail(job, DiffInput::labelled(text, tr("\"%1:\" is not a kind of reference the compare view knows; use "
                                                   "a file or %2")
                                                    .arg(scheme, m_registry.syntaxes().join(QStringLiteral(", ")))));
            return;
        }
    }
    // One extra count held until every fetch is started, so a resolver answering at once cannot finish the job early.
    job->pending = 1;
    for (int i = 0; i < 2 && !job->finished; ++i) {
        if (m_registry.isReference(job->texts[i])) {
            Q_EMIT progress(tr("Fetching %1…").arg(job->texts[i]));
            fetchSide(job, i);
            fetchDocument(job, i);
        }
    }
    if (job->finished)
        return;
    --job->pending;
    maybeDecode(job);
}

void CompareLoader::fetchSide(const std::shared_ptr<Job> &job, int index)
{
    ++job->pending;
    const QString text = job->texts[size_t(index)];
    QPointer<CompareLoader> self(this);
    m_registry.resolverFor(text)->fetch(text, DiffWant::Image, [self, job, index, text](DiffSource source) {
        // Resolvers answer on the thread that asked; guard against a loader deleted meanwhile.
        if (!self || job->finished)
            return;
        --job->pending;
        if (!source.ok()) {
            self->fail(job, source.error);
            return;
        }
        if (source.content == DiffContent::Json) {
            self->fail(job, DiffInput::labelled(text, tr("this reference gave a JSON document, and the compare view "
                                                         "compares pictures (PNG or SVG).")));
            return;
        }
        job->times[size_t(index)] = DiffSourceRegistry::schemeOf(text) == u"snapshot" ? self->snapshotTime(text)
                                                                                       : QDateTime::currentDateTimeUtc();
        job->sources[size_t(index)] = std::move(source);
        self->maybeDecode(job);
    });
}

void CompareLoader::fetchDocument(const std::shared_ptr<Job> &job, int index)
{
    ++job->pending;
    const QString text = job->texts[size_t(index)];
    QPointer<CompareLoader> self(this);
    m_registry.resolverFor(text)->fetch(text, DiffWant::Structure, [self, job, index](DiffSource source) {
        if (!self || job->finished)
            return;
        --job->pending;
        // A reference without a document (an image-only snapshot) still compares as pictures: no error.
        if (source.ok() && source.content == DiffContent::Json) {
            QString ignored;
            job->documents[size_t(index)] = DiffInput::parseInventory(source, &ignored);
        }
        self->maybeDecode(job);
    });
}

QDateTime CompareLoader::snapshotTime(const QString &reference) const
{
    SnapshotStore store(m_snapshotRoot.isEmpty() ? SnapshotStore::defaultRoot() : m_snapshotRoot);
    if (store.open())
        return {};
    const auto found = SnapshotSelector::find(store, reference.mid(reference.indexOf(u':') + 1));
    return found.ok() ? found.value.takenAt : QDateTime();
}

void CompareLoader::maybeDecode(const std::shared_ptr<Job> &job)
{
    if (job->finished || job->pending > 0)
        return;
    Q_EMIT progress(tr("Decoding…"));
    auto *watcher = new QFutureWatcher<Decoded>(this);
    connect(watcher, &QFutureWatcher<Decoded>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        if (job->finished)
            return;
        Decoded decoded = watcher->result();
        if (!decoded.error.isEmpty()) {
            fail(job, decoded.error);
            return;
        }
        for (size_t i = 0; i < 2; ++i) {
            decoded.sides[i].document = job->documents[i];
            if (!decoded.sides[i].takenAt.isValid())
                decoded.sides[i].takenAt = job->times[i];
        }
        job->finished = true;
        Q_EMIT loaded(std::move(decoded.sides[0]), std::move(decoded.sides[1]));
    });
    // Files are read on the worker too: an 8K PNG is tens of megabytes.
    const DiffInput input = m_input;
    watcher->setFuture(QtConcurrent::run([input, texts = job->texts, sources = job->sources]() mutable {
        Decoded decoded;
        for (size_t i = 0; i < 2; ++i) {
            if (!sources[i].label.isEmpty() || !sources[i].bytes.isEmpty())
                continue; // fetched through a resolver
            sources[i] = input.readFile(texts[i]);
            if (!sources[i].ok()) {
                decoded.error = sources[i].error;
                return decoded;
            }
            if (sources[i].content == DiffContent::Json) {
                decoded.error = DiffInput::labelled(texts[i], QStringLiteral("this is a JSON document, and the "
                                                                             "compare view compares pictures (PNG or "
                                                                             "SVG)."));
                return decoded;
            }
            decoded.sides[i].takenAt = QFileInfo(texts[i]).lastModified().toUTC();
        }
        for (size_t i = 0; i < 2; ++i) {
            decoded.sides[i].label = texts[i];
            decoded.sides[i].imageBytes = sources[i].bytes; // shared; decodePair drops only its own reference
            if (sources[i].content == DiffContent::Png)
                decoded.sides[i].bounds = readResourceBounds(sources[i].bytes).value_or(QHash<QString, QRect>());
        }
        auto [a, b] = input.decodePair(sources[0], sources[1]);
        if (!a.ok() || !b.ok()) {
            decoded.error = !a.ok() ? a.error : b.error;
            return decoded;
        }
        decoded.sides[0].image = std::move(a.image);
        decoded.sides[1].image = std::move(b.image);
        return decoded;
    }));
}

void CompareLoader::fail(const std::shared_ptr<Job> &job, const QString &sentence)
{
    if (job->finished)
        return;
    job->finished = true;
    Q_EMIT failed(sentence);
}

} // namespace Cloudcraft::Core
