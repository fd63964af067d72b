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
#include "operators/operatorcollector.h"
#include "registry/imagereference.h"
#include "registry/ociimagelayout.h"
#include "registry/registryclient.h"
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

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Relative path → content of every file below a directory.
QMap<QString, QByteArray> filesBelow(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(directory).relativeFilePath(path), readFile(path));
    }
    return files;
}

bool copyDirectory(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return false;
    }
    return true;
}

} // namespace

// Operator catalogs from OCI image layouts (`catalog: oci:///path`) in the three workflows against the offline world:
// the layout is made from the world's catalog by skopeo, the results are checked with skopeo and read back.
class TestOciCatalog : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    QTemporaryDir m_dir;
    QString m_nestedLayout;          // skopeo's shape: index.json → OCI index → per-platform manifests
    QString m_collapsedLayout;       // index.json listing the platform manifests itself
    QString m_filteredCatalogDigest; // the rebuilt catalog mirrorToMirror pushed

    QString writeConfig(const QString &name, const QByteArray &operatorEntry)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".yaml"));
        writeFile(path, QByteArray("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                                   "  operators:\n") +
                            operatorEntry);
        return path;
    }

    int runWorkflow(const QString &config, const QStringList &arguments, QByteArray *logText)
    {
        return WorkflowRun::inProcess(QStringList{QStringLiteral("-c"), config} + arguments, m_world.environment(),
                                      logText);
    }

    // The /configs directory the catalog image at `reference` serves, extracted from its layers.
    QString servedCatalog(const QString &reference, const QString &name)
    {
        RegistryClient client;
        client.setInsecure(m_world.destinationAddress(), true);
        const ImagePuller puller({&client, nullptr, nullptr});
        const auto pulled =
            puller.pull(*ImageReference::parse(reference), m_dir.filePath(name + QStringLiteral("-layers")));
        if (!pulled) {
            qWarning().noquote() << pulled.error().toString();
            return {};
        }
        const QString target = m_dir.filePath(name + QStringLiteral("-configs"));
        LayerExtractor extractor(QStringLiteral("configs"), target);
        for (const QString &layer : pulled->layers) {
            QString error;
            if (!extractor.extractLayer(layer, &error)) {
                qWarning().noquote() << error;
                return {};
            }
        }
        return target;
    }

    // The one catalog directory discovery made in the workspace: operator-catalogs/<repository>/<digest hex>.
    static QString catalogDirectory(const QString &workingDir, const QString &repository)
    {
        const QDir dir(workingDir + QStringLiteral("/operator-catalogs/") + repository);
        const QStringList digests = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        return digests.size() == 1 ? dir.filePath(digests.first()) : QString();
    }

    static QString filteredCatalogDirectory(const QString &catalogDir)
    {
        const QDir dir(catalogDir + QStringLiteral("/filtered-catalogs"));
        const QStringList ids = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        return ids.size() == 1 ? dir.filePath(ids.first()) : QString();
    }

    // Every related image (and bundle image) of every bundle of the catalog is at the destination, as skopeo sees it.
    void verifyRelatedImages(const FileBasedCatalog &catalog, const QString &destination)
    {
        const OperatorCollector collector(destination);
        int checked = 0;
        for (const FbcBundle &bundle : catalog.bundles()) {
            QStringList images{bundle.image};
            for (const FbcRelatedImage &related : bundle.relatedImages)
                images << related.image;
            for (const QString &image : std::as_const(images)) {
                if (image.isEmpty())
                    continue;
                const auto reference = ImageReference::parse(image);
                QVERIFY2(reference, qPrintable(image));
                const QString mirrored = collector.destinationFor(*reference);
                const QByteArray raw = Skopeo::inspectRaw(mirrored);
                QVERIFY2(!raw.isEmpty(), qPrintable(mirrored + QStringLiteral(" is missing")));
                if (reference->hasDigest())
                    QCOMPARE(Digest::sha256(raw).toString(), reference->digest());
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    static void validateAgainstCrd(const QString &crd, const QString &file)
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to validate against the CRD schemas");
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(node, {QStringLiteral(FERRY_SOURCE_DIR "/tests/schema/validate-crd.mjs"),
                               QStringLiteral(FERRY_FIXTURES_DIR "/crds/") + crd, file});
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray output = validator.readAll();
        QVERIFY2(validator.exitCode() == 0, output.constData());
        QVERIFY(output.contains("OK "));
    }

    static void validateCatalogSource(const QString &file)
    {
        validateAgainstCrd(QStringLiteral("operator-framework-api/operators.coreos.com_catalogsources.yaml"), file);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QProcessEnvironment environment = m_world.environment();
        for (const QString &key : {QStringLiteral("CONTAINERS_REGISTRIES_CONF"), QStringLiteral("REGISTRY_AUTH_FILE")})
            qputenv(key.toLatin1().constData(), environment.value(key).toUtf8());

        // The world's catalog as an OCI layout, written by skopeo (it converts the manifest list to an OCI index).
        m_nestedLayout = m_dir.filePath(QStringLiteral("layouts/redhat-operator-index"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("layouts"))));
        QProcess skopeo;
        skopeo.setProcessChannelMode(QProcess::MergedChannels);
        skopeo.start(QStringLiteral("skopeo"),
                     QStringList{QStringLiteral("copy"), QStringLiteral("--all")} + m_world.skopeoArguments() +
                         QStringList{QStringLiteral("docker://registry.redhat.io/redhat/redhat-operator-index:v4.16"),
                                     QStringLiteral("oci:") + m_nestedLayout + QStringLiteral(":v4.16")});
        QVERIFY(skopeo.waitForFinished(60000));
        QVERIFY2(skopeo.exitCode() == 0, skopeo.readAll().constData());
        const auto nested = OciImageLayout::open(m_nestedLayout, &error);
        QVERIFY2(nested, qPrintable(error));
        QVERIFY(nested->image().isIndex());

        // The same image with the platform manifests listed in index.json itself.
        m_collapsedLayout = m_dir.filePath(QStringLiteral("layouts/collapsed-index"));
        QVERIFY(copyDirectory(m_nestedLayout, m_collapsedLayout));
        QJsonArray manifests;
        for (const Descriptor &child : nested->image().manifests()) {
            manifests.append(QJsonObject{{QStringLiteral("mediaType"), child.mediaType()},
                                         {QStringLiteral("digest"), child.digest().toString()},
                                         {QStringLiteral("size"), child.size()},
                                         {QStringLiteral("platform"),
                                          QJsonObject{{QStringLiteral("architecture"), child.platform()->architecture},
                                                      {QStringLiteral("os"), child.platform()->os}}}});
        }
        QVERIFY(writeFile(
            m_collapsedLayout + QStringLiteral("/index.json"),
            QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2}, {QStringLiteral("manifests"), manifests}})
                .toJson(QJsonDocument::Compact)));
    }

    void mirrorToMirrorFiltered()
    {
        const QString config =
            writeConfig(QStringLiteral("filtered"), QByteArray("  - catalog: oci://") + m_nestedLayout.toUtf8() +
                                                        "\n    packages:\n    - name: aws-load-balancer-operator\n");
        const QString destination = m_world.destinationAddress() + QStringLiteral("/m2m");
        const QString workspace = m_dir.filePath(QStringLiteral("ws"));
        QByteArray log;
        QCOMPARE(runWorkflow(config,
                             {QStringLiteral("--workspace"), QStringLiteral("file://") + workspace,
                              QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")),
                              QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                              QStringLiteral("--v2")},
                             &log),
                 0);

        // The workspace keeps the layout (metadata only) under the catalog's digest, as oc-mirror lays it out.
        const QString workingDir = workspace + QStringLiteral("/working-dir");
        const QString catalogDir = catalogDirectory(workingDir, QStringLiteral("redhat-operator-index"));
        QVERIFY2(!catalogDir.isEmpty(), qPrintable(workingDir));
        QString error;
        const auto copy = OciImageLayout::open(catalogDir + QStringLiteral("/catalog-image"), &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->image().digest().encoded(), QFileInfo(catalogDir).fileName());
        QCOMPARE(copy->image().digest(), OciImageLayout::open(m_nestedLayout)->image().digest());

        // The destination serves the rebuilt catalog: exactly the filtered FBC written to the workspace.
        const QString catalogReference = destination + QStringLiteral("/redhat-operator-index:latest");
        const QByteArray raw = Skopeo::inspectRaw(catalogReference);
        QVERIFY2(!raw.isEmpty(), qPrintable(catalogReference));
        m_filteredCatalogDigest = Digest::sha256(raw).toString();
        const QString filteredDir = filteredCatalogDirectory(catalogDir);
        QVERIFY(!filteredDir.isEmpty());
        QCOMPARE(QString::fromLatin1(readFile(filteredDir + QStringLiteral("/digest")).trimmed()),
                 Digest::sha256(raw).encoded());
        const QString served = servedCatalog(catalogReference, QStringLiteral("m2m"));
        QVERIFY(!served.isEmpty());
        const QMap<QString, QByteArray> servedFiles = filesBelow(served);
        QVERIFY(!servedFiles.isEmpty());
        QCOMPARE(servedFiles, filesBelow(filteredDir + QStringLiteral("/catalog-config")));
        const auto fbc = FbcLoader::load(served, &error);
        QVERIFY2(fbc, qPrintable(error));
        QCOMPARE(fbc->packages().size(), 1);
        QCOMPARE(fbc->packages().first().name, QStringLiteral("aws-load-balancer-operator"));
        verifyRelatedImages(*fbc, destination);

        const QString catalogSource =
            workingDir + QStringLiteral("/cluster-resources/cs-redhat-operator-index-latest.yaml");
        QVERIFY(readFile(catalogSource).contains(catalogReference.toUtf8()));
        validateCatalogSource(catalogSource);
        const QString clusterCatalog =
            workingDir + QStringLiteral("/cluster-resources/cc-redhat-operator-index-latest.yaml");
        QVERIFY(readFile(clusterCatalog).contains(catalogReference.toUtf8()));
        validateAgainstCrd(QStringLiteral("operator-controller/olm.operatorframework.io_clustercatalogs.yaml"),
                           clusterCatalog);
    }

    void mirrorToMirrorFullFromCollapsedLayout()
    {
        const QString config =
            writeConfig(QStringLiteral("full"), QByteArray("  - catalog: oci://") + m_collapsedLayout.toUtf8() +
                                                    "\n    full: true\n    targetCatalog: "
                                                    "ocp/my-index\n    targetTag: v1\n");
        const QString destination = m_world.destinationAddress() + QStringLiteral("/full");
        const QString workspace = m_dir.filePath(QStringLiteral("wsfull"));
        QByteArray log;
        QCOMPARE(runWorkflow(config,
                             {QStringLiteral("--workspace"), QStringLiteral("file://") + workspace,
                              QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cachefull")),
                              QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                              QStringLiteral("--v2")},
                             &log),
                 0);

        // Mirrored unchanged: the collapsed index, whose digest is that of the layout's index.json.
        const QString catalogReference = destination + QStringLiteral("/ocp/my-index:v1");
        const QByteArray raw = Skopeo::inspectRaw(catalogReference);
        QCOMPARE(raw, readFile(m_collapsedLayout + QStringLiteral("/index.json")));
        const QString workingDir = workspace + QStringLiteral("/working-dir");
        const QString catalogDir = catalogDirectory(workingDir, QStringLiteral("ocp/my-index"));
        QCOMPARE(QFileInfo(catalogDir).fileName(), Digest::sha256(raw).encoded());
        QVERIFY(!QFile::exists(catalogDir + QStringLiteral("/filtered-catalogs")));

        // Every bundle of every package is there.
        QString error;
        const auto fbc = FbcLoader::load(catalogDir + QStringLiteral("/catalog-config"), &error);
        QVERIFY2(fbc, qPrintable(error));
        QVERIFY(fbc->packages().size() > 1);
        verifyRelatedImages(*fbc, destination);
        const QString catalogSource = workingDir + QStringLiteral("/cluster-resources/cs-my-index-v1.yaml");
        QVERIFY(readFile(catalogSource).contains(catalogReference.toUtf8()));
        validateCatalogSource(catalogSource);
    }

    void mirrorToDiskThenDiskToMirror()
    {
        const QString config =
            writeConfig(QStringLiteral("m2d"), QByteArray("  - catalog: oci://") + m_nestedLayout.toUtf8() +
                                                   "\n    packages:\n    - name: aws-load-balancer-operator\n");
        const QString archive = m_dir.filePath(QStringLiteral("archive"));
        QByteArray log;
        QCOMPARE(runWorkflow(config,
                             {QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                              m_dir.filePath(QStringLiteral("cache2")), QStringLiteral("--v2")},
                             &log),
                 0);
        QVERIFY(QFile::exists(archive + QStringLiteral("/mirror_000001.tar")));

        // The other side of the air gap has the archive only: no layout, a fresh cache.
        const QString hidden = m_nestedLayout + QStringLiteral(".away");
        QVERIFY(QDir().rename(m_nestedLayout, hidden));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/d2m");
        const int exitCode =
            runWorkflow(config,
                        {QStringLiteral("--from"), QStringLiteral("file://") + archive, QStringLiteral("--cache-dir"),
                         m_dir.filePath(QStringLiteral("cache3")), QStringLiteral("docker://") + destination,
                         QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                        &log);
        QVERIFY(QDir().rename(hidden, m_nestedLayout));
        QCOMPARE(exitCode, 0);

        const QString catalogReference = destination + QStringLiteral("/redhat-operator-index:latest");
        const QByteArray raw = Skopeo::inspectRaw(catalogReference);
        QVERIFY2(!raw.isEmpty(), qPrintable(catalogReference));
        // The rebuild is deterministic: the same filtered catalog as mirrorToMirror made.
        if (!m_filteredCatalogDigest.isEmpty())
            QCOMPARE(Digest::sha256(raw).toString(), m_filteredCatalogDigest);
        const QString served = servedCatalog(catalogReference, QStringLiteral("d2m"));
        QVERIFY(!served.isEmpty());
        const QString catalogDir =
            catalogDirectory(archive + QStringLiteral("/working-dir"), QStringLiteral("redhat-operator-index"));
        QVERIFY(!catalogDir.isEmpty());
        QCOMPARE(filesBelow(served),
                 filesBelow(filteredCatalogDirectory(catalogDir) + QStringLiteral("/catalog-config")));
        QString error;
        const auto fbc = FbcLoader::load(served, &error);
        QVERIFY2(fbc, qPrintable(error));
        verifyRelatedImages(*fbc, destination);
        validateCatalogSource(archive +
                              QStringLiteral("/working-dir/cluster-resources/cs-redhat-operator-index-latest.yaml"));
    }

    void corruptLayoutFailsTheOperators()
    {
        const QString broken = m_dir.filePath(QStringLiteral("layouts/broken-index"));
        QVERIFY(copyDirectory(m_nestedLayout, broken));
        // The largest blob is a layer: flip one byte, keep the size.
        QString largest;
        QDirIterator it(broken + QStringLiteral("/blobs/sha256"), QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (largest.isEmpty() || QFileInfo(path).size() > QFileInfo(largest).size())
                largest = path;
        }
        QByteArray bytes = readFile(largest);
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
        QVERIFY(writeFile(largest, bytes));

        const QString config = writeConfig(QStringLiteral("broken"),
                                           QByteArray("  - catalog: oci://") + broken.toUtf8() + "\n    full: true\n");
        QByteArray log;
        const int exitCode = runWorkflow(
            config,
            {QStringLiteral("--workspace"), QStringLiteral("file://") + m_dir.filePath(QStringLiteral("wsbroken")),
             QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cachebroken")),
             QStringLiteral("docker://") + m_world.destinationAddress() + QStringLiteral("/broken"),
             QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
            &log);
        QVERIFY(exitCode & 4); // the operator category failed
        QVERIFY2(log.contains(largest.toUtf8()) && log.contains("does not match its digest"), log.constData());
        QVERIFY(
            Skopeo::inspectRaw(m_world.destinationAddress() + QStringLiteral("/broken/broken-index:latest")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOciCatalog)
#include "tst_ocicatalog.moc"
