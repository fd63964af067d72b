#include "registryfixture.h"

#include <QProcess>
#include <QTest>

// The fixture every registry test stands on: it must really start a registry that answers the distribution API.
class TestRegistryFixture : public QObject
{
    Q_OBJECT

private slots:
    void answersDistributionApi()
    {
        RegistryFixture registry;
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        QVERIFY(registry.isRunning());
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                    QStringLiteral("%{http_code}"), QStringLiteral("http://%1/v2/").arg(registry.address())});
        QVERIFY(curl.waitForFinished(10000));
        QCOMPARE(curl.readAllStandardOutput(), QByteArray("200"));
        registry.stop();
        QVERIFY(!registry.isRunning());
    }

    void twoRegistriesGetDistinctPorts()
    {
        RegistryFixture a;
        RegistryFixture b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(a.port() != b.port());
        QVERIFY(a.storageDirectory() != b.storageDirectory());
    }
};

QTEST_GUILESS_MAIN(TestRegistryFixture)
#include "tst_registryfixture.moc"
