#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ferryctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION_STRING));
    QTextStream(stdout) << "ferryctl " << QCoreApplication::applicationVersion() << Qt::endl;
    return 0;
}
