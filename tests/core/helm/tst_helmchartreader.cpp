#include "chartarchive.h"
#include "helm/helmchartreader.h"

#include <QTemporaryDir>
#include <QTest>

class TestHelmChartReader : public QObject
{
    Q_OBJECT

private:
    static QByteArray metricsChart()
    {
        return ChartArchive::tarGz({
            {QStringLiteral("metrics/Chart.yaml"), "apiVersion: v2\nname: metrics\nversion: 1.0.0\n"},
            {QStringLiteral("metrics/values.yaml"), "image: quay.io/example/metrics:0.5\n"},
        });
    }

    static void checkWebapp(const HelmChartReader::Result &result, const QString &topPath)
    {
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QVERIFY(result.charts.size() >= 2);
        const auto &top = result.charts.at(0);
        QCOMPARE(top.path, topPath);
        QCOMPARE(top.name, QStringLiteral("webapp"));
        QCOMPARE(top.version, QStringLiteral("1.2.3"));
        QCOMPARE(top.appVersion, QStringLiteral("2.0.1"));
        QVERIFY(top.valuesYaml.contains("example/webapp"));
        // _helpers.tpl is not a manifest.
        QCOMPARE(top.templates.keys(),
                 QStringList({QStringLiteral("templates/custom.yaml"), QStringLiteral("templates/deployment.yaml"),
                              QStringLiteral("templates/mixed.yaml")}));
        const auto &redis = result.charts.at(1);
        QCOMPARE(redis.path, topPath + QStringLiteral("/charts/redis"));
        QCOMPARE(redis.name, QStringLiteral("redis"));
        QCOMPARE(redis.appVersion, QStringLiteral("7.0.5"));
        QVERIFY(redis.templates.isEmpty());
    }

private slots:
    void readsDirectory()
    {
        const auto result = HelmChartReader::read(ChartArchive::webappDirectory());
        checkWebapp(result, QStringLiteral("webapp"));
        QCOMPARE(result.charts.size(), 2);
    }

    void readsArchiveWithNestedSubchart()
    {
        auto files = ChartArchive::directoryFiles(ChartArchive::webappDirectory(), QStringLiteral("webapp"));
        files.append({QStringLiteral("webapp/charts/metrics-1.0.0.tgz"), metricsChart()});
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("webapp-1.2.3.tgz"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ChartArchive::tarGz(files));
        file.close();
        const auto result = HelmChartReader::read(path);
        checkWebapp(result, QStringLiteral("webapp"));
        QCOMPARE(result.charts.size(), 3);
        QCOMPARE(result.charts.at(2).path, QStringLiteral("webapp/charts/metrics"));
        QCOMPARE(result.charts.at(2).valuesYaml, QByteArray("image: quay.io/example/metrics:0.5\n"));
    }

    void sanitisesPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("a/b.yaml") << QStringLiteral("a/b.yaml");
        QTest::newRow("dots") << QStringLiteral("./a/./b//c") << QStringLiteral("a/b/c");
        QTest::newRow("parent") << QStringLiteral("a/../../etc/passwd") << QString();
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QString();
        QTest::newRow("backslash") << QStringLiteral("a\\..\\b") << QString();
    }

    void sanitisesPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(HelmChartReader::sanitisePath(path), expected);
    }

    void skipsUnsafeEntries()
    {
        const QByteArray tgz = ChartArchive::tarGz({
            {QStringLiteral("./c/Chart.yaml"), "name: c\nversion: 0.1.0\n"},
            {QStringLiteral("c/../../evil/templates/x.yaml"), "kind: Pod\n"},
            {QStringLiteral("c/templates/pod.yaml"), "kind: Pod\n"},
        });
        const auto result = HelmChartReader::readArchive(tgz, QStringLiteral("c.tgz"));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.charts.size(), 1);
        QCOMPARE(result.charts.first().templates.keys(), QStringList{QStringLiteral("templates/pod.yaml")});
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.first().contains(QStringLiteral("unsafe path \"c/../../evil/templates/x.yaml\"")));
    }

    void reportsBadCharts_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an archive") << QByteArray("hello") << QStringLiteral("x.tgz: ");
        QTest::newRow("two tops") << ChartArchive::tarGz({{QStringLiteral("a/Chart.yaml"), "name: a\n"},
                                                          {QStringLiteral("b/Chart.yaml"), "name: b\n"}})
                                  << QStringLiteral("x.tgz: expected a chart archive with every file under one");
        QTest::newRow("no name") << ChartArchive::tarGz({{QStringLiteral("a/Chart.yaml"), "version: 1.0.0\n"}})
                                 << QStringLiteral("x.tgz: a/Chart.yaml: name: missing");
        QTest::newRow("bad yaml") << ChartArchive::tarGz({{QStringLiteral("a/Chart.yaml"), "name: [a\n"}})
                                  << QStringLiteral("x.tgz: a/Chart.yaml:2: not valid YAML");
    }

    void reportsBadCharts()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const auto result = HelmChartReader::readArchive(data, QStringLiteral("x.tgz"));
        QVERIFY(!result.isOk());
        QVERIFY(result.charts.isEmpty());
        QVERIFY2(result.error.startsWith(expected), qUtf8Printable(result.error));
    }

    void missingDirectory()
    {
        const auto result = HelmChartReader::read(QStringLiteral("/nonexistent/ferry/chart"));
        QVERIFY(!result.isOk());
        QVERIFY2(result.error.contains(QStringLiteral("/nonexistent/ferry/chart")), qUtf8Printable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestHelmChartReader)
#include "tst_helmchartreader.moc"
