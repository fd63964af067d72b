#include "chartarchive.h"
#include "helm/helmchartreader.h"
#include "helm/helmimagefinder.h"

#include <QTest>

class TestHelmImageFinder : public QObject
{
    Q_OBJECT

private:
    static QList<HelmChartReader::Chart> webappFromArchive()
    {
        auto files = ChartArchive::directoryFiles(ChartArchive::webappDirectory(), QStringLiteral("webapp"));
        files.append({QStringLiteral("webapp/charts/metrics-1.0.0.tgz"),
                      ChartArchive::tarGz({
                          {QStringLiteral("metrics/Chart.yaml"), "name: metrics\nversion: 1.0.0\n"},
                          {QStringLiteral("metrics/values.yaml"), "image: quay.io/example/metrics:0.5\n"},
                      })});
        const auto result = HelmChartReader::readArchive(ChartArchive::tarGz(files), QStringLiteral("webapp.tgz"));
        if (!result.isOk())
            qWarning("%s", qUtf8Printable(result.error));
        return result.charts;
    }

    static bool anyContains(const QStringList &list, const QString &text)
    {
        return std::any_of(list.cbegin(), list.cend(), [&text](const QString &s) { return s.contains(text); });
    }

private slots:
    void removesTemplateExpressions()
    {
        const QByteArray text = "a: 1\n"
                                "{{- if .Values.x }}\n"
                                "b: {{ .Values.b }}\n"
                                "c: \"{{ .r }}/x:{{ .t }}\"\n"
                                "  {{- include \"l\" . | nindent 4 }}\n"
                                "{{/* a\nmulti-line comment */}}\n"
                                "d: 2\n";
        const QByteArray p = HelmImageFinder::templatePlaceholder().toUtf8();
        QCOMPARE(HelmImageFinder::removeTemplateExpressions(text),
                 QByteArray("a: 1\n\nb: ") + p + "\nc: \"" + p + "/x:" + p + "\"\n\n\nd: 2\n");
    }

    void findsImagesOfDirectoryChart()
    {
        const auto read = HelmChartReader::read(ChartArchive::webappDirectory());
        QVERIFY2(read.isOk(), qUtf8Printable(read.error));
        const auto result = HelmImageFinder::find(read.charts);
        QCOMPARE(result.images, ChartArchive::webappImages());
        QVERIFY(result.errors.isEmpty());
        // The templated values of values.yaml and of the deployment, and the broken ConfigMap document.
        QVERIFY2(anyContains(result.warnings, QStringLiteral("webapp/values.yaml: templated.image: image value "
                                                             "\"{{ .Values.global.registry }}/example/tool:1.0\"")),
                 qUtf8Printable(result.warnings.join(QLatin1Char('\n'))));
        QVERIFY(anyContains(result.warnings, QStringLiteral("webapp/templates/deployment.yaml: "
                                                            "{.spec.template.spec.containers[*].image}: image value "
                                                            "\"{{…}}/{{…}}:{{…}}\" still contains {{ }}")));
        QVERIFY(anyContains(result.warnings, QStringLiteral("webapp/templates/mixed.yaml: document 1 does not parse")));
        QCOMPARE(result.warnings.size(), 3);
    }

    void findsImagesOfArchiveWithSubcharts()
    {
        const auto charts = webappFromArchive();
        QCOMPARE(charts.size(), 3);
        const auto result = HelmImageFinder::find(charts);
        QStringList expected = ChartArchive::webappImages();
        expected.append(QStringLiteral("quay.io/example/metrics:0.5"));
        expected.sort();
        QCOMPARE(result.images, expected);
    }

    void imagePathsAddToTheDefaults()
    {
        const auto read = HelmChartReader::read(ChartArchive::webappDirectory());
        QVERIFY(read.isOk());
        const auto result = HelmImageFinder::find(read.charts, {QStringLiteral("{.spec.template.spec.custom[*].image}"),
                                                                QStringLiteral("{.custom.workers[*].ref}"),
                                                                QStringLiteral("$.spec.containers[0].image")});
        QVERIFY(result.errors.isEmpty());
        QStringList expected = ChartArchive::webappImages();
        expected << QStringLiteral("quay.io/example/custom:1.1") << QStringLiteral("quay.io/example/worker:3.1");
        expected.sort();
        QCOMPARE(result.images, expected);
    }

    void invalidImagePathsAreErrors()
    {
        const auto read = HelmChartReader::read(ChartArchive::webappDirectory());
        QVERIFY(read.isOk());
        const auto result = HelmImageFinder::find(
            read.charts, {QStringLiteral("{..image}"), QStringLiteral("{.spec[?(@.x)]}"), QStringLiteral("{.a")});
        QCOMPARE(result.errors.size(), 3);
        QVERIFY(result.errors.at(0).contains(QStringLiteral("recursive descent")));
        QVERIFY(result.errors.at(1).contains(QStringLiteral("unsupported subscript")));
        QVERIFY(result.errors.at(2).contains(QStringLiteral("closing '}'")));
        QCOMPARE(result.images, ChartArchive::webappImages());
    }

    void valuesConventions()
    {
        HelmChartReader::Chart chart;
        chart.path = QStringLiteral("c");
        chart.appVersion = QStringLiteral("3.3");
        chart.valuesYaml = "a:\n  image:\n    repository: quay.io/x/a\n" // under image: tag from appVersion
                           "b:\n  repository: quay.io/x/b\n  tag: 1\n"   // map with tag anywhere
                           "c:\n  repository: quay.io/x/c\n"             // no tag key, not under image
                           "d:\n  image: quay.io/x/d@sha256:" +
                           QByteArray(64, 'b') +
                           "\n"
                           "e:\n  - image: quay.io/x/e:2\n" // in a list
                           "f:\n  image:\n    repository: x/f\n    digest: " +
                           QByteArray(64, 'c') + "\n"; // digest without algorithm
        const auto result = HelmImageFinder::find({chart});
        QCOMPARE(result.images, QStringList({QStringLiteral("quay.io/x/a:3.3"), QStringLiteral("quay.io/x/b:1"),
                                             QStringLiteral("quay.io/x/d@sha256:") + QString(64, QLatin1Char('b')),
                                             QStringLiteral("quay.io/x/e:2"),
                                             QStringLiteral("x/f@sha256:") + QString(64, QLatin1Char('c'))}));
        chart.appVersion.clear();
        const auto noAppVersion = HelmImageFinder::find({chart});
        QVERIFY(!noAppVersion.images.contains(QStringLiteral("quay.io/x/a:3.3")));
        QVERIFY(anyContains(noAppVersion.warnings, QStringLiteral("c/values.yaml: a.image: image \"quay.io/x/a\" has "
                                                                  "no tag and the chart no appVersion")));
    }

    void deduplicatesNormalisedReferences()
    {
        HelmChartReader::Chart chart;
        chart.path = QStringLiteral("c");
        chart.templates.insert(QStringLiteral("templates/p.yaml"),
                               "kind: Pod\nspec:\n  containers:\n  - image: busybox:1\n"
                               "  - image: docker.io/library/busybox:1\n  - image: busybox:1\n");
        const auto result = HelmImageFinder::find({chart});
        QCOMPARE(result.images, QStringList{QStringLiteral("busybox:1")});
    }
};

QTEST_GUILESS_MAIN(TestHelmImageFinder)
#include "tst_helmimagefinder.moc"
