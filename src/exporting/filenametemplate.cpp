#include "filenametemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Cloudcraft::Core {

namespace {

// Leaves room for " (999)" and a suffix within the 255-byte limit of ext4, APFS and NTFS.
constexpr qsizetype kMaxBaseBytes = 200;

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z]+)\\}"));
    return re;
}

bool isReservedWindowsName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\..*)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

/// Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character (or a surrogate pair).
QString truncateUtf8(const QString &text, qsizetype maxBytes)
{
    if (text.toUtf8().size() <= maxBytes)
        return text;
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype len = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const qsizetype add = text.mid(i, len).toUtf8().size();
        if (bytes + add > maxBytes)
            break;
        out += text.mid(i, len);
        bytes += add;
        i += len - 1;
    }
    return out;
}

} // namespace

FileNameTemplate::FileNameTemplate(QString pattern)
    : m_pattern(std::move(pattern))
{
}

QStringList FileNameTemplate::placeholders()
{
    return {QStringLiteral("{name}"),    QStringLiteral("{id}"),      QStringLiteral("{shortid}"),
            QStringLiteral("{format}"),  QStringLiteral("{date}"),    QStringLiteral("{time}"),
            QStringLiteral("{updated}"), QStringLiteral("{team}"),    QStringLiteral("{tags}"),
            QStringLiteral("{profile}")};
}

QStringList FileNameTemplate::unknownPlaceholders() const
{
    QStringList unknown;
    const QStringList known = placeholders();
    auto it = placeholderPattern().globalMatch(m_pattern);
    while (it.hasNext()) {
        const QString token = it.next().captured(0);
        if (!known.contains(token.toLower()) && !unknown.contains(token))
            unknown.append(token);
    }
    return unknown;
}

QString FileNameTemplate::expand(const FileNameFields &fields) const
{
    const QDateTime when =
        (fields.exportedAt.isValid() ? fields.exportedAt : QDateTime::currentDateTime()).toLocalTime();
    QString out;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(m_pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(m_pattern).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString key = match.captured(1).toLower();
        // Each value is sanitised on its own so that a "/" in a name can never open a directory.
        if (key == u"name")
            out += sanitize(fields.name);
        else if (key == u"id")
            out += sanitize(fields.id);
        else if (key == u"shortid")
            out += sanitize(fields.id.left(8));
        else if (key == u"format")
            out += sanitize(fields.format);
        else if (key == u"date")
            out += when.toString(QStringLiteral("yyyy-MM-dd"));
        else if (key == u"time")
            out += when.toString(QStringLiteral("HHmmss"));
        else if (key == u"updated")
            out += fields.updatedAt.isValid() ? fields.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
                                              : QString();
        else if (key == u"team")
            out += sanitize(fields.team);
        else if (key == u"tags")
            out += sanitize(fields.tags.join(u'-'));
        else if (key == u"profile")
            out += sanitize(fields.profile);
        else
            out += match.captured(0); // unknown: kept literally (braces are legal), the dialog warns about it
    }
    out += QStringView(m_pattern).mid(last);
    return out;
}

QString FileNameTemplate::baseName(const FileNameFields &fields) const
{
    QString name = sanitize(expand(fields));
    if (name.isEmpty())
        name = sanitize(fields.id);
    if (name.isEmpty())
        name = QStringLiteral("blueprint");
    return name;
}

QString FileNameTemplate::fileName(const FileNameFields &fields, const QString &suffix) const
{
    return suffix.isEmpty() ? baseName(fields) : baseName(fields) + u'.' + suffix;
}

QString FileNameTemplate::sanitize(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool lastWasSpace = false;
    for (const QChar c : text) {
        QChar mapped = c;
        if (c.isSpace())
            mapped = u' '; // tabs and line breaks too
        else if (c == u'/' || c == u'\\' || c == u':' || c == u'*' || c == u'?' || c == u'"' || c == u'<'
                 || c == u'>' || c == u'|' || c.category() == QChar::Other_Control
                 || c.category() == QChar::Other_Format)
            mapped = u'_';
        if (mapped == u' ') {
            if (lastWasSpace)
                continue;
            lastWasSpace = true;
        } else {
            lastWasSpace = false;
        }
        out += mapped;
    }
    // Leading dots would hide the file on Unix; trailing dots and spaces are dropped by Windows.
    while (!out.isEmpty() && (out.front() == u'.' || out.front() == u' '))
        out.remove(0, 1);
    out = truncateUtf8(out, kMaxBaseBytes);
    while (!out.isEmpty() && (out.back() == u'.' || out.back() == u' '))
        out.chop(1);
    if (isReservedWindowsName(out))
        out.insert(out.indexOf(u'.') < 0 ? out.size() : out.indexOf(u'.'), u'_');
    return out;
}

FileNameAllocator::FileNameAllocator(QString directory)
    : m_directory(std::move(directory))
{
}

bool FileNameAllocator::isTaken(const QString &fileName, bool avoidExisting) const
{
    if (m_taken.contains(fileName.toLower()))
        return true;
    return avoidExisting && QFileInfo::exists(QDir(m_directory).filePath(fileName));
}

QString FileNameAllocator::allocate(const QString &baseName, const QString &suffix, bool avoidExisting)
{
    const QString dotSuffix = suffix.isEmpty() ? QString() : u'.' + suffix;
    QString candidate = baseName + dotSuffix;
    for (int n = 2; isTaken(candidate, avoidExisting); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(baseName).arg(n).arg(dotSuffix);
    reserve(candidate);
    return candidate;
}

void FileNameAllocator::reserve(const QString &fileName)
{
    m_taken.insert(fileName.toLower());
}

} // namespace Cloudcraft::Core
