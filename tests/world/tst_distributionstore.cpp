#include "processrun.h"
#include "registryfixture.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// DistributionStore writes the registry's own storage layout; the proof is a real docker-registry serving it, read
// back with skopeo and curl, and a copy to a second registry whose storage the store reads in turn.
class TestDistributionStore : public QObject
{
    Q_OBJECT

private:
    using Result = ProcessRun::Result;

    static Result run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
    {
        return ProcessRun::run(program, arguments, input);
    }

    // A real gzip'ed tar layer, so that every client treats it as an ordinary image layer.
    static QByteArray makeLayer(const QByteArray &content)
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("payload/file.txt")));
        QDir().mkpath(dir.filePath(QStringLiteral("payload")));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        file.close();
        const Result tar =
            run(QStringLiteral("tar"), {QStringLiteral("-C"), dir.filePath(QStringLiteral("payload")),
                                        QStringLiteral("-czf"), QStringLiteral("-"), QStringLiteral(".")});
        return tar.exitCode == 0 ? tar.out : QByteArray();
    }

    static QJsonObject descriptor(const QString &mediaType, const QString &digest, qsizetype size)
    {
        return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                           {QStringLiteral("digest"), digest},
                           {QStringLiteral("size"), qint64(size)}};
    }

    // Writes a single-platform image (config + one layer) and returns its manifest bytes.
    static QByteArray writeImage(DistributionStore &store, const QString &repository, const QString &architecture,
                                 const QString &tag, QString *digest)
    {
        const QByteArray layer = makeLayer("content for " + architecture.toUtf8());
        const QString layerDigest = store.putBlob(layer);
        const QByteArray config =
            QJsonDocument(
                QJsonObject{{QStringLiteral("architecture"), architecture},
                            {QStringLiteral("os"), QStringLiteral("linux")},
                            {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                                                   {QStringLiteral("diff_ids"), QJsonArray{}}}}})
                .toJson(QJsonDocument::Compact);
        const QString configDigest = store.putBlob(config);
        const QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QStringLiteral("application/vnd.docker.distribution.manifest.v2+json")},
            {QStringLiteral("config"),
             descriptor(QStringLiteral("application/vnd.docker.container.image.v1+json"), configDigest, config.size())},
            {QStringLiteral("layers"),
             QJsonArray{descriptor(QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip"), layerDigest,
                                   layer.size())}}};
        const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
        QString error;
        *digest = store.putManifest(repository, bytes, tag, &error);
        if (digest->isEmpty())
            qWarning("%s", qUtf8Printable(error));
        return bytes;
    }

private slots:
    void validatesNames()
    {
        QVERIFY(DistributionStore::isValidDigest(DistributionStore::digestOf("x")));
        QVERIFY(!DistributionStore::isValidDigest(QStringLiteral("sha256:ABC")));
        QVERIFY(!DistributionStore::isValidDigest(QStringLiteral("md5:d41d8cd98f00b204e9800998ecf8427e")));
        QVERIFY(DistributionStore::isValidRepository(QStringLiteral("quay.io/openshift-release-dev/ocp-release")));
        QVERIFY(!DistributionStore::isValidRepository(QStringLiteral("../escape")));
        QVERIFY(!DistributionStore::isValidRepository(QStringLiteral("/absolute")));
        QVERIFY(!DistributionStore::isValidRepository(QStringLiteral("Upper/case")));
        QVERIFY(DistributionStore::isValidTag(QStringLiteral("4.16.5-x86_64")));
        QVERIFY(!DistributionStore::isValidTag(QStringLiteral(".hidden")));
        QVERIFY(!DistributionStore::isValidTag(QString(129, QLatin1Char('a'))));
    }

    void storesBlobsByDigest()
    {
        QTemporaryDir dir;
        DistributionStore store(dir.path());
        const QByteArray bytes("hello, registry");
        const QString digest = store.putBlob(bytes);
        QCOMPARE(digest, DistributionStore::digestOf(bytes));
        QVERIFY(store.hasBlob(digest));
        const QString hex = digest.mid(7);
        QCOMPARE(store.blobPath(digest), dir.path() + QStringLiteral("/docker/registry/v2/blobs/sha256/") +
                                             hex.left(2) + QLatin1Char('/') + hex + QStringLiteral("/data"));
        QCOMPARE(store.readBlob(digest), bytes);
        QCOMPARE(store.putBlob(bytes), digest); // idempotent

        QFile file(dir.filePath(QStringLiteral("input.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray big(3 * 1024 * 1024 + 17, 'z');
        file.write(big);
        file.close();
        const QString fileDigest = store.putBlobFromFile(file.fileName());
        QCOMPARE(fileDigest, DistributionStore::digestOf(big));
        QCOMPARE(store.readBlob(fileDigest), big);

        QString error;
        QVERIFY(store.putBlobFromFile(dir.filePath(QStringLiteral("missing")), &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("missing")));
        QVERIFY(!store.hasBlob(QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))));
        QVERIFY(store.readBlob(QStringLiteral("nonsense"), &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("invalid digest")));
    }

    void writesWithoutSyncingWhenAsked()
    {
        QTemporaryDir dir;
        DistributionStore store(dir.path());
        QVERIFY(store.isDurable());
        store.setDurable(false);
        const QString digest = store.putBlob("fast path");
        QCOMPARE(store.readBlob(digest), QByteArray("fast path"));
        QVERIFY(store.linkBlob(QStringLiteral("a/b"), digest));
        QVERIFY(store.isBlobLinked(QStringLiteral("a/b"), digest));
        // No temporary file is left behind.
        QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QVERIFY2(!it.next().contains(QLatin1String(".tmp")), qUtf8Printable(it.filePath()));
            ++files;
        }
        QCOMPARE(files, 2);
    }

    void linksBlobsIntoRepositories()
    {
        QTemporaryDir dir;
        DistributionStore store(dir.path());
        const QString digest = store.putBlob("layer");
        QVERIFY(store.linkBlob(QStringLiteral("example.com/ns/app"), digest));
        QVERIFY(store.isBlobLinked(QStringLiteral("example.com/ns/app"), digest));
        QFile link(dir.path() + QStringLiteral("/docker/registry/v2/repositories/example.com/ns/app/_layers/sha256/") +
                   digest.mid(7) + QStringLiteral("/link"));
        QVERIFY(link.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(link.readAll()), digest);

        QString error;
        QVERIFY(!store.linkBlob(QStringLiteral("example.com/ns/app"), DistributionStore::digestOf("absent"), &error));
        QVERIFY(error.contains(QLatin1String("not in the store")));
        QVERIFY(!store.linkBlob(QStringLiteral("bad//name"), digest, &error));
        QVERIFY(error.contains(QLatin1String("invalid repository")));
    }

    void rejectsBadManifests()
    {
        QTemporaryDir dir;
        DistributionStore store(dir.path());
        QString error;
        QVERIFY(store.putManifest(QStringLiteral("a/b"), "not json", {}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("not a JSON object")));
        QVERIFY(store.putManifest(QStringLiteral("a/b"), R"({"schemaVersion":1})", {}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("schemaVersion")));
        QVERIFY(store.putManifest(QStringLiteral("a/b"), R"({"schemaVersion":2,"mediaType":"text/plain"})", {}, &error)
                    .isEmpty());
        QVERIFY(error.contains(QLatin1String("mediaType")));

        const QString missing = DistributionStore::digestOf("missing config");
        const QByteArray manifest =
            QStringLiteral(
                R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%1","size":1},)"
                R"("layers":[]})")
                .arg(missing)
                .toUtf8();
        QVERIFY(store.putManifest(QStringLiteral("a/b"), manifest, QStringLiteral("v1"), &error).isEmpty());
        QVERIFY2(error.contains(missing), qUtf8Printable(error));
        QVERIFY(store.repositories().isEmpty());

        const QByteArray index =
            QStringLiteral(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",)"
                           R"("manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%1",)"
                           R"("size":2}]})")
                .arg(missing)
                .toUtf8();
        QVERIFY(store.putManifest(QStringLiteral("a/b"), index, {}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("not in that repository")));

        QVERIFY(!store.tagManifest(QStringLiteral("a/b"), QStringLiteral("v1"), missing, &error));
        QVERIFY(store.readManifest(QStringLiteral("a/b"), missing, &error).isEmpty());
    }

    void registryServesWhatTheStoreWrote()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("storage"));
        DistributionStore store(root);
        const QString repository = QStringLiteral("quay.io/ferry/sample");

        QString amd64Digest;
        QString arm64Digest;
        const QByteArray amd64 =
            writeImage(store, repository, QStringLiteral("amd64"), QStringLiteral("amd64"), &amd64Digest);
        writeImage(store, repository, QStringLiteral("arm64"), {}, &arm64Digest);
        QVERIFY(!amd64Digest.isEmpty());
        QVERIFY(!arm64Digest.isEmpty());
        QCOMPARE(amd64Digest, DistributionStore::digestOf(amd64));

        auto child = [&](const QString &digest, const QString &architecture) {
            QJsonObject entry = descriptor(QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"),
                                           digest, store.readManifest(repository, digest).size());
            entry.insert(QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"), architecture},
                                                                 {QStringLiteral("os"), QStringLiteral("linux")}});
            return entry;
        };
        const QByteArray list =
            QJsonDocument(
                QJsonObject{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"),
                             QStringLiteral("application/vnd.docker.distribution.manifest.list.v2+json")},
                            {QStringLiteral("manifests"), QJsonArray{child(amd64Digest, QStringLiteral("amd64")),
                                                                     child(arm64Digest, QStringLiteral("arm64"))}}})
                .toJson(QJsonDocument::Indented);
        QString error;
        const QString listDigest = store.putManifest(repository, list, QStringLiteral("latest"), &error);
        QVERIFY2(!listDigest.isEmpty(), qUtf8Printable(error));

        QCOMPARE(store.repositories(), QStringList{repository});
        QCOMPARE(store.tags(repository), (QStringList{QStringLiteral("amd64"), QStringLiteral("latest")}));
        QCOMPARE(store.manifestDigestForTag(repository, QStringLiteral("latest")), listDigest);
        QCOMPARE(store.manifestDigests(repository).size(), 3);
        QCOMPARE(store.readManifest(repository, listDigest), list);

        // Retagging keeps the history in the tag index, as the registry does.
        QVERIFY(store.tagManifest(repository, QStringLiteral("amd64"), arm64Digest));
        QCOMPARE(store.manifestDigestForTag(repository, QStringLiteral("amd64")), arm64Digest);
        QVERIFY(store.tagManifest(repository, QStringLiteral("amd64"), amd64Digest));

        RegistryFixture::Options options;
        options.storageDirectory = root;
        RegistryFixture source(options);
        QVERIFY2(source.start(&error), qUtf8Printable(error));

        // Byte-exact manifests through an independent client.
        Result inspect = run(QStringLiteral("skopeo"),
                             {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                              QStringLiteral("docker://%1/%2:latest").arg(source.address(), repository)});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(inspect.out, list);
        inspect = run(QStringLiteral("skopeo"),
                      {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                       QStringLiteral("docker://%1/%2@%3").arg(source.address(), repository, amd64Digest)});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(inspect.out, amd64);

        const Result tags =
            run(QStringLiteral("curl"),
                {QStringLiteral("-sf"), QStringLiteral("http://%1/v2/%2/tags/list").arg(source.address(), repository)});
        QCOMPARE(tags.exitCode, 0);
        const QJsonArray tagList = QJsonDocument::fromJson(tags.out).object().value(QLatin1String("tags")).toArray();
        QCOMPARE(tagList.size(), 2);

        const QJsonObject manifest = QJsonDocument::fromJson(amd64).object();
        const QString layerDigest = manifest.value(QLatin1String("layers"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("digest"))
                                        .toString();
        const Result blob =
            run(QStringLiteral("curl"),
                {QStringLiteral("-sf"),
                 QStringLiteral("http://%1/v2/%2/blobs/%3").arg(source.address(), repository, layerDigest)});
        QCOMPARE(blob.exitCode, 0);
        QCOMPARE(DistributionStore::digestOf(blob.out), layerDigest);

        // A full copy to a second registry keeps every digest; the store reads what that registry wrote.
        RegistryFixture destination;
        QVERIFY2(destination.start(&error), qUtf8Printable(error));
        const Result copy = run(QStringLiteral("skopeo"),
                                {QStringLiteral("copy"), QStringLiteral("--all"), QStringLiteral("--preserve-digests"),
                                 QStringLiteral("--src-tls-verify=false"), QStringLiteral("--dest-tls-verify=false"),
                                 QStringLiteral("docker://%1/%2:latest").arg(source.address(), repository),
                                 QStringLiteral("docker://%1/mirror/sample:latest").arg(destination.address())});
        QVERIFY2(copy.exitCode == 0, copy.err.constData());
        inspect = run(QStringLiteral("skopeo"),
                      {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                       QStringLiteral("docker://%1/mirror/sample:latest").arg(destination.address())});
        QCOMPARE(inspect.out, list);

        const DistributionStore copied(destination.storageDirectory());
        QCOMPARE(copied.repositories(), QStringList{QStringLiteral("mirror/sample")});
        QCOMPARE(copied.manifestDigestForTag(QStringLiteral("mirror/sample"), QStringLiteral("latest")), listDigest);
        QCOMPARE(copied.readManifest(QStringLiteral("mirror/sample"), amd64Digest), amd64);
        QVERIFY(copied.isBlobLinked(QStringLiteral("mirror/sample"), layerDigest));
    }
};

QTEST_GUILESS_MAIN(TestDistributionStore)
#include "tst_distributionstore.moc"
