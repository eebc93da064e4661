#include "cache/rendercache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace Cloudcraft::Core {

namespace {

const QString kIndexName = QStringLiteral("index.json");
constexpr int kIndexVersion = 1;
constexpr int kSaveDelayMs = 500;
// The index of a cache with a few thousand entries is well under this; anything larger is not ours.
constexpr qint64 kMaxIndexBytes = qint64(64) * 1024 * 1024;

constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPrivateDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                 | QFileDevice::ExeOwner;

/// Names we may have written: entry files, the index, and QSaveFile's temporary siblings of either.
bool isOurFileName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9a-f]{40}|index\\.json)(\\..*)?$"));
    return pattern.match(name).hasMatch();
}

QByteArray sha1(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha1);
}

bool writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(kPrivateFile); // the temporary file, before anything is in it
    if (file.write(data) != data.size()) {
        *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    QFile::setPermissions(path, kPrivateFile);
    return true;
}

} // namespace

RenderCache::RenderCache(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &RenderCache::flush);
}

RenderCache::RenderCache(const QString &directory, qint64 maxBytes, QObject *parent)
    : RenderCache(parent)
{
    m_maxBytes = maxBytes;
    open(directory);
}

RenderCache::~RenderCache()
{
    close();
}

QString RenderCache::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/api");
}

QString RenderCache::scopeDirectory(const QString &root, const QString &profile, const QUrl &apiUrl)
{
    QString safeProfile;
    for (const QChar c : profile.left(64)) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                           || c == u'-' || c == u'_' || c == u'.';
        safeProfile.append(plain ? c : QChar(u'_'));
    }
    if (safeProfile.isEmpty() || safeProfile.startsWith(u'.'))
        safeProfile.prepend(u'p');
    // The origin, not the whole URL: a trailing slash or a path must not split one server's cache in two. The
    // profile name goes into the hash too, so "a" + origin and "a_" + origin can never collide after sanitizing.
    const QString origin = apiUrl.scheme().toLower() + QStringLiteral("://") + apiUrl.host().toLower() + u':'
                           + QString::number(apiUrl.port(apiUrl.scheme() == QLatin1String("http") ? 80 : 443));
    const QByteArray digest = QCryptographicHash::hash((profile + u'\n' + origin).toUtf8(), QCryptographicHash::Sha256);
    return root + u'/' + safeProfile + u'-' + QString::fromLatin1(digest.toHex().left(16));
}

bool RenderCache::open(const QString &directory)
{
    const QString path = QDir::cleanPath(QDir(directory).absolutePath());
    if (path == m_directory)
        return true;
    close();
    m_error.clear();
    if (!QDir().mkpath(path)) {
        m_error = tr("Cannot create the cache folder %1.").arg(path);
        return false;
    }
    if (!QFile::setPermissions(path, kPrivateDir)) {
        m_error = tr("Cannot make the cache folder %1 private.").arg(path);
        return false;
    }
    m_directory = path;
    loadIndex();
    dropStrayFiles();
    evict();
    Q_EMIT changed();
    return true;
}

void RenderCache::close()
{
    if (!isOpen())
        return;
    if (m_dirty)
        flush();
    m_saveTimer.stop();
    m_entries.clear();
    m_totalSize = 0;
    m_useCounter = 0;
    m_directory.clear();
}

QString RenderCache::fileNameFor(const QString &key)
{
    return QString::fromLatin1(sha1(key.toUtf8()).toHex());
}

QString RenderCache::filePath(const QString &file) const
{
    return m_directory + u'/' + file;
}

void RenderCache::loadIndex()
{
    QFile file(filePath(kIndexName));
    if (!file.exists())
        return;
    if (file.size() > kMaxIndexBytes || !file.open(QIODevice::ReadOnly)) {
        m_dirty = true; // rewritten empty; the entry files become strays and go
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("version")).toInt() != kIndexVersion) {
        m_dirty = true;
        return;
    }
    for (const QJsonValue &value : root.value(QLatin1String("entries")).toArray()) {
        const QJsonObject object = value.toObject();
        const QString key = object.value(QLatin1String("key")).toString();
        Entry entry;
        entry.file = object.value(QLatin1String("file")).toString();
        entry.size = object.value(QLatin1String("size")).toInteger(-1);
        entry.sha1 = QByteArray::fromHex(object.value(QLatin1String("sha1")).toString().toLatin1());
        entry.contentType = object.value(QLatin1String("type")).toString();
        entry.storedAtMs = object.value(QLatin1String("storedAt")).toInteger();
        entry.lastUsed = object.value(QLatin1String("used")).toInteger();
        entry.pinned = object.value(QLatin1String("pinned")).toBool();
        // A damaged record, or one whose file is gone or changed size, is dropped; the content hash is checked when
        // the entry is read.
        const QFileInfo info(filePath(entry.file));
        const bool valid = !key.isEmpty() && entry.file == fileNameFor(key) && entry.size >= 0
                           && entry.sha1.size() == 20 && info.isFile() && info.size() == entry.size
                           && !m_entries.contains(key);
        if (!valid) {
            m_dirty = true;
            continue;
        }
        m_entries.insert(key, entry);
        m_totalSize += entry.size;
        m_useCounter = std::max(m_useCounter, entry.lastUsed);
    }
    if (m_dirty)
        scheduleSave();
}

void RenderCache::dropStrayFiles()
{
    QSet<QString> known;
    for (const Entry &entry : std::as_const(m_entries))
        known.insert(entry.file);
    const QStringList names = QDir(m_directory).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (name == kIndexName || known.contains(name) || !isOurFileName(name))
            continue;
        QFile::remove(filePath(name));
    }
}

std::optional<CacheEntry> RenderCache::find(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    QFile file(filePath(it->file));
    QByteArray data;
    if (file.open(QIODevice::ReadOnly) && file.size() == it->size)
        data = file.read(it->size + 1);
    if (data.size() != it->size || sha1(data) != it->sha1) {
        removeEntry(key);
        scheduleSave();
        Q_EMIT changed();
        return std::nullopt;
    }
    it->lastUsed = ++m_useCounter;
    scheduleSave();
    return CacheEntry{data, it->contentType, QDateTime::fromMSecsSinceEpoch(it->storedAtMs, Qt::UTC)};
}

QList<CacheEntryInfo> RenderCache::entriesWithPrefix(const QString &prefix) const
{
    QList<CacheEntryInfo> result;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        result.append(CacheEntryInfo{it.key(), it->size, it->contentType,
                                     QDateTime::fromMSecsSinceEpoch(it->storedAtMs, Qt::UTC), it->pinned});
    }
    std::sort(result.begin(), result.end(),
              [](const CacheEntryInfo &a, const CacheEntryInfo &b) { return a.storedAt > b.storedAt; });
    return result;
}

bool RenderCache::insert(const QString &key, const QByteArray &data, const QString &contentType, bool pinned)
{
    if (!isOpen() || key.isEmpty() || data.size() > m_maxBytes)
        return false;
    Entry entry;
    entry.file = fileNameFor(key);
    QString error;
    if (!writePrivateFile(filePath(entry.file), data, &error)) {
        m_error = tr("Cannot write to the cache: %1").arg(error);
        return false;
    }
    if (const auto old = m_entries.constFind(key); old != m_entries.cend())
        m_totalSize -= old->size;
    entry.size = data.size();
    entry.sha1 = sha1(data);
    entry.contentType = contentType;
    entry.storedAtMs = QDateTime::currentMSecsSinceEpoch();
    entry.lastUsed = ++m_useCounter;
    entry.pinned = pinned;
    m_entries.insert(key, entry);
    m_totalSize += entry.size;
    evict();
    scheduleSave();
    Q_EMIT changed();
    return m_entries.contains(key);
}

void RenderCache::removeEntry(const QString &key)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return;
    QFile::remove(filePath(it->file));
    m_totalSize -= it->size;
    m_entries.erase(it);
    m_dirty = true;
}

void RenderCache::remove(const QString &key)
{
    if (!m_entries.contains(key))
        return;
    removeEntry(key);
    scheduleSave();
    Q_EMIT changed();
}

void RenderCache::evict()
{
    if (m_totalSize <= m_maxBytes)
        return;
    QList<std::pair<qint64, QString>> candidates; // (last use, key), oldest first
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->pinned)
            candidates.append({it->lastUsed, it.key()});
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto &candidate : std::as_const(candidates)) {
        if (m_totalSize <= m_maxBytes)
            break;
        removeEntry(candidate.second);
    }
    scheduleSave();
}

bool RenderCache::clear()
{
    if (!isOpen())
        return false;
    const QStringList keys = m_entries.keys();
    for (const QString &key : keys)
        removeEntry(key);
    dropStrayFiles();
    m_totalSize = 0;
    m_dirty = true;
    const bool saved = flush();
    Q_EMIT changed();
    return saved && m_entries.isEmpty();
}

void RenderCache::setMaxBytes(qint64 maxBytes)
{
    m_maxBytes = std::max<qint64>(0, maxBytes);
    if (m_totalSize > m_maxBytes) {
        evict();
        Q_EMIT changed();
    }
}

void RenderCache::scheduleSave()
{
    m_dirty = true;
    if (isOpen() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

bool RenderCache::flush()
{
    m_saveTimer.stop();
    if (!isOpen())
        return false;
    QJsonArray entries;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        entries.append(QJsonObject{{QStringLiteral("key"), it.key()},
                                   {QStringLiteral("file"), it->file},
                                   {QStringLiteral("size"), it->size},
                                   {QStringLiteral("sha1"), QString::fromLatin1(it->sha1.toHex())},
                                   {QStringLiteral("type"), it->contentType},
                                   {QStringLiteral("storedAt"), it->storedAtMs},
                                   {QStringLiteral("used"), it->lastUsed},
                                   {QStringLiteral("pinned"), it->pinned}});
    }
    const QJsonObject root{{QStringLiteral("version"), kIndexVersion}, {QStringLiteral("entries"), entries}};
    QString error;
    if (!writePrivateFile(filePath(kIndexName), QJsonDocument(root).toJson(QJsonDocument::Compact), &error)) {
        m_error = tr("Cannot write the cache index: %1").arg(error);
        return false;
    }
    m_dirty = false;
    return true;
}

} // namespace Cloudcraft::Core
