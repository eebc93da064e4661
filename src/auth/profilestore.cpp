#include "auth/profilestore.h"

#include <cloudcraft/version.h>

#include <QRegularExpression>
#include <QStandardPaths>

namespace Cloudcraft::Core {

namespace {
const QString kProfiles = QStringLiteral("profiles");
const QString kCurrent = QStringLiteral("state/currentProfile");
const QString kApiUrl = QStringLiteral("apiUrl");
const QString kCaFile = QStringLiteral("caFile");
const QString kReadOnly = QStringLiteral("readOnly");
const QString kKeySaved = QStringLiteral("keySaved");
} // namespace

ProfileStore::ProfileStore(const QString &filePath)
    : m_settings(filePath, QSettings::IniFormat)
{
}

QString ProfileStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u'/'
        + QString::fromLatin1(Cloudcraft::kAppName) + QStringLiteral("/profiles.ini");
}

QUrl ProfileStore::defaultApiUrl()
{
    return QUrl(QStringLiteral("https://api.cloudcraft.co"));
}

std::optional<QString> ProfileStore::validateApiUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("The API URL must be an absolute URL such as https://api.cloudcraft.co.");
    if (url.scheme() != u"https")
        return QStringLiteral("The API URL must use https; plain http would send the API key unencrypted.");
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return QStringLiteral("The API URL must not contain a user name, query or fragment.");
    return std::nullopt;
}

bool ProfileStore::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

QString ProfileStore::group(const QString &name)
{
    return kProfiles + u'/' + name + u'/';
}

QStringList ProfileStore::profileNames() const
{
    m_settings.beginGroup(kProfiles);
    QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    const QString def = QString::fromUtf16(kDefaultProfile);
    if (!names.contains(def))
        names.prepend(def);
    std::sort(names.begin() + 1, names.end());
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return profileNames().contains(name);
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    const bool stored = m_settings.contains(group(name) + kApiUrl);
    if (!stored && name != QString::fromUtf16(kDefaultProfile))
        return std::nullopt;
    Profile p;
    p.name = name;
    p.apiUrl = QUrl(m_settings.value(group(name) + kApiUrl, defaultApiUrl().toString()).toString());
    p.caFile = m_settings.value(group(name) + kCaFile).toString();
    p.readOnly = m_settings.value(group(name) + kReadOnly, false).toBool();
    p.keySaved = m_settings.value(group(name) + kKeySaved, false).toBool();
    return p;
}

std::optional<QString> ProfileStore::save(const Profile &profile)
{
    if (!isValidName(profile.name))
        return QStringLiteral("A profile name uses letters, digits, '.', '_' or '-' (at most 64).");
    const QUrl url = profile.apiUrl.isEmpty() ? defaultApiUrl() : profile.apiUrl;
    if (auto error = validateApiUrl(url))
        return error;
    const QString g = group(profile.name);
    m_settings.setValue(g + kApiUrl, url.toString());
    if (profile.caFile.isEmpty())
        m_settings.remove(g + kCaFile);
    else
        m_settings.setValue(g + kCaFile, profile.caFile);
    m_settings.setValue(g + kReadOnly, profile.readOnly);
    m_settings.setValue(g + kKeySaved, profile.keySaved);
    return commit();
}

std::optional<QString> ProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return QStringLiteral("There is no profile named \"%1\".").arg(name);
    m_settings.remove(kProfiles + u'/' + name);
    if (currentProfile() == name)
        m_settings.remove(kCurrent);
    return commit();
}

QString ProfileStore::currentProfile() const
{
    const QString current = m_settings.value(kCurrent).toString();
    return current.isEmpty() ? QString::fromUtf16(kDefaultProfile) : current;
}

std::optional<QString> ProfileStore::setCurrentProfile(const QString &name)
{
    if (!contains(name))
        return QStringLiteral("There is no profile named \"%1\".").arg(name);
    m_settings.setValue(kCurrent, name);
    return commit();
}

std::optional<QString> ProfileStore::setKeySaved(const QString &name, bool saved)
{
    // A flag for a profile that was never saved creates it with the default endpoint.
    Profile p = profile(name).value_or(Profile{name, defaultApiUrl(), {}, false, false});
    p.keySaved = saved;
    return save(p);
}

std::optional<QString> ProfileStore::setReadOnly(const QString &name, bool readOnly)
{
    // A flag for a profile that was never saved creates it with the default endpoint.
    Profile p = profile(name).value_or(Profile{name, defaultApiUrl(), {}, false, false});
    p.readOnly = readOnly;
    return save(p);
}

std::optional<QString> ProfileStore::commit()
{
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return QStringLiteral("The profile settings could not be written to %1.").arg(m_settings.fileName());
    return std::nullopt;
}

} // namespace Cloudcraft::Core
