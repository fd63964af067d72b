#include "ferryctlapplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ferryctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION_STRING));
    return FerryCtlApplication().run(QCoreApplication::arguments().mid(1));
}
