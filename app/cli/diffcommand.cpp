// diff A B: images (PNG/SVG, pixelmatch semantics) or documents (blueprint/inventory JSON), files or references.
// Exit codes of this command are the ones CI tools use: 0 same, 1 different, 2 any error.

#include "clicontext.h"
#include "commands.h"
#include "diffoptions.h"
#include "diffsummary.h"

#include "api/apicall.h"
#include "diff/apidiffsources.h"
#include "diff/diffinput.h"
#include "diff/diffreportwriter.h"
#include "diff/inventorydiff.h"
#include "diff/overlayimage.h"
#include "diff/pixeldiff.h"
#include "history/snapshotdiffsource.h"
#include "render/pngencoder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>

#include <cstring>

namespace Cloudcraft::Cli {

using namespace Core;

namespace {

/// One run of `diff`: gets both sides, compares them, writes the outputs, prints the verdict.
class DiffCommand final
{
public:
    DiffCommand(CliContext &ctx, DiffSettings settings)
        : m_ctx(ctx)
        , m_settings(std::move(settings))
        , m_input(DiffInput::Options{ImageLimits{}, m_settings.svgScale, DiffInput::DefaultMaxFileBytes})
    {
        ApiDiffSources::Settings api;
        api.observe = [this](ApiCall *call) { showWaits(call); };
        ApiDiffSources::registerAll(
            m_registry, [&ctx]() -> ApiClient & { return ctx.api(); }, std::move(api));
        // snapshot:<id>, snapshot:<source>@latest|@previous|@<name> from the local history.
        m_registry.add(std::make_unique<SnapshotDiffSourceResolver>());
    }

    ExitCode run()
    {
        if (const ExitCode code = checkNames(); code != ExitCode::Success)
            return code;
        if (const ExitCode code = load(); code != ExitCode::Success)
            return code;
        if (m_a.content == DiffContent::Json)
            return compareStructure();
        return compareImages();
    }

private:
    ExitCode error(const QString &sentence)
    {
        m_ctx.out().error(sentence);
        return ExitCode::Usage;
    }

    bool isReference(const QString &text) const { return m_registry.isReference(text); }

    /// "foo:bar" that is neither a known reference nor an existing file is most likely a typing mistake.
    ExitCode checkNames()
    {
        for (const QString &text : {m_settings.a, m_settings.b}) {
            const QString scheme = DiffSourceRegistry::schemeOf(text);
            if (!scheme.isEmpty() && !isReference(text) && !QFileInfo::exists(text))
                return error(DiffInput::labelled(text, QStringLiteral("\"%1:\" is not a kind of reference this diff "
                                                                      "knows; use a file or %2")
                                                           .arg(scheme, m_registry.syntaxes().join(QStringLiteral(", ")))));
        }
        return ExitCode::Success;
    }

    /// What CliContext::run() shows for its calls: waits on a terminal, one line per request with --verbose.
    void showWaits(ApiCall *call)
    {
        QObject::connect(call, &ApiCall::finished, call, [this, call] {
            m_ctx.out().debug(QStringLiteral("%1 %2 -> %3 (%4 attempt(s))")
                                  .arg(httpMethodName(call->request().method), call->request().encodedPath())
                                  .arg(call->statusCode())
                                  .arg(call->attempts()));
        });
        QObject::connect(call, &ApiCall::waiting, call, [this](ApiCall::WaitReason reason, qint64 msec) {
            const qint64 seconds = (msec + 999) / 1000;
            m_ctx.out().progress(reason == ApiCall::WaitReason::StillProcessing
                                     ? QStringLiteral("The scan is still running on the server; asking again in %1 s…").arg(seconds)
                                     : QStringLiteral("Waiting %1 s for the server…").arg(seconds));
        });
    }

    /// Files first: what they hold decides whether references are fetched as pictures or as documents.
    ExitCode load()
    {
        const bool refA = isReference(m_settings.a);
        const bool refB = isReference(m_settings.b);
        if (!refA)
            m_a = m_input.readFile(m_settings.a);
        if (m_a.ok() && !refB)
            m_b = m_input.readFile(m_settings.b);
        if (!m_a.ok())
            return error(m_a.error);
        if (!m_b.ok())
            return error(m_b.error);

        DiffWant want = m_settings.structure ? DiffWant::Structure : DiffWant::Image;
        for (const DiffSource *file : {refA ? nullptr : &m_a, refB ? nullptr : &m_b}) {
            if (file && file->content == DiffContent::Json)
                want = DiffWant::Structure;
            if (file && m_settings.structure && file->content != DiffContent::Json)
                return error(DiffInput::labelled(file->label, QStringLiteral("--structure compares JSON documents, "
                                                                             "and this is a %1 image")
                                                                  .arg(DiffInput::contentName(file->content))));
        }
        if (refA || refB) {
            // snapshot: references read the local history and need no key.
            const auto needsApi = [](bool isRef, const QString &text) {
                return isRef && DiffSourceRegistry::schemeOf(text) != u"snapshot";
            };
            if ((needsApi(refA, m_settings.a) || needsApi(refB, m_settings.b)) && m_ctx.connect() != ExitCode::Success)
                return ExitCode::Usage; // connect() printed the reason (not signed in, keychain, bad URL)
            if (const ExitCode code = fetch(refA, refB, want); code != ExitCode::Success)
                return code;
        }

        const bool jsonA = m_a.content == DiffContent::Json;
        const bool jsonB = m_b.content == DiffContent::Json;
        if (jsonA != jsonB)
            return error(QStringLiteral("Cannot compare %1 (%2) with %3 (%4): compare two images or two JSON "
                                        "documents.")
                             .arg(m_a.label, DiffInput::contentName(m_a.content), m_b.label,
                                  DiffInput::contentName(m_b.content)));
        if (jsonA && m_settings.wantsImages())
            return error(QStringLiteral("--diff-out and --overlay-out need two images, and %1 and %2 are JSON "
                                        "documents.")
                             .arg(m_a.label, m_b.label));
        return ExitCode::Success;
    }

    /// Both references at once; the API client's budgets keep the pace.
    ExitCode fetch(bool refA, bool refB, DiffWant want)
    {
        int pending = 0;
        QEventLoop loop;
        const auto start = [&](const QString &text, DiffSource *target) {
            ++pending;
            m_ctx.out().progress(QStringLiteral("Fetching %1…").arg(text));
            m_registry.resolverFor(text)->fetch(text, want, [&, target](DiffSource source) {
                *target = std::move(source);
                if (--pending == 0)
                    loop.quit();
            });
        };
        if (refA)
            start(m_settings.a, &m_a);
        if (refB)
            start(m_settings.b, &m_b);
        if (pending > 0)
            loop.exec();
        m_ctx.out().endProgress();
        if (!m_a.ok())
            return error(m_a.error);
        if (!m_b.ok())
            return error(m_b.error);
        return ExitCode::Success;
    }

    ExitCode compareStructure()
    {
        QString why;
        const auto before = DiffInput::parseInventory(m_a, &why);
        if (!before)
            return error(why);
        const auto after = DiffInput::parseInventory(m_b, &why);
        if (!after)
            return error(why);
        m_a.bytes.clear();
        m_b.bytes.clear();
        const InventoryDiffResult result = InventoryDiff().compare(*before, *after);
        DiffOutcome outcome;
        outcome.structure = &result;
        outcome.different = isDifferent(result);
        if (const ExitCode code = writeReports(outcome, {}, {}, {}); code != ExitCode::Success)
            return code;
        return finish(outcome);
    }

    bool reportsNeedImages() const
    {
        return m_settings.hasReport(DiffReportWriter::Format::Html)
               || m_settings.hasReport(DiffReportWriter::Format::Markdown);
    }

    /// Byte-identical sides are the same picture: answered from the headers, without decoding, unless an output
    /// needs the pixels.
    std::optional<PixelDiffResult> identicalShortcut(QString *why) const
    {
        if (m_a.content != m_b.content || m_a.bytes.size() != m_b.bytes.size()
            || std::memcmp(m_a.bytes.constData(), m_b.bytes.constData(), size_t(m_a.bytes.size())) != 0)
            return std::nullopt;
        const std::optional<QSize> size = m_input.peekSize(m_a, why);
        if (!size)
            return std::nullopt;
        PixelDiffResult result;
        result.identical = true;
        result.sizeA = result.sizeB = result.canvasSize = *size;
        result.rectA = result.rectB = result.overlap = QRect(QPoint(0, 0), *size);
        result.comparedPixels = qint64(size->width()) * size->height();
        return result;
    }

    ExitCode compareImages()
    {
        m_ctx.out().progress(QStringLiteral("Comparing…"));
        if (!m_settings.wantsImages() && !reportsNeedImages()) {
            QString why;
            if (const auto same = identicalShortcut(&why)) {
                DiffOutcome outcome;
                outcome.pixels = &*same;
                outcome.different = isDifferent(*same, m_settings);
                if (const ExitCode code = writeReports(outcome, {}, {}, {}); code != ExitCode::Success)
                    return code;
                return finish(outcome);
            }
            if (!why.isEmpty())
                return error(why);
        }

        auto [imageA, imageB] = m_input.decodePair(m_a, m_b);
        if (!imageA.ok())
            return error(imageA.error);
        if (!imageB.ok())
            return error(imageB.error);

        PixelDiffOptions options = m_settings.pixels;
        options.produceDiffImage = !m_settings.diffOut.isEmpty() || reportsNeedImages();
        // With no report wanting the before-image, the diff is drawn into A's own pixels: one 8K buffer less.
        PixelDiffResult result = options.produceDiffImage && !reportsNeedImages()
                                     ? PixelDiff(options).compareInto(std::move(imageA.image), imageB.image)
                                     : PixelDiff(options).compare(imageA.image, imageB.image);
        if (!result.ok()) {
            QString why = result.errorString;
            if (!why.endsWith(u'.'))
                why += u'.';
            return error(QStringLiteral("Cannot compare %1 with %2: %3").arg(m_a.label, m_b.label, why));
        }
        // Keep only what the outputs still need: 8K images are 130 MiB each.
        QImage before = reportsNeedImages() ? imageA.image : QImage();
        imageA = {};
        QImage after = (reportsNeedImages() || !m_settings.overlayOut.isEmpty()) ? imageB.image : QImage();
        imageB = {};

        DiffOutcome outcome;
        outcome.pixels = &result;
        outcome.different = isDifferent(result, m_settings);
        if (!m_settings.overlayOut.isEmpty()) {
            const QImage overlay = OverlayImage::render(after, result);
            if (overlay.isNull())
                return error(QStringLiteral("%1 was not written: there is not enough memory for a %2×%3 overlay.")
                                 .arg(m_settings.overlayOut)
                                 .arg(result.canvasSize.width())
                                 .arg(result.canvasSize.height()));
            if (const QString problem = PngEncoder::writeFile(overlay, m_settings.overlayOut); !problem.isEmpty())
                return error(problem);
        }
        if (!m_settings.diffOut.isEmpty()) {
            if (const QString problem = PngEncoder::writeFile(result.diffImage, m_settings.diffOut); !problem.isEmpty())
                return error(problem);
        }
        if (const ExitCode code = writeReports(outcome, before, after, result.diffImage); code != ExitCode::Success)
            return code;
        return finish(outcome);
    }

    ExitCode writeReports(const DiffOutcome &outcome, const QImage &before, const QImage &after, const QImage &diff)
    {
        if (m_settings.reports.isEmpty())
            return ExitCode::Success;
        DiffReportInput input;
        input.labelA = m_settings.a;
        input.labelB = m_settings.b;
        input.before = before;
        input.after = after;
        input.diff = diff;
        input.pixels = outcome.pixels;
        input.structure = outcome.structure;
        input.threshold = m_settings.pixels.threshold;
        input.failOnPixels = m_settings.failOnPixels;
        input.failOnRatio = m_settings.failOnRatio;
        input.different = outcome.different;
        input.generatedAt = QDateTime::currentDateTimeUtc();
        for (const DiffReportRequest &report : m_settings.reports) {
            if (const QString problem = DiffReportWriter::write(report.format, input, report.path); !problem.isEmpty())
                return error(problem);
        }
        return ExitCode::Success;
    }

    ExitCode finish(const DiffOutcome &outcome)
    {
        CliOutput &out = m_ctx.out();
        out.endProgress();
        if (out.json())
            out.printJson(diffJson(m_settings, outcome));
        else if (!out.quiet())
            printDiffSummary(out, m_settings, outcome);
        for (const QString &path : m_settings.outputPaths())
            out.info(QStringLiteral("Wrote %1.").arg(path));
        return outcome.different ? ExitCode::Failure : ExitCode::Success;
    }

    CliContext &m_ctx;
    DiffSettings m_settings;
    DiffInput m_input;
    DiffSourceRegistry m_registry;
    DiffSource m_a;
    DiffSource m_b;
};

} // namespace

ExitCode runDiff(CliContext &ctx, const QStringList &args)
{
    DiffSettings settings;
    if (const ExitCode code = readDiffSettings(ctx, QCoreApplication::arguments(), args, settings);
        code != ExitCode::Success)
        return code;
    return DiffCommand(ctx, std::move(settings)).run();
}

} // namespace Cloudcraft::Cli
