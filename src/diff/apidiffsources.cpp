#include "diff/apidiffsources.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "diff/diffinput.h"

#include <QObject>
#include <QRegularExpression>

namespace Cloudcraft::Core {

namespace {

// ApiError::userMessage() may add a hint ("Try again later."); a diff error is one sentence, so keep the first.
QString firstSentence(const QString &text)
{
    static const QRegularExpression end(QStringLiteral(R"(\.\s+(?=[A-Z]))"));
    const QRegularExpressionMatch match = end.match(text);
    return match.hasMatch() ? text.left(match.capturedStart()) : text;
}

QString fetchError(const QString &label, const ApiError &error, const QString &what)
{
    if (error.kind() == ApiError::Kind::NotFound)
        return DiffInput::labelled(label, QStringLiteral("the server has no such %1 (404)").arg(what));
    return DiffInput::labelled(label, QStringLiteral("could not be fetched: ") + firstSentence(error.userMessage()));
}

/// Runs one API call and hands its body to `done` as a DiffSource whose content must be `expected`.
void deliver(ApiCall *call, const QString &label, const QString &what, DiffContent expected,
             const std::function<void(ApiCall *)> &observe, DiffSourceResolver::Done done)
{
    if (observe)
        observe(call);
    const auto finish = [call, label, what, expected, done = std::move(done)] {
        call->deleteLater();
        if (call->error().isError()) {
            done(DiffSource::failure(label, fetchError(label, call->error(), what)));
            return;
        }
        DiffSource source;
        source.label = label;
        source.bytes = call->body();
        source.content = DiffInput::detect(source.bytes);
        if (source.content != expected) {
            done(DiffSource::failure(label, DiffInput::labelled(label, QStringLiteral("the server sent %1 instead of %2")
                                                                          .arg(DiffInput::contentName(source.content),
                                                                               DiffInput::contentName(expected)))));
            return;
        }
        done(std::move(source));
    };
    if (call->isFinished())
        finish();
    else
        QObject::connect(call, &ApiCall::finished, call, finish);
}

class BlueprintResolver final : public DiffSourceResolver
{
public:
    BlueprintResolver(ApiDiffSources::ClientProvider client, ApiDiffSources::Settings settings)
        : m_client(std::move(client))
        , m_settings(std::move(settings))
    {
    }

    QString scheme() const override { return QStringLiteral("blueprint"); }
    QString syntax() const override { return QStringLiteral("blueprint:<id>"); }

    void fetch(const QString &reference, DiffWant want, Done done) override
    {
        const QString id = reference.section(u':', 1);
        if (!ApiClient::isSafePathSegment(id)) {
            done(DiffSource::failure(reference, DiffInput::labelled(reference, QStringLiteral("this is not a valid "
                                                                                              "reference; write "
                                                                                              "blueprint:<id>"))));
            return;
        }
        if (want == DiffWant::Image)
            deliver(m_client().exportBlueprint(id, ExportFormat::Png, m_settings.image, Priority::Interactive),
                    reference, QStringLiteral("blueprint"), DiffContent::Png, m_settings.observe, std::move(done));
        else
            deliver(m_client().getBlueprint(id, Priority::Interactive), reference, QStringLiteral("blueprint"),
                    DiffContent::Json, m_settings.observe, std::move(done));
    }

private:
    ApiDiffSources::ClientProvider m_client;
    ApiDiffSources::Settings m_settings;
};

class AccountResolver final : public DiffSourceResolver
{
public:
    AccountResolver(ApiDiffSources::ClientProvider client, QString provider, ApiDiffSources::Settings settings)
        : m_client(std::move(client))
        , m_provider(std::move(provider))
        , m_settings(std::move(settings))
    {
    }

    QString scheme() const override { return m_provider; }
    QString syntax() const override { return m_provider + QStringLiteral(":<account>/<region>"); }

    void fetch(const QString &reference, DiffWant want, Done done) override
    {
        const QString rest = reference.section(u':', 1);
        const QString account = rest.section(u'/', 0, 0);
        const QString region = rest.section(u'/', 1);
        if (!ApiClient::isSafePathSegment(account) || !ApiClient::isSafePathSegment(region)) {
            done(DiffSource::failure(reference, DiffInput::labelled(reference, QStringLiteral("this is not a valid "
                                                                                              "reference; write %1")
                                                                                   .arg(syntax()))));
            return;
        }
        SnapshotOptions options;
        options.render = m_settings.image;
        const ExportFormat format = want == DiffWant::Image ? ExportFormat::Png : ExportFormat::Json;
        ApiCall *call = m_provider == u"aws"
                            ? m_client().snapshotAwsAccount(account, region, format, options, Priority::Interactive)
                            : m_client().snapshotAzureAccount(account, region, format, options, Priority::Interactive);
        deliver(call, reference, QStringLiteral("account or region"),
                want == DiffWant::Image ? DiffContent::Png : DiffContent::Json, m_settings.observe, std::move(done));
    }

private:
    ApiDiffSources::ClientProvider m_client;
    QString m_provider;
    ApiDiffSources::Settings m_settings;
};

} // namespace

void ApiDiffSources::registerAll(DiffSourceRegistry &registry, ClientProvider client, Settings settings)
{
    registry.add(std::make_unique<BlueprintResolver>(client, settings));
    registry.add(std::make_unique<AccountResolver>(client, QStringLiteral("aws"), settings));
    registry.add(std::make_unique<AccountResolver>(client, QStringLiteral("azure"), settings));
}

} // namespace Cloudcraft::Core
