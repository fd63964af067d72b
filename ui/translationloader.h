#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

// Installs Ferry's own catalogue (embedded under :/i18n) and Qt's catalogue for standard dialogs.
class TranslationLoader
{
public:
    static constexpr auto ResourceDirectory = ":/i18n";

    // Returns true when Ferry's catalogue for the locale was found; otherwise the English one is installed.
    static bool install(QCoreApplication *application, const QLocale &locale);
    // The languages Ferry ships a catalogue for, as locale names ("ja").
    static QStringList availableLanguages();
};
