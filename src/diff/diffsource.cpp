#include "diff/diffsource.h"

#include <QRegularExpression>

namespace Cloudcraft::Core {

DiffSource DiffSource::failure(const QString &label, const QString &sentence)
{
    DiffSource source;
    source.label = label;
    source.error = sentence;
    return source;
}

void DiffSourceRegistry::add(std::unique_ptr<DiffSourceResolver> resolver)
{
    if (!resolver)
        return;
    const QString scheme = resolver->scheme();
    for (auto &existing : m_resolvers) {
        if (existing->scheme() == scheme) {
            existing = std::move(resolver);
            return;
        }
    }
    m_resolvers.push_back(std::move(resolver));
}

DiffSourceResolver *DiffSourceRegistry::resolverFor(const QString &text) const
{
    const QString scheme = schemeOf(text);
    if (scheme.isEmpty())
        return nullptr;
    for (const auto &resolver : m_resolvers) {
        if (resolver->scheme() == scheme)
            return resolver.get();
    }
    return nullptr;
}

QStringList DiffSourceRegistry::syntaxes() const
{
    QStringList list;
    for (const auto &resolver : m_resolvers)
        list << resolver->syntax();
    return list;
}

QString DiffSourceRegistry::schemeOf(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]+):"));
    const QRegularExpressionMatch match = scheme.match(text);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

} // namespace Cloudcraft::Core
