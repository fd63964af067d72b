#include "../registry/testimages.h"
#include "genericdeleteitem.h"

#include "delete/cachedeleter.h"
#include "workspace/distributionstore.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QTemporaryDir>
#include <QTest>

// delete --force-cache-delete on the local cache: the deleted tags go, what other tags need stays, and the sweep
// frees exactly the blobs no cache manifest references.
class TestCacheDeleter : public QObject
{
    Q_OBJECT

private:
    static QString store(DistributionStore &cache, const QString &repository, const TestImage &image,
                         const QString &tag)
    {
        for (const QByteArray &blob : image.blobs)
            cache.putBlob(blob);
        QString error;
        const QString digest = cache.putManifest(repository, image.manifest.bytes(), tag, &error);
        if (digest.isEmpty())
            qWarning("%s", qPrintable(error));
        return digest;
    }

    static qint64 bytesOf(const TestImage &image)
    {
        qint64 total = image.manifest.size();
        for (const QByteArray &blob : image.blobs)
            total += blob.size();
        return total;
    }

    static DeleteImageItem item(const QString &reference) { return genericDeleteItem(reference); }

private slots:
    void removesTheDeletedImagesAndSweeps()
    {
        QTemporaryDir dir;
        DistributionStore cache(dir.path());
        const TestImage shared = makeImage(true, QStringLiteral("amd64"), 2, 4096);
        const TestImage unique = makeImage(true, QStringLiteral("amd64"), 2, 8192);
        const QString release = QStringLiteral("openshift/release");
        QVERIFY(!store(cache, release, shared, QStringLiteral("4.16.4-x86_64-etcd")).isEmpty());
        QVERIFY(!store(cache, release, shared, QStringLiteral("4.16.5-x86_64-etcd")).isEmpty());
        QVERIFY(!store(cache, release, unique, QStringLiteral("4.16.4-x86_64-unique")).isEmpty());
        const TestImage child1 = makeImage(false, QStringLiteral("amd64"), 1, 2048);
        const TestImage child2 = makeImage(false, QStringLiteral("arm64"), 1, 3072);
        QVERIFY(!store(cache, QStringLiteral("app"), child1, QString()).isEmpty());
        QVERIFY(!store(cache, QStringLiteral("app"), child2, QString()).isEmpty());
        const Manifest index = makeIndex(false, {child1, child2}, {QStringLiteral("amd64"), QStringLiteral("arm64")});
        QVERIFY(!cache.putManifest(QStringLiteral("app"), index.bytes(), QStringLiteral("1")).isEmpty());

        const QString r = QStringLiteral("registry.example:5000/mirror");
        CacheDeleter deleter(&cache, r);
        const auto result = deleter.remove(
            {item(r + QStringLiteral("/openshift/release:4.16.4-x86_64-etcd")),
             item(r + QStringLiteral("/openshift/release:4.16.4-x86_64-unique")), item(r + QStringLiteral("/app:1")),
             item(r + QStringLiteral("/notcached:1")), item(QStringLiteral("elsewhere.example/app:1"))});
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.removedTags.size(), 3);
        QCOMPARE(result.removedManifests.size(), 4); // unique, the index and its two children
        QCOMPARE(result.keptManifests.size(), 1);
        QVERIFY(result.keptManifests.first().contains(QStringLiteral("4.16.5-x86_64-etcd")));
        QCOMPARE(result.sweep.blobs, 4 + 1 + 3 + 3); // manifests are blobs too
        QCOMPARE(result.sweep.bytes, bytesOf(unique) + index.size() + bytesOf(child1) + bytesOf(child2));
        QVERIFY(result.summary().contains(QStringLiteral("removed 3 tags and 4 manifests")));
        QVERIFY(cache.hasBlob(shared.manifest.digest().toString()));
        for (const QByteArray &blob : shared.blobs)
            QVERIFY(cache.hasBlob(DistributionStore::digestOf(blob)));
        QVERIFY(!cache.isBlobLinked(release, DistributionStore::digestOf(unique.blobs.at(1))));

        // A registry serving the cache agrees: the kept image is whole, the removed ones are gone.
        RegistryFixture::Options options;
        options.storageDirectory = dir.path();
        RegistryFixture registry(options);
        QVERIFY(registry.start());
        QCOMPARE(Skopeo::inspectRaw(registry.address() + QStringLiteral("/openshift/release:4.16.5-x86_64-etcd")),
                 shared.manifest.bytes());
        QVERIFY(
            Skopeo::inspectRaw(registry.address() + QStringLiteral("/openshift/release:4.16.4-x86_64-etcd")).isEmpty());
        QVERIFY(Skopeo::inspectRaw(registry.address() + QStringLiteral("/app:1")).isEmpty());
        // Nothing left for the registry's own garbage collection: the sweep found it all.
        const qint64 before = registry.blobBytesOnDisk();
        QCOMPARE(registry.garbageCollect(false), 0);
        QCOMPARE(registry.blobBytesOnDisk(), before);
    }
};

QTEST_GUILESS_MAIN(TestCacheDeleter)
#include "tst_cachedeleter.moc"
