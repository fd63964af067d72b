#include "registry/environmentproxyfactory.h"

#include <QTest>

// HTTP(S)_PROXY / NO_PROXY as Go programs read them.
class TestEnvironmentProxyFactory : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment(const QList<std::pair<QString, QString>> &values)
    {
        QProcessEnvironment env;
        for (const auto &[key, value] : values)
            env.insert(key, value);
        return env;
    }

private slots:
    void proxiesPerScheme()
    {
        EnvironmentProxyFactory factory(
            environment({{QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://proxy.corp:3128")},
                         {QStringLiteral("http_proxy"), QStringLiteral("plain.corp:8080")}}));
        const QNetworkProxy https =
            factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://quay.io/v2/")))).first();
        QCOMPARE(https.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(https.hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(https.port(), 3128);
        const QNetworkProxy http =
            factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://quay.io/v2/")))).first();
        QCOMPARE(http.hostName(), QStringLiteral("plain.corp"));
        QCOMPARE(http.port(), 8080);
    }

    void upperCaseFirst()
    {
        EnvironmentProxyFactory factory(
            environment({{QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://upper:1")},
                         {QStringLiteral("https_proxy"), QStringLiteral("http://lower:2")}}));
        QCOMPARE(factory.proxyFor(QStringLiteral("https")).hostName(), QStringLiteral("upper"));
    }

    void noProxy_data()
    {
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("bypassed");
        QTest::newRow("loopback always") << QString() << QStringLiteral("127.0.0.1") << 5000 << true;
        QTest::newRow("localhost always") << QString() << QStringLiteral("localhost") << 5000 << true;
        QTest::newRow("not listed") << QStringLiteral("example.com") << QStringLiteral("quay.io") << 443 << false;
        QTest::newRow("domain") << QStringLiteral("example.com") << QStringLiteral("example.com") << 443 << true;
        QTest::newRow("subdomain") << QStringLiteral("example.com") << QStringLiteral("r.example.com") << 443 << true;
        QTest::newRow("suffix is not a subdomain")
            << QStringLiteral("example.com") << QStringLiteral("badexample.com") << 443 << false;
        QTest::newRow("leading dot") << QStringLiteral(".example.com") << QStringLiteral("r.example.com") << 443
                                     << true;
        QTest::newRow("leading dot not apex")
            << QStringLiteral(".example.com") << QStringLiteral("example.com") << 443 << false;
        QTest::newRow("wildcard") << QStringLiteral("*") << QStringLiteral("quay.io") << 443 << true;
        QTest::newRow("list with spaces")
            << QStringLiteral("a.org, quay.io") << QStringLiteral("quay.io") << 443 << true;
        QTest::newRow("port match") << QStringLiteral("reg.local:5000") << QStringLiteral("reg.local") << 5000 << true;
        QTest::newRow("port mismatch") << QStringLiteral("reg.local:5000") << QStringLiteral("reg.local") << 443
                                       << false;
        QTest::newRow("cidr") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.1.2.3") << 443 << true;
        QTest::newRow("cidr outside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("11.1.2.3") << 443 << false;
        QTest::newRow("ip") << QStringLiteral("192.168.1.5") << QStringLiteral("192.168.1.5") << 443 << true;
    }

    void noProxy()
    {
        QFETCH(QString, noProxy);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, bypassed);
        EnvironmentProxyFactory factory(
            environment({{QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://proxy:3128")},
                         {QStringLiteral("NO_PROXY"), noProxy}}));
        QCOMPARE(factory.bypasses(host, port), bypassed);
        const QNetworkProxyQuery query(host, port, QStringLiteral("https"));
        // A bypassed host is reached directly: "the application's proxy", which Ferry leaves at none.
        QCOMPARE(factory.queryProxy(query).first().type(),
                 bypassed ? QNetworkProxy::DefaultProxy : QNetworkProxy::HttpProxy);
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::NoProxy);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentProxyFactory)
#include "tst_environmentproxyfactory.moc"
