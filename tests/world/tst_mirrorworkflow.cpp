#include "workflowrun.h"
#include "worldfixture.h"

#include "skopeo.h"

#include "archive/layerextractor.h"
#include "config/configloader.h"
#include "config/configloadresult.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/imagepuller.h"
#include "copy/mirrorworkflow.h"
#include "operators/fbcloader.h"
#include "operators/filebasedcatalog.h"
#include "registry/registryclient.h"
#include "workspace/runlog.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The three workflows end to end against the offline world: releases, operators and additional images.
class TestMirrorWorkflow : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    QTemporaryDir m_dir;
    QString m_config;

    int runWorkflow(const QStringList &arguments, QByteArray *logText)
    {
        return WorkflowRun::inProcess(arguments, m_world.environment(), logText);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        // The workflow reads registries.conf and the auth file from the environment, as oc-mirror does.
        const QProcessEnvironment environment = m_world.environment();
        for (const QString &key : {QStringLiteral("CONTAINERS_REGISTRIES_CONF"), QStringLiteral("REGISTRY_AUTH_FILE")})
            qputenv(key.toLatin1().constData(), environment.value(key).toUtf8());
        m_config = m_dir.filePath(QStringLiteral("isc.yaml"));
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QByteArray("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                                "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: 4.16.4\n"
                                "      maxVersion: 4.16.5\n"
                                "  operators:\n  - catalog: registry.redhat.io/redhat/redhat-operator-index:v4.16\n"
                                "    packages:\n    - name: aws-load-balancer-operator\n"
                                "  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi:latest\n"
                                "  helm:\n    repositories:\n    - name: sbo\n      url: " +
                                m_world.helmUrl().toUtf8() +
                                "\n      charts:\n      - name: service-binding-operator\n        version: 1.4.1\n"));
    }

    void mirrorToMirror()
    {
        const QString destination = m_world.destinationAddress() + QStringLiteral("/m2m");
        QByteArray log;
        const int exitCode = runWorkflow({QStringLiteral("-c"), m_config, QStringLiteral("--workspace"),
                                          QStringLiteral("file://") + m_dir.filePath(QStringLiteral("ws")),
                                          QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")),
                                          QStringLiteral("docker://") + destination,
                                          QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                                         &log);
        QCOMPARE(exitCode, 0);
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.5-x86_64")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.4-x86_64")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/ubi9/ubi:latest")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/redhat/redhat-operator-index:v4.16")).isEmpty());
        QVERIFY2(log.contains("helm images mirrored successfully"), log.constData());

        // The catalog at the destination is the rebuilt one: its /configs holds exactly the filtered catalog that
        // discovery wrote to the workspace, and nothing of the other packages.
        RegistryClient client;
        client.setInsecure(m_world.destinationAddress(), true);
        const ImagePuller puller({&client, nullptr, nullptr});
        const auto pulled =
            puller.pull(*ImageReference::parse(destination + QStringLiteral("/redhat/redhat-operator-index:v4.16")),
                        m_dir.filePath(QStringLiteral("catalog-layers")));
        QVERIFY2(pulled.isOk(), qPrintable(pulled.isOk() ? QString() : pulled.error().toString()));
        LayerExtractor extractor(QStringLiteral("configs"), m_dir.filePath(QStringLiteral("catalog-configs")));
        for (const QString &layer : pulled->layers) {
            QString error;
            QVERIFY2(extractor.extractLayer(layer, &error), qPrintable(error));
        }
        QString loadError;
        const auto served = FbcLoader::load(m_dir.filePath(QStringLiteral("catalog-configs")), &loadError);
        QVERIFY2(served.has_value(), qPrintable(loadError));
        QCOMPARE(served->packages().size(), 1);
        QCOMPARE(served->packages().first().name, QStringLiteral("aws-load-balancer-operator"));
        const QStringList filtered = QDir(m_dir.filePath(QStringLiteral("ws/working-dir/operator-catalogs")))
                                         .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!filtered.isEmpty());
        const QString resources = m_dir.filePath(QStringLiteral("ws/working-dir/cluster-resources"));
        QVERIFY(QFile::exists(resources + QStringLiteral("/idms-oc-mirror.yaml")));
        QVERIFY(QFile::exists(resources + QStringLiteral("/cs-redhat-operator-index-v4-16.yaml")));
        QVERIFY(QFile::exists(resources + QStringLiteral("/signature-configmap.json")));
    }

    void dryRunWritesTheMappingAndWhatIsMissing()
    {
        const QString archive = m_dir.filePath(QStringLiteral("dry"));
        QByteArray log;
        const int exitCode = runWorkflow({QStringLiteral("-c"), m_config, QStringLiteral("file://") + archive,
                                          QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("drycache")),
                                          QStringLiteral("--dry-run"), QStringLiteral("--v2")},
                                         &log);
        QCOMPARE(exitCode, 0);
        QFile mapping(archive + QStringLiteral("/working-dir/dry-run/mapping.txt"));
        QVERIFY(mapping.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = mapping.readAll().split('\n');
        QVERIFY(lines.contains("docker://registry.redhat.io/ubi9/ubi:latest=docker://localhost:55000/ubi9/ubi:latest"));
        QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const QByteArray &line) {
            return line.contains("=docker://localhost:55000/openshift/release-images:4.16.5-x86_64");
        }));
        // Nothing was copied, so all is missing from the fresh cache but the catalog, which discovery itself keeps
        // there (the rebuilt catalog is made from it); and no archive was written.
        QFile missing(archive + QStringLiteral("/working-dir/dry-run/missing.txt"));
        QVERIFY(missing.open(QIODevice::ReadOnly));
        const QByteArray missingText = missing.readAll();
        QCOMPARE(missingText.count('\n'), lines.size() - 2);
        QVERIFY(!missingText.contains("redhat-operator-index"));
        QVERIFY(!QFile::exists(archive + QStringLiteral("/mirror_000001.tar")));
        QVERIFY(log.contains("images necessary for mirroring are not available in the cache"));
    }

    void mirrorToDiskThenDiskToMirror()
    {
        const QString archive = m_dir.filePath(QStringLiteral("archive"));
        QByteArray log;
        int exitCode = runWorkflow({QStringLiteral("-c"), m_config, QStringLiteral("file://") + archive,
                                    QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache2")),
                                    QStringLiteral("--v2")},
                                   &log);
        QCOMPARE(exitCode, 0);
        QVERIFY(QFile::exists(archive + QStringLiteral("/mirror_000001.tar")));

        // The other side of the air gap: a fresh cache, only the archive.
        const QString destination = m_world.destinationAddress() + QStringLiteral("/d2m");
        exitCode = runWorkflow({QStringLiteral("-c"), m_config, QStringLiteral("--from"),
                                QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                                m_dir.filePath(QStringLiteral("cache3")), QStringLiteral("docker://") + destination,
                                QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                               &log);
        QCOMPARE(exitCode, 0);
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.5-x86_64")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/ubi9/ubi:latest")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/redhat/redhat-operator-index:v4.16")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMirrorWorkflow)
#include "tst_mirrorworkflow.moc"
