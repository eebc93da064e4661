#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Cloudcraft::Ui {

/// The app's translations, compiled from resources/translations/*.ts and embedded under :/i18n.
class Translations final
{
public:
    Translations() = delete;

    /// Language codes with a translation ("de"), not counting English, the source language.
    static QStringList availableLanguages();
    /// The language's own name ("Deutsch").
    static QString languageName(const QString &code);
    /// Installs the translators for `language` ("de"; empty: the system's UI languages) on `app`, Qt's own
    /// translations too when installed; any other language gets English with its plural forms. Returns the language
    /// loaded, or an empty string for English / none found.
    static QString install(QCoreApplication &app, const QString &language);
};

} // namespace Cloudcraft::Ui
