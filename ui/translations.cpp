#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Cloudcraft::Ui {

namespace {
const QString kDirectory = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("cloudcraft_");
const QString kEnglish = QStringLiteral("en");
} // namespace

QStringList Translations::availableLanguages()
{
    QStringList codes;
    const QStringList files = QDir(kDirectory).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes << file.mid(kPrefix.size(), file.size() - kPrefix.size() - 3);
    codes.removeAll(kEnglish); // the source language: its catalogue only holds plural forms
    return codes;
}

QString Translations::languageName(const QString &code)
{
    const QString name = QLocale(code).nativeLanguageName();
    if (name.isEmpty())
        return code;
    return name.left(1).toUpper() + name.mid(1);
}

QString Translations::install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *ours = new QTranslator(&app);
    // QTranslator::load(locale, ...) tries each of the locale's UI languages in order ("de_AT", "de", ...). A
    // language we have no catalogue for gets English, whose catalogue holds the plural forms the source text only
    // hints at ("%n component(s)" -> "1 component", "2 components").
    if (!ours->load(locale, QStringLiteral("cloudcraft"), QStringLiteral("_"), kDirectory)
        && !ours->load(kPrefix + kEnglish, kDirectory)) {
        delete ours;
        return {};
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (Close, Cancel in button boxes), when the distribution's translations are installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    const QString loaded = ours->language();
    return loaded.startsWith(kEnglish) ? QString() : loaded;
}

} // namespace Cloudcraft::Ui
