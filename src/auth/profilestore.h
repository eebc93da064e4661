#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Cloudcraft::Core {

/// One named connection: where the API lives and what we know about its key. Never the key itself.
struct Profile
{
    QString name;
    QUrl apiUrl;
    QString caFile;        // extra CA certificates (PEM) trusted for this endpoint, empty for none
    bool readOnly = false; // set when a write was refused with 403
    bool keySaved = false; // a key was saved to the keychain: a later "not found" means locked, not absent
};

/// Profiles in an INI file in the user's config directory, shared by the desktop app and the CLI.
class ProfileStore final
{
public:
    static constexpr char16_t kDefaultProfile[] = u"default";

    explicit ProfileStore(const QString &filePath = defaultFilePath());
    Q_DISABLE_COPY_MOVE(ProfileStore)

    /// <config>/cloudcraft-desktop/profiles.ini, independent of the running executable's name.
    static QString defaultFilePath();
    static QUrl defaultApiUrl();
    /// An error sentence when url is not an absolute https URL without credentials, query or fragment.
    static std::optional<QString> validateApiUrl(const QUrl &url);
    static bool isValidName(const QString &name);

    QString filePath() const { return m_settings.fileName(); }
    QStringList profileNames() const;
    bool contains(const QString &name) const;
    /// The stored profile, or for the default profile a built-in one that exists without being saved.
    std::optional<Profile> profile(const QString &name) const;

    /// Saves (adds or replaces) a profile; returns an error sentence when it is invalid or cannot be written.
    std::optional<QString> save(const Profile &profile);
    std::optional<QString> remove(const QString &name);

    QString currentProfile() const;
    std::optional<QString> setCurrentProfile(const QString &name);

    /// Sets a flag, creating the profile with the default endpoint when it does not exist yet.
    std::optional<QString> setKeySaved(const QString &name, bool saved);
    std::optional<QString> setReadOnly(const QString &name, bool readOnly);

private:
    std::optional<QString> commit();
    static QString group(const QString &name);

    mutable QSettings m_settings;
};

} // namespace Cloudcraft::Core
