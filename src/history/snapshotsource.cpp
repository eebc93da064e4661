#include "history/snapshotsource.h"

namespace Cloudcraft::Core {

namespace {

/// Ids and regions end up in URL paths and SQL parameters; keep them to the characters the API uses.
bool isPlainToken(QStringView text)
{
    if (text.isEmpty() || text.size() > 128)
        return false;
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

} // namespace

QString SnapshotSource::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Blueprint:
        return QStringLiteral("blueprint");
    case Kind::Aws:
        return QStringLiteral("aws");
    case Kind::Azure:
        return QStringLiteral("azure");
    }
    return {};
}

std::optional<SnapshotSource::Kind> SnapshotSource::kindFromName(QStringView name)
{
    for (const Kind kind : {Kind::Blueprint, Kind::Aws, Kind::Azure}) {
        if (name.compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString SnapshotSource::reference() const
{
    QString text = kindName(kind) + u':' + id;
    if (isLive() && !region.isEmpty())
        text += u'/' + region;
    return text;
}

std::optional<SnapshotSource> SnapshotSource::parse(const QString &reference, QString *error, bool regionOptional)
{
    const auto fail = [&](const QString &why) -> std::optional<SnapshotSource> {
        if (error)
            *error = QStringLiteral("\"%1\" is not a snapshot source: %2 Use blueprint:<id>, aws:<account id>/<region> "
                                    "or azure:<account id>/<region>.")
                         .arg(reference, why);
        return std::nullopt;
    };
    const qsizetype colon = reference.indexOf(u':');
    if (colon <= 0)
        return fail(QStringLiteral("it has no kind."));
    const auto kind = kindFromName(QStringView(reference).left(colon));
    if (!kind)
        return fail(QStringLiteral("the kind must be blueprint, aws or azure."));
    SnapshotSource source;
    source.kind = *kind;
    const QString rest = reference.mid(colon + 1);
    if (*kind == Kind::Blueprint) {
        if (!isPlainToken(rest))
            return fail(QStringLiteral("the blueprint id is missing or has unusual characters."));
        source.id = rest;
        return source;
    }
    const qsizetype slash = rest.indexOf(u'/');
    source.id = slash < 0 ? rest : rest.left(slash);
    source.region = slash < 0 ? QString() : rest.mid(slash + 1);
    if (!isPlainToken(source.id))
        return fail(QStringLiteral("the account id is missing or has unusual characters."));
    if (source.region.isEmpty() ? !regionOptional : !isPlainToken(source.region))
        return fail(QStringLiteral("a live snapshot needs a region after the account id."));
    return source;
}

} // namespace Cloudcraft::Core
