#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Cloudcraft::Emulator {

/// The live-scan `filter` expression, simplified: terms are case-insensitive substrings of any string field of a
/// node, `type=x` (component type), or `key=value` (node tag); terms combine with AND (also implicit between
/// terms), OR, NOT and parentheses. An empty expression matches everything.
class SnapshotFilter final
{
public:
    SnapshotFilter();
    ~SnapshotFilter();
    SnapshotFilter(SnapshotFilter &&) noexcept;
    SnapshotFilter &operator=(SnapshotFilter &&) noexcept;

    /// False (with a message) when the expression does not parse, e.g. unbalanced parentheses.
    bool parse(const QString &expression, QString *errorMessage);
    bool matches(const QJsonObject &node) const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

} // namespace Cloudcraft::Emulator
