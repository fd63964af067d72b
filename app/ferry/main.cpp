#include "icontheme.h"
#include "translationloader.h"
#include "windows/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstring>
#include <memory>

static void setApplicationMetadata()
{
    QCoreApplication::setApplicationName(QStringLiteral("ferry"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ferry"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("ferry.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION_STRING));
}

// --help and --version must work on a headless machine, where a QApplication cannot start.
static bool onlyPrintsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0) {
                return true;
            }
        }
    }
    return false;
}

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (onlyPrintsText(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral("Ferry"));
        QApplication::setDesktopFileName(QStringLiteral("io.github.ferry.Ferry"));
    }
    setApplicationMetadata();
    IconTheme::initResources();
    TranslationLoader::install(app.get(), QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Ferry edits image set configurations for mirroring OpenShift content."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("main", "An ImageSetConfiguration or DeleteImageSetConfiguration to open."),
        QStringLiteral("[FILE]"));
    parser.process(*app); // exits after printing help or version

    IconTheme::install();
    QApplication::setWindowIcon(IconTheme::applicationIcon());
    MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        window.openSample();
    } else {
        window.openFile(files.constFirst());
    }
    window.show();
    return app->exec();
}
