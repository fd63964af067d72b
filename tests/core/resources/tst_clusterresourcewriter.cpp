#include "resources/catalogsourcebuilder.h"
#include "resources/clusterresourcewriter.h"
#include "resources/resourceyaml.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestClusterResourceWriter : public QObject
{
    Q_OBJECT

private:
    const QString m_digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
    const QDateTime m_createdAt = QDateTime(QDate(2026, 8, 21), QTime(10, 0), Qt::UTC);

    QList<MirrorPlanEntry> sampleRun() const
    {
        return {
            MirrorPlanEntry::of(QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@") + m_digest,
                                QStringLiteral("reg.example:5000/openshift/release:4.16.5-x86_64-etcd"),
                                ImageKind::OcpReleaseContent),
            MirrorPlanEntry::of(QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.16.5-x86_64"),
                                QStringLiteral("reg.example:5000/openshift/release-images:4.16.5-x86_64"),
                                ImageKind::OcpRelease),
            MirrorPlanEntry::of(
                QStringLiteral("registry.redhat.io/albo/aws-load-balancer-rhel8-operator@") + m_digest,
                QString(QStringLiteral("reg.example:5000/albo/aws-load-balancer-rhel8-operator:sha256-") +
                        QString(64, QLatin1Char('c'))),
                ImageKind::OperatorRelatedImage),
            MirrorPlanEntry::of(QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.16"),
                                QStringLiteral("reg.example:5000/redhat/redhat-operator-index:v4.16"),
                                ImageKind::OperatorCatalog),
            MirrorPlanEntry::of(QStringLiteral("registry.redhat.io/ubi9/ubi:latest"),
                                QStringLiteral("reg.example:5000/ubi9/ubi:latest"), ImageKind::Generic),
        };
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    static void validateAgainstCrd(const QString &crd, const QStringList &files)
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to validate against the CRD schemas (./test.sh installs it)");
        const QString schemaDir = QStringLiteral(FERRY_SOURCE_DIR "/tests/schema");
        QVERIFY2(QDir(schemaDir + QStringLiteral("/node_modules/ajv")).exists(),
                 "run `npm ci` in tests/schema (./test.sh does)");
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(node, QStringList{schemaDir + QStringLiteral("/validate-crd.mjs"),
                                          QStringLiteral(FERRY_FIXTURES_DIR "/crds/") + crd} +
                                  files);
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray output = validator.readAll();
        QVERIFY2(validator.exitCode() == 0, output.constData());
        QVERIFY(output.contains("OK "));
    }

private slots:
    void writesExactMirrorSets()
    {
        QTemporaryDir dir;
        ClusterResourceWriter writer({dir.path(),
                                      QStringLiteral("reg.example:5000"),
                                      false,
                                      QStringLiteral("0.1.0"),
                                      m_createdAt,
                                      {},
                                      QString()});
        const auto result = writer.write(sampleRun(), {});
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        const QByteArray idms = readFile(dir.filePath(QStringLiteral("idms-oc-mirror.yaml")));
        const QByteArray expected = R"(---
apiVersion: config.openshift.io/v1
kind: ImageDigestMirrorSet
metadata:
  annotations:
    createdAt: "2026-08-21T10:00:00Z"
    createdBy: Ferry
    oc-mirror_version: 0.1.0
  name: idms-release-0
spec:
  imageDigestMirrors:
    - mirrors:
        - reg.example:5000/openshift/release-images
      source: quay.io/openshift-release-dev/ocp-release
    - mirrors:
        - reg.example:5000/openshift/release
      source: quay.io/openshift-release-dev/ocp-v4.0-art-dev
---
apiVersion: config.openshift.io/v1
kind: ImageDigestMirrorSet
metadata:
  annotations:
    createdAt: "2026-08-21T10:00:00Z"
    createdBy: Ferry
    oc-mirror_version: 0.1.0
  name: idms-operator-0
spec:
  imageDigestMirrors:
    - mirrors:
        - reg.example:5000/albo
      source: registry.redhat.io/albo
)";
        QCOMPARE(idms, expected);
        const QByteArray itms = readFile(dir.filePath(QStringLiteral("itms-oc-mirror.yaml")));
        QVERIFY(itms.contains("name: itms-release-0"));
        QVERIFY(itms.contains("name: itms-generic-0"));
        QVERIFY(itms.contains("source: registry.redhat.io/ubi9"));
        QVERIFY(!itms.contains("operator-0"));
        QVERIFY(!idms.contains("redhat-operator-index"));
    }

    void everyObjectValidatesAgainstItsCrd()
    {
        QTemporaryDir dir;
        ClusterResourceWriter writer({dir.path(),
                                      QStringLiteral("reg.example:5000"),
                                      false,
                                      QStringLiteral("0.1.0"),
                                      m_createdAt,
                                      {},
                                      QStringLiteral("reg.example:5000/openshift/graph-image:latest")});
        const auto result = writer.write(sampleRun(), {{m_digest, QByteArray("signature bytes")}});
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.writtenFiles.size(), 7);
        validateAgainstCrd(QStringLiteral("openshift-api/0000_10_config-operator_01_imagedigestmirrorsets.crd.yaml"),
                           {dir.filePath(QStringLiteral("idms-oc-mirror.yaml"))});
        validateAgainstCrd(QStringLiteral("openshift-api/0000_10_config-operator_01_imagetagmirrorsets.crd.yaml"),
                           {dir.filePath(QStringLiteral("itms-oc-mirror.yaml"))});
        validateAgainstCrd(QStringLiteral("operator-framework-api/operators.coreos.com_catalogsources.yaml"),
                           {dir.filePath(QStringLiteral("cs-redhat-operator-index-v4-16.yaml"))});
        validateAgainstCrd(QStringLiteral("operator-controller/olm.operatorframework.io_clustercatalogs.yaml"),
                           {dir.filePath(QStringLiteral("cc-redhat-operator-index-v4-16.yaml"))});

        const QByteArray updateService = readFile(dir.filePath(QStringLiteral("updateService.yaml")));
        QVERIFY(updateService.contains("releases: reg.example:5000/openshift/release-images\n"));
        QVERIFY(updateService.contains("graphDataImage: reg.example:5000/openshift/graph-image:latest\n"));
        const QByteArray configMap = readFile(dir.filePath(QStringLiteral("signature-configmap.yaml")));
        QVERIFY(configMap.contains(
            QByteArray("sha256-" + QByteArray(64, 'c') + "-1: " + QByteArray("signature bytes").toBase64())));
        QVERIFY(configMap.contains("release.openshift.io/verification-signatures: \"\""));
        QVERIFY(readFile(dir.filePath(QStringLiteral("signature-configmap.json"))).contains("\"binaryData\""));
    }

    void invalidObjectsAreRejectedByTheValidator()
    {
        // The schema check must be able to fail: a duplicate mirror breaks the CRD's list-type set rule.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: config.openshift.io/v1\nkind: ImageDigestMirrorSet\nmetadata:\n  name: bad\nspec:\n"
                   "  imageDigestMirrors:\n  - source: quay.io/a\n    mirrors: [reg/a, reg/a]\n");
        file.close();
        QProcess validator;
        validator.start(
            QStringLiteral("node"),
            {QStringLiteral(FERRY_SOURCE_DIR "/tests/schema/validate-crd.mjs"),
             QStringLiteral(FERRY_FIXTURES_DIR
                            "/crds/openshift-api/0000_10_config-operator_01_imagedigestmirrorsets.crd.yaml"),
             file.fileName()});
        QVERIFY(validator.waitForFinished(60000));
        QCOMPARE(validator.exitCode(), 1);
        QVERIFY(validator.readAllStandardOutput().contains("INVALID"));
    }

    void catalogNames_data()
    {
        QTest::addColumn<QString>("catalog");
        QTest::addColumn<QString>("name");
        QTest::newRow("tag") << QStringLiteral("reg:5000/redhat/redhat-operator-index:v4.18")
                             << QStringLiteral("cs-redhat-operator-index-v4-18");
        QTest::newRow("long tag truncated")
            << QStringLiteral("reg/ns/catalog:v4.18-filtered-2026") << QStringLiteral("cs-catalog-v4-18-filter");
        QTest::newRow("digest") << QStringLiteral("reg/ns/index@sha256:") + QString(64, QLatin1Char('d'))
                                << QStringLiteral("cs-index-dddddddddddd");
        QTest::newRow("upper case tag") << QStringLiteral("reg/ns/index:V1_X") << QStringLiteral("cs-index-v1-x");
    }

    void catalogNames()
    {
        QFETCH(QString, catalog);
        QFETCH(QString, name);
        QCOMPARE(CatalogSourceBuilder::objectName(QStringLiteral("cs"), catalog), name);
    }

    void templateKeepsTheAdminsFields()
    {
        CatalogSourceBuilder builder({QStringLiteral("Ferry"), QString(), m_createdAt});
        QString error;
        const auto object = builder.catalogSourceFromTemplate(
            QStringLiteral("reg/redhat/redhat-operator-index:v4.16"),
            QStringLiteral(FERRY_FIXTURES_DIR
                           "/oc-mirror-configs/catalog-source-templates/catalog-source_template.yaml"),
            &error);
        QVERIFY2(object.has_value(), qPrintable(error));
        const QJsonObject spec = object->value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("image")).toString(),
                 QStringLiteral("reg/redhat/redhat-operator-index:v4.16"));
        QCOMPARE(spec.value(QStringLiteral("updateStrategy"))
                     .toObject()
                     .value(QStringLiteral("registryPoll"))
                     .toObject()
                     .value(QStringLiteral("interval"))
                     .toString(),
                 QStringLiteral("30m0s"));
        QCOMPARE(object->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("cs-redhat-operator-index-v4-16"));
    }

    void badTemplatesFallBack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong kind") << QStringLiteral("catalog-source_template_KO.yaml")
                                    << QStringLiteral("must be an operators.coreos.com/v1alpha1 CatalogSource");
        QTest::newRow("broken yaml") << QStringLiteral("catalog-source_template_KO2.yaml") << QStringLiteral("line ");
    }

    void badTemplatesFallBack()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString path = QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs/catalog-source-templates/") + file;
        CatalogSourceBuilder builder({QStringLiteral("Ferry"), QString(), m_createdAt});
        QString error;
        QVERIFY(!builder.catalogSourceFromTemplate(QStringLiteral("reg/ns/index:v1"), path, &error).has_value());
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(error.startsWith(path));

        QTemporaryDir dir;
        const QString catalog = QStringLiteral("reg.example:5000/redhat/redhat-operator-index:v4.16");
        ClusterResourceWriter writer({dir.path(),
                                      QStringLiteral("reg.example:5000"),
                                      false,
                                      QString(),
                                      m_createdAt,
                                      {{catalog, path}},
                                      QString()});
        const auto result =
            writer.write({MirrorPlanEntry::of(QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.16"),
                                              catalog, ImageKind::OperatorCatalog)},
                         {});
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(
            readFile(dir.filePath(QStringLiteral("cs-redhat-operator-index-v4-16.yaml"))).contains("sourceType: grpc"));
    }

    void ambiguousStringsAreQuoted()
    {
        const QByteArray yaml = ResourceYaml::toYaml(QJsonObject{{QStringLiteral("a"), QStringLiteral("true")},
                                                                 {QStringLiteral("b"), QStringLiteral("4.16")},
                                                                 {QStringLiteral("c"), QString()},
                                                                 {QStringLiteral("d"), QStringLiteral("plain")},
                                                                 {QStringLiteral("e"), QJsonValue(2)}});
        QCOMPARE(yaml, QByteArray("a: \"true\"\nb: \"4.16\"\nc: \"\"\nd: plain\ne: 2\n"));
        QString error;
        const auto back = ResourceYaml::fromYaml(yaml, &error);
        QVERIFY(back.has_value());
        QCOMPARE(back->value(QStringLiteral("a")).toString(), QStringLiteral("true"));
        QCOMPARE(back->value(QStringLiteral("e")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestClusterResourceWriter)
#include "tst_clusterresourcewriter.moc"
