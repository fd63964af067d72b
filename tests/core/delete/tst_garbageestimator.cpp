#include "../registry/testimages.h"
#include "genericdeleteitem.h"

#include "delete/deleteexecutor.h"
#include "delete/garbageestimator.h"
#include "registry/registryclient.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QTest>

// The estimate of what a registry garbage collection frees after a deletion, checked against Debian's
// docker-registry garbage-collect on the real storage.
class TestGarbageEstimator : public QObject
{
    Q_OBJECT

private:
    static ImageReference ref(const QString &text) { return *ImageReference::parse(text); }

    static bool push(RegistryClient &client, const QString &reference, const TestImage &image)
    {
        return pushTestImage(client, ref(reference), image).isEmpty();
    }

    // An image whose first layer is given (shared with other images) and whose other blobs are its own.
    static TestImage withSharedLayer(const QByteArray &shared, qsizetype ownSize)
    {
        TestImage image = makeImage(true, QStringLiteral("amd64"), 1, ownSize);
        const QByteArray config = image.blobs.at(0);
        const QByteArray own = image.blobs.at(1);
        const QJsonObject root{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
            {QStringLiteral("config"), descriptorJson(QString(MediaTypes::OciConfig), config)},
            {QStringLiteral("layers"), QJsonArray{descriptorJson(QString(MediaTypes::OciLayerGzip), shared),
                                                  descriptorJson(QString(MediaTypes::OciLayerGzip), own)}}};
        image.manifest =
            *Manifest::parse(QJsonDocument(root).toJson(QJsonDocument::Indented), QString(MediaTypes::OciManifest));
        image.blobs = {config, shared, own};
        return image;
    }

    static DeleteImageItem item(const QString &reference) { return genericDeleteItem(reference); }

private slots:
    void estimateMatchesTheRegistryGarbageCollection()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");

        // A release-like repository: two images sharing a base layer, one kept and one deleted.
        const QByteArray base = randomBytes(300 * 1024);
        const TestImage kept = withSharedLayer(base, 100 * 1024);
        const TestImage old = withSharedLayer(base, 200 * 1024);
        QVERIFY(push(client, r + QStringLiteral("/app:kept"), kept));
        QVERIFY(push(client, r + QStringLiteral("/app:old"), old));
        // Another repository (seen only through /v2/_catalog) still uses the old image's own layer.
        const TestImage elsewhere = makeImage(true, QStringLiteral("amd64"), 1, 1000);
        QVERIFY(push(client, r + QStringLiteral("/other:1"), elsewhere));
        TestImage reuse = withSharedLayer(old.blobs.at(2), 5000);
        QVERIFY(push(client, r + QStringLiteral("/other:2"), reuse));

        // Multi-arch: index 1 (c1, c2) is deleted with c2; index 2 (c1, c3) stays. c1 is kept by index 2.
        const TestImage c1 = makeImage(true, QStringLiteral("amd64"), 2, 150 * 1024);
        const TestImage c2 = makeImage(true, QStringLiteral("arm64"), 2, 120 * 1024);
        const TestImage c3 = makeImage(true, QStringLiteral("s390x"), 1, 50 * 1024);
        QVERIFY(push(client, r + QStringLiteral("/multi:1-arm64"), c2));
        for (const TestImage &child : {c1, c3}) {
            for (const QByteArray &blob : child.blobs)
                QVERIFY(await(client.pushBlob(ref(r + QStringLiteral("/multi:x")), blob)).isOk());
            QVERIFY(await(client.putManifest(ref(r + QStringLiteral("/multi@") + child.manifest.digest().toString()),
                                             child.manifest))
                        .isOk());
        }
        QVERIFY(await(client.putManifest(ref(r + QStringLiteral("/multi:1")),
                                         makeIndex(true, {c1, c2}, {QStringLiteral("amd64"), QStringLiteral("arm64")})))
                    .isOk());
        QVERIFY(await(client.putManifest(ref(r + QStringLiteral("/multi:2")),
                                         makeIndex(true, {c1, c3}, {QStringLiteral("amd64"), QStringLiteral("s390x")})))
                    .isOk());
        // A repository that is emptied completely.
        QVERIFY(push(client, r + QStringLiteral("/gone:1"), makeImage(false, QStringLiteral("amd64"), 3, 64 * 1024)));

        DeleteExecutor executor(&client, {r, 3, false});
        const auto result =
            executor.execute({item(r + QStringLiteral("/app:old")), item(r + QStringLiteral("/gone:1")),
                              item(r + QStringLiteral("/multi:1")), item(r + QStringLiteral("/multi:1-arm64"))});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.count(DeleteExecutor::State::Deleted), 4);
        QVERIFY(result.garbageEstimated);
        QVERIFY2(result.garbage.error.isEmpty(), qPrintable(result.garbage.error));
        QVERIFY(result.garbage.allRepositories);
        QVERIFY(DeleteExecutor::report(result).contains("would free about"));

        const qint64 before = registry.blobBytesOnDisk();
        QString output;
        QCOMPARE(registry.garbageCollect(false, &output), 0);
        const qint64 freed = before - registry.blobBytesOnDisk();
        QVERIFY2(freed > 200 * 1024, qPrintable(QString::number(freed)));
        qInfo("estimated %lld bytes, garbage-collect freed %lld", result.garbage.bytes, freed);
        const double deviation = std::abs(double(result.garbage.bytes - freed)) / double(freed);
        QVERIFY2(deviation <= 0.05,
                 qPrintable(QStringLiteral("estimated %1, freed %2").arg(result.garbage.bytes).arg(freed)));

        // What stays is whole.
        for (const QString &tag : {QStringLiteral("/app:kept"), QStringLiteral("/other:2"), QStringLiteral("/multi:2")})
            QVERIFY2(!Skopeo::inspectRaw(r + tag).isEmpty(), qPrintable(tag));
        QVERIFY(await(client.getBlob(ref(r + QStringLiteral("/other:2")),
                                     Descriptor(QString(MediaTypes::OciLayerGzip), Digest::sha256(old.blobs.at(2)),
                                                old.blobs.at(2).size())))
                    .isOk());
    }

    void manyRepositoriesGiveAnUpperBoundFromTheAffectedOnes()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        // The deleted image's own layer is shared with a repository the deletion does not touch.
        const TestImage old = makeImage(true, QStringLiteral("amd64"), 2, 40 * 1024);
        QVERIFY(push(client, r + QStringLiteral("/app:old"), old));
        QVERIFY(push(client, r + QStringLiteral("/other:1"), withSharedLayer(old.blobs.at(1), 3000)));
        QVERIFY(push(client, r + QStringLiteral("/third:1"), makeImage(true, QStringLiteral("amd64"), 1, 500)));
        const auto manifest = await(client.getManifest(ref(r + QStringLiteral("/app:old"))));
        QVERIFY(manifest.isOk());

        auto estimateWithLimit = [&](int limit) {
            GarbageEstimator estimator(&client, registry.address(), 2);
            estimator.setRepositoryLimit(limit);
            estimator.recordDeleting(QStringLiteral("mirror/app"), *manifest);
            return estimator.predict({QStringLiteral("mirror/app")});
        };
        const GarbageEstimator::Estimate all = estimateWithLimit(GarbageEstimator::defaultRepositoryLimit);
        QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
        QVERIFY(all.allRepositories);
        QCOMPARE(all.repositoriesRead, 3);
        const GarbageEstimator::Estimate bounded = estimateWithLimit(2);
        QVERIFY2(bounded.error.isEmpty(), qPrintable(bounded.error));
        QVERIFY(!bounded.allRepositories);
        QCOMPARE(bounded.repositoriesListed, 3);
        QCOMPARE(bounded.repositoriesRead, 1);
        // The shared layer is counted as freed only by the bound.
        QCOMPARE(bounded.bytes, all.bytes + old.blobs.at(1).size());
        QVERIFY(bounded.toString().contains(QStringLiteral("holds 3 repositories, too many to read")));
    }

    void nothingDeletedNoEstimate()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        const auto result = DeleteExecutor(&client, {r, 1, false}).execute({item(r + QStringLiteral("/none:1"))});
        QCOMPARE(result.count(DeleteExecutor::State::AlreadyGone), 1);
        QVERIFY(!result.garbageEstimated);
    }

    void upperBoundWording()
    {
        GarbageEstimator::Estimate estimate;
        estimate.bytes = 2048;
        estimate.blobs = 2;
        estimate.repositoriesRead = 3;
        QVERIFY(estimate.toString().contains(QStringLiteral("at most")));
        estimate.allRepositories = true;
        QVERIFY(!estimate.toString().contains(QStringLiteral("at most")));
        QVERIFY(estimate.toString().contains(QStringLiteral("2048 bytes in 2 blobs")));
    }
};

QTEST_GUILESS_MAIN(TestGarbageEstimator)
#include "tst_garbageestimator.moc"
