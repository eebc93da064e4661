#pragma once

// Small helpers shared by the GUI tests: find widgets by objectName, read the workspace the emulator serves, and a
// Prompter that records what would have been shown instead of opening a modal box.

#include "prompter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>
#include <QWidget>

namespace Cloudcraft::Test {

template <typename W>
W *child(const QObject *parent, const char *name)
{
    return parent->findChild<W *>(QString::fromLatin1(name));
}

inline QJsonObject readWorkspace(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// The user a key belongs to, from the workspace file the emulator serves.
inline QJsonObject userForKey(const QJsonObject &workspace, const QString &key)
{
    QString userId;
    for (const QJsonValue &k : workspace.value(QLatin1String("keys")).toArray()) {
        if (k.toObject().value(QLatin1String("key")).toString() == key)
            userId = k.toObject().value(QLatin1String("userId")).toString();
    }
    for (const QJsonValue &u : workspace.value(QLatin1String("users")).toArray()) {
        if (u.toObject().value(QLatin1String("id")).toString() == userId)
            return u.toObject();
    }
    return {};
}

/// Answers nothing and remembers every message, so tests can assert what the user was told.
class RecordingPrompter final : public Cloudcraft::Ui::Prompter
{
public:
    QStringList messages;
    QString nextFile;
    QString nextText;
    bool nextConfirm = true;

    void message(QWidget *, Severity, const QString &title, const QString &text) override
    {
        messages.append(title + QStringLiteral(": ") + text);
    }
    void confirm(QWidget *, const QString &, const QString &text, const QString &,
                 std::function<void(bool)> done) override
    {
        messages.append(text);
        done(nextConfirm);
    }
    void chooseOpenFile(QWidget *, const QString &, const QString &, std::function<void(const QString &)> done) override
    {
        if (!nextFile.isEmpty())
            done(nextFile);
    }
    void askText(QWidget *, const QString &, const QString &, std::function<void(const QString &)> done) override
    {
        if (!nextText.isEmpty())
            done(nextText);
    }
};

} // namespace Cloudcraft::Test
