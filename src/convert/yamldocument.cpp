#include "convert/yamldocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml.h>

#include <memory>

namespace Cloudcraft::Core {

namespace {

constexpr int kMaxDepth = 200;
// Aliases can multiply a small file into a huge tree ("billion laughs"); real templates stay far below this.
constexpr qint64 kMaxValues = 5'000'000;

/// Owns a libyaml event and frees it however the scope is left.
struct Event
{
    yaml_event_t event{};
    bool valid = false;
    ~Event()
    {
        if (valid)
            yaml_event_delete(&event);
    }
};

QString fromYaml(const yaml_char_t *text)
{
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

/// YAML 1.1 plain-scalar resolution, limited to what templates use: null, booleans, integers, floats.
QJsonValue plainScalar(const QString &text)
{
    static const QRegularExpression integer(QStringLiteral("^[-+]?(0|[1-9][0-9_]*)$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?([0-9][0-9_]*)?\\.[0-9]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"));
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue::Null;
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qlonglong n = QString(text).remove(u'_').toLongLong(&ok);
        // Long numbers (account ids) keep their digits as text rather than lose precision in a double.
        if (ok && qAbs(n) < (qlonglong(1) << 53))
            return double(n);
        return text;
    }
    if (real.match(text).hasMatch()) {
        bool ok = false;
        const double d = QString(text).remove(u'_').toDouble(&ok);
        if (ok)
            return d;
    }
    return text;
}

class Builder
{
public:
    Builder(const QByteArray &bytes, const QString &fileName, YamlTags tags)
        : m_fileName(fileName)
        , m_tags(tags)
    {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char *>(bytes.constData()),
                                     size_t(bytes.size()));
    }
    ~Builder() { yaml_parser_delete(&m_parser); }
    Q_DISABLE_COPY_MOVE(Builder)

    YamlReadResult run()
    {
        YamlReadResult result;
        // Stream start, then the first document (or the stream end of an empty file).
        for (;;) {
            Event e;
            if (!next(e))
                return failure();
            if (e.event.type == YAML_STREAM_END_EVENT) {
                result.error = QStringLiteral("The YAML file %1 is empty.").arg(m_fileName);
                return result;
            }
            if (e.event.type == YAML_DOCUMENT_START_EVENT)
                break;
        }
        Event first;
        if (!next(first))
            return failure();
        QJsonValue value;
        if (!node(first, 0, &value))
            return failure();
        result.value = value;
        return result;
    }

private:
    bool next(Event &e)
    {
        if (!yaml_parser_parse(&m_parser, &e.event)) {
            setParserError();
            return false;
        }
        e.valid = true;
        return true;
    }

    void setParserError()
    {
        const QString problem = m_parser.problem ? QString::fromUtf8(m_parser.problem) : QStringLiteral("a syntax error");
        m_error = QStringLiteral("The YAML file %1 cannot be read: %2 at line %3, column %4.")
                      .arg(m_fileName, problem)
                      .arg(m_parser.problem_mark.line + 1)
                      .arg(m_parser.problem_mark.column + 1);
    }

    void setError(const yaml_mark_t &mark, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("The YAML file %1 cannot be read: %2 at line %3, column %4.")
                          .arg(m_fileName, problem)
                          .arg(mark.line + 1)
                          .arg(mark.column + 1);
    }

    YamlReadResult failure() const { return YamlReadResult{QJsonValue(), m_error}; }

    bool count(const yaml_mark_t &mark, qint64 n = 1)
    {
        m_values += n;
        if (m_values > kMaxValues) {
            setError(mark, QStringLiteral("more than %1 values (aliases expanding without end?)").arg(kMaxValues));
            return false;
        }
        return true;
    }

    /// Turns an application tag into its JSON form around the already built value.
    QJsonValue applyTag(const QString &tag, const QJsonValue &value) const
    {
        if (tag.isEmpty() || tag.startsWith(QStringLiteral("tag:yaml.org,2002:")) || tag == u"!")
            return value;
        if (m_tags == YamlTags::Keep)
            return QJsonObject{{tag, value}};
        const QString name = tag.mid(1);
        if (name == u"Ref" || name == u"Condition")
            return QJsonObject{{name, value}};
        if (name == u"GetAtt" && value.isString()) {
            // The short form "Resource.Attribute" (the attribute itself may contain dots: "Endpoint.Address").
            const QString text = value.toString();
            const qsizetype dot = text.indexOf(u'.');
            const QJsonArray parts = dot < 0 ? QJsonArray{text} : QJsonArray{text.left(dot), text.mid(dot + 1)};
            return QJsonObject{{QStringLiteral("Fn::GetAtt"), parts}};
        }
        return QJsonObject{{QStringLiteral("Fn::") + name, value}};
    }

    bool node(Event &e, int depth, QJsonValue *out)
    {
        if (depth > kMaxDepth) {
            setError(e.event.start_mark, QStringLiteral("values nested more than %1 deep").arg(kMaxDepth));
            return false;
        }
        if (!count(e.event.start_mark))
            return false;
        switch (e.event.type) {
        case YAML_ALIAS_EVENT: {
            const QString anchor = fromYaml(e.event.data.alias.anchor);
            const auto it = m_anchors.constFind(anchor);
            if (it == m_anchors.constEnd()) {
                setError(e.event.start_mark, QStringLiteral("the alias *%1 names no anchor").arg(anchor));
                return false;
            }
            if (!count(e.event.start_mark, it->second))
                return false;
            *out = it->first;
            return true;
        }
        case YAML_SCALAR_EVENT: {
            const auto &s = e.event.data.scalar;
            const QString text = QString::fromUtf8(reinterpret_cast<const char *>(s.value), qsizetype(s.length));
            const QString tag = fromYaml(s.tag);
            QJsonValue value;
            if (tag == u"tag:yaml.org,2002:str" || s.style != YAML_PLAIN_SCALAR_STYLE)
                value = text;
            else if (!tag.isEmpty() && !tag.startsWith(QStringLiteral("tag:yaml.org,2002:")))
                value = text.isEmpty() ? QJsonValue(QString()) : QJsonValue(text); // !Ref Name: always text
            else
                value = plainScalar(text);
            *out = applyTag(tag, value);
            remember(fromYaml(s.anchor), *out, 1);
            return true;
        }
        case YAML_SEQUENCE_START_EVENT: {
            const QString tag = fromYaml(e.event.data.sequence_start.tag);
            const QString anchor = fromYaml(e.event.data.sequence_start.anchor);
            const qint64 before = m_values;
            QJsonArray array;
            for (;;) {
                Event item;
                if (!next(item))
                    return false;
                if (item.event.type == YAML_SEQUENCE_END_EVENT)
                    break;
                QJsonValue v;
                if (!node(item, depth + 1, &v))
                    return false;
                array.append(v);
            }
            *out = applyTag(tag, array);
            remember(anchor, *out, m_values - before + 1);
            return true;
        }
        case YAML_MAPPING_START_EVENT: {
            const QString tag = fromYaml(e.event.data.mapping_start.tag);
            const QString anchor = fromYaml(e.event.data.mapping_start.anchor);
            const qint64 before = m_values;
            QJsonObject object;
            QJsonObject merged; // `<<: *base` entries, overridden by the mapping's own keys
            for (;;) {
                Event key;
                if (!next(key))
                    return false;
                if (key.event.type == YAML_MAPPING_END_EVENT)
                    break;
                QJsonValue keyValue;
                const yaml_mark_t keyMark = key.event.start_mark;
                if (!node(key, depth + 1, &keyValue))
                    return false;
                if (!keyValue.isString() && !keyValue.isDouble() && !keyValue.isBool()) {
                    setError(keyMark, QStringLiteral("a mapping key that is not a plain value"));
                    return false;
                }
                const QString keyText = keyValue.isString() ? keyValue.toString()
                                        : keyValue.isBool() ? QString::fromLatin1(keyValue.toBool() ? "true" : "false")
                                                            : QString::number(keyValue.toDouble());
                Event valueEvent;
                if (!next(valueEvent))
                    return false;
                QJsonValue v;
                if (!node(valueEvent, depth + 1, &v))
                    return false;
                if (keyText == u"<<" && key.event.type == YAML_SCALAR_EVENT
                    && key.event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
                    const QJsonArray sources = v.isArray() ? v.toArray() : QJsonArray{v};
                    for (const QJsonValue &source : sources) {
                        const QJsonObject o = source.toObject();
                        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                            if (!merged.contains(it.key()))
                                merged.insert(it.key(), it.value());
                        }
                    }
                    continue;
                }
                object.insert(keyText, v);
            }
            for (auto it = merged.constBegin(); it != merged.constEnd(); ++it) {
                if (!object.contains(it.key()))
                    object.insert(it.key(), it.value());
            }
            *out = applyTag(tag, object);
            remember(anchor, *out, m_values - before + 1);
            return true;
        }
        default:
            setError(e.event.start_mark, QStringLiteral("an unexpected YAML event"));
            return false;
        }
    }

    void remember(const QString &anchor, const QJsonValue &value, qint64 size)
    {
        if (!anchor.isEmpty())
            m_anchors.insert(anchor, {value, size});
    }

    yaml_parser_t m_parser{};
    QString m_fileName;
    YamlTags m_tags;
    QString m_error;
    qint64 m_values = 0;
    QHash<QString, std::pair<QJsonValue, qint64>> m_anchors;
};

} // namespace

YamlReadResult readYaml(const QByteArray &bytes, const QString &fileName, YamlTags tags)
{
    Builder builder(bytes, fileName, tags);
    return builder.run();
}

} // namespace Cloudcraft::Core
