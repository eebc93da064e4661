#pragma once

#include <QString>

#include <optional>

namespace Cloudcraft::Core {

/// Where a snapshot comes from: one blueprint, or one region of a linked AWS or Azure account, under a profile.
/// Written as a reference: `blueprint:<id>`, `aws:<account id>/<region>`, `azure:<account id>/<region>`.
struct SnapshotSource
{
    enum class Kind { Blueprint, Aws, Azure };

    QString profile;
    Kind kind = Kind::Blueprint;
    QString id;     ///< blueprint id or Cloudcraft account id
    QString region; ///< empty for blueprints

    bool isLive() const { return kind != Kind::Blueprint; }
    /// `blueprint:<id>` or `aws:<id>/<region>` (no profile).
    QString reference() const;
    bool sameTarget(const SnapshotSource &other) const
    {
        return kind == other.kind && id == other.id && region == other.region;
    }

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);

    /// Parses a reference. With `regionOptional`, `aws:<id>` (every region) is accepted too, for filters.
    /// Returns nullopt and sets `error` to a sentence when the text is not a reference.
    static std::optional<SnapshotSource> parse(const QString &reference, QString *error, bool regionOptional = false);
};

} // namespace Cloudcraft::Core
