#include "icontheme.h"
#include "models/configtreemodel.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QIcon>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class tst_Translations : public QObject
{
    Q_OBJECT

private:
    // Counts messages and unfinished translations of a .ts file.
    static std::pair<int, int> countMessages(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return {-1, -1};
        }
        QXmlStreamReader xml(&file);
        int messages = 0;
        int unfinished = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) {
                continue;
            }
            if (xml.name() == QLatin1String("message")) {
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty()) {
                    ++unfinished;
                }
            }
        }
        return xml.hasError() ? std::pair{-1, -1} : std::pair{messages, unfinished};
    }

private Q_SLOTS:
    void embeddedCataloguesExist()
    {
        IconTheme::initResources();
        const QStringList languages = TranslationLoader::availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("ja")), qPrintable(languages.join(QLatin1Char(','))));
        QVERIFY(languages.contains(QStringLiteral("en")));
    }

    void japaneseTranslatesKnownStrings()
    {
        QTranslator japanese;
        QVERIFY(japanese.load(QStringLiteral(":/i18n/ferry_ja.qm")));
        QCOMPARE(japanese.translate("MainWindow", "&Open…"), QStringLiteral("開く(&O)…"));
        QCOMPARE(japanese.translate("ConfigTreeModel", "Operators"), QStringLiteral("オペレーター"));
        QCOMPARE(japanese.translate("ConfigTreeModel", "%n package(s)", nullptr, 3),
                 QStringLiteral("%n 個のパッケージ"));

        // Installed for a Japanese locale, tr() in the model returns Japanese.
        QVERIFY(TranslationLoader::install(qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
        QCOMPARE(ConfigTreeModel::kindName(ConfigTreeModel::NodeKind::Platform), QStringLiteral("プラットフォーム"));
        QCOMPARE(ConfigTreeModel::tr("%n catalog(s)", nullptr, 2), QStringLiteral("2 個のカタログ"));
    }

    void englishHasPluralForms()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/ferry_en.qm")));
        QCoreApplication::installTranslator(&english);
        QCOMPARE(ConfigTreeModel::tr("%n repository(s)", nullptr, 1), QStringLiteral("1 repository"));
        QCOMPARE(ConfigTreeModel::tr("%n repository(s)", nullptr, 2), QStringLiteral("2 repositories"));
        QCoreApplication::removeTranslator(&english);
    }

    void everyStringIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ja") << QStringLiteral(FERRY_SOURCE_DIR "/translations/ferry_ja.ts");
        QTest::newRow("en") << QStringLiteral(FERRY_SOURCE_DIR "/translations/ferry_en.ts");
    }

    void everyStringIsTranslated()
    {
        QFETCH(QString, file);
        const auto [messages, unfinished] = countMessages(file);
        QVERIFY2(messages > 100, qPrintable(QString::number(messages)));
        QCOMPARE(unfinished, 0);
    }

    void iconThemeRendersWithoutSvgSupport()
    {
        IconTheme::install();
        QCOMPARE(QIcon::themeName(), QStringLiteral("ferry"));
        for (const char *name :
             {"list-add", "list-remove", "document-open", "document-save", "ferry-validate", "ferry-run-mirror",
              "ferry-delete-images", "ferry-pick-releases", "io.github.ferry.Ferry"}) {
            const QIcon icon = IconTheme::icon(QString::fromLatin1(name));
            QVERIFY2(!icon.isNull(), name);
            QVERIFY2(!icon.pixmap(24, 24).isNull(), name);
        }
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
