#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace Cloudcraft::Core {

/// One cached answer as stored: the bytes, their content type and when they were fetched.
struct CacheEntry {
    QByteArray data;
    QString contentType;
    QDateTime storedAt;
};

/// What the index knows of an entry, without reading its file.
struct CacheEntryInfo {
    QString key;
    qint64 size = 0;
    QString contentType;
    QDateTime storedAt;
    bool pinned = false;
};

/// A disk cache of API answers (rendered images, blueprint and snapshot JSON, the last workspace lists) in one
/// directory, usually one per profile and API origin (see scopeDirectory()), so two accounts never share entries.
///
/// Each entry is a file named by the SHA-1 of its key, written atomically (QSaveFile) with mode 0600 in a 0700
/// directory. A JSON index (key, size, SHA-1 of the content, times) survives restarts; it is written shortly after a
/// change and on destruction. Anything that does not check out (unreadable index, missing file, wrong size or
/// content hash, stray files) is dropped, never trusted. Over the size limit the least recently used unpinned
/// entries go first; pinned entries (the workspace lists that make the app browsable offline) are only removed by
/// clear() or remove(). Lives on one thread (the GUI thread).
class RenderCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RenderCache)

public:
    static constexpr qint64 kDefaultMaxBytes = qint64(512) * 1024 * 1024;

    /// An unopened cache: find() misses and insert() refuses until open() succeeds.
    explicit RenderCache(QObject *parent = nullptr);
    /// Opens `directory` at once (creating it).
    explicit RenderCache(const QString &directory, qint64 maxBytes = kDefaultMaxBytes, QObject *parent = nullptr);
    ~RenderCache() override;

    /// `root`/<profile>-<hash of the API origin>: a directory name safe on every file system that differs for every
    /// profile and for every origin (scheme, host, port) of the same profile.
    static QString scopeDirectory(const QString &root, const QString &profile, const QUrl &apiUrl);
    /// The XDG cache directory of the application (QStandardPaths::CacheLocation) + "/api".
    static QString defaultRoot();

    /// Switches to `directory` (saving the index of the one in use first). Returns false, and stays closed, when the
    /// directory cannot be created or made private. Opening the directory already open does nothing.
    bool open(const QString &directory);
    bool isOpen() const { return !m_directory.isEmpty(); }
    QString directory() const { return m_directory; }
    QString errorString() const { return m_error; }

    /// The entry for `key`, and marks it most recently used. A missing or damaged file drops the entry.
    std::optional<CacheEntry> find(const QString &key);
    bool contains(const QString &key) const { return m_entries.contains(key); }
    /// Index facts of every entry whose key starts with `prefix`, newest first (no file is read).
    QList<CacheEntryInfo> entriesWithPrefix(const QString &prefix) const;

    /// Stores `data` under `key`, replacing what was there, then evicts down to the limit. Returns false when closed,
    /// when the entry alone is over the limit, or when the file could not be written (the old entry is kept then).
    bool insert(const QString &key, const QByteArray &data, const QString &contentType = {}, bool pinned = false);
    void remove(const QString &key);
    /// Removes every entry and file of the directory in use.
    bool clear();

    qint64 totalSize() const { return m_totalSize; }
    int count() const { return int(m_entries.size()); }
    qint64 maxBytes() const { return m_maxBytes; }
    /// Changes the limit and evicts at once if needed.
    void setMaxBytes(qint64 maxBytes);

    /// Writes the index now (it is also written a moment after each change and on destruction).
    bool flush();

Q_SIGNALS:
    /// Entries were added, removed or evicted (totalSize() and count() may have changed).
    void changed();

private:
    struct Entry {
        QString file;
        qint64 size = 0;
        QByteArray sha1;
        QString contentType;
        qint64 storedAtMs = 0;
        qint64 lastUsed = 0; ///< monotonic use counter: higher = used more recently
        bool pinned = false;
    };

    void close();
    void loadIndex();
    void dropStrayFiles();
    void evict();
    void removeEntry(const QString &key);
    void scheduleSave();
    QString filePath(const QString &file) const;
    static QString fileNameFor(const QString &key);

    QString m_directory;
    QString m_error;
    qint64 m_maxBytes = kDefaultMaxBytes;
    qint64 m_totalSize = 0;
    qint64 m_useCounter = 0;
    QHash<QString, Entry> m_entries;
    QTimer m_saveTimer;
    bool m_dirty = false;
};

} // namespace Cloudcraft::Core
