#include "testimages.h"

#include "registry/ociimagelayout.h"
#include "registryfixture.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString blobFile(const QString &layout, const QByteArray &bytes)
{
    return layout + QStringLiteral("/blobs/sha256/") + Digest::sha256(bytes).encoded();
}

// Writes layouts the way image tools do: oci-layout, index.json, blobs/sha256/<hex>.
class LayoutWriter
{
public:
    explicit LayoutWriter(QString directory)
        : m_directory(std::move(directory))
    {
        QDir().mkpath(m_directory);
        writeFile(m_directory + QStringLiteral("/oci-layout"), QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}"));
    }

    void blob(const QByteArray &bytes) { writeFile(blobFile(m_directory, bytes), bytes); }
    void image(const TestImage &image)
    {
        blob(image.manifest.bytes());
        for (const QByteArray &bytes : image.blobs)
            blob(bytes);
    }
    QByteArray index(const QJsonArray &entries)
    {
        const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                           {QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)},
                                                           {QStringLiteral("manifests"), entries}})
                                     .toJson(QJsonDocument::Compact);
        writeFile(m_directory + QStringLiteral("/index.json"), bytes);
        return bytes;
    }
    QString directory() const { return m_directory; }

private:
    QString m_directory;
};

QJsonObject entryFor(const Manifest &manifest, const QString &refName = {}, const QString &architecture = {})
{
    QJsonObject entry = descriptorJson(manifest.mediaType(), manifest.bytes());
    if (!refName.isEmpty())
        entry.insert(QStringLiteral("annotations"), QJsonObject{{QString(OciImageLayout::RefNameAnnotation), refName}});
    if (!architecture.isEmpty())
        entry.insert(QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"), architecture},
                                                             {QStringLiteral("os"), QStringLiteral("linux")}});
    return entry;
}

} // namespace

class tst_OciImageLayout : public QObject
{
    Q_OBJECT

private:
    // index.json → OCI index → amd64 and arm64 manifests, as `skopeo copy --all … oci:DIR` writes it.
    struct NestedLayout
    {
        TestImage amd64;
        TestImage arm64;
        Manifest index;
    };

    NestedLayout writeNested(const QString &directory)
    {
        NestedLayout nested{
            makeImage(true, QStringLiteral("amd64"), 2, 512), makeImage(true, QStringLiteral("arm64"), 2, 512), {}};
        nested.index =
            makeIndex(true, {nested.amd64, nested.arm64}, {QStringLiteral("amd64"), QStringLiteral("arm64")});
        LayoutWriter writer(directory);
        writer.image(nested.amd64);
        writer.image(nested.arm64);
        writer.blob(nested.index.bytes());
        writer.index({entryFor(nested.index, QStringLiteral("v4.16"))});
        return nested;
    }

private slots:
    void singleManifest()
    {
        QTemporaryDir dir;
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 3, 100);
        LayoutWriter writer(dir.path());
        writer.image(image);
        writer.index({entryFor(image.manifest, QStringLiteral("latest"))});

        QString error;
        const auto layout = OciImageLayout::open(dir.path(), &error);
        QVERIFY2(layout, qPrintable(error));
        QCOMPARE(layout->image().bytes(), image.manifest.bytes());
        QVERIFY(!layout->image().isIndex());
        QVERIFY(!layout->isCollapsed());
        QCOMPARE(layout->refName(), QStringLiteral("latest"));
        const auto content = layout->content(&error);
        QVERIFY2(content, qPrintable(error));
        QCOMPARE(content->manifests.size(), 1);
        QCOMPARE(content->blobs.size(), 4);
        QCOMPARE(content->blobs.first().digest(), Digest::sha256(image.blobs.first()));
        for (const Descriptor &blob : content->blobs)
            QVERIFY2(layout->verifyBlob(blob, &error), qPrintable(error));
    }

    void nestedIndex()
    {
        QTemporaryDir dir;
        const NestedLayout nested = writeNested(dir.path());
        QString error;
        const auto layout = OciImageLayout::open(dir.path(), &error);
        QVERIFY2(layout, qPrintable(error));
        QVERIFY(layout->image().isIndex());
        QCOMPARE(layout->image().digest(), nested.index.digest());
        QVERIFY(!layout->isCollapsed());
        const auto content = layout->content(&error);
        QVERIFY2(content, qPrintable(error));
        // Children before the index that lists them.
        QCOMPARE(content->manifests.size(), 3);
        QCOMPARE(content->manifests.at(0).digest(), nested.amd64.manifest.digest());
        QCOMPARE(content->manifests.at(1).digest(), nested.arm64.manifest.digest());
        QCOMPARE(content->manifests.at(2).digest(), nested.index.digest());
        QCOMPARE(content->blobs.size(), 6);
    }

    void multiManifestIndexIsCollapsed()
    {
        QTemporaryDir dir;
        const TestImage amd64 = makeImage(true, QStringLiteral("amd64"), 1, 64);
        const TestImage arm64 = makeImage(true, QStringLiteral("arm64"), 1, 64);
        LayoutWriter writer(dir.filePath(QStringLiteral("layout")));
        writer.image(amd64);
        writer.image(arm64);
        const QByteArray indexJson = writer.index({entryFor(amd64.manifest, {}, QStringLiteral("amd64")),
                                                   entryFor(arm64.manifest, {}, QStringLiteral("arm64"))});
        QString error;
        const auto layout = OciImageLayout::open(writer.directory(), &error);
        QVERIFY2(layout, qPrintable(error));
        QVERIFY(layout->isCollapsed());
        QVERIFY(layout->image().isIndex());
        // oc-mirror stores the old index.json as a blob and points the new one at it: the image is its hash.
        QCOMPARE(layout->image().digest(), Digest::sha256(indexJson));
        QCOMPARE(layout->image().manifests().size(), 2);

        const QString copy = dir.filePath(QStringLiteral("copy"));
        QVERIFY2(layout->writeMetadataLayout(copy, &error), qPrintable(error));
        QCOMPARE(readFile(blobFile(copy, indexJson)), indexJson);
        QVERIFY(QFile::exists(blobFile(copy, amd64.manifest.bytes())));
        QVERIFY(QFile::exists(blobFile(copy, amd64.blobs.first()))); // the config
        QVERIFY(!QFile::exists(blobFile(copy, amd64.blobs.last()))); // layers stay out
        const auto reopened = OciImageLayout::open(copy, &error);
        QVERIFY2(reopened, qPrintable(error));
        QVERIFY(!reopened->isCollapsed());
        QCOMPARE(reopened->image().digest(), layout->image().digest());
        QCOMPARE(QJsonDocument::fromJson(readFile(copy + QStringLiteral("/index.json")))
                     .object()
                     .value(QLatin1String("manifests"))
                     .toArray()
                     .size(),
                 1);
    }

    void importServedByTheRegistry()
    {
        QTemporaryDir dir;
        const NestedLayout nested = writeNested(dir.filePath(QStringLiteral("layout")));
        QString error;
        const auto layout = OciImageLayout::open(dir.filePath(QStringLiteral("layout")), &error);
        QVERIFY2(layout, qPrintable(error));
        DistributionStore store(dir.filePath(QStringLiteral("storage")));
        const QString digest =
            layout->importInto(store, QStringLiteral("catalogs/index"), QStringLiteral("v4.16"), &error);
        QCOMPARE(digest, nested.index.digest().toString());
        QCOMPARE(store.manifestDigestForTag(QStringLiteral("catalogs/index"), QStringLiteral("v4.16")), digest);
        for (const QByteArray &blob : nested.amd64.blobs + nested.arm64.blobs)
            QVERIFY(store.isBlobLinked(QStringLiteral("catalogs/index"), Digest::sha256(blob).toString()));

        // A registry on that storage serves the image with its exact bytes.
        RegistryFixture::Options options;
        options.storageDirectory = store.rootDirectory();
        RegistryFixture registry(options);
        QVERIFY2(registry.start(&error), qPrintable(error));
        QCOMPARE(skopeoRaw(registry.address() + QStringLiteral("/catalogs/index:v4.16")), nested.index.bytes());
        QCOMPARE(skopeoRaw(registry.address() + QStringLiteral("/catalogs/index@") +
                           nested.arm64.manifest.digest().toString()),
                 nested.arm64.manifest.bytes());
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), QStringLiteral("http://") + registry.address() +
                                                        QStringLiteral("/v2/catalogs/index/blobs/") +
                                                        Digest::sha256(nested.arm64.blobs.last()).toString()),
                 200);
    }

    void badBlobDigest()
    {
        QTemporaryDir dir;
        const NestedLayout nested = writeNested(dir.path());
        // Same size, other bytes: only the hash can tell.
        const QString layer = blobFile(dir.path(), nested.arm64.blobs.last());
        QByteArray corrupt = nested.arm64.blobs.last();
        corrupt[0] = char(corrupt.at(0) ^ 0x55);
        QVERIFY(writeFile(layer, corrupt));

        QString error;
        const auto layout = OciImageLayout::open(dir.path(), &error);
        QVERIFY2(layout, qPrintable(error)); // the manifests are intact
        QTemporaryDir storeDir;
        DistributionStore store(storeDir.path());
        QVERIFY(layout->importInto(store, QStringLiteral("index"), QStringLiteral("latest"), &error).isEmpty());
        QVERIFY2(error.contains(layer) && error.contains(QStringLiteral("does not match its digest")),
                 qPrintable(error));
        QVERIFY(!store.hasBlob(Digest::sha256(nested.arm64.blobs.last()).toString()));
        QVERIFY(store.manifestDigestForTag(QStringLiteral("index"), QStringLiteral("latest")).isEmpty());

        // A corrupt manifest is found when the layout is opened.
        const QString manifest = blobFile(dir.path(), nested.index.bytes());
        QByteArray changed = nested.index.bytes();
        changed.replace("arm64", "arm65");
        QVERIFY(writeFile(manifest, changed));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(manifest) && error.contains(QStringLiteral("does not match its digest")),
                 qPrintable(error));
    }

    void sizeMismatch()
    {
        QTemporaryDir dir;
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 1, 64);
        LayoutWriter writer(dir.path());
        writer.image(image);
        QJsonObject entry = entryFor(image.manifest);
        entry.insert(QStringLiteral("size"), image.manifest.size() + 1);
        writer.index({entry});
        QString error;
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("descriptor size")), qPrintable(error));
    }

    void pathsThatEscapeAreRefused()
    {
        QTemporaryDir dir;
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 1, 64);
        const QString layoutDir = dir.filePath(QStringLiteral("layout"));
        LayoutWriter writer(layoutDir);
        writer.image(image);
        QString error;

        // A digest that is a path.
        QJsonObject entry = entryFor(image.manifest);
        entry.insert(QStringLiteral("digest"), QStringLiteral("sha256:../../../../etc/passwd"));
        writer.index({entry});
        QVERIFY(!OciImageLayout::open(layoutDir, &error));
        QVERIFY2(error.contains(QStringLiteral("index.json")) && error.contains(QStringLiteral("invalid digest")),
                 qPrintable(error));

        // An algorithm Ferry cannot verify never becomes a path either.
        entry.insert(QStringLiteral("digest"), QStringLiteral("md5:d41d8cd98f00b204e9800998ecf8427e"));
        writer.index({entry});
        QVERIFY(!OciImageLayout::open(layoutDir, &error));
        QVERIFY2(error.contains(QStringLiteral("refused digest")), qPrintable(error));

        // A blob that is a link to a file outside (with the right content, even).
        writer.index({entryFor(image.manifest)});
        const QString outside = dir.filePath(QStringLiteral("outside-manifest"));
        QVERIFY(writeFile(outside, image.manifest.bytes()));
        const QString manifestBlob = blobFile(layoutDir, image.manifest.bytes());
        QVERIFY(QFile::remove(manifestBlob));
        QVERIFY(QFile::link(outside, manifestBlob));
        QVERIFY(!OciImageLayout::open(layoutDir, &error));
        QVERIFY2(error.contains(QStringLiteral("leads out of the layout")), qPrintable(error));

        // The same through a linked blobs directory.
        QVERIFY(QFile::remove(manifestBlob));
        QVERIFY(QDir().rename(layoutDir + QStringLiteral("/blobs"), dir.filePath(QStringLiteral("elsewhere"))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("elsewhere/sha256/")) + image.manifest.digest().encoded(),
                          image.manifest.bytes()));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere")), layoutDir + QStringLiteral("/blobs")));
        QVERIFY(!OciImageLayout::open(layoutDir, &error));
        QVERIFY2(error.contains(QStringLiteral("leads out of the layout")), qPrintable(error));

        // A link inside the layout is fine.
        QVERIFY(QFile::remove(layoutDir + QStringLiteral("/blobs")));
        QVERIFY(QDir().rename(dir.filePath(QStringLiteral("elsewhere")), layoutDir + QStringLiteral("/store")));
        QVERIFY(QFile::link(layoutDir + QStringLiteral("/store"), layoutDir + QStringLiteral("/blobs")));
        QVERIFY2(OciImageLayout::open(layoutDir, &error), qPrintable(error));
    }

    void missingFiles()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!OciImageLayout::open(dir.filePath(QStringLiteral("nowhere")), &error));
        QVERIFY2(error.contains(QStringLiteral("no such OCI layout directory")), qPrintable(error));

        const TestImage image = makeImage(true, QStringLiteral("amd64"), 2, 64);
        LayoutWriter writer(dir.path());
        writer.image(image);
        writer.index({entryFor(image.manifest)});

        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("oci-layout")), dir.filePath(QStringLiteral("moved"))));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("oci-layout"))) &&
                     error.contains(QStringLiteral("not an OCI image layout")),
                 qPrintable(error));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("moved")), dir.filePath(QStringLiteral("oci-layout"))));

        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("index.json")), dir.filePath(QStringLiteral("moved"))));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("index.json"))), qPrintable(error));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("moved")), dir.filePath(QStringLiteral("index.json"))));

        // A missing layer is allowed in a layout, but such an image cannot be imported.
        const QString layer = blobFile(dir.path(), image.blobs.last());
        QVERIFY(QFile::remove(layer));
        const auto layout = OciImageLayout::open(dir.path(), &error);
        QVERIFY2(layout, qPrintable(error));
        QTemporaryDir storeDir;
        DistributionStore store(storeDir.path());
        QVERIFY(layout->importInto(store, QStringLiteral("index"), QStringLiteral("latest"), &error).isEmpty());
        QVERIFY2(error.contains(layer) && error.contains(QStringLiteral("missing")), qPrintable(error));

        // The manifest itself missing is found at once.
        QVERIFY(QFile::remove(blobFile(dir.path(), image.manifest.bytes())));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(blobFile(dir.path(), image.manifest.bytes())), qPrintable(error));
    }

    void invalidLayoutFiles()
    {
        QTemporaryDir dir;
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 1, 64);
        LayoutWriter writer(dir.path());
        writer.image(image);
        writer.index({entryFor(image.manifest)});
        QString error;

        QVERIFY(writeFile(dir.filePath(QStringLiteral("oci-layout")),
                          QByteArrayLiteral("{\"imageLayoutVersion\":\"2.0.0\"}")));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("field imageLayoutVersion")) && error.contains(QStringLiteral("2.0.0")),
                 qPrintable(error));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("oci-layout")), QByteArrayLiteral("{\"imageLayoutVersion\":")));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("invalid JSON")), qPrintable(error));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("oci-layout")),
                          QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}")));

        writer.index({});
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("holds no image")), qPrintable(error));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")),
                          QByteArrayLiteral("{\"schemaVersion\":2,\"manifests\":{}}")));
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("field manifests: expected an array, found an object")),
                 qPrintable(error));
        writer.index({QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.in-toto+json")},
                                  {QStringLiteral("digest"), Digest::sha256("x").toString()},
                                  {QStringLiteral("size"), 1}}});
        QVERIFY(!OciImageLayout::open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("manifests[0].mediaType")), qPrintable(error));
    }

    void realLayouts()
    {
        // Layouts written by containers/image in oc-mirror's tests; their layer blobs were left out.
        QString error;
        const auto multi = OciImageLayout::open(
            QStringLiteral(FERRY_FIXTURES_DIR "/oci/layouts/multi-platform-container-latest"), &error);
        QVERIFY2(multi, qPrintable(error));
        QVERIFY(multi->image().isIndex());
        QCOMPARE(multi->image().digest().encoded(),
                 QStringLiteral("0de0e983a4980f32b1aad2d7f7f387cea2d4e9517b47f336cef27f63735911fa"));
        QCOMPARE(multi->image().manifests().size(), 4);
        const auto content = multi->content(&error);
        QVERIFY2(content, qPrintable(error));
        QCOMPARE(content->manifests.size(), 5);
        QTemporaryDir storeDir;
        DistributionStore store(storeDir.path());
        QVERIFY(multi->importInto(store, QStringLiteral("multi"), QStringLiteral("latest"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("is missing from the layout")), qPrintable(error));

        const auto single =
            OciImageLayout::open(QStringLiteral(FERRY_FIXTURES_DIR "/oci/layouts/single-arch-empty-image"), &error);
        QVERIFY2(single, qPrintable(error));
        QVERIFY(!single->image().isIndex());
        QCOMPARE(single->image().digest().encoded(),
                 QStringLiteral("7d27ba1da0f64410102468d138f9ec8f61f2cc23bb58ff4cd63243a4434e3d99"));
    }
};

QTEST_GUILESS_MAIN(tst_OciImageLayout)
#include "tst_ociimagelayout.moc"
