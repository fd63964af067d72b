#include "helm/helmindex.h"

#include <QTest>

class TestHelmIndex : public QObject
{
    Q_OBJECT

private:
    static QString fixture()
    {
        return QStringLiteral(FERRY_FIXTURES_DIR "/helm/service-binding-operator-helm-chart/index.yaml");
    }

private slots:
    void parsesTheRealIndex()
    {
        QString error;
        const auto index = HelmIndex::load(fixture(), &error);
        QVERIFY2(index, qUtf8Printable(error));
        QCOMPARE(index->chartNames(), QStringList{QStringLiteral("service-binding-operator")});
        const auto versions = index->versions(QStringLiteral("service-binding-operator"));
        QStringList numbers;
        for (const auto &version : versions)
            numbers.append(version.version);
        QCOMPARE(numbers, QStringList({QStringLiteral("1.4.1"), QStringLiteral("1.4.0"), QStringLiteral("1.3.3"),
                                       QStringLiteral("1.3.2"), QStringLiteral("1.3.1"), QStringLiteral("1.3.0"),
                                       QStringLiteral("1.1.0"), QStringLiteral("1.0.2"), QStringLiteral("1.0.1"),
                                       QStringLiteral("1.0.0")}));
        const auto first = versions.first();
        QCOMPARE(first.name, QStringLiteral("service-binding-operator"));
        QCOMPARE(first.appVersion, QStringLiteral("1.4.1"));
        QCOMPARE(first.urls, QStringList{QStringLiteral("service-binding-operator-1.4.1.tgz")});
        QCOMPARE(first.digest, QStringLiteral("be95db3858e6a26644f7f127a2c1c30a184abd84a15df22f4d0cbbbac5b2012c"));
        QCOMPARE(first.line, 4);
        QCOMPARE(versions.at(1).digest,
                 QStringLiteral("be2d62a35e2e4791cfcba1d35a607fd63ad49c250e581536a33e60daa9c30119"));
    }

    void latestAndFind()
    {
        const auto index = HelmIndex::load(fixture());
        QVERIFY(index);
        const QString name = QStringLiteral("service-binding-operator");
        QCOMPARE(index->latest(name)->version, QStringLiteral("1.4.1"));
        QCOMPARE(index->find(name, QStringLiteral("1.3.0"))->urls,
                 QStringList{QStringLiteral("service-binding-operator-1.3.0.tgz")});
        QCOMPARE(index->find(name, QStringLiteral("v1.1"))->version, QStringLiteral("1.1.0"));
        QVERIFY(!index->find(name, QStringLiteral("1.2.0")));
        QVERIFY(!index->latest(QStringLiteral("other")));
    }

    void latestOrdersBySemVerAndSkipsPrereleases()
    {
        const QByteArray yaml = "apiVersion: v1\nentries:\n  tool:\n"
                                "  - {version: 1.9.0, urls: [a.tgz]}\n"
                                "  - {version: 1.10.0, urls: [b.tgz]}\n"
                                "  - {version: 2.0.0-rc.1, urls: [c.tgz]}\n"
                                "  - {version: not-semver, urls: [d.tgz]}\n"
                                "  beta:\n"
                                "  - {version: 0.1.0-alpha, urls: [e.tgz]}\n"
                                "  - {version: 0.1.0-beta, urls: [f.tgz]}\n";
        QString error;
        const auto index = HelmIndex::parse(yaml, QStringLiteral("index.yaml"), &error);
        QVERIFY2(index, qUtf8Printable(error));
        QCOMPARE(index->latest(QStringLiteral("tool"))->version, QStringLiteral("1.10.0"));
        QCOMPARE(index->latest(QStringLiteral("beta"))->version, QStringLiteral("0.1.0-beta"));
        QCOMPARE(index->find(QStringLiteral("tool"), QStringLiteral("not-semver"))->urls,
                 QStringList{QStringLiteral("d.tgz")});
        QCOMPARE(index->versions(QStringLiteral("tool")).first().name, QStringLiteral("tool"));
    }

    void errorsNameFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no entries") << QByteArray("apiVersion: v1\n") << QStringLiteral("idx.yaml:1: entries: missing");
        QTest::newRow("entries list") << QByteArray("apiVersion: v1\nentries:\n  - a\n")
                                      << QStringLiteral("idx.yaml:3: entries: expected a mapping of charts");
        QTest::newRow("no version") << QByteArray("entries:\n  a:\n  - name: a\n    urls: [a.tgz]\n")
                                    << QStringLiteral("idx.yaml:3: entries.a[0].version: missing");
        QTest::newRow("no urls") << QByteArray("entries:\n  a:\n  - name: a\n    version: 1.0.0\n")
                                 << QStringLiteral("idx.yaml:3: entries.a[0].urls: expected a non-empty list");
        QTest::newRow("bad digest") << QByteArray("entries:\n  a:\n  - version: 1.0.0\n    urls: [a.tgz]\n"
                                                  "    digest: xyz\n")
                                    << QStringLiteral("idx.yaml:5: entries.a[0].digest: expected 64");
        QTest::newRow("not yaml") << QByteArray("entries:\n  a: [\n") << QStringLiteral("idx.yaml:3: not valid YAML");
    }

    void errorsNameFileLineAndField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!HelmIndex::parse(yaml, QStringLiteral("idx.yaml"), &error));
        QVERIFY2(error.startsWith(expected), qUtf8Printable(error));
    }

    void resolvesChartUrls()
    {
        const QUrl repository(QStringLiteral("https://charts.example.com/stable"));
        QCOMPARE(HelmIndex::resolveChartUrl(repository, QStringLiteral("a-1.0.0.tgz")),
                 QUrl(QStringLiteral("https://charts.example.com/stable/a-1.0.0.tgz")));
        QCOMPARE(HelmIndex::resolveChartUrl(QUrl(QStringLiteral("https://charts.example.com/stable/")),
                                            QStringLiteral("pkg/a-1.0.0.tgz")),
                 QUrl(QStringLiteral("https://charts.example.com/stable/pkg/a-1.0.0.tgz")));
        QCOMPARE(HelmIndex::resolveChartUrl(repository, QStringLiteral("https://cdn.example.com/a-1.0.0.tgz")),
                 QUrl(QStringLiteral("https://cdn.example.com/a-1.0.0.tgz")));
    }
};

QTEST_GUILESS_MAIN(TestHelmIndex)
#include "tst_helmindex.moc"
