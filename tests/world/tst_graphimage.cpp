#include "workflowrun.h"
#include "worldfixture.h"

#include "skopeo.h"

#include "config/configloader.h"
#include "config/configloadresult.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/imagepuller.h"
#include "copy/mirrorworkflow.h"
#include "plan/graphimageplanner.h"
#include "registry/registryclient.h"
#include "release/graphimagebuilder.h"
#include "workspace/distributionstore.h"
#include "workspace/runlog.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// graph: true against the offline world: the OpenShift Update Service graph-data image is built from the world's
// graph-data tarball on the world's ubi9 image, carried by all three workflows, and named in updateService.yaml.
// Also: a multi-arch release range, and release verification with the compiled-in Red Hat keys.
class TestGraphImage : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    QTemporaryDir m_dir;
    QString m_graphConfig;
    QString m_plainConfig;
    QString m_multiConfig;
    QByteArray m_m2mGraphImage;
    QList<MirrorPlanEntry> m_lastPlan;

    QString writeConfig(const QString &name, const QByteArray &platform)
    {
        const QString path = m_dir.filePath(name);
        QFile config(path);
        if (!config.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qUtf8Printable(path));
        config.write("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n  platform:\n" +
                     platform);
        return path;
    }

    int runWorkflow(const QString &config, const QStringList &arguments, QByteArray *logText,
                    const QProcessEnvironment &environment)
    {
        return WorkflowRun::inProcess(QStringList{QStringLiteral("-c"), config} + arguments, environment, logText,
                                      &m_lastPlan);
    }

    int runWorkflow(const QString &config, const QStringList &arguments, QByteArray *logText)
    {
        return runWorkflow(config, arguments, logText, m_world.environment());
    }

    QStringList m2mArguments(const QString &name) const
    {
        return {QStringLiteral("--workspace"),
                QStringLiteral("file://") + m_dir.filePath(name + QStringLiteral("-ws")),
                QStringLiteral("--cache-dir"),
                m_dir.filePath(name + QStringLiteral("-cache")),
                QStringLiteral("docker://") + m_world.destinationAddress() + QLatin1Char('/') + name,
                QStringLiteral("--dest-tls-verify=false"),
                QStringLiteral("--v2")};
    }

    static QByteArray run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            qWarning("%s failed: %s", qUtf8Printable(program), process.readAllStandardError().constData());
        return process.readAllStandardOutput();
    }

    static QMap<QString, QByteArray> filesUnder(const QString &directory)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            files.insert(QDir(directory).relativeFilePath(path), file.readAll());
        }
        return files;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QProcessEnvironment environment = m_world.environment();
        for (const QString &key : {QStringLiteral("CONTAINERS_REGISTRIES_CONF"), QStringLiteral("REGISTRY_AUTH_FILE")})
            qputenv(key.toLatin1().constData(), environment.value(key).toUtf8());
        m_graphConfig =
            writeConfig(QStringLiteral("graph.yaml"), "    graph: true\n    channels:\n    - name: stable-4.16\n"
                                                      "      minVersion: 4.16.5\n      maxVersion: 4.16.5\n");
        m_plainConfig =
            writeConfig(QStringLiteral("plain.yaml"), "    channels:\n    - name: stable-4.16\n"
                                                      "      minVersion: 4.16.5\n      maxVersion: 4.16.5\n");
        m_multiConfig = writeConfig(QStringLiteral("multi.yaml"),
                                    "    architectures:\n    - multi\n    channels:\n    - name: stable-4.16\n"
                                    "      minVersion: 4.16.4\n      maxVersion: 4.16.5\n");
    }

    void mirrorToMirrorBuildsTheGraphImage()
    {
        QByteArray log;
        QCOMPARE(runWorkflow(m_graphConfig, m2mArguments(QStringLiteral("m2m")), &log), 0);
        QVERIFY2(log.contains(QByteArray("graph image built from " + m_world.httpUrl().toUtf8() +
                                         "/api/upgrades_info/graph-data")),
                 log.constData());
        const QString graphImage = m_world.destinationAddress() + QStringLiteral("/m2m/openshift/graph-image:latest");
        m_m2mGraphImage = Skopeo::inspectRaw(graphImage);
        QVERIFY2(!m_m2mGraphImage.isEmpty(), log.constData());

        // One manifest per platform of the world's ubi9 (a four-architecture manifest list).
        const QByteArray base =
            Skopeo::inspectRaw(QStringLiteral("registry.access.redhat.com/ubi9/ubi:latest"), m_world.skopeoArguments());
        const QJsonArray baseManifests =
            QJsonDocument::fromJson(base).object().value(QLatin1String("manifests")).toArray();
        const QJsonArray graphManifests =
            QJsonDocument::fromJson(m_m2mGraphImage).object().value(QLatin1String("manifests")).toArray();
        QCOMPARE(graphManifests.size(), baseManifests.size());
        QVERIFY(graphManifests.size() >= 2);

        // The last layer holds exactly the tarball's files under var/lib/cincinnati-graph-data.
        RegistryClient client;
        client.setInsecure(m_world.destinationAddress(), true);
        const ImagePuller puller({&client, nullptr, nullptr});
        const auto pulled = puller.pull(*ImageReference::parse(graphImage),
                                        m_dir.filePath(QStringLiteral("graph-layers")), QStringLiteral("arm64"));
        QVERIFY2(pulled.isOk(), qPrintable(pulled.isOk() ? QString() : pulled.error().toString()));
        const QString layer = pulled->layers.last();
        const QList<QByteArray> listing =
            run(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"), QStringLiteral("-tvzf"), layer})
                .trimmed()
                .split('\n');
        for (const QByteArray &line : listing) {
            QVERIFY2(line.contains(" 0/0 "), line.constData());
            QVERIFY2(line.contains(" var/"), line.constData());
            QVERIFY2(line.startsWith("drwxr-xr-x ") || line.startsWith("-rw-r--r-- "), line.constData());
        }
        const QString fromLayer = m_dir.filePath(QStringLiteral("from-layer"));
        const QString fromTarball = m_dir.filePath(QStringLiteral("from-tarball"));
        QDir().mkpath(fromLayer);
        QDir().mkpath(fromTarball);
        run(QStringLiteral("tar"), {QStringLiteral("-xzf"), layer, QStringLiteral("-C"), fromLayer});
        run(QStringLiteral("tar"),
            {QStringLiteral("-xzf"), m_world.directory() + QStringLiteral("/http/api/upgrades_info/graph-data"),
             QStringLiteral("-C"), fromTarball});
        const QMap<QString, QByteArray> expected = filesUnder(fromTarball);
        QVERIFY(expected.size() > 10);
        QVERIFY(expected.contains(QStringLiteral("version")));
        QCOMPARE(filesUnder(fromLayer + QStringLiteral("/var/lib/cincinnati-graph-data")), expected);
        QCOMPARE(QDir(fromLayer).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("var")});

        const QJsonObject config = QJsonDocument::fromJson(pulled->config).object();
        QCOMPARE(config.value(QLatin1String("architecture")).toString(), QStringLiteral("arm64"));
        QCOMPARE(config.value(QLatin1String("config")).toObject().value(QLatin1String("Cmd")).toArray(),
                 QJsonArray(
                     {QStringLiteral("/bin/bash"), QStringLiteral("-c"),
                      QStringLiteral("exec cp -rp /var/lib/cincinnati-graph-data/* /var/lib/cincinnati/graph-data")}));

        // updateService.yaml names the graph image and the release images, and is a valid UpdateService.
        const QString updateService =
            m_dir.filePath(QStringLiteral("m2m-ws/working-dir/cluster-resources/updateService.yaml"));
        QFile file(updateService);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY2(yaml.contains(QByteArray("graphDataImage: " + graphImage.toUtf8() + '\n')), yaml.constData());
        QVERIFY2(yaml.contains(QByteArray("releases: " + m_world.destinationAddress().toUtf8() +
                                          "/m2m/openshift/release-images\n")),
                 yaml.constData());
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to validate against the CRD schema (./test.sh installs it)");
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(node, {QStringLiteral(FERRY_SOURCE_DIR "/tests/schema/validate-crd.mjs"),
                               QStringLiteral(FERRY_TEST_DATA_DIR "/graph/updateservice-crd.yaml"), updateService});
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray output = validator.readAll();
        QVERIFY2(validator.exitCode() == 0 && output.contains("OK "), output.constData());
    }

    void unchangedGraphGivesTheSameImage()
    {
        QVERIFY(!m_m2mGraphImage.isEmpty());
        // A fresh cache and workspace: the image is built again from scratch.
        QByteArray log;
        QCOMPARE(runWorkflow(m_graphConfig, m2mArguments(QStringLiteral("again")), &log), 0);
        QCOMPARE(
            Skopeo::inspectRaw(m_world.destinationAddress() + QStringLiteral("/again/openshift/graph-image:latest")),
            m_m2mGraphImage);
    }

    void mirrorToDiskThenDiskToMirrorCarriesIt()
    {
        QVERIFY(!m_m2mGraphImage.isEmpty());
        const QString archive = m_dir.filePath(QStringLiteral("archive"));
        QByteArray log;
        QCOMPARE(runWorkflow(m_graphConfig,
                             {QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                              m_dir.filePath(QStringLiteral("m2d-cache")), QStringLiteral("--v2")},
                             &log),
                 0);
        QVERIFY(QFile::exists(archive + QStringLiteral("/working-dir/graph-preparation/cincinnati-graph-data.tar.gz")));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/d2m");
        QCOMPARE(
            runWorkflow(m_graphConfig,
                        {QStringLiteral("--from"), QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                         m_dir.filePath(QStringLiteral("d2m-cache")), QStringLiteral("docker://") + destination,
                         QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                        &log),
            0);
        QCOMPARE(Skopeo::inspectRaw(destination + QStringLiteral("/openshift/graph-image:latest")), m_m2mGraphImage);
        QFile updateService(archive + QStringLiteral("/working-dir/cluster-resources/updateService.yaml"));
        QVERIFY(updateService.open(QIODevice::ReadOnly));
        QVERIFY(updateService.readAll().contains(
            QByteArray("graphDataImage: " + destination.toUtf8() + "/openshift/graph-image:latest\n")));
    }

    void diskToMirrorWithoutTheGraphImageFails()
    {
        // The archive was made without graph: true; asking for the graph on the other side fails clearly.
        const QString archive = m_dir.filePath(QStringLiteral("plain-archive"));
        QByteArray log;
        QCOMPARE(runWorkflow(m_plainConfig,
                             {QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                              m_dir.filePath(QStringLiteral("plain-m2d-cache")), QStringLiteral("--v2")},
                             &log),
                 0);
        const int exitCode =
            runWorkflow(m_graphConfig,
                        {QStringLiteral("--from"), QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                         m_dir.filePath(QStringLiteral("plain-d2m-cache")),
                         QStringLiteral("docker://") + m_world.destinationAddress() + QStringLiteral("/nograph"),
                         QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                        &log);
        QVERIFY(exitCode != 0);
        QVERIFY2(log.contains("unable to find graph image in local cache"), log.constData());
        QVERIFY(
            Skopeo::inspectRaw(m_world.destinationAddress() + QStringLiteral("/nograph/openshift/graph-image:latest"))
                .isEmpty());
    }

    void enclaveOverrideFallsBackToTheCache()
    {
        // An update service inside the disconnected network serves the graph, but no graph-data beside it.
        QProcessEnvironment environment = m_world.environment();
        environment.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                           m_world.httpUrl() + QStringLiteral("/enclave/api/upgrades_info/v1/graph"));
        const QString triedUrl = m_world.httpUrl() + QStringLiteral("/enclave/api/upgrades_info/graph-data");

        // Nothing in the cache: the run fails, naming the URL it tried.
        QByteArray log;
        int exitCode = runWorkflow(m_graphConfig, m2mArguments(QStringLiteral("enclave-empty")), &log, environment);
        QVERIFY(exitCode != 0);
        QVERIFY2(log.contains(triedUrl.toUtf8()) && log.contains("HTTP status 404") &&
                     log.contains("no graph image is in the local cache"),
                 log.constData());

        // The cache of the first run holds the graph image: it is used, with a warning.
        QStringList arguments = m2mArguments(QStringLiteral("enclave"));
        arguments[3] = m_dir.filePath(QStringLiteral("m2m-cache"));
        exitCode = runWorkflow(m_graphConfig, arguments, &log, environment);
        QCOMPARE(exitCode, 0);
        QVERIFY2(log.contains(triedUrl.toUtf8()) && log.contains("graph image already in the local cache"),
                 log.constData());
        QCOMPARE(
            Skopeo::inspectRaw(m_world.destinationAddress() + QStringLiteral("/enclave/openshift/graph-image:latest")),
            m_m2mGraphImage);
    }

    void withoutKeyOverrideRedHatKeysVerify()
    {
        // The world signs with its own key; without OCP_SIGNATURE_VERIFICATION_PK the compiled-in Red Hat keys are
        // used, so the world's signatures are refused as made by an unknown key (not "no key loaded").
        QProcessEnvironment environment = m_world.environment();
        environment.remove(QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"));
        QByteArray log;
        QVERIFY(runWorkflow(m_plainConfig, m2mArguments(QStringLiteral("redhat-key")), &log, environment) != 0);
        QVERIFY2(log.contains("which is not a loaded verification key"), log.constData());
        QVERIFY(Skopeo::inspectRaw(m_world.destinationAddress() +
                                   QStringLiteral("/redhat-key/openshift/release-images:4.16.5-x86_64"))
                    .isEmpty());
    }

    void multiArchReleaseRange()
    {
        QByteArray log;
        QCOMPARE(runWorkflow(m_multiConfig, m2mArguments(QStringLiteral("multi")), &log), 0);
        const QString destination = m_world.destinationAddress() + QStringLiteral("/multi");
        for (const QString &tag : {QStringLiteral("4.16.4-multi"), QStringLiteral("4.16.5-multi")}) {
            const QByteArray source = Skopeo::inspectRaw(
                QStringLiteral("quay.io/openshift-release-dev/ocp-release:") + tag, m_world.skopeoArguments());
            QVERIFY(!source.isEmpty());
            QCOMPARE(QJsonDocument::fromJson(source).object().value(QLatin1String("manifests")).toArray().size(), 2);
            QCOMPARE(Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:") + tag), source);
        }
        // Every image of the plan (each component of each architecture, the payloads) is at the destination with the
        // source's exact bytes.
        QVERIFY(m_lastPlan.size() > 4);
        int components = 0;
        for (const MirrorPlanEntry &entry : std::as_const(m_lastPlan)) {
            const QByteArray source = Skopeo::inspectRaw(entry.origin, m_world.skopeoArguments());
            QVERIFY2(!source.isEmpty(), qUtf8Printable(entry.origin));
            QCOMPARE(Skopeo::inspectRaw(entry.destination), source);
            if (entry.kind == ImageKind::OcpReleaseContent)
                ++components;
        }
        QVERIFY(components >= 2);
    }
};

QTEST_GUILESS_MAIN(TestGraphImage)
#include "tst_graphimage.moc"
