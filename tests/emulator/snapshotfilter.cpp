#include "snapshotfilter.h"

#include <QJsonArray>

namespace Cloudcraft::Emulator {

struct SnapshotFilter::Node
{
    enum class Kind { Term, And, Or, Not };
    Kind kind = Kind::Term;
    QString term;
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;
};

namespace {
using Node = SnapshotFilter::Node;

QStringList tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            tokens.append(current);
        current.clear();
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            flush();
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            flush();
            tokens.append(QString(c));
        } else {
            current += c;
        }
    }
    flush();
    return tokens;
}

class Parser
{
public:
    explicit Parser(QStringList tokens) : m_tokens(std::move(tokens)) { }

    std::unique_ptr<Node> parseAll(QString *errorMessage)
    {
        auto root = parseOr();
        if (!m_error.isEmpty() || m_pos != m_tokens.size()) {
            *errorMessage = m_error.isEmpty() ? QStringLiteral("unexpected '%1'").arg(m_tokens.at(m_pos)) : m_error;
            return nullptr;
        }
        return root;
    }

private:
    bool atKeyword(QLatin1String keyword) const { return m_pos < m_tokens.size() && m_tokens.at(m_pos) == keyword; }

    std::unique_ptr<Node> combine(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    std::unique_ptr<Node> parseOr()
    {
        auto left = parseAnd();
        while (left && atKeyword(QLatin1String("OR"))) {
            ++m_pos;
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = combine(Node::Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseAnd()
    {
        auto left = parseUnary();
        while (left && m_pos < m_tokens.size() && !atKeyword(QLatin1String("OR")) && !atKeyword(QLatin1String(")"))) {
            if (atKeyword(QLatin1String("AND")))
                ++m_pos;
            auto right = parseUnary();
            if (!right)
                return nullptr;
            left = combine(Node::Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseUnary()
    {
        if (m_pos >= m_tokens.size()) {
            m_error = QStringLiteral("expression ends too early");
            return nullptr;
        }
        const QString token = m_tokens.at(m_pos++);
        if (token == QLatin1String("NOT")) {
            auto operand = parseUnary();
            if (!operand)
                return nullptr;
            return combine(Node::Kind::Not, std::move(operand), nullptr);
        }
        if (token == QLatin1String("(")) {
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (!atKeyword(QLatin1String(")"))) {
                m_error = QStringLiteral("missing ')'");
                return nullptr;
            }
            ++m_pos;
            return inner;
        }
        if (token == QLatin1String(")") || token == QLatin1String("AND") || token == QLatin1String("OR")) {
            m_error = QStringLiteral("unexpected '%1'").arg(token);
            return nullptr;
        }
        auto node = std::make_unique<Node>();
        node->term = token;
        return node;
    }

    QStringList m_tokens;
    qsizetype m_pos = 0;
    QString m_error;
};

QString tagValue(const QJsonObject &node, const QString &key)
{
    const QJsonValue tags = node.value(QStringLiteral("tags"));
    if (tags.isObject()) {
        const QJsonObject object = tags.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0)
                return it.value().toVariant().toString();
        }
    }
    for (const QJsonValue &entry : tags.toArray()) {
        const QJsonObject tag = entry.toObject();
        if (tag.value(QStringLiteral("key")).toString().compare(key, Qt::CaseInsensitive) == 0)
            return tag.value(QStringLiteral("value")).toVariant().toString();
    }
    return {};
}

bool anyStringContains(const QJsonValue &value, const QString &needle)
{
    if (value.isString())
        return value.toString().contains(needle, Qt::CaseInsensitive);
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (anyStringContains(item, needle))
                return true;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().contains(needle, Qt::CaseInsensitive) || anyStringContains(it.value(), needle))
                return true;
        }
    }
    return false;
}

bool termMatches(const QString &term, const QJsonObject &node)
{
    const qsizetype equals = term.indexOf(QLatin1Char('='));
    if (equals > 0) {
        const QString key = term.left(equals);
        const QString value = term.mid(equals + 1);
        if (key.compare(QLatin1String("type"), Qt::CaseInsensitive) == 0)
            return node.value(QStringLiteral("type")).toString().compare(value, Qt::CaseInsensitive) == 0;
        return tagValue(node, key).compare(value, Qt::CaseInsensitive) == 0;
    }
    return anyStringContains(node, term);
}

bool evaluate(const Node *node, const QJsonObject &object)
{
    switch (node->kind) {
    case Node::Kind::Term: return termMatches(node->term, object);
    case Node::Kind::And: return evaluate(node->left.get(), object) && evaluate(node->right.get(), object);
    case Node::Kind::Or: return evaluate(node->left.get(), object) || evaluate(node->right.get(), object);
    case Node::Kind::Not: return !evaluate(node->left.get(), object);
    }
    return false;
}
} // namespace

SnapshotFilter::SnapshotFilter() = default;
SnapshotFilter::~SnapshotFilter() = default;
SnapshotFilter::SnapshotFilter(SnapshotFilter &&) noexcept = default;
SnapshotFilter &SnapshotFilter::operator=(SnapshotFilter &&) noexcept = default;

bool SnapshotFilter::parse(const QString &expression, QString *errorMessage)
{
    const QStringList tokens = tokenize(expression);
    if (tokens.isEmpty()) {
        m_root.reset();
        return true;
    }
    Parser parser(tokens);
    m_root = parser.parseAll(errorMessage);
    return m_root != nullptr;
}

bool SnapshotFilter::matches(const QJsonObject &node) const
{
    return !m_root || evaluate(m_root.get(), node);
}

} // namespace Cloudcraft::Emulator
