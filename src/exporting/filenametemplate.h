#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Cloudcraft::Core {

/// What a file name can be built from: one exported item and the moment of the export.
struct FileNameFields
{
    QString name;
    QString id;
    QString format; ///< ExportSettings::formatKey(), e.g. "png"
    QString team;   ///< display name of the first team with access, empty when none
    QStringList tags;
    QDateTime updatedAt;
    QDateTime exportedAt; ///< {date} and {time}; the current time when invalid
    QString profile;
};

/// A file-name pattern such as "{name} ({format}) {date}" with placeholders {name} {id} {shortid} {format} {date}
/// {time} {updated} {team} {tags} {profile}. The result is a single safe file name (no directory part) on Linux,
/// macOS and Windows: separators, reserved and control characters become "_", Windows device names get a "_",
/// trailing dots and spaces go, and it is cut to a length every common file system accepts.
class FileNameTemplate final
{
public:
    explicit FileNameTemplate(QString pattern = QStringLiteral("{name}"));

    QString pattern() const { return m_pattern; }
    /// Every placeholder, with braces, for the dialog's help text.
    static QStringList placeholders();
    /// Placeholders in the pattern that are not known (typos such as "{nmae}"), with braces.
    QStringList unknownPlaceholders() const;

    /// The file name without suffix, sanitised; never empty (falls back to the id, then "blueprint").
    QString baseName(const FileNameFields &fields) const;
    /// baseName() + "." + suffix.
    QString fileName(const FileNameFields &fields, const QString &suffix) const;

    /// Makes any text safe as one file-name component (see the class comment); may return an empty string.
    static QString sanitize(const QString &text);

private:
    QString expand(const FileNameFields &fields) const;

    QString m_pattern;
};

/// Hands out file names in one directory without collisions: names taken earlier in the same batch, and (unless
/// overwriting is wanted) files already on disk, get " (2)", " (3)"... before the suffix. Case-insensitive, so the
/// result also holds on case-insensitive file systems.
class FileNameAllocator final
{
public:
    explicit FileNameAllocator(QString directory);

    /// A free name for `baseName.suffix`. With `avoidExisting` false only names given out earlier count as taken.
    QString allocate(const QString &baseName, const QString &suffix, bool avoidExisting);
    /// Marks a name as taken by this batch.
    void reserve(const QString &fileName);

private:
    bool isTaken(const QString &fileName, bool avoidExisting) const;

    QString m_directory;
    QSet<QString> m_taken; ///< lower-case
};

} // namespace Cloudcraft::Core
