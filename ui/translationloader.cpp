#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

bool TranslationLoader::install(QCoreApplication *application, const QLocale &locale)
{
    // Qt's own strings (standard buttons, file dialogs) come from the system's Qt translations when installed.
    auto *qtTranslator = new QTranslator(application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }

    auto *translator = new QTranslator(application);
    const QString directory = QString::fromLatin1(ResourceDirectory);
    if (translator->load(locale, QStringLiteral("ferry"), QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    // Untranslated languages get the English catalogue, which holds the plural forms ("1 package").
    if (translator->load(QStringLiteral("ferry_en"), directory)) {
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
    }
    return false;
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages;
    const QStringList files =
        QDir(QString::fromLatin1(ResourceDirectory)).entryList({QStringLiteral("ferry_*.qm")}, QDir::Files);
    for (const QString &file : files) {
        languages.append(file.mid(6, file.size() - 9)); // "ferry_" … ".qm"
    }
    return languages;
}
