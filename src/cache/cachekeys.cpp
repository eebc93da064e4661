#include "cache/cachekeys.h"

#include "api/apirequest.h"

#include <QTimeZone>

namespace Cloudcraft::Core::CacheKeys {

namespace {

QString optionsTag(const ExportOptions &options)
{
    ExportOptions sizeless = options;
    sizeless.width.reset();
    sizeless.height.reset();
    ApiRequest request;
    sizeless.addTo(request.query);
    const QString query = request.encodedQuery(); // fixed order, percent-encoded: never contains '/'
    return query.isEmpty() ? QStringLiteral("-") : query;
}

} // namespace

QString versionTag(const QDateTime &updatedAt)
{
    if (!updatedAt.isValid())
        return {};
    return updatedAt.toUTC().toString(Qt::ISODateWithMs);
}

QString renderPrefix(const QString &blueprintId, const QDateTime &updatedAt, ExportFormat format,
                     const ExportOptions &options)
{
    const QString version = versionTag(updatedAt);
    if (blueprintId.isEmpty() || version.isEmpty())
        return {};
    return QStringLiteral("render/") + blueprintId + u'/' + version + u'/' + exportFormatName(format) + u'/'
           + optionsTag(options) + u'/';
}

QString render(const QString &blueprintId, const QDateTime &updatedAt, ExportFormat format,
               const ExportOptions &options)
{
    const QString prefix = renderPrefix(blueprintId, updatedAt, format, options);
    if (prefix.isEmpty())
        return {};
    return prefix + QString::number(options.width.value_or(0)) + u'x' + QString::number(options.height.value_or(0));
}

QSize renderSize(const QString &key)
{
    if (!key.startsWith(QLatin1String("render/")))
        return {};
    const QString last = key.section(u'/', -1);
    const qsizetype x = last.indexOf(u'x');
    bool okWidth = false;
    bool okHeight = false;
    const int width = last.left(x).toInt(&okWidth);
    const int height = last.mid(x + 1).toInt(&okHeight);
    if (x < 0 || !okWidth || !okHeight)
        return {};
    return QSize(width, height);
}

QString document(const QString &blueprintId, const QDateTime &updatedAt)
{
    const QString version = versionTag(updatedAt);
    if (blueprintId.isEmpty() || version.isEmpty())
        return {};
    return QStringLiteral("document/") + blueprintId + u'/' + version;
}

QString list(const QString &name)
{
    return QStringLiteral("list/") + name;
}

QString snapshotPrefix(const QString &provider, const QString &accountId, const QString &region, ExportFormat format)
{
    return QStringLiteral("snapshot/") + provider + u'/' + accountId + u'/' + region + u'/' + exportFormatName(format)
           + u'/';
}

QString snapshot(const QString &provider, const QString &accountId, const QString &region, ExportFormat format,
                 const QDateTime &now)
{
    const qint64 bucketMs = std::chrono::duration_cast<std::chrono::milliseconds>(kLiveBucket).count();
    const qint64 bucket = now.toMSecsSinceEpoch() / bucketMs;
    return snapshotPrefix(provider, accountId, region, format) + QString::number(bucket);
}

} // namespace Cloudcraft::Core::CacheKeys
